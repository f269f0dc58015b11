"""Which schema this version of the app writes, and the mark that makes a file ours. No SQL.

Apart from models.database (which re-exports them) so that the command line's SQLite path
checks a file's schema with sqlite3 alone.
"""

from __future__ import annotations

# The newest migration: a database at it opens without loading Alembic (a test holds this
# equal to the head of models/migrations).
SCHEMA_REVISION = "0013"
APPLICATION_ID = 0x54545254  # 'TTRT', set by the first migration

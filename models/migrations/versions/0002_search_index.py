"""Search index: SQLite FTS5 over titles, summaries, notes, places and party names.

The index holds folded text (models.text.index_text) so that 'turkiye' finds 'Türkiye'
and 'ozbekiston' finds 'Oʻzbekiston'; the service layer keeps it in step with every save.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.search_index import rebuild_search_index

# unicode61 with remove_diacritics 2 folds what models.text.fold may leave; the prefix
# indexes make 'as you type' queries of one to three letters cheap.
CREATE_INDEX_SQL = (
    "CREATE VIRTUAL TABLE agreement_search USING fts5("
    "title, body, place, parties, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
)

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    op.execute(sa.text(CREATE_INDEX_SQL))
    rebuild_search_index(bind)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE agreement_search")

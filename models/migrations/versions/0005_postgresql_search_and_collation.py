"""PostgreSQL: a search table of folded words, and byte-order ("C") collation on text.

SQLite compares text byte by byte (BINARY) and searches through FTS5 (migration 0002).
On PostgreSQL the same answers need the same order: every text column gets COLLATE "C",
so '2021' < '2021-06' < '2021~' as in SQLite, and titles, names and field paths sort the
same whatever the server's locale. `agreement_search` holds, per agreement, the folded
words of models.text.index_text as a tsvector (cast, not parsed: the words are taken as
they are, so no server locale or text-search configuration changes them), under a GIN
index that answers prefix queries ('tok':*) as FTS5 answers "tok"*. Nothing on SQLite.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.revision import PG_BUMP_FUNCTION
from models.search_index import rebuild_search_index

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLES = (
    "agreements",
    "parties",
    "party_aliases",
    "fields",
    "participations",
    "actions",
    "milestones",
    "relations",
    "saved_views",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    inspector = sa.inspect(bind)
    for table in TABLES:
        for column in inspector.get_columns(table):
            kind = column["type"]
            if isinstance(kind, sa.String):  # VARCHAR(n) and TEXT alike
                length = getattr(kind, "length", None)
                name = f"VARCHAR({length})" if length else "TEXT"
                op.execute(
                    f'ALTER TABLE {table} ALTER COLUMN "{column["name"]}" TYPE {name} COLLATE "C"'
                )
    op.execute(PG_BUMP_FUNCTION)  # 0004's trigger as fixed since: once per transaction
    op.execute(
        "CREATE TABLE agreement_search ("
        "agreement_id INTEGER PRIMARY KEY, document TSVECTOR NOT NULL)"
    )
    op.execute("CREATE INDEX ix_agreement_search_document ON agreement_search USING GIN (document)")
    rebuild_search_index(bind)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE agreement_search")

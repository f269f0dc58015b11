"""A data revision: one counter that every change to the data moves on.

Triggers bump `data_revision.value` in the transaction that changes agreements, parties,
fields, their links, milestones, relations or saved views, so a cached index of the data
(models.facet_index) or another analyst's window knows in one read whether it is stale.
On PostgreSQL the trigger runs per statement, moves the counter once per transaction and
sends NOTIFY treaty_tracker (from 0007: at commit). A later migration that rebuilds one of
these tables on SQLite (batch "recreate") drops its triggers with it and must create them
again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.revision import PG_BUMP_FUNCTION, sqlite_triggers
from models.schema import TRACKED_TABLES

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "data_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_revision")),
    )
    op.execute("INSERT INTO data_revision (id, value) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_BUMP_FUNCTION)
        for table in TRACKED_TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION treaty_tracker_bump_revision()"
            )
        return
    for _name, create in sqlite_triggers():
        op.execute(create)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TRACKED_TABLES:
            op.execute(f"DROP TRIGGER {table}_revision ON {table}")
        op.execute("DROP FUNCTION treaty_tracker_bump_revision()")
    else:
        for table in TRACKED_TABLES:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER {table}_{event}_revision")
    op.drop_table("data_revision")

"""Agreement ids are never reused (SQLite AUTOINCREMENT).

Without it SQLite hands the highest deleted id to the next new agreement, and undoing
the delete would then collide with it. Rebuilds the agreements table, keeping every row.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # other back ends never reuse sequence values
    with op.batch_alter_table(
        "agreements", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ):
        pass


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table(
        "agreements", recreate="always", table_kwargs={"sqlite_autoincrement": False}
    ):
        pass

"""Undo history and the trash (models/history.py, models/trash.py).

`history_steps` holds one row per undoable user action (label, user, time, undone or
not); `history_items` the JSON state of each agreement, party, field or saved view
before and after it. `trash` holds deleted agreements whole (a snapshot of their rows),
their ids reserved, until the trash is emptied. The audit log learns the actions
"undo", "redo" and "purge" (emptied from the trash). `trash` and `history_steps` move the
data revision on, so other windows notice; `history_items` does not (its rows come with
a step, and an import's step has one row per agreement).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.revision import sqlite_triggers
from models.schema import LATER_TRACKED_TABLES

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

OLD_ACTIONS = ("create", "update", "delete", "restore", "import")
NEW_ACTIONS = (*OLD_ACTIONS, "undo", "redo", "purge")


def _actions(values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(
        *values, name="auditaction", native_enum=False, create_constraint=True, length=20
    )


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    name = sa.String(200, collation="C") if postgresql else sa.String(200)
    op.create_table(
        "trash",
        sa.Column("agreement_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("title", sa.String(2000), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_by", name, nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("agreement_id", name=op.f("pk_trash")),
    )
    op.create_index("ix_trash_deleted_at", "trash", ["deleted_at"])
    op.create_table(
        "history_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(500), nullable=False),
        sa.Column("user_name", name, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history_steps")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_history_steps_user", "history_steps", ["user_name", "id"])
    op.create_table(
        "history_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["step_id"],
            ["history_steps.id"],
            name=op.f("fk_history_items_step_id_history_steps"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_history_items")),
    )
    op.create_index("ix_history_items_step_id", "history_items", ["step_id"])
    # audit_log has no triggers, so SQLite's batch rebuild of it loses nothing.
    with op.batch_alter_table("audit_log", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.alter_column(
            "action", existing_type=_actions(OLD_ACTIONS), type_=_actions(NEW_ACTIONS)
        )
    _track(postgresql)


def _track(postgresql: bool) -> None:
    if postgresql:
        for table in LATER_TRACKED_TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION treaty_tracker_bump_revision()"
            )
        return
    for _name, create in sqlite_triggers(LATER_TRACKED_TABLES):
        op.execute(create)


def downgrade() -> None:
    op.execute("DELETE FROM audit_log WHERE action IN ('undo', 'redo', 'purge')")
    with op.batch_alter_table("audit_log", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.alter_column(
            "action", existing_type=_actions(NEW_ACTIONS), type_=_actions(OLD_ACTIONS)
        )
    op.drop_table("history_items")
    op.drop_table("history_steps")
    op.drop_table("trash")

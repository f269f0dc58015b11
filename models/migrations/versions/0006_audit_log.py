"""Who: created_by / updated_by on agreements, and an audit log of every change.

`audit_log.agreement_id` has no foreign key on purpose: the trail of an agreement stays
after it is deleted (and is there again when the delete is undone). Rows recorded before
this revision have no author (NULL), never an invented one.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ACTIONS = ("create", "update", "delete", "restore", "import")


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    name = sa.String(200, collation="C") if postgresql else sa.String(200)
    op.add_column("agreements", sa.Column("created_by", name, nullable=True))
    op.add_column("agreements", sa.Column("updated_by", name, nullable=True))
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", name, nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                *ACTIONS, name="auditaction", native_enum=False, create_constraint=True, length=20
            ),
            nullable=False,
        ),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_audit_log_agreement", "audit_log", ["agreement_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_agreement", table_name="audit_log")
    op.drop_table("audit_log")
    # Plain DROP COLUMN (SQLite 3.35+): a batch rebuild would lose the triggers of 0004.
    op.drop_column("agreements", "updated_by")
    op.drop_column("agreements", "created_by")

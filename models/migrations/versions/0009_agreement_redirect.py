"""Merged agreements: the old id of an agreement merged into another answers with the kept one.

`agreement_redirect(old_id, new_id)` has no foreign keys: the old agreement is deleted by
the merge, and the kept one may be deleted and restored under its id. No data-revision
triggers: a merge changes agreements, which move the revision on already.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreement_redirect",
        sa.Column("old_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("new_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("old_id", name=op.f("pk_agreement_redirect")),
    )
    op.create_index("ix_agreement_redirect_new_id", "agreement_redirect", ["new_id"])


def downgrade() -> None:
    op.drop_index("ix_agreement_redirect_new_id", table_name="agreement_redirect")
    op.drop_table("agreement_redirect")

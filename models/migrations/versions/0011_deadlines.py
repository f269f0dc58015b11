"""Structured terms and deadlines: four term columns on agreements, agreement_deadlines.

The terms (duration, renewal, notice period, entry-into-force rule) start empty: the
text as written stays where it was, nothing is guessed from it. Every recorded expiry
becomes a deadline at once, so the Due panel knows them from the first start.
No data-revision triggers on agreement_deadlines: it changes only with agreements.

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.dates import PartialDate

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TERMS = ("duration_term", "renewal_term", "notice_term", "entry_into_force_term")


def upgrade() -> None:
    for name in TERMS:
        op.add_column("agreements", sa.Column(name, sa.String(100), nullable=True))
    op.create_table(
        "agreement_deadlines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("on", sa.String(10), nullable=False),
        sa.Column("first_day", sa.String(10), nullable=False),
        sa.Column("last_day", sa.String(10), nullable=False),
        sa.Column("how", sa.String(1000), nullable=False),
        sa.Column("recorded", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_deadlines_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_deadlines")),
    )
    op.create_index("ix_agreement_deadlines_agreement_id", "agreement_deadlines", ["agreement_id"])
    op.create_index(
        "ix_agreement_deadlines_first_day", "agreement_deadlines", ["first_day", "agreement_id"]
    )
    _recorded_expiries(op.get_bind())


def _recorded_expiries(connection: sa.Connection) -> None:
    rows = connection.execute(
        sa.text("SELECT id, expires_on FROM agreements WHERE expires_on IS NOT NULL")
    )
    table = sa.table(
        "agreement_deadlines",
        *(sa.column(name) for name in ("agreement_id", "kind", "on", "first_day", "last_day")),
        sa.column("how"),
        sa.column("recorded"),
    )
    batch = []
    for agreement_id, text in rows:
        on = PartialDate.parse(text)
        batch.append(
            {
                "agreement_id": agreement_id,
                "kind": "expiry",
                "on": on.iso(),
                "first_day": on.first_day().isoformat(),
                "last_day": on.last_day().isoformat(),
                "how": "expiry as recorded",
                "recorded": True,
            }
        )
    if batch:
        connection.execute(sa.insert(table), batch)


def downgrade() -> None:
    op.drop_index("ix_agreement_deadlines_first_day", table_name="agreement_deadlines")
    op.drop_index("ix_agreement_deadlines_agreement_id", table_name="agreement_deadlines")
    op.drop_table("agreement_deadlines")
    with op.batch_alter_table("agreements") as batch:
        for name in TERMS:
            batch.drop_column(name)

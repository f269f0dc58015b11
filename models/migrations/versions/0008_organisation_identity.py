"""Curated organisations get an identity: parties.org_code ('EU'), unique.

Organisations recorded before this revision get their code when their name or one of
their spellings names exactly one curated organisation ('European Union', 'EU'), and
no other party has taken it: two parties for one organisation stay two (merge them in
the window), never joined without a person deciding.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.organisations import find_organisation

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    code = sa.String(20, collation="C") if postgresql else sa.String(20)
    # add_column + a unique index, not a UNIQUE column: SQLite can add this one without
    # rebuilding the table (which would drop its data-revision triggers).
    op.add_column("parties", sa.Column("org_code", code, nullable=True))
    op.create_index("ix_parties_org_code", "parties", ["org_code"], unique=True)
    _give_codes(op.get_bind())


def _give_codes(connection: sa.Connection) -> None:
    rows = connection.execute(
        sa.text(
            "SELECT p.id, p.name, a.alias FROM parties p LEFT JOIN party_aliases a "
            "ON a.party_id = p.id WHERE p.kind = 'international organization' ORDER BY p.id"
        )
    )
    codes: dict[int, set[str]] = {}
    for party_id, name, alias in rows:
        for spelling in (name, alias):
            found = find_organisation(spelling) if spelling else None
            codes.setdefault(party_id, set()).update([found.code] if found else [])
    taken: set[str] = set()
    for party_id, found in codes.items():
        if len(found) == 1 and not found & taken:
            taken |= found
            connection.execute(
                sa.text("UPDATE parties SET org_code = :code WHERE id = :id"),
                {"code": found.pop(), "id": party_id},
            )


def downgrade() -> None:
    op.drop_index("ix_parties_org_code", table_name="parties")
    with op.batch_alter_table("parties") as batch:
        batch.drop_column("org_code")

"""The party links of listed agreements read from one index, in their order.

`list` and the window's rows read every party link of the agreements they show, ordered
by agreement, position and id, with the party and the role: from the table that took a
lookup per link and a sort (about half of `list --party KAZ`'s query time at 250,000
agreements). This index holds all of it, so SQLite reads the links in order from the
index alone. No triggers: it holds no new data.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

INDEX = "ix_participations_listed"
COLUMNS = ["agreement_id", "position", "id", "party_id", "role"]


def upgrade() -> None:
    op.create_index(INDEX, "participations", COLUMNS)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="participations")

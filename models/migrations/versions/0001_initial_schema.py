"""Initial schema: agreements, parties, fields, participations, actions, milestones.

Revision ID: 0001
Revises:
Create Date: 2026-11-29 04:36:49.790485
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# 'TTRT': marks the file as a Treaty Tracker database (PRAGMA application_id).
APPLICATION_ID = 0x54545254

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=2000), nullable=False),
        sa.Column("title_key", sa.String(length=200), nullable=False),
        sa.Column("short_title", sa.String(length=500), nullable=True),
        sa.Column("alternative_titles", sa.JSON(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "treaty",
                "convention",
                "agreement",
                "protocol",
                "charter",
                "declaration",
                "memorandum of understanding",
                "exchange of notes",
                "joint statement",
                "programme",
                "roadmap",
                "other",
                name="kind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("binding", sa.Boolean(), nullable=True),
        sa.Column(
            "level",
            sa.Enum(
                "interstate",
                "intergovernmental",
                "interdepartmental",
                "unknown",
                name="level",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "under negotiation",
                "adopted",
                "signed",
                "ratified",
                "provisionally applied",
                "in force",
                "suspended",
                "terminated",
                "expired",
                name="status",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("signed_on", sa.String(length=10), nullable=True),
        sa.Column("signed_at", sa.String(length=300), nullable=True),
        sa.Column("entry_into_force", sa.String(length=10), nullable=True),
        sa.Column("entry_into_force_rule", sa.String(length=1000), nullable=True),
        sa.Column("expires_on", sa.String(length=10), nullable=True),
        sa.Column("duration", sa.String(length=300), nullable=True),
        sa.Column("renewal", sa.String(length=1000), nullable=True),
        sa.Column("terminated_on", sa.String(length=10), nullable=True),
        sa.Column("termination_grounds", sa.String(length=1000), nullable=True),
        sa.Column("depositary", sa.String(length=300), nullable=True),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("un_registration", sa.String(length=100), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("source_citation", sa.String(length=1000), nullable=True),
        sa.Column("source_url", sa.String(length=2000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreements")),
    )
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreements_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_signed_on"), ["signed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_title_key"), ["title_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "fields",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["fields.id"],
            name=op.f("fk_fields_parent_id_fields"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fields")),
        sa.UniqueConstraint("key", name=op.f("uq_fields_key")),
    )
    with op.batch_alter_table("fields", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fields_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "parties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "state",
                "international organization",
                "government body",
                name="partykind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("iso3", sa.String(length=3), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parties")),
        sa.UniqueConstraint("iso3", name=op.f("uq_parties_iso3")),
    )
    op.create_table(
        "saved_views",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("filter", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_views")),
        sa.UniqueConstraint("name", name=op.f("uq_saved_views_name")),
    )
    op.create_table(
        "agreement_fields",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("field_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_agreement_fields_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["field_id"],
            ["fields.id"],
            name=op.f("fk_agreement_fields_field_id_fields"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("agreement_id", "field_id", name=op.f("pk_agreement_fields")),
    )
    with op.batch_alter_table("agreement_fields", schema=None) as batch_op:
        batch_op.create_index(
            "ix_agreement_fields_field", ["field_id", "agreement_id"], unique=False
        )

    op.create_table(
        "milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "signed",
                "ratified",
                "entered into force",
                "amended",
                "review due",
                "expires",
                "notice period for renewal ends",
                "other",
                name="milestonekind",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("on", sa.String(length=10), nullable=True),
        sa.Column("description", sa.String(length=1000), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_milestones_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestones")),
    )
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_milestones_agreement_id"), ["agreement_id"], unique=False
        )

    op.create_table(
        "participations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "negotiating state",
                "original signatory",
                "party",
                "observer",
                "depositary",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("signatory_name", sa.String(length=300), nullable=True),
        sa.Column("signatory_title", sa.String(length=300), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_participations_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["parties.id"],
            name=op.f("fk_participations_party_id_parties"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participations")),
        sa.UniqueConstraint("agreement_id", "party_id", name="uq_participations_agreement_party"),
    )
    with op.batch_alter_table("participations", schema=None) as batch_op:
        batch_op.create_index("ix_participations_party", ["party_id", "agreement_id"], unique=False)

    op.create_table(
        "party_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["parties.id"],
            name=op.f("fk_party_aliases_party_id_parties"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party_aliases")),
        sa.UniqueConstraint("key", name=op.f("uq_party_aliases_key")),
    )
    with op.batch_alter_table("party_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_party_aliases_party_id"), ["party_id"], unique=False)

    op.create_table(
        "relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "protocol to",
                "amends",
                "supersedes",
                "supplements",
                "implements",
                "terminates",
                name="relationtype",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreements.id"],
            name=op.f("fk_relations_agreement_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["other_id"],
            ["agreements.id"],
            name=op.f("fk_relations_other_id_agreements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relations")),
        sa.UniqueConstraint(
            "agreement_id", "type", "other_id", name="uq_relations_agreement_type_other"
        ),
    )
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_relations_agreement_id"), ["agreement_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_relations_other_id"), ["other_id"], unique=False)

    op.create_table(
        "actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participation_id", sa.Integer(), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "signature",
                "definitive signature",
                "ratification",
                "acceptance",
                "approval",
                "formal confirmation",
                "accession",
                "succession",
                "provisional application",
                "entry into force",
                "reservation",
                "declaration",
                "objection",
                "denunciation",
                "withdrawal",
                name="actiontype",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("deposited_on", sa.String(length=10), nullable=True),
        sa.Column("effective_on", sa.String(length=10), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participation_id"],
            ["participations.id"],
            name=op.f("fk_actions_participation_id_participations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actions")),
    )
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_actions_participation_id"), ["participation_id"], unique=False
        )

    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actions_participation_id"))

    op.drop_table("actions")
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relations_other_id"))
        batch_op.drop_index(batch_op.f("ix_relations_agreement_id"))

    op.drop_table("relations")
    with op.batch_alter_table("party_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_party_aliases_party_id"))

    op.drop_table("party_aliases")
    with op.batch_alter_table("participations", schema=None) as batch_op:
        batch_op.drop_index("ix_participations_party")

    op.drop_table("participations")
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestones_agreement_id"))

    op.drop_table("milestones")
    with op.batch_alter_table("agreement_fields", schema=None) as batch_op:
        batch_op.drop_index("ix_agreement_fields_field")

    op.drop_table("agreement_fields")
    op.drop_table("saved_views")
    op.drop_table("parties")
    with op.batch_alter_table("fields", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fields_parent_id"))

    op.drop_table("fields")
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreements_updated_at"))
        batch_op.drop_index(batch_op.f("ix_agreements_title_key"))
        batch_op.drop_index(batch_op.f("ix_agreements_status"))
        batch_op.drop_index(batch_op.f("ix_agreements_signed_on"))
        batch_op.drop_index(batch_op.f("ix_agreements_kind"))

    op.drop_table("agreements")

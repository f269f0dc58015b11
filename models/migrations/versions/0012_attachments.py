"""Attachments: files kept with an agreement, versioned, their text searched.

`attachments` (label, language; keyed by agreement id without a foreign key, so that an
agreement in the trash keeps them), `attachment_versions` (file name, size, SHA-256, who
and when, the extracted text and its status) and `attachment_chunks` (the bytes, a
megabyte a row). The search table `attachment_search` holds the folded text of each
attachment's current version: FTS5 on SQLite, a tsvector under a GIN index on PostgreSQL,
as `agreement_search` does for the records (0002, 0005). Changes to attachments and their
versions move the data revision on (0004), so the facet index notices a new text.

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.attachment_schema import ATTACHMENT_TRACKED_TABLES
from models.attachment_search import ATTACHMENT_SEARCH_TABLE, create_attachment_search

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _text(length: int) -> sa.types.TypeEngine[str]:
    """A VARCHAR compared byte by byte on PostgreSQL too, as 0005 made every other one."""
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("label", _text(200), nullable=False),
        sa.Column("language", _text(50), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_by", _text(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_index("ix_attachments_agreement", "attachments", ["agreement_id", "position"])
    op.create_table(
        "attachment_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("filename", _text(500), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", _text(64), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", _text(200), nullable=True),
        sa.Column("text_status", _text(20), nullable=False),
        sa.Column("text_note", _text(500), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachments.id"],
            name=op.f("fk_attachment_versions_attachment_id_attachments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment_versions")),
    )
    op.create_index(
        "ix_attachment_versions_attachment_id", "attachment_versions", ["attachment_id"]
    )
    op.create_table(
        "attachment_chunks",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["attachment_versions.id"],
            name=op.f("fk_attachment_chunks_version_id_attachment_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("version_id", "seq", name=op.f("pk_attachment_chunks")),
    )
    bind = op.get_bind()
    create_attachment_search(bind)
    if bind.dialect.name == "postgresql":
        for table in ATTACHMENT_TRACKED_TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION treaty_tracker_bump_revision()"
            )
    elif bind.dialect.name == "sqlite":
        for table in ATTACHMENT_TRACKED_TABLES:
            for event in ("insert", "update", "delete"):
                op.execute(
                    f"CREATE TRIGGER {table}_{event}_revision AFTER {event.upper()} ON {table} "
                    "BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END"
                )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name in ("sqlite", "postgresql"):
        op.execute(f"DROP TABLE IF EXISTS {ATTACHMENT_SEARCH_TABLE}")
    op.drop_table("attachment_chunks")
    op.drop_index("ix_attachment_versions_attachment_id", table_name="attachment_versions")
    op.drop_table("attachment_versions")
    op.drop_index("ix_attachments_agreement", table_name="attachments")
    op.drop_table("attachments")

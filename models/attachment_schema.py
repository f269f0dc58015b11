"""The ORM classes of attachments: files kept with an agreement, versioned (migration 0012).

An attachment is keyed by its agreement's id without a foreign key: an agreement moved to
the trash leaves `agreements` and comes back under the same id, and its attachments must
wait for it (purge_attachments removes them when it is deleted for good). Each version
keeps its bytes in `attachment_chunks`, a megabyte a row, so neither saving nor reading a
50 MB file ever holds it in memory whole, and listing attachments reads no bytes at all.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from models.schema import Base, utcnow

# The tables whose changes move the data revision on (their triggers: migration 0012).
ATTACHMENT_TRACKED_TABLES = ("attachments", "attachment_versions")


class Attachment(Base):
    """A file kept with an agreement: its label and language; its content is in versions."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_agreement", "agreement_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(50))
    position: Mapped[int] = mapped_column(default=0)
    # Removed attachments are kept (and restorable) until purged; they are not searched.
    removed_at: Mapped[datetime | None]
    removed_by: Mapped[str | None] = mapped_column(String(200))

    versions: Mapped[list[AttachmentVersion]] = relationship(
        back_populates="attachment",
        cascade="all, delete-orphan",
        order_by="AttachmentVersion.number",
        passive_deletes=True,
    )


class AttachmentVersion(Base):
    """One version of an attachment's file: name, size, checksum, when, and its text."""

    __tablename__ = "attachment_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachments.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(500))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    added_by: Mapped[str | None] = mapped_column(String(200))
    text_status: Mapped[str] = mapped_column(String(20))
    text_note: Mapped[str | None] = mapped_column(String(500))
    # Deferred: lists of attachments never read the text, only search passages do.
    text: Mapped[str] = deferred(mapped_column(Text, default="", nullable=False))

    attachment: Mapped[Attachment] = relationship(back_populates="versions")


class AttachmentChunk(Base):
    """A megabyte of a version's bytes; `seq` orders them."""

    __tablename__ = "attachment_chunks"

    version_id: Mapped[int] = mapped_column(
        ForeignKey("attachment_versions.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)

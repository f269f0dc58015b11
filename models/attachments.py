"""Attach, version, remove and read back the files kept with an agreement.

Every function takes the caller's session and neither opens nor commits it: an attach is
one transaction, so a failed or cancelled one leaves nothing behind. The bytes go into
the database a megabyte at a time while their SHA-256 is computed, and come out the same
way; the extracted text goes into the attachments' search table.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from models import history
from models.atomic_file import atomic_binary
from models.attachment_schema import Attachment, AttachmentChunk, AttachmentVersion
from models.attachment_search import ATTACHMENT_SEARCH_TABLE, index_version, unindex_versions
from models.attachment_text import Extracted, TextStatus, extract_text
from models.audit import record
from models.changes import Changes
from models.history import ATTACHMENT, quoted
from models.messages import (
    ATTACHMENTS,
    QT_TRANSLATE_NOOP,
    STEP_ATTACH,
    STEP_NEW_VERSION,
    STEP_REMOVAL,
    STEP_RESTORE_TO,
    Message,
    fill,
    joined,
    say,
)
from models.schema import Agreement, utcnow
from models.service import NotFoundError
from models.text import not_utf8, shown
from models.users import current_user

CHUNK_BYTES = 1 << 20  # a megabyte a row: small enough for any driver, few rows per file
LIMIT_VARIABLE = "TREATY_TRACKER_ATTACHMENT_LIMIT_MB"
DEFAULT_LIMIT_MB = 200
DEFAULT_LABEL = "document"
LABEL_MAX, LANGUAGE_MAX, FILENAME_MAX = 200, 50, 500

# progress(bytes done, bytes in all), called between chunks; check() raises to cancel.
Progress = Callable[[int, int], None]
Check = Callable[[], None]


class AttachmentError(Exception):
    """A file can't be attached, replaced or read; the message names it and says why."""


@dataclass(frozen=True)
class VersionView:
    """One version of an attachment, as lists and reports show it (no bytes, no text)."""

    id: int
    number: int
    filename: str
    size: int
    sha256: str
    added_at: datetime
    added_by: str | None
    text_status: TextStatus
    text_note: str | None


@dataclass(frozen=True)
class AttachmentView:
    """An attachment with its versions, newest last; `current` is the one searched and opened."""

    id: int
    agreement_id: int
    label: str
    language: str | None
    removed_at: datetime | None
    versions: tuple[VersionView, ...]

    @property
    def current(self) -> VersionView:
        return self.versions[-1]


@dataclass(frozen=True)
class Attached:
    """What an attach or a replace did: the attachment, its new version, and the change."""

    attachment_id: int
    version: VersionView
    changes: Changes


def size_limit(environ: dict[str, str] | os._Environ[str] | None = None) -> int:
    """The largest file that may be attached, in bytes: $TREATY_TRACKER_ATTACHMENT_LIMIT_MB."""
    value = (os.environ if environ is None else environ).get(LIMIT_VARIABLE, "").strip()
    try:
        megabytes = float(value) if value else DEFAULT_LIMIT_MB
    except ValueError:
        megabytes = DEFAULT_LIMIT_MB
    return int(max(megabytes, 0) * 1_000_000)


def megabytes(size: int) -> str:
    """'52.4 MB', as the limit is spoken of (decimal megabytes)."""
    return f"{size / 1_000_000:.1f} MB"


def size_text(size: int) -> str:
    """A file's size as a list shows it: '840 kB', '52.4 MB' (decimal units, as the limit)."""
    if size < 1_000_000:
        return f"{max(size, 1) / 1000:.0f} kB" if size >= 1000 else f"{size} bytes"
    return megabytes(size)


def attach_file(
    session: Session,
    agreement_id: int,
    path: Path,
    *,
    label: str = DEFAULT_LABEL,
    language: str | None = None,
    filename: str | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
    check: Check | None = None,
) -> Attached:
    """Attach the file at *path* to an agreement as a new attachment (version 1); undoable."""
    label, language = _checked_label(label, language)
    title = _agreement_title(session, agreement_id)
    words = fill(STEP_ATTACH, quoted(filename or path.name), quoted(title))
    with history.step(session, words) as recording:
        position = session.scalar(
            select(func.count()).where(Attachment.agreement_id == agreement_id)
        )
        attachment = Attachment(
            agreement_id=agreement_id, label=label, language=language, position=position or 0
        )
        session.add(attachment)
        session.flush()
        recording.created([attachment.id], ATTACHMENT)
        version = _store(session, attachment, 1, path, filename, limit, progress, check)
        _audit(session, agreement_id, "", _named(attachment, version.filename))
    return Attached(attachment.id, version, Changes.of(changed=[agreement_id]))


def replace_file(
    session: Session,
    attachment_id: int,
    path: Path,
    *,
    filename: str | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
    check: Check | None = None,
) -> Attached:
    """Add a new version of an attachment; the earlier ones stay listed and can be saved."""
    attachment = _attachment(session, attachment_id)
    if attachment.removed_at is not None:
        removed = QT_TRANSLATE_NOOP("Attachments", "attachment %1 was removed: restore it first")
        raise AttachmentError(_say(removed, attachment_id))
    title = _agreement_title(session, attachment.agreement_id)
    new_name, label = quoted(filename or path.name), quoted(attachment.label)
    was = _named(attachment, _view(attachment).current.filename)
    with history.step(session, fill(STEP_NEW_VERSION, new_name, label, quoted(title))) as step:
        step.touch([attachment_id], ATTACHMENT)
        previous = [version.id for version in attachment.versions]
        # Versions an undo withdrew keep their numbers (negative): a new one comes after.
        number = max((abs(version.number) for version in attachment.versions), default=0) + 1
        unindex_versions(session.connection(), previous)
        version = _store(session, attachment, number, path, filename, limit, progress, check)
        _audit(session, attachment.agreement_id, was, _named(attachment, version.filename))
    return Attached(attachment.id, version, Changes.of(changed=[attachment.agreement_id]))


def remove_attachment(session: Session, attachment_id: int) -> Changes:
    """Remove an attachment: no longer listed or searched, kept until purged (restorable)."""
    attachment = _attachment(session, attachment_id)
    if attachment.removed_at is None:
        shown = _named(attachment, _view(attachment).current.filename)
        title = _agreement_title(session, attachment.agreement_id)
        with history.step(session, fill(STEP_REMOVAL, quoted(shown), quoted(title))) as step:
            step.touch([attachment_id], ATTACHMENT)
            attachment.removed_at = utcnow()
            attachment.removed_by = current_user()
            unindex_versions(session.connection(), [version.id for version in attachment.versions])
            _audit(session, attachment.agreement_id, shown, "removed")
    return Changes.of(changed=[attachment.agreement_id])


def restore_attachment(session: Session, attachment_id: int) -> Changes:
    """Bring a removed attachment back, searched again; undoable."""
    attachment = _attachment(session, attachment_id)
    if attachment.removed_at is not None:
        view = _view(attachment)
        shown = _named(attachment, view.current.filename)
        title = _agreement_title(session, attachment.agreement_id)
        with history.step(session, fill(STEP_RESTORE_TO, quoted(shown), quoted(title))) as step:
            step.touch([attachment_id], ATTACHMENT)
            attachment.removed_at = None
            attachment.removed_by = None
            current = session.get(AttachmentVersion, view.current.id)
            assert current is not None
            index_version(session.connection(), current.id, attachment.agreement_id, current.text)
            _audit(session, attachment.agreement_id, "removed", shown)
    return Changes.of(changed=[attachment.agreement_id])


def purge_attachments(session: Session, agreement_ids: Iterable[int]) -> int:
    """Delete for good every attachment of these agreements (deleted for good); how many."""
    ids = list(agreement_ids)
    if not ids:
        return 0
    found = session.execute(
        select(Attachment.id, AttachmentVersion.id)
        .join(AttachmentVersion, AttachmentVersion.attachment_id == Attachment.id)
        .where(Attachment.agreement_id.in_(ids))
    ).all()
    unindex_versions(session.connection(), [version for _, version in found])
    attachments = sorted({attachment for attachment, _ in found})
    # Chunks and versions go with their attachment (ON DELETE CASCADE).
    session.execute(delete(Attachment).where(Attachment.agreement_id.in_(ids)))
    return len(attachments)


def attachment_ids(session: Session, agreement_id: int) -> list[int]:
    """Every attachment of the agreement, removed ones too."""
    return list(
        session.scalars(select(Attachment.id).where(Attachment.agreement_id == agreement_id))
    )


def move_attachments(session: Session, from_id: int, to_id: int) -> int:
    """Give agreement *from_id*'s attachments to *to_id* (a merge), after its own; how many."""
    offset = session.scalar(select(func.count()).where(Attachment.agreement_id == to_id))
    moved: int = session.execute(  # type: ignore[attr-defined]  # an UPDATE gives a CursorResult
        update(Attachment)
        .where(Attachment.agreement_id == from_id)
        .values(agreement_id=to_id, position=Attachment.position + (offset or 0))
    ).rowcount
    if moved and session.get_bind().dialect.name == "postgresql":
        session.execute(
            text(
                f"UPDATE {ATTACHMENT_SEARCH_TABLE} SET agreement_id = :to "
                "WHERE agreement_id = :from_id"
            ),
            {"to": to_id, "from_id": from_id},
        )
    return moved


def list_attachments(
    session: Session, agreement_id: int, *, removed: bool = False
) -> list[AttachmentView]:
    """The agreement's attachments in the order they were added (removed ones if asked)."""
    wanted = Attachment.removed_at.is_not(None) if removed else Attachment.removed_at.is_(None)
    attachments = session.scalars(
        select(Attachment)
        .where(Attachment.agreement_id == agreement_id, wanted)
        .order_by(Attachment.position, Attachment.id)
    ).all()
    views = [_view(attachment) for attachment in attachments]
    return [view for view in views if view.versions]  # an undone attach shows nothing


def attachment_view(session: Session, attachment_id: int) -> AttachmentView:
    """One attachment, removed or not."""
    return _view(_attachment(session, attachment_id))


def version_of(session: Session, attachment_id: int, number: int | None = None) -> VersionView:
    """A version of an attachment: the current one, or the one numbered *number*."""
    view = attachment_view(session, attachment_id)
    if number is None:
        return view.current
    for version in view.versions:
        if version.number == number:
            return version
    no_version = QT_TRANSLATE_NOOP("Attachments", "attachment %1 has no version %2")
    raise AttachmentError(_say(no_version, attachment_id, number))


def read_chunks(session: Session, version_id: int) -> Iterator[bytes]:
    """A version's bytes, a megabyte at a time (one row in memory at once)."""
    sequence = session.scalars(
        select(AttachmentChunk.seq)
        .where(AttachmentChunk.version_id == version_id)
        .order_by(AttachmentChunk.seq)
    ).all()
    for seq in sequence:
        yield session.execute(
            select(AttachmentChunk.data).where(
                AttachmentChunk.version_id == version_id, AttachmentChunk.seq == seq
            )
        ).scalar_one()


def save_copy(
    session: Session,
    version_id: int,
    destination: Path,
    progress: Progress | None = None,
    check: Check | None = None,
) -> Path:
    """Write a version's file to *destination*, whole or not at all, checking its SHA-256."""
    version = session.get(AttachmentVersion, version_id)
    if version is None:
        raise AttachmentError(
            _say(QT_TRANSLATE_NOOP("Attachments", "no attachment version %1"), version_id)
        )
    expected, total = version.sha256, version.size
    digest, done = hashlib.sha256(), 0
    try:
        with atomic_binary(destination) as stream:
            for chunk in read_chunks(session, version_id):
                if check is not None:
                    check()
                stream.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
            if digest.hexdigest() != expected:
                mismatch = QT_TRANSLATE_NOOP(
                    "Attachments",
                    "the stored copy of %1 does not match its checksum: it was not saved",
                )
                raise AttachmentError(_say(mismatch, shown(version.filename)))
    except OSError as error:
        unwritten = QT_TRANSLATE_NOOP("Attachments", "can't write %1: %2; nothing was saved")
        raise AttachmentError(_say(unwritten, destination, error.strerror or error)) from None
    return destination


# ----------------------------------------------------------------- storing


def _store(
    session: Session,
    attachment: Attachment,
    number: int,
    path: Path,
    filename: str | None,
    limit: int | None,
    progress: Progress | None,
    check: Check | None,
) -> VersionView:
    name = filename or path.name
    total = _checked_size(path, name, size_limit() if limit is None else limit)
    if not_utf8(name) or len(name) > FILENAME_MAX:
        unnamed = QT_TRANSLATE_NOOP(
            "Attachments", "the file name %1 can't be stored: rename the file"
        )
        raise AttachmentError(_say(unnamed, shown(name)))
    version = AttachmentVersion(
        attachment_id=attachment.id,
        number=number,
        filename=name,
        size=total,
        sha256="",
        added_by=current_user(),
        text_status=TextStatus.NONE.value,
        text="",
    )
    session.add(version)
    session.flush()
    version.sha256 = _write_chunks(session, version.id, path, name, total, progress, check)
    extracted = extract_text(path, name)
    version.text, version.text_status = extracted.text, extracted.status.value
    version.text_note = extracted.note or None
    session.flush()
    index_version(session.connection(), version.id, attachment.agreement_id, extracted.text)
    return _version_view(version, extracted)


def _write_chunks(
    session: Session,
    version_id: int,
    path: Path,
    name: str,
    total: int,
    progress: Progress | None,
    check: Check | None,
) -> str:
    """Copy the file into the database a chunk at a time; its SHA-256 as hex."""
    digest, done, seq = hashlib.sha256(), 0, 0
    connection = session.connection()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(CHUNK_BYTES):
                if check is not None:
                    check()
                digest.update(chunk)
                connection.execute(
                    insert(AttachmentChunk), {"version_id": version_id, "seq": seq, "data": chunk}
                )
                seq += 1
                done += len(chunk)
                if progress is not None:
                    progress(done, max(total, done))
    except OSError as error:
        raise AttachmentError(_say(CANT_READ, shown(name), error.strerror or error)) from None
    return digest.hexdigest()


def _checked_size(path: Path, name: str, limit: int) -> int:
    try:
        if not path.is_file():
            not_file = QT_TRANSLATE_NOOP("Attachments", "%1 is not a file")
            raise AttachmentError(_say(not_file, shown(name)))
        size = path.stat().st_size
    except OSError as error:
        raise AttachmentError(_say(CANT_READ, shown(name), error.strerror or error)) from None
    if size > limit:
        too_large = QT_TRANSLATE_NOOP(
            "Attachments",
            "%1 is %2, over the limit of %3 for an attachment ($%4 sets it): it was not attached",
        )
        raise AttachmentError(
            _say(too_large, shown(name), megabytes(size), megabytes(limit), LIMIT_VARIABLE)
        )
    return size


# The system's reason (%2) stays as the system gives it.
CANT_READ = QT_TRANSLATE_NOOP("Attachments", "can't read %1: %2")


def _say(template: str, *args: object) -> Message:
    return say(template, *args, context=ATTACHMENTS)


def _checked_label(label: str, language: str | None) -> tuple[str, str | None]:
    label = " ".join((label or "").split()) or DEFAULT_LABEL
    language = " ".join((language or "").split()) or None
    problems: list[str] = []
    if len(label) > LABEL_MAX or not_utf8(label):
        long_label = QT_TRANSLATE_NOOP("Attachments", "the label %1 is too long (the limit is %2)")
        problems.append(_say(long_label, shown(label), LABEL_MAX))
    if language is not None and (len(language) > LANGUAGE_MAX or not_utf8(language)):
        long_language = QT_TRANSLATE_NOOP(
            "Attachments", "the language %1 is too long (the limit is %2)"
        )
        problems.append(_say(long_language, shown(language), LANGUAGE_MAX))
    if problems:
        raise AttachmentError(joined("; ", problems))
    return label, language


def _attachment(session: Session, attachment_id: int) -> Attachment:
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        missing = QT_TRANSLATE_NOOP("Attachments", "attachment %1 does not exist")
        raise AttachmentError(_say(missing, attachment_id))
    return attachment


def _view(attachment: Attachment) -> AttachmentView:
    """The attachment as lists show it: versions an undo withdrew (numbered < 0) left out."""
    return AttachmentView(
        id=attachment.id,
        agreement_id=attachment.agreement_id,
        label=attachment.label,
        language=attachment.language,
        removed_at=attachment.removed_at,
        versions=tuple(_version_view(v) for v in attachment.versions if v.number > 0),
    )


def _agreement_title(session: Session, agreement_id: int) -> str:
    title = session.scalar(select(Agreement.title).where(Agreement.id == agreement_id))
    if title is None:
        raise NotFoundError(agreement_id)
    return title


def _named(attachment: Attachment, filename: str) -> str:
    return f"{filename} ({attachment.label})"


def _audit(session: Session, agreement_id: int, before: str, after: str) -> None:
    """A line in the agreement's history: 'update (attachment)', the file before and after.

    Recorded as an update of the agreement (the log's actions are a fixed list, migration
    0010), the attachment as its field: ['', 'signed.pdf (signed text)'] for an attach.
    """
    record(session, agreement_id, "update", {"attachment": [before, after]}, current_user())


def _version_view(version: AttachmentVersion, extracted: Extracted | None = None) -> VersionView:
    return VersionView(
        id=version.id,
        number=version.number,
        filename=version.filename,
        size=version.size,
        sha256=version.sha256,
        added_at=version.added_at,
        added_by=version.added_by,
        text_status=extracted.status if extracted else TextStatus(version.text_status),
        text_note=version.text_note,
    )

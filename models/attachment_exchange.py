"""Attachments in a JSON export: the files written to a folder, each record referring to them.

`export FILE.json --with-attachments DIR` writes every attachment's versions to
DIR/<agreement id>/ and adds to each agreement's object
`"attachments": [{"label", "language", "versions": [{"file", "filename", "size", "sha256",
"added_at", "added_by"}]}]`, `file` relative to the JSON file's folder. Import reads the
key back after the agreements are recorded, in the same transaction: a missing file or
one whose checksum differs is a problem, and then nothing is imported.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import history
from models.attachment_schema import AttachmentVersion
from models.attachments import (
    AttachmentError,
    attach_file,
    list_attachments,
    replace_file,
    save_copy,
)
from models.dates import PartialDate
from models.exchange import ImportResult, import_file, title_identity
from models.exchange_format import ImportFailed, Problem
from models.exchange_json import json_items
from models.messages import IMPORT, QT_TRANSLATE_NOOP, STEP_IMPORT, Message, fill, message_of, say
from models.schema import Agreement
from models.text import sort_key

ATTACHMENTS_KEY = "attachments"
_UNSAFE = re.compile(r"[^\w.\- ]+")


@dataclass(frozen=True)
class AttachmentsRead:
    """What import did with the attachments a JSON file refers to."""

    attached: int  # versions stored
    present: int  # attachments the agreement already had (same file), left alone


def add_attachment_refs(
    session: Session, records: list[dict[str, Any]], folder: Path, base: Path
) -> list[dict[str, Any]]:
    """Write the attachments of these exported records to *folder*; refer to them in each."""
    for record in records:
        listed = list_attachments(session, record["id"])
        if not listed:
            continue
        target = folder / str(record["id"])
        target.mkdir(parents=True, exist_ok=True)
        entries = []
        for attachment in listed:
            versions = []
            for version in attachment.versions:
                name = f"{attachment.id}-v{version.number}-{_safe(version.filename)}"
                save_copy(session, version.id, target / name)
                versions.append(
                    {
                        "file": _relative(target / name, base),
                        "filename": version.filename,
                        "size": version.size,
                        "sha256": version.sha256,
                        "added_at": version.added_at.isoformat(),
                        "added_by": version.added_by,
                    }
                )
            entries.append(
                {"label": attachment.label, "language": attachment.language, "versions": versions}
            )
        record[ATTACHMENTS_KEY] = entries
    return records


def _safe(filename: str) -> str:
    """A file name any file system takes: odd characters as '_', at most 120 characters."""
    stem = _UNSAFE.sub("_", filename).strip(" .") or "file"
    return stem[-120:]


def _relative(path: Path, base: Path) -> str:
    try:
        return Path(os.path.relpath(path, base)).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)


# ----------------------------------------------------------------- import


@dataclass(frozen=True)
class _Planned:
    agreement_id: int
    label: str
    language: str | None
    versions: list[tuple[Path, str, str, datetime | None, str | None]]  # file, name, sha, …


def import_with_attachments(
    session: Session,
    path: str | os.PathLike[str],
    *,
    check: Callable[[], None] | None = None,
    **options: Any,
) -> tuple[ImportResult, AttachmentsRead]:
    """Import *path*'s agreements and then the files its records attach, as one undo step.

    *options* are import_file's; the result's changes name the agreements given files too.
    """
    with history.step(session, fill(STEP_IMPORT, Path(path).name)) as recording:
        result = import_file(session, path, **options)
        files = import_attachments(session, Path(path), check)
    return dataclasses.replace(result, changes=recording.changes), files


def import_attachments(
    session: Session,
    path: Path,
    check: Callable[[], None] | None = None,
) -> AttachmentsRead:
    """Attach the files a JSON file's records refer to (after its agreements were imported)."""
    if path.suffix.lower() != ".json":
        return AttachmentsRead(0, 0)
    problems: list[Problem] = []
    planned: list[_Planned] = []
    # Read an object at a time, as the import did: memory follows the attachments, not the file.
    with path.open(encoding="utf-8-sig", newline="") as stream:
        for index, item in enumerate(json_items(stream, path.name)):
            if isinstance(item, dict) and item.get(ATTACHMENTS_KEY):
                planned.extend(_plan(session, index, item, path.parent, problems))
    if problems:
        raise ImportFailed(problems)
    attached = present = 0
    for plan in planned:
        if check is not None:
            check()
        if _already_there(session, plan):
            present += 1
            continue
        attached += _store(session, plan, check)
    return AttachmentsRead(attached, present)


def attachment_problems(path: Path) -> list[Problem]:
    """What `import --dry-run` says of the files a JSON file's attachments refer to.

    Each version's file must be there, readable and (when the file gives one) the one
    exported; a problem names the file and the record. Nothing is read into the database.
    """
    if path.suffix.lower() != ".json":
        return []
    problems: list[Problem] = []
    with path.open(encoding="utf-8-sig", newline="") as stream:
        for index, item in enumerate(json_items(stream, path.name)):
            entries = item.get(ATTACHMENTS_KEY) if isinstance(item, dict) else None
            if not isinstance(entries, list):
                continue
            for number, entry in enumerate(entries):
                where = f"{ATTACHMENTS_KEY}[{number}]"
                versions = entry.get("versions") if isinstance(entry, dict) else None
                if not isinstance(versions, list):
                    problems.append(Problem(_say(NO_VERSIONS), index=index, column=where))
                    continue
                found: list[Problem] = []
                for step, version in enumerate(versions):
                    _version(version, path.parent, f"{where}.versions[{step}]", index, found)
                title = item.get("title")
                of = QT_TRANSLATE_NOOP("Import", "%1 (the attachments of '%2')")
                problems += (
                    [dataclasses.replace(p, reason=_say(of, p.reason, title)) for p in found]
                    if isinstance(title, str)
                    else found
                )
    return problems


def _plan(
    session: Session, index: int, item: dict[str, Any], base: Path, problems: list[Problem]
) -> Iterable[_Planned]:
    entries = item[ATTACHMENTS_KEY]
    if not isinstance(entries, list):
        problems.append(Problem(_say(NOT_A_LIST), index=index, column=ATTACHMENTS_KEY))
        return []
    agreement_id = _recorded_id(session, item)
    if agreement_id is None:
        return []  # set aside as a probable duplicate: its attachments stay out too
    found = []
    for number, entry in enumerate(entries):
        where = f"{ATTACHMENTS_KEY}[{number}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("versions"), list):
            problems.append(Problem(_say(NO_VERSIONS), index=index, column=where))
            continue
        versions = []
        for step, version in enumerate(entry["versions"]):
            read = _version(version, base, f"{where}.versions[{step}]", index, problems)
            if read is not None:
                versions.append(read)
        if versions and len(versions) == len(entry["versions"]):
            label, language = entry.get("label"), entry.get("language")
            found.append(
                _Planned(
                    agreement_id,
                    label if isinstance(label, str) else "",
                    language if isinstance(language, str) else None,
                    versions,
                )
            )
    return found


def _version(
    version: Any, base: Path, where: str, index: int, problems: list[Problem]
) -> tuple[Path, str, str, datetime | None, str | None] | None:
    if not isinstance(version, dict) or not isinstance(version.get("file"), str):
        unnamed = QT_TRANSLATE_NOOP("Import", "must name its file")
        problems.append(Problem(_say(unnamed), index=index, column=where))
        return None
    file = base / version["file"]
    if not file.is_file():
        missing = QT_TRANSLATE_NOOP("Import", "the file %1 is missing")
        problems.append(Problem(_say(missing, version["file"]), index=index, column=where))
        return None
    try:
        with file.open("rb") as stream:
            stream.read(1)
    except OSError as error:
        reason = error.strerror or str(error)
        unreadable = QT_TRANSLATE_NOOP("Import", "the file %1 can't be read: %2")
        problems.append(
            Problem(_say(unreadable, version["file"], reason), index=index, column=where)
        )
        return None
    sha = version.get("sha256")
    if isinstance(sha, str) and sha and _sha256(file) != sha.lower():
        other = QT_TRANSLATE_NOOP(
            "Import", "the file %1 is not the one exported (its checksum differs)"
        )
        problems.append(Problem(_say(other, version["file"]), index=index, column=where))
        return None
    name: str = version["filename"] if isinstance(version.get("filename"), str) else file.name
    added_at = _moment(version.get("added_at"))
    added_by: str | None = (
        version.get("added_by") if isinstance(version.get("added_by"), str) else None
    )
    return file, name, sha.lower() if isinstance(sha, str) else "", added_at, added_by


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _recorded_id(session: Session, item: dict[str, Any]) -> int | None:
    """The agreement this record was imported as (or matched): same title and signing date."""
    title = item.get("title")
    if not isinstance(title, str):
        return None
    try:
        signed = PartialDate.parse_optional(item.get("signed_on") or "")
    except ValueError:
        return None
    wanted = (title_identity(title), signed.iso() if signed else "")
    rows = session.execute(
        select(Agreement.id, Agreement.title, Agreement.signed_on)
        .where(Agreement.title_key == sort_key(title))
        .order_by(Agreement.id)
    )
    for row in rows:
        if (title_identity(row.title), row.signed_on.iso() if row.signed_on else "") == wanted:
            return int(row.id)
    return None


def _already_there(session: Session, plan: _Planned) -> bool:
    """Whether the agreement has an attachment of this label whose current file is this one."""
    current = plan.versions[-1][2]
    for attachment in list_attachments(session, plan.agreement_id):
        if attachment.current.sha256 == current and attachment.label == (
            plan.label or attachment.label
        ):
            return True
    return False


def _store(session: Session, plan: _Planned, check: Callable[[], None] | None) -> int:
    stored = 0
    attachment_id = None
    for file, name, _sha, added_at, added_by in plan.versions:
        try:
            if attachment_id is None:
                result = attach_file(
                    session,
                    plan.agreement_id,
                    file,
                    label=plan.label,
                    language=plan.language,
                    filename=name,
                    check=check,
                )
                attachment_id = result.attachment_id
            else:
                result = replace_file(session, attachment_id, file, filename=name, check=check)
        except AttachmentError as error:
            raise ImportFailed([Problem(message_of(error), column=ATTACHMENTS_KEY)]) from None
        version = session.get(AttachmentVersion, result.version.id)
        if version is not None:
            version.added_at = added_at or version.added_at
            version.added_by = added_by or version.added_by
        stored += 1
    return stored


NO_VERSIONS = QT_TRANSLATE_NOOP("Import", "must be an object with versions")
NOT_A_LIST = QT_TRANSLATE_NOOP("Import", "must be a list")


def _say(template: str, *args: object) -> Message:
    return say(template, *args, context=IMPORT)

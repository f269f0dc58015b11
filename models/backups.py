"""Rotating, checked backups of an SQLite database file, and restoring one.

Each backup is written with SQLite's backup API (a consistent copy, whatever other
connections are doing) to a temporary name, checked (`PRAGMA integrity_check`, and the
same number of agreements as the source had in the snapshot copied), made durable (fsync)
and only then renamed into place: a backup that is there has passed its check. They live
in a folder beside the database (`treaties-backups/` beside `treaties.db`), or in the user
data folder when the database's folder may not be written. A PostgreSQL database has no
file to copy: pg_dump is the server's tool.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from models.atomic_file import fsync_file, rename_durably
from models.integrity import header_problem, wal_in_use
from models.messages import DATABASE, QT_TRANSLATE_NOOP, Counted, Message, say

# SQLAlchemy only for the URL callers' functions: the file functions need none, and the
# command line's parser reads KEEP_DAILY and the rest from here without loading it.
if TYPE_CHECKING:
    from sqlalchemy import URL

KEEP_DAILY = 10
KEEP_WEEKLY = 4
KEEP_RECENT = 3  # the newest backups kept whatever their day (see keep())
STAMP = "%Y%m%d-%H%M%S"
# The reasons a backup is made, as its name says them.
DAILY = "daily"
MANUAL = "manual"
BEFORE_IMPORT = "before-import"
BEFORE_BULK_EDIT = "before-bulk-edit"
BEFORE_MERGE = "before-merge"
BEFORE_RESTORE = "before-restore"
_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<stamp>\d{8}-\d{6})(?:-(?P<serial>\d+))?\.(?P<reason>[a-z0-9-]+)\.db$"
)
_TEMPORARY = ".partial"
log = logging.getLogger(__name__)
POSTGRES_MESSAGE = (
    "backups are made of SQLite database files; a PostgreSQL database is backed up "
    "on its server, with pg_dump"
)


class BackupError(Exception):
    """A backup or a restore could not be made; the message says why, nothing was replaced."""


@dataclass(frozen=True)
class Rotation:
    """How many backups to keep: the newest of each of *daily* days, then of *weekly* weeks.

    And the *recent* newest, whatever their day (see keep()).
    """

    daily: int = KEEP_DAILY
    weekly: int = KEEP_WEEKLY
    recent: int = KEEP_RECENT


@dataclass(frozen=True)
class BackupInfo:
    """One backup file, as the list of backups shows it."""

    path: Path
    made_at: datetime  # local time, as its name records it
    reason: str
    agreements: int | None  # None: the file can't be read
    revision: int | None  # the data revision it holds
    size: int

    def describe(self) -> str:
        """'2026-12-01 14:00  8 agreements  24 KB  daily  PATH'."""
        count = "?" if self.agreements is None else f"{self.agreements:,}"
        noun = "agreement" if self.agreements == 1 else "agreements"
        return (
            f"{self.made_at:%Y-%m-%d %H:%M}  {count} {noun}  {size_text(self.size)}  "
            f"{self.reason}  {self.path}"
        )


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: where the replaced file was kept, and what came back."""

    kept: Path  # the backup (or, when damaged, the moved file) of what was replaced
    restored: BackupInfo


def size_text(size: int) -> str:
    """'812 bytes', '24.0 KB', '3.1 MB': sizes as a file manager shows them."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


# ----------------------------------------------------------------- where


def backup_folder(database: Path) -> Path:
    """Where *database*'s backups go: beside it, or in the user data folder if that is read-only."""
    beside = database.parent / f"{database.stem}-backups"
    if _writable_folder(beside) or (not beside.exists() and _writable_folder(database.parent)):
        return beside
    return _fallback_folder(database)


def _fallback_folder(database: Path) -> Path:
    # One folder per database file: two 'treaties.db' in different places never mix.
    key = hashlib.sha256(str(database).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    data = Path(platformdirs.user_data_dir("TreatyTracker", appauthor=False))
    return data / "backups" / f"{database.stem}-{key}"


def _writable_folder(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def _folders(database: Path) -> list[Path]:
    """Every folder that may hold backups of *database* (beside it first)."""
    beside = database.parent / f"{database.stem}-backups"
    return [folder for folder in (beside, _fallback_folder(database)) if folder.is_dir()]


# ----------------------------------------------------------------- listing


def list_backups(database: Path) -> list[BackupInfo]:
    """The backups of *database*, newest first, with their agreement counts."""
    found = [info for info in map(read_info, _backup_files(database)) if info is not None]
    return sorted(found, key=lambda info: (info.made_at, info.path.name), reverse=True)


def _backup_files(database: Path) -> Iterable[Path]:
    for folder in _folders(database):
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match and match["stem"] == database.stem and path.is_file():
                yield path


def read_info(path: Path) -> BackupInfo | None:
    """A backup file's date, reason, agreement count and revision; None if not named as one."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    made_at = datetime.strptime(match["stamp"], STAMP)
    agreements, revision = _contents(path)
    return BackupInfo(path, made_at, match["reason"], agreements, revision, path.stat().st_size)


def _contents(path: Path) -> tuple[int | None, int | None]:
    """(agreements, data revision) in a backup file; (None, None) when it can't be read."""
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None, None
    try:
        return _count(connection), _revision(connection)
    except sqlite3.Error:
        return None, None
    finally:
        connection.close()


def _count(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT count(*) FROM agreements").fetchone()[0])


def _revision(connection: sqlite3.Connection) -> int | None:
    row = connection.execute("SELECT value FROM data_revision WHERE id = 1").fetchone()
    return None if row is None else int(row[0])


def latest_good_backup(database: Path) -> BackupInfo | None:
    """The newest backup that still passes SQLite's check, None if there is none."""
    for info in list_backups(database):
        if info.agreements is not None and _check_problem(info.path) is None:
            return info
    return None


def damaged_hint(database: Path) -> str:
    """For a damaged file's message: the latest good backup and the command that restores it."""
    try:
        latest = latest_good_backup(database)
    except OSError:
        return ""
    if latest is None:
        return ""
    hint = Backups.tr(
        "; the latest good backup is %1 (%2, %Ln agreement(s)): restore it with "
        "'treaty-tracker --db %3 restore-backup %1'",
        "",
        latest.agreements or 0,  # a good backup's count was read
        latest.path,
        f"{latest.made_at:%Y-%m-%d %H:%M}",
        database,
    )
    return hint


# ----------------------------------------------------------------- making


def make_backup(
    database: Path,
    reason: str,
    *,
    target: Path | None = None,
    rotation: Rotation | None = None,
    now: datetime | None = None,
    rotate_after: bool = True,
) -> BackupInfo:
    """Back up *database* now, to *target* or the backup folder (then rotate that folder).

    Raises BackupError when the copy fails its check: nothing is renamed into place.
    """
    now = now or datetime.now()
    if target is None:
        folder = backup_folder(database)
        _make_folder(folder)
        target = _free_name(folder, database.stem, now, reason)
    elif target.exists():
        taken = QT_TRANSLATE_NOOP(
            "Database", "%1 already exists: choose a new name, nothing was written"
        )
        raise BackupError(_say(taken, target))
    copy_checked(database, target)
    if rotate_after and target.parent in _folders(database):
        rotate(database, rotation or Rotation(), made=target)
    info = read_info(target)
    if info is None:  # a file of the user's own name: no date in it
        agreements, revision = _contents(target)
        info = BackupInfo(target, now, reason, agreements, revision, target.stat().st_size)
    return info


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        cant = QT_TRANSLATE_NOOP("Database", "can't create %1: %2")
        raise BackupError(_say(cant, folder, error.strerror or error)) from None


def _free_name(folder: Path, stem: str, now: datetime, reason: str) -> Path:
    """A name not taken yet: two backups in one second get a serial number."""
    stamp = now.strftime(STAMP)
    candidate = folder / f"{stem}.{stamp}.{reason}.db"
    serial = 1
    while candidate.exists():
        candidate = folder / f"{stem}.{stamp}-{serial}.{reason}.db"
        serial += 1
    return candidate


def copy_checked(source: Path, target: Path) -> int:
    """Copy *source* to *target* through a checked temporary file; return its agreement count.

    The count is read in the same snapshot the backup API copies, so a colleague's save
    meanwhile can't make the two disagree; a copy that fails the check is deleted.
    """
    partial = target.with_name(target.name + _TEMPORARY)
    try:
        expected = _snapshot_copy(source, partial)
        problem = _check_problem(partial, expected)
        if problem:
            failed = QT_TRANSLATE_NOOP(
                "Database",
                "the backup of %1 failed SQLite's check (%2), so it was not kept: %1 itself "
                "may be damaged",
            )
            raise BackupError(_say(failed, source, problem))
        fsync_file(partial)
        rename_durably(partial, target)
        return expected
    except sqlite3.Error as error:
        raise BackupError(
            _say(QT_TRANSLATE_NOOP("Database", "can't back up %1: %2"), source, error)
        ) from None
    except OSError as error:
        cant_write = QT_TRANSLATE_NOOP("Database", "can't write %1: %2")
        raise BackupError(_say(cant_write, target, error.strerror or error)) from None
    finally:
        partial.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            partial.with_name(partial.name + suffix).unlink(missing_ok=True)


def _snapshot_copy(source: Path, partial: Path) -> int:
    """The backup API's copy of one read snapshot of *source*; the agreements in that snapshot."""
    partial.unlink(missing_ok=True)
    reading = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        reading.execute("BEGIN")  # one snapshot for the count and the copy
        count = _count(reading)
        writing = sqlite3.connect(partial)
        try:
            reading.backup(writing)
            # A file complete in itself: no write-ahead log to carry beside it.
            writing.execute("PRAGMA journal_mode = DELETE")
        finally:
            writing.close()
        reading.execute("COMMIT")
        return count
    finally:
        reading.close()


def _check_problem(path: Path, expected: int | None = None) -> str | None:
    """What is wrong with a backup file (SQLite's integrity check, its count); None if sound."""
    try:
        problem = header_problem(path)
        if problem:
            return problem
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA integrity_check(1)").fetchall()
            if rows and rows[0][0] != "ok":
                return " ".join(str(rows[0][0]).split())
            found = _count(connection)
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error)
    if expected is not None and found != expected:
        return f"it holds {found} agreements where the database had {expected}"
    return None


# ----------------------------------------------------------------- rotation


def keep(backups: list[BackupInfo], rotation: Rotation) -> set[Path]:
    """The backups rotation keeps: the newest of each of the last days, then of the weeks before.

    A day or week counts only when a backup was made in it, so a holiday does not use up
    the days kept. The *recent* newest stay as well, whatever their day: the backup
    before this morning's import outlives the one before this afternoon's merge.
    """
    newest_first = sorted(backups, key=lambda info: info.made_at, reverse=True)
    kept: set[Path] = {info.path for info in newest_first[: rotation.recent]}
    days: list[date] = []
    for info in newest_first:
        day = info.made_at.date()
        if day not in days and len(days) < rotation.daily:
            days.append(day)
            kept.add(info.path)
    oldest_day = days[-1] if days else None
    weeks: list[tuple[int, int]] = []
    for info in newest_first:
        if oldest_day is not None and info.made_at.date() >= oldest_day:
            continue
        week = info.made_at.isocalendar()[:2]
        if week not in weeks and len(weeks) < rotation.weekly:
            weeks.append(week)
            kept.add(info.path)
    return kept


def rotate(database: Path, rotation: Rotation, made: Path | None = None) -> list[Path]:
    """Delete the backups *rotation* does not keep, never *made* (the one just made); return them.

    Two backups in one second (the day's on opening, then one before a merge) share a
    date: the one just made is the newer, whatever the names say.
    """
    others = [info for info in list_backups(database) if info.path != made]
    made_info = read_info(made) if made is not None else None
    # First among backups of the same second: keep() sorts stably, so it counts as newest.
    backups = [made_info, *others] if made_info is not None else others
    kept = keep(backups, rotation)
    removed = [info.path for info in backups if info.path not in kept]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def data_revision(database: Path) -> int | None:
    """The data revision of *database* as it is now (None if it can't be read)."""
    try:
        connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return _revision(connection)
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def backup_if_due(
    database: Path, rotation: Rotation | None = None, now: datetime | None = None
) -> BackupInfo | None:
    """The daily backup, made when none was made today and the data changed since the last.

    Called when a database is opened and closed: at most one a day, none of a database
    nobody changed (its data revision is the last backup's).
    """
    now = now or datetime.now()
    backups = list_backups(database)
    latest = backups[0] if backups else None
    if latest is not None and latest.made_at.date() >= now.date():
        return None
    revision = data_revision(database)
    if latest is not None and latest.revision == revision:
        return None
    if latest is None and not _has_agreements(database):
        return None  # a new, empty database: nothing to keep yet
    return make_backup(database, DAILY, rotation=rotation, now=now)


def _has_agreements(database: Path) -> bool:
    agreements, _revision_now = _contents(database)
    return bool(agreements)


# ----------------------------------------------------------------- restoring


def restore_backup(database: Path, backup: Path, *, now: datetime | None = None) -> RestoreResult:
    """Replace *database* with *backup*, keeping the current file as a backup first.

    Every connection to *database* must be closed (the caller's; another program's is
    refused). The backup is checked, copied to a temporary file beside the database and
    renamed over it, so the database is either the old file or the restored one.
    """
    now = now or datetime.now()
    info = read_info(backup) or _user_file_info(backup, now)
    problem = _check_problem(backup)
    if problem:
        refused = QT_TRANSLATE_NOOP(
            "Database", "%1 can't be restored: it failed SQLite's check (%2)"
        )
        raise BackupError(_say(refused, backup, problem))
    if database.exists() and wal_in_use(database):
        in_use = QT_TRANSLATE_NOOP(
            "Database", "%1 is open in another window or program: close it there, then restore"
        )
        raise BackupError(_say(in_use, database))
    partial = database.with_name(f".{database.name}.restoring")
    try:
        _snapshot_copy(backup, partial)  # before anything else: rotation can't take it now
        kept = _keep_current(database, now)
        _move_revision_on(partial, info.revision, kept)
        fsync_file(partial)
        for suffix in ("-wal", "-shm", "-journal"):  # the replaced file's: kept in *kept*
            database.with_name(database.name + suffix).unlink(missing_ok=True)
        rename_durably(partial, database)
    except (sqlite3.Error, OSError) as error:
        over = QT_TRANSLATE_NOOP("Database", "can't restore %1 over %2: %3")
        raise BackupError(_say(over, backup, database, error)) from None
    finally:
        partial.unlink(missing_ok=True)
    return RestoreResult(kept, info)


def _user_file_info(path: Path, now: datetime) -> BackupInfo:
    """A backup written to a name of the user's choosing (`backup PATH`)."""
    if not path.is_file():
        raise BackupError(_say(QT_TRANSLATE_NOOP("Database", "%1 does not exist"), path))
    agreements, revision = _contents(path)
    return BackupInfo(path, now, MANUAL, agreements, revision, path.stat().st_size)


def _keep_current(database: Path, now: datetime) -> Path:
    """A backup of the file about to be replaced; a damaged one is copied aside whole instead."""
    if not database.exists():
        return database
    try:
        # Not rotated: rotation keeps one a day and would take the backup being restored.
        return make_backup(database, BEFORE_RESTORE, now=now, rotate_after=False).path
    except BackupError:
        folder = backup_folder(database)
        _make_folder(folder)
        aside = folder / f"{database.stem}.damaged-{now.strftime(STAMP)}{database.suffix}"
        for suffix in ("", "-wal", "-journal"):
            part = database.with_name(database.name + suffix)
            if part.exists():
                shutil.copy2(part, aside.with_name(aside.name + suffix))
        return aside


def _move_revision_on(partial: Path, restored: int | None, kept: Path) -> None:
    """Give the restored file a data revision above both files': every window notices it."""
    _agreements, replaced = _contents(kept)
    value = max(restored or 0, replaced or 0) + 1
    connection = sqlite3.connect(partial)
    try:
        with connection:
            connection.execute("UPDATE data_revision SET value = ? WHERE id = 1", (value,))
    finally:
        connection.close()


# ----------------------------------------------------------------- for callers holding a URL


def backup_before(url: URL, reason: str, rotation: Rotation | None = None) -> BackupInfo | None:
    """The backup before a write of many rows (import, bulk edit, merge); None off SQLite.

    None too for a file this user may not change (nothing will be written to it). Raises
    BackupError when it can't be made: the caller then changes nothing, since the write it
    was to guard would have no way back.
    """
    from models.database import sqlite_path

    path = sqlite_path(url)
    if path is None or not path.exists() or not os.access(path, os.W_OK):
        return None
    return make_backup(path, reason, rotation=rotation)


def daily_backup(url: URL, rotation: Rotation | None = None) -> BackupInfo | None:
    """The day's backup of a changed SQLite database (on opening and closing it); else None."""
    from models.database import sqlite_path

    path = sqlite_path(url)
    if path is None or not path.exists():
        return None
    return backup_if_due(path, rotation)


def closing_backup(url: URL, rotation: Rotation | None = None) -> BackupInfo | None:
    """The day's backup as a window closes: no one is left to tell of a failure, so it is logged."""
    try:
        return daily_backup(url, rotation)
    except (BackupError, OSError, sqlite3.Error) as error:
        log.warning("no backup was made on closing: %s", error)
        return None


class Backups(Counted):
    """Counted messages of the backups (the agreements a backup holds)."""

    grouped = True  # 1,234 agreements, as before


def _say(template: str, *args: object) -> Message:
    return say(template, *args, context=DATABASE)

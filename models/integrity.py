"""Telling a damaged SQLite file from a healthy one: cheaply on every open, fully when it matters.

SQLite's full check (`PRAGMA quick_check`) reads every page, which takes seconds on a
quarter of a million agreements, so an open reads only the header here. The full check
runs where damage is likely or would spread: after an unclean shutdown (a write-ahead
log or a hot journal left behind by a program that is no longer running), before a
command writes, and before a backup or a copy. Errors from SQLite are sorted by their
code into damaged, locked by another program, and read-only, so that each is named as
what it is.
"""

from __future__ import annotations

import os
import sqlite3
import struct
import sys
from pathlib import Path
from typing import Literal

from models.messages import DATABASE, QT_TRANSLATE_NOOP, say

HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
# SQLite's primary result codes (sqlite3.h): the low byte of an extended code.
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_LOCKED_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_READ_ONLY_CODES = {3, 8, 14}  # SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN
# Every connection to a WAL database holds a shared lock on this byte of the -shm file
# (the "DMS" lock, https://www.sqlite.org/walformat.html): a lock there means a program
# has the database open now, none means whoever left the log behind is gone.
_SHM_DMS_BYTE = 128
# How many problems the full check reports at most: the first one is enough to refuse.
_CHECK_LIMIT = 1

Trouble = Literal["damaged", "locked", "read-only"]


def sqlite_error_code(error: BaseException) -> int | None:
    """The primary SQLite result code behind *error* (a driver or SQLAlchemy error), if any."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    if code is None:
        return None
    return int(code) & 0xFF


def classify(error: BaseException) -> Trouble | None:
    """What an SQLite error says about the file: damaged, locked, read-only, or none of these."""
    code = sqlite_error_code(error)
    if code in _CORRUPT_CODES:
        return "damaged"
    if code in _LOCKED_CODES:
        return "locked"
    if code in _READ_ONLY_CODES:
        return "read-only"
    return None


def damaged_message(path: Path, detail: str) -> str:
    """The one line every command prints for a damaged file (the same on open and mid-read)."""
    damaged = QT_TRANSLATE_NOOP(
        "Database",
        "%1 is damaged (%2): nothing was written to it; restore it from a backup, or copy "
        "what can still be read with the sqlite3 tool's .recover",
    )
    return say(damaged, path, detail, context=DATABASE)


def busy_message(path: Path, seconds: int) -> str:
    """The one line every command prints for a file another program kept locked mid-command
    (the same whether it was read through SQLAlchemy or sqlite3 alone)."""
    busy = QT_TRANSLATE_NOOP(
        "Database",
        "%1 is busy: another program kept it locked for over %2 seconds; nothing was "
        "changed, try again",
    )
    return say(busy, path, seconds, context=DATABASE)


def locked_message(path: Path) -> str:
    locked = QT_TRANSLATE_NOOP(
        "Database",
        "%1 is locked by another program (it holds the database for itself): close that "
        "program, then try again",
    )
    return say(locked, path, context=DATABASE)


def header_problem(path: Path) -> str | None:
    """What is wrong with the file's header and length, or None; reads 100 bytes.

    A file shorter than the pages its header counts was cut off (a copy that stopped, a
    full disk). The count is only trusted when SQLite marks it valid, and only when no
    write-ahead log is in use, because a checkpoint in progress may still be growing it.
    """
    with path.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE:
        return "it ends inside its header"
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"its header gives an impossible page size ({page_size})"
    if header[18] not in (1, 2) or header[19] not in (1, 2) or header[21:24] != b"\x40\x20\x20":
        return "its header is not one SQLite writes"
    change_counter, pages = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if pages and change_counter == valid_for and not _sidecar(path, "-wal").exists():
        size = path.stat().st_size
        if size < pages * page_size:
            return f"it is cut off: {size} bytes where its header counts {pages * page_size}"
    return None


def is_wal(path: Path) -> bool:
    """Whether the file is in write-ahead-log mode (its header's read and write versions are 2)."""
    with path.open("rb") as handle:
        header = handle.read(20)
    return len(header) == 20 and header[18] == 2 and header[19] == 2


def unclean_shutdown(path: Path) -> bool:
    """Whether the last program to write *path* stopped without closing it.

    A clean close of the last connection folds the write-ahead log back in and deletes
    it; a hot rollback journal is one a crash left mid-write. A log that someone has open
    right now is in use, not left behind. Where that can't be told (not POSIX), a log
    left behind counts as unclean: the cost is one full check too many.
    """
    journal = _sidecar(path, "-journal")
    if _non_empty(journal):
        return True
    if not _non_empty(_sidecar(path, "-wal")):
        return False
    in_use = wal_in_use(path)
    return in_use is not True


def wal_in_use(path: Path) -> bool | None:
    """Whether a program has the WAL database open now (None: can't tell on this system)."""
    shm = _sidecar(path, "-shm")
    if not shm.exists():
        return False
    if sys.platform.startswith("linux"):
        layout = "@hhqqi4x"  # struct flock: type, whence, start, len, pid
    elif sys.platform == "darwin" or "bsd" in sys.platform:
        layout = "@qqihh"  # struct flock: start, len, pid, type, whence
    else:
        return None
    import fcntl

    try:
        descriptor = os.open(shm, os.O_RDONLY)
    except OSError:
        return None
    try:
        if layout.startswith("@hh"):
            asked = struct.pack(layout, fcntl.F_WRLCK, os.SEEK_SET, _SHM_DMS_BYTE, 1, 0)
            answer: int = struct.unpack(layout, fcntl.fcntl(descriptor, fcntl.F_GETLK, asked))[0]
        else:
            asked = struct.pack(layout, _SHM_DMS_BYTE, 1, 0, fcntl.F_WRLCK, os.SEEK_SET)
            answer = struct.unpack(layout, fcntl.fcntl(descriptor, fcntl.F_GETLK, asked))[3]
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return answer != fcntl.F_UNLCK


def full_check_problem(connection: sqlite3.Connection) -> str | None:
    """SQLite's check of every page and index through *connection*: the first problem, or None."""
    try:
        rows = connection.execute(f"PRAGMA quick_check({_CHECK_LIMIT})").fetchall()
    except sqlite3.DatabaseError as error:
        if classify(error) != "damaged":
            raise
        return str(error)
    found = [" ".join(str(row[0]).split()) for row in rows if row[0] != "ok"]
    return found[0] if found else None


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _non_empty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False

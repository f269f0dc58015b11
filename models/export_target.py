"""Whether an export may replace a file: never a database, least of all the one it reads.

An export renames its file into place, so `export treaties.json` over a SQLite file named
that way (or over the open database, or its -wal journal) would destroy a database.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from models.messages import DATABASE, QT_TRANSLATE_NOOP, say

SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite 3 database
# The files SQLite keeps beside a database while it is open or after a crash.
COMPANIONS = ("", "-wal", "-shm", "-journal")


def export_target_problem(target: Path, database_path: Path | None) -> str | None:
    """Why *target* must not be replaced by an export, or None when it may be."""
    if database_path is not None and _same_file(target, database_path):
        itself = QT_TRANSLATE_NOOP(
            "Database", "%1 is the database being exported: choose another file name"
        )
        return say(itself, target, context=DATABASE)
    try:
        status = target.stat()
    except OSError:
        return None  # a new file (or one we can't see: writing it will say why)
    if stat.S_ISREG(status.st_mode) and _is_sqlite(target):
        database = QT_TRANSLATE_NOOP(
            "Database",
            "%1 is a SQLite database, which the export would overwrite: choose another file name",
        )
        return say(database, target, context=DATABASE)
    return None


def _same_file(target: Path, database_path: Path) -> bool:
    """*target* is the database file or one of its companions (-wal, -shm, -journal)."""
    for suffix in COMPANIONS:
        companion = database_path.with_name(database_path.name + suffix)
        try:
            if os.path.samefile(target, companion):
                return True
        except OSError:  # one of them does not exist (yet)
            if os.path.abspath(target) == os.path.abspath(companion):
                return True
    return False


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False

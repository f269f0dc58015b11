"""An SQLite file opened for reading with sqlite3 alone, when it needs nothing else.

The command line's quick path (models.sqlite_listing): a file that is ours, sound, at the
current schema and writable is read straight through sqlite3, without SQLAlchemy or
Alembic. Anything else — a server URL, a missing, foreign, damaged, read-only or locked
file, one left by a crash, an older or newer schema — gets None here, and the caller
opens it the full way (models.database.open_database), which says what is wrong, upgrades
or refuses exactly as it always has.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path, PurePath
from urllib.parse import quote_from_bytes

from models.app_identity import ENV_VARIABLE, default_database_path
from models.integrity import header_problem, unclean_shutdown
from models.schema_revision import APPLICATION_ID, SCHEMA_REVISION

BUSY_TIMEOUT_MS = 5000  # as models.database waits for another program's write
_SQLITE_HEADER = b"SQLite format 3\x00"


def plain_path(target: str | None, environ: Mapping[str, str] | None = None) -> Path | None:
    """The file --db (else $TREATY_TRACKER_DB, else the default) names; None for a URL."""
    environ = os.environ if environ is None else environ
    value = target or environ.get(ENV_VARIABLE) or str(default_database_path())
    if "://" in value:
        return None
    return Path(value).expanduser().resolve()  # as models.database.resolve_url makes it


def open_current(path: Path) -> sqlite3.Connection | None:
    """A read-only transaction on *path* if it is a sound database at SCHEMA_REVISION, else None.

    One transaction, so every query sees the same moment even while the window saves.
    """
    if not _plain_case(path):
        return None
    try:
        connection = sqlite3.connect(
            sqlite_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        connection.execute("PRAGMA query_only = ON")  # reading is all this path may do
        connection.execute("BEGIN")
        if _revision(connection) == SCHEMA_REVISION:
            return connection
    except sqlite3.Error:
        pass
    connection.close()
    return None


def _plain_case(path: Path) -> bool:
    """A non-empty file we may write, with SQLite's header intact, closed cleanly last time."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            return False  # the full path opens it read-only, and says so where it must
        with path.open("rb") as handle:
            if handle.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
                return False
        return header_problem(path) is None and not unclean_shutdown(path)
    except OSError:
        return False


def _revision(connection: sqlite3.Connection) -> str | None:
    """The schema revision of a Treaty Tracker database; None for anything else."""
    if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return None
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if found is None:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def sqlite_uri(path: PurePath) -> str:
    """SQLite's file: URI for *path*, on any system, without a query.

    Not Path.as_uri(): for a Windows share (//server/share/db, which is also what resolve()
    makes of a mapped drive) it gives file://server/share/db, and SQLite refuses a URI
    naming a host; SQLite wants the share as the path, file:////server/share/db.
    Non-ASCII letters are percent-encoded as UTF-8 bytes, as SQLite decodes them; a Linux
    name that is not UTF-8 keeps its own bytes (surrogateescape, as os.fsencode does).
    """
    posix = path.as_posix()  # C:/Users/…, //server/share/…, /home/…
    lead = "" if posix.startswith("/") else "/"
    raw = posix.encode("utf-8", "surrogateescape")
    return f"file://{lead}{quote_from_bytes(raw, safe='/:')}"

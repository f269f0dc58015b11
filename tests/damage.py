"""Real SQLite files in the states storage must cope with: damaged, left mid-write, held, read-only.

Each state is made the way it happens to a user: a page overwritten on disk, a program that
stopped without closing the file, another program holding a lock in a second process.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.generate import generate

PAGE = 4096
# Not zeros (a zeroed page can read as an empty one) and not random (tests repeat exactly).
GARBAGE = bytes(range(256)) * (PAGE // 256)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def healthy_file(path: Path, agreements: int = 2000) -> Path:
    """A closed Treaty Tracker file with *agreements* made-up agreements and their parties."""
    generate(path, agreements)
    assert not path.with_name(path.name + "-wal").exists()
    return path


def page_count(path: Path) -> int:
    return path.stat().st_size // PAGE


def root_page(path: Path, table: str) -> int:
    """The first page of *table*'s b-tree (from the schema, which stays readable)."""
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        return connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()[0]


def overwrite_page(path: Path, number: int) -> None:
    """Overwrite page *number* (1-based) in place, as a failing disk or a stray write would."""
    assert number > 1, "page 1 holds the header and the schema"
    with path.open("r+b") as handle:
        handle.seek((number - 1) * PAGE)
        handle.write(GARBAGE)


SCRIPT = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
{body}
print("ready", flush=True)
{end}
"""


@contextmanager
def other_program(path: Path, body: str, end: str = "sys.stdin.readline()") -> Iterator[None]:
    """A second process that runs *body* on *path*, then waits (for stdin to close) at *end*."""
    script = SCRIPT.format(body=textwrap.dedent(body).strip(), end=end)
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdin is not None
    try:
        assert process.stdout.readline().strip() == "ready"
        yield
    finally:
        process.stdin.close()
        process.wait(timeout=60)


def leave_log_behind(path: Path) -> None:
    """A program commits a change and dies without closing: its write-ahead log stays."""
    body = "connection.execute('UPDATE data_revision SET value = value + 1')"
    with other_program(path, body, end="os._exit(0)"):
        pass
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def without_root_powers() -> None:
    """For a child process: root ignores file modes; dropping these makes it honour them."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

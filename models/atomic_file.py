"""Files the user asked for, written whole or not at all: exports, PDFs, calendars, copies.

The data goes to a temporary name beside the target, is flushed and fsynced, and only then
renamed over the target, and the folder is fsynced so the rename itself survives a power
cut: the name holds the whole new file or the old one, never an empty or partial one. Any
exception in the block (an error, the user's cancel) removes the temporary file and leaves
the target as it was.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO, cast


def temporary_beside(target: Path) -> Path:
    """A hidden name in *target*'s folder (same file system, so the rename is atomic)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.part")


@contextmanager
def atomic_binary(target: Path) -> Iterator[BinaryIO]:
    """A binary stream whose bytes replace *target* only if the block finishes."""
    with _atomic(target, "xb", None) as stream:
        yield cast(BinaryIO, stream)


@contextmanager
def atomic_text(target: Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text stream that replaces *target* only if the block finishes; line ends as written."""
    with _atomic(target, "x", encoding) as stream:
        yield cast(TextIO, stream)


@contextmanager
def _atomic(target: Path, mode: str, encoding: str | None) -> Iterator[IO[Any]]:
    temporary = temporary_beside(target)
    try:
        # Opened with "x" under a name of our own rather than by mkstemp, whose file is
        # private (0600): the result gets the user's usual permissions.
        newline = "" if encoding is not None else None
        with open(temporary, mode, encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        rename_durably(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def rename_durably(temporary: Path, target: Path) -> None:
    """Rename a complete, fsynced *temporary* over *target*, and make the rename durable.

    The folder's sync is as far as the folder allows: once renamed, the file is written,
    and a folder that can't be read (mode 733) or synced (some network mounts) must not
    make a written file look failed.
    """
    os.replace(temporary, target)
    with suppress(OSError):
        fsync_folder(target.parent)


def fsync_file(path: Path) -> None:
    """Flush a file written by someone else (SQLite's backup) to the disk."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_folder(folder: Path) -> None:
    """Make a rename in *folder* durable (POSIX); Windows can't open a folder, nor needs to."""
    if os.name == "posix":
        fsync_file(folder)

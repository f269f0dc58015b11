"""Reading an agreement file into checked inputs: all of it, or ImportFailed with every problem.

Nothing here touches the database. The bytes are checked first (empty, binary, UTF-16,
not UTF-8: one clear message each), then each record is read (exchange_csv or
exchange_json) and run through service.validate(), whose keys become CSV columns or JSON
key paths.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable
from pathlib import Path

from models.exchange_csv import csv_records
from models.exchange_format import VOCABULARIES, ImportFailed, Problem, Record, one_of
from models.exchange_json import json_records
from models.service import validate
from models.vocab import MilestoneKind

_CHECK_EVERY = 1000
# The largest file an import reads: it is read whole and held two or three times over
# (bytes, text, records), so a bound keeps a mistaken file from exhausting memory.
MAX_FILE_BYTES = 1 << 30


def file_format(path: Path) -> str:
    """'json' for a .json file; anything else is read as CSV."""
    return "json" if path.suffix.lower() == ".json" else "csv"


def read_records(path: Path, check: Callable[[], None] = lambda: None) -> list[Record]:
    """Every agreement in the file, validated; raise ImportFailed listing all problems."""
    kind = file_format(path)
    text = decode(_read_bytes(path), path.name, kind)
    records = list(csv_records(text) if kind == "csv" else json_records(text, path.name))
    problems: list[Problem] = []
    for number, record in enumerate(records):
        if number % _CHECK_EVERY == 0:
            check()
        _validate(record, kind)
        problems.extend(record.problems)
    if problems:
        raise ImportFailed(problems)
    return records


def _read_bytes(path: Path) -> bytes:
    try:
        # Non-blocking: opening a FIFO to read would otherwise wait for a writer forever.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise ImportFailed([Problem(f"{path} is a folder, not a file")]) from None
    except OSError as error:
        raise ImportFailed([Problem(f"can't read {path}: {error.strerror or error}")]) from None
    with os.fdopen(descriptor, "rb") as file:
        size = check_readable(path, os.fstat(descriptor))
        try:
            raw = file.read(size + 1)
            if len(raw) > size:  # it grew since fstat(): read on, still bounded
                raw += file.read(MAX_FILE_BYTES + 1 - len(raw))
        except OSError as error:
            raise ImportFailed([Problem(f"can't read {path}: {error.strerror or error}")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ImportFailed([_too_big(path)])
    return raw


def check_readable(path: Path, status: os.stat_result, limit: int | None = MAX_FILE_BYTES) -> int:
    """The size of a file an import may read; ImportFailed for a device, FIFO or huge file.

    /dev/zero or /dev/urandom would be read until memory runs out, a FIFO until a writer
    comes: only a regular file is read, and only up to *limit* (None: a file streamed a
    block at a time, whose size memory does not follow).
    """
    if stat.S_ISDIR(status.st_mode):
        raise ImportFailed([Problem(f"{path} is a folder, not a file")])
    if not stat.S_ISREG(status.st_mode):
        kind = _FILE_KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
        raise ImportFailed([Problem(f"{path} is {kind}, not a file to import")])
    if limit is None:
        return status.st_size
    if status.st_size > limit:
        raise ImportFailed([_too_big(path)])
    return min(status.st_size, limit)


_FILE_KINDS = {
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
}


def _too_big(path: Path) -> Problem:
    limit = f"{MAX_FILE_BYTES >> 20:,} MB"
    return Problem(f"{path} is larger than {limit}, the most an import reads (split the file)")


def decode(raw: bytes, name: str, kind: str) -> str:
    """The file's text; one clear message for UTF-16, binary, non-UTF-8 and empty files."""
    save_as = "UTF-8 CSV" if kind == "csv" else "UTF-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFailed([Problem(f"{name} is UTF-16 text, not UTF-8 (save it as {save_as})")])
    if b"\x00" in raw:
        raise ImportFailed(
            [
                Problem(
                    f"{name} is a binary file, not {kind.upper()} text (a spreadsheet? "
                    f"save it as {save_as})"
                )
            ]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        problem = Problem(f"{name} is not UTF-8 text (save it as {save_as})", line=line)
        raise ImportFailed([problem]) from None
    if not text.strip():
        raise ImportFailed([Problem(f"{name} is empty")])
    return text


# ----------------------------------------------------------------- validation


def _validate(record: Record, kind: str) -> None:
    """Run the service's rules and report each broken one at its CSV column or JSON path."""
    if not record.readable:
        return
    for key, message in validate(record.data).items():
        if key in record.skip:
            continue
        column = column_of(key, kind, record.plain_parties)
        if key == "title" and not record.data.title.strip():
            record.problem("", "title is empty")
        else:
            record.problem(column, _reason(key, message))


def _reason(key: str, message: str) -> str:
    if not message.startswith("'' is not"):
        return message
    last = key.rsplit(".", 1)[-1]
    vocabulary = MilestoneKind if key.startswith("milestones.") else VOCABULARIES.get(last)
    return f"empty {one_of(vocabulary)}" if vocabulary else message


def column_of(key: str, kind: str, plain_parties: frozenset[int]) -> str:
    """'parties.1.actions.0.type' -> CSV 'parties', JSON 'parties[1].actions[0].type'."""
    parts = key.split(".")
    if kind == "csv":
        return parts[0]
    if parts[0] == "parties" and len(parts) > 2:
        if parts[2] == "party":
            parts[2] = "" if int(parts[1]) in plain_parties else "name"
        elif parts[2] == "party_kind":
            parts[2] = "kind"
    path = ""
    for part in parts:
        if part.isdigit():
            path += f"[{part}]"
        elif part:
            path += f".{part}" if path else part
    return path

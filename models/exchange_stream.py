"""A file of agreements as a stream of records: memory follows the batch, not the file.

The bytes are checked a megabyte at a time (UTF-16, binary, not UTF-8, empty: the messages
of exchange_read.decode) and the rows of a CSV file, or the objects of a JSON list, are
then read one at a time, so a file of two million agreements is never in memory whole; it
can be read again for a second pass. Only a regular file is opened (exchange_read's
check), of any size: memory follows the batch.
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from models.exchange_csv import csv_records
from models.exchange_format import ImportFailed, Problem, Record
from models.exchange_json import json_records
from models.exchange_read import _validate, check_readable, decode, file_format
from models.messages import A_FOLDER, CANT_READ, EMPTY_FILE, IMPORT, NOT_UTF8, say

_BLOCK = 1 << 20
_CHECK_EVERY = 1000


def stream_records(
    path: Path, check: Callable[[], None] = lambda: None, *, validate: bool = True
) -> Iterator[Record]:
    """Every record of the file (CSV, or JSON for a .json file) with its problems attached.

    Problems are attached, not raised; ImportFailed at once for a file that can't be read
    at all (kind, bytes, header, quoting, JSON syntax). *check* runs every thousand records
    (cancel). validate=False skips the byte check and the service's rules, for a second
    pass over a file already checked.
    """
    kind = file_format(path)
    if validate:
        check_text(path, kind)
    with io.TextIOWrapper(_open(path), encoding="utf-8-sig", newline="") as text:
        records = csv_records(text) if kind == "csv" else json_records(text, path.name)
        for number, record in enumerate(records):
            if number % _CHECK_EVERY == 0:
                check()
            if validate:
                _validate(record, kind)
            yield record


def file_stamp(path: Path) -> tuple[int, int]:
    """Size and time of last change: a file read twice must not change in between."""
    try:
        status = os.stat(path)
    except OSError as error:
        raise ImportFailed([Problem(_cant_read(path, error))]) from None
    return status.st_size, status.st_mtime_ns


def check_text(path: Path, kind: str = "csv") -> None:
    """ImportFailed unless *path* is UTF-8 text that is not blank; read a block at a time."""
    name = path.name
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    lines, blank = 0, True
    with _open(path) as stream:
        block = stream.read(_BLOCK)
        if block.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            decode(block, name, kind)  # raises with the message for UTF-16 files
        while block:
            if b"\x00" in block:
                decode(block, name, kind)  # raises with the message for binary files
            text = _decoded(decoder, block, lines, name, kind)
            blank = blank and not text.strip()
            lines += block.count(b"\n")
            block = stream.read(_BLOCK)
        _decoded(decoder, b"", lines, name, kind, final=True)
    if blank:
        raise ImportFailed([Problem(say(EMPTY_FILE, name, context=IMPORT))])


def _decoded(
    decoder: codecs.IncrementalDecoder,
    block: bytes,
    lines: int,
    name: str,
    kind: str,
    final: bool = False,
) -> str:
    try:
        return decoder.decode(block, final)
    except UnicodeDecodeError as error:
        line = lines + block.count(b"\n", 0, max(error.start, 0)) + 1
        save_as = "UTF-8 CSV" if kind == "csv" else "UTF-8"
        problem = Problem(say(NOT_UTF8, name, save_as, context=IMPORT), line=line)
        raise ImportFailed([problem]) from None


def _cant_read(path: Path, error: OSError) -> str:
    # The system's reason stays as the system gives it (English).
    return say(CANT_READ, path, error.strerror or error, context=IMPORT)


def _open(path: Path) -> BinaryIO:
    """*path* opened to read bytes, or ImportFailed saying why it can't be."""
    try:
        # Non-blocking: opening a FIFO to read would otherwise wait for a writer forever.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise ImportFailed([Problem(say(A_FOLDER, path, context=IMPORT))]) from None
    except OSError as error:
        raise ImportFailed([Problem(_cant_read(path, error))]) from None
    try:
        # A device or FIFO is refused; a file of any size streams, so there is no cap.
        check_readable(path, os.fstat(descriptor))
    except ImportFailed:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")

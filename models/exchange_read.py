"""Checks on an agreement file before and as it is read: what it is, its bytes, each record.

Nothing here touches the database. Only a regular file is read; its bytes get one clear
message each for UTF-16, binary, not UTF-8 and empty; each record (from exchange_csv or
exchange_json, streamed by exchange_stream) is run through service.validate(), whose
keys become CSV columns or JSON key paths.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from models.exchange_format import VOCABULARIES, ImportFailed, Problem, Record, one_of
from models.messages import A_FOLDER, EMPTY_FILE, IMPORT, NOT_UTF8, QT_TRANSLATE_NOOP, say
from models.service import validate
from models.vocab import MilestoneKind


def file_format(path: Path) -> str:
    """'json' for a .json file; anything else is read as CSV."""
    return "json" if path.suffix.lower() == ".json" else "csv"


def check_readable(path: Path, status: os.stat_result) -> int:
    """The size of a file an import may read; ImportFailed for a folder, device or FIFO.

    /dev/zero or /dev/urandom would be read until memory runs out, a FIFO until a writer
    comes: only a regular file is read. Its size is no reason to refuse it: it is read a
    block at a time (exchange_stream), and memory does not follow it.
    """
    if stat.S_ISDIR(status.st_mode):
        raise ImportFailed([Problem(say(A_FOLDER, path, context=IMPORT))])
    if not stat.S_ISREG(status.st_mode):
        kind = _FILE_KINDS.get(stat.S_IFMT(status.st_mode), _NOT_REGULAR)
        not_a_file = QT_TRANSLATE_NOOP("Import", "%1 is %2, not a file to import")
        raise ImportFailed(
            [Problem(say(not_a_file, path, say(kind, context=IMPORT), context=IMPORT))]
        )
    return status.st_size


_NOT_REGULAR = QT_TRANSLATE_NOOP("Import", "not a regular file")
_FILE_KINDS = {
    stat.S_IFCHR: QT_TRANSLATE_NOOP("Import", "a device"),
    stat.S_IFBLK: QT_TRANSLATE_NOOP("Import", "a device"),
    stat.S_IFIFO: QT_TRANSLATE_NOOP("Import", "a pipe (FIFO)"),
    stat.S_IFSOCK: QT_TRANSLATE_NOOP("Import", "a socket"),
}


def decode(raw: bytes, name: str, kind: str) -> str:
    """The file's text; one clear message for UTF-16, binary, non-UTF-8 and empty files."""
    save_as = "UTF-8 CSV" if kind == "csv" else "UTF-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        utf16 = QT_TRANSLATE_NOOP("Import", "%1 is UTF-16 text, not UTF-8 (save it as %2)")
        raise ImportFailed([Problem(say(utf16, name, save_as, context=IMPORT))])
    if b"\x00" in raw:
        raise ImportFailed(
            [
                Problem(
                    say(
                        QT_TRANSLATE_NOOP(
                            "Import",
                            "%1 is a binary file, not %2 text (a spreadsheet? save it as %3)",
                        ),
                        name,
                        kind.upper(),
                        save_as,
                        context=IMPORT,
                    )
                )
            ]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        problem = Problem(say(NOT_UTF8, name, save_as, context=IMPORT), line=line)
        raise ImportFailed([problem]) from None
    if not text.strip():
        raise ImportFailed([Problem(say(EMPTY_FILE, name, context=IMPORT))])
    return text


# ----------------------------------------------------------------- validation


def _validate(record: Record, kind: str) -> None:
    """Run the service's rules and report each broken one at its CSV column or JSON path.

    A CSV file's texts went through a strict UTF-8 decoder (exchange_stream), which never
    gives a lone surrogate: they are not searched for one. A JSON file may spell one out
    ("\\ud800").
    """
    if not record.readable:
        return
    for key, message in validate(record.data, surrogates=kind != "csv").items():
        if key in record.skip:
            continue
        column = column_of(key, kind, record.plain_parties)
        if key == "title" and not record.data.title.strip():
            record.problem("", say(QT_TRANSLATE_NOOP("Import", "title is empty"), context=IMPORT))
        else:
            record.problem(column, _reason(key, message))


def _reason(key: str, message: str) -> str:
    if not message.startswith("'' is not"):
        return message
    last = key.rsplit(".", 1)[-1]
    vocabulary = MilestoneKind if key.startswith("milestones.") else VOCABULARIES.get(last)
    empty = QT_TRANSLATE_NOOP("Import", "empty %1")
    return say(empty, one_of(vocabulary), context=IMPORT) if vocabulary else message


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

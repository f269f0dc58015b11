"""Writing agreements to CSV (the table's columns) or JSON (everything), streamed in batches.

The file is written next to the target under a temporary name and renamed into place
only when complete, so a failed or cancelled export never leaves half a file behind
and never spoils an earlier export of the same name. The agreements are read a batch
at a time by models.exchange_rows (Core selects, stored text as it is).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from sqlalchemy.orm import Session

from models import agreement_record
from models.atomic_file import atomic_text
from models.cancelled import Cancelled
from models.exchange_rows import CsvCells, JsonRecords
from models.query import AgreementFilter, Sort, agreement_ids

BATCH = 500
FORMATS = {".csv": "csv", ".json": "json"}
EVERYTHING = AgreementFilter()
BY_SIGNING_DATE = Sort()


# "For Excel": a byte-order mark, without which Excel reads UTF-8 as the system's code page
# (Тоқаев as mojibake), and Windows line ends.
EXCEL = ("utf-8-sig", "\r\n")


def export_format(path: Path) -> str:
    """'csv' or 'json' from the file's suffix; ValueError for anything else."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"can't tell the format of '{path.name}': name it .csv or .json")
    return kind


def export_file(
    session: Session,
    path: str | os.PathLike[str],
    selection: AgreementFilter | Sequence[int] = EVERYTHING,
    *,
    sort: Sort = BY_SIGNING_DATE,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    attachments: Path | None = None,
    excel: bool = False,
) -> int:
    """Write the agreements a filter matches (or these ids, in order) to *path*; return how many.

    CSV or JSON by the suffix; *excel* makes a CSV Excel opens right (see EXCEL). Raises
    Cancelled (leaving *path* untouched) when *cancelled* returns True between batches.
    *attachments*: a folder the agreements' attachments are written to, each JSON record
    referring to its files.
    """
    target = Path(path)
    kind = export_format(target)
    if excel and kind != "csv":
        raise ValueError(f"'for Excel' applies to CSV files, and '{target.name}' is JSON")
    if isinstance(selection, AgreementFilter):
        ids = agreement_ids(session, selection, sort)
    else:
        ids = list(selection)
    fetch = (
        JsonRecords(session).batch
        if kind == "json"
        else CsvCells(session, agreement_record.party_cells(session)).batch
    )
    batches: Iterator[list[Any]] = _batches(ids, fetch, progress, cancelled)
    if attachments is not None and kind == "json":
        from models.attachment_exchange import add_attachment_refs

        base = target.absolute().parent
        batches = (add_attachment_refs(session, batch, attachments, base) for batch in batches)
    encoding, line_end = EXCEL if excel else ("utf-8", "\n")
    with atomic_text(target, encoding) as out:
        if kind == "json":
            return write_json(batches, out)
        return agreement_record.write_csv_cells(batches, out, line_end)


def _batches(
    ids: list[int],
    fetch: Callable[[Sequence[int]], list[Any]],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[list[Any]]:
    done = 0
    for start in range(0, len(ids), BATCH):
        if cancelled is not None and cancelled():
            raise Cancelled("export cancelled; no file was written")
        batch = ids[start : start + BATCH]
        yield fetch(batch)
        done += len(batch)
        if progress is not None:
            progress(done, len(ids))
    if progress is not None and not ids:
        progress(0, 0)


# ----------------------------------------------------------------- JSON


def write_json(batches: Iterator[list[dict[str, Any]]], out: IO[str]) -> int:
    """A list of objects, written one at a time so memory stays flat on big exports."""
    written = 0
    out.write("[")
    for records in batches:
        for record in records:
            out.write(("," if written else "") + "\n" + json_object(record))
            written += 1
    out.write("\n]\n" if written else "]\n")
    return written


def json_object(record: dict[str, Any]) -> str:
    """One agreement, a key per line and a party or milestone per line.

    Laid out by hand: json.dumps with indent= runs in pure Python, several times slower
    than the C encoder used here for each value.
    """
    lines = []
    for key, value in record.items():
        kind = value.__class__
        if kind is str:
            text = _string(value)
        elif value is None:
            text = "null"
        elif kind is list and value and value[0].__class__ is dict:
            items = ",\n".join([f"      {_compact(item)}" for item in value])
            text = f"[\n{items}\n    ]"
        else:
            text = _compact(value)
        lines.append(f'    "{key}": {text}')  # keys are plain ASCII names
    return "  {\n" + ",\n".join(lines) + "\n  }"


def _compact_encoder() -> Callable[[Any], str]:
    """JSONEncoder(ensure_ascii=False).encode, its C encoder made once, not once per value.

    encode() builds a new C encoder for every call, which was most of the time spent on
    an export's 200,000 parties and milestones. Without the check for circular
    references, which plain rows read from the database never have.
    """
    encoder = json.JSONEncoder(ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # an interpreter without the C accelerator
        return encoder.encode
    chunks = make(
        None,
        encoder.default,
        json.encoder.encode_basestring,
        None,
        encoder.key_separator,
        encoder.item_separator,
        False,
        False,
        True,
    )
    return lambda value: "".join(chunks(value, 0))


_compact = _compact_encoder()
# What _compact itself calls for a string (ensure_ascii=False), without going through it:
# most values are strings, and encode() per value was a third of a JSON export.
_string = json.encoder.encode_basestring

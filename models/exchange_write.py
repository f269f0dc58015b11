"""Writing agreements to CSV (the table's columns) or JSON (everything), streamed in batches.

The file is written next to the target under a temporary name and renamed into place
only when complete, so a failed or cancelled export never leaves half a file behind
and never spoils an earlier export of the same name. The agreements are read a batch
at a time by models.exchange_rows (Core selects, stored text as it is); on SQLite through
a memory map of the database file (see EXPORT_MAP_BYTES).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from sqlalchemy.orm import Session

from models import agreement_record
from models.atomic_file import atomic_text
from models.cancelled import Cancelled
from models.exchange_rows import CsvCells, JsonRecords, JsonText, json_value
from models.query import AgreementFilter, Sort, agreement_ids

BATCH = 500
FORMATS = {".csv": "csv", ".json": "json"}
EVERYTHING = AgreementFilter()
BY_SIGNING_DATE = Sort()
# On SQLite an export reads the database file through a memory map of up to this many
# bytes. It reads the agreements in the order of the file it writes (by signing date), from
# all over the database, and SQLite's own page cache (2 MB) copied each page in again with
# a read() call: a quarter of the processor time of a JSON export (system time 2.0 of 8.4 s
# at 100,000 agreements, 0.8 s mapped; 4.8-5.7 of 18-20 s at 250,000, 1.6-1.8 s mapped,
# 3.3-3.9 s with only 256 MiB). The mapped pages are the operating system's file cache,
# shared, but count in the process's resident size while it runs (+100 MiB at 100,000,
# +260 MiB at 250,000: the pages an export reads, not the whole file).
EXPORT_MAP_BYTES = 1 << 30


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
    with _mapped(session):  # the ids' query too: it reads every agreement's date
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
            base = target.absolute().parent
            batches = (_with_attachments(session, batch, attachments, base) for batch in batches)
        encoding, line_end = EXCEL if excel else ("utf-8", "\n")
        with atomic_text(target, encoding) as out:
            if kind == "json":
                return write_json(batches, out)
            return agreement_record.write_csv_cells(batches, out, line_end)


@contextmanager
def _mapped(session: Session) -> Iterator[None]:
    """On SQLite, the database file read through a memory map while the block runs (see
    EXPORT_MAP_BYTES); the connection's own setting back afterwards. Elsewhere nothing."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA mmap_size").scalar() or 0
    connection.exec_driver_sql(f"PRAGMA mmap_size = {max(int(before), EXPORT_MAP_BYTES)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA mmap_size = {int(before)}")


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


def write_json(batches: Iterator[list[JsonText]], out: IO[str]) -> int:
    """A list of objects, a batch at a time so memory stays flat on big exports."""
    written = 0
    out.write("[")
    for records in batches:
        if records:
            out.write(("," if written else "") + "\n" + ",\n".join([r.text for r in records]))
            written += len(records)
    out.write("\n]\n" if written else "]\n")
    return written


def _with_attachments(
    session: Session, records: list[JsonText], folder: Path, base: Path
) -> list[JsonText]:
    """Write these agreements' attachments to *folder*; each object refers to its files."""
    from models.attachment_exchange import ATTACHMENTS_KEY, add_attachment_refs

    found = add_attachment_refs(session, [{"id": r.id} for r in records], folder, base)
    done = []
    for record, refs in zip(records, found, strict=True):
        entries = refs.get(ATTACHMENTS_KEY)
        if entries:  # the object's last member, before its closing brace
            text = f'{record.text[:-4]},\n    "{ATTACHMENTS_KEY}": {json_value(entries)}\n  }}'
            record = JsonText(record.id, text)
        done.append(record)
    return done

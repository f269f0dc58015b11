"""An agreement as a record: the one definition `list` and `export` write their rows from.

`list --format csv` and a CSV export write the same header and the same cells (the format
import reads back: see models.exchange_csv); `list --format json` writes RECORD_KEYS, which
also begin every object of a JSON export (models.exchange_write adds what only JSON holds).
Rows come from models.query (AgreementRow). Light on purpose: `list` loads it, and only
party_cells() touches the database.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from models.safe_output import FORMULA_STARTS, QUOTE, csv_cell

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from models.dates import PartialDate
    from models.query import AgreementRow

# The keys of `list --format json`, in order (its objects end with `counts`), and the first
# keys of every object of a JSON export.
RECORD_KEYS = (
    "id",
    "title",
    "kind",
    "level",
    "status",
    "signed_on",
    "signed_at",
    "entry_into_force",
    "expires_on",
    "parties",
    "fields",
    "summary",
    "source_url",
    "notes",
)
# The columns import reads from a CSV file (with `level` and the terms below): `id` is not
# one of them, since ids belong to one database.
CSV_COLUMNS = tuple(key for key in RECORD_KEYS if key not in ("id", "level"))
# Structured terms (models.terms), optional: a file without them imports as before.
TERM_COLUMNS = ("duration_term", "renewal_term", "notice_term", "entry_into_force_term")
# What `export` and `list --format csv` write, in this order (`level` last, as an extra).
EXPORT_CSV_COLUMNS = (*CSV_COLUMNS, "level", *TERM_COLUMNS)
LIST_SEPARATOR = "; "


def _iso(value: PartialDate | None) -> str | None:
    return value.iso() if value else None


def record(row: AgreementRow) -> dict[str, Any]:
    """A row as plain data under RECORD_KEYS: vocabulary values, dates as recorded, None when
    missing; then `counts` (signatories, parties, withdrawn) when the row carries them."""
    found = record_of(row, list(row.parties), list(row.fields))
    if row.counts is not None:
        counts = row.counts
        found["counts"] = {
            "signatories": counts.signatories,
            "parties": counts.parties,
            "withdrawn": counts.withdrawn,
        }
    return found


def record_of(row: Any, parties: list[Any], fields: list[str]) -> dict[str, Any]:
    """The RECORD_KEYS of an agreement (a row of the table or of the agreements table), in
    order, with its parties and fields as given (names, or a JSON export's objects)."""
    return {
        "id": row.id,
        "title": row.title,
        "kind": row.kind.value,
        "level": row.level.value,
        "status": row.status.value,
        "signed_on": _iso(row.signed_on),
        "signed_at": row.signed_at,
        "entry_into_force": _iso(row.entry_into_force),
        "expires_on": _iso(row.expires_on),
        "parties": parties,
        "fields": fields,
        "summary": row.summary,
        "source_url": row.source_url,
        "notes": row.notes,
    }


def csv_cells(row: AgreementRow, party_cells: dict[str, str] | None = None) -> tuple[str, ...]:
    """One agreement row as the text of its CSV cells, in EXPORT_CSV_COLUMNS order.

    *party_cells* gives the code written for a party whose name would be read back as
    another party (see party_cells()).
    """
    cells = party_cells or {}
    return (
        row.title,
        row.kind.value,
        row.status.value,
        _iso(row.signed_on) or "",
        row.signed_at or "",
        _iso(row.entry_into_force) or "",
        _iso(row.expires_on) or "",
        LIST_SEPARATOR.join(cells.get(name, name) for name in row.parties),
        LIST_SEPARATOR.join(row.fields),
        row.summary,
        row.source_url or "",
        row.notes,
        row.level.value,
        *(getattr(row, name) or "" for name in TERM_COLUMNS),
    )


def write_csv(
    rows: Iterable[AgreementRow],
    out: IO[str],
    party_cells: dict[str, str] | None = None,
    *,
    line_end: str = "\n",
    shown: Callable[[str], str] | None = None,
) -> int:
    """The header and a line per row, as import reads them back; return how many rows.

    Lists are joined with '; ', missing values are empty. Cells a spreadsheet would run as
    a formula get a "'" in front (safe_output.csv_cell), which import takes off again.
    *shown* rewrites each cell last (list escapes control characters on a terminal).
    """
    write_row = csv_row_writer(out, line_end)
    write_row(EXPORT_CSV_COLUMNS)
    written = 0
    for row in rows:
        cells = [csv_cell(cell) for cell in csv_cells(row, party_cells)]
        write_row([shown(cell) for cell in cells] if shown else cells)
        written += 1
    return written


def write_csv_cells(
    batches: Iterable[Sequence[Sequence[str]]], out: IO[str], line_end: str = "\n"
) -> int:
    """The header and a line per row of cells (csv_cells' order), as write_csv writes them.

    Batches of rows, each written with one writerows() call: an export of 100,000 rows
    calls into Python per cell only for the few cells that start like a formula.
    """
    plain = csv.writer(out, lineterminator=line_end)
    quoted = csv.writer(out, lineterminator=line_end, quoting=csv.QUOTE_ALL)
    plain.writerow(EXPORT_CSV_COLUMNS)
    written = 0
    for rows in batches:
        cells = [[csv_cell(c) if c[:1] in _MARKED else c for c in row] for row in rows]
        if any("\r" in "\x00".join(row) for row in cells):
            for row in cells:  # as csv_row_writer: a lone carriage return quotes its row
                (quoted if any("\r" in cell for cell in row) else plain).writerow(row)
        else:
            plain.writerows(cells)
        written += len(cells)
    return written


# What csv_cell changes: a cell beginning with one of these (others are written as they are).
_MARKED = FORMULA_STARTS | {QUOTE}


def csv_row_writer(out: IO[str], line_end: str = "\n") -> Callable[[Sequence[str]], object]:
    """A function writing one CSV row to *out*, lines ending in *line_end*, cells read back whole.

    The csv module quotes a cell holding a line terminator's character only: with '\n'
    lines, a cell with a lone carriage return went out bare and read back as two rows.
    Rows holding one are written with every cell quoted.
    """
    plain = csv.writer(out, lineterminator=line_end)
    quoted = csv.writer(out, lineterminator=line_end, quoting=csv.QUOTE_ALL)

    def write(cells: Sequence[str]) -> object:
        writer = quoted if any("\r" in cell for cell in cells) else plain
        return writer.writerow(cells)

    return write


def party_cells(session: Session) -> dict[str, str]:
    """Party name -> the code a CSV cell holds instead, where the name would mean another party.

    A CSV cell holds names, and a name is read back by what it means today: 'East Timor'
    is Timor-Leste, so the historic state (TMP) is written as its code, as is a state or
    organisation renamed to something that names nothing. Other names are written as is.
    """
    # Imported here: the rest of this module needs neither SQL nor the party tables.
    from sqlalchemy import or_, select

    from models.parties import party_reference
    from models.schema import Party

    cells: dict[str, str] = {}
    known = select(Party.name, Party.iso3, Party.org_code).where(
        or_(Party.iso3.is_not(None), Party.org_code.is_not(None))
    )
    for name, iso3, org_code in session.execute(known):
        reference = party_reference(name, iso3, org_code)
        if reference != name:
            cells[name] = reference
    return cells

"""`list`: the agreements that match filters, as a table, CSV or JSON."""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

from models.database import (
    Database,
)
from models.dates import PartialDate
from models.exchange_write import csv_row_writer
from models.participation_counts import with_counts
from models.query import (
    AgreementRow,
    Sort,
    SortColumn,
    agreement_ids,
    fetch_rows,
    iter_rows,
)
from models.safe_output import csv_cell, json_controls
from models.safe_output import shown as escaped
from ui.cli.common import (
    add_db_argument,
    add_filter_arguments,
    add_ids_argument,
    filter_from_args,
    named_ids,
)

FORMATS = ("table", "csv", "json")


# The columns of `list --format csv` and the keys of `--format json`, in order; JSON
# objects end with `counts` (signatories, parties, withdrawn) as well.
ROW_KEYS = (
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


def row_record(row: AgreementRow) -> dict[str, Any]:
    """A row as plain data: vocabulary values, dates as recorded, None when missing."""

    def iso(value: PartialDate | None) -> str | None:
        return value.iso() if value else None

    return {
        "id": row.id,
        "title": row.title,
        "kind": row.kind.value,
        "level": row.level.value,
        "status": row.status.value,
        "signed_on": iso(row.signed_on),
        "signed_at": row.signed_at,
        "entry_into_force": iso(row.entry_into_force),
        "expires_on": iso(row.expires_on),
        "parties": list(row.parties),
        "fields": list(row.fields),
        "summary": row.summary,
        "source_url": row.source_url,
        "notes": row.notes,
    }


def json_record(row: AgreementRow) -> dict[str, Any]:
    """row_record and, for JSON only (the CSV columns stay as they are), the UN-style counts."""
    record = row_record(row)
    if row.counts is not None:
        counts = row.counts
        record["counts"] = {
            "signatories": counts.signatories,
            "parties": counts.parties,
            "withdrawn": counts.withdrawn,
        }
    return record


def write_json(rows: Iterable[AgreementRow], out: IO[str]) -> None:
    """A JSON list, written one object at a time so memory stays flat on big results."""
    out.write("[")
    for number, row in enumerate(rows):
        text = json.dumps(json_record(row), ensure_ascii=False, indent=2)
        out.write(("," if number else "") + "\n  " + json_controls(text.replace("\n", "\n  ")))
    out.write("\n]\n")


def write_csv(rows: Iterable[AgreementRow], out: IO[str]) -> None:
    """CSV with a header; lists joined with '; ', missing values empty.

    Formula-like cells get a "'" in front, as export writes them (import takes it off);
    on a terminal, control characters are shown escaped instead of sent raw.
    """
    on_terminal = out.isatty()
    write_row = csv_row_writer(out)
    write_row(ROW_KEYS)
    for row in rows:
        cells = [csv_cell(_cell_text(value)) for value in row_record(row).values()]
        write_row([escaped(cell) for cell in cells] if on_terminal else cells)


def _cell_text(value: Any) -> str:
    return "; ".join(value) if isinstance(value, list) else "" if value is None else str(value)


# Table columns: header, the text of a row, the widest it may be.
TABLE_COLUMNS: tuple[tuple[str, Callable[[AgreementRow], str], int], ...] = (
    ("ID", lambda row: str(row.id), 9),
    ("Signed", lambda row: row.signed_on.iso() if row.signed_on else "", 10),
    ("Title", lambda row: row.title, 200),
    ("Kind", lambda row: row.kind.value, 27),
    ("Status", lambda row: row.status.value, 21),
    ("Parties", lambda row: ", ".join(row.parties), 30),
    ("Fields", lambda row: "; ".join(row.fields), 30),
)

TITLE_MIN = 20


GAP = "  "


def write_table(rows: Iterable[AgreementRow], out: IO[str], width: int | None = None) -> None:
    """A fixed-width table sized from the first rows, titles clipped to fit the terminal."""
    iterator = iter(rows)
    first = list(itertools.islice(iterator, 500))
    if not first:
        out.write("No agreements match.\n")
        return
    widths = _column_widths(first, width or shutil.get_terminal_size((120, 24)).columns)
    out.write(_table_line([header for header, _, _ in TABLE_COLUMNS], widths) + "\n")
    out.write(_table_line(["-" * size for size in widths], widths) + "\n")
    total = 0
    for row in itertools.chain(first, iterator):
        # Escaped: an ESC in a title must not reach the terminal as a command.
        cells = [escaped(text(row)) for _, text, _ in TABLE_COLUMNS]
        out.write(_table_line(cells, widths) + "\n")
        total += 1
    out.write(f"\n{total} agreement{'s' if total != 1 else ''}\n")


def _column_widths(rows: Sequence[AgreementRow], line_width: int) -> list[int]:
    widths = [
        min(limit, max(len(header), *(len(escaped(text(row))) for row in rows)))
        for header, text, limit in TABLE_COLUMNS
    ]
    title = [header for header, _, _ in TABLE_COLUMNS].index("Title")
    others = sum(widths) - widths[title] + len(GAP) * (len(widths) - 1)
    widths[title] = min(widths[title], max(TITLE_MIN, line_width - others))
    return widths


def _table_line(cells: Sequence[str], widths: Sequence[int]) -> str:
    clipped = [clip(cell, size).ljust(size) for cell, size in zip(cells, widths, strict=True)]
    clipped[0] = clipped[0].strip().rjust(widths[0])  # ids line up on the right
    return GAP.join(clipped).rstrip()


def clip(text: str, width: int) -> str:
    """*text* cut to *width* characters, an ellipsis marking the cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def register(commands: Any) -> None:
    listing = commands.add_parser(
        "list",
        help="list the agreements that match filters",
        description="List the agreements that match every filter given (any of the values "
        "of a repeated filter; all of the parties unless --any-party).",
    )
    add_db_argument(listing, default=argparse.SUPPRESS)
    add_filter_arguments(listing)
    add_ids_argument(
        listing,
        "only agreement N; the id of one merged into another lists that one (repeatable)",
    )
    output = listing.add_argument_group("output")
    output.add_argument(
        "--sort",
        choices=[column.value for column in SortColumn],
        default=SortColumn.SIGNED_ON.value,
        metavar="COLUMN",
        help=f"sort by one of: {', '.join(SortColumn)} (default: signed_on)",
    )
    output.add_argument("--desc", action="store_true", help="sort in descending order")
    output.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: table)"
    )
    listing.set_defaults(handler=command_list, creates_database=False)


def command_list(database: Database, args: argparse.Namespace) -> int:
    writers = {"table": write_table, "csv": write_csv, "json": write_json}
    with database.sessions.begin() as session:
        wanted = filter_from_args(session, args)
        sort = Sort(SortColumn(args.sort), descending=args.desc)
        if args.ids:
            within = named_ids(session, args.ids)
            rows = iter(fetch_rows(session, agreement_ids(session, wanted, sort, within=within)))
        else:
            rows = iter_rows(session, wanted, sort)
        if args.format == "json":
            rows = with_counts(session, rows)
        writers[args.format](rows, sys.stdout)
    return 0

"""`list`: the agreements that match filters, as a table, CSV or JSON."""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from models import agreement_record
from models.safe_output import json_controls
from models.safe_output import shown as escaped
from ui.cli.common import (
    UsageError,
    add_db_argument,
    add_filter_arguments,
    add_ids_argument,
    add_sort_arguments,
    fail,
    filter_from_args,
    filter_of,
    first_line,
    named_ids,
    sort_from_args,
)

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path

    from models.database import Database
    from models.query import AgreementRow

FORMATS = ("table", "csv", "json")
_encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder (C, not indent's Python)
_encode_text = json.encoder.encode_basestring  # what _encode does with a str, called directly


def write_json(rows: Iterable[AgreementRow], out: IO[str]) -> None:
    """A JSON list of agreement_record.record()s, written one object at a time so memory
    stays flat on big results; laid out as json.dumps(indent=2) would, several times faster."""
    out.write("[")
    for number, row in enumerate(rows):
        text = _indented(agreement_record.record(row), "  ")
        out.write(("," if number else "") + "\n  " + json_controls(text))
    out.write("\n]\n")


def write_json_texts(batches: Iterable[str], out: IO[str]) -> None:
    """The list write_json writes, from the text of its objects already joined a batch at a
    time (models.sqlite_json)."""
    out.write("[")
    written = False
    for text in batches:
        if text:
            out.write(("," if written else "") + "\n  " + text)
            written = True
    out.write("\n]\n")


def _indented(value: Any, indent: str) -> str:
    """*value* as JSON, each object key and list item on a line of its own under *indent*."""
    if not value or not isinstance(value, dict | list):
        return _scalar(value)
    inner = indent + "  "
    separator = ",\n" + inner
    if isinstance(value, dict):
        # The common case inline: a call per value is much of a long listing's time.
        items = separator.join(
            [
                _key(key) + (_encode_text(item) if item.__class__ is str else _item(item, inner))
                for key, item in value.items()
            ]
        )
        return "{\n" + inner + items + "\n" + indent + "}"
    try:  # names of parties and fields, most of a listing's items, in one C call
        items = separator.join(map(_encode_text, value))
    except TypeError:  # not all text
        items = separator.join(_item(item, inner) for item in value)
    return "[\n" + inner + items + "\n" + indent + "]"


def _item(value: Any, indent: str) -> str:
    """A member of an object or list: a scalar at once, else _indented under *indent*."""
    kind = value.__class__
    if kind is str:
        return _encode_text(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    return _indented(value, indent)


@functools.cache  # the same few keys in every object
def _key(key: Any) -> str:
    """An object's key as JSON, with the ': ' that follows it."""
    return _scalar(key) + ": "


def _scalar(value: Any) -> str:
    """A text, number, true, false or null as json.dumps writes it, without its Python layers
    for the common cases (a listing of 250,000 rows encodes millions of them)."""
    if value.__class__ is str:
        return _encode_text(value)
    if value is None:
        return "null"
    if value.__class__ is int:
        return int.__repr__(value)
    return _encode(value)


def write_csv(
    rows: Iterable[AgreementRow], out: IO[str], party_cells: dict[str, str] | None = None
) -> None:
    """What a CSV export of these rows holds (models.agreement_record), so it imports again.

    *party_cells*: the codes written for some parties (agreement_record.party_cells()). On a
    terminal, control characters are shown escaped instead of sent raw.
    """
    agreement_record.write_csv(rows, out, party_cells, shown=escaped if out.isatty() else None)


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
    add_sort_arguments(output)
    output.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: table)"
    )
    listing.set_defaults(handler=command_list, quick_handler=quick_list, creates_database=False)


def command_list(database: Database, args: argparse.Namespace) -> int:
    from models.participation_counts import with_counts
    from models.query import agreement_ids, fetch_rows, iter_rows

    with database.sessions.begin() as session:
        wanted = filter_from_args(session, args)
        sort = sort_from_args(args)
        if args.ids:
            within = named_ids(session, args.ids)
            rows = iter(fetch_rows(session, agreement_ids(session, wanted, sort, within=within)))
        else:
            rows = iter_rows(session, wanted, sort)
        if args.format == "json":
            write_json(with_counts(session, rows), sys.stdout)
        elif args.format == "csv":
            write_csv(rows, sys.stdout, agreement_record.party_cells(session))
        else:
            write_table(rows, sys.stdout)
    return 0


def quick_list(args: argparse.Namespace) -> int | None:
    """`list` read with sqlite3 alone (models.sqlite_listing); None: run command_list instead.

    Taken for a sound SQLite file at the current schema, as JSON or a table, when every name
    given resolves exactly: loading SQLAlchemy cost more than the query. CSV (whose party
    codes need the states' tables), --id (merged ids and their notices), a server, a file
    to check, upgrade or refuse, and names to correct all go the full way, with its messages.
    """
    import sqlite3

    from models import sqlite_listing
    from models.sqlite_file import open_current, plain_path

    if args.format == "csv" or args.ids:
        return None
    path = plain_path(args.db)
    connection = open_current(path) if path is not None else None
    if path is None or connection is None:
        return None
    try:
        try:
            wanted = filter_of(
                args,
                lambda name: sqlite_listing.field_id(connection, name),
                lambda name: sqlite_listing.party_id(connection, name),
            )
            ids = sqlite_listing.agreement_ids(connection, wanted, sort_from_args(args))
        except (sqlite_listing.Unanswerable, sqlite3.Error):
            return None  # the full path answers, or meets the same error and names it
        except UsageError as error:
            return fail(str(error))
        return _write_quickly(connection, path, ids, args.format)
    finally:
        connection.close()


def _write_quickly(connection: sqlite3.Connection, path: Path, ids: list[int], output: str) -> int:
    """The rows of *ids* written as *output*; a damaged or busy file or a reader gone said
    as command_list says them (models.database.storage_failure; ui.cli.running._run_on)."""
    import os
    import sqlite3
    from datetime import date

    from models import sqlite_listing
    from models.integrity import busy_message, classify, damaged_message
    from models.sqlite_file import BUSY_TIMEOUT_MS

    try:
        if output == "json":
            from models.sqlite_json import json_batches

            write_json_texts(json_batches(connection, ids, date.today()), sys.stdout)
        else:
            write_table(sqlite_listing.iter_rows(connection, ids), sys.stdout)
    except sqlite3.Error as error:
        trouble = classify(error)
        if trouble == "damaged":
            return fail(damaged_message(path, " ".join(str(error).split())))
        if trouble == "locked":  # another program's write outlasted the wait
            return fail(busy_message(path, BUSY_TIMEOUT_MS // 1000))
        return fail(f"database error: {first_line(error)}", status=1)
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0

"""`due` lists deadlines coming due; `export FILE.ics` writes them as a calendar file.

`export` itself belongs to ui/cli/exchange.py (CSV and JSON): this module takes over its
handler for a .ics file only, and adds the calendar's options to it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from models.deadlines import REMIND_DAYS
from models.safe_output import json_controls
from models.safe_output import shown as escaped
from models.text import shown
from ui.cli.common import (
    UsageError,
    add_db_argument,
    add_filter_arguments,
    count_of,
    filter_from_args,
    text_value,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from models.database import Database
    from models.deadline_store import DueItem

FORMATS = ("table", "json")
WITHIN_DAYS = 30  # as the window's warning period by default
CALENDAR_DAYS = 730  # a calendar file looks two years ahead unless told otherwise
MAX_DAYS = 36_600


def register(commands: Any) -> None:
    """`due [--within DAYS] [--as-of DATE] [FILTERS] [--format table|json]`; export to .ics."""
    due = commands.add_parser(
        "due",
        help="list the deadlines coming due (expiry, notice, renewal, entry into force)",
        description="List the deadlines of the agreements that match every filter given, "
        "from --as-of (default: today) to --within days later, and the overdue ones (an "
        "expiry or entry into force passed and not recorded), sorted by date. Ended "
        "agreements (terminated, expired) have none.",
    )
    add_db_argument(due, default=argparse.SUPPRESS)
    add_window_arguments(due, WITHIN_DAYS)
    due.add_argument(
        "--no-overdue", action="store_true", help="leave out the deadlines already passed"
    )
    add_filter_arguments(due)
    due.add_argument(
        "--format", choices=FORMATS, default="table", help="output format (default: table)"
    )
    due.set_defaults(handler=command_due, creates_database=False)
    _extend_export(commands.choices["export"])


def add_window_arguments(parser: argparse.ArgumentParser, within: int) -> None:
    parser.add_argument(
        "--within",
        type=days_value,
        default=within,
        metavar="DAYS",
        help=f"deadlines up to DAYS days ahead (default: {within})",
    )
    parser.add_argument(
        "--as-of",
        type=day_value,
        metavar="DATE",
        help="count from DATE (YYYY-MM-DD) instead of today",
    )


def days_value(text: str) -> int:
    """An argparse type for a number of days, 0 to a hundred years."""
    try:
        days = int(text_value(text))
    except ValueError:
        days = -1
    if not 0 <= days <= MAX_DAYS:
        raise argparse.ArgumentTypeError(
            f"{shown(text, 30)} is not a number of days (a whole number from 0 to {MAX_DAYS})"
        )
    return days


def day_value(text: str) -> date:
    """An argparse type for a full date: the day to count from."""
    try:
        return date.fromisoformat(text_value(text).strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{shown(text, 30)} is not a day (use YYYY-MM-DD)"
        ) from None


# ----------------------------------------------------------------- due


def command_due(database: Database, args: argparse.Namespace) -> int:
    as_of = args.as_of or date.today()
    with database.sessions.begin() as session:
        items = read_items(session, args, as_of, not args.no_overdue)
    writers: dict[str, Callable[[Sequence[DueItem], date, IO[str]], None]] = {
        "table": write_table,
        "json": write_json,
    }
    writers[args.format](items, as_of, sys.stdout)
    return 0


def read_items(
    session: Session, args: argparse.Namespace, as_of: date, overdue: bool
) -> list[DueItem]:
    from models.deadline_store import due_items
    from models.query import matching_ids

    wanted = filter_from_args(session, args)
    return due_items(session, matching_ids(session, wanted), as_of, args.within, overdue)


def due_record(item: DueItem) -> dict[str, Any]:
    """One deadline as plain data: the date as known (YYYY, YYYY-MM or YYYY-MM-DD)."""
    return {
        "agreement_id": item.agreement_id,
        "title": item.title,
        "deadline": item.kind.value,
        "on": item.on.iso(),
        "first_day": item.on.first_day().isoformat(),
        "last_day": item.on.last_day().isoformat(),
        "how": item.how,
        "recorded": item.recorded,
        "overdue": item.overdue,
    }


def write_json(items: Sequence[DueItem], as_of: date, out: IO[str]) -> None:
    text = json.dumps(
        {"as_of": as_of.isoformat(), "deadlines": [due_record(item) for item in items]},
        ensure_ascii=False,
        indent=2,
    )
    out.write(json_controls(text) + "\n")


def write_table(items: Sequence[DueItem], as_of: date, out: IO[str]) -> None:
    """Date, deadline, agreement id and title; how it was computed on the line below."""
    if not items:
        out.write(f"Nothing falls due (as of {as_of.isoformat()}).\n")
        return
    dates = max(len(item.on.display()) for item in items)
    kinds = max(len(item.kind.label) for item in items)
    ids = max(len(str(item.agreement_id)) for item in items)
    for item in items:
        late = "  OVERDUE" if item.overdue else ""
        out.write(
            f"{item.on.display():<{dates}}  {item.kind.label:<{kinds}}  "
            f"{item.agreement_id:>{ids}}  {escaped(item.title)}{late}\n"
        )
        out.write(f"{'':<{dates}}  {escaped(item.how)}\n")
    overdue = sum(item.overdue for item in items)
    tail = f", {overdue} overdue" if overdue else ""
    out.write(f"\n{count_of(len(items), 'deadline')} as of {as_of.isoformat()}{tail}\n")


# ----------------------------------------------------------------- export FILE.ics


def _extend_export(export: argparse.ArgumentParser) -> None:
    """Let `export` write .ics: its options, and a handler that passes other files on."""
    for action in export._actions:  # argparse keeps no public handle on a positional
        if action.dest == "file":
            action.metavar = "FILE.csv|FILE.json|FILE.ics"
    export.description = (export.description or "") + (
        " A .ics file is a calendar of the deadlines (one event each, with a reminder)."
    )
    calendar = export.add_argument_group("calendar (.ics only)")
    calendar.add_argument(
        "--within",
        type=days_value,
        default=CALENDAR_DAYS,
        metavar="DAYS",
        help=f"deadlines up to DAYS days ahead (default: {CALENDAR_DAYS})",
    )
    calendar.add_argument(
        "--as-of", type=day_value, metavar="DATE", help="count from DATE instead of today"
    )
    calendar.add_argument(
        "--remind",
        type=days_value,
        default=REMIND_DAYS,
        metavar="DAYS",
        help=f"a reminder DAYS days before each deadline (default: {REMIND_DAYS})",
    )
    other = export.get_default("handler")
    export.set_defaults(handler=lambda database, args: command_export(database, args, other))


def command_export(
    database: Database, args: argparse.Namespace, other: Callable[[Database, Any], int]
) -> int:
    if Path(args.file).suffix.casefold() != ".ics":
        return other(database, args)
    from models.calendar_export import write_calendar
    from models.database import sqlite_path
    from models.export_target import export_target_problem

    problem = export_target_problem(Path(args.file), sqlite_path(database.url))
    if problem:
        raise UsageError(problem)
    as_of = args.as_of or date.today()
    with database.sessions.begin() as session:
        items = read_items(session, args, as_of, overdue=False)  # a calendar looks ahead
    try:
        written = write_calendar(args.file, items, args.remind)
    except OSError as error:
        raise UsageError(f"can't write {args.file}: {error.strerror or error}") from None
    print(f"Exported {count_of(written, 'deadline')} to {args.file}")
    return 0

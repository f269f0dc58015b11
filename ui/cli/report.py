"""`report`: a PDF summary of the agreements that match filters, or one fact sheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from models.database import (
    Database,
)
from models.query import (
    Sort,
    SortColumn,
    count,
)
from models.redirects import resolve_id
from models.service import NotFoundError
from models.users import current_user
from ui.cli.common import (
    PROG,
    UsageError,
    add_db_argument,
    add_filter_arguments,
    add_sort_arguments,
    agreement_id,
    count_of,
    filter_from_args,
    text_value,
)


def register(commands: Any) -> None:
    """`report OUT.pdf [FILTERS] [--title TEXT]`, or `report OUT.pdf --id N` for a fact sheet."""
    report = commands.add_parser(
        "report",
        help="write a PDF summary of the agreements that match filters (or a fact sheet)",
        description="Write a PDF: the summary of the agreements that match every filter given "
        "(up to 25 agreements: the title, the filter in words, counts and the register on the "
        "first page, then a section per agreement; more: a cover, contents, counts and charts "
        "too), or with --id the fact sheet of one agreement. The file is replaced only once "
        "it is complete.",
    )
    report.add_argument("file", metavar="OUT.pdf", help="where to write")
    add_db_argument(report, default=argparse.SUPPRESS)
    add_filter_arguments(report)
    add_sort_arguments(report)
    report.add_argument(
        "--title",
        type=text_value,
        metavar="TEXT",
        help="the report's title (default: the filter in words, e.g. 'Agreements between "
        "Kazakhstan and Uzbekistan in Transport, 2021')",
    )
    report.add_argument(
        "--author",
        type=text_value,
        metavar="NAME",
        help="who made it, printed as 'Prepared by' (default: nobody is named)",
    )
    report.add_argument(
        "--show-source",
        action="store_true",
        help="also print the database's file or address, and (without --author) your user "
        "name as the author",
    )
    report.add_argument(
        "--register-only",
        action="store_true",
        help="just the register: one line per agreement, without their sections",
    )
    report.add_argument(
        "--yes",
        action="store_true",
        help="make a summary of more than 2,000 agreements without asking (needed when no "
        "terminal is there to answer)",
    )
    report.add_argument(
        "--id",
        type=agreement_id,
        metavar="N",
        help="a fact sheet of agreement N instead of a summary",
    )
    report.set_defaults(handler=command_report, creates_database=False)


def command_report(database: Database, args: argparse.Namespace) -> int:
    # ReportLab takes a quarter of a second to load: only for this command, not every start.
    from reports import write_fact_sheet, write_summary

    if not args.file.lower().endswith(".pdf"):
        raise UsageError(f"name the report .pdf, not '{Path(args.file).name}'")
    if args.register_only and args.id is not None:
        raise UsageError("--register-only is for a summary; a fact sheet (--id) has no register")
    # Names and paths stay off the page unless asked for: a PDF is often handed on.
    author = (
        args.author if args.author is not None else (current_user() if args.show_source else "")
    )
    try:
        if args.id is not None:
            result = write_fact_sheet(
                database.sessions,
                _merged_id_noted(database, args.id),
                Path(args.file),
                author=author,
                database_name=database.name,
                show_source=args.show_source,
            )
        else:
            with database.sessions.begin() as session:
                wanted = filter_from_args(session, args)
                number = count(session, wanted)
            if not args.register_only and not _long_report_agreed(number, args.yes):
                print(f"{PROG}: nothing written", file=sys.stderr)
                return 1
            result = write_summary(
                database.sessions,
                wanted,
                Path(args.file),
                title=args.title,
                sort=Sort(SortColumn(args.sort), descending=args.desc),
                author=author,
                database_name=database.name,
                show_source=args.show_source,
                register_only=args.register_only,
            )
    except NotFoundError as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"can't write {args.file}: {error.strerror or error}") from None
    for warning in result.warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    print(
        f"Wrote {args.file}: {count_of(result.pages, 'page')}, "
        f"{count_of(result.agreements, 'agreement')}"
    )
    return 0


def _long_report_agreed(number: int, yes: bool) -> bool:
    """A summary of more than LARGE_REPORT agreements is made when --yes is given or the user
    says yes at a terminal; without a terminal to ask, it is refused (a UsageError)."""
    from reports.summary_report import LARGE_REPORT, estimate_pages

    if number <= LARGE_REPORT or yes:
        return True
    # The same estimate the window's Export PDF dialog shows.
    size = f"{number:,} agreements, about {estimate_pages(number):,} pages"
    if not sys.stdin.isatty():
        raise UsageError(f"{size}: add --yes to make a PDF that long without a terminal to ask")
    print(f"{size}. Continue? [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().casefold()
    return answer in ("y", "yes")


def _merged_id_noted(database: Database, agreement_id: int) -> int:
    """The id that answers for *agreement_id*; 'agreement 12 was merged into 7' if another."""
    with database.sessions.begin() as session:
        target, notice = resolve_id(session, agreement_id)
    if notice:
        print(f"{PROG}: {notice}", file=sys.stderr)
    return target

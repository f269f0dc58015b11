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
)
from models.redirects import resolve_id
from models.service import NotFoundError
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
    user_name,
)


def register(commands: Any) -> None:
    """`report OUT.pdf [FILTERS] [--title TEXT]`, or `report OUT.pdf --id N` for a fact sheet."""
    report = commands.add_parser(
        "report",
        help="write a PDF summary of the agreements that match filters (or a fact sheet)",
        description="Write a PDF: the summary of the agreements that match every filter given "
        "(a cover with the filter in words, counts and charts, a register, and a section per "
        "agreement), or with --id the fact sheet of one agreement. The file is replaced only "
        "once it is complete.",
    )
    report.add_argument("file", metavar="OUT.pdf", help="where to write")
    add_db_argument(report, default=argparse.SUPPRESS)
    add_filter_arguments(report)
    add_sort_arguments(report)
    report.add_argument("--title", type=text_value, metavar="TEXT", help="the report's title")
    report.add_argument(
        "--author",
        type=text_value,
        metavar="NAME",
        help="who made it (default: $TREATY_TRACKER_USER, else your user name)",
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
    author = args.author if args.author is not None else user_name()
    try:
        if args.id is not None:
            result = write_fact_sheet(
                database.sessions,
                _merged_id_noted(database, args.id),
                Path(args.file),
                author=author,
                database_name=database.name,
            )
        else:
            with database.sessions.begin() as session:
                wanted = filter_from_args(session, args)
            result = write_summary(
                database.sessions,
                wanted,
                Path(args.file),
                title=args.title,
                sort=Sort(SortColumn(args.sort), descending=args.desc),
                author=author,
                database_name=database.name,
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


def _merged_id_noted(database: Database, agreement_id: int) -> int:
    """The id that answers for *agreement_id*; 'agreement 12 was merged into 7' if another."""
    with database.sessions.begin() as session:
        target, notice = resolve_id(session, agreement_id)
    if notice:
        print(f"{PROG}: {notice}", file=sys.stderr)
    return target

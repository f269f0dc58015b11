"""Treaty Tracker's entry point: the command line, and the GUI when no command is given.

The composition root: it resolves the database (--db, $TREATY_TRACKER_DB, else the default
file), opens it, and hands it to a command or to the window. Bad input ends with one line
on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import os
import signal
import sys


def _interrupted_while_loading(signum: int, frame: object) -> None:
    """Ctrl-C before main() runs: one line and status 130, as main() gives once running."""
    sys.stderr.write("treaty-tracker: interrupted\n")
    os._exit(130)  # nothing is open yet; and Python's exit would print the import's traceback


# Loading the modules below is most of a short command's life (1-2 s on a busy machine), so
# Ctrl-C is caught from here on when run as a program (not when tests import this module),
# unless it is ignored (a background job of a script), as Python itself leaves it then.
_AS_PROGRAM = __name__ == "__main__" or os.path.basename(sys.argv[0]) == "treaty-tracker"
if _AS_PROGRAM and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, _interrupted_while_loading)

import argparse
import difflib
import itertools
import json
import shutil
import traceback
from collections.abc import Callable, Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import IO, Any, NoReturn

from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from models.database import (
    ENV_VARIABLE,
    Database,
    DatabaseError,
    describe,
    open_database,
    resolve_url,
    sqlite_path,
    storage_failure,
)
from models.database_copy import CopyError, copy_database
from models.dates import PartialDate
from models.exchange import (
    NEW_PARTY,
    ImportFailed,
    ImportPreview,
    PossibleDuplicateRow,
    export_file,
    export_format,
    import_file,
    preview_import,
)
from models.exchange_write import csv_row_writer
from models.export_target import export_target_problem
from models.fields import find_field, split_path
from models.limits import ID_MAX
from models.participation_counts import with_counts
from models.parties import find_identity, find_party, suggest_parties
from models.query import (
    AgreementFilter,
    AgreementRow,
    FieldNode,
    Sort,
    SortColumn,
    agreement_ids,
    fetch_rows,
    field_tree,
    iter_rows,
)
from models.redirects import find_agreement, resolve_id
from models.safe_output import csv_cell, json_controls
from models.safe_output import shown as escaped
from models.sample import load_sample
from models.service import NotFoundError
from models.text import fold, not_utf8, shown
from models.users import UserNameError, current_user
from models.vocab import Kind, Level, Status, Vocabulary

PROG = "treaty-tracker"
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


class UsageError(Exception):
    """Bad input on the command line; the message is one line for stderr."""


class CliParser(argparse.ArgumentParser):
    """argparse, but an error is one line on stderr (no usage block) and exit status 2."""

    def error(self, message: str) -> NoReturn:
        hint = "" if message.endswith(")") else f" (see {self.prog} --help)"
        self.exit(2, f"{self.prog}: {message}{hint}\n")


def version() -> str:
    try:
        return metadata.version("treaty-tracker")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


# ----------------------------------------------------------------- the parser


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: global options, then one sub-parser per command."""
    parser = CliParser(
        prog=PROG,
        description="Record international agreements by field and party, filter them, "
        "and export summaries. Without a command, opens the window.",
        epilog="The database is --db, else $TREATY_TRACKER_DB, else a file in the user data "
        "folder. Run a command with --help for its options.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {version()}")
    add_db_argument(parser, default=None)
    add_debug_argument(parser, default=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    add_list_command(commands)
    add_exchange_commands(commands)
    add_report_command(commands)
    add_copy_command(commands)
    sample = commands.add_parser(
        "load-sample",
        help="record the sample agreements (Kazakhstan–Uzbekistan, 2021)",
        description="Record the eight sample agreements: the Kazakhstan–Uzbekistan alliance "
        "declaration of 6 December 2021 and the seven documents signed with it. "
        "Those already recorded are left alone.",
    )
    add_db_argument(sample, default=argparse.SUPPRESS)
    sample.set_defaults(handler=command_load_sample, creates_database=True, writes=True)
    return parser


def add_copy_command(commands: Any) -> None:
    """`copy --to URL` or `copy --from URL`: the whole database into an empty one."""
    copy = commands.add_parser(
        "copy",
        help="copy the whole database to (or from) another, empty one",
        description="Copy every agreement, party, field, saved view and the audit log, with "
        "their ids, from this database (--db) to an empty one (--to), or from another into "
        "this empty one (--from). All or nothing: a failure leaves the target empty. "
        "For example: copy --to postgresql://alice@team-server/treaties",
    )
    add_db_argument(copy, default=argparse.SUPPRESS)
    direction = copy.add_mutually_exclusive_group(required=True)
    direction.add_argument("--to", metavar="PATH|URL", help="the empty database to fill")
    direction.add_argument("--from", dest="source", metavar="PATH|URL", help="the one to copy")
    copy.set_defaults(handler=command_copy, creates_database=True, writes=False)


def add_debug_argument(parser: argparse.ArgumentParser, default: Any) -> None:
    """--debug: an unexpected error shows Python's traceback instead of one line."""
    parser.add_argument(
        "--debug",
        action="store_true",
        default=default,
        help="on an unexpected error, show the full traceback (for a bug report)",
    )


def add_db_argument(parser: argparse.ArgumentParser, default: Any) -> None:
    """--db on the main parser and on each command (SUPPRESS there keeps the main one's value)."""
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=default,
        help="database file or SQLAlchemy URL (default: $TREATY_TRACKER_DB, else the "
        "user data folder)",
    )
    if default is argparse.SUPPRESS:  # a command's parser: take --debug after it too
        add_debug_argument(parser, default=argparse.SUPPRESS)


def add_list_command(commands: Any) -> None:
    listing = commands.add_parser(
        "list",
        help="list the agreements that match filters",
        description="List the agreements that match every filter given (any of the values "
        "of a repeated filter; all of the parties unless --any-party).",
    )
    add_db_argument(listing, default=argparse.SUPPRESS)
    add_filter_arguments(listing)
    listing.add_argument(
        "--id",
        dest="ids",
        action="append",
        type=agreement_id,
        metavar="N",
        help="only agreement N; the id of one merged into another lists that one (repeatable)",
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


def add_sort_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sort",
        choices=[column.value for column in SortColumn],
        default=SortColumn.SIGNED_ON.value,
        metavar="COLUMN",
        help="sort by one of the columns of `list --sort` (default: signed_on)",
    )
    parser.add_argument("--desc", action="store_true", help="sort in descending order")


def add_report_command(commands: Any) -> None:
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


def add_exchange_commands(commands: Any) -> None:
    """`export FILE [FILTERS]` and `import FILE [--update] [--dry-run]`."""
    export = commands.add_parser(
        "export",
        help="write the agreements that match filters to a CSV or JSON file",
        description="Write the agreements that match every filter given to FILE: CSV (the "
        "table's columns) or JSON (everything recorded), chosen by the suffix. The file is "
        "replaced only once it is complete.",
    )
    export.add_argument("file", metavar="FILE.csv|FILE.json", help="where to write")
    add_db_argument(export, default=argparse.SUPPRESS)
    add_filter_arguments(export)
    add_sort_arguments(export)
    export.set_defaults(handler=command_export, creates_database=False)
    imports = commands.add_parser(
        "import",
        help="record the agreements in a CSV or JSON file (all or nothing)",
        description="Record the agreements in FILE (.json is read as JSON, anything else as "
        "CSV). A row with the title and signing date of a recorded agreement is skipped, or "
        "with --update overwrites what the file gives. If any row is wrong, nothing is "
        "imported and every problem is listed.",
    )
    imports.add_argument("file", metavar="FILE", help="a .csv or .json file")
    add_db_argument(imports, default=argparse.SUPPRESS)
    imports.add_argument(
        "--update",
        action="store_true",
        help="update recorded agreements from their rows instead of skipping them",
    )
    imports.add_argument(
        "--dry-run", action="store_true", help="check the file and say what it would do"
    )
    imports.add_argument(
        "--new-parties",
        action="store_true",
        help="record names that look like a misspelt state or organisation as new parties",
    )
    imports.add_argument(
        "--keep-duplicates",
        action="store_true",
        help="import rows that look like a recorded agreement (same date and parties, a "
        "title near in wording) instead of skipping them",
    )
    imports.set_defaults(handler=command_import, creates_database=True, writes=True)


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The FILTERS shared by list, report and export; read back with filter_from_args()."""
    group = parser.add_argument_group("filters")
    group.add_argument(
        "--field",
        dest="fields",
        action="append",
        type=text_value,
        metavar="NAME",
        help="field path, e.g. 'Transport > Rail' or 'Rail'; includes subfields (repeatable)",
    )
    group.add_argument(
        "--party",
        dest="parties",
        action="append",
        type=text_value,
        metavar="NAME|ISO3",
        help="party name or ISO code, e.g. KAZ, Uzbekistan, Türkiye; agreements between all "
        "the parties given (repeatable)",
    )
    group.add_argument(
        "--any-party", action="store_true", help="match agreements with any of the parties"
    )
    vocabularies = (("--kind", "kinds", Kind), ("--status", "statuses", Status))
    for option, dest, vocabulary in (*vocabularies, ("--level", "levels", Level)):
        group.add_argument(
            option,
            dest=dest,
            action="append",
            type=vocabulary_value(vocabulary),
            metavar=option.removeprefix("--").upper(),
            help=f"one of: {', '.join(vocabulary.values())} (repeatable)",
        )
    for option, words in (("--signed-from", "on or after"), ("--signed-to", "on or before")):
        group.add_argument(
            option,
            type=date_value,
            metavar="DATE",
            help=f"signed {words} DATE (YYYY, YYYY-MM or YYYY-MM-DD)",
        )
    group.add_argument(
        "--search",
        type=text_value,
        default="",
        metavar="TEXT",
        help="words in titles, summaries, notes, places or party names (any script, "
        "accents optional)",
    )


def text_value(text: str) -> str:
    """An argparse type for text: refuses bytes that are not UTF-8, which no database stores."""
    if not_utf8(text):
        raise argparse.ArgumentTypeError(
            f"{shown(text)} has bytes that are not UTF-8 (is the terminal set to UTF-8?)"
        )
    return text


def agreement_id(text: str) -> int:
    """An argparse type for an agreement id: a whole number from 1 to ID_MAX."""
    try:
        number = int(text_value(text))
    except ValueError:
        number = 0
    if not 1 <= number <= ID_MAX:
        raise argparse.ArgumentTypeError(
            f"{shown(text, 30)} is not an agreement id (a whole number from 1 to {ID_MAX})"
        )
    return number


def vocabulary_value(vocabulary: type[Vocabulary]) -> Callable[[str], Vocabulary]:
    """An argparse type that reads a vocabulary value, suggesting the closest on a typo."""

    def parse(text: str) -> Vocabulary:
        text_value(text)
        try:
            return vocabulary.parse(text)
        except ValueError as error:
            # A unique beginning is enough on the command line: 'memorandum', 'exchange'.
            starts = [value for value in vocabulary.values() if value.startswith(fold(text))]
            if len(starts) == 1 and text.strip():
                return vocabulary(starts[0])
            raise argparse.ArgumentTypeError(str(error)) from None

    parse.__name__ = vocabulary.__name__.lower()
    return parse


def date_value(text: str) -> PartialDate:
    """An argparse type for YYYY, YYYY-MM or YYYY-MM-DD."""
    try:
        return PartialDate.parse(text_value(text))
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


# ----------------------------------------------------------------- filters


def filter_from_args(session: Session, args: argparse.Namespace) -> AgreementFilter:
    """The AgreementFilter the FILTERS arguments describe; raises UsageError on unknown names."""
    signed_from, signed_to = args.signed_from, args.signed_to
    if signed_from and signed_to and signed_to.certainly_before(signed_from):
        raise UsageError(
            f"--signed-to {signed_to.iso()} is before --signed-from {signed_from.iso()}"
        )
    nodes = field_tree(session) if args.fields else []
    return AgreementFilter(
        fields=_unique(field_id(session, name, nodes) for name in args.fields or []),
        parties=_unique(party_id(session, name) for name in args.parties or []),
        any_party=args.any_party,
        kinds=_unique(args.kinds or []),
        statuses=_unique(args.statuses or []),
        levels=_unique(args.levels or []),
        signed_from=signed_from,
        signed_to=signed_to,
        text=args.search or "",
    )


def _unique(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(values))


def field_id(session: Session, name: str, nodes: Sequence[FieldNode]) -> int:
    """The field a path names: exact ('Transport > Rail'), else by its last parts ('Rail')."""
    found = find_field(session, name)
    if found is not None:
        return found.id
    wanted = [fold(part) for part in split_path(name)]
    if not wanted:
        raise UsageError("--field needs a field name")
    matches = [
        node
        for node in nodes
        if [fold(part) for part in split_path(node.path)][-len(wanted) :] == wanted
    ]
    if len(matches) == 1:
        return matches[0].id
    if matches:
        paths = [node.path for node in matches]
        raise UsageError(f"field '{name}' is ambiguous: give the full path ({_or_list(paths)})")
    raise UsageError(f"unknown field '{name}'{did_you_mean(suggest_fields(name, nodes))}")


def suggest_fields(name: str, nodes: Sequence[FieldNode], limit: int = 3) -> list[str]:
    """Close field paths, comparing with whole paths and with last names alike."""
    candidates: dict[str, str] = {}
    for node in nodes:
        candidates.setdefault(fold(node.name), node.path)
        candidates[fold(node.path)] = node.path
    close = difflib.get_close_matches(fold(name), list(candidates), n=limit * 2, cutoff=0.6)
    return list(dict.fromkeys(candidates[key] for key in close))[:limit]


def party_id(session: Session, name: str) -> int:
    """The recorded party a name or ISO code means; unknown names get suggestions."""
    party = find_party(session, name)
    if party is not None:
        return party.id
    known = find_identity(name)  # a state or organisation no agreement names yet
    if known is not None:
        raise UsageError(f"no agreement with {known.name} is recorded (--party '{name}')")
    raise UsageError(f"unknown party '{name}'{did_you_mean(suggest_parties(session, name))}")


def did_you_mean(options: Sequence[str]) -> str:
    return f" (did you mean {_or_list(options)}?)" if options else ""


def _or_list(options: Sequence[str]) -> str:
    quoted = [f"'{option}'" for option in options]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


# ----------------------------------------------------------------- rows as output


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


# ----------------------------------------------------------------- commands


def command_list(database: Database, args: argparse.Namespace) -> int:
    writers = {"table": write_table, "csv": write_csv, "json": write_json}
    with database.sessions.begin() as session:
        wanted = filter_from_args(session, args)
        sort = Sort(SortColumn(args.sort), descending=args.desc)
        if args.ids:
            within = _listed_ids(session, args.ids)
            rows = iter(fetch_rows(session, agreement_ids(session, wanted, sort, within=within)))
        else:
            rows = iter_rows(session, wanted, sort)
        if args.format == "json":
            rows = with_counts(session, rows)
        writers[args.format](rows, sys.stdout)
    return 0


def _listed_ids(session: Session, ids: Sequence[int]) -> list[int]:
    """The agreements `list --id` names, merged ids followed (with a notice on stderr)."""
    found = []
    for wanted in dict.fromkeys(ids):
        try:
            target, notice = find_agreement(session, wanted)
        except NotFoundError as error:
            raise UsageError(f"--id {wanted}: {error}") from None
        if notice:
            print(f"{PROG}: {notice}", file=sys.stderr)
        found.append(target)
    return found


def command_load_sample(database: Database, args: argparse.Namespace) -> int:
    with database.writing() as session:
        result = load_sample(session)
    if result.added:
        print(f"Added {result.added} agreement{'s' if result.added != 1 else ''}")
    if result.already_present:
        print(f"Already present: {result.already_present}")
    return 0


def command_export(database: Database, args: argparse.Namespace) -> int:
    try:
        export_format(Path(args.file))
    except ValueError as error:
        raise UsageError(str(error)) from None
    problem = export_target_problem(Path(args.file), sqlite_path(database.url))
    if problem:
        raise UsageError(problem)
    with database.sessions.begin() as session:
        wanted = filter_from_args(session, args)
        sort = Sort(SortColumn(args.sort), descending=args.desc)
        try:
            written = export_file(session, args.file, wanted, sort=sort)
        except OSError as error:
            raise UsageError(f"can't write {args.file}: {error.strerror or error}") from None
    print(f"Exported {_count(written, 'agreement')} to {args.file}")
    return 0


def command_report(database: Database, args: argparse.Namespace) -> int:
    # ReportLab takes a quarter of a second to load: only for this command, not every start.
    from reports import write_fact_sheet, write_summary

    if not args.file.lower().endswith(".pdf"):
        raise UsageError(f"name the report .pdf, not '{Path(args.file).name}'")
    author = args.author if args.author is not None else _user_name()
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
        f"Wrote {args.file}: {_count(result.pages, 'page')}, "
        f"{_count(result.agreements, 'agreement')}"
    )
    return 0


def _merged_id_noted(database: Database, agreement_id: int) -> int:
    """The id that answers for *agreement_id*; 'agreement 12 was merged into 7' if another."""
    with database.sessions.begin() as session:
        target, notice = resolve_id(session, agreement_id)
    if notice:
        print(f"{PROG}: {notice}", file=sys.stderr)
    return target


def _user_name() -> str:
    """The report's author by default: the name saves record (see models.users)."""
    return current_user()


def command_copy(database: Database, args: argparse.Namespace) -> int:
    if not (args.to or args.source):
        raise UsageError(f"--{'to' if args.to is not None else 'from'} needs a path or URL")
    check_server_url(args.to or args.source, "--to" if args.to else "--from")
    other_url = resolve_url(args.to or args.source)
    if args.source and not database.can_write:
        raise UsageError(read_only_message(database, "copy --from"))
    try:
        other = open_database(other_url, create=bool(args.to))
    except (SQLAlchemyError, ImportError) as error:
        raise DatabaseError(f"can't open {describe(other_url)}: {_first_line(error)}") from None
    source, target = (database, other) if args.to else (other, database)
    try:
        result = copy_database(source, target)
    except CopyError as error:
        raise UsageError(str(error)) from None
    finally:
        other.close()
    print(f"Copied {source.name} to {target.name}:")
    width = max(len(name) for name in result.counts)
    for name, number in result.counts.items():
        print(f"  {name.ljust(width)}  {number:>8}")
    return 0


def read_only_message(database: Database, command: str, reason: str | None = None) -> str:
    """Why a writing command is refused on a read-only connection."""
    who = f"user '{database.url.username}'" if database.url.username else "this connection"
    why = reason or database.read_only_reason
    because = f" ({why})" if why else ""
    return (
        f"{database.name} is read-only for {who}{because}: '{command}' would change it, "
        "so nothing was done"
    )


def command_import(database: Database, args: argparse.Namespace) -> int:
    try:
        if args.dry_run:
            with database.sessions.begin() as session:
                preview = preview_import(
                    session,
                    args.file,
                    update=args.update,
                    keep_duplicates=args.keep_duplicates,
                )
            if preview.doubtful_parties and not args.new_parties:
                return refuse_doubtful(args.file, preview.doubtful_parties)
            print_preview(preview, args.update)
            return 0
        with database.writing() as session:
            result = import_file(
                session,
                args.file,
                update=args.update,
                new_parties=args.new_parties,
                keep_duplicates=args.keep_duplicates,
                progress=_progress_printer(),
            )
    except ImportFailed as failure:
        for problem in failure.problems:
            print(f"{PROG}: {args.file}: {problem}", file=sys.stderr)
        if any(NEW_PARTY in problem.reason for problem in failure.problems):
            print(f"{PROG}: {NEW_PARTIES_HINT}", file=sys.stderr)
        print(f"{PROG}: nothing was imported", file=sys.stderr)
        return 2
    print(f"Added {_count(result.added, 'agreement')}")
    if args.update:
        print(f"Updated {result.updated}")
    if result.skipped:
        print(f"Skipped {_count(result.skipped, 'duplicate')}")
    print_possible_duplicates(result.possible_duplicates, "skipped")
    _print_names("New parties", result.parties_created)
    _print_names("New fields", result.fields_created)
    return 0


NEW_PARTIES_HINT = "if they are new parties, not misspellings, import with --new-parties"


def refuse_doubtful(file: str, doubtful: Sequence[tuple[str, str]]) -> int:
    """--dry-run without --new-parties: say which names the import would refuse."""
    for name, suggestion in doubtful:
        print(
            f"{PROG}: {file}: '{name}' {NEW_PARTY} (did you mean '{suggestion}'?)",
            file=sys.stderr,
        )
    print(f"{PROG}: {NEW_PARTIES_HINT}", file=sys.stderr)
    return 2


def print_preview(preview: ImportPreview, update: bool) -> None:
    """What an import would do, for --dry-run."""
    print(f"{_count(preview.rows, 'row')}: {preview.new} new")
    if preview.existing:
        verb = "would update" if update else "would skip"
        print(f"Already recorded: {preview.existing} ({verb})")
    if preview.repeated:
        print(f"Repeated in the file: {preview.repeated} (would skip)")
    print_possible_duplicates(preview.possible_duplicates, "would skip")
    _print_names("New parties", preview.parties_created)
    _print_names("New fields", preview.fields_created)
    print("Nothing was written (--dry-run)")


def print_possible_duplicates(rows: Sequence[PossibleDuplicateRow], verb: str) -> None:
    """'Possible duplicates (1): line 5 ~ 12 'Title' (skipped; --keep-duplicates imports them)'."""
    if rows:
        listed = ", ".join(row.describe() for row in rows)
        print(
            f"Possible duplicates ({len(rows)}): {listed} ({verb}; --keep-duplicates imports them)"
        )


def _print_names(label: str, names: Sequence[str]) -> None:
    if names:
        print(f"{label} ({len(names)}): {', '.join(names)}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _progress_printer() -> Callable[[int, int], None] | None:
    """A progress line on a terminal's stderr ('Importing 45000 of 100000'); None elsewhere."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        print(f"\rImporting {done} of {total}", end=end, file=sys.stderr, flush=True)

    return show


def run_window(args: argparse.Namespace) -> int:
    """The GUI on --db or $TREATY_TRACKER_DB; without either, on the database used last."""
    # Imported here so that the command line never loads Qt.
    from ui.app import run_gui

    if args.db is None and not os.environ.get(ENV_VARIABLE):
        return run_gui(None)
    database = open_for(args)
    try:
        return run_gui(database)
    finally:
        database.close()


# ----------------------------------------------------------------- running


def main(argv: list[str] | None = None) -> int:
    """Run a command (or the GUI) and return the exit status: 0 done, 2 bad input.

    1 for an unexpected error (one line and a hint; the traceback with --debug) and 130
    for Ctrl-C, as shells count an interrupted program.
    """
    if signal.getsignal(signal.SIGINT) is _interrupted_while_loading:
        signal.signal(signal.SIGINT, signal.default_int_handler)  # KeyboardInterrupt again
    _use_utf8_output()
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    try:
        return run_command(argv)
    except KeyboardInterrupt:
        if debug:
            traceback.print_exc()
        # Every command writes in one transaction or to a temporary file: both are undone.
        return fail("interrupted", status=130)
    except Exception as error:
        if debug:
            raise
        return fail(
            f"unexpected error: {type(error).__name__}: {_first_line(error)} "
            "(run again with --debug to see where, and report it)",
            status=1,
        )


def run_command(argv: list[str] | None) -> int:
    """Parse the command line and run the command; bad input ends with status 2."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_request:  # --help, --version and argparse's own errors
        return exit_request.code if isinstance(exit_request.code, int) else 2
    if not hasattr(args, "handler"):
        try:
            return run_window(args)
        except DatabaseError as error:
            return fail(str(error))
    writes = getattr(args, "writes", False) and not getattr(args, "dry_run", False)
    try:
        # Every page is checked before a command writes: a damaged file is refused unchanged.
        database = open_for(args, full_check=writes or bool(getattr(args, "source", None)))
    except DatabaseError as error:
        return fail(str(error))
    if writes and not database.can_write:
        database.close()
        return fail(read_only_message(database, args.command))
    try:
        return args.handler(database, args)
    except (UsageError, DatabaseError, UserNameError) as error:
        return fail(str(error))
    except SQLAlchemyError as error:
        known = storage_problem(database, error, args.command)
        if known is not None:
            return fail(known)
        if isinstance(error, OperationalError):
            return fail(f"database error: {_first_line(error)}", status=1)
        raise
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        database.close()


def storage_problem(database: Database, error: SQLAlchemyError, command: str) -> str | None:
    """The one line for a damaged or busy file, or a right the user lacks; None for others."""
    if getattr(getattr(error, "orig", None), "sqlstate", None) == "42501":  # no privilege
        return read_only_message(database, command, _first_line(error))
    return storage_failure(database.url, error)


def open_for(args: argparse.Namespace, full_check: bool = False) -> Database:
    """Open the database; commands that only read refuse a missing file (a mistyped --db)."""
    if args.db:
        check_server_url(args.db, "--db")
    else:
        check_server_url(os.environ.get(ENV_VARIABLE, ""), f"${ENV_VARIABLE}")
    url = resolve_url(args.db)
    path = sqlite_path(url)
    if path and not path.exists() and not getattr(args, "creates_database", True):
        raise DatabaseError(
            f"no database at {path} (the window or '{PROG} load-sample' creates one)"
        )
    try:
        return open_database(url, full_check=full_check)
    except (SQLAlchemyError, ImportError) as error:
        # An unknown dialect, a missing driver, a server that does not answer.
        raise DatabaseError(f"can't open {describe(url)}: {_first_line(error)}") from None


def check_server_url(text: str, where: str) -> None:
    """A server's URL must be UTF-8 (a file's path may be any bytes); DatabaseError if not."""
    if "://" in text and not_utf8(text):
        # Not echoed: the URL may hold a password.
        raise DatabaseError(
            f"{where} is a URL with bytes that are not UTF-8: a server's address, user and "
            "database name must be UTF-8 text"
        )


def _first_line(error: BaseException) -> str:
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def fail(message: str, status: int = 2) -> int:
    """One line on stderr, prefixed with the program name; return the exit status."""
    print(f"{PROG}: {message}", file=sys.stderr)
    return status


def _use_utf8_output() -> None:
    """Names such as Тоқаев must print even where the locale's encoding can't hold them.

    A file name or value with bytes that are not UTF-8 prints escaped (\\udcff), never as
    an error.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        errors = getattr(stream, "errors", None)
        if (encoding, errors) != ("utf8", "backslashreplace") and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


if __name__ == "__main__":
    sys.exit(main())

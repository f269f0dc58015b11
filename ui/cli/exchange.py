"""`export` and `import`: agreements to and from CSV or JSON files, all or nothing."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.attachment_exchange import attachment_problems, import_with_attachments
from models.attachments import AttachmentError
from models.backups import BEFORE_IMPORT
from models.database import (
    Database,
    sqlite_path,
)
from models.exchange import (
    NEW_PARTY,
    ImportFailed,
    ImportPreview,
    PossibleDuplicateRow,
    export_file,
    export_format,
    preview_import,
)
from models.export_target import export_target_problem
from models.query import (
    Sort,
    SortColumn,
)
from ui.cli.backups import backup_first
from ui.cli.common import (
    PROG,
    UsageError,
    add_db_argument,
    add_filter_arguments,
    add_sort_arguments,
    count_of,
    filter_from_args,
    progress_printer,
)


def register(commands: Any) -> None:
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
    export.add_argument(
        "--with-attachments",
        type=Path,
        metavar="DIR",
        help="JSON only: write the agreements' attachments to DIR, the file referring to them",
    )
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


def command_export(database: Database, args: argparse.Namespace) -> int:
    try:
        export_format(Path(args.file))
    except ValueError as error:
        raise UsageError(str(error)) from None
    problem = export_target_problem(Path(args.file), sqlite_path(database.url))
    if problem:
        raise UsageError(problem)
    if args.with_attachments is not None and export_format(Path(args.file)) != "json":
        raise UsageError("--with-attachments needs a .json file: CSV can't refer to files")
    with database.sessions.begin() as session:
        wanted = filter_from_args(session, args)
        sort = Sort(SortColumn(args.sort), descending=args.desc)
        try:
            written = export_file(
                session, args.file, wanted, sort=sort, attachments=args.with_attachments
            )
        except (OSError, AttachmentError) as error:
            reason = getattr(error, "strerror", None) or error
            raise UsageError(f"can't write {args.file}: {reason}") from None
    print(f"Exported {count_of(written, 'agreement')} to {args.file}")
    return 0


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
            missing = attachment_problems(Path(args.file))  # the files its attachments name
            if missing:
                raise ImportFailed(missing)
            print_preview(preview, args.update)
            return 0
        backup_first(database, BEFORE_IMPORT, "import")
        with database.writing() as session:
            result, files = import_with_attachments(
                session,
                args.file,
                update=args.update,
                new_parties=args.new_parties,
                keep_duplicates=args.keep_duplicates,
                progress=progress_printer(),
            )
    except ImportFailed as failure:
        for problem in failure.problems:
            print(f"{PROG}: {args.file}: {problem}", file=sys.stderr)
        if any(NEW_PARTY in problem.reason for problem in failure.problems):
            print(f"{PROG}: {NEW_PARTIES_HINT}", file=sys.stderr)
        print(f"{PROG}: nothing was imported", file=sys.stderr)
        return 2
    print(f"Added {count_of(result.added, 'agreement')}")
    if args.update:
        print(f"Updated {result.updated}")
    if result.skipped:
        print(f"Skipped {count_of(result.skipped, 'duplicate')}")
    print_possible_duplicates(result.possible_duplicates, "skipped")
    _print_names("New parties", result.parties_created)
    _print_names("New fields", result.fields_created)
    if files.attached:
        print(f"Attached {count_of(files.attached, 'file')}")
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
    print(f"{count_of(preview.rows, 'row')}: {preview.new} new")
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

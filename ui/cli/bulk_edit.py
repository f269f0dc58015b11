"""`update [FILTERS] [--id N...] --set status=ratified …`: one edit to many agreements.

The agreements are those the FILTERS match (as `list` takes them), narrowed to --id
where given. `--dry-run` prints the preview (models.bulk_edit.plan_bulk_edit) and changes
nothing; otherwise the edit is checked, an SQLite file is backed up (only when something
will change), and the edit is saved in one transaction, all or nothing.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from models.backups import BEFORE_BULK_EDIT
from models.vocab import Role
from ui.cli.backups import backup_first
from ui.cli.common import (
    PROG,
    UsageError,
    add_db_argument,
    add_filter_arguments,
    add_ids_argument,
    count_of,
    filter_from_args,
    named_ids,
    text_value,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from models.bulk_edit import BulkEdit
    from models.database import Database
    from models.service import MilestoneInput

SETTABLE = ("status", "kind", "level")


def register(commands: Any) -> None:
    """`update`: set, add or remove one thing on every agreement matched."""
    update = commands.add_parser(
        "update",
        help="change many agreements at once (--dry-run shows what would change)",
        description="Apply one edit to every agreement the FILTERS match (and, with --id, "
        "only to those ids): set the status, kind or level, add or remove a field or a "
        "party, add a note or a milestone. All or nothing: if any agreement can't take the "
        "edit, nothing is changed and each one is named. A database file is backed up first.",
    )
    add_db_argument(update, default=argparse.SUPPRESS)
    add_filter_arguments(update)
    add_ids_argument(
        update, "only agreement N (repeatable); a merged id means the one it was merged into"
    )
    edit = update.add_argument_group("the edit")
    edit.add_argument(
        "--set",
        dest="settings",
        action="append",
        type=setting,
        default=[],
        metavar="KEY=VALUE",
        help="status=…, kind=… or level=… (the values `list --status` etc. take; repeatable)",
    )
    edit.add_argument("--add-field", action="append", type=text_value, default=[], metavar="NAME")
    edit.add_argument(
        "--remove-field", action="append", type=text_value, default=[], metavar="NAME"
    )
    edit.add_argument(
        "--add-party",
        action="append",
        type=party_with_role,
        default=[],
        metavar="NAME[:ROLE]",
        help=f"with its role, one of: {', '.join(Role.values())} (default: party)",
    )
    edit.add_argument(
        "--remove-party", action="append", type=text_value, default=[], metavar="NAME"
    )
    edit.add_argument("--add-note", type=text_value, default="", metavar="TEXT")
    edit.add_argument(
        "--add-milestone",
        type=milestone,
        metavar="KIND[:DATE[:TEXT]]",
        help="e.g. 'review due:2027-06:Joint commission meets'",
    )
    update.add_argument(
        "--dry-run", action="store_true", help="print what would change and change nothing"
    )
    update.set_defaults(handler=command_update, creates_database=False, writes=True)


def setting(text: str) -> tuple[str, str]:
    """An argparse type for --set KEY=VALUE (status, kind or level)."""
    key, equals, value = text_value(text).partition("=")
    key = key.strip().lower()
    if not equals or key not in SETTABLE:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not KEY=VALUE with KEY one of: {', '.join(SETTABLE)}"
        )
    return key, value.strip()


def party_with_role(text: str) -> tuple[str, str]:
    """NAME[:ROLE]: a colon followed by a role's name; any other colon is part of the name."""
    name, colon, role = text_value(text).rpartition(":")
    if colon and role.strip().lower() in Role.values():
        return name.strip(), role.strip().lower()
    return text.strip(), Role.PARTY.value


def milestone(text: str) -> MilestoneInput:
    """KIND[:DATE[:TEXT]] for --add-milestone."""
    from models.service import MilestoneInput

    kind, _colon, rest = text_value(text).partition(":")
    on, _colon, description = rest.partition(":")
    return MilestoneInput(kind.strip(), on.strip(), description.strip())


def edit_from_args(args: argparse.Namespace) -> BulkEdit:
    """The BulkEdit the options describe; UsageError when they describe none."""
    from models.bulk_edit import BulkEdit

    values = dict(args.settings)
    edit = BulkEdit(
        status=values.get("status", ""),
        kind=values.get("kind", ""),
        level=values.get("level", ""),
        add_fields=tuple(args.add_field),
        remove_fields=tuple(args.remove_field),
        add_parties=tuple(args.add_party),
        remove_parties=tuple(args.remove_party),
        add_note=args.add_note,
        milestone=args.add_milestone,
    )
    if not edit:
        raise UsageError(
            "update needs an edit: --set, --add-field, --remove-field, --add-party, "
            "--remove-party, --add-note or --add-milestone"
        )
    return edit


def command_update(database: Database, args: argparse.Namespace) -> int:
    from models.bulk_edit import BulkEditError, apply_bulk_edit, plan_bulk_edit

    edit = edit_from_args(args)
    try:
        if args.dry_run:
            with database.sessions.begin() as session:
                plan = plan_bulk_edit(session, _matched(session, args), edit)
            for line in plan.lines():
                print(line)
            print("Nothing was changed (--dry-run)")
            return 2 if plan.problems or plan.missing else 0
        with database.sessions.begin() as session:
            ids = _matched(session, args)
        with database.writing() as session:
            changes = apply_bulk_edit(
                session,
                ids,
                edit,
                # Checked first: an edit that is refused, or changes nothing, needs no backup.
                before_write=lambda: backup_first(database, BEFORE_BULK_EDIT, "update"),
            )
    except BulkEditError as refused:
        for problem in refused.problems:
            print(f"{PROG}: {problem}", file=sys.stderr)
        print(f"{PROG}: nothing was changed", file=sys.stderr)
        return 2
    print(f"Changed {count_of(len(changes.changed), 'agreement')}")
    return 0


def _matched(session: Session, args: argparse.Namespace) -> list[int]:
    """The agreements the FILTERS match, within --id where given."""
    from models.query import agreement_ids

    within = named_ids(session, args.ids) if args.ids else None
    return agreement_ids(session, filter_from_args(session, args), within=within)

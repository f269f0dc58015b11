"""`delete`, `trash`, `restore`, `empty-trash`, `undo`, `redo` and `history`."""

from __future__ import annotations

import argparse
import sqlite3
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ui.cli.common import UsageError, add_db_argument, agreement_id

if TYPE_CHECKING:
    from models.database import Database

HISTORY_SHOWN = 20


def register(commands: Any) -> None:
    """The trash and the undo history on the command line."""
    delete = commands.add_parser(
        "delete",
        help="move agreements to the trash",
        description="Move agreements to the trash (one undo step). They leave every list, "
        "count, export and report; 'restore ID' brings them back with their id, parties, "
        "fields and relations; 'empty-trash' deletes them for good.",
    )
    _ids(delete)
    restore = commands.add_parser(
        "restore",
        help="bring agreements back from the trash",
        description="Bring agreements back from the trash under their ids (one undo step).",
    )
    _ids(restore)
    listing = commands.add_parser(
        "trash", help="list the trash", description="List what is in the trash, newest first."
    )
    empty = commands.add_parser(
        "empty-trash",
        help="delete what is in the trash for good",
        description="Delete what is in the trash for good (this can't be undone).",
    )
    empty.add_argument(
        "--older-than",
        type=_days,
        metavar="DAYS",
        help="only what was deleted more than DAYS days ago (the window keeps 30 by default)",
    )
    undo = commands.add_parser(
        "undo", help="undo your last change", description="Undo your last change."
    )
    redo = commands.add_parser(
        "redo", help="redo the change you last undid", description="Redo your last undone change."
    )
    steps = commands.add_parser(
        "history",
        help="list the last changes that can be undone",
        description="List the newest changes (everyone's), newest first: when, who, what, "
        "and whether it was undone.",
    )
    steps.add_argument(
        "--limit", type=_count, default=HISTORY_SHOWN, metavar="N", help="how many (default 20)"
    )
    for parser, handler, writes in (
        (delete, command_delete, True),
        (restore, command_restore, True),
        (listing, command_trash, False),
        (empty, command_empty_trash, True),
        (undo, command_undo, True),
        (redo, command_redo, True),
        (steps, command_history, False),
    ):
        add_db_argument(parser, default=argparse.SUPPRESS)
        parser.set_defaults(handler=handler, creates_database=False, writes=writes)
    listing.set_defaults(quick_handler=quick_trash)


def _ids(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", nargs="+", type=agreement_id, metavar="ID", help="agreement id")


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--older-than takes a number of days, not '{text}'"
        ) from None
    if days < 0:
        raise argparse.ArgumentTypeError(f"--older-than takes 0 days or more, not {days}")
    return days


def _count(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--limit takes a number, not '{text}'") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"--limit takes 1 or more, not {number}")
    return number


def _agreements(ids: list[int], where: str = "") -> str:
    """'2 agreements to the trash: 1, 2'."""
    noun = "agreement" if len(ids) == 1 else "agreements"
    return f"{len(ids)} {noun}{where}: {', '.join(str(i) for i in ids)}"


def command_delete(database: Database, args: argparse.Namespace) -> int:
    from models import trash
    from models.service import ConflictError, NotFoundError

    ids = list(dict.fromkeys(args.ids))
    try:
        with database.writing() as session:
            trash.delete(session, ids)
    except (NotFoundError, ConflictError) as error:
        raise UsageError(f"{error}: nothing was deleted") from None
    again = " ".join(map(str, ids))
    print(f"Moved {_agreements(ids, ' to the trash')} (undo, or restore {again})")
    return 0


def command_restore(database: Database, args: argparse.Namespace) -> int:
    from models import trash

    ids = list(dict.fromkeys(args.ids))
    try:
        with database.writing() as session:
            trash.restore(session, ids)
    except trash.NotInTrashError as error:
        raise UsageError(f"{error}: nothing was restored") from None
    print(f"Restored {_agreements(ids)}")
    return 0


def command_trash(database: Database, args: argparse.Namespace) -> int:
    from models import trash

    with database.sessions.begin() as session:
        rows = trash.list_trash(session)
    return _print_trash([(row.id, row.title, row.deleted_at, row.deleted_by) for row in rows])


def quick_trash(args: argparse.Namespace) -> int | None:
    """`trash` read with sqlite3 alone where `list` would be (ui.cli.listing.quick_list);
    None: run command_trash instead."""
    from models import sqlite_listing
    from models.sqlite_file import open_current, plain_path

    path = plain_path(args.db)
    connection = open_current(path) if path is not None else None
    if connection is None:
        return None
    try:
        rows = sqlite_listing.trash_rows(connection)
    except sqlite3.Error:
        return None  # the full path meets it again and names it
    finally:
        connection.close()
    return _print_trash(rows)


def _print_trash(rows: list[tuple[int, str, datetime, str]]) -> int:
    """Id, when deleted (UTC), by whom and title, a line each, newest first as given."""
    from models.dates import utc_text

    if not rows:
        print("The trash is empty.")
        return 0
    width = max(len(str(row[0])) for row in rows)
    for key, title, deleted_at, deleted_by in rows:
        print(f"{key:>{width}}  {utc_text(deleted_at)}  {deleted_by}  {title}")
    return 0


def command_empty_trash(database: Database, args: argparse.Namespace) -> int:
    from models import trash

    older = None if args.older_than is None else timedelta(days=args.older_than)
    with database.writing() as session:
        purged = trash.empty_trash(session, older).ids
    if purged:
        print(f"Deleted {_agreements(purged, ' for good')}")
    elif args.older_than is not None:
        print(f"Nothing in the trash is older than {args.older_than} days.")
    else:
        print("The trash is empty.")
    return 0


def command_undo(database: Database, args: argparse.Namespace) -> int:
    from models import history

    return _replay(database, history.undo, "Undid")


def command_redo(database: Database, args: argparse.Namespace) -> int:
    from models import history

    return _replay(database, history.redo, "Redid")


def _replay(database: Database, replay: Any, done: str) -> int:
    from models import history
    from models.service import ConflictError
    from models.users import current_user

    user = current_user()
    try:
        with database.writing() as session:
            result = replay(session, user)
    except (history.NothingToUndo, history.HistoryConflict, ConflictError) as error:
        raise UsageError(f"{error} (nothing was changed)") from None
    print(f"{done} {result.label}")
    return 0


def command_history(database: Database, args: argparse.Namespace) -> int:
    from models import history
    from models.service import utc_text

    with database.sessions.begin() as session:
        steps = history.recent_steps(session, args.limit)
    if not steps:
        print("No changes recorded yet.")
        return 0
    for step in steps:
        undone = "  (undone)" if step.undone else ""
        print(f"{utc_text(step.created_at)}  {step.user}  {step.label}{undone}")
    return 0

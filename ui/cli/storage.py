"""`copy` (the whole database to or from another) and `load-sample`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ui.cli.common import (
    UsageError,
    add_db_argument,
    check_server_url,
    first_line,
    read_only_message,
)

if TYPE_CHECKING:
    from models.database import Database


def register(commands: Any) -> None:
    """`copy --to URL` or `copy --from URL`, and `load-sample`."""
    sample = commands.add_parser(
        "load-sample",
        help="record the sample agreements (Kazakhstan–Uzbekistan, 2021)",
        description="Record the eight sample agreements: the Kazakhstan–Uzbekistan alliance "
        "declaration of 6 December 2021 and the seven documents signed with it. "
        "Those already recorded are left alone.",
    )
    add_db_argument(sample, default=argparse.SUPPRESS)
    sample.set_defaults(handler=command_load_sample, creates_database=True, writes=True)
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


def command_load_sample(database: Database, args: argparse.Namespace) -> int:
    from models.sample import load_sample

    with database.writing() as session:
        result = load_sample(session)
    if result.added:
        print(f"Added {result.added} agreement{'s' if result.added != 1 else ''}")
    if result.already_present:
        print(f"Already present: {result.already_present}")
    return 0


def command_copy(database: Database, args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from models.database import DatabaseError, describe, open_database, resolve_url
    from models.database_copy import CopyError, copy_database

    if not (args.to or args.source):
        raise UsageError(f"--{'to' if args.to is not None else 'from'} needs a path or URL")
    check_server_url(args.to or args.source, "--to" if args.to else "--from")
    other_url = resolve_url(args.to or args.source)
    if args.source and not database.can_write:
        raise UsageError(read_only_message(database, "copy --from"))
    try:
        other = open_database(other_url, create=bool(args.to))
    except (SQLAlchemyError, ImportError) as error:
        raise DatabaseError(f"can't open {describe(other_url)}: {first_line(error)}") from None
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

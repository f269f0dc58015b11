"""`backup [PATH]`, `backups` and `restore-backup FILE`: checked copies of an SQLite file.

These work on the file itself, without opening it as a database (`without_database`):
a damaged file can still be listed and restored, which is when a backup matters most.
A PostgreSQL database is backed up on its server, with pg_dump: these commands say so.
"""

from __future__ import annotations

import argparse
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.backups import (
    KEEP_DAILY,
    KEEP_WEEKLY,
    MANUAL,
    POSTGRES_MESSAGE,
    STAMP,
    BackupError,
    Rotation,
    backup_before,
    backup_folder,
    list_backups,
    make_backup,
    restore_backup,
)
from ui.cli.common import PROG, UsageError, add_db_argument, check_server_url, count_of

if TYPE_CHECKING:
    from models.database import Database


def register(commands: Any) -> None:
    """`backup [PATH]`, `backups` and `restore-backup FILE`."""
    backup = commands.add_parser(
        "backup",
        help="back up the database file now (checked, then kept)",
        description="Copy the database file with SQLite's backup API, check the copy "
        "(integrity_check and its agreement count) and only then keep it: in PATH, or "
        "among the rotating backups beside the database. PostgreSQL: use pg_dump.",
    )
    backup.add_argument(
        "path", nargs="?", metavar="PATH", help="where to write: a new file, or a folder"
    )
    add_db_argument(backup, default=argparse.SUPPRESS)
    for option, default, unit in (
        ("--keep-daily", KEEP_DAILY, "days"),
        ("--keep-weekly", KEEP_WEEKLY, "weeks"),
    ):
        backup.add_argument(
            option,
            type=_at_least_one,
            default=default,
            metavar="N",
            help=f"rotation: keep the newest backup of each of the last N {unit} "
            f"(default: {default})",
        )
    backup.set_defaults(handler=command_backup, without_database=True)
    listing = commands.add_parser(
        "backups",
        help="list the database file's backups: date, agreements, size",
        description="List the backups of the database file, newest first, with the date "
        "each was made, its agreement count, its size and why it was made.",
    )
    add_db_argument(listing, default=argparse.SUPPRESS)
    listing.set_defaults(handler=command_backups, without_database=True)
    restore = commands.add_parser(
        "restore-backup",
        help="put a backup in the database file's place (the current file is backed up first)",
        description="Check FILE, back up the database file as it is now (a damaged one is "
        "copied aside whole), then put FILE in its place. FILE is a path, or the name of "
        "one of the files `backups` lists.",
    )
    restore.add_argument("file", metavar="FILE", help="the backup to restore")
    add_db_argument(restore, default=argparse.SUPPRESS)
    restore.set_defaults(handler=command_restore_backup, without_database=True)


def _at_least_one(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of at least 1")
    return number


def database_file(args: argparse.Namespace) -> Path:
    """The SQLite file the command is about; UsageError for a server or a missing file.

    A path is read without SQLAlchemy (models.sqlite_file), as `list` reads one; a URL
    (sqlite:///… or a server's) goes through models.database.
    """
    from models.sqlite_file import plain_path

    path = plain_path(args.db)
    if path is None:
        path = _path_in_url(args)
    if not path.is_file():
        raise UsageError(f"no database at {path}")
    return path


def _path_in_url(args: argparse.Namespace) -> Path:
    from models.database import ENV_VARIABLE, resolve_url, sqlite_path

    target = args.db or os.environ.get(ENV_VARIABLE, "")
    check_server_url(target, "--db" if args.db else f"${ENV_VARIABLE}")
    path = sqlite_path(resolve_url(args.db))
    if path is None:
        raise UsageError(POSTGRES_MESSAGE)
    return path


def command_backup(_database: None, args: argparse.Namespace) -> int:
    path = database_file(args)
    rotation = Rotation(args.keep_daily, args.keep_weekly)
    target = Path(args.path).expanduser().resolve() if args.path else None
    if target is not None and target.is_dir():  # a folder: the file named as backups are
        target = target / f"{path.stem}.{datetime.now():{STAMP}}.{MANUAL}.db"
    try:
        made = make_backup(path, MANUAL, target=target, rotation=rotation)
    except BackupError as error:
        raise UsageError(str(error)) from None
    print(f"Backed up {path} ({count_of(made.agreements or 0, 'agreement')}) to {made.path}")
    return 0


def command_backups(_database: None, args: argparse.Namespace) -> int:
    path = database_file(args)
    found = list_backups(path)
    if not found:
        print(f"No backups of {path} yet (they are kept in {backup_folder(path)})")
        return 0
    print(f"{count_of(len(found), 'backup')} of {path}, newest first:")
    for info in found:
        print(f"  {info.describe()}")
    return 0


def command_restore_backup(_database: None, args: argparse.Namespace) -> int:
    path = database_file(args)
    chosen = Path(args.file).expanduser()
    if not chosen.exists() and chosen.name == args.file:
        chosen = backup_folder(path) / args.file  # a name `backups` listed
    if not chosen.is_file():
        raise UsageError(f"no backup file {args.file}; `{PROG} backups` lists them")
    try:
        result = restore_backup(path, chosen.resolve())
    except BackupError as error:
        raise UsageError(f"{error}; nothing was restored") from None
    restored = result.restored
    count = "?" if restored.agreements is None else f"{restored.agreements:,}"
    print(f"Restored {chosen} ({restored.made_at:%Y-%m-%d %H:%M}, {count} agreements) to {path}")
    print(f"The database as it was is kept as {result.kept}")
    return 0


def backup_first(database: Database, reason: str, command: str) -> None:
    """The backup before a command writes many rows; UsageError (nothing done) if it fails."""
    try:
        backup_before(database.url, reason)
    except BackupError as error:
        raise UsageError(f"{error}; so '{command}' changed nothing") from None

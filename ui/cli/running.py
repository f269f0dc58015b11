"""Running a command line: parse it, open the database a command needs, run the command.

Every way it can end is an exit status: 0 done; 2 bad input, said in one line on stderr
with nothing changed; 1 an unexpected error (one line and a hint, the traceback with
--debug); 130 Ctrl-C, as shells count an interrupted program. SQLAlchemy and the models
load here only once a command needs the database.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from models.app_identity import app_version
from ui.cli.common import (
    PROG,
    UsageError,
    check_server_url,
    fail,
    first_line,
    read_only_message,
)
from ui.cli.parser import build_parser

if TYPE_CHECKING:
    from sqlalchemy.exc import SQLAlchemyError

    from models.database import Database

log = logging.getLogger("treaty_tracker")


def run(argv: list[str] | None, start: Callable[[argparse.Namespace], int]) -> int:
    """Parse *argv* (sys.argv's when None) and hand the arguments to *start*; its status.

    *start* runs the command, or the window when none is given (main.py decides).
    """
    _use_utf8_output()
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    logging_started = False
    try:
        args = parse(argv)
        if isinstance(args, int):
            return args  # --help, --version, a usage error: nothing to log, no log loaded
        _start_logging(debug)
        logging_started = True
        # The command's name only: the rest may hold a server's password.
        log.info("%s %s: %s", PROG, app_version(), args.command or "window")
        return start(args)
    except KeyboardInterrupt:
        if debug:
            traceback.print_exc()
        if logging_started:
            log.info("Interrupted")
        # Every command writes in one transaction or to a temporary file: both are undone.
        return fail("interrupted", status=130)
    except Exception as error:
        if not logging_started:
            _start_logging(debug)
        # In the file; with --debug the traceback below is on stderr once, not twice.
        log.exception("Unexpected error", extra={"on_stderr": False})
        if debug:
            raise
        return fail(
            f"unexpected error: {type(error).__name__}: {first_line(error)} "
            "(run again with --debug to see where, and report it)",
            status=1,
        )


def _start_logging(debug: bool) -> None:
    """The log file (ui.logs), loaded only once there is something to log in it."""
    from ui.logs import start_logging

    start_logging(debug)


def parse(argv: list[str] | None) -> argparse.Namespace | int:
    """The parsed arguments, or the exit status of --help, --version or a usage error."""
    if "_ARGCOMPLETE" in os.environ:  # the shell's TAB (argcomplete's own test): every command
        from ui.cli import completion

        completion.complete(build_parser())  # answers and exits
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    try:
        return parser.parse_args(argv)
    except SystemExit as exit_request:  # --help, --version and argparse's own errors
        return exit_request.code if isinstance(exit_request.code, int) else 2


def run_command(args: argparse.Namespace) -> int:
    """Open the database the command works on (if any), run it, one line for each failure.

    A command's `quick_handler`, if it has one, is tried first: it answers from an SQLite
    file without SQLAlchemy where it can, and returns None where the full way must.
    """
    quick = getattr(args, "quick_handler", None)
    status = quick(args) if quick is not None else None
    if status is not None:
        return int(status)
    if not getattr(args, "needs_database", True):
        return int(args.handler(None, args))
    if getattr(args, "without_database", False):  # works on the file, even a damaged one
        return _run_without_database(args)
    from models.database import DatabaseError
    from models.users import UserNameError

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
        return _run_on(database, args)
    except (UsageError, DatabaseError, UserNameError) as error:
        return fail(str(error))
    finally:
        database.close()


def _run_without_database(args: argparse.Namespace) -> int:
    """A command on the database file itself (the backups); its failures said in one line."""
    try:
        return int(args.handler(None, args))
    except UsageError as error:
        return fail(str(error))
    except Exception as error:
        # Imported only now: `backups` on a file needs no SQLAlchemy, which models.database loads.
        from models.database import DatabaseError

        if isinstance(error, DatabaseError):
            return fail(str(error))
        raise


def _run_on(database: Database, args: argparse.Namespace) -> int:
    """The command's handler on the open *database*; a failing database said in one line."""
    from sqlalchemy.exc import OperationalError, SQLAlchemyError

    try:
        return int(args.handler(database, args))
    except SQLAlchemyError as error:
        known = storage_problem(database, error, args.command)
        if known is not None:
            return fail(known)
        if isinstance(error, OperationalError):
            return fail(f"database error: {first_line(error)}", status=1)
        raise
    except BrokenPipeError:
        # The reader (`| head`) went away: stop quietly, as command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def storage_problem(database: Database, error: SQLAlchemyError, command: str) -> str | None:
    """The one line for a damaged or busy file, or a right the user lacks; None for others."""
    from models.database import storage_failure

    if getattr(getattr(error, "orig", None), "sqlstate", None) == "42501":  # no privilege
        return read_only_message(database, command, first_line(error))
    return storage_failure(database.url, error)


def open_for(args: argparse.Namespace, full_check: bool = False) -> Database:
    """Open the database; commands that only read refuse a missing file (a mistyped --db)."""
    from sqlalchemy.exc import SQLAlchemyError

    from models.database import (
        ENV_VARIABLE,
        DatabaseError,
        describe,
        open_database,
        resolve_url,
        sqlite_path,
    )

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
        raise DatabaseError(f"can't open {describe(url)}: {first_line(error)}") from None


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

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
import logging
import traceback

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from models.app_identity import app_version
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
from models.users import UserNameError
from ui.cli import (
    attachments,
    backups,
    bulk_edit,
    completion,
    due,
    exchange,
    extract,
    history,
    listing,
    report,
    storage,
)
from ui.cli.common import (
    PROG,
    CliParser,
    UsageError,
    add_db_argument,
    add_debug_argument,
    check_server_url,
    fail,
    first_line,
    read_only_message,
)
from ui.logs import start_logging

# The command groups, in the order `--help` lists them; each adds its commands to the parser.
COMMAND_MODULES = (
    listing,
    exchange,
    bulk_edit,
    report,
    due,
    storage,
    history,
    backups,
    attachments,
    extract,
    completion,
)
log = logging.getLogger("treaty_tracker")


def version() -> str:
    return app_version()


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
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="the window's language this time (en, ru); default: the one chosen in "
        "View › Language, else the system's",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


# ----------------------------------------------------------------- filters


# ----------------------------------------------------------------- rows as output


# ----------------------------------------------------------------- commands


def run_window(args: argparse.Namespace) -> int:
    """The GUI on --db or $TREATY_TRACKER_DB; without either, on the database used last."""
    # Imported here so that the command line never loads Qt.
    from ui.app import run_gui
    from ui.translations import available_languages, normal_code

    language = getattr(args, "lang", None)
    if language is not None and normal_code(language) not in available_languages():
        shipped = ", ".join(available_languages())
        return fail(f"--lang: no translation for '{language}' (there are: {shipped})")
    if args.db is None and not os.environ.get(ENV_VARIABLE):
        return run_gui(None, language)
    database = open_for(args)
    try:
        return run_gui(database, language)
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
    start_logging(debug)
    try:
        return run_command(argv)
    except KeyboardInterrupt:
        if debug:
            traceback.print_exc()
        log.info("Interrupted")
        # Every command writes in one transaction or to a temporary file: both are undone.
        return fail("interrupted", status=130)
    except Exception as error:
        # In the file; with --debug the traceback below is on stderr once, not twice.
        log.exception("Unexpected error", extra={"on_stderr": False})
        if debug:
            raise
        return fail(
            f"unexpected error: {type(error).__name__}: {first_line(error)} "
            "(run again with --debug to see where, and report it)",
            status=1,
        )


def run_command(argv: list[str] | None) -> int:
    """Parse the command line and run the command; bad input ends with status 2."""
    parser = build_parser()
    completion.complete(parser)  # answers the shell's TAB and exits, when that is what it is
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_request:  # --help, --version and argparse's own errors
        return exit_request.code if isinstance(exit_request.code, int) else 2
    # The command's name only: the rest may hold a server's password.
    log.info("%s %s: %s", PROG, version(), args.command or "window")
    if not getattr(args, "needs_database", True):
        return args.handler(None, args)
    if not hasattr(args, "handler"):
        try:
            return run_window(args)
        except DatabaseError as error:
            return fail(str(error))
    if getattr(args, "without_database", False):  # works on the file, even a damaged one
        try:
            return args.handler(None, args)
        except (UsageError, DatabaseError) as error:
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
            return fail(f"database error: {first_line(error)}", status=1)
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
        return read_only_message(database, command, first_line(error))
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


if __name__ == "__main__":
    sys.exit(main())

"""Treaty Tracker's entry point: the window, or a command when one is given.

The composition root. The command line is in ui/cli (parser.py builds it, running.py opens
the database a command needs and turns every failure into one line and an exit status);
this file picks what to start: the command, or the window on --db or $TREATY_TRACKER_DB
(else on the database used last). Each command loads only what it uses: Qt never, ReportLab
only for a PDF.
"""

from __future__ import annotations

import os
import signal
import sys


def _interrupted_while_loading(signum: int, frame: object) -> None:
    """Ctrl-C before main() runs: one line and status 130, as main() gives once running."""
    sys.stderr.write("treaty-tracker: interrupted\n")
    os._exit(130)  # nothing is open yet; and Python's exit would print the import's traceback


# Loading modules is much of a short command's life, so Ctrl-C is caught from here on when
# run as a program (not when tests import this module), unless it is ignored (a background
# job of a script), as Python itself leaves it then.
_AS_PROGRAM = __name__ == "__main__" or os.path.basename(sys.argv[0]) == "treaty-tracker"
if _AS_PROGRAM and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, _interrupted_while_loading)

import argparse

from ui.cli import running
from ui.cli.common import fail


def main(argv: list[str] | None = None) -> int:
    """Run the command given, or the window without one; return the exit status.

    0 done, 2 bad input, 1 an unexpected error, 130 Ctrl-C (see ui.cli.running).
    """
    if signal.getsignal(signal.SIGINT) is _interrupted_while_loading:
        signal.signal(signal.SIGINT, signal.default_int_handler)  # KeyboardInterrupt again
    return running.run(argv, start)


def start(args: argparse.Namespace) -> int:
    """The command the arguments name, else the window."""
    return running.run_command(args) if args.command else run_window(args)


def run_window(args: argparse.Namespace) -> int:
    """The GUI on --db or $TREATY_TRACKER_DB; without either, on the database used last."""
    # Imported here so that the command line never loads Qt.
    from models.database import ENV_VARIABLE, DatabaseError
    from ui.app import run_gui
    from ui.translations import available_languages, normal_code

    language = args.lang
    if language is not None and normal_code(language) not in available_languages():
        shipped = ", ".join(available_languages())
        return fail(f"--lang: no translation for '{language}' (there are: {shipped})")
    if args.db is None and not os.environ.get(ENV_VARIABLE):
        return run_gui(None, language)
    try:
        database = running.open_for(args)
    except DatabaseError as error:
        return fail(str(error))
    try:
        return run_gui(database, language)
    finally:
        database.close()


if __name__ == "__main__":
    sys.exit(main())

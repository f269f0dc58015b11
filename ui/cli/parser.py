"""The whole command line as one argparse parser: global options, then a sub-parser per command.

Cheap to build (see ui.cli.common): `--version`, `--help` and the shell's TAB completion
load no database code, and a command loads only what it uses when it runs.
"""

from __future__ import annotations

import argparse

from models.app_identity import app_version
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
from ui.cli.common import PROG, CliParser, add_db_argument, add_debug_argument

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


def build_parser() -> argparse.ArgumentParser:
    """Global options (--version, --db, --debug, --lang), then one sub-parser per command."""
    parser = CliParser(
        prog=PROG,
        description="Record international agreements by field and party, filter them, "
        "and export summaries. Without a command, opens the window.",
        epilog="The database is --db, else $TREATY_TRACKER_DB, else a file in the user data "
        "folder. Run a command with --help for its options.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {app_version()}")
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

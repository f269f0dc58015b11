"""The whole command line as one argparse parser: global options, then a sub-parser per command.

Cheap to build (see ui.cli.common): `--version`, `--help` and the shell's TAB completion
load no database code, and a command loads only what it uses when it runs. A command line
that plainly names its command builds that command's group alone: `list` runs on every
call of a script, and importing the ten other groups cost more than its query.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

from models.app_identity import app_version
from ui.cli.common import PROG, CliParser, add_db_argument, add_debug_argument

# The command groups (modules of ui.cli), in the order `--help` lists them, each with the
# commands it adds (tests/test_cli.py holds this to what each one registers).
COMMAND_GROUPS: dict[str, tuple[str, ...]] = {
    "listing": ("list",),
    "exchange": ("export", "import"),
    "bulk_edit": ("update",),
    "report": ("report",),
    "due": ("due",),
    "storage": ("load-sample", "copy"),
    "history": ("delete", "restore", "trash", "empty-trash", "undo", "redo", "history"),
    "backups": ("backup", "backups", "restore-backup"),
    "attachments": ("attach", "attachments", "attachment"),
    "extract": ("extract",),
    "completion": ("completion",),
}
_GROUP_OF = {command: group for group, commands in COMMAND_GROUPS.items() for command in commands}
# Groups built with others: `due` adds its calendar options to `export` (ui.cli.due).
BUILT_WITH = {"exchange": ("exchange", "due"), "due": ("exchange", "due")}
# The global options as typed in full: any other option before the command (--help, an
# abbreviation, a typo) builds every group, so that help and errors name every command.
_GLOBAL_FLAGS = frozenset({"--debug"})
_GLOBAL_VALUED = frozenset({"--db", "--lang"})


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Global options (--version, --db, --debug, --lang), then one sub-parser per command.

    With *argv*, only the groups it may need: none for a plain `--version`, the command's
    own group when it plainly names one; every group otherwise, and without *argv*.
    """
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
    for group in COMMAND_GROUPS if argv is None else groups_for(argv):
        importlib.import_module(f"ui.cli.{group}").register(commands)
    return parser


def groups_for(argv: Sequence[str]) -> Sequence[str]:
    """The command groups a parser of *argv* needs: what argparse will do with it, read from
    the global options as typed in full and the first word after them."""
    tokens = iter(argv)
    for token in tokens:
        if token in _GLOBAL_VALUED:
            next(tokens, None)  # its value, whatever it looks like: argparse judges it
        elif token == "--version":
            return ()  # argparse prints the version as it meets it, and exits
        elif token not in _GLOBAL_FLAGS and not token.startswith(("--db=", "--lang=")):
            group = _GROUP_OF.get(token)
            if group is None:  # not a command: argparse's error names every one
                return tuple(COMMAND_GROUPS)
            return BUILT_WITH.get(group, (group,))
    return ()  # no command: the window, whose options are all global

"""What every command shares: one-line errors, --db, the FILTERS, value types, counts.

Building the parser must stay cheap (it runs for `--version` and for every TAB the shell
completes): at module level only argparse and models.text; the vocabularies, dates and
sort columns when a command's parser that takes them is built (not for `--version`);
whatever needs the database (SQLAlchemy, the schema, the parties' tables) by the function
that uses it, when a command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from models.text import fold, not_utf8, shown

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from models.database import Database
    from models.dates import PartialDate
    from models.filter_value import AgreementFilter, Sort
    from models.query import FieldNode
    from models.vocab import Vocabulary

PROG = "treaty-tracker"


class UsageError(Exception):
    """Bad input on the command line; the message is one line for stderr."""


class CliParser(argparse.ArgumentParser):
    """argparse, but an error is one line on stderr (no usage block) and exit status 2."""

    def error(self, message: str) -> NoReturn:
        hint = "" if message.endswith(")") else f" (see {self.prog} --help)"
        self.exit(2, f"{self.prog}: {message}{hint}\n")


def add_debug_argument(parser: argparse.ArgumentParser, default: Any) -> None:
    """--debug: an unexpected error shows Python's traceback instead of one line."""
    parser.add_argument(
        "--debug",
        action="store_true",
        default=default,
        help="log every detail, on stderr as well as in the log file, and show the full "
        "traceback of an unexpected error (for a bug report)",
    )


def add_db_argument(parser: argparse.ArgumentParser, default: Any) -> None:
    """--db on the main parser and on each command (SUPPRESS there keeps the main one's value)."""
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        default=default,
        help="database file or SQLAlchemy URL (default: $TREATY_TRACKER_DB, else the "
        "user data folder)",
    )
    if default is argparse.SUPPRESS:  # a command's parser: take --debug after it too
        add_debug_argument(parser, default=argparse.SUPPRESS)


def add_sort_arguments(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """--sort COLUMN and --desc, read back with sort_from_args()."""
    from models.sorting import SortColumn

    parser.add_argument(
        "--sort",
        choices=[column.value for column in SortColumn],
        default=SortColumn.SIGNED_ON.value,
        metavar="COLUMN",
        help=f"sort by one of: {', '.join(SortColumn)} (default: signed_on)",
    )
    parser.add_argument("--desc", action="store_true", help="sort in descending order")


def sort_from_args(args: argparse.Namespace) -> Sort:
    """The Sort (models.filter_value) that --sort and --desc describe."""
    from models.filter_value import Sort
    from models.sorting import SortColumn

    return Sort(SortColumn(args.sort), descending=args.desc)


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The FILTERS shared by list, report and export; read back with filter_from_args()."""
    from models.vocab import Kind, Level, Status

    group = parser.add_argument_group("filters")
    group.add_argument(
        "--field",
        dest="fields",
        action="append",
        type=text_value,
        metavar="NAME",
        help="field path, e.g. 'Transport > Rail' or 'Rail'; includes subfields (repeatable)",
    )
    group.add_argument(
        "--party",
        dest="parties",
        action="append",
        type=text_value,
        metavar="NAME|ISO3",
        help="party name or ISO code, e.g. KAZ, Uzbekistan, Türkiye; agreements between all "
        "the parties given (repeatable)",
    )
    group.add_argument(
        "--any-party", action="store_true", help="match agreements with any of the parties"
    )
    vocabularies = (("--kind", "kinds", Kind), ("--status", "statuses", Status))
    for option, dest, vocabulary in (*vocabularies, ("--level", "levels", Level)):
        group.add_argument(
            option,
            dest=dest,
            action="append",
            type=vocabulary_value(vocabulary),
            metavar=option.removeprefix("--").upper(),
            help=f"one of: {', '.join(vocabulary.values())} (repeatable)",
        )
    for option, words in (("--signed-from", "on or after"), ("--signed-to", "on or before")):
        group.add_argument(
            option,
            type=date_value,
            metavar="DATE",
            help=f"signed {words} DATE (YYYY, YYYY-MM or YYYY-MM-DD)",
        )
    group.add_argument(
        "--search",
        type=text_value,
        default="",
        metavar="TEXT",
        help="words in titles, summaries, notes, places or party names (any script, "
        "accents optional)",
    )


def text_value(text: str) -> str:
    """An argparse type for text: refuses bytes that are not UTF-8, which no database stores."""
    if not_utf8(text):
        raise argparse.ArgumentTypeError(
            f"{shown(text)} has bytes that are not UTF-8 (is the terminal set to UTF-8?)"
        )
    return text


def agreement_id(text: str) -> int:
    """An argparse type for an agreement id: a whole number from 1 to ID_MAX."""
    from models.limits import ID_MAX

    try:
        number = int(text_value(text))
    except ValueError:
        number = 0
    if not 1 <= number <= ID_MAX:
        raise argparse.ArgumentTypeError(
            f"{shown(text, 30)} is not an agreement id (a whole number from 1 to {ID_MAX})"
        )
    return number


def vocabulary_value(vocabulary: type[Vocabulary]) -> Callable[[str], Vocabulary]:
    """An argparse type that reads a vocabulary value, suggesting the closest on a typo."""

    def parse(text: str) -> Vocabulary:
        text_value(text)
        try:
            return vocabulary.parse(text)
        except ValueError as error:
            # A unique beginning is enough on the command line: 'memorandum', 'exchange'.
            starts = [value for value in vocabulary.values() if value.startswith(fold(text))]
            if len(starts) == 1 and text.strip():
                return vocabulary(starts[0])
            raise argparse.ArgumentTypeError(str(error)) from None

    parse.__name__ = vocabulary.__name__.lower()
    return parse


def date_value(text: str) -> PartialDate:
    """An argparse type for YYYY, YYYY-MM or YYYY-MM-DD."""
    from models.dates import PartialDate

    try:
        return PartialDate.parse(text_value(text))
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def filter_from_args(session: Session, args: argparse.Namespace) -> AgreementFilter:
    """The AgreementFilter the FILTERS arguments describe; raises UsageError on unknown names."""
    from models.query import field_tree

    nodes = field_tree(session) if args.fields else []
    return filter_of(
        args, lambda name: field_id(session, name, nodes), lambda name: party_id(session, name)
    )


def filter_of(
    args: argparse.Namespace, field_of: Callable[[str], int], party_of: Callable[[str], int]
) -> AgreementFilter:
    """The AgreementFilter of the FILTERS arguments, names resolved by *field_of*, *party_of*.

    One reading of the options for both ways `list` reads a database (see ui.cli.listing).
    """
    from models.filter_value import AgreementFilter

    signed_from, signed_to = args.signed_from, args.signed_to
    if signed_from and signed_to and signed_to.certainly_before(signed_from):
        raise UsageError(
            f"--signed-to {signed_to.iso()} is before --signed-from {signed_from.iso()}"
        )
    return AgreementFilter(
        fields=_unique(field_of(name) for name in args.fields or []),
        parties=_unique(party_of(name) for name in args.parties or []),
        any_party=args.any_party,
        kinds=_unique(args.kinds or []),
        statuses=_unique(args.statuses or []),
        levels=_unique(args.levels or []),
        signed_from=signed_from,
        signed_to=signed_to,
        text=args.search or "",
    )


def _unique(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(values))


def field_id(session: Session, name: str, nodes: Sequence[FieldNode]) -> int:
    """The field a path names: exact ('Transport > Rail'), else by its last parts ('Rail')."""
    from models.fields import find_field, split_path

    found = find_field(session, name)
    if found is not None:
        return found.id
    wanted = [fold(part) for part in split_path(name)]
    if not wanted:
        raise UsageError("--field needs a field name")
    matches = [
        node
        for node in nodes
        if [fold(part) for part in split_path(node.path)][-len(wanted) :] == wanted
    ]
    if len(matches) == 1:
        return matches[0].id
    if matches:
        paths = [node.path for node in matches]
        raise UsageError(f"field '{name}' is ambiguous: give the full path ({or_list(paths)})")
    raise UsageError(f"unknown field '{name}'{did_you_mean(suggest_fields(name, nodes))}")


def suggest_fields(name: str, nodes: Sequence[FieldNode], limit: int = 3) -> list[str]:
    """Close field paths, comparing with whole paths and with last names alike."""
    import difflib

    candidates: dict[str, str] = {}
    for node in nodes:
        candidates.setdefault(fold(node.name), node.path)
        candidates[fold(node.path)] = node.path
    close = difflib.get_close_matches(fold(name), list(candidates), n=limit * 2, cutoff=0.6)
    return list(dict.fromkeys(candidates[key] for key in close))[:limit]


def party_id(session: Session, name: str) -> int:
    """The recorded party a name or ISO code means; unknown names get suggestions."""
    from models.parties import find_identity, find_party, suggest_parties

    party = find_party(session, name)
    if party is not None:
        return party.id
    known = find_identity(name)  # a state or organisation no agreement names yet
    if known is not None:
        raise UsageError(f"no agreement with {known.name} is recorded (--party '{name}')")
    raise UsageError(f"unknown party '{name}'{did_you_mean(suggest_parties(session, name))}")


def did_you_mean(options: Sequence[str]) -> str:
    return f" (did you mean {or_list(options)}?)" if options else ""


def or_list(options: Sequence[str]) -> str:
    quoted = [f"'{option}'" for option in options]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"


def count_of(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def progress_printer() -> Callable[[int, int], None] | None:
    """A progress line on a terminal's stderr ('Importing 45000 of 100000'); None elsewhere."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        print(f"\rImporting {done} of {total}", end=end, file=sys.stderr, flush=True)

    return show


def read_only_message(database: Database, command: str, reason: str | None = None) -> str:
    """Why a writing command is refused on a read-only connection."""
    who = f"user '{database.url.username}'" if database.url.username else "this connection"
    why = reason or database.read_only_reason
    because = f" ({why})" if why else ""
    return (
        f"{database.name} is read-only for {who}{because}: '{command}' would change it, "
        "so nothing was done"
    )


def check_server_url(text: str, where: str) -> None:
    """A server's URL must be UTF-8 (a file's path may be any bytes); DatabaseError if not."""
    from models.database import DatabaseError

    if "://" in text and not_utf8(text):
        # Not echoed: the URL may hold a password.
        raise DatabaseError(
            f"{where} is a URL with bytes that are not UTF-8: a server's address, user and "
            "database name must be UTF-8 text"
        )


def first_line(error: BaseException) -> str:
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def fail(message: str, status: int = 2) -> int:
    """One line on stderr, prefixed with the program name; return the exit status."""
    print(f"{PROG}: {message}", file=sys.stderr)
    return status


def add_ids_argument(parser: argparse.ArgumentParser, help_text: str) -> None:
    """--id N (repeatable) into `ids`: the agreements a command is kept to; see named_ids()."""
    parser.add_argument(
        "--id", dest="ids", action="append", type=agreement_id, metavar="N", help=help_text
    )


def named_ids(session: Session, ids: Sequence[int]) -> list[int]:
    """The agreements --id names, merged ids followed (with a notice on stderr)."""
    from models.redirects import find_agreement
    from models.service import NotFoundError

    found = []
    for wanted in dict.fromkeys(ids):
        try:
            target, notice = find_agreement(session, wanted)
        except NotFoundError as error:
            raise UsageError(f"--id {wanted}: {error}") from None
        if notice:
            print(f"{PROG}: {notice}", file=sys.stderr)
        found.append(target)
    return found

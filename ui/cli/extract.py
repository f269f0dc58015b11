"""`extract`: the agreements a press release reports, as drafts to review or to save."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from datetime import date
from typing import IO, TYPE_CHECKING, Any

from models.agreement_record import RECORD_KEYS
from models.safe_output import json_controls
from models.safe_output import shown as escaped
from ui.cli.common import add_db_argument, count_of, fail
from ui.cli.listing import clip

if TYPE_CHECKING:
    from models.database import Database
    from models.extract import ArticleText, Draft
    from models.extract.review import Review

EVIDENCE_KEYS = ("title", "kind", "status", "parties", "signed_on", "signed_at", "fields")
# Columns of the table: header, value, widest.
_COLUMNS = (
    ("#", lambda n, d: str(n), 3),
    ("Title", lambda n, d: d.title, 60),
    ("Kind", lambda n, d: d.kind, 27),
    ("Status", lambda n, d: d.status, 17),
    ("Signed", lambda n, d: d.signed_on or "?", 10),
    ("At", lambda n, d: d.signed_at or "?", 16),
    ("Parties", lambda n, d: ", ".join(d.parties) or "?", 40),
    ("Fields", lambda n, d: "; ".join(d.fields) or "?", 40),
)


def register(commands: Any) -> None:
    """`extract FILE|- [--published DATE] [--format table|json] [--save]`."""
    parser = commands.add_parser(
        "extract",
        help="draft the agreements a press release reports",
        description="Read an article (plain text, HTML or PDF; '-' for standard input) and "
        "print the agreements it reports signed as drafts, each value with the sentence "
        "behind it. --save records them all in one transaction, or none.",
    )
    add_db_argument(parser, default=argparse.SUPPRESS)
    parser.add_argument("article", metavar="FILE|-", type=article_source, help="the article")
    parser.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        type=publication_date,
        help="when the article appeared, for 'Monday', 'yesterday', 'this week' "
        "(default: the date in its dateline or header)",
    )
    parser.add_argument(
        "--format", choices=("table", "json"), default="table", help="output (default: table)"
    )
    parser.add_argument(
        "--save",
        action=_SaveAction,
        nargs=0,
        help="record the drafts (all or none) and print their ids",
    )
    parser.add_argument(
        "--keep-duplicates",
        action="store_true",
        help="with --save, record drafts that look like recorded agreements too",
    )
    parser.set_defaults(handler=command_extract, creates_database=True, save=False)


class _SaveAction(argparse.Action):
    """--save: the command writes, so a read-only database is refused before reading."""

    def __call__(self, parser: Any, namespace: argparse.Namespace, *_: Any) -> None:
        namespace.save = True
        namespace.writes = True


def article_source(name: str) -> ArticleText:
    """An argparse type: the article read at once, so unreadable input changes nothing."""
    from models.extract import UnreadableArticle, read_article

    try:
        data = sys.stdin.buffer.read() if name == "-" else open(name, "rb").read()  # noqa: SIM115
    except OSError as error:
        raise argparse.ArgumentTypeError(f"can't read {name}: {error.strerror}") from None
    try:
        return read_article(data, "standard input" if name == "-" else name)
    except UnreadableArticle as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def publication_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (use YYYY-MM-DD)") from None


def command_extract(database: Database, args: argparse.Namespace) -> int:
    from models.extract.review import review_article

    article: ArticleText = args.article
    published = args.published or (
        date.fromisoformat(article.published) if article.published else None
    )
    if args.save:
        return _save(database, article, published, args)
    with database.sessions.begin() as session:
        result = review_article(session, article.text, published)
    _write(result, args.format, sys.stdout)
    _write_notes(result)
    return 0


def _save(
    database: Database, article: ArticleText, published: date | None, args: argparse.Namespace
) -> int:
    from models.extract.review import review_article
    from models.extract.saving import DuplicateDraftsError, save_drafts
    from models.service import ValidationError

    try:
        with database.writing() as session:
            result = review_article(session, article.text, published)
            drafts = result.extraction.drafts
            saved = save_drafts(session, drafts, keep_duplicates=args.keep_duplicates)
    except ValidationError as error:
        problems = [f"{key}: {message}" for key, message in error.errors.items()]
        return _refuse(problems, "")
    except DuplicateDraftsError as error:
        return _refuse(error.problems, " (--keep-duplicates records them anyway)")
    _write_notes(result)
    if args.format == "json":
        _write(result, "json", sys.stdout, saved.ids)
    elif saved.ids:
        listed = ", ".join(str(agreement_id) for agreement_id in saved.ids)
        print(f"Saved {count_of(len(saved.ids), 'agreement')}: {listed}")
    return 0


def _refuse(problems: list[str], hint: str) -> int:
    """One line per problem, then what happened: nothing."""
    for problem in problems:
        fail(problem)
    return fail(f"nothing saved: {count_of(len(problems), 'problem')}{hint}")


def _write(result: Review, form: str, out: IO[str], ids: list[int] | None = None) -> None:
    drafts = result.extraction.drafts
    if form == "json":
        records = [draft_record(d, ids[n] if ids else None) for n, d in enumerate(drafts)]
        out.write(json_controls(json.dumps(records, ensure_ascii=False, indent=2)) + "\n")
        return
    if not drafts:
        return
    width = shutil.get_terminal_size((160, 24)).columns
    widths = _widths(drafts, width)
    out.write(_line([header for header, _, _ in _COLUMNS], widths) + "\n")
    out.write(_line(["-" * size for size in widths], widths) + "\n")
    for number, draft in enumerate(drafts, 1):
        out.write(_line([escaped(value(number, draft)) for _, value, _ in _COLUMNS], widths) + "\n")
    for number, (draft, recorded) in enumerate(zip(drafts, result.duplicates, strict=True), 1):
        out.write(f"\n{number}. {escaped(draft.title)}\n")
        for other in recorded:
            out.write(f"   Looks like recorded agreement {escaped(other.describe())}\n")
        for note in draft.notes:
            out.write(f"   {escaped(note)}\n")


def _widths(drafts: list[Draft], line_width: int) -> list[int]:
    widths = [
        min(limit, max(len(header), *(len(value(n, d)) for n, d in enumerate(drafts, 1))))
        for header, value, limit in _COLUMNS
    ]
    others = sum(widths) - widths[1] + 2 * (len(widths) - 1)
    widths[1] = min(widths[1], max(20, line_width - others))
    return widths


def _line(cells: list[str], widths: list[int]) -> str:
    return "  ".join(clip(c, w).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()


def _write_notes(result: Review) -> None:
    """What the whole article left open, on stderr: standard output stays data."""
    extraction = result.extraction
    if not extraction.drafts:
        print("No drafts: the article reports no document signed, initialled or adopted.",
              file=sys.stderr)  # fmt: skip
    for note in extraction.notes:
        if not note.startswith("The article reports no document"):
            print(f"note: {note}", file=sys.stderr)


def draft_record(draft: Draft, agreement_id: int | None = None) -> dict[str, Any]:
    """A draft with the keys of `list --format json`, and the sentence behind each value."""
    values: dict[str, Any] = {
        "id": agreement_id,
        "title": draft.title,
        "kind": draft.kind,
        "level": draft.level,
        "status": draft.status,
        "signed_on": draft.signed_on or None,
        "signed_at": draft.signed_at or None,
        "entry_into_force": None,
        "expires_on": None,
        "parties": list(draft.parties),
        "fields": list(draft.fields),
        "summary": None,
        "source_url": None,
        "notes": " ".join(draft.notes) or None,
    }
    record = {key: values[key] for key in RECORD_KEYS}
    record["signatories"] = [
        {"party": s.party, "name": s.name, "title": s.title} for s in draft.signatories
    ]
    record["evidence"] = {
        key: draft.evidence[key].sentence for key in EVIDENCE_KEYS if key in draft.evidence
    }
    if draft.signatories and "signatories" in draft.evidence:
        record["evidence"]["signatories"] = draft.evidence["signatories"].sentence
    return record

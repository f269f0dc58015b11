"""`attach ID FILE...`, `attachments ID` and `attachment save|replace|remove|restore`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.text import shown
from ui.cli.common import UsageError, add_db_argument, agreement_id, count_of, text_value

if TYPE_CHECKING:
    from models.attachments import AttachmentView, VersionView
    from models.database import Database


def register(commands: Any) -> None:
    """The attachment commands."""
    attach = commands.add_parser(
        "attach",
        help="keep files (the signed text, a translation …) with an agreement",
        description="Attach each FILE to agreement ID: PDF, DOCX, ODT, HTML and text files "
        "have their text searched. All or nothing: if one file can't be attached, none is. "
        "A file over the size limit ($TREATY_TRACKER_ATTACHMENT_LIMIT_MB, 200 by default) "
        "is refused.",
    )
    attach.add_argument("id", type=agreement_id, metavar="ID", help="the agreement's id")
    attach.add_argument("files", nargs="+", type=Path, metavar="FILE", help="files to attach")
    attach.add_argument(
        "--label",
        type=text_value,
        default="document",
        help="what the file is: signed text, translation, press release, analysis … "
        "(default: document)",
    )
    attach.add_argument("--language", type=text_value, help="the file's language, e.g. Kazakh")
    add_db_argument(attach, default=argparse.SUPPRESS)
    attach.set_defaults(handler=command_attach, creates_database=False, writes=True)

    listing = commands.add_parser(
        "attachments",
        help="list an agreement's attachments",
        description="List the attachments of agreement ID with their versions, sizes, "
        "checksums and whether their text is searched.",
    )
    listing.add_argument("id", type=agreement_id, metavar="ID", help="the agreement's id")
    listing.add_argument("--removed", action="store_true", help="list the removed ones instead")
    add_db_argument(listing, default=argparse.SUPPRESS)
    listing.set_defaults(handler=command_list, creates_database=False)

    one = commands.add_parser(
        "attachment",
        help="save a copy of, replace, remove or restore one attachment",
        description="Work on attachment N (its number in `attachments ID`).",
    )
    actions = one.add_subparsers(dest="action", metavar="ACTION", required=True)
    save = _action(actions, "save", "write a copy of its file to FILE", command_save, False)
    save.add_argument(
        "file", type=text_value, metavar="FILE|FOLDER", help="where to write the copy"
    )
    save.add_argument("--version", type=_number, help="an earlier version (default: current)")
    replace = _action(actions, "replace", "add FILE as its new version", command_replace, True)
    replace.add_argument("file", type=Path, metavar="FILE", help="the new version")
    words = "remove it (kept and restorable, no longer listed or searched)"
    _action(actions, "remove", words, command_remove, True)
    _action(actions, "restore", "bring a removed attachment back", command_restore, True)


def _action(
    actions: Any, name: str, words: str, handler: Callable[..., int], writes: bool
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = actions.add_parser(name, help=words, description=words)
    parser.add_argument("number", type=_number, metavar="N", help="the attachment's number")
    add_db_argument(parser, default=argparse.SUPPRESS)
    parser.set_defaults(handler=handler, creates_database=False, writes=writes)
    return parser


def _number(text: str) -> int:
    try:
        number = int(text_value(text))
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{shown(text, 30)} is not a number from 1 up")
    return number


def command_attach(database: Database, args: argparse.Namespace) -> int:
    from models.attachments import AttachmentError, attach_file
    from models.service import NotFoundError

    attached = []
    with database.writing() as session:
        for path in args.files:
            try:
                result = attach_file(
                    session,
                    args.id,
                    path,
                    label=args.label,
                    language=args.language,
                    progress=_progress(path.name),
                )
            except (AttachmentError, NotFoundError) as error:
                raise UsageError(f"{error}; nothing was attached") from None
            attached.append((path, result.attachment_id, result.version))
    for path, number, version in attached:
        print(f"Attached {shown(path.name)} to agreement {args.id} as attachment {number}")
        _print_note(version)
    if len(attached) > 1:
        print(f"{count_of(len(attached), 'file')} attached")
    return 0


def command_list(database: Database, args: argparse.Namespace) -> int:
    from models.attachments import list_attachments

    with database.sessions.begin() as session:
        listed = list_attachments(session, args.id, removed=args.removed)
    if not listed:
        print("No removed attachments" if args.removed else "No attachments")
    for attachment in listed:
        _print_attachment(attachment)
    return 0


def command_save(database: Database, args: argparse.Namespace) -> int:
    from models.attachments import AttachmentError, save_copy, version_of

    target = Path(args.file)
    if target.is_dir() or args.file.endswith(("/", os.sep)):
        target = target / _view(database, args.number).current.filename
    with database.sessions.begin() as session:
        try:
            version = version_of(session, args.number, args.version)
            save_copy(session, version.id, target, progress=_progress(version.filename))
        except AttachmentError as error:
            raise UsageError(str(error)) from None
    print(f"Saved {shown(version.filename)} (version {version.number}) to {target}")
    return 0


def command_replace(database: Database, args: argparse.Namespace) -> int:
    from models.attachments import AttachmentError, replace_file

    with database.writing() as session:
        try:
            result = replace_file(
                session, args.number, args.file, progress=_progress(args.file.name)
            )
        except AttachmentError as error:
            raise UsageError(f"{error}; nothing was changed") from None
    print(
        f"Attachment {args.number} is now version {result.version.number}: {shown(args.file.name)}"
    )
    _print_note(result.version)
    return 0


def command_remove(database: Database, args: argparse.Namespace) -> int:
    from models.attachments import remove_attachment

    return _change(database, args.number, remove_attachment, "Removed")


def command_restore(database: Database, args: argparse.Namespace) -> int:
    from models.attachments import restore_attachment

    return _change(database, args.number, restore_attachment, "Restored")


def _change(database: Database, number: int, action: Callable[..., Any], verb: str) -> int:
    from models.attachments import AttachmentError, attachment_view

    with database.writing() as session:
        try:
            action(session, number)
            view = attachment_view(session, number)
        except AttachmentError as error:
            raise UsageError(str(error)) from None
    print(f"{verb} attachment {number} ({view.label}: {shown(view.current.filename)})")
    return 0


def _view(database: Database, number: int) -> AttachmentView:
    from models.attachments import AttachmentError, attachment_view

    with database.sessions.begin() as session:
        try:
            return attachment_view(session, number)
        except AttachmentError as error:
            raise UsageError(str(error)) from None


def _print_attachment(attachment: AttachmentView) -> None:
    from models.attachments import size_text

    language = f" [{attachment.language}]" if attachment.language else ""
    print(f"{attachment.id}. {attachment.label}{language}")
    for version in attachment.versions:
        when = version.added_at.astimezone().strftime("%Y-%m-%d %H:%M")
        who = f" by {version.added_by}" if version.added_by else ""
        print(
            f"   v{version.number}  {version.filename}  {size_text(version.size)}  "
            f"added {when}{who}  sha256 {version.sha256[:12]}…  {version.text_status.label}"
        )


def _print_note(version: VersionView) -> None:
    from models.attachment_text import TextStatus

    if version.text_status in (TextStatus.SCANNED, TextStatus.UNREADABLE):
        print(f"  note: {version.text_note or version.text_status.label}")


def _progress(name: str) -> Callable[[int, int], None] | None:
    """'Storing annex.pdf: 12.0 of 52.4 MB' on a terminal's stderr; None elsewhere."""
    if not sys.stderr.isatty():
        return None
    from models.attachments import megabytes

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        line = f"\r{name}: {megabytes(done)} of {megabytes(total)}"
        print(line, end=end, file=sys.stderr, flush=True)

    return show

"""The text of an attached file, for search: PDF, DOCX, ODT, HTML and plain text.

PDF through pypdf; DOCX and ODT are zip files of XML, read with zipfile and ElementTree
(python-docx would bring lxml along to read the same paragraphs, and reads no ODT);
HTML through html.parser. A file that can't be read still attaches: its status says why
its text is missing, so it is never silently unsearchable.
"""

from __future__ import annotations

import logging
import zipfile
from dataclasses import dataclass
from enum import StrEnum
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

log = logging.getLogger(__name__)

# Text beyond this is not kept: ten million characters is a 4,000-page treaty, and a
# zip bomb posing as a DOCX stops here instead of filling the memory.
TEXT_LIMIT = 10_000_000
_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class TextStatus(StrEnum):
    """Whether an attachment's text is searched, and if not, why."""

    TEXT = "text"  # extracted and searched
    SCANNED = "scanned"  # a PDF without a text layer (a scan): nothing to search
    UNREADABLE = "unreadable"  # encrypted, damaged or not what its name says
    NONE = "none"  # a kind of file with no text to search (an image, a spreadsheet …)

    @property
    def label(self) -> str:
        return {
            TextStatus.TEXT: "text searched",
            TextStatus.SCANNED: "scanned PDF: no text layer to search",
            TextStatus.UNREADABLE: "text could not be read",
            TextStatus.NONE: "no text to search",
        }[self]


@dataclass(frozen=True)
class Extracted:
    """What was read from a file: its text, the status, and a note for the user."""

    text: str
    status: TextStatus
    note: str = ""


class _Unreadable(Exception):
    """The file's text can't be read; the message says why."""


def file_kind(name: str) -> str:
    """The kind of file by its name's ending: 'pdf', 'docx', 'odt', 'html', 'txt' or ''."""
    suffix = Path(name).suffix.lower().lstrip(".")
    return {"htm": "html", "xhtml": "html", "text": "txt", "md": "txt", "csv": "txt"}.get(
        suffix, suffix if suffix in {"pdf", "docx", "odt", "html", "txt"} else ""
    )


def extract_text(path: Path, name: str | None = None) -> Extracted:
    """The searchable text of the file at *path* (its kind from *name*, else the path)."""
    kind = file_kind(name or path.name)
    readers = {"pdf": _pdf, "docx": _docx, "odt": _odt, "html": _html, "txt": _plain}
    reader = readers.get(kind)
    if reader is None:
        return Extracted("", TextStatus.NONE)
    try:
        text = reader(path)
    except _Unreadable as problem:
        return Extracted("", TextStatus.UNREADABLE, str(problem))
    except Exception as error:  # a damaged file may fail anywhere inside a parser
        log.info("can't read the text of %s", path, exc_info=error)
        return Extracted("", TextStatus.UNREADABLE, f"its text could not be read ({_why(error)})")
    text = " ".join(text[:TEXT_LIMIT].split()) if text else ""
    if kind == "pdf" and not text:
        return Extracted("", TextStatus.SCANNED, "a scanned PDF: it has no text layer to search")
    return Extracted(text, TextStatus.TEXT)


def _why(error: BaseException) -> str:
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {message[:200]}" if message else type(error).__name__


def _pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _Unreadable("an encrypted PDF: its text could not be read")
        parts, size = [], 0
        for page in reader.pages:
            part = page.extract_text() or ""
            parts.append(part)
            size += len(part)
            if size > TEXT_LIMIT:
                break
    except FileNotDecryptedError:
        raise _Unreadable("an encrypted PDF: its text could not be read") from None
    except PdfReadError as error:
        raise _Unreadable(f"not a readable PDF ({error})") from None
    return "\n".join(parts)


def _docx(path: Path) -> str:
    return _zipped_xml(path, "word/document.xml", f"{_WORD}t", f"{_WORD}p", "DOCX")


def _odt(path: Path) -> str:
    return _zipped_xml(path, "content.xml", None, None, "ODT")


def _zipped_xml(
    path: Path, member: str, text_tag: str | None, break_tag: str | None, kind: str
) -> str:
    """The text of one XML member of a zip file, read as a stream and cut at TEXT_LIMIT."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise _Unreadable(f"not a readable {kind} file (it is not a zip archive)") from None
    with archive:
        if member not in archive.namelist():
            raise _Unreadable(f"not a readable {kind} file (it has no {member})")
        if archive.getinfo(member).flag_bits & 0x1:
            raise _Unreadable(f"an encrypted {kind} file: its text could not be read")
        parts: list[str] = []
        size = 0
        with archive.open(member) as stream:
            try:
                for event, element in ElementTree.iterparse(stream, events=("end",)):
                    del event
                    if text_tag is None:
                        # ODT: paragraphs and headings hold the text, spans nested in them.
                        if element.tag in (f"{_ODF_TEXT}p", f"{_ODF_TEXT}h"):
                            parts.append("".join(element.itertext()))
                            element.clear()
                    elif element.tag == text_tag and element.text:
                        parts.append(element.text)
                    elif element.tag == break_tag:
                        parts.append("\n")
                        element.clear()
                    size += len(parts[-1]) if parts else 0
                    if size > TEXT_LIMIT:
                        break
            except ElementTree.ParseError as error:
                raise _Unreadable(f"not a readable {kind} file ({error})") from None
    return " ".join(parts) if text_tag is None else "".join(parts)


class _TextOfHtml(HTMLParser):
    """Collects the text of an HTML page, leaving out scripts and styles."""

    _SKIPPED = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIPPED:
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _html(path: Path) -> str:
    parser = _TextOfHtml()
    parser.feed(_decoded(path))
    parser.close()
    return " ".join(parts for parts in parser.parts)


def _plain(path: Path) -> str:
    return _decoded(path)


def _decoded(path: Path) -> str:
    """The file as text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    with path.open("rb") as stream:
        data = stream.read(TEXT_LIMIT * 2)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3:  # UTF-8 cut in a character at the limit
            return data.decode("utf-8-sig", "ignore")
        return data.decode("cp1252", "replace")

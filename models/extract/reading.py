"""Reading an article: plain text, HTML (the standard library's parser) or PDF text (pypdf)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Beyond these an "article" is not one: the reader refuses rather than chews for minutes
# (a PDF with pictures may be large; its text, like any article's, is far shorter).
MAX_BYTES = 20 * 1024 * 1024
TEXT_MAX = 1_000_000
_HTML_HINT = re.compile(rb"<(!doctype html|html|body|p|div|article|h1)[\s>]", re.IGNORECASE)
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "title",
        "article",
        "section",
        "header",
        "footer",
        "tr",
        "blockquote",
    ]
)
_SKIPPED = frozenset(["script", "style", "noscript", "nav", "svg", "template", "form", "button"])
_PUBLISHED_META = frozenset(
    ("article:published_time", "datepublished", "date", "pubdate", "dc.date", "publish-date")
)


class UnreadableArticle(Exception):
    """The input is not an article this reader can take (binary, not UTF-8, a broken PDF)."""


@dataclass(frozen=True)
class ArticleText:
    """An article as text, and a publication date its markup states (ISO, or '')."""

    text: str
    published: str = ""
    format: str = "text"


def read_article(data: bytes, name: str = "the input") -> ArticleText:
    """The text of an article given as bytes; UnreadableArticle names *name* and what is wrong."""
    if len(data) > MAX_BYTES:
        raise UnreadableArticle(f"{name} is larger than {MAX_BYTES // 1024 // 1024} MB")
    if data.startswith(b"%PDF-"):
        return _checked(ArticleText(_pdf_text(data, name), format="pdf"), name)
    if b"\x00" in data[:8192]:
        raise UnreadableArticle(f"{name} is a binary file, not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableArticle(
            f"{name} is not UTF-8 text (byte {error.start + 1}); save it as UTF-8"
        ) from None
    if _HTML_HINT.search(data[:65536]):
        return _checked(html_text(text), name)
    return _checked(ArticleText(_tidy(text)), name)


def check_length(text: str, name: str = "the text") -> None:
    """Refuse a text far longer than any article, naming how long it is."""
    if len(text) > TEXT_MAX:
        raise UnreadableArticle(
            f"{name} has {len(text):,} characters, more than an article ({TEXT_MAX:,}): "
            "give the part that reports the signing"
        )


def _checked(article: ArticleText, name: str) -> ArticleText:
    check_length(article.text, name)
    return article


def html_text(html: str) -> ArticleText:
    """The visible text of a web page, a line per block, and its stated publication date."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return ArticleText(_tidy("".join(parser.parts)), parser.published[:10], "html")


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader  # imported here: plain text and HTML need nothing of it
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        return _tidy("\n\n".join(page.extract_text() or "" for page in reader.pages))
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise UnreadableArticle(f"{name} is a PDF whose text cannot be read ({error})") from None


def _tidy(text: str) -> str:
    """Line ends as '\\n', spaces inside lines single, at most one blank line in a row."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class _TextParser(HTMLParser):
    """Collects text outside scripts and styles; blocks end lines; notes a published date."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.published = ""
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        if tag == "meta" and not self.published:
            key = (
                values.get("property") or values.get("name") or values.get("itemprop") or ""
            ).lower()
            if key in _PUBLISHED_META and re.match(r"\d{4}-\d{2}-\d{2}", values.get("content", "")):
                self.published = values["content"]
        if (
            tag == "time"
            and not self.published
            and re.match(r"\d{4}-\d{2}-\d{2}", values.get("datetime", ""))
        ):
            self.published = values["datetime"]

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skipping:
            self._skipping -= 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(re.sub(r"\s+", " ", data))  # a line end in the markup is a space

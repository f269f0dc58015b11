"""Plain text in one style, wrapped at spaces: a Paragraph without the markup.

A report of a thousand agreements holds thousands of titles and summaries. ReportLab's
Paragraph parses markup with an HTML parser and measures every fragment; for plain text
in one font (the usual case) Prose breaks lines greedily with cached word widths and
draws them in one text object. Text that needs a fallback font or mixed styles still
goes through Paragraph (StoryKit decides).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from reports.rtl import right_to_left, visual
from reports.text_operators import remembering


@lru_cache(maxsize=65536)
def word_width(word: str, font: str, size: float) -> float:
    return stringWidth(word, font, size)


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at spaces in one font (word widths cached)."""
    return break_measured(text, lambda word: word_width(word, font, size), width)


def break_measured(text: str, width_of: Callable[[str], float], width: float) -> list[str]:
    """Greedy line breaking at spaces with *width_of* as the measure; a line break in the
    text starts a new line, and a word longer than the line is cut where it must be (as
    Paragraph's splitLongWords)."""
    lines: list[str] = []
    space = width_of(" ")
    for block in text.split("\n"):
        current: list[str] = []
        used = 0.0
        for word in block.split():
            measure = width_of(word)
            if current and used + space + measure <= width:
                current.append(word)
                used += space + measure
                continue
            if current:
                lines.append(" ".join(current))
            current, used = [], 0.0
            if measure > width and len(word) > 1:
                *whole, word = cut_word(word, width_of, width)
                lines.extend(whole)
                measure = width_of(word)
            current, used = [word], measure
        lines.append(" ".join(current))
    return lines


def cut_word(word: str, width_of: Callable[[str], float], width: float) -> list[str]:
    """*word* in pieces that each fit in *width* (at least one character each).

    One pass over the characters: measuring ever shorter rests of a 200,000-character
    run (and caching each) took half a minute and a gigabyte.
    """
    pieces = []
    start, used = 0, 0.0
    for position, character in enumerate(word):
        measure = width_of(character)
        if used + measure > width and position > start:
            pieces.append(word[start:position])
            start, used = position, 0.0
        used += measure
    pieces.append(word[start:])
    return pieces


class Prose(Flowable):
    """Plain text in a ParagraphStyle's font, size, colour, indents and spacing.

    *link* makes the whole text a link to a bookmark; *url* a link to a web address.
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        link: str | None = None,
        url: str | None = None,
        lines: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.link = link
        self.url = url
        self.lines = lines
        self._wrapped_for: float | None = None if lines is None else -1.0
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = getattr(style, "keepWithNext", 0)

    def _inner_width(self, available_width: float) -> float:
        return available_width - self.style.leftIndent - self.style.rightIndent

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._wrapped_for is None or (
            self._wrapped_for >= 0 and self._wrapped_for != available_width
        ):
            style = self.style
            inner = self._inner_width(available_width)
            self.lines = break_lines(self.text, style.fontName, style.fontSize, inner)
            self._wrapped_for = available_width
        assert self.lines is not None
        self.width = available_width
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        assert self.lines is not None
        fitting = int((available_height + 1e-6) // self.style.leading)
        if fitting <= 0:
            return []
        if fitting >= len(self.lines):
            return [self]
        first = Prose(
            self.text, self.style, link=self.link, url=self.url, lines=self.lines[:fitting]
        )
        rest = Prose(
            self.text, self.style, link=self.link, url=self.url, lines=self.lines[fitting:]
        )
        first.spaceAfter, first.keepWithNext = 0, 0
        rest.spaceBefore = 0
        return [first, rest]

    def draw(self) -> None:
        style, canvas = self.style, self.canv
        assert self.lines is not None
        text = remembering(canvas.beginText(style.leftIndent, self.height - style.fontSize))
        text.setFont(style.fontName, style.fontSize, style.leading)
        text.setFillColor(style.textColor)
        if right_to_left(self.text):
            self._draw_right_aligned(text)
        else:
            for line in self.lines:
                text.textLine(visual(line, "L"))
        canvas.drawText(text)
        area = (style.leftIndent, 0, self.width - style.rightIndent, self.height)
        if self.link:
            canvas.linkRect("", self.link, area, relative=1)
        if self.url:
            canvas.linkURL(self.url, area, relative=1)

    def _draw_right_aligned(self, text: PDFTextObject) -> None:
        """Right-to-left text: lines broken in typed order, each drawn in display order and
        set flush right, where its first word is."""
        style = self.style
        right = self.width - style.rightIndent
        assert self.lines is not None
        y = self.height - style.fontSize
        for line in self.lines:
            shown = visual(line, "R")
            width = stringWidth(shown, style.fontName, style.fontSize)
            text.setTextOrigin(right - width, y)
            text.textOut(shown)
            y -= style.leading

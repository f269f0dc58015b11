"""The toolbox a story builder uses: user text made safe, and the cheapest flowable for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from reports import styles as st
from reports.bidi_paragraph import BidiParagraph
from reports.document import Marked, PageNumbers, TocLine
from reports.grid import PAD_X, Cell, Line, Lines, Text, Wrapped
from reports.prose import Prose, break_lines
from reports.rtl import for_display, has_rtl, shaped
from reports.styles import Styles

# The longest text one Paragraph gets (see StoryKit.paras).
PIECE = 2000


def text_pieces(text: str, size: int) -> list[str]:
    """*text* cut into pieces of at most *size* characters, after a space where one is near."""
    pieces = []
    start = 0
    while len(text) - start > size:
        end = start + size
        middle = start + size // 2
        space = max(text.rfind(" ", middle, end), text.rfind("\n", middle, end))
        cut = end if space < 0 else space + 1
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


@dataclass
class StoryKit:
    """What every story builder needs: styles, fonts, page numbers, and link targets."""

    styles: Styles
    numbers: PageNumbers
    linked_agreements: set[int] = field(default_factory=set)
    # fits()'s answers: a report asks about the same labels, names and dates thousands of times.
    _fitting: dict[tuple[str, str, float, float], bool] = field(
        default_factory=dict, init=False, repr=False
    )

    def markup(self, text: str) -> str:
        """User text made safe for Paragraph markup, line breaks kept."""
        return self.styles.fonts.markup(text).replace("\n", "<br/>")

    def para(
        self, text: str, style: ParagraphStyle | None = None, *, link: str | None = None
    ) -> Prose | Paragraph | BidiParagraph:
        """Text that wraps: Prose when the style's font has every character (fast), else a
        Paragraph, whose markup brings in fallback fonts. *link*: a bookmark to go to."""
        style = style or self.styles.body
        text = shaped(text)
        if self.styles.fonts.covers(text.replace("\n", ""), style.fontName):
            return Prose(text, style, link=link)
        if has_rtl(text):
            # Broken into lines in typed order first, each then put in display order: a
            # Paragraph would break the text after reordering it, last words first.
            return BidiParagraph(text, style, self.styles.fonts, link=link)
        markup = self.markup(text)
        return Paragraph(f'<a href="#{link}">{markup}</a>' if link else markup, style)

    def paras(self, text: str, style: ParagraphStyle | None = None) -> list[Flowable]:
        """Text of any length that wraps: as para(), but a long text that needs a Paragraph
        comes in pieces of a few thousand characters, read one after the other.

        A Paragraph splits at a page end by wrapping all that is left again: 200,000
        characters took half a minute. Pieces are cut at a space where there is one.
        """
        style = style or self.styles.body
        text = shaped(text)
        if len(text) <= PIECE or self.styles.fonts.covers(text.replace("\n", ""), style.fontName):
            return [self.para(text, style)]
        pieces = text_pieces(text, PIECE)
        inner = ParagraphStyle(f"{style.name}-piece", parent=style, spaceBefore=0, spaceAfter=0)
        first = ParagraphStyle(f"{style.name}-first", parent=style, spaceAfter=0)
        last = ParagraphStyle(f"{style.name}-last", parent=style, spaceBefore=0)
        chosen = [first, *[inner] * (len(pieces) - 2), last]
        return [
            BidiParagraph(piece, piece_style, self.styles.fonts)
            if has_rtl(piece)
            else Paragraph(self.markup(piece), piece_style)
            for piece, piece_style in zip(pieces, chosen, strict=True)
        ]

    def fits(self, text: str, style: ParagraphStyle, width: float) -> bool:
        """True when *text* is one line in *width* and its font has every glyph: then it can
        be drawn as plain text, without a Paragraph's parsing and line breaking."""
        key = (text, style.fontName, style.fontSize, width)
        answer = self._fitting.get(key)
        if answer is None:
            if len(self._fitting) >= 20_000:  # a long report's distinct texts: memory let go
                self._fitting.clear()
            answer = self._fitting[key] = (
                "\n" not in text
                and self.styles.fonts.covers(text, style.fontName)
                and stringWidth(text, style.fontName, style.fontSize) <= width
            )
        return answer

    def cell(self, text: str, style: ParagraphStyle, width: float) -> Cell:
        """A table cell: plain text when it fits on one line, else text that wraps."""
        if self.fits(shaped(text), style, width - 2 * PAD_X):
            return Text(for_display(text), style)
        return self.para(text, style)

    def stack(self, lines: list[tuple[str, ParagraphStyle]], width: float) -> Cell:
        """Lines of text in one cell, each in its style; a Paragraph if any would wrap."""
        if all(self.fits(shaped(text), style, width - 2 * PAD_X) for text, style in lines):
            return Lines(tuple(Text(for_display(text), style) for text, style in lines))
        markup = "<br/>".join(
            f'<font name="{style.fontName}" size="{style.fontSize}" '
            f'color="{st.hex_color(style.textColor)}">{self.markup(text)}</font>'
            for text, style in lines
        )
        if all(self._plain(text, style) for text, style in lines):
            broken = (
                Text(piece, style)
                for text, style in lines
                for piece in break_lines(text, style.fontName, style.fontSize, width - 2 * PAD_X)
            )
            return Wrapped(tuple(broken), lines[0][1].leading, markup)
        return Paragraph(markup, lines[0][1])

    def _plain(self, text: str, style: ParagraphStyle) -> bool:
        """Text a Paragraph would show as it is, in the style's own font, on lines broken
        at spaces: no right-to-left script, no fallback font, no line break, not blank."""
        return (
            bool(text.strip())
            and "\n" not in text
            and not has_rtl(text)
            and self.styles.fonts.covers(text, style.fontName)
        )

    def link(self, url: str, style: ParagraphStyle) -> Flowable:
        """A web address that wraps anywhere and opens when clicked."""
        if self.styles.fonts.covers(url, style.fontName):
            return Prose(url, style, url=url)
        href = escape(url, {'"': "&quot;"})
        return Paragraph(f'<a href="{href}">{self.markup(url)}</a>', style)

    def line(self, text: str, style: ParagraphStyle) -> Flowable:
        """A one-line heading or note; a Paragraph when it would not fit on one line."""
        if self.fits(shaped(text), style, st.FRAME_WIDTH):
            return Line(Text(for_display(text), style))
        return self.para(text, style)

    def heading(
        self, text: str, style: ParagraphStyle, *, key: str, level: int, outline: str = ""
    ) -> Marked:
        """A heading that is an outline entry and a link target."""
        return Marked(
            self.para(text, style),
            key=key,
            outline=" ".join((outline or text).split()),
            level=level,
            numbers=self.numbers,
        )

    def toc_line(self, text: str, key: str, level: int) -> TocLine:
        styles = self.styles.toc
        style = styles[min(level, len(styles) - 1)]
        return TocLine(self.para(text, style, link=key), key, self.numbers)

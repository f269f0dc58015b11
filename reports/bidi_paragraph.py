"""Right-to-left text that needs a fallback font, over as many lines as it takes.

A Paragraph breaks lines itself, after the text is put in display order: a wrapped
Arabic paragraph then began with its last words. Here the text is broken into lines in
typed order, each word measured in the fonts its characters are drawn in; each line is
then put in display order in the paragraph's direction, and a Paragraph sets the lines
one under the other (flush right for right-to-left text), splitting between them at a
page end.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from reports.fonts import FontSet
from reports.prose import break_measured
from reports.rtl import direction, visual

# Room left at each line's end: the Paragraph measures the same glyphs, but a rounding
# difference must never make it break a line a second time.
SLACK = 1.0


class BidiParagraph(Flowable):
    """Text with right-to-left letters and characters from a fallback font, in a style."""

    def __init__(
        self, text: str, style: ParagraphStyle, fonts: FontSet, *, link: str | None = None
    ) -> None:
        super().__init__()
        self.text, self.style, self.fonts, self.link = text, style, fonts, link
        self.base = direction(text)
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = getattr(style, "keepWithNext", 0)
        self._inner: Paragraph | None = None
        self._inner_for: float | None = None

    def lines(self, available_width: float) -> list[str]:
        """The lines in typed order, as they are broken at this width."""
        style = self.style
        inner = available_width - style.leftIndent - style.rightIndent - SLACK

        def width_of(text: str) -> float:
            return self.fonts.width(text, style.fontName, style.fontSize)

        return break_measured(self.text, width_of, inner)

    def _paragraph(self, available_width: float) -> Paragraph:
        if self._inner is None or self._inner_for != available_width:
            lines = self.lines(available_width)
            shown = [self.fonts.markup(visual(line, self.base)) for line in lines]
            if self.link:
                shown = [f'<a href="#{self.link}">{line}</a>' for line in shown]
            style = self.style
            if self.base == "R":
                style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
            self._inner = Paragraph("<br/>".join(shown), style)
            self._inner_for = available_width
        return self._inner

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self._paragraph(available_width).wrap(
            available_width, available_height
        )
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return self._paragraph(available_width).split(available_width, available_height)

    def draw(self) -> None:
        assert self._inner is not None
        self._inner.drawOn(self.canv, 0, 0)

"""Rendering a story to a PDF in one pass: running header and footer, outline, contents, files.

Page numbers that are only known at the end ("Page 3 of 41", the page of each contents
entry) are PDF form objects drawn where needed and defined just before the file is saved,
so the document is laid out once. The story is pulled from a generator as pages fill,
so a report of thousands of agreements never holds all their flowables at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from reports import styles as st
from reports.prose import Prose
from reports.rtl import for_display, has_rtl
from reports.styles import Styles

if TYPE_CHECKING:
    from reports.bidi_paragraph import BidiParagraph

CREATOR = "Treaty Tracker"


@dataclass(frozen=True)
class DocumentInfo:
    """The document's metadata and running header."""

    title: str
    subject: str
    author: str
    footer: str


class PageNumbers:
    """Pages of the bookmarked headings, learnt while drawing and written at the end."""

    def __init__(self) -> None:
        self.pages: dict[str, int] = {}
        self.forms: dict[str, str] = {}
        self.total = 0

    def mark(self, key: str, page: int) -> None:
        self.pages.setdefault(key, page)

    def form_name(self, key: str) -> str:
        """The form that will show *key*'s page number (a plain PDF name)."""
        return self.forms.setdefault(key, f"pg{len(self.forms) + 1}")


TOTAL_FORM = "pagetotal"


def _numbering_canvas(numbers: PageNumbers, font: str) -> type[Canvas]:
    """A Canvas class that defines the page-number forms just before saving."""

    class NumberingCanvas(Canvas):
        def save(self) -> None:
            if self._code:  # type: ignore[attr-defined]  # ReportLab's own: an unfinished last page
                self.showPage()
            numbers.total = self.getPageNumber() - 1
            self.showOutline()  # the reader opens with the bookmarks shown (/UseOutlines)
            self._define(TOTAL_FORM, str(numbers.total), st.FOOTER_SIZE, right=False)
            for key, form in numbers.forms.items():
                page = numbers.pages.get(key)
                text = str(page) if page is not None else "–"
                self._define(form, text, st.TOC_NUMBER_SIZE, right=True)
            super().save()

        def _define(self, name: str, text: str, size: float, *, right: bool) -> None:
            self.beginForm(name, lowerx=-200, lowery=-10, upperx=200, uppery=30)
            self.setFont(font, size)
            self.setFillColor(st.MUTED if not right else st.INK)
            if right:
                self.drawRightString(0, 0, text)
            else:
                self.drawString(0, 0, text)
            self.endForm()

    return NumberingCanvas


# ----------------------------------------------------------------- flowables


class Marked(Flowable):
    """A flowable that is also an outline entry and a link target (a heading)."""

    def __init__(
        self, inner: Flowable, *, key: str, outline: str, level: int, numbers: PageNumbers
    ) -> None:
        super().__init__()
        self.inner = inner
        self.key = key
        self.outline = outline
        self.level = level
        self.numbers = numbers
        # An attribute, not a delegating method: ReportLab clears it on flowables it has
        # grouped, and a heading that kept asking to be grouped would loop for ever.
        self.keepWithNext = inner.getKeepWithNext()  # type: ignore[no-untyped-call]  # unannotated stub

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrapOn(self.canv, available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        parts = self.inner.splitOn(self.canv, available_width, available_height)
        if not parts:
            return []
        first = Marked(
            parts[0], key=self.key, outline=self.outline, level=self.level, numbers=self.numbers
        )
        return [first, *parts[1:]]

    def draw(self) -> None:
        canvas = self.canv
        canvas.bookmarkHorizontal(self.key, 0, self.height + 4)
        canvas.addOutlineEntry(self.outline, self.key, self.level)
        self.numbers.mark(self.key, canvas.getPageNumber())
        # In this flowable's own place and saved state: drawOn would save the state and
        # move by nothing again, a thousand times in a long report.
        self.inner._drawOn(canvas)  # type: ignore[attr-defined]  # ReportLab's own, unannotated


class TocLine(Flowable):
    """One contents entry: a linked title, and its page number at the right margin."""

    def __init__(
        self, entry: Prose | Paragraph | BidiParagraph, key: str, numbers: PageNumbers
    ) -> None:
        super().__init__()
        self.paragraph = entry
        self.key = key
        self.form = numbers.form_name(key)

    def getSpaceBefore(self) -> float:
        return float(self.paragraph.getSpaceBefore())

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        _width, self.height = self.paragraph.wrapOn(self.canv, available_width, available_height)
        self.width = available_width
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        # At this line's origin, in its saved state (as Marked): ReportLab's own, unannotated.
        self.paragraph._drawOn(canvas)  # type: ignore[union-attr]
        style = self.paragraph.style
        baseline = style.leading - style.fontSize
        canvas.saveState()
        canvas.translate(self.width, baseline)
        canvas.doForm(self.form)
        canvas.restoreState()
        canvas.linkRect("", self.key, (self.width - 30, 0, self.width, style.leading), relative=1)


class StreamingStory(list):  # type: ignore[type-arg]  # of flowables
    """A story list that pulls flowables from a generator as the layout consumes them.

    ReportLab's build loop only looks at the front of the list (and a few flowables ahead
    for keep-with-next), so topping it up whenever its length is asked for is enough.
    """

    LOOKAHEAD = 80

    def __init__(self, source: Iterable[Flowable]) -> None:
        super().__init__()
        self._source: Iterator[Flowable] | None = iter(source)

    def __len__(self) -> int:
        while self._source is not None and super().__len__() < self.LOOKAHEAD:
            item = next(self._source, None)
            if item is None:
                self._source = None
            else:
                self.append(item)
        return super().__len__()


# ----------------------------------------------------------------- the document


class ReportDocument(BaseDocTemplate):
    """A4 pages with the report title at the top and 'Page X of Y' at the bottom."""

    def __init__(self, target: BinaryIO, info: DocumentInfo, styles: Styles, **kw: Any) -> None:
        super().__init__(
            target,
            pagesize=st.PAGE_SIZE,
            leftMargin=st.MARGIN_LEFT,
            rightMargin=st.MARGIN_RIGHT,
            topMargin=st.MARGIN_TOP,
            bottomMargin=st.MARGIN_BOTTOM,
            title=info.title,
            subject=info.subject,
            author=info.author,
            creator=CREATOR,
            keywords=["Treaty Tracker", "agreements"],
            # Every page starts in the embedded font, so no standard (Latin-1) font is listed.
            initialFontName=styles.fonts.regular,
            **kw,
        )
        self.info = info
        self.styles = styles
        fonts = styles.fonts
        running = styles.running
        line = one_line(info.title, running.fontName, running.fontSize, self.width - 10)
        # Drawn on every page: plain text where the font has every character (a Paragraph
        # of one line costs its parse and line breaking for nothing), measured once.
        self.header: Flowable = (
            Prose(line, running, lines=[line])  # one_line made it fit
            if fonts.covers(line, running.fontName) and not has_rtl(line)
            else Paragraph(fonts.markup(for_display(line)), running)
        )
        self._header_height: float | None = None
        self.footer = fonts.check(info.footer)
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._decorate)])

    def _decorate(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        """The running header (title) and footer (made by, page X of Y) of every page."""
        fonts = self.styles.fonts
        left, right = st.MARGIN_LEFT, st.PAGE_SIZE[0] - st.MARGIN_RIGHT
        canvas.saveState()
        if self._header_height is None:
            self._header_height = float(self.header.wrapOn(canvas, right - left - 10, 30)[1])
        height = self._header_height
        self.header.drawOn(canvas, left, st.HEADER_Y - height + st.HEADER_SIZE)
        canvas.setStrokeColor(st.RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, st.HEADER_Y - height + 4, right, st.HEADER_Y - height + 4)
        canvas.line(left, st.FOOTER_Y + 10, right, st.FOOTER_Y + 10)
        canvas.setFont(fonts.regular, st.FOOTER_SIZE)
        canvas.setFillColor(st.MUTED)
        canvas.drawString(left, st.FOOTER_Y, self.footer)
        # 'Page 12 of ' then the total, a form defined when the last page is known.
        total_width = canvas.stringWidth("9999", fonts.regular, st.FOOTER_SIZE)
        label = f"Page {canvas.getPageNumber()} of "
        canvas.drawRightString(right - total_width, st.FOOTER_Y, label)
        canvas.translate(right - total_width, st.FOOTER_Y)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()


def one_line(text: str, font: str, size: float, width: float) -> str:
    """As much of *text* as fits on one line, with '…' where it was cut: the running header
    shows one line of a long title (the cover shows all of it)."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def render(
    story: Iterable[Flowable],
    target: BinaryIO,
    info: DocumentInfo,
    styles: Styles,
    numbers: PageNumbers,
    *,
    invariant: bool = False,
) -> int:
    """Lay the story out into *target*; return the number of pages."""
    document = ReportDocument(target, info, styles, invariant=int(invariant))
    canvas_class = _numbering_canvas(numbers, styles.fonts.regular)
    with _settings(useA85=0, defaultGraphicsFontName=styles.fonts.regular):
        document.build(StreamingStory(story), canvasmaker=canvas_class)
    return numbers.total


@contextmanager
def _settings(**values: object) -> Iterator[None]:
    """ReportLab's global settings for one build, put back afterwards.

    useA85=0: compressed streams without ASCII85 on top, a smaller file (ReportLab's
    pure-Python ASCII85 encoder took a tenth of a long report's time).
    defaultGraphicsFontName: charts start in the embedded font, not Helvetica (Latin-1).
    """
    before = {name: getattr(rl_config, name) for name in values}
    for name, value in values.items():
        setattr(rl_config, name, value)
    try:
        yield
    finally:
        for name, value in before.items():
            setattr(rl_config, name, value)

"""A light table flowable: fixed column widths, header row repeated on every page.

ReportLab's Table measures every cell several times and styles each through generic
machinery; a report of a thousand agreements spends most of its time there. A Grid wraps
each cell once per width, draws one-line text cells with a single drawString, and splits
between rows (or inside a row too tall for a page), so long lists and long cells both
wrap instead of running off the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Paragraph

from reports import styles as st
from reports.text_operators import remembering


@dataclass(frozen=True)
class Text:
    """One line of plain text in a style: drawn with one drawString, never wrapped."""

    text: str
    style: ParagraphStyle


@dataclass(frozen=True)
class Lines:
    """Several one-line texts stacked in one cell (a name over its status, one action a line)."""

    items: tuple[Text, ...]

    @property
    def height(self) -> float:
        return sum(item.style.leading for item in self.items)


@dataclass(frozen=True)
class Runs:
    """Texts one after the other on one line, each in its style (a value, then a note in colour).

    Drawn as plain text: a Paragraph for the two colours of one short line cost a parse,
    a line break and a draw of its own, 800 times in a report of 1,000 agreements.
    """

    items: tuple[Text, ...]

    @property
    def height(self) -> float:
        return max(item.style.leading for item in self.items)


@dataclass(frozen=True)
class Wrapped:
    """Texts in their styles broken into lines to fit a cell, drawn as plain text where the
    Paragraph of the same lines (kit.stack's markup) would put them: one leading (the first
    style's) apart, the first baseline its font size below the top. A party whose note
    wraps took a Paragraph's parse, line breaking and draw, 480 times in a long report.

    *markup* is that Paragraph's text: a row split across pages splits it as before.
    """

    items: tuple[Text, ...]
    leading: float
    markup: str

    @property
    def height(self) -> float:
        return len(self.items) * self.leading

    def paragraph(self) -> Flowable:
        """The Paragraph these lines stand for (it can be split between pages)."""
        return Paragraph(self.markup, self.items[0].style)


Cell = Text | Lines | Runs | Wrapped | Flowable | None  # None: an empty cell


class Line(Flowable):
    """A one-line paragraph without the parsing: headings and short notes, by the thousand."""

    def __init__(self, text: Text) -> None:
        super().__init__()
        self.text = text
        style = text.style
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = getattr(style, "keepWithNext", 0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, self.text.style.leading
        return self.width, self.height

    def draw(self) -> None:
        # A text object whose strings' operators are remembered: a long report draws the
        # same sub-headings ('Parties', 'Summary' …) thousands of times.
        style = self.text.style
        text = remembering(self.canv.beginText(0, style.leading - style.fontSize))
        text.setFont(style.fontName, style.fontSize)
        text.setFillColor(style.textColor)
        text.textLine(self.text.text)
        self.canv.drawText(text)


PAD_X = 3.0
PAD_TOP = 2.5
PAD_BOTTOM = 3.0


@dataclass(frozen=True)
class GridStyle:
    """How a grid looks: header shading, banding, rule colours."""

    header_fill: Color | None = st.HEADER_FILL
    header_rule: Color | None = st.ACCENT
    rule: Color = st.RULE
    zebra: Color | None = st.ZEBRA


DEFAULT_LOOK = GridStyle()
PLAIN = GridStyle(header_fill=None, header_rule=None, zebra=None)


class Grid(Flowable):
    """Rows of cells under fixed column widths, the header row repeated after a page break."""

    def __init__(
        self,
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        *,
        header: Sequence[Cell] | None = None,
        look: GridStyle = DEFAULT_LOOK,
    ) -> None:
        super().__init__()
        self.rows = [list(row) for row in rows]
        self.widths = list(widths)
        self.header = list(header) if header is not None else None
        self.look = look
        self.hAlign = "LEFT"
        self._heights: list[float] | None = None
        self._header_height = 0.0
        self._cell_heights: dict[int, float] = {}

    # ------------------------------------------------------------- measuring

    def _row_height(self, row: Sequence[Cell]) -> float:
        """The row's height; flowable cells are wrapped here, once, and their heights kept."""
        tallest = 0.0
        for column, cell in enumerate(row):
            if cell is None:
                continue
            if isinstance(cell, Text):
                tallest = max(tallest, cell.style.leading)
            elif isinstance(cell, Lines | Runs | Wrapped):
                tallest = max(tallest, cell.height)
            else:
                height = self._cell_height(column, cell)
                self._cell_heights[id(cell)] = height
                tallest = max(tallest, height)
        return tallest + PAD_TOP + PAD_BOTTOM

    def _measure(self) -> list[float]:
        """Row heights, measured once: the column widths never change."""
        if self._heights is None:
            self._header_height = self._row_height(self.header) if self.header else 0.0
            self._heights = [self._row_height(row) for row in self.rows]
        return self._heights

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        heights = self._measure()
        self.width = sum(self.widths)
        self.height = self._header_height + sum(heights)
        return self.width, self.height

    # ------------------------------------------------------------- splitting

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        heights = self._measure()
        room = available_height - self._header_height
        used, fitting = 0.0, 0
        for height in heights:
            if used + height > room:
                break
            used += height
            fitting += 1
        if fitting == len(self.rows):
            return [self]
        if fitting == 0:
            return self._split_row(room)
        return [
            self._copy(self.rows[:fitting], heights[:fitting]),
            self._copy(self.rows[fitting:], heights[fitting:]),
        ]

    def _split_row(self, room: float) -> list[Flowable]:
        """The first row is taller than the space left: its text cells continue overleaf."""
        row = self.rows[0]
        inner_room = room - PAD_TOP - PAD_BOTTOM
        if inner_room < 36:  # not even three lines: start the row on the next page
            return []
        first: list[Cell] = []
        rest: list[Cell] = []
        for column, cell in enumerate(row):
            if isinstance(cell, Wrapped):
                if cell.height <= inner_room:
                    first.append(cell)
                    rest.append(None)
                    continue
                cell = cell.paragraph()
            if cell is None or isinstance(cell, Text | Lines | Runs):
                first.append(cell)
                rest.append(None)
                continue
            parts = cell.splitOn(self.canv, self.widths[column] - 2 * PAD_X, inner_room)
            if not parts:
                if self._cell_height(column, cell) <= inner_room:
                    first.append(cell)
                    rest.append(None)
                    continue
                return []
            first.append(parts[0])
            rest.append(parts[1] if len(parts) > 1 else None)
        return [self._copy([first]), self._copy([rest, *self.rows[1:]])]

    def _cell_height(self, column: int, cell: Flowable) -> float:
        return float(cell.wrapOn(self.canv, self.widths[column] - 2 * PAD_X, 1e6)[1])

    def _copy(self, rows: list[list[Cell]], heights: list[float] | None = None) -> Grid:
        """A grid of some of these rows; rows already measured keep their measures, so
        splitting a long register page by page does not measure it again and again."""
        grid = Grid((), self.widths, header=self.header, look=self.look)
        # The rows as they are: copying each row again at every page of a long register
        # cost more than drawing it.
        grid.rows = rows
        if heights is not None:
            grid._heights = heights
            grid._header_height = self._header_height
            grid._cell_heights = self._cell_heights
        return grid

    # ------------------------------------------------------------- drawing

    def draw(self) -> None:
        """Shading and rules first, each colour set once; then the cells row by row, plain
        text gathered into one text object that is only closed where a row holds a
        Paragraph (so text reads back in order). Far fewer PDF operators than a
        drawString per cell, which is what made long reports slow."""
        rows = [(self.header, self._header_height)] if self.header else []
        rows += list(zip(self.rows, self._measure(), strict=True))
        self._draw_shading([height for _row, height in rows])
        canvas = self.canv
        text = _TextRun(canvas)
        top = self.height
        for row, height in rows:
            flowables: list[tuple[Flowable, float, float]] = []
            x = 0.0
            for width, cell in zip(self.widths, row, strict=False):
                if isinstance(cell, Text):
                    text.add(cell, x, top, width)
                elif isinstance(cell, Lines):
                    line_top = top
                    for item in cell.items:
                        text.add(item, x, line_top, width)
                        line_top -= item.style.leading
                elif isinstance(cell, Wrapped):
                    first = cell.items[0].style.fontSize
                    for number, item in enumerate(cell.items):
                        # add() puts a baseline its own font size below the top it is given.
                        line_top = top - number * cell.leading - first + item.style.fontSize
                        text.add(item, x, line_top, width)
                elif isinstance(cell, Runs):
                    run_x = x
                    for item in cell.items:
                        text.add(item, run_x, top, width)
                        style = item.style
                        run_x += stringWidth(item.text, style.fontName, style.fontSize)
                elif cell is not None:
                    flowables.append(
                        (cell, x + PAD_X, top - PAD_TOP - self._cell_heights[id(cell)])
                    )
                x += width
            if flowables:
                text = text.flush()
                for cell, cell_x, cell_y in flowables:
                    cell.drawOn(canvas, cell_x, cell_y)
            top -= height
        text.flush()

    def _draw_shading(self, heights: list[float]) -> None:
        """Header fill, banding and the rule under every row."""
        canvas, look = self.canv, self.look
        bottoms = []
        top = self.height
        for height in heights:
            bottoms.append((top - height, height))
            top -= height
        first = 1 if self.header else 0
        if self.header and look.header_fill is not None:
            canvas.setFillColor(look.header_fill)
            canvas.rect(0, bottoms[0][0], self.width, bottoms[0][1], stroke=0, fill=1)
        if look.zebra is not None:
            canvas.setFillColor(look.zebra)
            for bottom, height in bottoms[first + 1 :: 2]:
                canvas.rect(0, bottom, self.width, height, stroke=0, fill=1)
        canvas.setStrokeColor(look.rule)
        canvas.setLineWidth(0.4)
        for bottom, _height in bottoms[first:]:
            canvas.line(0, bottom, self.width, bottom)
        if self.header:
            canvas.setStrokeColor(look.header_rule or look.rule)
            canvas.setLineWidth(0.8 if look.header_rule else 0.4)
            canvas.line(0, bottoms[0][0], self.width, bottoms[0][0])


class _TextRun:
    """One PDF text object for many cells; font and colour are set only when they change."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.text: PDFTextObject = remembering(canvas.beginText())
        self.font: tuple[str, float] | None = None
        self.color: object = None

    def add(self, cell: Text, x: float, top: float, width: float) -> None:
        style, text = cell.style, self.text
        if self.font != (style.fontName, style.fontSize):
            self.font = (style.fontName, style.fontSize)
            text.setFont(style.fontName, style.fontSize)
        if self.color != style.textColor:
            self.color = style.textColor
            text.setFillColor(style.textColor)
        # Where a Paragraph puts its first baseline, so text and Paragraph cells line up.
        baseline = top - PAD_TOP - style.fontSize
        if style.alignment == TA_RIGHT:
            x += width - PAD_X - stringWidth(cell.text, style.fontName, style.fontSize)
        else:
            x += PAD_X
        text.setTextOrigin(x, baseline)
        # _textOut: textOut would also measure the string, to move a cursor not used here.
        text._textOut(cell.text)  # type: ignore[attr-defined]  # ReportLab's own, see above

    def flush(self) -> _TextRun:
        """Draw what was gathered; return a fresh run for what follows."""
        if self.font is None:
            return self
        self.canvas.drawText(self.text)
        return _TextRun(self.canvas)

"""Page geometry, colours and paragraph styles for every report, apart from the data."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from reports.fonts import FontSet

PAGE_SIZE = A4
MARGIN_LEFT = MARGIN_RIGHT = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
HEADER_Y = PAGE_SIZE[1] - 12 * mm
FOOTER_Y = 10 * mm
FRAME_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT

INK = colors.HexColor("#1d2733")
ACCENT = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#5b6673")
RULE = colors.HexColor("#c5cdd6")
HEADER_FILL = colors.HexColor("#e4ebf2")
ZEBRA = colors.HexColor("#f5f7fa")
WARNING = colors.HexColor("#9a4a00")
BAR = colors.HexColor("#3b73a8")

HEADER_SIZE = 8
FOOTER_SIZE = 8
TOC_NUMBER_SIZE = 9.5


def hex_color(color: colors.Color) -> str:
    """'#5b6673': a colour as Paragraph markup writes it."""
    return "#" + color.hexval()[2:]


@dataclass(frozen=True)
class Styles:
    """Every paragraph style a report uses, in the document's embedded font."""

    fonts: FontSet
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    agreement_title: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    source: ParagraphStyle
    link: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_missing: ParagraphStyle
    cell_note: ParagraphStyle
    cell_warning: ParagraphStyle
    cell_implied: ParagraphStyle
    missing: ParagraphStyle
    cell_number: ParagraphStyle
    header_cell: ParagraphStyle
    header_cell_number: ParagraphStyle
    label: ParagraphStyle
    toc: tuple[ParagraphStyle, ...]
    running: ParagraphStyle
    headline: ParagraphStyle
    headline_label: ParagraphStyle


def make_styles(fonts: FontSet) -> Styles:
    """Styles for a document whose fonts are *fonts* (bold and italic through the family)."""

    def style(name: str, **values: object) -> ParagraphStyle:
        """A style from the report's defaults, or from its parent when one is given."""
        base: dict[str, object] = (
            {}
            if "parent" in values
            else {
                "fontName": fonts.regular,
                "fontSize": 9.5,
                "leading": 12.5,
                "textColor": INK,
                "alignment": TA_LEFT,
            }
        )
        base.update(values)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]  # keywords of ParagraphStyle

    cell = style("cell", fontSize=8.5, leading=10.5)
    return Styles(
        fonts=fonts,
        title=style(
            "title", fontName=fonts.bold, fontSize=22, leading=27, textColor=ACCENT, spaceAfter=10
        ),
        subtitle=style("subtitle", fontSize=13, leading=17, spaceAfter=14),
        h1=style(
            "h1",
            fontName=fonts.bold,
            fontSize=16,
            leading=20,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=8,
            keepWithNext=1,
        ),
        h2=style(
            "h2",
            fontName=fonts.bold,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=5,
            keepWithNext=1,
        ),
        h3=style(
            "h3",
            fontName=fonts.bold,
            fontSize=10,
            leading=13,
            textColor=INK,
            spaceBefore=7,
            spaceAfter=3,
            keepWithNext=1,
        ),
        # In a long report, room is made with CondPageBreak rather than keep-with-next
        # groups, which ReportLab measures twice.
        agreement_title=style(
            "agreement_title",
            fontName=fonts.bold,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=5,
        ),
        subheading=style(
            "subheading", fontName=fonts.bold, fontSize=10, leading=13, spaceBefore=7, spaceAfter=3
        ),
        body=style("body", spaceAfter=5),
        source=style("source", spaceAfter=1),
        link=style("link", textColor=ACCENT, spaceAfter=1),
        muted=style("muted", textColor=MUTED, fontSize=8.5, leading=11, spaceAfter=4),
        cell=cell,
        cell_bold=style("cell_bold", parent=cell, fontName=fonts.bold),
        cell_missing=style("cell_missing", parent=cell, fontName=fonts.italic, textColor=MUTED),
        cell_note=style("cell_note", parent=cell, fontSize=7.5, leading=9.5, textColor=MUTED),
        cell_warning=style(
            "cell_warning", parent=cell, fontSize=7.5, leading=9.5, textColor=WARNING
        ),
        # A cell's words in the warning colour, the cell's size (what the actions imply).
        cell_implied=style("cell_implied", parent=cell, textColor=WARNING),
        missing=style("missing", fontName=fonts.italic, textColor=MUTED, spaceAfter=5),
        cell_number=style("cell_number", parent=cell, alignment=TA_RIGHT),
        header_cell=style("header_cell", parent=cell, fontName=fonts.bold, textColor=INK),
        header_cell_number=style(
            "header_cell_number", parent=cell, fontName=fonts.bold, alignment=TA_RIGHT
        ),
        label=style("label", parent=cell, fontName=fonts.bold, textColor=MUTED),
        toc=(
            style(
                "toc0", fontName=fonts.bold, fontSize=10, leading=13, spaceBefore=5, rightIndent=36
            ),
            style("toc1", fontSize=9, leading=11.5, leftIndent=14, rightIndent=36, spaceBefore=1.5),
        ),
        running=style("running", fontSize=HEADER_SIZE, leading=10, textColor=MUTED),
        headline=style("headline", fontName=fonts.bold, fontSize=13, leading=17, textColor=INK),
        headline_label=style(
            "headline_label", fontName=fonts.regular, fontSize=10, leading=17, textColor=MUTED
        ),
    )

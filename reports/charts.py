"""Bar charts for the overview: agreements per year signed and per field (reportlab.graphics)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String

from reports import styles as st
from reports.fonts import FontSet
from reports.rtl import for_display

MAX_FIELD_BARS = 12
NOTE_ROOM = 12
_LABEL_SIZE = 7.5


def nice_step(largest: int, ticks: int = 5) -> int:
    """A whole step of 1, 2 or 5 times a power of ten giving about *ticks* grid lines."""
    if largest <= ticks:
        return 1
    raw = largest / ticks
    power = 10 ** math.floor(math.log10(raw))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def year_series(years: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every year from the first to the last, with zero where nothing was signed: gaps show."""
    if not years:
        return []
    counts = dict(years)
    return [(year, counts.get(year, 0)) for year in range(min(counts), max(counts) + 1)]


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# More years than this and a bar per year is a hair with its count crowded over the next:
# the bars are decades instead (the table below the chart still lists every year).
MAX_YEAR_BARS = 40


def decade_series(series: Sequence[tuple[int, int]]) -> list[tuple[str, int]]:
    """The year series summed by decade ('1830s'), every decade from first to last."""
    counts: dict[int, int] = {}
    for year, count in series:
        counts[year // 10 * 10] = counts.get(year // 10 * 10, 0) + count
    return [
        (f"{decade}s", counts.get(decade, 0)) for decade in range(min(counts), max(counts) + 1, 10)
    ]


def years_chart(years: Sequence[tuple[int, int]], fonts: FontSet, width: float) -> Drawing:
    """Vertical bars, one per year (per decade over a long span); labels thinned so they
    never overlap."""
    by_year = year_series(years)
    series: list[tuple[str, int]] = [(str(year), count) for year, count in by_year]
    if len(by_year) > MAX_YEAR_BARS:
        series = decade_series(by_year)
    height = 150
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 28
    # A few years get bars of a sensible width rather than the whole page.
    chart.width, chart.height = min(width - 40, 40 + 32 * len(series)), height - 45  # type: ignore[assignment]  # stubs: int
    if len(by_year) > MAX_YEAR_BARS:
        chart.height -= NOTE_ROOM  # room above the tallest bar's count for the note
    chart.data = [[count for _year, count in series]]
    chart.bars[0].fillColor = st.BAR
    chart.bars[0].strokeColor = None
    every = max(1, math.ceil(len(series) / 20))
    chart.categoryAxis.categoryNames = [
        name if index % every == 0 else "" for index, (name, _n) in enumerate(series)
    ]
    _style_axes(chart, fonts, max(count for _year, count in series))
    chart.categoryAxis.labels.angle = 45 if len(series) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(series) > 8 else "n"
    drawing.add(chart)
    if len(by_year) > MAX_YEAR_BARS:
        note = f"By decade: {by_year[0][0]}–{by_year[-1][0]}; the table gives each year."
        drawing.add(String(chart.x, height - 8, note, fontName=fonts.italic, fontSize=_LABEL_SIZE))
    return drawing


def fields_chart(fields: Sequence[tuple[str, int]], fonts: FontSet, width: float) -> Drawing:
    """Horizontal bars for the fields with the most agreements, largest at the top."""
    shown = list(fields[:MAX_FIELD_BARS])
    bar_space = 16
    # The value axis's numbers take the 18 points under the bars; a note goes below them.
    note_room = NOTE_ROOM if len(fields) > len(shown) else 0
    height = 30 + note_room + bar_space * len(shown)
    label_width = min(170.0, width * 0.4)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 18 + note_room  # type: ignore[assignment]  # stubs: int
    chart.width, chart.height = width - label_width - 20, bar_space * len(shown)  # type: ignore[assignment]  # stubs: int
    # The first category is drawn at the bottom: reverse so the largest is on top.
    ordered = list(reversed(shown))
    chart.data = [[count for _name, count in ordered]]
    chart.bars[0].fillColor = st.BAR
    chart.bars[0].strokeColor = None
    names = [fonts.check(for_display(shorten(name, 34))) for name, _count in ordered]
    chart.categoryAxis.categoryNames = names
    _style_axes(chart, fonts, max(count for _name, count in shown))
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    drawing.add(chart)
    if len(fields) > len(shown):
        note = f"The {len(shown)} largest of {len(fields)} fields; all are in the table."
        drawing.add(String(label_width, 2, note, fontName=fonts.italic, fontSize=_LABEL_SIZE))
    return drawing


def _bar_label(value: float) -> str:
    """A count above its bar; nothing above an empty year."""
    return str(int(value)) if value else ""


def _style_axes(chart: VerticalBarChart | HorizontalBarChart, fonts: FontSet, largest: int) -> None:
    step = nice_step(largest)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * math.ceil(max(largest, 1) / step)
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = st.RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.strokeColor = st.RULE
    chart.categoryAxis.strokeColor = st.RULE
    for labels in (chart.valueAxis.labels, chart.categoryAxis.labels):
        labels.fontName = fonts.regular
        labels.fontSize = _LABEL_SIZE
        labels.fillColor = st.INK
    chart.barLabelFormat = _bar_label
    chart.barLabels.fontName = fonts.regular
    chart.barLabels.fontSize = _LABEL_SIZE - 0.5
    chart.barLabels.fillColor = st.MUTED
    if isinstance(chart, VerticalBarChart):
        chart.barLabels.nudge = 6
    else:
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
    chart.barSpacing = 1
    chart.groupSpacing = 4

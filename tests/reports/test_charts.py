"""The overview's charts: nothing drawn over anything else, and bars wide enough to read."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import String

from reports.charts import MAX_YEAR_BARS, fields_chart, years_chart
from reports.fonts import FontSet


def _parts(drawing):  # type: ignore[no-untyped-def]
    chart = next(
        c for c in drawing.contents if isinstance(c, HorizontalBarChart | VerticalBarChart)
    )
    notes = [s for s in drawing.contents if isinstance(s, String)]
    return chart, notes


def test_the_note_under_the_fields_chart_stays_clear_of_the_axis_numbers() -> None:
    fields = [(f"Field {number} Türkiye", 30 - number) for number in range(18)]
    chart, (note,) = _parts(fields_chart(fields, FontSet(), 480))
    assert note.text == "The 12 largest of 18 fields; all are in the table."
    labels = chart.valueAxis.labels
    # The axis numbers hang below the axis (by dy) and are one line tall.
    numbers_bottom = chart.y + labels.dy - labels.fontSize * 1.2
    assert note.y + note.fontSize <= numbers_bottom


def test_a_long_span_of_years_is_drawn_by_decade() -> None:
    years = [(1832, 1), (1851, 2), (1999, 1), (2017, 3)]
    chart, (note,) = _parts(years_chart(years, FontSet(), 480))
    names = chart.categoryAxis.categoryNames
    assert len(chart.data[0]) == 19 and names[0] == "1830s" and names[-1] == "2010s"
    assert chart.data[0][:3] == [1, 0, 2] and chart.data[0][-1] == 3
    assert note.text == "By decade: 1832–2017; the table gives each year."
    assert note.y >= chart.y + chart.height + 6  # above the tallest bar's count


def test_a_short_span_keeps_a_bar_per_year() -> None:
    years = [(2000 + n, n % 3) for n in range(MAX_YEAR_BARS)]
    chart, notes = _parts(years_chart(years, FontSet(), 480))
    assert len(chart.data[0]) == MAX_YEAR_BARS and notes == []

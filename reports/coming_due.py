"""The summary report's "Coming due" section: the deadlines of its agreements in the next year.

Plain data first (`coming_due`), then the flowables (`coming_due_story`): the section is
there only when the report's agreements have deadlines in the next year or overdue ones.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable
from sqlalchemy import Select
from sqlalchemy.orm import Session

from models.dates import PartialDate
from models.deadline_store import DueItem, due_items
from reports import styles as st
from reports.grid import Cell, Grid, Text
from reports.kit import StoryKit
from reports.locale_format import count, day

YEAR = 365
COLUMNS = (30 * mm, 34 * mm, st.FRAME_WIDTH - 64 * mm)


def coming_due(
    session: Session, agreements: Select[int] | Sequence[int], as_of: date
) -> tuple[DueItem, ...]:
    """Overdue deadlines and those of the next year, of these agreements, by date."""
    return tuple(due_items(session, agreements, as_of, YEAR, overdue=True))


def coming_due_story(items: Sequence[DueItem], kit: StoryKit, as_of: date) -> Iterator[Flowable]:
    """A heading, a sentence, and a table of date, deadline and agreement (with how)."""
    styles = kit.styles
    yield kit.heading("Coming due", styles.h1, key="coming-due", level=0)
    overdue = sum(item.overdue for item in items)
    start = day(PartialDate(as_of.year, as_of.month, as_of.day))
    sentence = (
        f"Deadlines of these agreements from {start} to a year later, "
        "computed from their terms or as recorded"
    )
    if overdue:
        sentence += (
            f"; {count(overdue)} overdue (an expiry or entry into force passed, not recorded)"
        )
    yield kit.para(sentence + ".", styles.muted)
    header: list[Cell] = [
        Text(name, styles.header_cell) for name in ("Date", "Deadline", "Agreement")
    ]
    yield Grid([_cells(kit, item) for item in items], COLUMNS, header=header)


def _cells(kit: StoryKit, item: DueItem) -> list[Cell]:
    """Date as known, the deadline (overdue marked in words, not colour alone), and the
    agreement with how the date was found under it."""
    styles = kit.styles
    late = " (overdue)" if item.overdue else ""
    return [
        kit.cell(day(item.on), styles.cell, COLUMNS[0]),
        kit.cell(item.kind.label + late, styles.cell_warning if late else styles.cell, COLUMNS[1]),
        kit.stack([(item.title, styles.cell), (item.how, styles.cell_note)], COLUMNS[2]),
    ]

"""What a report states about itself: when, by whom, from which database, as of when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm

from reports import styles as st
from reports.describe import local_time_text, timestamp_text
from reports.document import CREATOR
from reports.grid import PLAIN, Grid, Text
from reports.kit import StoryKit


@dataclass(frozen=True)
class Provenance:
    """Who made the report, when, and from what."""

    generated_at: datetime
    author: str
    database_name: str
    as_of: datetime | None
    as_of_note: str = "the latest change to these agreements"


def provenance_rows(provenance: Provenance) -> list[tuple[str, str]]:
    """(label, plain text) pairs. Who made it and from which database appear only when the
    caller gives them: a report handed to a minister carries no user name or file path."""
    as_of = (
        f"{timestamp_text(provenance.as_of)} ({provenance.as_of_note})"
        if provenance.as_of
        else "no agreements"
    )
    rows = [("Generated", local_time_text(provenance.generated_at))]
    if provenance.author.strip():
        rows.append(("Prepared by", provenance.author.strip()))
    if provenance.database_name.strip():
        rows.append(("Database", provenance.database_name.strip()))
    return [*rows, ("Data as of", as_of), ("Made with", CREATOR)]


def facts_table(kit: StoryKit, rows: list[tuple[str, str]], label_width: float = 32 * mm) -> Grid:
    """A two-column label/value table for the cover."""
    styles = kit.styles
    value_width = st.FRAME_WIDTH - label_width
    data = [
        [Text(label, styles.label), kit.cell(value, styles.cell, value_width)]
        for label, value in rows
    ]
    return Grid(data, (label_width, value_width), look=PLAIN)

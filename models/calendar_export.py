"""Deadlines as an iCalendar file (RFC 5545) that calendar programs import.

One all-day event per deadline, with a reminder before it. A date known only to the
month (or year) is an event spanning that month (or year), its title saying so: the
calendar shows the date as known, never an invented day. Written with `icalendar`;
the file is replaced only once complete (models.atomic_file).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from models.atomic_file import atomic_text
from models.dates import Precision
from models.deadline_store import DueItem

PRODUCT = "-//Treaty Tracker//Deadlines//EN"
REMIND_DAYS = 14  # two weeks: time to prepare a note verbale before a notice deadline


def event_title(item: DueItem) -> str:
    """'Last day to give notice: Agreement on transit' (+ '(March 2027)' for a partial date)."""
    known = "" if item.on.precision is Precision.DAY else f" ({item.on.display()})"
    return f"{item.kind.label}{known}: {item.title}"


def calendar_of(
    items: Sequence[DueItem], remind_days: int = REMIND_DAYS, made: datetime | None = None
) -> Calendar:
    """A VCALENDAR with one VEVENT (and one VALARM) per deadline."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Treaty deadlines")
    stamp = made or datetime.now(UTC)
    for item in items:
        calendar.add_component(_event(item, remind_days, stamp))
    return calendar


def _event(item: DueItem, remind_days: int, stamp: datetime) -> Event:
    event = Event()
    # Stable across exports: importing a newer file updates the event instead of doubling it.
    event.add(
        "uid",
        f"{item.agreement_id}-{item.kind.value.replace(' ', '-')}-{item.on.iso()}@treaty-tracker",
    )
    event.add("dtstamp", stamp)
    event.add("dtstart", item.on.first_day())
    event.add("dtend", item.on.last_day() + timedelta(days=1))  # DTEND of a date is exclusive
    event.add("summary", event_title(item))
    event.add("description", f"{item.describe()}\n{item.how}\nAgreement {item.agreement_id}")
    event.add("categories", ["Treaty deadline", item.kind.value])
    event.add("transp", "TRANSPARENT")  # a deadline does not make the day busy
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(days=-remind_days))
    alarm.add("description", f"In {remind_days} days: {event_title(item)}")
    event.add_component(alarm)
    return event


def write_calendar(
    path: str | os.PathLike[str], items: Sequence[DueItem], remind_days: int = REMIND_DAYS
) -> int:
    """Write *items* to *path* as .ics; return how many events. The old file stays on failure."""
    data = calendar_of(items, remind_days).to_ical()
    with atomic_text(Path(path)) as out:
        # RFC 5545 lines end in CRLF, which icalendar writes; text mode must not translate.
        out.write(data.decode("utf-8"))
    return len(items)

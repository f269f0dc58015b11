"""Dates as recorded: a year, a year and month, or a full day — never padded."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from models.messages import NOT_A_DATE, NOT_A_DATE_BECAUSE, QT_TRANSLATE_NOOP, message_of, say

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = [calendar.month_name[m] for m in range(13)]


# A date as PartialDate.iso() writes it: ASCII digits, the year and month never zero.
_CANONICAL = re.compile(r"(?!0000)[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-[0-9]{2})?)?", re.ASCII)


def is_canonical(stored: str) -> bool:
    """Whether *stored* is a valid date already in the form PartialDate.iso() gives it.

    An export of 100,000 agreements holds some 57,000 distinct dates, and building a
    PartialDate for each was a tenth of a CSV export (and of a long listing); the few others
    still go through it (and its message for a date that is not one).
    """
    if _CANONICAL.fullmatch(stored) is None:
        return False
    if len(stored) < 10:
        return True
    try:
        date.fromisoformat(stored)  # the day exists in that month
    except ValueError:
        return False
    return True


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True)
class PartialDate:
    """A date known to a year, a month or a day; ordered as its ISO text sorts."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(
                say(QT_TRANSLATE_NOOP("Validation", "year %1 is out of range"), self.year)
            )
        if self.month is None and self.day is not None:
            raise ValueError(say(QT_TRANSLATE_NOOP("Validation", "a day needs a month")))
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(
                say(QT_TRANSLATE_NOOP("Validation", "month %1 is not between 1 and 12"), self.month)
            )
        if self.day is not None:
            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                month = PartialDate(self.year, self.month)
                raise ValueError(
                    say(QT_TRANSLATE_NOOP("Validation", "%1 has no day %2"), month, self.day)
                )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError naming the text otherwise."""
        match = _PATTERN.match(text.strip())
        if not match:
            raise ValueError(say(NOT_A_DATE, text))
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            return cls(year, month, day)  # type: ignore[arg-type]  # the pattern always has a year
        except ValueError as error:
            raise ValueError(say(NOT_A_DATE_BECAUSE, text, message_of(error))) from None

    @classmethod
    def parse_optional(cls, text: str | None) -> PartialDate | None:
        return None if text is None or not text.strip() else cls.parse(text)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def iso(self) -> str:
        """'2021', '2021-12' or '2021-12-06': the stored and exchanged form."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def display(self) -> str:
        """'6 December 2021', 'December 2021' or '2021'."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{MONTHS[self.month]} {self.year}"
        return f"{self.day} {MONTHS[self.month]} {self.year}"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def start_key(self) -> str:
        """The smallest ISO text whose first day is not before this one's ('from' filters).

        '2021', '2021-01' and '2021-01-01' all begin on 1 January, and '2021' sorts first.
        """
        if self.month in (None, 1) and self.day in (None, 1):
            return f"{self.year:04d}"
        if self.day in (None, 1):
            return f"{self.year:04d}-{self.month:02d}"
        return self.iso()

    def end_key(self) -> str:
        """A text sorting after every date this one covers and before any later one ('up to').

        '~' sorts after every digit and '-'; the year after would overflow at 9999.
        """
        return self.iso() + "~"

    def certainly_before(self, other: PartialDate) -> bool:
        """True only when every day this date may be falls before every day *other* may be."""
        return self.last_day() < other.first_day()

    def __str__(self) -> str:
        return self.iso()

    # Ordered by hand: a generated order would compare None with a month and raise.
    def _order_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self._order_key() < other._order_key()

    def __le__(self, other: PartialDate) -> bool:
        return self._order_key() <= other._order_key()

    def __gt__(self, other: PartialDate) -> bool:
        return self._order_key() > other._order_key()

    def __ge__(self, other: PartialDate) -> bool:
        return self._order_key() >= other._order_key()


def utc_text(moment: datetime) -> str:
    """'2026-11-29 10:14 UTC': one time zone for a team spread over several."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


class UtcMoment(str):
    """A stored time as a message's argument: '2026-11-29 10:14 UTC' in English and on the
    command line; the window shows `moment` in the user's own time and language."""

    moment: datetime


def utc_moment(moment: datetime) -> UtcMoment:
    """*moment* (UTC, with or without its zone) as a message's argument."""
    shown = UtcMoment(utc_text(moment))
    shown.moment = moment
    return shown

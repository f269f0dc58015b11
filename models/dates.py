"""Dates as recorded: a year, a year and month, or a full day — never padded."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = [calendar.month_name[m] for m in range(13)]


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a year, a month or a day; ordered as its ISO text sorts."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not between 1 and 12")
        if self.day is not None:
            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"{MONTHS[self.month]} {self.year} has no day {self.day}")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError naming the text otherwise."""
        match = _PATTERN.match(text.strip())
        if not match:
            raise ValueError(f"'{text}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            return cls(year, month, day)  # type: ignore[arg-type]
        except ValueError as error:
            raise ValueError(f"'{text}' is not a date: {error}") from None

    @classmethod
    def parse_optional(cls, text: str | None) -> PartialDate | None:
        return None if text is None or not text.strip() else cls.parse(text)

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        return cls(value.year, value.month, value.day)

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

    def end_key(self) -> str:
        """The smallest ISO text sorting after every date this one covers (for 'up to' filters)."""
        if self.month is None:
            return f"{self.year + 1:04d}"
        if self.day is None:
            return (
                f"{self.year + 1:04d}"
                if self.month == 12
                else f"{self.year:04d}-{self.month + 1:02d}"
            )
        return self.iso() + "~"  # '~' sorts after every digit and '-'

    def certainly_before(self, other: PartialDate) -> bool:
        """True only when every day this date may be falls before every day *other* may be."""
        return self.last_day() < other.first_day()

    def __str__(self) -> str:
        return self.iso()

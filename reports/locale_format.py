"""Dates and numbers for a PDF in a given locale (Babel: the CLDR data Qt's QLocale also uses).

reports/ cannot use Qt, so the window's locale reaches a report as a code ('ru_RU', from
QLocale().name()). English keeps the reports' own forms ('6 December 2021', '1,234'), so
an English PDF reads as it always has; another locale takes CLDR's ('6 декабря 2021 г.',
'1 234').
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime, format_skeleton
from babel.numbers import format_decimal

from models.dates import PartialDate

ENGLISH = "en"
# The locale of the report being built: write_summary and write_fact_sheet take a `locale`
# and set it here for the length of the build (a context variable: each worker thread, and
# each report, has its own), so the many small functions that word a report need not pass
# it along.
_current: ContextVar[Locale | None] = ContextVar("report_locale", default=None)


def report_locale(code: str | None) -> Locale:
    """The locale for *code* ('ru', 'ru_RU', 'ru-RU', 'C'); English when it names none known."""
    wanted = (code or "").split(".")[0].replace("-", "_")
    if not wanted or wanted in ("C", "POSIX"):
        return Locale.parse(ENGLISH)
    try:
        return Locale.parse(wanted)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(ENGLISH)


def _english(locale: Locale) -> bool:
    return locale.language == ENGLISH


def number(value: int, locale: Locale) -> str:
    """'1,234' in English, '1 234' in Russian, '1.234' in Turkish."""
    return f"{value:,}" if _english(locale) else format_decimal(value, locale=locale)


def partial_date(value: PartialDate, locale: Locale) -> str:
    """A date as precise as it was recorded: '6 декабря 2021 г.', 'декабрь 2021 г.', '2021'."""
    if _english(locale):
        return value.display()
    if value.month is None:
        return str(value.year)
    if value.day is None:
        return format_skeleton("yMMMM", date(value.year, value.month, 1), locale=locale)
    return format_date(date(value.year, value.month, value.day), "long", locale=locale)


def timestamp(moment: datetime, locale: Locale) -> str:
    """A stored time in UTC: '6 December 2021, 14:03 UTC'; '6 декабря 2021 г., 14:03 UTC'."""
    moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    if _english(locale):
        return f"{PartialDate(moment.year, moment.month, moment.day).display()}, {moment:%H:%M} UTC"
    day = format_date(moment.date(), "long", locale=locale)
    return f"{day}, {format_datetime(moment, 'HH:mm', tzinfo=UTC, locale=locale)} UTC"


@contextmanager
def using(code: str | None) -> Iterator[Locale]:
    """Build a report in *code*'s locale ('ru_RU'; None or unknown: English) until the end."""
    token = _current.set(report_locale(code))
    try:
        yield current()
    finally:
        _current.reset(token)


def current() -> Locale:
    """The locale of the report being built; English outside a build."""
    return _current.get() or report_locale(ENGLISH)


def day(value: PartialDate) -> str:
    """A recorded date in the report's locale: '6 December 2021', '6 декабря 2021 г.'."""
    return partial_date(value, current())


def count(value: int) -> str:
    """A number in the report's locale: '1,234', '1 234'."""
    return number(value, current())


def stamp(moment: datetime) -> str:
    """A stored time in UTC in the report's locale: '6 December 2021, 14:03 UTC'."""
    return timestamp(moment, current())

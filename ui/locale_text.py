"""Dates and numbers in the window, in the chosen locale (QLocale's default, set at start).

English keeps the app's own forms ('6 December 2021', '2021-12-06 14:03', '1,234'); other
languages take QLocale's ('6 декабря 2021 г.', '06.12.2021 14:03', '1 234').
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QDate, QDateTime, QLocale, QObject

from models.dates import PartialDate

# A weekday in a long date format, with the comma or space that joins it to the rest.
_WEEKDAY = re.compile(r"dddd,?\s*|,?\s*dddd")


def _english(locale: QLocale) -> bool:
    return locale.language() in (QLocale.Language.English, QLocale.Language.C)


class LocaleText(QObject):
    """The context of the words sizes are told in (a class's tr(), whose plurals lupdate reads)."""

    if TYPE_CHECKING:  # Qt's tr works on the class too; an annotation keeps lupdate reading it
        tr: ClassVar[Callable[..., str]]


def data_size(size: int, english: str, base: int = 1024) -> str:
    """A file's size in the window's language ('372,0 кБ'); English keeps *english* as it was.

    *base*: 1024 for the backups' sizes (as a file manager shows them), 1000 for the
    attachments' (decimal, as their size limit is spoken of).
    """
    locale = QLocale()
    if _english(locale):
        return english
    if size < base:  # Qt's own word for bytes takes no plural ('812 байты')
        return LocaleText.tr("%Ln byte(s)", "", size)
    decimal = QLocale.DataSizeFormat.DataSizeSIFormat
    binary = QLocale.DataSizeFormat.DataSizeTraditionalFormat
    return locale.formattedDataSize(size, 1, decimal if base == 1000 else binary)


def number(value: int) -> str:
    """'1,234' in English, '1 234' in Russian."""
    return QLocale().toString(value)


def day_format(locale: QLocale) -> str:
    """The locale's long date without the weekday: 'd MMMM yyyy 'г'.'' for Russian."""
    return _WEEKDAY.sub("", locale.dateFormat(QLocale.FormatType.LongFormat)).strip(" ,")


def partial_date(value: PartialDate | None, missing: str = "") -> str:
    """A date as precise as it was recorded: '6 декабря 2021 г.', 'декабрь 2021', '2021'."""
    if value is None:
        return missing
    locale = QLocale()
    if _english(locale):
        return value.display()
    if value.month is None:
        return str(value.year)
    if value.day is None:
        return f"{locale.standaloneMonthName(value.month)} {value.year}"
    return locale.toString(QDate(value.year, value.month, value.day), day_format(locale))


def short_date(value: PartialDate | None) -> str:
    """A date for a table cell: '2021-12-06' in English, '06.12.2021' in Russian; a month
    or a year alone as recorded ('12.2021', '2021')."""
    if value is None:
        return ""
    locale = QLocale()
    if _english(locale):
        return value.iso()
    if value.month is None:
        return str(value.year)
    if value.day is None:
        return f"{value.month:02d}.{value.year}" if "." in _short(locale) else value.iso()
    return locale.toString(QDate(value.year, value.month, value.day), _short(locale))


def _short(locale: QLocale) -> str:
    """The locale's short date with a four-digit year ('dd.MM.yyyy' for Russian)."""
    text = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return text if "yyyy" in text else text.replace("yy", "yyyy")


def moment(value: datetime) -> str:
    """A time of day and date, as this computer shows it: '2021-12-06 14:03' in English."""
    locale = QLocale()
    if _english(locale):
        return f"{value:%Y-%m-%d %H:%M}"
    return locale.toString(QDateTime(value), QLocale.FormatType.ShortFormat)  # type: ignore[call-overload]  # PySide6 takes a datetime


def local_time(value: datetime) -> datetime:
    """A stored time (UTC; read back from SQLite without its zone) in this computer's own."""
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone()


def stored_moment(value: datetime) -> str:
    """A stored time as moment() shows it, in this computer's own time: the trash's
    'deleted at', for one."""
    return moment(local_time(value))


def stored_day(value: datetime) -> str:
    """The day of a stored time in this computer's own time, as short_date() shows it."""
    local = local_time(value)
    return short_date(PartialDate(local.year, local.month, local.day))

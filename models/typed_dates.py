"""Dates as people type them: '15 July 2022', 'July 2022', '15.07.2022', '2022', '2022-07-15'.

The stored and exchanged form stays ISO (YYYY, YYYY-MM, YYYY-MM-DD); this reads what a
person types into a date field and says why when it can't, so the field can tell them as
they type. Day-first only: '07/15/2022' is refused rather than guessed.
"""

from __future__ import annotations

import re

from models.dates import MONTHS, PartialDate
from models.messages import NOT_A_DATE_BECAUSE, QT_TRANSLATE_NOOP, Message, message_of, say

_MONTH_NAMES = {name.lower(): number for number, name in enumerate(MONTHS) if name}
_MONTH_NAMES.update({name[:3].lower(): number for name, number in list(_MONTH_NAMES.items())})
_MONTH_NAMES["sept"] = 9

_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")  # 15.07.2022
_DOTTED_MONTH = re.compile(r"^(\d{1,2})\.(\d{4})$")  # 07.2022
_WORDS = re.compile(r"^(?:(\d{1,2})\s+)?([^\W\d_]+)\.?,?\s+(\d{4})$")  # 15 July 2022, July 2022
_WORDS_MONTH_FIRST = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")  # July 15, 2022
_YEAR = re.compile(r"^\d{4}$")


class TypedDateError(ValueError):
    """The text is not a date; the message says why, in words."""


def parse_typed(text: str) -> PartialDate | None:
    """The date *text* stands for (None when empty), or TypedDateError saying why not."""
    words = " ".join(text.split())
    if not words:
        return None
    try:
        return _read(words)
    except TypedDateError:
        raise
    except ValueError as error:  # PartialDate's own checks: a day the month lacks …
        raise TypedDateError(_reason(error)) from None


def _read(words: str) -> PartialDate:
    if _YEAR.match(words) or re.match(r"^\d{4}-\d{2}(-\d{2})?$", words):
        return PartialDate.parse(words)
    if match := _DOTTED.match(words):
        day, month, year = map(int, match.groups())
        return PartialDate(year, _month_number(month), day)
    if match := _DOTTED_MONTH.match(words):
        month, year = map(int, match.groups())
        return PartialDate(year, _month_number(month))
    if match := _WORDS.match(words):
        day, month, year = match.groups()
        return PartialDate(int(year), _month_named(month), int(day) if day else None)
    if match := _WORDS_MONTH_FIRST.match(words):
        month, day, year = match.groups()
        return PartialDate(int(year), _month_named(month), int(day))
    if re.match(r"^\d{1,2}/\d{1,2}/\d{4}$", words):
        raise TypedDateError(
            say(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "with slashes the day and the month could be either way round: "
                    "write 15.07.2022",
                )
            )
        )
    if re.match(r"^\d{1,3}$", words):
        raise TypedDateError(say(QT_TRANSLATE_NOOP("Validation", "a year has four digits")))
    raise TypedDateError(
        say(
            QT_TRANSLATE_NOOP(
                "Validation", "not a date: try 15 July 2022, July 2022, 15.07.2022 or 2022"
            )
        )
    )


def _month_number(month: int) -> int:
    if not 1 <= month <= 12:
        raise TypedDateError(say(QT_TRANSLATE_NOOP("Validation", "there is no month %1"), month))
    return month


def _month_named(name: str) -> int:
    number = _MONTH_NAMES.get(name.lower())
    if number is None:
        raise TypedDateError(say(QT_TRANSLATE_NOOP("Validation", "'%1' is not a month"), name))
    return number


def _reason(error: ValueError) -> str:
    """PartialDate's message without the quoted text it starts with (a Message, kept for
    the window to translate)."""
    message = message_of(error)
    if isinstance(message, Message):
        if message.template == NOT_A_DATE_BECAUSE:
            return message_of_text(message.args[1])
        return message
    return message.split(": ", 1)[1] if message.startswith("'") and ": " in message else message


def message_of_text(value: object) -> str:
    """*value* as it is if text (a Message stays one), else str()."""
    return value if isinstance(value, str) else str(value)

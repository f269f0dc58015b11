"""Dates as people type them, read back or refused with the reason."""

from __future__ import annotations

import pytest

from models.dates import PartialDate
from models.typed_dates import TypedDateError, parse_typed


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("15 July 2022", PartialDate(2022, 7, 15)),
        ("July 2022", PartialDate(2022, 7)),
        ("15.07.2022", PartialDate(2022, 7, 15)),
        ("2022", PartialDate(2022)),
        ("2022-07-15", PartialDate(2022, 7, 15)),
        ("6 dec 2021", PartialDate(2021, 12, 6)),
        ("July 15, 2022", PartialDate(2022, 7, 15)),
        ("07.2022", PartialDate(2022, 7)),
        ("  ", None),
    ],
)
def test_the_ways_people_write_a_date(typed: str, read: PartialDate | None) -> None:
    assert parse_typed(typed) == read


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("31.02.2022", "February 2022 has no day 31"),
        ("15.13.2022", "there is no month 13"),
        ("15 Julyy 2022", "'Julyy' is not a month"),
        ("07/08/2022", "with slashes the day and the month could be either way round"),
        ("22", "a year has four digits"),
        ("next week", "not a date: try 15 July 2022, July 2022, 15.07.2022 or 2022"),
    ],
)
def test_a_date_that_is_not_one_says_why(typed: str, why: str) -> None:
    with pytest.raises(TypedDateError) as refused:
        parse_typed(typed)
    assert str(refused.value).startswith(why)

"""Dates as users record them: a year, a month or a day, never padded, ordered as ISO text."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.dates import PartialDate, Precision


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(1, 9999))
    month = draw(st.none() | st.integers(1, 12))
    if month is None:
        return PartialDate(year)
    day = draw(st.none() | st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(year, month, day)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2021", PartialDate(2021), Precision.YEAR),
        ("2021-12", PartialDate(2021, 12), Precision.MONTH),
        ("2021-12-06", PartialDate(2021, 12, 6), Precision.DAY),
        (" 2021-12-06 ", PartialDate(2021, 12, 6), Precision.DAY),
        ("2024-02-29", PartialDate(2024, 2, 29), Precision.DAY),
    ],
)
def test_parse_reads_each_precision(text: str, expected: PartialDate, precision: Precision) -> None:
    parsed = PartialDate.parse(text)
    assert parsed == expected
    assert parsed.precision is precision


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2021-13-45", "month 13"),
        ("2021-02-30", "February 2021 has no day 30"),
        ("2023-02-29", "February 2023 has no day 29"),
        ("abc", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("21-12-06", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2021/12/06", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("6 December 2021", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("0000", "year 0"),
        ("", "YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_parse_refuses_with_a_message_naming_the_text(text: str, reason: str) -> None:
    with pytest.raises(ValueError) as refused:
        PartialDate.parse(text)
    assert f"'{text}'" in str(refused.value)
    assert reason in str(refused.value)


def test_parse_optional_treats_blank_as_missing() -> None:
    assert PartialDate.parse_optional(None) is None
    assert PartialDate.parse_optional("   ") is None
    assert PartialDate.parse_optional("2021") == PartialDate(2021)


@pytest.mark.parametrize(
    ("value", "iso", "shown"),
    [
        (PartialDate(2021), "2021", "2021"),
        (PartialDate(2021, 12), "2021-12", "December 2021"),
        (PartialDate(2021, 12, 6), "2021-12-06", "6 December 2021"),
        (PartialDate(2021, 3, 1), "2021-03-01", "1 March 2021"),
    ],
)
def test_display_never_invents_a_day_or_pads(value: PartialDate, iso: str, shown: str) -> None:
    assert value.iso() == iso
    assert str(value) == iso
    assert value.display() == shown


def test_a_day_needs_a_month() -> None:
    with pytest.raises(ValueError, match="a day needs a month"):
        PartialDate(2021, None, 6)


def test_ordering_follows_iso_text_across_precisions() -> None:
    dates = [
        PartialDate(2021, 6),
        PartialDate(2021),
        PartialDate(2021, 1, 1),
        PartialDate(2020, 12, 31),
        PartialDate(2021, 1),
    ]
    assert [d.iso() for d in sorted(dates)] == [
        "2020-12-31",
        "2021",
        "2021-01",
        "2021-01-01",
        "2021-06",
    ]
    assert PartialDate(2021) < PartialDate(2021, 6)
    assert PartialDate(2021, 6) >= PartialDate(2021)
    assert max(PartialDate(2021, 12), PartialDate(2021)) == PartialDate(2021, 12)


def test_first_and_last_day_span_what_is_known() -> None:
    assert PartialDate(2021).first_day() == date(2021, 1, 1)
    assert PartialDate(2021).last_day() == date(2021, 12, 31)
    assert PartialDate(2024, 2).last_day() == date(2024, 2, 29)
    assert PartialDate(2021, 12, 6).last_day() == date(2021, 12, 6)


def test_certainly_before_only_when_no_overlap() -> None:
    assert PartialDate(2020).certainly_before(PartialDate(2021, 1, 1))
    assert not PartialDate(2021).certainly_before(PartialDate(2021, 6))
    assert not PartialDate(2021, 6).certainly_before(PartialDate(2021))


@given(partial_dates())
def test_parse_of_iso_round_trips(value: PartialDate) -> None:
    assert PartialDate.parse(value.iso()) == value


@given(st.lists(partial_dates(), max_size=8))
def test_sorting_dates_sorts_their_iso_text(values: list[PartialDate]) -> None:
    assert [v.iso() for v in sorted(values)] == sorted(v.iso() for v in values)


@given(partial_dates(), partial_dates())
def test_end_key_bounds_exactly_the_dates_covered(upper: PartialDate, other: PartialDate) -> None:
    """'Up to *upper*' takes every date whose first day is not after *upper*'s last day."""
    covered = other.first_day() <= upper.last_day()
    assert (other.iso() < upper.end_key()) is covered


@given(partial_dates(), partial_dates())
def test_start_key_bounds_dates_by_their_first_day(lower: PartialDate, other: PartialDate) -> None:
    """'From *lower*' takes every date whose first day is not before *lower*'s first day."""
    covered = other.first_day() >= lower.first_day()
    assert (other.iso() >= lower.start_key()) is covered


def test_start_and_end_keys_of_examples() -> None:
    assert PartialDate.parse("2021-01-01").start_key() == "2021"
    assert PartialDate.parse("2021-06").start_key() == "2021-06"
    assert PartialDate.parse("2021-06-15").start_key() == "2021-06-15"
    assert "2021-12-31" < PartialDate(2021).end_key() < "2022"
    assert PartialDate(9999).end_key() > "9999-12-31"

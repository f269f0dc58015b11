"""Deadline arithmetic: month ends, leap years, partial dates, renewals, entry into force."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.dates import PartialDate
from models.deadlines import (
    DeadlineKind,
    DeadlineSource,
    add_months,
    compute,
    shift,
)
from models.terms import (
    Period,
    Terms,
    canonical,
    parse_entry_rule,
    parse_period,
    parse_renewal,
    term_errors,
)


def day(text: str) -> PartialDate:
    return PartialDate.parse(text)


def terms(duration: str = "", renewal: str = "", notice: str = "", entry: str = "") -> Terms:
    return Terms.from_texts(duration, renewal, notice, entry)


# ----------------------------------------------------------------- month ends, leap years


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2022, 1, 31), 1, date(2022, 2, 28)),  # no 31 February: the month's last day
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # 29 February + a year
        (date(2024, 2, 29), 48, date(2028, 2, 29)),  # four years: a leap year again
        (date(2022, 3, 31), -1, date(2022, 2, 28)),  # back a month
        (date(2022, 8, 31), -6, date(2022, 2, 28)),  # a notice period before a month end
        (date(2022, 4, 30), 1, date(2022, 5, 30)),  # the same day, not the month's end
        (date(2022, 12, 15), 1, date(2023, 1, 15)),  # across a year
    ],
)
def test_months_keep_the_day_or_fall_on_the_months_last(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


@given(st.dates(date(1800, 1, 1), date(2500, 12, 31)), st.integers(-1200, 1200))
def test_adding_months_never_leaves_the_target_month(start: date, months: int) -> None:
    moved = add_months(start, months)
    assert (moved.year * 12 + moved.month) - (start.year * 12 + start.month) == months
    assert moved.day <= start.day


def test_partial_dates_keep_their_precision() -> None:
    assert shift(day("2022-03"), Period(months=60)) == day("2027-03")
    assert shift(day("2022"), Period(months=24)) == day("2024")
    assert shift(day("2022-03"), Period(months=6), -1) == day("2021-09")
    # No honest answer: a year moved by 18 months, a month moved by days.
    assert shift(day("2022"), Period(months=18)) is None
    assert shift(day("2022-03"), Period(days=30)) is None
    assert shift(day("2022-03-01"), Period(days=30)) == day("2022-03-31")


# ----------------------------------------------------------------- terms as text


def test_terms_read_in_several_spellings_and_store_one() -> None:
    assert canonical("duration_term", "5 YEARS") == "5 years"
    assert canonical("duration_term", "2y 6m") == "2 years 6 months"
    assert canonical("duration_term", "18 months") == "1 year 6 months"
    assert canonical("duration_term", "Indefinite") == "indefinite"
    assert canonical("renewal_term", "automatically for 5 years") == "automatic for 5 years"
    assert canonical("renewal_term", "tacit") == "tacit"
    assert canonical("notice_term", "90 days") == "90 days"
    assert canonical("entry_into_force_term", "30 days after the last notification") == (
        "30 days after last notification"
    )
    assert canonical("entry_into_force_term", "after 22 ratifications") == "after 22 ratifications"
    assert canonical("entry_into_force_term", "on 2022-03-01") == "on 2022-03-01"
    assert canonical("duration_term", "  ") is None


def test_bad_terms_are_named_with_what_to_write() -> None:
    errors = term_errors(
        {
            "duration_term": "5 yeras",
            "renewal_term": "sometimes",
            "notice_term": "0 days",
            "entry_into_force_term": "when ready",
        }
    )
    assert "duration: '5 yeras' is not a period" in errors["duration_term"]
    assert "'sometimes' is not a renewal" in errors["renewal_term"]
    assert "no length" in errors["notice_term"]
    assert "'when ready' is not a rule" in errors["entry_into_force_term"]
    with pytest.raises(ValueError, match="thousand years"):
        parse_period("5000 years", "duration")
    assert parse_renewal("by agreement").text() == "by agreement"
    assert parse_entry_rule("30 days after 22 ratifications").count == 22


# ----------------------------------------------------------------- computed dates


def test_expiry_renewal_and_notice_follow_from_the_terms() -> None:
    computed = compute(
        DeadlineSource(
            terms=terms("5 years", "automatic for 5 years", "6 months"),
            entry_into_force=day("2022-03-01"),
        )
    )
    first = computed.deadlines[:3]
    assert [(d.kind, d.on.iso()) for d in first] == [
        (DeadlineKind.NOTICE, "2026-09-01"),
        (DeadlineKind.RENEWAL, "2027-03-01"),
        (DeadlineKind.NOTICE, "2031-09-01"),
    ]
    assert first[1].how == (
        "5 years from entry into force on 1 March 2022, renewed automatically for 5 years"
    )
    assert first[0].how == "6 months before the renewal on 1 March 2027"
    assert computed.expiry is not None and computed.expiry.on == day("2027-03-01")
    assert computed.deadlines[-1].on.year <= 2200  # renewals stop at the horizon


def test_without_renewal_the_expiry_is_the_deadline() -> None:
    computed = compute(
        DeadlineSource(terms=terms("3 years", "none"), entry_into_force=day("2024-02-29"))
    )
    assert [(d.kind, d.on.iso()) for d in computed.deadlines] == [
        (DeadlineKind.EXPIRY, "2027-02-28")
    ]


def test_an_expiry_known_to_the_month_is_shown_as_such() -> None:
    computed = compute(
        DeadlineSource(terms=terms("5 years", "tacit", "6 months"), entry_into_force=day("2022-03"))
    )
    renewal, notice = computed.deadlines[1], computed.deadlines[0]
    assert renewal.on == day("2027-03") and renewal.on.display() == "March 2027"
    assert notice.on.display() == "September 2026"
    assert "renewed tacitly for 5 years" in renewal.how


def test_a_recorded_expiry_wins_and_a_disagreement_is_told() -> None:
    computed = compute(
        DeadlineSource(
            terms=terms("5 years", "none"),
            entry_into_force=day("2022-03-01"),
            expires_on=day("2027-06-30"),
        )
    )
    assert [(d.on.iso(), d.recorded) for d in computed.deadlines] == [("2027-06-30", True)]
    assert computed.notes == [
        "expiry is recorded as 30 June 2027; the terms give 1 March 2027 "
        "(5 years from entry into force on 1 March 2022)"
    ]


def test_entry_into_force_after_the_last_notification() -> None:
    rule = terms("5 years", entry="30 days after last notification")
    waiting = compute(
        DeadlineSource(terms=rule, consents={"Kazakhstan": day("2022-01-10"), "Oʻzbekiston": None})
    )
    assert waiting.deadlines == []
    assert waiting.notes[0].endswith("waiting for Oʻzbekiston")
    done = compute(
        DeadlineSource(
            terms=rule,
            consents={"Kazakhstan": day("2022-01-10"), "Oʻzbekiston": day("2022-01-30")},
        )
    )
    entry = done.deadlines[0]
    assert (entry.kind, entry.on.iso()) == (DeadlineKind.ENTRY_INTO_FORCE, "2022-03-01")
    # The expiry counts from the expected entry into force while none is recorded.
    assert done.deadlines[1].on.iso() == "2027-03-01"
    assert "expected entry into force on 1 March 2022" in done.deadlines[1].how


def test_entry_into_force_after_n_ratifications_and_on_signature() -> None:
    consents = {"Türkiye": day("2023-05-02"), "Kazakhstan": day("2023-01-15"), "X": None}
    computed = compute(
        DeadlineSource(terms=terms(entry="after 2 ratifications"), consents=consents)
    )
    assert computed.deadlines[0].on.iso() == "2023-05-02"
    short = compute(DeadlineSource(terms=terms(entry="after 3 ratifications"), consents=consents))
    assert short.deadlines == [] and "2 of 3 recorded so far" in short.notes[0]
    signed = compute(DeadlineSource(terms=terms(entry="on signature"), signed_on=day("2021-12-06")))
    assert signed.deadlines[0].on.display() == "6 December 2021"


def test_a_recorded_entry_into_force_is_no_deadline_but_is_compared() -> None:
    computed = compute(
        DeadlineSource(terms=terms(entry="on 2022-03-01"), entry_into_force=day("2022-04-01"))
    )
    assert computed.deadlines == []
    assert computed.notes == [
        "entry into force is recorded as 1 April 2022; the rule gives 1 March 2022"
    ]


def test_nothing_after_termination_and_nothing_for_indefinite() -> None:
    computed = compute(
        DeadlineSource(
            terms=terms("1 year", "automatic for 1 year"),
            entry_into_force=day("2020-01-01"),
            terminated_on=day("2023-06"),
        )
    )
    assert [d.on.iso() for d in computed.deadlines] == ["2021-01-01", "2022-01-01", "2023-01-01"]
    assert (
        compute(
            DeadlineSource(
                terms=terms("indefinite", notice="6 months"), entry_into_force=day("2020")
            )
        ).deadlines
        == []
    )


def test_the_longest_terms_fit_their_columns() -> None:
    longest = {
        "duration_term": "999 years 11 months",
        "renewal_term": "automatic for 999 years 11 months",
        "notice_term": "36600 days",
        "entry_into_force_term": "36600 days after 1000 ratifications",
    }
    for name, text in longest.items():
        stored = canonical(name, text)
        assert stored is not None and len(stored) <= 100
    assert (
        "more states than there are"
        in term_errors({"entry_into_force_term": "after 1001 ratifications"})[
            "entry_into_force_term"
        ]
    )

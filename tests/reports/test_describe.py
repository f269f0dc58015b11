"""The words a report uses: the filter as a sentence, the sort, dates, actions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from models.dates import PartialDate
from models.detail import ActionView
from models.query import AgreementFilter, Sort, SortColumn
from models.vocab import ActionType, Kind, Level, Status
from reports.describe import (
    action_text,
    date_text,
    describe_filter,
    describe_selection,
    describe_sort,
    join_words,
    signed_phrase,
    timestamp_text,
)

FIELDS = {1: "Energy", 2: "Transport", 3: "Transport > Rail"}
PARTIES = {10: "Kazakhstan", 11: "Uzbekistan", 12: "Türkiye"}


def sentence(**values: object) -> str:
    return describe_filter(AgreementFilter(**values), FIELDS, PARTIES)  # type: ignore[arg-type]


def test_an_empty_filter_covers_all_agreements() -> None:
    assert sentence() == "All agreements"
    assert sentence(any_party=True) == "All agreements"


def test_fields_parties_and_years_read_as_one_sentence() -> None:
    assert (
        sentence(
            fields=(1, 2),
            parties=(10, 11),
            signed_from=PartialDate(2020),
            signed_to=PartialDate(2024),
        )
        == "Agreements in Energy and Transport between Kazakhstan and Uzbekistan, signed 2020–2024"
    )


def test_parties_all_together_or_any_of_them() -> None:
    assert sentence(parties=(10, 11, 12)) == (
        "Agreements between Kazakhstan, Uzbekistan and Türkiye"
    )
    assert sentence(parties=(10, 11, 12), any_party=True) == (
        "Agreements involving any of Kazakhstan, Uzbekistan or Türkiye"
    )
    assert sentence(parties=(11,)) == "Agreements involving Uzbekistan"


def test_kinds_statuses_levels_and_search_text_in_words() -> None:
    assert sentence(
        kinds=(Kind.TREATY, Kind.MEMORANDUM),
        levels=(Level.INTERSTATE,),
        statuses=(Status.SIGNED, Status.IN_FORCE),
        text="  gas   pipeline ",
    ) == (
        "Treaties and memoranda of understanding, at interstate level, "
        "with status signed or in force, matching the search “gas pipeline”"
    )
    assert sentence(kinds=(Kind.EXCHANGE_OF_NOTES,)) == "Exchanges of notes"
    assert sentence(levels=(Level.INTERSTATE, Level.INTERGOVERNMENTAL)) == (
        "Agreements, at interstate or intergovernmental levels"
    )


def test_a_subfield_is_named_by_its_path_and_a_lost_id_is_said_to_be_lost() -> None:
    assert sentence(fields=(3,)) == "Agreements in Transport > Rail"
    assert sentence(fields=(99,)) == "Agreements in field #99 (no longer recorded)"


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("2021", "2021", "signed in 2021"),
        ("2021-12", "2021-12", "signed in December 2021"),
        ("2021-12-06", "2021-12-06", "signed on 6 December 2021"),
        ("2021-12-06", "2022-03", "signed 6 December 2021 – March 2022"),
        ("2021-12-06", None, "signed on or after 6 December 2021"),
        ("2021", None, "signed in 2021 or later"),
        (None, "2024-06", "signed in June 2024 or earlier"),
        (None, "2024-06-30", "signed on or before 30 June 2024"),
        (None, None, ""),
    ],
)
def test_signing_dates_are_described_as_precisely_as_they_were_given(
    start: str | None, end: str | None, words: str
) -> None:
    assert (
        signed_phrase(PartialDate.parse_optional(start), PartialDate.parse_optional(end)) == words
    )


def test_partial_dates_are_shown_as_recorded_and_missing_ones_are_not_invented() -> None:
    assert date_text(PartialDate.parse("2021")) == "2021"
    assert date_text(PartialDate.parse("2021-12")) == "December 2021"
    assert date_text(PartialDate.parse("2021-12-06")) == "6 December 2021"
    assert date_text(None) == "not recorded"


def test_sort_order_in_words() -> None:
    assert describe_sort(Sort()) == "Date signed, earliest first; missing values last"
    assert describe_sort(Sort(SortColumn.TITLE, descending=True)).startswith("Title, Z to A")
    assert describe_sort(Sort(SortColumn.UPDATED_AT, True)).startswith("Last change, latest first")


def test_selection_and_lists() -> None:
    assert describe_selection(1) == "The selected agreement"
    assert describe_selection(3) == "The 3 selected agreements"
    assert join_words(["a", "b", "c"], "or") == "a, b or c"


def test_actions_keep_their_dates_and_text() -> None:
    ratified = ActionView(
        ActionType.RATIFICATION, PartialDate.parse("2022-03-03"), PartialDate.parse("2022-04"), None
    )
    assert action_text(ratified) == "ratification: deposited 3 March 2022, effective April 2022"
    reserved = ActionView(ActionType.RESERVATION, None, None, "Article 5 does not apply")
    assert action_text(reserved) == "reservation: date not recorded; “Article 5 does not apply”"


def test_stored_times_are_given_in_utc() -> None:
    moment = datetime(2021, 12, 6, 14, 3, tzinfo=UTC)
    assert timestamp_text(moment) == "6 December 2021, 14:03 UTC"

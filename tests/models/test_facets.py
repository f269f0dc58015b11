"""Facet counts against counts made by hand over the twelve agreements of builders.DATASET."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from models.database import Database
from models.dates import PartialDate
from models.query import AgreementFilter, Facets, count, facet_counts
from models.vocab import Kind, Level, Status
from tests.backends import BACKENDS, open_test_database
from tests.builders import Dataset, build_dataset

# By hand, from the table in builders.py. Transport counts 3 once although it is in
# both Rail and Road; 11 has no field; 8 has no year.
ALL_FIELDS = {"Energy": 4, "Transport": 6, "Transport > Rail": 3, "Transport > Road": 2, "Trade": 3}
ALL_PARTIES = {"KAZ": 8, "UZB": 7, "TUR": 4, "RUS": 5, "United Nations": 2}
ALL_STATUSES = {
    Status.SIGNED: 4,
    Status.IN_FORCE: 4,
    Status.RATIFIED: 1,
    Status.DRAFT: 1,
    Status.TERMINATED: 1,
    Status.ADOPTED: 1,
}
ALL_KINDS = {
    Kind.DECLARATION: 1,
    Kind.AGREEMENT: 3,
    Kind.PROGRAMME: 1,
    Kind.TREATY: 1,
    Kind.MEMORANDUM: 2,
    Kind.CHARTER: 1,
    Kind.PROTOCOL: 2,
    Kind.JOINT_STATEMENT: 1,
}
ALL_LEVELS = {
    Level.INTERSTATE: 4,
    Level.INTERGOVERNMENTAL: 5,
    Level.INTERDEPARTMENTAL: 2,
    Level.UNKNOWN: 1,
}
ALL_YEARS = {2018: 1, 2019: 2, 2020: 2, 2021: 4, 2022: 2}


@pytest.fixture(scope="module", params=BACKENDS)
def stored(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, Dataset]]:
    """One dataset for the whole module: these tests only read it."""
    with open_test_database(request.param, tmp_path_factory.mktemp("facets")) as database:
        yield database, build_dataset(database)


@pytest.fixture
def database(stored: tuple[Database, Dataset]) -> Database:
    return stored[0]


@pytest.fixture
def data(stored: tuple[Database, Dataset]) -> Dataset:
    return stored[1]


def facets(database: Database, wanted: AgreementFilter, *, exclude_own: bool = True) -> Facets:
    with database.sessions.begin() as session:
        return facet_counts(session, wanted, exclude_own=exclude_own)


def by_name(counts: dict[int, int], names: dict[str, int]) -> dict[str, int]:
    """Counts keyed by the names used in this file instead of ids."""
    back = {stored: name for name, stored in names.items()}
    return {back[stored]: number for stored, number in counts.items()}


@pytest.mark.parametrize("exclude_own", [True, False])
def test_unfiltered_counts_match_the_hand_count(
    database: Database, data: Dataset, exclude_own: bool
) -> None:
    found = facets(database, AgreementFilter(), exclude_own=exclude_own)
    assert by_name(found.fields, data.fields) == ALL_FIELDS
    assert by_name(found.parties, data.parties) == ALL_PARTIES
    assert found.statuses == ALL_STATUSES
    assert found.kinds == ALL_KINDS
    assert found.levels == ALL_LEVELS
    assert found.years == ALL_YEARS


def test_a_field_choice_leaves_its_own_counts_and_narrows_the_others(
    database: Database, data: Dataset
) -> None:
    wanted = AgreementFilter(fields=(data.fields["Energy"],))  # agreements 1, 4, 7, 10
    panel = facets(database, wanted)
    assert by_name(panel.fields, data.fields) == ALL_FIELDS
    assert panel.statuses == {Status.SIGNED: 1, Status.IN_FORCE: 2, Status.TERMINATED: 1}
    assert by_name(panel.parties, data.parties) == {
        "KAZ": 3,
        "UZB": 1,
        "TUR": 2,
        "RUS": 2,
        "United Nations": 1,
    }
    assert panel.years == {2018: 1, 2019: 2, 2021: 1}

    report = facets(database, wanted, exclude_own=False)
    assert by_name(report.fields, data.fields) == {"Energy": 4, "Transport": 1, "Trade": 1}
    assert report.statuses == panel.statuses


def test_a_status_choice_leaves_its_own_counts(database: Database, data: Dataset) -> None:
    wanted = AgreementFilter(statuses=(Status.IN_FORCE,))  # agreements 2, 4, 7, 12
    panel = facets(database, wanted)
    assert panel.statuses == ALL_STATUSES
    assert panel.kinds == {Kind.AGREEMENT: 1, Kind.TREATY: 1, Kind.CHARTER: 1, Kind.PROTOCOL: 1}
    assert by_name(panel.fields, data.fields) == {
        "Energy": 2,
        "Trade": 1,
        "Transport": 2,
        "Transport > Rail": 2,
    }
    assert facets(database, wanted, exclude_own=False).statuses == {Status.IN_FORCE: 4}


def test_kind_and_level_choices_leave_their_own_counts(database: Database, data: Dataset) -> None:
    wanted = AgreementFilter(kinds=(Kind.PROTOCOL,), levels=(Level.INTERGOVERNMENTAL,))  # 12
    panel = facets(database, wanted)
    assert panel.kinds == {Kind.AGREEMENT: 3, Kind.PROGRAMME: 1, Kind.PROTOCOL: 1}
    assert panel.levels == {Level.INTERGOVERNMENTAL: 1, Level.UNKNOWN: 1}
    assert panel.statuses == {Status.IN_FORCE: 1}
    report = facets(database, wanted, exclude_own=False)
    assert report.kinds == {Kind.PROTOCOL: 1}
    assert report.levels == {Level.INTERGOVERNMENTAL: 1}


def test_parties_between_narrow_their_own_counts(database: Database, data: Dataset) -> None:
    """All chosen parties must take part, so the panel drills down (1, 2, 3, 6, 11)."""
    wanted = AgreementFilter(parties=(data.parties["KAZ"], data.parties["UZB"]))
    expected = {"KAZ": 5, "UZB": 5, "TUR": 1, "RUS": 1}
    assert by_name(facets(database, wanted).parties, data.parties) == expected
    report = facets(database, wanted, exclude_own=False)
    assert by_name(report.parties, data.parties) == expected
    assert by_name(report.fields, data.fields) == {
        "Energy": 1,
        "Transport": 3,
        "Transport > Rail": 2,
        "Transport > Road": 1,
    }


def test_any_party_leaves_its_own_counts(database: Database, data: Dataset) -> None:
    wanted = AgreementFilter(
        parties=(data.parties["KAZ"], data.parties["UZB"]), any_party=True
    )  # all but 7 and 8
    assert by_name(facets(database, wanted).parties, data.parties) == ALL_PARTIES
    report = facets(database, wanted, exclude_own=False)
    assert by_name(report.parties, data.parties) == {
        "KAZ": 8,
        "UZB": 7,
        "TUR": 3,
        "RUS": 3,
        "United Nations": 1,
    }


def test_a_date_range_leaves_the_year_counts(database: Database, data: Dataset) -> None:
    wanted = AgreementFilter(
        signed_from=PartialDate(2020), signed_to=PartialDate(2021)
    )  # 1, 2, 3, 5, 9, 11
    panel = facets(database, wanted)
    assert panel.years == ALL_YEARS
    assert panel.levels == {
        Level.INTERSTATE: 2,
        Level.INTERGOVERNMENTAL: 2,
        Level.INTERDEPARTMENTAL: 2,
    }
    assert facets(database, wanted, exclude_own=False).years == {2020: 2, 2021: 4}


def test_choices_in_two_dimensions_each_count_without_their_own(
    database: Database, data: Dataset
) -> None:
    wanted = AgreementFilter(fields=(data.fields["Transport"],), statuses=(Status.SIGNED,))
    panel = facets(database, wanted)  # matches 3 and 9
    # Fields counted over the signed agreements 1, 3, 5, 9.
    assert by_name(panel.fields, data.fields) == {
        "Energy": 1,
        "Transport": 2,
        "Transport > Rail": 1,
        "Transport > Road": 2,
        "Trade": 1,
    }
    # Statuses counted over the Transport agreements 2, 3, 6, 9, 10, 12.
    assert panel.statuses == {
        Status.SIGNED: 2,
        Status.IN_FORCE: 2,
        Status.RATIFIED: 1,
        Status.TERMINATED: 1,
    }
    assert panel.kinds == {Kind.PROGRAMME: 1, Kind.MEMORANDUM: 1}
    report = facets(database, wanted, exclude_own=False)
    assert sum(report.kinds.values()) == sum(report.levels.values()) == 2
    assert report.statuses == {Status.SIGNED: 2}


def test_text_narrows_every_dimension(database: Database, data: Dataset) -> None:
    wanted = AgreementFilter(text="rail")  # 2, 3, 12
    panel = facets(database, wanted)
    assert by_name(panel.fields, data.fields) == {
        "Transport": 3,
        "Transport > Rail": 3,
        "Transport > Road": 1,
    }
    assert panel.years == {2021: 2, 2022: 1}
    with database.sessions.begin() as session:
        assert count(session, wanted) == 3

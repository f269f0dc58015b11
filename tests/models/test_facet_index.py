"""The in-memory index answers every filter, count and sort exactly as the SQL does."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from models.database import Database, open_database
from models.database_copy import copy_database
from models.dates import PartialDate
from models.facet_index import FacetIndex
from models.query import (
    AgreementFilter,
    Sort,
    SortColumn,
    agreement_ids,
    count,
    facet_counts,
    field_tree,
    party_list,
)
from models.service import delete, load_input, update
from models.vocab import Kind, Level, Status
from tests.backends import BACKENDS, postgres_schema
from tests.models.builders import agreement, save


@pytest.fixture(scope="module", params=BACKENDS)
def generated(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Database]:
    """400 generated agreements with gaps in the ids; on PostgreSQL, a copy of the same."""
    path: Path = tmp_path_factory.mktemp("index") / "generated.db"
    generate(path, 400, seed=11)
    database = open_database(path, create=False)
    with database.sessions.begin() as session:
        delete(session, [3, 4, 150])  # ids with gaps, as after real deletions
    if request.param == "sqlite":
        yield database
        database.close()
        return
    with postgres_schema() as url:
        server = open_database(url)
        copy_database(database, server)
        database.close()
        yield server
        server.close()


@pytest.fixture(scope="module")
def index(generated: Database) -> FacetIndex:
    with generated.sessions() as session:
        built = FacetIndex.build(session)
    assert built is not None
    return built


@pytest.fixture(scope="module")
def choices(generated: Database) -> dict[str, list[int]]:
    with generated.sessions() as session:
        return {
            "fields": [node.id for node in field_tree(session)],
            "parties": [entry.id for entry in party_list(session)][:40],
        }


def filters(choices: dict[str, list[int]]) -> st.SearchStrategy[AgreementFilter]:
    dates = st.one_of(
        st.none(),
        st.builds(PartialDate, st.integers(1830, 2030)),
        st.builds(PartialDate, st.integers(1900, 2020), st.integers(1, 12)),
        st.builds(PartialDate, st.integers(1950, 2000), st.integers(1, 12), st.integers(1, 28)),
    )
    return st.builds(
        AgreementFilter,
        fields=st.lists(st.sampled_from(choices["fields"]), max_size=2).map(tuple),
        parties=st.lists(st.sampled_from(choices["parties"]), max_size=3).map(tuple),
        any_party=st.booleans(),
        kinds=st.lists(st.sampled_from(list(Kind)), max_size=2).map(tuple),
        statuses=st.lists(st.sampled_from(list(Status)), max_size=3).map(tuple),
        levels=st.lists(st.sampled_from(list(Level)), max_size=2).map(tuple),
        signed_from=dates,
        signed_to=dates,
        text=st.sampled_from(["", "k", "energy", "Türkiye", "оқ", "oʻzbek", "zzzz"]),
        due_within=st.sampled_from([None, None, 0, 30, 365, 3650]),
        due_overdue=st.booleans(),
        due_as_of=st.sampled_from([None, date(1990, 1, 1), date(2026, 12, 1), date(2031, 2, 28)]),
    )


@pytest.mark.parametrize("sparse_limit", [0, 10**9], ids=["filtering the order", "ranking"])
def test_random_filters_match_the_sql_exactly(
    generated: Database, index: FacetIndex, choices: dict[str, list[int]], sparse_limit: int
) -> None:
    index.sparse_limit = sparse_limit
    sorts = st.builds(Sort, st.sampled_from(list(SortColumn)), st.booleans())

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(filters(choices), sorts, st.booleans())
    def check(wanted: AgreementFilter, sort: Sort, exclude_own: bool) -> None:
        with generated.sessions() as session:
            assert index.is_current(session)
            assert index.ids(session, wanted, sort) == agreement_ids(session, wanted, sort)
            assert index.count(session, wanted) == count(session, wanted)
            assert index.facets(session, wanted, exclude_own=exclude_own) == facet_counts(
                session, wanted, exclude_own=exclude_own
            )

    check()


@pytest.mark.parametrize("column", list(SortColumn))
def test_every_sort_matches(generated: Database, index: FacetIndex, column: SortColumn) -> None:
    with generated.sessions() as session:
        for wanted in (AgreementFilter(), AgreementFilter(statuses=(Status.IN_FORCE,))):
            for descending in (False, True):
                sort = Sort(column, descending)
                assert index.ids(session, wanted, sort) == agreement_ids(session, wanted, sort)
    assert index.total == 397


def test_an_index_knows_when_the_data_has_moved_on(database: Database) -> None:
    first = save(database, agreement("Treaty on Oʻzbekiston", ("Kazakhstan", "Türkiye")))
    with database.sessions() as session:
        index = FacetIndex.build(session)
        assert index is not None and index.is_current(session)
        assert index.ids(session, AgreementFilter(text="тоқаев"), Sort()) == []
    with database.sessions.begin() as session:
        data, version = load_input(session, first)
        update(session, first, dataclasses.replace(data, summary="Signed by Тоқаев."), version)
    with database.sessions() as session:
        assert not index.is_current(session)
        fresh = FacetIndex.build(session)
        assert fresh is not None
        assert fresh.ids(session, AgreementFilter(text="токаев"), Sort()) == [first]


def test_an_empty_database_has_an_empty_index(database: Database) -> None:
    with database.sessions() as session:
        index = FacetIndex.build(session)
        assert index is not None
        assert index.total == 0
        assert index.ids(session, AgreementFilter(), Sort()) == []
        assert index.facets(session, AgreementFilter()) == facet_counts(session, AgreementFilter())


def test_a_change_committed_while_the_index_is_built_never_breaks_it(database: Database) -> None:
    for title in ("Energy charter", "Rail protocol", "Customs memorandum"):
        save(database, agreement(title, ("Kazakhstan", "Uzbekistan")))
    added: list[int] = []

    def meanwhile() -> None:  # another analyst saves between two of the build's reads
        if not added:
            added.append(save(database, agreement("Treaty with Türkiye", ("Türkiye",))))

    with database.sessions() as session:
        index = FacetIndex.build(session, meanwhile)
        assert added and index is not None
        assert index.total == 3  # one state of the data: the one before the save
        assert len(index.facets(session, AgreementFilter()).parties) == 2  # no Türkiye yet
        assert not index.is_current(session)

"""Filtering, sorting and paging over the hand-made dataset of tests/builders.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from models.database import Database
from models.dates import PartialDate
from models.fields import field_paths
from models.query import (
    AgreementFilter,
    AgreementRow,
    Sort,
    SortColumn,
    agreement_ids,
    count,
    fetch_rows,
    field_tree,
    iter_rows,
    page,
    party_list,
)
from models.service import create, load_input, update
from models.text import fold, sort_key
from models.vocab import Kind, Level, Status
from tests.backends import BACKENDS, open_test_database
from tests.builders import DATASET, Dataset, agreement, build_dataset


@pytest.fixture(scope="module", params=BACKENDS)
def stored(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, Dataset]]:
    """One dataset for the whole module: these tests only read it."""
    with open_test_database(request.param, tmp_path_factory.mktemp("query")) as database:
        data = build_dataset(database)
        # Touch two agreements so that 'last updated' differs from the order of creation.
        for key in (3, 1):
            with database.sessions.begin() as session:
                current, version = load_input(session, data.ids[key])
                update(session, data.ids[key], current, version)
        yield database, data


@pytest.fixture
def database(stored: tuple[Database, Dataset]) -> Database:
    return stored[0]


@pytest.fixture
def data(stored: tuple[Database, Dataset]) -> Dataset:
    return stored[1]


def keys(database: Database, data: Dataset, wanted: AgreementFilter) -> set[int]:
    """Hand-count keys of the agreements matching *wanted*, checked against count()."""
    with database.sessions.begin() as session:
        found = agreement_ids(session, wanted)
        assert count(session, wanted) == len(found)
    return data.keys(found)


def date(text: str) -> PartialDate:
    return PartialDate.parse(text)


# ----------------------------------------------------------------- each dimension alone


def test_an_empty_filter_matches_everything(database: Database, data: Dataset) -> None:
    assert keys(database, data, AgreementFilter()) == set(range(1, 13))
    assert AgreementFilter().is_empty()


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        (("Transport",), {2, 3, 6, 9, 10, 12}),
        (("Transport > Rail",), {2, 3, 12}),
        (("Transport > Road",), {3, 9}),
        (("Energy", "Trade"), {1, 4, 5, 7, 8, 10}),
    ],
)
def test_fields_include_their_subfields(
    database: Database, data: Dataset, paths: tuple[str, ...], expected: set[int]
) -> None:
    wanted = AgreementFilter(fields=tuple(data.fields[path] for path in paths))
    assert keys(database, data, wanted) == expected


@pytest.mark.parametrize(
    ("names", "any_party", "expected"),
    [
        (("KAZ",), False, {1, 2, 3, 4, 6, 10, 11, 12}),
        (("KAZ", "UZB"), False, {1, 2, 3, 6, 11}),
        (("KAZ", "RUS"), False, {4, 11, 12}),
        (("KAZ", "UZB", "RUS"), False, {11}),
        (("TUR", "United Nations"), False, {7}),
        (("TUR", "United Nations"), True, {5, 6, 7, 9, 10}),
        (("KAZ", "UZB"), True, {1, 2, 3, 4, 5, 6, 9, 10, 11, 12}),
    ],
)
def test_parties_between_all_or_any(
    database: Database,
    data: Dataset,
    names: tuple[str, ...],
    any_party: bool,
    expected: set[int],
) -> None:
    wanted = AgreementFilter(parties=tuple(data.parties[n] for n in names), any_party=any_party)
    assert keys(database, data, wanted) == expected


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (AgreementFilter(kinds=(Kind.PROTOCOL,)), {8, 12}),
        (AgreementFilter(kinds=(Kind.MEMORANDUM, Kind.CHARTER)), {5, 7, 9}),
        (AgreementFilter(statuses=(Status.IN_FORCE,)), {2, 4, 7, 12}),
        (AgreementFilter(statuses=(Status.DRAFT, Status.ADOPTED)), {8, 11}),
        (AgreementFilter(statuses=(Status.EXPIRED,)), set()),
        (AgreementFilter(levels=(Level.INTERDEPARTMENTAL,)), {5, 9}),
        (AgreementFilter(levels=(Level.UNKNOWN, Level.INTERSTATE)), {1, 4, 7, 8, 11}),
    ],
)
def test_vocabulary_dimensions_match_any_chosen_value(
    database: Database, data: Dataset, wanted: AgreementFilter, expected: set[int]
) -> None:
    assert keys(database, data, wanted) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # 3 is '2021' (first day 1 January): before December 2021. 8 has no date.
        ("2021-12", None, {1, 2, 6, 11, 12}),
        # 2 is '2021-12' (1 December): up to 5 December. 1 and 11 are the 6th.
        (None, "2021-12-05", {2, 3, 4, 5, 7, 9, 10}),
        # 'up to 2021' takes in the whole year.
        ("2021", "2021", {1, 2, 3, 11}),
        ("2020-03-15", "2020", {9}),
        ("2020-03", "2020-03", {5}),
        # '2022' and '2022-01' both begin on 1 January 2022.
        ("2022-01", None, {6, 12}),
        ("2022-01-02", None, {6}),
        ("2021-01-01", "2021", {1, 2, 3, 11}),
        (None, "1990", set()),
        ("1900", "9999", set(range(1, 13)) - {8}),
    ],
)
def test_signed_range_compares_partial_dates_as_their_first_day(
    database: Database,
    data: Dataset,
    start: str | None,
    end: str | None,
    expected: set[int],
) -> None:
    wanted = AgreementFilter(
        signed_from=PartialDate.parse_optional(start), signed_to=PartialDate.parse_optional(end)
    )
    assert keys(database, data, wanted) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("rail", {2, 3, 12}),
        ("RAIL PROT", {12}),
        ("memorandum", {5, 9}),
        ("geneva", {9}),
        ("türkiye", {5, 6, 7, 10}),
        ("nothing like this", set()),
        ("", set(range(1, 13))),
        ("  ;  ", set(range(1, 13))),
    ],
)
def test_text_finds_words_and_prefixes(
    database: Database, data: Dataset, words: str, expected: set[int]
) -> None:
    assert keys(database, data, AgreementFilter(text=words)) == expected


# ----------------------------------------------------------------- combined


def test_dimensions_combine_with_and(database: Database, data: Dataset) -> None:
    wanted = AgreementFilter(
        fields=(data.fields["Transport"],),
        parties=(data.parties["KAZ"], data.parties["UZB"]),
        statuses=(Status.SIGNED,),
    )
    assert keys(database, data, wanted) == {3}
    assert keys(database, data, wanted.replace(statuses=())) == {2, 3, 6}
    assert keys(database, data, wanted.replace(text="corridor")) == set()
    assert keys(database, data, wanted.replace(statuses=(), text="corridor")) == {6}
    busy = AgreementFilter(
        kinds=(Kind.AGREEMENT, Kind.PROTOCOL),
        levels=(Level.INTERGOVERNMENTAL,),
        signed_from=date("2021"),
        text="rail",
    )
    assert keys(database, data, busy) == {2, 12}


def test_a_filter_survives_a_trip_through_json(data: Dataset) -> None:
    wanted = AgreementFilter(
        fields=(data.fields["Energy"],),
        parties=(data.parties["KAZ"],),
        any_party=True,
        kinds=(Kind.TREATY,),
        statuses=(Status.IN_FORCE,),
        levels=(Level.INTERSTATE,),
        signed_from=date("2019-05"),
        signed_to=date("2021"),
        text="Тоқаев",
    )
    assert AgreementFilter.from_json(wanted.to_json()) == wanted


# ----------------------------------------------------------------- sorting


def _expected_order(rows: list[AgreementRow], value: Any, descending: bool) -> list[int]:
    """Present values in order (ties by id), then missing values, by id, whichever way."""
    present = sorted((r for r in rows if value(r) is not None), key=lambda r: (value(r), r.id))
    missing = sorted((r for r in rows if value(r) is None), key=lambda r: r.id)
    if descending:
        present.reverse()
        missing.reverse()
    return [r.id for r in present + missing]


def _iso(date_value: PartialDate | None) -> str | None:
    return date_value.iso() if date_value else None


SORT_VALUES: dict[SortColumn, Any] = {
    SortColumn.TITLE: lambda r: sort_key(r.title),
    SortColumn.KIND: lambda r: r.kind.value,
    SortColumn.LEVEL: lambda r: r.level.value,
    SortColumn.STATUS: lambda r: r.status.value,
    SortColumn.SIGNED_ON: lambda r: _iso(r.signed_on),
    SortColumn.SIGNED_AT: lambda r: r.signed_at.lower() if r.signed_at else None,
    SortColumn.ENTRY_INTO_FORCE: lambda r: _iso(r.entry_into_force),
    SortColumn.EXPIRES_ON: lambda r: _iso(r.expires_on),
    SortColumn.PARTIES: lambda r: r.parties[0] if r.parties else None,
    SortColumn.FIELDS: lambda r: min((fold(f) for f in r.fields), default=None),
    SortColumn.UPDATED_AT: lambda r: r.updated_at,
    SortColumn.CREATED_AT: lambda r: r.id,  # created one after another
    SortColumn.ID: lambda r: r.id,
}


def test_every_sort_column_is_covered() -> None:
    assert set(SORT_VALUES) == set(SortColumn)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", list(SortColumn))
def test_sorting_by_each_column_puts_missing_values_last(
    database: Database, data: Dataset, column: SortColumn, descending: bool
) -> None:
    with database.sessions.begin() as session:
        ordered = agreement_ids(session, AgreementFilter(), Sort(column, descending))
        rows = fetch_rows(session, sorted(ordered))
    assert ordered == _expected_order(rows, SORT_VALUES[column], descending)


def test_sorting_examples_a_reader_would_check(database: Database, data: Dataset) -> None:
    def order(column: SortColumn, descending: bool = False) -> list[int]:
        with database.sessions.begin() as session:
            ids = agreement_ids(session, AgreementFilter(), Sort(column, descending))
        return [data.key(i) for i in ids]

    assert order(SortColumn.SIGNED_ON) == [10, 7, 4, 5, 9, 3, 2, 1, 11, 12, 6, 8]
    assert order(SortColumn.SIGNED_ON, descending=True) == [6, 12, 11, 1, 2, 3, 9, 5, 4, 7, 10, 8]
    assert order(SortColumn.TITLE)[:3] == [1, 5, 8]  # Alliance, Customs, Draft
    assert order(SortColumn.SIGNED_AT)[:4] == [5, 6, 9, 4]  # Ankara, Ankara, Geneva, Moscow
    assert order(SortColumn.FIELDS)[-1] == 11  # no field: last


# ----------------------------------------------------------------- rows, pages, streams


def test_pages_agree_with_the_ordered_ids(database: Database, data: Dataset) -> None:
    sort = Sort(SortColumn.TITLE, descending=True)
    wanted = AgreementFilter(statuses=(Status.SIGNED, Status.IN_FORCE, Status.ADOPTED))
    with database.sessions.begin() as session:
        ids = agreement_ids(session, wanted, sort)
        pages = [page(session, wanted, sort, offset, 4) for offset in range(0, 12, 4)]
        assert page(session, wanted, sort, len(ids), 4) == []
    assert [len(p) for p in pages] == [4, 4, 1]
    assert [row.id for p in pages for row in p] == ids


def test_iter_rows_streams_every_match_in_order(database: Database, data: Dataset) -> None:
    sort = Sort(SortColumn.SIGNED_ON, descending=True)
    with database.sessions.begin() as session:
        ids = agreement_ids(session, AgreementFilter(), sort)
        streamed = [row.id for row in iter_rows(session, AgreementFilter(), sort, batch=5)]
    assert streamed == ids


def test_fetch_rows_keeps_the_order_given_and_skips_missing_ids(
    database: Database, data: Dataset
) -> None:
    wanted = [data.ids[9], data.ids[2], 999_999, data.ids[5]]
    with database.sessions.begin() as session:
        rows = fetch_rows(session, wanted)
        assert fetch_rows(session, []) == []
    assert [row.id for row in rows] == [data.ids[9], data.ids[2], data.ids[5]]
    road = rows[0]
    assert road.title == "Road safety memorandum"
    assert road.parties == ("Uzbekistan", "United Nations")
    assert road.fields == ("Transport > Road",)
    assert road.signed_on == date("2020-11-30")
    assert (road.kind, road.status, road.level) == (
        Kind.MEMORANDUM,
        Status.SIGNED,
        Level.INTERDEPARTMENTAL,
    )
    assert rows[1].fields == ("Transport > Rail",)
    assert rows[1].entry_into_force == date("2022-03-01")


def test_field_tree_and_party_list_read_like_the_filter_panel(
    database: Database, data: Dataset
) -> None:
    with database.sessions.begin() as session:
        tree = field_tree(session)
        paths = field_paths(session)
        parties = party_list(session)
    assert [node.path for node in tree] == [
        "Energy",
        "Trade",
        "Transport",
        "Transport > Rail",
        "Transport > Road",
    ]
    rail = next(node for node in tree if node.name == "Rail")
    assert rail.parent_id == data.fields["Transport"]
    assert paths[data.fields["Transport > Road"]] == "Transport > Road"
    assert [(p.name, p.iso3) for p in parties] == [
        ("Kazakhstan", "KAZ"),
        ("Russian Federation", "RUS"),
        ("Türkiye", "TUR"),
        ("United Nations", None),
        ("Uzbekistan", "UZB"),
    ]
    assert len(DATASET) == 12


def test_a_deep_field_reads_as_one_path_everywhere(database: Database) -> None:
    # One builder (models.fields.path_from) serves the editor, the table, the tree and export.
    path = "Энергетика > Жаңартылатын көздер > Oʻzbekiston–Türkiye"
    with database.sessions.begin() as session:
        agreement_id = create(session, agreement("Күн энергиясы", fields=[path])).id
    with database.sessions.begin() as session:
        edited = load_input(session, agreement_id)[0].fields
        listed = fetch_rows(session, [agreement_id])[0].fields
        tree = [node.path for node in field_tree(session) if node.path.startswith("Энерг")]
        paths = {found for found in field_paths(session).values() if found.startswith("Энерг")}
    assert edited == [path] and listed == (path,)
    assert tree == ["Энергетика", "Энергетика > Жаңартылатын көздер", path]
    assert paths == set(tree)

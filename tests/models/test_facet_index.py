"""The in-memory index answers every filter, count and sort exactly as the SQL does."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select

from benchmarks.generate import generate
from models import due_index, facet_index
from models.attachments import attach_file
from models.catalog import merge_parties, rename_party
from models.database import Database, open_database
from models.database_copy import copy_database
from models.dates import PartialDate
from models.facet_index import FacetIndex
from models.parties import find_party
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
from models.schema import Agreement
from models.service import ParticipationInput, create, delete, load_input, update
from models.vocab import Kind, Level, Status
from tests.backends import BACKENDS, postgres_schema
from tests.builders import agreement, save


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


TEXTS = ("", "k", "energy", "Türkiye", "оқ", "oʻzbek", "zzzz")


def filters(
    choices: dict[str, list[int]], texts: Sequence[str] = TEXTS, *, due: bool = True
) -> st.SearchStrategy[AgreementFilter]:
    """Random filters over these fields and parties; with *due*, deadline windows too."""
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
        text=st.sampled_from(list(texts)),
        due_within=st.sampled_from([None, None, 0, 30, 365, 3650] if due else [None]),
        due_overdue=st.booleans() if due else st.just(False),
        due_as_of=st.sampled_from(
            [None, date(1990, 1, 1), date(2026, 12, 1), date(2031, 2, 28)] if due else [None]
        ),
    )


@pytest.mark.parametrize(
    "limit", [0, 10**9], ids=["filtering the order, parties counted by sets", "ranking, by links"]
)
def test_random_filters_match_the_sql_exactly(
    generated: Database, index: FacetIndex, choices: dict[str, list[int]], limit: int
) -> None:
    index.sparse_limit = index.links_limit = limit
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


# ----------------------------------------------------------------- patching in place

TITLES = ("Treaty on Oʻzbekiston", "Тоқаев energy memorandum", "Türkiye rail protocol", "Zeta")
PARTY_NAMES = ("Kazakhstan", "Uzbekistan", "Türkiye", "Russia")
FIELD_NAMES = ("Energy", "Transport > Rail", "Transport > Road", "Trade")
DATES = ("", "2021", "2021-12", "2021-12-06", "1999-05-01", "2030")
# Expiries after every signing date above: each is a deadline the due filter finds.
EXPIRIES = ("", "2031-06-30", "2031-02", "2035")

steps = st.lists(
    st.one_of(
        st.tuples(
            st.just("create"),
            st.sampled_from(TITLES),
            st.lists(st.sampled_from(PARTY_NAMES), min_size=1, max_size=2, unique=True),
            st.lists(st.sampled_from(FIELD_NAMES), max_size=2, unique=True),
            st.sampled_from(DATES),
            st.sampled_from(list(Status)),
        ),
        st.tuples(
            st.just("edit"),
            st.integers(0, 50),
            st.sampled_from(TITLES),
            st.sampled_from(DATES),
            st.sampled_from(list(Kind)),
            st.sampled_from(EXPIRIES),
        ),
        st.tuples(st.just("delete"), st.integers(0, 50)),
    ),
    min_size=1,
    max_size=6,
)


def _write(database: Database, step: tuple) -> set[int]:  # type: ignore[type-arg]
    """Do one random write; the agreement ids it touched."""
    with database.sessions.begin() as session:
        existing = sorted(session.scalars(select(Agreement.id)))
        if step[0] == "create":
            _kind, title, parties, fields, signed_on, status = step
            data = agreement(
                title, tuple(parties), fields=list(fields), signed_on=signed_on, status=status.value
            )
            return {create(session, data).id}
        if not existing:
            return set()
        target = existing[step[1] % len(existing)]
        if step[0] == "delete":
            delete(session, [target])
            return {target}
        _kind, _number, title, signed_on, kind, expires_on = step
        data, version = load_input(session, target)
        changed = dataclasses.replace(
            data, title=title, signed_on=signed_on, kind=kind.value, expires_on=expires_on
        )
        update(session, target, changed, version)
        return {target}


def _same_answers(database: Database, patched: FacetIndex) -> None:
    with database.sessions() as session:
        fresh = FacetIndex.build(session)
        assert fresh is not None and patched.is_current(session)
        assert patched.total == fresh.total
        wanted_all = [
            AgreementFilter(),
            AgreementFilter(statuses=(Status.SIGNED, Status.IN_FORCE)),
            AgreementFilter(signed_from=PartialDate(2000), text="energy"),
            AgreementFilter(parties=tuple(p.id for p in party_list(session))[:2], any_party=True),
            AgreementFilter(parties=tuple(p.id for p in party_list(session))[:1]),
            AgreementFilter(fields=tuple(f.id for f in field_tree(session))[:1]),
            # Deadlines patched in with their agreements (expiries set by the edits).
            AgreementFilter(due_within=365, due_as_of=date(2031, 1, 1)),
            AgreementFilter(due_overdue=True, due_as_of=date(2034, 1, 1)),
            # Short words: kept sets, patched with the titles the edits give.
            AgreementFilter(text="t"),
            AgreementFilter(text="оқ"),
            AgreementFilter(text="oʻ", statuses=(Status.SIGNED,)),
            AgreementFilter(text='"Z*"'),
        ]
        for wanted in wanted_all:
            assert patched.facets(session, wanted) == fresh.facets(session, wanted)
            for column in SortColumn:
                for descending in (False, True):
                    sort = Sort(column, descending)
                    assert patched.ids(session, wanted, sort) == agreement_ids(
                        session, wanted, sort
                    ), sort


@pytest.mark.parametrize(
    ("limit", "compact_after"),
    [(0, 1), (10**9, due_index.COMPACT_AFTER)],
    ids=[
        "filtering the order, parties counted by sets, deadlines made again",
        "ranking, parties counted by links, saved deadlines kept beside",
    ],
)
def test_a_patched_index_answers_as_a_fresh_one(
    database: Database, limit: int, compact_after: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(due_index, "COMPACT_AFTER", compact_after)
    for title in ("Energy charter", "Rail protocol", "Customs memorandum"):
        save(
            database,
            agreement(
                title, ("Kazakhstan", "Uzbekistan"), fields=["Energy"], signed_on="2020-01-02"
            ),
        )
    with database.sessions() as session:
        index = FacetIndex.build(session)
    assert index is not None
    index.sparse_limit = index.links_limit = limit

    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
    @given(steps, st.booleans())
    def check(sequence: list[tuple], by_audit: bool) -> None:  # type: ignore[type-arg]
        _same_answers(database, index)  # every sort order read, so each is patched
        touched: set[int] = set()
        for step in sequence:
            touched |= _write(database, step)
        with database.sessions() as session:
            # Told the ids (a save in this window), or left to find them (another window's).
            assert index.apply(session, () if by_audit else touched, known=not by_audit)
        _same_answers(database, index)

    check()


def test_a_change_nobody_can_explain_is_refused(database: Database) -> None:
    first = save(database, agreement("Energy charter", ("Kazakhstan", "Ministry of Energy")))
    save(database, agreement("Energy memorandum", ("Uzbekistan", "Energy Ministry")))
    with database.sessions() as session:
        index = FacetIndex.build(session)
    assert index is not None
    with database.sessions.begin() as session:  # a party merged elsewhere: not in the log
        parties = {p.name: p.id for p in party_list(session)}
        merge_parties(session, parties["Energy Ministry"], parties["Ministry of Energy"])
    with database.sessions() as session:
        assert not index.apply(session)
        assert index.apply(session, [first, first + 1], known=True)  # the merging window knows
        assert index.is_current(session)
        fresh = FacetIndex.build(session)
        assert fresh is not None
        assert index.facets(session, AgreementFilter()) == fresh.facets(session, AgreementFilter())


def test_more_changes_than_a_patch_takes_are_left_to_a_build(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(database, agreement("Energy charter", ("Kazakhstan",)))
    with database.sessions() as session:
        index = FacetIndex.build(session)
    assert index is not None
    monkeypatch.setattr(facet_index, "PATCH_LIMIT", 2)
    for title in ("Rail protocol", "Customs memorandum", "Treaty on Oʻzbekiston water"):
        save(database, agreement(title, ("Uzbekistan", "Türkiye")))
    with database.sessions() as session:
        assert not index.apply(session)  # an import elsewhere, say: build again
        assert not index.is_current(session)
        assert index.total == 1  # left as it was


# ----------------------------------------------------------------- short search words

# A letter or two as typed: Latin, Kazakh Cyrillic, Uzbek ʻ, Turkish dotted and dotless i,
# a whole word, and the operators the search box lets through.
SHORT_TEXTS = ("k", "K*", '"t"', "т", "қ", "тқ", "oʻ", "ı", "İ", "i", "ü", "tü", "ok", "zz")


@pytest.mark.parametrize("limit", [0, 10**9], ids=["order walked beside", "ranking"])
def test_short_search_words_match_the_sql_exactly(
    generated: Database, index: FacetIndex, choices: dict[str, list[int]], limit: int
) -> None:
    index.sparse_limit = index.links_limit = limit
    sorts = st.builds(Sort, st.sampled_from(list(SortColumn)), st.booleans())

    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
    @given(filters(choices, SHORT_TEXTS), sorts, st.booleans(), st.booleans())
    def check(wanted: AgreementFilter, sort: Sort, exclude_own: bool, alone: bool) -> None:
        if alone:  # the search by itself: its kept set and kept counts
            wanted = AgreementFilter(text=wanted.text)
        with generated.sessions() as session:
            index.forget_searches()  # a new search: the short words' sets stay
            assert index.ids(session, wanted, sort) == agreement_ids(session, wanted, sort)
            assert index.facets(session, wanted, exclude_own=exclude_own) == facet_counts(
                session, wanted, exclude_own=exclude_own
            )

    check()


def test_a_short_search_word_is_kept_until_a_save_and_then_asked_again(database: Database) -> None:
    first = save(database, agreement("Zeta", ("Kazakhstan",)))
    save(database, agreement("Тоқаев visit", ("Uzbekistan",)))
    searched: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "MATCH" in statement or "LIKE" in statement or "@@" in statement:
            searched.append(statement)

    with database.sessions() as session:
        index = FacetIndex.build(session)
        assert index is not None
        alone, letter = AgreementFilter(text="қ"), AgreementFilter(text="w")
        assert index.ids(session, alone, Sort()) == agreement_ids(session, alone, Sort())
        assert first not in index.ids(session, letter, Sort())
        event.listen(database.engine, "before_cursor_execute", seen)
        try:
            index.forget_searches()  # typed again: answered without asking the database
            assert index.ids(session, alone, Sort()) == agreement_ids(session, alone, Sort())
            assert index.facets(session, alone) == facet_counts(session, alone)
            searched.clear()
            index.forget_searches()
            index.ids(session, alone, Sort())
            index.facets(session, alone)
            assert searched == []
        finally:
            event.remove(database.engine, "before_cursor_execute", seen)
    with database.sessions.begin() as session:  # "Zeta" becomes a water treaty
        data, version = load_input(session, first)
        update(session, first, dataclasses.replace(data, title="Water treaty"), version)
    with database.sessions() as session:
        event.listen(database.engine, "before_cursor_execute", seen)
        try:
            searched.clear()
            assert index.apply(session, [first], known=True)
            assert searched == []  # a save's patch asks no search of the database
        finally:
            event.remove(database.engine, "before_cursor_execute", seen)
        assert first in index.ids(session, letter, Sort())
        assert index.ids(session, letter, Sort()) == agreement_ids(session, letter, Sort())
        assert index.facets(session, letter) == facet_counts(session, letter)
        for wanted in (alone, AgreementFilter(text="Z")):
            assert index.ids(session, wanted, Sort()) == agreement_ids(session, wanted, Sort())
            assert index.facets(session, wanted) == facet_counts(session, wanted)


def _edit(database: Database, agreement_id: int, **values: object) -> None:
    with database.sessions.begin() as session:
        data, version = load_input(session, agreement_id)
        update(session, agreement_id, dataclasses.replace(data, **values), version)


def test_a_save_keeps_the_counts_and_due_windows_it_does_not_touch_and_moves_the_rest(
    database: Database,
) -> None:
    # The counts with no filter and the due windows are brought up to date by each save
    # rather than counted again: an agreement leaves its old values and its old window.
    energy = save(
        database,
        agreement(
            "Energy charter",
            ("Kazakhstan", "Türkiye"),
            fields=["Energy"],
            signed_on="2020-01-02",
            expires_on="2031-06-30",
            status="in force",
        ),
    )
    save(database, agreement("Тоқаев rail protocol", ("Oʻzbekiston",), signed_on="2021"))
    soon = AgreementFilter(due_within=365, due_as_of=date(2031, 1, 1))
    with database.sessions() as session:
        index = FacetIndex.build(session)
        assert index is not None
        before = index.facets(session, AgreementFilter())
        assert before.statuses[Status.IN_FORCE] == 1
        assert index.ids(session, soon, Sort()) == [energy]
    _edit(
        database,
        energy,
        status="terminated",
        expires_on="2035",
        parties=[ParticipationInput(party="Oʻzbekiston")],
    )
    with database.sessions() as session:
        assert index.apply(session, [energy], known=True)
        for wanted in (AgreementFilter(), soon):
            assert index.facets(session, wanted) == facet_counts(session, wanted)
        after = index.facets(session, AgreementFilter())
        assert Status.IN_FORCE not in after.statuses and after.statuses[Status.TERMINATED] == 1
        assert index.ids(session, soon, Sort()) == []  # its expiry moved out of the window


def test_a_save_that_leaves_its_agreement_in_place_hands_back_the_list_shown(
    database: Database,
) -> None:
    # The window sees at once that the rows are the ones it shows (no compare of every id).
    first = save(database, agreement("Energy charter", signed_on="2020-01-02"))
    save(database, agreement("Тоқаев rail protocol", signed_on="2021"))
    save(database, agreement("Türkiye transit memorandum"))
    newest = Sort(SortColumn.SIGNED_ON, descending=True)
    with database.sessions() as session:
        index = FacetIndex.build(session)
        assert index is not None
        shown = index.ids(session, AgreementFilter(), newest)
    _edit(database, first, title="Energy charter (amended)")
    with database.sessions() as session:
        assert index.apply(session, [first], known=True)
        assert index.ids(session, AgreementFilter(), newest) is shown
    _edit(database, first, signed_on="2022-03-04")  # now the newest: it moves up
    with database.sessions() as session:
        assert index.apply(session, [first], known=True)
        moved = index.ids(session, AgreementFilter(), newest)
        assert moved == agreement_ids(session, AgreementFilter(), newest) != shown
        assert moved[0] == first


# ----------------------------------------------------------------- first letters

# Letters as typed, the word each stands for once folded (k, к, o, w, x, ...), a letter
# that is not kept (Greek), and a word of two letters.
LETTER_TEXTS = ("k", "K", "қ", "к", "Oʻ", "o", "w", "x", "z", "ε", "ka")


def _searches(database: Database) -> tuple[list[str], Callable[[], None]]:
    """The statements that ask the search tables, recorded until the returned stop()."""
    searched: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "MATCH" in statement or "LIKE" in statement or "@@" in statement:
            searched.append(statement)

    event.listen(database.engine, "before_cursor_execute", seen)
    return searched, lambda: event.remove(database.engine, "before_cursor_execute", seen)


def _same_as_sql(database: Database, index: FacetIndex, texts: Sequence[str]) -> None:
    with database.sessions() as session:
        assert index.is_current(session)
        for typed in texts:
            for wanted in (
                AgreementFilter(text=typed),
                AgreementFilter(text=typed, kinds=(Kind.TREATY, Kind.AGREEMENT)),
            ):
                sorts = (Sort(), Sort(descending=True), Sort(SortColumn.TITLE, descending=True))
                for sort in sorts:
                    assert index.ids(session, wanted, sort) == agreement_ids(session, wanted, sort)
                assert index.facets(session, wanted) == facet_counts(session, wanted), typed


def test_a_first_letter_is_read_with_the_index_and_never_asked_of_the_database(
    database: Database,
) -> None:
    save(database, agreement("Kyrgyz water treaty", ("Uzbekistan",)))
    save(database, agreement("Қазақ energy memorandum", ("Türkiye",)))
    save(database, agreement("Treaty on Oʻzbekiston roads", ("Türkiye",)))
    with database.sessions() as session:
        index = FacetIndex.build(session)
    assert index is not None
    searched, stop = _searches(database)
    try:
        _same_as_sql(database, index, ("k", "қ", "к", "Oʻ", "w", "x"))
    finally:
        stop()
    # SQLite's search table: each letter's set was read with the index, not at its search
    # (the SQL compared with asks it, in the statements that join the agreements).
    by_index = [s for s in searched if "agreement_search MATCH" in s and "JOIN" not in s]
    if database.engine.dialect.name == "sqlite":
        assert [s for s in by_index if "group_concat" in s] == []
        assert sorted(index.state().letters) == sorted(facet_index.LETTERS)


@pytest.mark.parametrize("paths", ["as built", "sets and places"])
def test_first_letters_stay_exact_through_saves_deletes_and_attachments(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paths: str
) -> None:
    """Each save patches the letters' sets, their counts and their places in the signing-date
    order: a title that starts with k (or қ, or Oʻ) added, changed, deleted; a title FTS5 may
    split otherwise (Greek); text in an attachment. Then more saves than are moved in place."""
    if paths == "sets and places":  # as at a million: counted by sets, ids walked by places
        for name in ("_SPARSE_SHARE", "_LINKS_SHARE", "_YEAR_BYTES_SHARE"):
            monkeypatch.setattr(facet_index, name, 10**9)
        monkeypatch.setattr(facet_index, "_SPARSE", 0)
    kyrgyz = save(database, agreement("Kyrgyz water treaty", ("Uzbekistan",)))
    kazakh = save(database, agreement("Қазақ energy memorandum", ("Türkiye",)))
    greek = save(database, agreement("Ελλάδα rail protocol", ("Türkiye",)))
    with database.sessions() as session:
        index = FacetIndex.build(session)
    assert index is not None
    _same_as_sql(database, index, LETTER_TEXTS)
    added = save(database, agreement("Oʻzbekiston–Kazakhstan customs", ("Uzbekistan",)))
    with database.sessions.begin() as session:
        data, version = load_input(session, kyrgyz)
        update(session, kyrgyz, dataclasses.replace(data, title="Zeta treaty"), version)
        data, version = load_input(session, greek)
        update(session, greek, dataclasses.replace(data, title="Ελλάδα wool kombinat"), version)
        delete(session, [kazakh])
    attached = tmp_path / "annex.txt"
    attached.write_text("Xylography annex, Ξάνθη", encoding="utf-8")
    with database.sessions.begin() as session:
        attach_file(session, added, attached)
    searched, stop = _searches(database)
    try:
        with database.sessions() as session:
            assert index.apply(session)
    finally:
        stop()
    # Only the changed agreements are asked of FTS5 (the Greek title, the attachment).
    assert all("rowid IN" in statement for statement in searched)
    if database.engine.dialect.name == "sqlite":
        tables = {statement.split(" MATCH")[0].split()[-1] for statement in searched}
        assert tables == {"agreement_search", "attachment_search"}
    with database.sessions() as session:
        assert index.ids(session, AgreementFilter(text="x"), Sort()) == [added]
    kept = index.state()
    if database.engine.dialect.name == "sqlite":  # PostgreSQL keeps no letters: asks its index
        assert ("k", "fields") in kept.letter_counts  # counts moved with the saves, not dropped
        assert bool(kept.letter_placed) == (paths == "sets and places")
    _same_as_sql(database, index, LETTER_TEXTS)
    for title in ("Kazakh wool", "Kilim trade", "Қорғас gate", "Zinc", "Oʻrta Osiyo", "Kelp"):
        save(database, agreement(title, ("Türkiye",)))
    with database.sessions() as session:
        assert index.apply(session)
    _same_as_sql(database, index, LETTER_TEXTS)


def test_first_letters_follow_a_party_renamed(database: Database) -> None:
    """A party's name is in each of its agreements' search rows, re-indexed with no audit
    line of theirs: the letters' sets are dropped, and a letter asked of FTS5 again."""
    save(database, agreement("Water treaty", ("Uzbekistan",)))
    with database.sessions() as session:
        index = FacetIndex.build(session)
        uzbekistan = find_party(session, "UZB")
    assert index is not None and uzbekistan is not None
    _same_as_sql(database, index, ("q", "u"))
    with database.sessions.begin() as session:
        rename_party(session, uzbekistan.id, "Qoraqalpogʻiston")
    save(database, agreement("Rail protocol", ("Türkiye",)))
    with database.sessions() as session:
        assert index.apply(session)
    _same_as_sql(database, index, ("q", "u", "r"))

"""The index kept beside a database file answers as a fresh one, and only for that file."""

from __future__ import annotations

import dataclasses
import json
import shutil
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, text

from benchmarks.generate import generate
from models import facet_index, index_file
from models.database import SCHEMA_REVISION, Database, open_database, sqlite_path
from models.facet_index import FacetIndex
from models.query import (
    AgreementFilter,
    Sort,
    SortColumn,
    agreement_ids,
    facet_counts,
    field_tree,
    party_list,
)
from models.service import delete, load_input, update
from tests.builders import agreement, save
from tests.models.test_facet_index import filters


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """400 generated agreements, their index built and kept beside them."""
    path: Path = tmp_path_factory.mktemp("kept") / "generated.db"
    generate(path, 400, seed=7)
    database = open_database(path, create=False)
    with database.sessions() as session:
        built = FacetIndex.build(session)
        assert built is not None
        assert index_file.save(session, built, _kept(database), SCHEMA_REVISION)
    database.close()
    return path


def _kept(database: Database) -> Path:
    kept = index_file.index_path(sqlite_path(database.url))
    assert kept is not None
    return kept


def _load(database: Database) -> FacetIndex | None:
    with database.sessions() as session:
        return index_file.load(session, _kept(database), SCHEMA_REVISION)


def test_the_file_sits_beside_the_database_named_after_it(tmp_path: Path) -> None:
    assert index_file.index_path(tmp_path / "treaties.db") == tmp_path / "treaties.db-index"
    assert index_file.index_path(None) is None  # a server, or a database in memory


def test_a_kept_index_answers_random_filters_as_the_sql_does(generated: Path) -> None:
    database = open_database(generated, create=False)
    index = _load(database)
    assert index is not None
    with database.sessions() as session:
        assert index.is_current(session)
        choices = {
            "fields": [node.id for node in field_tree(session)],
            "parties": [entry.id for entry in party_list(session)][:40],
        }
    sorts = st.builds(Sort, st.sampled_from(list(SortColumn)), st.booleans())

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(filters(choices), sorts)
    def check(wanted: AgreementFilter, sort: Sort) -> None:
        with database.sessions() as session:
            assert index.ids(session, wanted, sort) == agreement_ids(session, wanted, sort)
            assert index.facets(session, wanted) == facet_counts(session, wanted)

    check()
    database.close()


def test_a_kept_index_older_than_the_data_is_brought_up_to_date(tmp_path: Path) -> None:
    database = open_database(tmp_path / "treaties.db")
    first = save(database, agreement("Treaty on Oʻzbekiston water", ("Uzbekistan",)))
    with database.sessions() as session:
        built = FacetIndex.build(session)
        assert built is not None
        assert index_file.save(session, built, _kept(database), SCHEMA_REVISION)
    save(database, agreement("Тоқаев energy memorandum", ("Kazakhstan", "Türkiye")))
    with database.sessions.begin() as session:
        data, version = load_input(session, first)
        update(session, first, dataclasses.replace(data, title="Türkiye rail protocol"), version)
    index = _load(database)
    assert index is not None
    with database.sessions() as session:
        assert not index.is_current(session)
        assert index.apply(session)  # from the audit log, as for a change made elsewhere
        assert index.is_current(session)
        wanted = AgreementFilter(text="Türkiye")
        sort = Sort(SortColumn.TITLE)
        assert index.ids(session, wanted, sort) == agreement_ids(session, wanted, sort)
        assert index.facets(session, AgreementFilter()) == facet_counts(session, AgreementFilter())
    database.close()


def test_a_patched_index_is_kept_with_its_agreements_parties_as_they_are_now(
    tmp_path: Path,
) -> None:
    database = open_database(tmp_path / "treaties.db")
    first = save(database, agreement("Treaty on Oʻzbekiston water", ("Uzbekistan", "Kazakhstan")))
    second = save(database, agreement("Тоқаев energy memorandum", ("Kazakhstan", "Türkiye")))
    with database.sessions() as session:
        built = FacetIndex.build(session)
    assert built is not None
    # Patched in: an agreement added past the index's end, one deleted, one's parties changed.
    save(database, agreement("Türkiye rail protocol", ("Türkiye", "Russia", "Uzbekistan")))
    with database.sessions.begin() as session:
        delete(session, [first])
        data, version = load_input(session, second)
        update(session, second, dataclasses.replace(data, parties=data.parties[1:]), version)
    with database.sessions() as session:
        assert built.apply(session)
        assert index_file.save(session, built, _kept(database), SCHEMA_REVISION)
    index = _load(database)
    assert index is not None
    index.links_limit = 10**9  # every match counted by its agreements' parties
    with database.sessions() as session:
        assert index.is_current(session)
        wanted_all = [AgreementFilter(parties=(p.id,)) for p in party_list(session)]
        wanted_all += [AgreementFilter(text="Türkiye"), AgreementFilter(text="water")]
        for wanted in wanted_all:
            assert index.facets(session, wanted) == facet_counts(session, wanted), wanted
        assert index.facets(session, AgreementFilter(text="rail")).parties == {
            p.id: 1 for p in party_list(session) if p.name != "Kazakhstan"
        }
    database.close()


def test_the_index_of_another_file_is_not_used(generated: Path, tmp_path: Path) -> None:
    # A copy of the database and its index, say from another computer: another file.
    copy = tmp_path / "copy.db"
    shutil.copyfile(generated, copy)
    shutil.copyfile(index_file.index_path(generated), index_file.index_path(copy))  # type: ignore[arg-type]
    database = open_database(copy, create=False)
    assert _load(database) is None
    database.close()


def test_a_database_that_went_another_way_is_told_apart(tmp_path: Path) -> None:
    path = tmp_path / "treaties.db"
    database = open_database(path)
    save(database, agreement("Energy charter", ("Kazakhstan",)))
    with database.sessions() as session:
        built = FacetIndex.build(session)
        assert built is not None
        assert index_file.save(session, built, _kept(database), SCHEMA_REVISION)
    # The same file, its rows replaced in place with others at the same revision.
    with database.engine.begin() as connection:
        revision = connection.execute(text("SELECT value FROM data_revision")).scalar_one()
        connection.execute(text("UPDATE agreements SET updated_at = '2031-01-01 00:00:00'"))
        connection.execute(text("UPDATE data_revision SET value = :v"), {"v": revision})
    assert _load(database) is None
    database.close()


def _kept_copy(generated: Path, tmp_path: Path) -> tuple[Database, Path]:
    """A copy of the generated database, opened, with its index built and kept beside it."""
    copy = tmp_path / "treaties.db"
    shutil.copyfile(generated, copy)
    database = open_database(copy, create=False)
    with database.sessions() as session:
        built = FacetIndex.build(session)
        assert built is not None
        assert index_file.save(session, built, _kept(database), SCHEMA_REVISION)
    return database, _kept(database)


@pytest.mark.parametrize(
    "damage",
    [b"", b"not an index", "cut short"],
    ids=["empty", "something else", "cut short"],
)
def test_a_damaged_file_is_not_used(generated: Path, tmp_path: Path, damage: object) -> None:
    database, kept = _kept_copy(generated, tmp_path)
    whole = kept.read_bytes()
    kept.write_bytes(whole[: len(whole) // 2] if damage == "cut short" else damage)  # type: ignore[arg-type]
    assert _load(database) is None
    database.close()


def test_an_index_from_another_schema_is_not_used(generated: Path) -> None:
    database = open_database(generated, create=False)
    with database.sessions() as session:
        assert index_file.load(session, _kept(database), "0001") is None
    database.close()


def _header(kept: Path) -> tuple[bytes, dict]:  # type: ignore[type-arg]
    whole = kept.read_bytes()
    (length,) = struct.unpack("<Q", whole[-8:])
    return whole[: -8 - length], json.loads(whole[-8 - length : -8])


def _with_header(kept: Path, data: bytes, header: dict) -> None:  # type: ignore[type-arg]
    encoded = json.dumps(header).encode()
    kept.write_bytes(data + encoded + struct.pack("<Q", len(encoded)))


@pytest.mark.parametrize(
    "damage",
    ["a flipped byte", "parts past the end", "nested header", "another version", "format 3"],
)
def test_a_damaged_or_foreign_file_is_built_again_never_trusted(
    generated: Path, tmp_path: Path, damage: str
) -> None:
    """A bad disk's flipped byte would give wrong counts at every opening; a header that
    lies about its parts once stopped the index for good: each is simply not used."""
    database, kept = _kept_copy(generated, tmp_path)
    assert _load(database) is not None  # as written, it is used
    data, header = _header(kept)
    if damage == "a flipped byte":
        middle = len(data) // 2
        _with_header(kept, data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :], header)
    elif damage == "parts past the end":
        _with_header(kept, data, {**header, "blobs": [*header["blobs"][:-1], 10**9]})
    elif damage == "nested header":
        encoded = ("[" * 100_000 + "]" * 100_000).encode()
        kept.write_bytes(data + encoded + struct.pack("<Q", len(encoded)))
    elif damage == "another version":
        _with_header(kept, data, {**header, "app": "0.0.1"})
    else:  # written before the first letters were kept: none to read, so built again
        _with_header(
            kept, data, {**{k: v for k, v in header.items() if k != "letters"}, "format": 3}
        )
    assert _load(database) is None
    database.close()


def test_a_kept_index_has_the_first_letters_ready_as_built(
    generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read back, the first letters' sets, counts and places are those built: a first `k`
    asks no search of the database, and answers as SQL does."""
    for name in ("_SPARSE_SHARE", "_LINKS_SHARE", "_YEAR_BYTES_SHARE"):
        monkeypatch.setattr(facet_index, name, 10**9)  # as at a million: sets and places
    monkeypatch.setattr(facet_index, "_SPARSE", 0)
    database, _kept_path = _kept_copy(generated, tmp_path)
    with database.sessions() as session:
        built = FacetIndex.build(session)
    index = _load(database)
    assert built is not None and index is not None
    kept, fresh = index.state(), built.state()
    assert kept.letters == fresh.letters and "k" in kept.letters
    assert kept.letter_counts == fresh.letter_counts and kept.letter_counts
    assert kept.letter_placed == fresh.letter_placed and kept.letter_placed
    assert kept.party_words == fresh.party_words
    searched: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "MATCH" in statement:
            searched.append(statement)

    with database.sessions() as session:
        event.listen(database.engine, "before_cursor_execute", seen)
        try:
            for typed in ("k", "қ", "Oʻ", "т"):
                index.ids(session, AgreementFilter(text=typed), Sort(descending=True))
                index.facets(session, AgreementFilter(text=typed))
            assert searched == []
        finally:
            event.remove(database.engine, "before_cursor_execute", seen)
        for typed in ("k", "қ", "Oʻ", "т"):
            wanted = AgreementFilter(text=typed)
            found = index.ids(session, wanted, Sort(descending=True))
            assert found == agreement_ids(session, wanted, Sort(descending=True))
            counts = index.facets(session, wanted)
            assert counts == facet_counts(session, wanted)
    database.close()

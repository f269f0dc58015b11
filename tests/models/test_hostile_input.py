"""Hostile input to the models: over-long text, lone surrogates, odd JSON, files that never end.

Each refusal names what is wrong and where, and changes nothing; what fits is saved on
SQLite as on PostgreSQL (which, unlike SQLite, enforces VARCHAR lengths).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import String, func, select

from models import catalog
from models.catalog import CatalogError
from models.database import Database
from models.exchange import ImportFailed, import_file
from models.fields import find_field
from models.parties import find_party
from models.query import AgreementFilter, agreement_ids
from models.schema import Agreement
from models.service import (
    OPTIONAL_TEXT_FIELDS,
    AgreementInput,
    MilestoneInput,
    ParticipationInput,
    ValidationError,
    create,
    load_input,
    validate,
)
from models.terms import TERM_FIELDS
from models.views import ViewNameError, save_view
from tests.builders import agreement, save, table_counts

Build = Callable[[int], AgreementInput]


def base(**values: object) -> AgreementInput:
    """An agreement that saves, with *values* (any AgreementInput attribute) changed."""
    template = agreement("Alliance of Oʻzbekiston and Türkiye", ("Kazakhstan",))
    return dataclasses.replace(template, **values)  # type: ignore[arg-type]


# Every VARCHAR a user fills, as (validate() key, the column's limit, an input of n chars).
LIMITS: list[tuple[str, int, Build]] = [
    ("title", 2000, lambda n: base(title="T" * n)),
    *[
        (name, length, lambda n, name=name: base(**{name: "ü" * n}))
        for name, length in (
            ("short_title", 500),
            ("signed_at", 300),
            ("entry_into_force_rule", 1000),
            ("duration", 300),
            ("renewal", 1000),
            ("termination_grounds", 1000),
            ("depositary", 300),
            ("un_registration", 100),
            ("source_citation", 1000),
        )
    ],
    ("source_url", 2000, lambda n: base(source_url="https://example.org/" + "a" * (n - 20))),
    (
        "parties.0.party",
        300,
        lambda n: base(parties=[ParticipationInput(party="Türkiye fonu " + "ş" * (n - 13))]),
    ),
    (
        "parties.0.signatory_name",
        300,
        lambda n: base(parties=[ParticipationInput("KAZ", signatory_name="Қ" * n)]),
    ),
    (
        "parties.0.signatory_title",
        300,
        lambda n: base(parties=[ParticipationInput("KAZ", signatory_title="P" * n)]),
    ),
    ("fields.0", 200, lambda n: base(fields=["Energy > " + "e" * n])),
    # A path of five nested fields, 1,000 characters in all with its ' > ' separators.
    ("fields.0", 1000, lambda n: base(fields=[" > ".join(["f" * 198] * 4 + ["g" * (n - 804)])])),
    (
        "milestones.0.description",
        1000,
        lambda n: base(milestones=[MilestoneInput("review due", "2026", "d" * n)]),
    ),
]
IDS = [f"{key}-{limit}" for key, limit, _ in LIMITS]


@pytest.mark.parametrize(("key", "limit", "build"), LIMITS, ids=IDS)
def test_text_at_its_columns_limit_saves_on_both_back_ends(
    database: Database, key: str, limit: int, build: Build
) -> None:
    data = build(limit)
    assert validate(data) == {}
    agreement_id = save(database, data)
    with database.sessions.begin() as session:
        stored = load_input(session, agreement_id)[0]
    assert value_at(stored, key) == value_at(data, key)


@pytest.mark.parametrize(("key", "limit", "build"), LIMITS, ids=IDS)
def test_text_one_character_too_long_is_refused_by_name_and_nothing_is_written(
    database: Database, key: str, limit: int, build: Build
) -> None:
    before = table_counts(database)
    with pytest.raises(ValidationError) as refused, database.sessions.begin() as session:
        create(session, build(limit + 1))
    assert list(refused.value.errors) == [key]
    assert f"{limit + 1} characters (the limit is {limit})" in refused.value.errors[key]
    assert table_counts(database) == before


def test_every_text_column_an_agreement_input_fills_is_checked() -> None:
    """A VARCHAR added to agreements later must get a limit in validate() (and a case above)."""
    checked = {"title", *OPTIONAL_TEXT_FIELDS}
    # The structured terms are stored in models.terms' canonical form, never as typed: the
    # parser bounds their length (test_deadlines.py shows the longest fit).
    terms = {name for name, _, _ in TERM_FIELDS}
    written_by_the_app = {"title_key", "created_by", "updated_by", *terms}
    varchars = {
        column.name
        for column in Agreement.__table__.columns
        if type(column.type) is String and column.name not in written_by_the_app
    }
    assert varchars == checked
    assert {key for key, _, _ in LIMITS} >= checked


def test_every_problem_is_listed_at_once() -> None:
    data = base(
        signed_at="x" * 301,
        depositary="y" * 301,
        parties=[ParticipationInput("KAZ", signatory_name="s" * 301)],
        milestones=[MilestoneInput("other", description="d" * 1001)],
    )
    assert set(validate(data)) == {
        "signed_at",
        "depositary",
        "parties.0.signatory_name",
        "milestones.0.description",
    }


def test_a_party_name_that_grows_when_folded_is_measured_as_its_search_key() -> None:
    """'ß' folds to 'ss': 300 characters that fold to 301 would not fit the alias key."""
    errors = validate(base(parties=[ParticipationInput(party="Straße " + "ß" * 293)]))
    assert errors == {
        "parties.0.party": (
            "party name is too long: 300 characters, 594 once folded for search (the limit is 300)"
        )
    }


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"title": "Alliance \ud800"}, "title"),
        ({"summary": "Тоқаев \udfff"}, "summary"),
        ({"alternative_titles": ["ok", "bad \udc80"]}, "alternative_titles.1"),
        ({"fields": ["Energy > \ud83d"]}, "fields.0"),
        ({"parties": [ParticipationInput("Oʻzbekiston \ud800")]}, "parties.0.party"),
        (
            {"milestones": [MilestoneInput("other", description="\ud800")]},
            "milestones.0.description",
        ),
    ],
)
def test_a_lone_surrogate_is_refused_where_it_is(
    database: Database, changes: dict[str, object], key: str
) -> None:
    data = dataclasses.replace(base(), **changes)
    errors = validate(data)
    assert list(errors) == [key]
    assert "lone surrogate" in errors[key]
    before = table_counts(database)
    with pytest.raises(ValidationError), database.sessions.begin() as session:
        create(session, data)
    assert table_counts(database) == before


def test_a_whole_emoji_is_not_a_surrogate() -> None:
    assert validate(base(summary="Oʻzbekiston 🇺🇿 Türkiye 🇹🇷")) == {}


def test_renaming_a_party_field_or_view_checks_the_same_limits(database: Database) -> None:
    save(
        database, base(parties=[ParticipationInput("Türk Devletleri Teşkilatı")], fields=["A > B"])
    )
    before = table_counts(database)
    renames = [
        (catalog.rename_party, "Türk Devletleri Teşkilatı", "Ş" * 301, "party name is too long"),
        (catalog.rename_party, "Türk Devletleri Teşkilatı", "OTS \ud800", "lone surrogate"),
        (catalog.rename_field, "A", "Ə" * 201, "a field's name is too long: 201 characters"),
    ]
    for rename, old, new, words in renames:
        with pytest.raises(CatalogError) as refused, database.sessions.begin() as session:
            item = find_party(session, old) if rename is catalog.rename_party else None
            item = item or find_field(session, old)
            assert item is not None
            rename(session, item.id, new)
        assert words in str(refused.value)
    with pytest.raises(ViewNameError) as refused, database.sessions.begin() as session:
        save_view(session, "Орталық Азия " * 20, AgreementFilter())
    assert "a view's name is too long: 259 characters (the limit is 200)" in str(refused.value)
    assert table_counts(database) == before


def test_renaming_a_field_checks_the_paths_below_it(database: Database) -> None:
    """Renaming 'A' in a path of five 198-letter fields would make the path too long."""
    path = " > ".join(["A", *["f" * 198] * 4])
    save(database, base(fields=[path]))
    with pytest.raises(CatalogError) as refused, database.sessions.begin() as session:
        field = find_field(session, "A")
        assert field is not None
        catalog.rename_field(session, field.id, "Ə" * 200)
    assert str(refused.value) == "field path is too long: 1004 characters (the limit is 1000)"
    with database.sessions.begin() as session:
        assert find_field(session, path) is not None


# ----------------------------------------------------------------- search


LONG_WORD = "Ы" * 1500  # 3,000 bytes in UTF-8: over PostgreSQL's 2,046 for a word


def test_a_word_longer_than_a_postgresql_lexeme_saves_and_is_found(database: Database) -> None:
    summary = f"Тоқаев signed {LONG_WORD} in Türkiye, {LONG_WORD}."
    long_id = save(database, base(summary=summary))
    other_id = save(database, base(title="Other", summary="Ы" * 1000))
    with database.sessions.begin() as session:

        def found(text: str) -> list[int]:
            return agreement_ids(session, AgreementFilter(text=text))

        assert found(LONG_WORD) == [long_id]
        assert found("ы" * 1200) == [long_id]
        assert found("ыыы") == [long_id, other_id]
        assert found("токаев türkiye") == [long_id]
        assert found("Ы" * 1000) == [long_id, other_id]


def test_a_summary_of_many_long_words_saves(database: Database) -> None:
    """A megabyte of distinct words is more than a tsvector holds; the agreement still saves."""
    words = " ".join(f"w{number:06d}{'x' * 600}" for number in range(2000))
    agreement_id = save(database, base(summary=words))
    with database.sessions.begin() as session:
        assert agreement_ids(session, AgreementFilter(text="w000000")) == [agreement_id]
        stored = session.scalar(select(func.length(Agreement.summary)))
    assert stored == len(words)


# ----------------------------------------------------------------- JSON


def import_json(database: Database, path: Path, text: str) -> list[str]:
    """Import *text* as a JSON file that must be refused; the problems, as printed."""
    path.write_text(text, encoding="utf-8")
    before = table_counts(database)
    with pytest.raises(ImportFailed) as refused, database.sessions.begin() as session:
        import_file(session, path)
    assert table_counts(database) == before
    return [str(problem) for problem in refused.value.problems]


def test_json_nested_a_hundred_thousand_levels_is_refused(
    database: Database, tmp_path: Path
) -> None:
    problems = import_json(database, tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000)
    assert problems == ["deep.json nests lists or objects too deeply to be agreements"]


def test_json_with_a_five_thousand_digit_number_names_its_key(
    database: Database, tmp_path: Path
) -> None:
    text = (
        '[{"title": "Alliance", "kind": "treaty", "status": "signed", "parties": ["KAZ"], '
        f'"summary": {"9" * 5000}, "signed_on": -{"1" * 5000}}}]'
    )
    assert import_json(database, tmp_path / "numbers.json", text) == [
        "index 0, signed_on: must be text, not a number",
        "index 0, summary: must be text, not a number",
    ]


def test_json_with_an_escaped_lone_surrogate_names_its_key(
    database: Database, tmp_path: Path
) -> None:
    text = (
        '[{"title": "Alliance", "kind": "treaty", "status": "signed", "parties": ["KAZ"]},'
        ' {"title": "T\\ud800", "kind": "treaty", "status": "signed", '
        '"parties": [{"name": "KAZ", "signatory_name": "\\udcff"}], "signed_at": "'
        + "x" * 301
        + '"}]'
    )
    problems = import_json(database, tmp_path / "surrogates.json", text)
    assert problems == [
        "index 1, signed_at: too long: 301 characters (the limit is 300)",
        "index 1, title: 'T\\ud800' holds a lone surrogate (half of a UTF-16 pair), which is "
        "not text: remove it",
        "index 1, parties[0].signatory_name: '\\udcff' holds a lone surrogate (half of a UTF-16 "
        "pair), which is not text: remove it",
    ]


def test_csv_with_a_value_too_long_names_line_and_column(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        "title,kind,status,parties,signed_at\n"
        "Alliance,treaty,signed,KAZ,Nur-Sultan\n"
        f"Rail,protocol,signed,{'Ş' * 301},{'x' * 301}\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as refused, database.sessions.begin() as session:
        import_file(session, path)
    assert [str(problem) for problem in refused.value.problems] == [
        "line 3, parties: party name is too long: 301 characters (the limit is 300)",
        "line 3, signed_at: too long: 301 characters (the limit is 300)",
    ]


# ----------------------------------------------------------------- files that are not files


def refused(path: Path, database: Database) -> str:
    with pytest.raises(ImportFailed) as failure, database.sessions.begin() as session:
        import_file(session, path)
    assert len(failure.value.problems) == 1
    return str(failure.value.problems[0])


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_device_is_refused_without_reading_it(
    database: Database, tmp_path: Path, backend: str
) -> None:
    zero = Path("/dev/zero")
    assert refused(zero, database) == "/dev/zero is a device, not a file to import"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_fifo_is_refused_without_waiting_for_a_writer(
    database: Database, tmp_path: Path, backend: str
) -> None:
    fifo = tmp_path / "agreements.csv"
    os.mkfifo(fifo)
    assert refused(fifo, database) == f"{fifo} is a pipe (FIFO), not a file to import"


# Past what a whole-file read could hold: the size alone was a reason to refuse before.
HUGE = (1 << 30) + 1


@pytest.mark.parametrize("name", ["agreements.csv", "agreements.json"])
@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_huge_file_is_streamed_not_refused_for_its_size(
    database: Database, tmp_path: Path, backend: str, name: str
) -> None:
    """CSV and JSON alike are read a block at a time: size is no reason to refuse a file."""
    huge = tmp_path / name
    with huge.open("wb") as file:
        if name.endswith(".csv"):
            file.write("title,kind,status,parties\nТоқаев,treaty,signed,KAZ\n".encode())
        else:
            file.write('[{"title": "Тоқаев", "kind": "treaty"}'.encode())
        file.truncate(HUGE)  # sparse: the zeros after the first row take no disk space
    kind = "CSV" if name.endswith(".csv") else "JSON"
    save_as = "UTF-8 CSV" if kind == "CSV" else "UTF-8"
    # Refused for what it holds, found in the first block, not for its size.
    assert refused(huge, database) == (
        f"{huge.name} is a binary file, not {kind} text (a spreadsheet? save it as {save_as})"
    )


def value_at(data: object, key: str) -> str:
    """The text at a validate() key ('parties.0.signatory_name') of an input."""
    for part in key.split("."):
        data = data[int(part)] if part.isdigit() else getattr(data, part)  # type: ignore[index]
    assert isinstance(data, str)
    return data

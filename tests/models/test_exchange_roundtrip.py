"""Round trips: export a database, import the file into an empty one, find the same records.

JSON's agreements relate to one another (protocol to, amends …): the relations come back
between the same agreements, whatever ids the second database gives them.

Property-based: random agreements with commas, quotes, semicolons and line breaks in their
text, non-Latin names (Тоқаев, Oʻzbekiston, Türkiye) and partial dates. JSON carries
everything; CSV carries its columns, and party or field names can't hold ';' there (it
separates them in a cell), so the CSV property draws names without it.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from models.database import Database, open_database
from models.exchange import ImportFailed, export_file, import_file, preview_import
from models.fields import field_paths
from models.parties import party_identity
from models.query import AgreementFilter, agreement_ids
from models.schema import Party
from models.service import (
    ActionInput,
    AgreementInput,
    MilestoneInput,
    ParticipationInput,
    RelationInput,
    create,
    load_input,
    validate,
)
from models.vocab import (
    ActionType,
    Kind,
    Level,
    MilestoneKind,
    PartyKind,
    RelationType,
    Role,
    Status,
)
from tests.backends import empty_sqlite_file

WORDS = (
    "Тоқаев",
    "Oʻzbekiston",
    "Türkiye",
    "Қазақстан",
    "treaty",
    "rail",
    "a, b",
    'say "yes"',
    "x; y",
    "line\nbreak",
    "crlf\r\nend",
    "tab\there",
    "d'Ivoire",
    "São Tomé",
    "日本",
    "=1+2",
    "  ",
)
# Parties with an identity: current states in several languages, historic states (TMP is
# 'East Timor', a name that today means Timor-Leste) and curated organisations.
STATES = (
    "KAZ", "Oʻzbekiston", "Türkiye", "Russia", "UZB", "Kyrgyz Republic", "Turkey", "USSR",
    "Германия", "Almanya", "Özbekistan", "TMP", "Timor-Leste", "East Timor", "SUN",
    "Czechoslovakia", "YUG", "EU", "Union européenne", "NATO", "ООН", "AU", "org:OSCE",
)  # fmt: skip
EXAMPLES = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def words(
    pool: tuple[str, ...] = WORDS, min_size: int = 0, max_size: int = 4
) -> st.SearchStrategy[str]:
    """Text from the awkward words above and random printable characters."""
    piece = st.one_of(
        st.sampled_from(pool),
        st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=6),
    )
    return st.lists(piece, min_size=min_size, max_size=max_size).map(" ".join)


def name(forbidden: str) -> st.SearchStrategy[str]:
    """A name for a party or field: at least one word that is not blank."""
    pool = tuple(word for word in WORDS if word.strip() and not set(forbidden) & set(word))
    text = words(pool, min_size=1, max_size=3).map(
        lambda text: "".join(c for c in text if c not in forbidden)
    )
    return st.tuples(st.sampled_from(pool), text).map(" ".join)


def identity(name: str) -> str:
    return party_identity(name)


@st.composite
def partial_date(draw: st.DrawFn, year: int) -> str:
    precision = draw(st.sampled_from(("year", "month", "day")))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    return {
        "year": f"{year}",
        "month": f"{year}-{month:02d}",
        "day": f"{year}-{month:02d}-{day:02d}",
    }[precision]


def maybe(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), strategy)


def party_names(forbidden: str) -> st.SearchStrategy[list[str]]:
    organization = name(forbidden).filter(lambda text: bool(identity(text)))
    return st.lists(
        st.one_of(st.sampled_from(STATES), organization), min_size=1, max_size=3, unique_by=identity
    )


def field_list(forbidden: str) -> st.SearchStrategy[list[str]]:
    path = st.lists(name(forbidden + ">"), min_size=1, max_size=2).map(" > ".join)
    return st.lists(path, max_size=3)


@st.composite
def csv_agreement(draw: st.DrawFn, number: int) -> AgreementInput:
    """An agreement with what the CSV columns hold."""
    year = draw(st.integers(1950, 2030))
    return AgreementInput(
        title=f"{number}. {draw(words())}",
        kind=draw(st.sampled_from(Kind.values())),
        level=draw(st.sampled_from(Level.values())),
        status=draw(st.sampled_from(Status.values())),
        signed_on=draw(maybe(partial_date(year))),
        signed_at=draw(words()),
        entry_into_force=draw(maybe(partial_date(year + 1))),
        expires_on=draw(maybe(partial_date(year + 3))),
        parties=[ParticipationInput(party=name) for name in draw(party_names(";"))],
        fields=draw(field_list(";")),
        summary=draw(words()),
        source_url=draw(maybe(st.just('https://example.org/a,b?q="x"&y=Тоқаев'))),
        notes=draw(words()),
    )


@st.composite
def action(draw: st.DrawFn) -> ActionInput:
    year = draw(st.integers(1950, 2030))
    return ActionInput(
        type=draw(st.sampled_from(ActionType.values())),
        deposited_on=draw(maybe(partial_date(year))),
        effective_on=draw(maybe(partial_date(year + 1))),
        text=draw(words()),
    )


@st.composite
def participation(draw: st.DrawFn, name: str) -> ParticipationInput:
    return ParticipationInput(
        party=name,
        role=draw(st.sampled_from(Role.values())),
        signatory_name=draw(words()),
        signatory_title=draw(words()),
        actions=draw(st.lists(action(), max_size=2)),
        party_kind=draw(st.sampled_from(PartyKind.values())),
    )


@st.composite
def full_agreement(draw: st.DrawFn, number: int) -> AgreementInput:
    """An agreement with something anywhere JSON carries it."""
    data = draw(csv_agreement(number))
    year = int(data.signed_on[:4]) if data.signed_on else 1950
    data.parties = [draw(participation(name)) for name in draw(party_names(""))]
    data.fields = draw(field_list(""))
    data.milestones = draw(
        st.lists(
            st.builds(
                MilestoneInput,
                kind=st.sampled_from(MilestoneKind.values()),
                on=maybe(partial_date(year + 1)),
                description=words(),
            ),
            max_size=2,
        )
    )
    data.short_title = draw(words())
    data.alternative_titles = draw(st.lists(words(), max_size=2))
    data.binding = draw(st.sampled_from((None, True, False)))
    data.entry_into_force_rule = draw(words())
    data.duration = draw(words())
    data.renewal = draw(words())
    data.terminated_on = draw(maybe(partial_date(year + 2)))
    data.termination_grounds = draw(words())
    data.depositary = draw(words())
    data.languages = draw(st.lists(st.sampled_from(("kk", "uz", "ru", "tr", "en")), max_size=3))
    data.un_registration = draw(words(max_size=1))
    data.source_citation = draw(words())
    return data


def agreements(kind: str) -> st.SearchStrategy[list[AgreementInput]]:
    build = csv_agreement if kind == "csv" else full_agreement
    made = st.integers(1, 3).flatmap(
        lambda count: st.tuples(*(build(number) for number in range(count))).map(list)
    )
    return made if kind == "csv" else made.flatmap(related)


def related(inputs: list[AgreementInput]) -> st.SearchStrategy[list[AgreementInput]]:
    """The agreements, each related to some earlier ones (other_id: the earlier one's index)."""

    def relations(number: int) -> st.SearchStrategy[list[RelationInput]]:
        pair = st.tuples(st.sampled_from(RelationType.values()), st.integers(0, number - 1))
        found = st.lists(pair, max_size=2, unique=True) if number else st.just([])
        return found.map(lambda pairs: [RelationInput(kind, other) for kind, other in pairs])

    return st.tuples(*(relations(number) for number in range(len(inputs)))).map(
        lambda drawn: [
            dataclasses.replace(data, relations=found)
            for data, found in zip(inputs, drawn, strict=True)
        ]
    )


# ----------------------------------------------------------------- databases


@pytest.fixture(scope="module")
def empty_database() -> Path:
    """One migrated empty file, copied for every example (much faster than migrating)."""
    return empty_sqlite_file()


@contextmanager
def two_databases(template: Path) -> Iterator[tuple[Database, Database, Path]]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        shutil.copy(template, folder / "one.db")
        shutil.copy(template, folder / "two.db")
        one, two = open_database(folder / "one.db"), open_database(folder / "two.db")
        try:
            yield one, two, folder
        finally:
            one.close()
            two.close()


def contents(database: Database) -> tuple[object, ...]:
    """Agreements (by title), parties and fields, as a user would compare them."""
    with database.sessions.begin() as session:
        ids = agreement_ids(session, AgreementFilter())
        records = {i: load_input(session, i)[0] for i in ids}
        parties = sorted(
            (row.name, row.kind.value, row.iso3 or "", row.org_code or "")
            for row in session.execute(select(Party.name, Party.kind, Party.iso3, Party.org_code))
        )
        fields = sorted(field_paths(session).values())
    # Ids differ between the databases: a relation is its type and the other's title.
    comparable = [
        dataclasses.replace(
            data,
            relations=sorted((r.type, records[r.other_id].title) for r in data.relations),  # type: ignore[arg-type]
        )
        for data in records.values()
    ]
    return sorted(comparable, key=lambda data: data.title), parties, fields


def round_trip(
    template: Path, inputs: list[AgreementInput], suffix: str, *, drawn: bool = True
) -> None:
    """Export, import into an empty database, export again: the same contents and file.

    *drawn* inputs come from hypothesis, which draws again where one is not valid.
    """
    if drawn:
        for data in inputs:
            assume(not validate(data))
    with two_databases(template) as (one, two, folder):
        with one.sessions.begin() as session:
            ids: list[int] = []
            for data in inputs:
                relations = [RelationInput(r.type, ids[r.other_id]) for r in data.relations]
                ids.append(create(session, dataclasses.replace(data, relations=relations)).id)
        path = folder / f"export.{suffix}"
        with one.sessions.begin() as session:
            assert export_file(session, path) == len(inputs)
        with two.sessions.begin() as session:
            # Names like 'Türkiye 0' look misspelt: the user confirms them as new parties.
            result = import_file(session, path, new_parties=True)
        assert (result.added, result.skipped) == (len(inputs), 0)
        assert contents(two) == contents(one)
        again = folder / f"again.{suffix}"
        with two.sessions.begin() as session:
            export_file(session, again)
        assert without_ids(again) == without_ids(path)  # export, import, export: identical


def without_ids(path: Path) -> str:
    """An exported file's text without ids, of records and of relations' other agreements.

    Each database numbers its agreements itself; contents() compares relations by title.
    """
    return re.sub(r'"id": \d+', '"id": _', path.read_text("utf-8"))


@EXAMPLES
@given(inputs=agreements("json"))
def test_json_round_trip_keeps_everything(
    empty_database: Path, inputs: list[AgreementInput]
) -> None:
    round_trip(empty_database, inputs, "json")


@EXAMPLES
@given(inputs=agreements("csv"))
def test_csv_round_trip_keeps_the_csv_columns(
    empty_database: Path, inputs: list[AgreementInput]
) -> None:
    round_trip(empty_database, inputs, "csv")


# ----------------------------------------------------------------- relations in JSON files


def _write_json(path: Path, items: list[dict[str, object]]) -> Path:
    path.write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    return path


def _item(title: str, signed_on: str | None = None, **keys: object) -> dict[str, object]:
    return {
        "title": title,
        "kind": "protocol",
        "status": "signed",
        "signed_on": signed_on,
        "parties": ["Kazakhstan", "Oʻzbekiston"],
        **keys,
    }


def _relations(database: Database) -> set[tuple[str, str, str]]:
    """(agreement, type, other agreement) by title: what the user sees in the detail pane."""
    with database.sessions.begin() as session:
        ids = agreement_ids(session, AgreementFilter())
        records = {i: load_input(session, i)[0] for i in ids}
    return {
        (data.title, r.type, records[r.other_id].title)
        for data in records.values()
        for r in data.relations
    }


def test_export_writes_each_agreements_own_relations_by_id_title_and_date(
    database: Database, tmp_path: Path
) -> None:
    with database.sessions.begin() as session:
        treaty = create(session, _input("Treaty on Oʻzbekiston–Türkiye transit", "2021-12-06")).id
        protocol = create(
            session,
            _input(
                "Protocol to the transit treaty", "2022", [RelationInput("protocol to", treaty)]
            ),
        ).id
        export_file(session, tmp_path / "out.json", [treaty, protocol])
    records = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert records[0]["relations"] == []  # the treaty's side is written by its protocol
    assert records[1]["relations"] == [
        {
            "type": "protocol to",
            "id": treaty,
            "title": "Treaty on Oʻzbekiston–Türkiye transit",
            "signed_on": "2021-12-06",
        }
    ]


def _input(title: str, signed_on: str, relations: list[RelationInput] | None = None):  # type: ignore[no-untyped-def]
    return AgreementInput(
        title=title,
        signed_on=signed_on,
        parties=[ParticipationInput("Kazakhstan")],
        relations=relations or [],
    )


def test_import_finds_the_other_agreement_in_the_file_first_then_by_title_and_date(
    database: Database, tmp_path: Path
) -> None:
    with database.sessions.begin() as session:
        create(session, _input("Declaration on Allied Relations", "2021-12-06"))
    path = _write_json(
        tmp_path / "in.json",
        [
            _item(
                "Protocol on Тоқаев's visit",
                "2022-03",
                relations=[
                    {"type": "protocol to", "id": 7},
                    {
                        "type": "supplements",
                        "title": "declaration on allied relations",
                        "signed_on": "2021-12-06",
                    },
                ],
            ),
            _item("Treaty on the Aral Sea", "2021", id=7),
            # An id the file does not hold falls back to the title, as a database has it.
            _item(
                "Amendment",
                relations=[
                    {
                        "type": "amends",
                        "id": 99,
                        "title": "Treaty on the Aral Sea",
                        "signed_on": "2021",
                    }
                ],
            ),
        ],
    )
    with database.sessions.begin() as session:
        result = import_file(session, path)
    assert result.added == 3
    assert _relations(database) == {
        ("Protocol on Тоқаев's visit", "protocol to", "Treaty on the Aral Sea"),
        ("Protocol on Тоқаев's visit", "supplements", "Declaration on Allied Relations"),
        ("Amendment", "amends", "Treaty on the Aral Sea"),
    }


def test_a_relation_that_names_no_agreement_stops_the_import(
    database: Database, tmp_path: Path
) -> None:
    path = _write_json(
        tmp_path / "in.json",
        [
            _item("Treaty on the Aral Sea", "2021", id=1),
            _item("Protocol", relations=[{"type": "protocol to", "id": 1}]),
            _item(
                "Amendment",
                relations=[
                    {"type": "amends", "title": "Treaty on the Aral Sea", "signed_on": "2020"},
                    {"type": "amends", "id": 5},
                    {"type": "supersedes", "id": 1},
                    {"type": "supersedes", "title": "treaty on the aral sea", "signed_on": "2021"},
                    {"type": "implements", "id": 9},
                ],
            ),
            _item("Loop", id="self", relations=[{"type": "implements", "id": "self"}]),
            _item("Nothing", relations=[{"type": "replaces", "signed_on": "2021-13"}]),
        ],
    )
    with database.sessions.begin() as session, pytest.raises(ImportFailed) as failed:
        preview_import(session, path)
    assert [str(problem) for problem in failed.value.problems] == [
        "index 4, relations[0].type: 'replaces' is not a relation",
        "index 4, relations[0].signed_on: '2021-13' is not a date: month 13 is not between 1 "
        "and 12",
        "index 4, relations[0]: names no agreement: give the id of an object in this file, or "
        "a title",
    ]
    # Two agreements with one id (files of two databases put together) are fine until a
    # relation names that id.
    twins = [_item("Twin", "2001", id=9), _item("Twin", "2002", id=9)]
    path = _write_json(tmp_path / "in.json", json.loads(path.read_text("utf-8"))[:4] + twins)
    with database.sessions.begin() as session, pytest.raises(ImportFailed) as failed:
        import_file(session, path)
    assert [str(problem) for problem in failed.value.problems] == [
        "index 2, relations[0]: no agreement titled 'Treaty on the Aral Sea' signed 2020 in "
        "the file or the database",
        "index 2, relations[1]: no agreement with id 5 in the file or the database",
        "index 2, relations[3]: the same relation as relations[2]",
        "index 2, relations[4]: id 9 is the id of two agreements in the file (index 4 and index 5)",
        "index 3, relations[0]: relates the agreement to itself",
    ]
    with database.sessions.begin() as session:
        assert agreement_ids(session, AgreementFilter()) == []


def test_update_replaces_the_relations_a_file_gives(database: Database, tmp_path: Path) -> None:
    with database.sessions.begin() as session:
        treaty = create(session, _input("Treaty on the Aral Sea", "2021")).id
        create(session, _input("Protocol", "2022", [RelationInput("protocol to", treaty)]))
    path = _write_json(
        tmp_path / "in.json",
        [
            _item("Protocol", "2022", relations=[{"type": "amends", "id": "new"}]),
            _item("New treaty on the Aral Sea", "2023", id="new"),
        ],
    )
    with database.sessions.begin() as session:
        result = import_file(session, path, update=True)
    assert (result.added, result.updated) == (1, 1)
    assert _relations(database) == {("Protocol", "amends", "New treaty on the Aral Sea")}


@pytest.mark.parametrize("suffix", ["json", "csv"])
def test_historic_and_current_timor_survive_a_round_trip(empty_database: Path, suffix: str) -> None:
    """'East Timor' (TMP, historic) and Timor-Leste are two parties, not one listed twice."""
    inputs: list[AgreementInput] = [
        AgreementInput(title="Timor Gap Treaty", parties=[ParticipationInput(party="TMP")]),
        AgreementInput(
            title="Maritime boundary",
            parties=[ParticipationInput(party="TMP"), ParticipationInput(party="Timor-Leste")],
        ),
        AgreementInput(
            title="EU partnership", parties=[ParticipationInput(party="Union européenne")]
        ),
    ]
    assert [validate(data) for data in inputs] == [{}, {}, {}]
    round_trip(empty_database, inputs, suffix, drawn=False)

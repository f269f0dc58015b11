"""Free-text search (SQLite FTS5): any script, accents and case forgiven, as you type, no errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from models.database import Database
from models.query import AgreementFilter, agreement_ids, count, facet_counts, fts_query
from models.service import ParticipationInput, delete, load_input, update
from tests.backends import BACKENDS, open_test_database
from tests.builders import agreement, save

HOSTILE = [
    "'; DROP TABLE agreements; --",
    '"',
    '""',
    "NEAR(",
    "NEAR(a b, 2)",
    "*",
    "a*b*",
    "AND OR NOT",
    "title:kaz",
    "^kaz",
    ")(",
    "{title body}: x",
    "-kaz",
    "\x00",
    "\ufffd\u200b\u202e",
    "😀 🇰🇿",
    "%_\\",
    "' OR 1=1 --",
]


def _stored_agreements(database: Database) -> dict[str, int]:
    water = agreement("Memorandum on water", ("Kyrgyzstan",))
    water.parties = [
        ParticipationInput(
            party="Kyrgyzstan", signatory_name="Sadyr Japarov", signatory_title="President"
        )
    ]
    return {
        "alliance": save(
            database,
            agreement(
                "Declaration on allied relations between Kazakhstan and Uzbekistan",
                ("Kazakhstan", "Oʻzbekiston"),
                signed_at="Nur-Sultan",
                summary="Signed by Тоқаев and Mirziyoyev.",
            ),
        ),
        "turkey": save(
            database,
            agreement(
                "Agreement between Türkiye and Azerbaijan on a rail corridor",
                ("Türkiye", "Azerbaijan"),
                notes="Texts in Turkish and Azerbaijani; talks held in İstanbul.",
            ),
        ),
        "geneva": save(
            database,
            agreement(
                "Convention on road traffic",
                ("Switzerland", "Côte d'Ivoire"),
                signed_at="Genève",
                summary="Replaces the text of 1949.",
            ),
        ),
        "water": save(database, water),
    }


@pytest.fixture(scope="module", params=BACKENDS)
def stored(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, dict[str, int]]]:
    """A few agreements written the way the sources write them; the module only reads them."""
    with open_test_database(request.param, tmp_path_factory.mktemp("search")) as database:
        yield database, _stored_agreements(database)


def found(stored: tuple[Database, dict[str, int]], words: str) -> set[str]:
    """Names of the agreements that a search for *words* finds."""
    database, ids = stored
    names = {agreement_id: name for name, agreement_id in ids.items()}
    with database.sessions.begin() as session:
        return {names[i] for i in agreement_ids(session, AgreementFilter(text=words))}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("turkiye", {"turkey"}),
        ("TÜRKİYE", {"turkey"}),
        ("Turkey", {"turkey"}),  # a party alias
        ("ozbekiston", {"alliance"}),
        ("O'zbekiston", {"alliance"}),
        ("Oʻzbekiston", {"alliance"}),
        ("токаев", {"alliance"}),
        ("Тоқаев", {"alliance"}),
        ("istanbul", {"turkey"}),
        ("İSTANBUL", {"turkey"}),
        ("geneve", {"geneva"}),
        ("Genève", {"geneva"}),
        ("cote d'ivoire", {"geneva"}),
        ("ivoire", {"geneva"}),
    ],
)
def test_search_forgives_accents_case_and_apostrophes(
    stored: tuple[Database, dict[str, int]], words: str, expected: set[str]
) -> None:
    assert found(stored, words) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("kaz", {"alliance"}),
        ("k", {"alliance", "water"}),  # Kazakhstan, Kyrgyzstan
        ("a", {"alliance", "turkey"}),  # allied; Agreement, Azerbaijan
        ("rail corr", {"turkey"}),
        ("decl kaz uzb", {"alliance"}),
    ],
)
def test_search_finds_prefixes_as_you_type(
    stored: tuple[Database, dict[str, int]], words: str, expected: set[str]
) -> None:
    assert found(stored, words) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("allied relations", {"alliance"}),  # title
        ("mirziyoyev", {"alliance"}),  # summary
        ("azerbaijani", {"turkey"}),  # notes
        ("nur sultan", {"alliance"}),  # place
        ("switzerland", {"geneva"}),  # party name
        ("japarov", {"water"}),  # signatory name
        ("president", {"water"}),  # signatory title
        ("kyrgyz republic", {"water"}),  # party alias
        ("1949", {"geneva"}),  # a number in the summary
    ],
)
def test_search_covers_every_text_a_user_remembers(
    stored: tuple[Database, dict[str, int]], words: str, expected: set[str]
) -> None:
    assert found(stored, words) == expected


def test_every_word_must_match(stored: tuple[Database, dict[str, int]]) -> None:
    assert found(stored, "kazakhstan water") == set()
    assert found(stored, "agreement azerbaijan") == {"turkey"}


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_strings_never_raise(stored: tuple[Database, dict[str, int]], hostile: str) -> None:
    database, _ = stored
    wanted = AgreementFilter(text=hostile)
    with database.sessions.begin() as session:
        ids = agreement_ids(session, wanted)
        assert count(session, wanted) == len(ids)
        facet_counts(session, wanted)
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM agreements")).scalar_one() == 4


def test_operators_are_read_as_words(stored: tuple[Database, dict[str, int]]) -> None:
    """'AND', 'NOT', 'NEAR' are words like any other, not FTS5 syntax."""
    assert found(stored, "and") == {"alliance", "turkey"}
    assert found(stored, "'; DROP TABLE agreements; --") == set()
    assert fts_query('"; NEAR( *') == '"near"*'
    assert fts_query("*)(") is None


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(words=st.text(max_size=40))
def test_any_text_never_raises(stored: tuple[Database, dict[str, int]], words: str) -> None:
    database, _ = stored
    with database.sessions.begin() as session:
        agreement_ids(session, AgreementFilter(text=words))


# ----------------------------------------------------------------- the index follows changes


def test_the_index_follows_an_edit(database: Database) -> None:
    agreement_id = save(database, agreement("Agreement on uranium supply", ("Kazakhstan",)))
    with database.sessions.begin() as session:
        data, version = load_input(session, agreement_id)
        data.title = "Agreement on wheat supply"
        data.parties = [ParticipationInput(party="Türkiye")]
        update(session, agreement_id, data, version)
    with database.sessions.begin() as session:

        def search(words: str) -> list[int]:
            return agreement_ids(session, AgreementFilter(text=words))

        assert search("uranium") == []
        assert search("kazakhstan") == []
        assert search("wheat") == [agreement_id]
        assert search("turkiye") == [agreement_id]


def test_a_deleted_agreement_is_not_found(database: Database) -> None:
    kept = save(database, agreement("Agreement on cotton trade", ("Uzbekistan",)))
    gone = save(database, agreement("Agreement on cotton seeds", ("Uzbekistan",)))
    with database.sessions.begin() as session:
        delete(session, [gone])
    with database.sessions.begin() as session:
        assert agreement_ids(session, AgreementFilter(text="cotton")) == [kept]
        assert agreement_ids(session, AgreementFilter(text="seeds")) == []
    with database.engine.connect() as connection:
        key = "agreement_id" if database.dialect == "postgresql" else "rowid"
        rows = connection.execute(text(f"SELECT {key} FROM agreement_search")).scalars().all()
    assert rows == [kept]

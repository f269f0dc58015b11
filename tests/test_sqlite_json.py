"""`list --format json` written from SQLite rows (models.sqlite_json) is write_json's text.

The quick path no longer builds an AgreementRow and a dict per agreement: it formats the
rows SQLite gives. Whatever text is stored — quotes, backslashes, control characters, DEL
and C1 controls, non-BMP letters, Kazakh Cyrillic, Uzbek ʻ, Turkish — and whatever is
missing (no parties, no fields, no dates, no place), both paths print the same bytes.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import sqlite_json
from models.database import Database, open_database
from models.service import AgreementInput, ParticipationInput, create
from models.sqlite_file import open_current
from ui.cli.listing import command_list, quick_list
from ui.cli.parser import build_parser

AWKWARD = [
    'Tratado "entre comillas" \\ con barra',
    "Тоқаев: Қазақстан мен Oʻzbekiston, Türkiye",
    "tab\there, line\nbreak, bell \x07, escape \x1b[31m",
    "DEL \x7f and C1 \x85 \x9b controls, line separator \u2028",
    "non-BMP 𝐀𝔅 😀 and a lone ʻokina",
    "",
]


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Three agreements: one with parties and fields, one with neither, one with dates."""
    path = tmp_path_factory.mktemp("sqlite_json") / "awkward.db"
    opened = open_database(path, create=True)
    with opened.sessions.begin() as session:
        create(
            session,
            AgreementInput(
                title="Agreement on transit, Türkiye",
                parties=[
                    ParticipationInput("Kazakhstan", role="original signatory"),
                    ParticipationInput("Uzbekistan"),
                    ParticipationInput("Türkiye"),
                ],
                fields=["Transport > Rail", "Energy", "Trade and investment"],
                signed_on="2000-06-01",
                entry_into_force="2001",
            ),
        )
        create(
            session,
            AgreementInput(title="Nobody's agreement", parties=[ParticipationInput("France")]),
        )
        create(
            session,
            AgreementInput(
                title="Dated",
                parties=[ParticipationInput("Kazakhstan", role="original signatory")],
                signed_on="1999-12",
                expires_on="2030-02-28",
                signed_at="Astana",
            ),
        )
    opened.close()
    # A save needs a party; an older file, or an import, may still hold an agreement without.
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DELETE FROM participations WHERE agreement_id = 2")
    yield path


def _printed(run: Callable[[], int | None]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert run() == 0
    return out.getvalue()


def _both_ways(path: Path) -> tuple[str, str]:
    """`list --format json` through models.sqlite_json, and through SQLAlchemy and write_json."""
    args = build_parser().parse_args(["--db", str(path), "list", "--format", "json"])
    quick = _printed(lambda: quick_list(args))
    full: Database = open_database(path, create=False)
    try:
        slow = _printed(lambda: command_list(full, args))
    finally:
        full.close()
    return quick, slow


def _store(path: Path, texts: list[str | None]) -> None:
    """The free text of agreement 1 as stored, without the checks a save makes."""
    title, summary, notes, place, url = texts
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "UPDATE agreements SET title = ?, summary = ?, notes = ?, signed_at = ?,"
            " source_url = ? WHERE id = 1",
            (title or "", summary or "", notes or "", place, url),
        )


def test_every_stored_text_prints_as_write_json_prints_it(database: Path) -> None:
    for number, text in enumerate(AWKWARD):
        _store(database, [text, AWKWARD[number - 1], text[::-1], text or None, text or None])
        quick, slow = _both_ways(database)
        assert quick == slow
        listed = {item["id"]: item for item in json.loads(quick)}
        assert listed[1]["title"] == text
        assert listed[2]["parties"] == listed[2]["fields"] == []


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.one_of(st.none(), st.text(st.characters(exclude_categories=["Cs"]), max_size=12)),
        min_size=5,
        max_size=5,
    )
)
def test_random_text_prints_as_write_json_prints_it(
    database: Path, texts: list[str | None]
) -> None:
    _store(database, texts)
    quick, slow = _both_ways(database)
    assert quick == slow


def test_the_links_are_read_in_order_from_their_index_without_a_sort(database: Path) -> None:
    """One column of party ids, and each agreement's counts of them, cut in the same order."""
    opened = open_current(database)
    assert opened is not None
    with contextlib.closing(opened) as connection:
        for statement in (sqlite_json._LINKS, sqlite_json._LINK_COUNTS):
            plan = [
                row[3]
                for row in connection.execute(
                    "EXPLAIN QUERY PLAN " + statement.format("?, ?"), (1, 2)
                )
            ]
            assert plan == [
                "SEARCH participations USING COVERING INDEX ix_participations_listed"
                " (agreement_id=?)"
            ]

"""The benchmark generator makes a valid database, the same one for the same seed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks.generate import BULK_TABLES, generate
from models.database import open_database
from models.deadline_store import refresh_deadlines
from models.query import AgreementFilter, agreement_ids, count, fetch_rows
from models.search_index import rebuild_search_index

TABLES = (*BULK_TABLES, "data_revision")  # every table the generator fills


def _dump(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        rows: list[tuple] = []
        for table in TABLES:
            rows += connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        rows += connection.execute("SELECT rowid, * FROM agreement_search ORDER BY 1").fetchall()
        return rows


def _indexes_and_triggers(path: Path) -> set[tuple]:
    with sqlite3.connect(path) as connection:
        return set(
            connection.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master "
                "WHERE type IN ('index', 'trigger')"
            )
        )


def test_same_seed_same_database_whoever_makes_the_rows(tmp_path: Path) -> None:
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    # Three chunks: made by two worker processes, then all by this one.
    counts = generate(first, 300, seed=7, chunk=100, workers=2)
    generate(second, 300, seed=7, chunk=100, workers=0)
    assert _dump(first) == _dump(second)
    assert counts["agreements"] == 300
    assert counts["participations"] >= 600  # at least two parties each
    assert counts["deadlines"] > 0
    database = open_database(first, create=False)
    try:
        with database.sessions() as session:
            assert count(session) == 300
            rows = fetch_rows(session, agreement_ids(session, AgreementFilter())[:50])
            assert all(len(row.parties) >= 2 and row.fields for row in rows)
            assert agreement_ids(session, AgreementFilter(text="kazakhstan"))
    finally:
        database.close()


def test_the_schema_is_the_migrations_own_and_every_reference_holds(tmp_path: Path) -> None:
    """Indexes and triggers dropped for the bulk load are all back, and nothing dangles."""
    made, empty = tmp_path / "made.db", tmp_path / "empty.db"
    generate(made, 200, seed=3)
    open_database(empty).close()
    assert _indexes_and_triggers(made) == _indexes_and_triggers(empty)
    with sqlite3.connect(made) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        # The revision triggers are back: a change moves the data revision on.
        before = connection.execute("SELECT value FROM data_revision").fetchone()[0]
        connection.execute("UPDATE agreements SET notes = 'checked' WHERE id = 1")
        assert connection.execute("SELECT value FROM data_revision").fetchone()[0] == before + 1


def test_deadlines_and_search_text_are_what_a_save_stores(tmp_path: Path) -> None:
    """The generator computes them itself; the app's own refresh gives the same."""
    path = tmp_path / "made.db"
    generate(path, 400, seed=5)
    generated = _deadlines(path), _search_words(path)
    assert generated[0]  # terms and expiries give deadlines
    database = open_database(path, create=False)
    try:
        with database.engine.begin() as connection:
            ids = [row[0] for row in connection.exec_driver_sql("SELECT id FROM agreements")]
            refresh_deadlines(connection, ids)
            rebuild_search_index(connection)
    finally:
        database.close()
    assert generated == (_deadlines(path), _search_words(path))


def _deadlines(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            'SELECT agreement_id, kind, "on", first_day, last_day, how, recorded '
            "FROM agreement_deadlines ORDER BY agreement_id, first_day, last_day, kind"
        ).fetchall()


def _search_words(path: Path) -> list[tuple]:
    """Each agreement's indexed words per column (in whatever order its parties come)."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            "SELECT rowid, title, body, place, parties FROM agreement_search ORDER BY rowid"
        )
        return [(rowid, *(sorted(text.split()) for text in texts)) for rowid, *texts in rows]

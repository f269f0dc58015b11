"""The benchmark generator makes a valid database, the same one for the same seed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks.generate import generate
from models.database import open_database
from models.query import AgreementFilter, agreement_ids, count, fetch_rows


def _dump(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        rows: list[tuple] = []
        for table in ("agreements", "participations", "actions", "agreement_fields", "milestones"):
            rows += connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        return rows


def test_same_seed_same_database_and_the_app_reads_it(tmp_path: Path) -> None:
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    counts = generate(first, 300, seed=7)
    generate(second, 300, seed=7)
    assert _dump(first) == _dump(second)
    assert counts["agreements"] == 300
    assert counts["participations"] >= 600  # at least two parties each
    database = open_database(first, create=False)
    try:
        with database.sessions() as session:
            assert count(session) == 300
            rows = fetch_rows(session, agreement_ids(session, AgreementFilter())[:50])
            assert all(len(row.parties) >= 2 and row.fields for row in rows)
            assert agreement_ids(session, AgreementFilter(text="kazakhstan"))
    finally:
        database.close()

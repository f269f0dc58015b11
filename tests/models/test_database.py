"""Finding and opening the database: the right file, safe settings, and no harm to foreign files."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import make_url, text

from models.database import (
    BUSY_TIMEOUT_MS,
    SCHEMA_REVISION,
    DamagedDatabaseError,
    DatabaseError,
    NewerDatabaseError,
    NotTreatyDatabaseError,
    open_database,
    resolve_url,
)
from models.database_copy import copy_database
from tests.builders import agreement, save


@pytest.fixture
def backend() -> str:
    """Finding, checking and backing up SQLite files (PostgreSQL: test_team_database.py)."""
    return "sqlite"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def closed_database_file(path: Path) -> bytes:
    """A real Treaty Tracker file with a few rows, closed (its WAL folded back in)."""
    database = open_database(path)
    for number in range(30):
        save(database, agreement(f"Agreement {number} " + "on cooperation " * 40))
    database.close()
    assert not path.with_name(path.name + "-wal").exists()
    return path.read_bytes()


# ----------------------------------------------------------------- which database


def test_resolve_url_from_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    url = resolve_url("work/treaties.db")
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path / "work" / "treaties.db")
    assert resolve_url(tmp_path / "a.db").database == str(tmp_path / "a.db")


def test_resolve_url_expands_the_home_folder(tmp_path: Path) -> None:
    assert resolve_url("~/treaties.db").database == str(tmp_path / "home" / "treaties.db")


def test_resolve_url_from_a_url(tmp_path: Path) -> None:
    assert resolve_url(f"sqlite:///{tmp_path}/b.db").database == f"{tmp_path}/b.db"
    postgres = resolve_url("postgresql://analyst:secret@db.example.org/treaties")
    assert postgres.get_backend_name() == "postgresql"
    assert postgres.password == "secret"


def test_resolve_url_refuses_a_malformed_url() -> None:
    with pytest.raises(DatabaseError, match="is not a database URL"):
        resolve_url("not a scheme://x")


def test_resolve_url_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREATY_TRACKER_DB", str(tmp_path / "team.db"))
    assert resolve_url().database == str(tmp_path / "team.db")
    assert resolve_url(tmp_path / "mine.db").database == str(tmp_path / "mine.db")
    assert resolve_url(environ={"TREATY_TRACKER_DB": "sqlite:///x.db"}) == make_url(
        "sqlite:///x.db"
    )


def test_resolve_url_defaults_to_the_user_data_folder(tmp_path: Path) -> None:
    expected = tmp_path / "data" / "TreatyTracker" / "treaties.db"
    assert resolve_url().database == str(expected)
    database = open_database()
    try:
        assert expected.is_file()
        assert database.name == str(expected)
    finally:
        database.close()


# ----------------------------------------------------------------- opening a new file


def test_opening_creates_the_file_with_safe_settings(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        assert db_path.is_file()
        assert database.backup is None
        with database.sessions.begin() as session:
            connection = session.connection()
            assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
            assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert connection.execute(text("PRAGMA busy_timeout")).scalar_one() == BUSY_TIMEOUT_MS
            version = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert version.scalar_one() == SCHEMA_REVISION
    finally:
        database.close()


def test_opening_creates_missing_folders(tmp_path: Path) -> None:
    database = open_database(tmp_path / "a" / "b" / "treaties.db")
    database.close()
    assert (tmp_path / "a" / "b" / "treaties.db").is_file()


def test_opening_without_create_refuses_a_missing_file(db_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(db_path, create=False)
    assert not db_path.exists()


def test_opening_twice_keeps_the_data(db_path: Path) -> None:
    database = open_database(db_path)
    agreement_id = save(database, agreement("Alliance"))
    database.close()
    again = open_database(db_path)
    try:
        assert again.backup is None
        with again.engine.connect() as connection:
            titles = connection.execute(text("SELECT id, title FROM agreements")).all()
        assert titles == [(agreement_id, "Alliance")]
    finally:
        again.close()


# ----------------------------------------------------------------- refusing foreign files


def refuse(path: Path, error: type[DatabaseError], words: str) -> None:
    """Opening *path* fails with *error* naming the file, and leaves its bytes alone."""
    before = digest(path)
    with pytest.raises(error) as refused:
        open_database(path)
    message = str(refused.value)
    assert str(path) in message
    assert words in message
    assert digest(path) == before
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_text_file_is_refused(db_path: Path) -> None:
    db_path.write_text("Treaty list\nKazakhstan; Uzbekistan; 2021-12-06\n", encoding="utf-8")
    refuse(db_path, NotTreatyDatabaseError, "not an SQLite file")


def test_a_random_bytes_file_is_refused(db_path: Path) -> None:
    db_path.write_bytes(os.urandom(8192))
    refuse(db_path, NotTreatyDatabaseError, "not an SQLite file")


def test_a_folder_is_refused(db_path: Path) -> None:
    db_path.mkdir()
    with pytest.raises(NotTreatyDatabaseError, match="is a folder"):
        open_database(db_path)


def test_an_sqlite_file_of_another_program_is_refused(db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO recipes (name) VALUES ('plov')")
    connection.commit()
    connection.close()
    refuse(db_path, NotTreatyDatabaseError, "another program")


def test_an_sqlite_file_with_an_alembic_table_of_another_program_is_refused(db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    connection.execute("INSERT INTO alembic_version VALUES ('0001')")
    connection.commit()
    connection.close()
    refuse(db_path, NotTreatyDatabaseError, "another program")


def test_a_truncated_file_is_refused(db_path: Path) -> None:
    whole = closed_database_file(db_path)
    db_path.write_bytes(whole[: len(whole) // 2])
    refuse(db_path, DamagedDatabaseError, "damaged")


def test_a_file_cut_after_its_header_is_refused(db_path: Path) -> None:
    whole = closed_database_file(db_path)
    db_path.write_bytes(whole[:100])
    refuse(db_path, DamagedDatabaseError, "damaged")


def test_a_file_with_a_damaged_schema_page_is_refused(db_path: Path) -> None:
    whole = bytearray(closed_database_file(db_path))
    whole[100:4096] = b"\xff" * (4096 - 100)
    db_path.write_bytes(bytes(whole))
    refuse(db_path, DamagedDatabaseError, "damaged")


def test_a_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    closed_database_file(db_path)
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    before = digest(db_path)
    with pytest.raises(NewerDatabaseError) as refused:
        open_database(db_path)
    assert "newer version of Treaty Tracker" in str(refused.value)
    assert "9999_future" in str(refused.value)
    assert digest(db_path) == before


# ----------------------------------------------------------------- copying while others write


def test_a_copy_reads_one_snapshot_while_another_program_writes(tmp_path: Path) -> None:
    source = open_database(tmp_path / "source.db")
    target = open_database(tmp_path / "target.db")
    colleague = open_database(tmp_path / "source.db")  # a second connection of its own
    save(source, agreement("Declaration on Allied Relations", ("Kazakhstan", "Oʻzbekiston")))

    def meanwhile(table: str, _copied: int) -> None:
        # Between tables: a new party, agreement and link, committed by someone else.
        if table == "parties":
            save(colleague, agreement("Customs memorandum", ("Türkiye",)))

    try:
        result = copy_database(source, target, progress=meanwhile)
        assert result.counts["parties"] == 2
        assert result.counts["agreements"] == 1 and result.counts["participations"] == 2
        with target.engine.connect() as connection:
            titles = connection.execute(text("SELECT title FROM agreements")).scalars().all()
        assert titles == ["Declaration on Allied Relations"]
    finally:
        for database in (colleague, target, source):
            database.close()

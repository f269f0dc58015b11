"""Damaged, abandoned and held SQLite files: found cheaply, checked fully when it matters.

Every case is a real file on disk and, where another program is involved, a real second
process holding it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.database import (
    DamagedDatabaseError,
    DatabaseError,
    LockedDatabaseError,
    backup_sqlite,
    open_database,
)
from models.database_copy import copy_database
from models.integrity import unclean_shutdown, wal_in_use
from tests.damage import (
    digest,
    healthy_file,
    leave_log_behind,
    other_program,
    overwrite_page,
    page_count,
)


@pytest.fixture
def backend() -> str:
    """SQLite files only: PostgreSQL keeps its own pages."""
    return "sqlite"


@pytest.fixture
def damaged(db_path: Path) -> Path:
    """A file whose header, schema and alembic_version are intact, with a page in the middle
    overwritten: the cheap checks pass, SQLite's full check does not."""
    healthy_file(db_path)
    overwrite_page(db_path, page_count(db_path) // 2)
    return db_path


def assert_refused_unchanged(path: Path, error: pytest.ExceptionInfo[DatabaseError]) -> None:
    message = str(error.value)
    assert str(path) in message and "is damaged" in message
    assert "nothing was written" in message


def test_the_full_check_refuses_a_damaged_middle_page_and_writes_nothing(damaged: Path) -> None:
    before = digest(damaged)
    with pytest.raises(DamagedDatabaseError) as refused:
        open_database(damaged, full_check=True)
    assert_refused_unchanged(damaged, refused)
    assert digest(damaged) == before
    wal = damaged.with_name(damaged.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_a_healthy_file_passes_the_full_check(db_path: Path) -> None:
    healthy_file(db_path)
    open_database(db_path, full_check=True).close()


def test_an_ordinary_open_reads_only_the_header_and_schema(damaged: Path) -> None:
    """Opening for reading stays fast: the damage is found when it is read (or by a writer)."""
    open_database(damaged).close()


def test_a_log_left_by_a_program_that_died_makes_the_open_check_every_page(damaged: Path) -> None:
    leave_log_behind(damaged)
    assert unclean_shutdown(damaged)
    with pytest.raises(DamagedDatabaseError) as refused:
        open_database(damaged)
    assert_refused_unchanged(damaged, refused)


def test_a_healthy_file_left_mid_write_opens_and_is_closed_cleanly(db_path: Path) -> None:
    healthy_file(db_path)
    leave_log_behind(db_path)
    open_database(db_path).close()
    assert not unclean_shutdown(db_path)
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_a_log_in_use_by_another_program_is_not_an_unclean_shutdown(db_path: Path) -> None:
    healthy_file(db_path)
    with other_program(db_path, "connection.execute('UPDATE data_revision SET value = 1')"):
        assert wal_in_use(db_path) is True
        assert not unclean_shutdown(db_path)
    assert not unclean_shutdown(db_path)  # closed cleanly: the log is gone


def test_a_file_held_in_exclusive_mode_is_locked_not_damaged(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    healthy_file(db_path, agreements=10)
    monkeypatch.setattr("models.database.BUSY_TIMEOUT_MS", 100)  # give up quickly
    hold = """
        connection.execute('PRAGMA locking_mode = EXCLUSIVE')
        connection.execute('UPDATE data_revision SET value = value + 1')
    """
    with other_program(db_path, hold), pytest.raises(LockedDatabaseError) as refused:
        open_database(db_path)
    message = str(refused.value)
    assert str(db_path) in message and "locked by another program" in message
    assert "damaged" not in message


def test_no_backup_is_made_of_a_damaged_file(damaged: Path) -> None:
    with pytest.raises(DamagedDatabaseError) as refused:
        backup_sqlite(damaged, "0006")
    assert_refused_unchanged(damaged, refused)
    assert list(damaged.parent.rglob("*before-upgrade*")) == []


def test_no_copy_is_made_of_a_damaged_file(damaged: Path, tmp_path: Path) -> None:
    source = open_database(damaged)
    target = open_database(tmp_path / "copy.db")
    try:
        with pytest.raises(DamagedDatabaseError) as refused:
            copy_database(source, target)
        assert_refused_unchanged(damaged, refused)
        with target.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM agreements").scalar() == 0
    finally:
        source.close()
        target.close()


def test_the_header_check_finds_a_file_cut_short(db_path: Path) -> None:
    healthy_file(db_path, agreements=200)
    with db_path.open("r+b") as handle:
        handle.truncate(db_path.stat().st_size - 4096)
    with pytest.raises(DamagedDatabaseError, match="is damaged \\(it is cut off"):
        open_database(db_path)


def test_reading_a_file_through_sqlite_still_works_after_a_refusal(damaged: Path) -> None:
    """A refusal leaves the file for the user's own rescue tools, as it was."""
    with pytest.raises(DamagedDatabaseError):
        open_database(damaged, full_check=True)
    with sqlite3.connect(damaged) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()

"""Rotating backups of an SQLite file: checked before they count, and restored safely.

Every case is a real file on disk; the clock is injected, so a month passes in a second.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from models.backups import (
    BEFORE_RESTORE,
    DAILY,
    BackupError,
    Rotation,
    backup_folder,
    backup_if_due,
    data_revision,
    list_backups,
    make_backup,
    restore_backup,
)
from models.database import DamagedDatabaseError, open_database
from tests.builders import agreement, save
from tests.damage import healthy_file, leave_log_behind, overwrite_page, page_count

NOON = datetime(2026, 11, 1, 12, 0)


@pytest.fixture
def backend() -> str:
    """SQLite files only: a PostgreSQL database is backed up on its server."""
    return "sqlite"


def titles(path: Path) -> set[str]:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        return {row[0] for row in connection.execute("SELECT title FROM agreements")}


def record(path: Path, title: str) -> int:
    """One save in its own open and close of the database, as a user's session."""
    database = open_database(path)
    try:
        return save(database, agreement(title, ("Kazakhstan", "Oʻzbekiston")))
    finally:
        database.close()


def test_rotation_over_a_month_keeps_ten_daily_and_four_weekly(db_path: Path) -> None:
    healthy_file(db_path, agreements=5)
    for day in range(30):
        make_backup(db_path, DAILY, now=NOON + timedelta(days=day))
    kept = [info.made_at.date() for info in list_backups(db_path)]
    last = (NOON + timedelta(days=29)).date()
    daily = [last - timedelta(days=n) for n in range(10)]
    assert kept[:10] == daily
    # The newest of each of the four ISO weeks before those ten days.
    weekly = kept[10:]
    assert len(weekly) == 4
    assert len({day.isocalendar()[:2] for day in weekly}) == 4
    assert all(day < daily[-1] for day in weekly)
    assert weekly[0] == daily[-1] - timedelta(days=1)  # the week's newest: the day before
    assert len(list(backup_folder(db_path).iterdir())) == 14  # no temporary files left


def test_rotation_follows_the_settings(db_path: Path) -> None:
    healthy_file(db_path, agreements=5)
    for day in range(30):
        make_backup(db_path, DAILY, now=NOON + timedelta(days=day), rotation=Rotation(3, 2))
    assert len(list_backups(db_path)) == 5


def test_several_backups_a_day_keep_the_three_newest_and_then_that_days_newest(
    db_path: Path,
) -> None:
    healthy_file(db_path, agreements=5)
    make_backup(db_path, DAILY, now=NOON - timedelta(days=1))
    for hour in range(5):
        make_backup(db_path, "before-import", now=NOON + timedelta(hours=hour))
    kept = [info.made_at for info in list_backups(db_path)]
    today = [NOON + timedelta(hours=hour) for hour in (4, 3, 2)]
    assert kept == [*today, NOON - timedelta(days=1)]


def test_the_daily_backup_is_made_once_a_day_and_only_of_a_changed_database(
    db_path: Path,
) -> None:
    record(db_path, "Treaty on eternal friendship (Тоқаев)")
    first = backup_if_due(db_path, now=NOON)
    assert first is not None and first.agreements == 1 and first.reason == DAILY
    assert backup_if_due(db_path, now=NOON + timedelta(hours=6)) is None  # one a day
    assert backup_if_due(db_path, now=NOON + timedelta(days=1)) is None  # nothing changed
    record(db_path, "Türkiye–Oʻzbekiston transit agreement")
    second = backup_if_due(db_path, now=NOON + timedelta(days=2))
    assert second is not None and second.agreements == 2
    assert second.revision == data_revision(db_path) != first.revision


def test_a_new_empty_database_is_not_backed_up(db_path: Path) -> None:
    open_database(db_path).close()
    assert backup_if_due(db_path, now=NOON) is None
    assert list_backups(db_path) == []


def test_a_backup_names_its_date_count_and_size(db_path: Path) -> None:
    healthy_file(db_path, agreements=12)
    made = make_backup(db_path, "manual", now=NOON)
    assert made.path.parent == db_path.parent / "treaties-backups"
    assert made.path.name == "treaties.20261101-120000.manual.db"
    assert made.agreements == 12
    assert made.size == made.path.stat().st_size
    assert made.describe().startswith("2026-11-01 12:00  12 agreements  ")
    # A self-contained file: no write-ahead log beside it, openable on its own.
    assert not made.path.with_name(made.path.name + "-wal").exists()
    assert titles(made.path) == titles(db_path)


def test_a_backup_that_fails_its_check_is_never_renamed_into_place(db_path: Path) -> None:
    healthy_file(db_path, agreements=300)
    good = make_backup(db_path, DAILY, now=NOON)
    overwrite_page(db_path, page_count(db_path) // 2)
    with pytest.raises(BackupError) as refused:
        make_backup(db_path, DAILY, now=NOON + timedelta(days=1))
    assert "failed SQLite's check" in str(refused.value) and str(db_path) in str(refused.value)
    assert [info.path for info in list_backups(db_path)] == [good.path]
    assert sorted(p.name for p in backup_folder(db_path).iterdir()) == [good.path.name]


def test_restore_keeps_the_current_file_first_and_gives_back_the_old_data(
    db_path: Path,
) -> None:
    record(db_path, "Declaration on allied relations")
    old = make_backup(db_path, DAILY, now=NOON)
    record(db_path, "Agreement on the Oʻzbekiston–Türkiye railway")
    newer_revision = data_revision(db_path)
    result = restore_backup(db_path, old.path, now=NOON + timedelta(hours=1))
    assert titles(db_path) == {"Declaration on allied relations"}
    assert result.kept.name.endswith(f".{BEFORE_RESTORE}.db")
    assert titles(result.kept) == {
        "Declaration on allied relations",
        "Agreement on the Oʻzbekiston–Türkiye railway",
    }
    assert old.path.exists()  # the restored backup stays in the list
    # Moved on past both: a window that showed either notices the change.
    assert data_revision(db_path) > max(newer_revision or 0, old.revision or 0)
    database = open_database(db_path, full_check=True)  # a sound, current database
    database.close()


def test_restoring_a_damaged_file_copies_it_aside_whole(db_path: Path) -> None:
    healthy_file(db_path, agreements=300)
    good = make_backup(db_path, DAILY, now=NOON)
    overwrite_page(db_path, page_count(db_path) // 2)
    damaged_bytes = db_path.read_bytes()
    result = restore_backup(db_path, good.path, now=NOON + timedelta(days=1))
    assert result.kept.name == "treaties.damaged-20261102-120000.db"
    assert result.kept.read_bytes() == damaged_bytes
    open_database(db_path, full_check=True).close()


def test_a_damaged_backup_is_not_restored(db_path: Path, tmp_path: Path) -> None:
    record(db_path, "Declaration on allied relations")
    broken = tmp_path / "broken.db"
    healthy_file(broken, agreements=300)
    overwrite_page(broken, page_count(broken) // 2)
    before = db_path.read_bytes()
    with pytest.raises(BackupError) as refused:
        restore_backup(db_path, broken)
    assert "can't be restored" in str(refused.value)
    assert db_path.read_bytes() == before


def test_after_an_unclean_shutdown_a_damaged_file_names_its_latest_good_backup(
    db_path: Path,
) -> None:
    healthy_file(db_path, agreements=300)
    good = make_backup(db_path, DAILY, now=NOON)
    overwrite_page(db_path, page_count(db_path) // 2)
    leave_log_behind(db_path)
    with pytest.raises(DamagedDatabaseError) as refused:
        open_database(db_path)
    message = str(refused.value)
    assert "is damaged" in message and f"the latest good backup is {good.path}" in message
    assert "(2026-11-01 12:00, 300 agreements)" in message
    assert f"restore-backup {good.path}" in message


def test_the_backup_before_an_upgrade_is_one_of_the_rotating_backups(db_path: Path) -> None:
    record(db_path, "Declaration on allied relations")
    made = make_backup(db_path, "before-upgrade-from-0008", now=NOON)
    (listed,) = list_backups(db_path)
    assert listed.path == made.path and listed.reason == "before-upgrade-from-0008"
    assert listed.made_at.date() == date(2026, 11, 1)


def test_of_two_backups_in_one_second_the_one_just_made_is_kept(db_path: Path) -> None:
    healthy_file(db_path, agreements=5)
    one = Rotation(daily=1, weekly=0, recent=0)
    make_backup(db_path, DAILY, now=NOON, rotation=one)  # the day's, as the window opens
    made = make_backup(db_path, "before-merge", now=NOON, rotation=one)  # sorts before 'daily'
    assert [info.path for info in list_backups(db_path)] == [made.path]

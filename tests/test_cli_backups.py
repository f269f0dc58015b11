"""`backup`, `backups`, `restore-backup` and `update` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from main import main
from models.backups import list_backups
from models.database import Database
from tests.builders import agreement, save
from tests.cli import failure, listed, titles
from tests.damage import leave_log_behind, overwrite_page, page_count


def out(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def url_of(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


# ----------------------------------------------------------------- backups


def test_backups_lists_date_and_agreement_count(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert out(capsys, "backups", "--db", str(sample_db)).startswith("No backups of ")
    made = out(capsys, "backup", "--db", str(sample_db))
    (info,) = list_backups(sample_db)
    assert made == f"Backed up {sample_db} (8 agreements) to {info.path}\n"
    lines = out(capsys, "backups", "--db", str(sample_db)).splitlines()
    assert lines[0] == f"1 backup of {sample_db}, newest first:"
    assert lines[1].startswith(f"  {info.made_at:%Y-%m-%d %H:%M}  8 agreements  ")
    assert lines[1].endswith(f"  manual  {info.path}")


def test_backup_to_a_path_writes_a_checked_copy_there(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy for Oʻzbekiston.db"
    out(capsys, "backup", str(target), "--db", str(sample_db))
    assert len(listed(capsys, target)) == 8
    folder = tmp_path / "usb stick"
    folder.mkdir()
    out(capsys, "backup", str(folder), "--db", str(sample_db))
    (into_folder,) = folder.iterdir()
    assert into_folder.name.startswith("treaties.") and into_folder.name.endswith(".manual.db")
    again = failure(capsys, "backup", str(target), "--db", str(sample_db))
    assert (
        again == f"treaty-tracker: {target} already exists: choose a new name, nothing was written"
    )


def test_restore_backup_keeps_the_current_file_first_and_gives_back_the_old_data(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out(capsys, "backup", "--db", str(sample_db))
    (old,) = list_backups(sample_db)
    out(capsys, "update", "--db", str(sample_db), "--set", "status=in force")
    report = out(capsys, "restore-backup", old.path.name, "--db", str(sample_db))
    assert report.startswith(f"Restored {old.path} (")
    assert {record["status"] for record in listed(capsys, sample_db)} == {"signed"}
    kept = Path(report.splitlines()[1].removeprefix("The database as it was is kept as "))
    assert {record["status"] for record in listed(capsys, kept)} == {"in force"}


def test_a_damaged_file_names_its_latest_good_backup_and_the_command_restores_it(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out(capsys, "backup", "--db", str(sample_db))
    (good,) = list_backups(sample_db)
    overwrite_page(sample_db, page_count(sample_db) - 2)
    leave_log_behind(sample_db)  # killed mid-session: the next open checks every page
    message = failure(capsys, "list", "--db", str(sample_db))
    assert "is damaged" in message
    assert f"the latest good backup is {good.path}" in message
    assert f"restore-backup {good.path}" in message
    out(capsys, "restore-backup", str(good.path), "--db", str(sample_db))
    assert len(listed(capsys, sample_db)) == 8


def test_backup_commands_send_postgresql_to_pg_dump(capsys: pytest.CaptureFixture[str]) -> None:
    server = "postgresql://alice@team-server/treaties"  # named, never reached
    for command in (["backup"], ["backups"], ["restore-backup", "x.db"]):
        message = failure(capsys, *command, "--db", server)
        assert message == (
            "treaty-tracker: backups are made of SQLite database files; a PostgreSQL "
            "database is backed up on its server, with pg_dump"
        )


# ----------------------------------------------------------------- update


@pytest.fixture
def two(database: Database) -> list[int]:
    return [
        save(database, agreement("Тоқаев–Mirziyoyev declaration", ("Kazakhstan", "Uzbekistan"))),
        save(database, agreement("Türkiye energy agreement", ("Kazakhstan",))),
    ]


def test_update_dry_run_prints_the_preview_and_changes_nothing(
    database: Database, two: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    db = url_of(database)
    before = json.dumps(listed(capsys, db))  # type: ignore[arg-type]
    preview = out(
        capsys,
        "update",
        "--db",
        db,
        "--party",
        "KAZ",
        "--set",
        "status=ratified",
        "--add-party",
        "Oʻzbekiston:observer",
        "--dry-run",
    )
    lines = preview.splitlines()
    assert lines[0] == "2 agreements would change"
    assert set(lines[1:4]) == {
        "  status → ratified: 2",
        "  role of Uzbekistan → observer: 1",  # already a party of the declaration
        "  party + Uzbekistan (observer): 1",
    }
    assert preview.endswith("Nothing was changed (--dry-run)\n")
    assert json.dumps(listed(capsys, db)) == before  # type: ignore[arg-type]
    assert out(capsys, "update", "--db", db, "--id", str(two[1]), "--set", "status=ratified") == (
        "Changed 1 agreement\n"
    )
    assert titles(capsys, db, "--status", "ratified") == {"Türkiye energy agreement"}  # type: ignore[arg-type]


def test_update_refuses_all_of_it_and_names_the_agreement(
    database: Database, two: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    db = url_of(database)
    assert main(["update", "--db", db, "--remove-party", "KAZ", "--set", "level=interstate"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"treaty-tracker: agreement {two[1]} 'Türkiye energy agreement': "
        "at least one party is required",
        "treaty-tracker: nothing was changed",
    ]
    assert {record["level"] for record in listed(capsys, db)} == {"unknown"}  # type: ignore[arg-type]


def test_update_without_an_edit_or_with_a_bad_key_is_refused(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert failure(capsys, "update", "--db", str(sample_db)).startswith(
        "treaty-tracker: update needs an edit: --set"
    )
    assert "is not KEY=VALUE with KEY one of: status, kind, level" in failure(
        capsys, "update", "--db", str(sample_db), "--set", "colour=red"
    )


def test_update_backs_up_a_file_first(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out(capsys, "update", "--db", str(sample_db), "--add-field", "Energy")
    (backup,) = list_backups(sample_db)
    assert backup.reason == "before-bulk-edit" and backup.agreements == 8


def test_a_refused_or_empty_update_makes_no_backup(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(sample_db)
    assert main(["update", "--db", db, "--remove-party", "KAZ", "--remove-party", "UZB"]) == 2
    assert "at least one party is required" in capsys.readouterr().err
    assert main(["update", "--db", db, "--set", "status=ratifed"]) == 2
    assert "not a status" in capsys.readouterr().err
    # Every sample agreement is signed already: nothing would be written.
    assert out(capsys, "update", "--db", db, "--set", "status=signed") == "Changed 0 agreements\n"
    assert list_backups(sample_db) == []


def test_import_backs_up_a_file_first(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "agreements.csv"
    out(capsys, "export", str(exported), "--db", str(sample_db))
    out(capsys, "import", str(exported), "--db", str(sample_db), "--dry-run")
    assert list_backups(sample_db) == []  # a dry run writes nothing, so needs no backup
    out(capsys, "import", str(exported), "--db", str(sample_db))
    (backup,) = list_backups(sample_db)
    assert backup.reason == "before-import" and backup.agreements == 8

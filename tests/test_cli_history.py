"""The trash and the undo history on the command line."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from main import main
from models.database import open_database
from models.schema import TrashEntry, utcnow
from tests.cli import failure, titles


def out(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_delete_moves_to_the_trash_and_restore_brings_back(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(sample_db)
    before = titles(capsys, sample_db)
    assert out(capsys, "delete", "1", "2", "--db", db) == (
        "Moved 2 agreements to the trash: 1, 2 (undo, or restore 1 2)\n"
    )
    assert len(titles(capsys, sample_db)) == len(before) - 2
    listing = out(capsys, "trash", "--db", db).splitlines()
    assert sorted(line.split()[0] for line in listing) == ["1", "2"]
    assert all(" UTC  tester  " in line for line in listing)
    assert out(capsys, "restore", "2", "1", "--db", db) == "Restored 2 agreements: 2, 1\n"
    assert titles(capsys, sample_db) == before
    assert out(capsys, "trash", "--db", db) == "The trash is empty.\n"


def test_bad_ids_change_nothing(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(sample_db)
    message = failure(capsys, "delete", "1", "999", "--db", db)
    assert message == (
        "treaty-tracker: agreement 999 does not exist (it may have been deleted): "
        "nothing was deleted"
    )
    assert out(capsys, "trash", "--db", db) == "The trash is empty.\n"
    message = failure(capsys, "restore", "1", "--db", db)
    assert "agreement 1 is not in the trash" in message
    assert "--older-than takes a number of days" in failure(
        capsys, "empty-trash", "--older-than", "soon", "--db", db
    )


def test_empty_trash_older_than(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(sample_db)
    out(capsys, "delete", "3", "--db", db)
    out(capsys, "delete", "4", "--db", db)
    database = open_database(sample_db)
    with database.sessions.begin() as session:
        session.execute(
            update(TrashEntry)
            .where(TrashEntry.agreement_id == 3)
            .values(deleted_at=utcnow() - timedelta(days=40))
        )
    database.close()
    assert out(capsys, "empty-trash", "--older-than", "30", "--db", db) == (
        "Deleted 1 agreement for good: 3\n"
    )
    assert out(capsys, "empty-trash", "--older-than", "30", "--db", db) == (
        "Nothing in the trash is older than 30 days.\n"
    )
    assert out(capsys, "empty-trash", "--db", db) == "Deleted 1 agreement for good: 4\n"
    assert out(capsys, "empty-trash", "--db", db) == "The trash is empty.\n"


def test_undo_redo_and_history(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(sample_db)
    out(capsys, "delete", "5", "--db", db)
    lines = out(capsys, "history", "--db", db).splitlines()
    assert lines[0].endswith("  tester  deletion of " + lines[0].split("deletion of ")[1])
    assert lines[1].endswith("  tester  loading of the sample agreements")
    assert out(capsys, "undo", "--db", db).startswith("Undid deletion of '")
    assert out(capsys, "history", "--db", db).splitlines()[0].endswith("  (undone)")
    assert out(capsys, "redo", "--db", db).startswith("Redid deletion of '")
    assert out(capsys, "trash", "--db", db).startswith("5  ")
    out(capsys, "undo", "--db", db)
    assert out(capsys, "undo", "--db", db) == "Undid loading of the sample agreements\n"
    assert titles(capsys, sample_db) == set()
    assert failure(capsys, "undo", "--db", db) == (
        "treaty-tracker: nothing to undo (nothing was changed)"
    )


def test_undo_refused_names_who_changed_it(
    sample_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(sample_db)
    out(capsys, "delete", "6", "--db", db)
    monkeypatch.setenv("TREATY_TRACKER_USER", "Тоқаев")
    out(capsys, "restore", "6", "--db", db)
    monkeypatch.setenv("TREATY_TRACKER_USER", "tester")
    message = failure(capsys, "undo", "--db", db)
    assert message.startswith("treaty-tracker: can't undo deletion of '")
    assert "agreement 6 was brought back by Тоқаев since (nothing was changed)" in message

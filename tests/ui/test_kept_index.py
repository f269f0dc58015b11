"""A window opened again finds its facet index kept beside the database file, not rebuilt."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from models import index_file
from models.changes import Changes
from models.database import SCHEMA_REVISION, Database, open_database, sqlite_path
from models.query import AgreementFilter, facet_counts
from tests.builders import agreement, save
from ui import search_controller
from ui.main_window import MainWindow


@pytest.fixture
def opened(tmp_path: Path, make_window, qtbot, monkeypatch) -> tuple[Database, Path]:  # type: ignore[no-untyped-def]
    """A database of 30 agreements opened once in a window, until its index was built."""
    monkeypatch.setattr(search_controller, "SQL_COUNT_LIMIT", 0)  # counted by the index
    database = open_database(tmp_path / "treaties.db")
    for number in range(30):
        parties = ("Kazakhstan", "Oʻzbekiston") if number % 3 else ("Türkiye",)
        save(database, agreement(f"Тоқаев agreement no. {number:02}", parties))
    window: MainWindow = make_window(database)
    qtbot.waitUntil(lambda: window.controller.index is not None, timeout=10000)
    kept = index_file.index_path(sqlite_path(database.url))
    assert kept is not None
    qtbot.waitUntil(kept.exists, timeout=10000)
    window.close()
    return database, kept


def _counts_shown(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.controller.index is not None, timeout=10000)
    with window.database.sessions() as session:
        assert window.controller.index.is_current(session)
        wanted = AgreementFilter()
        assert window.controller.index.facets(session, wanted) == facet_counts(session, wanted)


def test_the_kept_index_is_used_as_it_is(opened, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    database, kept = opened
    written = kept.stat()
    window = make_window(database)
    _counts_shown(window, qtbot)
    # Read, not built and written again (a write puts a new file in its place).
    assert (kept.stat().st_ino, kept.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)


def test_a_kept_index_is_patched_for_what_was_saved_since(opened, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    database, kept = opened
    save(database, agreement("Treaty on Oʻzbekiston water", ("Oʻzbekiston", "Russia")))
    window = make_window(database)
    _counts_shown(window, qtbot)
    assert window.controller.index.total == 31

    def kept_as_patched() -> bool:  # kept again: less to patch next time
        with database.sessions() as session:
            again = index_file.load(session, kept, SCHEMA_REVISION)
            return again is not None and again.is_current(session) and again.total == 31

    qtbot.waitUntil(kept_as_patched, timeout=10000)


def test_the_window_counts_before_the_index_is_written_to_disk(  # type: ignore[no-untyped-def]
    opened, make_window, qtbot, monkeypatch
) -> None:
    """At a million agreements the file is a hundred megabytes: a slow disk writing it
    must not keep the counts from the window."""
    database, kept = opened
    kept.unlink()
    disk = threading.Event()
    writing = index_file._write

    def slow_disk(*args):  # type: ignore[no-untyped-def]
        assert disk.wait(20)
        writing(*args)

    monkeypatch.setattr(index_file, "_write", slow_disk)
    window = make_window(database)
    _counts_shown(window, qtbot)
    kazakhstan = window.filter_panel.parties.findItems("Kazakhstan", Qt.MatchFlag.MatchStartsWith)
    qtbot.waitUntil(lambda: kazakhstan[0].text().endswith("(20)"), timeout=10000)
    assert not kept.exists()
    disk.set()
    qtbot.waitUntil(kept.exists, timeout=10000)


def test_a_kept_index_nobody_can_bring_up_to_date_is_built_again(  # type: ignore[no-untyped-def]
    opened, make_window, qtbot
) -> None:
    database, kept = opened
    written = kept.stat().st_mtime_ns
    with database.engine.begin() as connection:  # another program: no audit line
        connection.execute(text("UPDATE agreements SET status = 'in force' WHERE id <= 5"))
    window = make_window(database)
    _counts_shown(window, qtbot)
    qtbot.waitUntil(lambda: kept.stat().st_mtime_ns != written, timeout=10000)  # kept anew


def test_agreements_removed_by_another_program_beside_a_save_are_counted_again(  # type: ignore[no-untyped-def]
    opened, make_window, qtbot
) -> None:
    """The save's audit line explains the revision; the removed ones nothing does. The
    numbers disagree, so the index is built again rather than kept wrong for good."""
    database, _kept = opened
    with database.engine.begin() as connection:  # another program: no audit line
        connection.execute(text("DELETE FROM agreements WHERE id <= 3"))
    save(database, agreement("Treaty on Türkiye rail", ("Türkiye",)))
    window = make_window(database)
    _counts_shown(window, qtbot)
    assert window.controller.index.total == 28


def test_the_index_is_kept_as_patched_by_the_time_it_is_written(  # type: ignore[no-untyped-def]
    opened, make_window, qtbot, monkeypatch
) -> None:
    """A save soon after opening: what is written holds it, not the data as first read
    (which the file's check would refuse, leaving the next opening to build again)."""
    database, kept = opened
    kept.unlink()
    monkeypatch.setattr(search_controller, "KEEP_AFTER_MS", 4000)  # the save comes first
    window = make_window(database)
    _counts_shown(window, qtbot)
    added = save(database, agreement("Treaty on Oʻzbekiston water", ("Oʻzbekiston", "Russia")))
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        window._after_save(added, Changes.of(created=[added]))
    assert window.controller.index.total == 31
    qtbot.waitUntil(kept.exists, timeout=15000)
    with database.sessions() as session:
        again = index_file.load(session, kept, SCHEMA_REVISION)
        assert again is not None and again.is_current(session) and again.total == 31

"""A write is applied in place: the index patched, not rebuilt; filter, selection, scroll kept."""

from __future__ import annotations

import dataclasses
import gc
import threading
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton

from models import service
from models.changes import Changes
from models.database import Database, open_database
from tests.builders import agreement, save
from ui import search_controller
from ui.main_window import MainWindow


def _party_count(window: MainWindow, name: str) -> str:
    parties = window.filter_panel.parties
    for row in range(parties.count()):
        text = parties.item(row).text()
        if text.split("  (")[0] == name:
            return text
    return ""


@pytest.fixture
def indexed(database: Database, make_window, qtbot, monkeypatch) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window on 150 agreements, its facet index built, row 100 selected, scrolled halfway."""
    # Counted by the index as at a quarter of a million agreements, not by SQL as a small
    # database is while no index is needed.
    monkeypatch.setattr(search_controller, "SQL_COUNT_LIMIT", 0)
    for number in range(150):
        parties = ("Kazakhstan", "Uzbekistan") if number % 3 else ("Türkiye",)
        save(database, agreement(f"Agreement no. {number:03}", parties, signed_on="2020-01-01"))
    window: MainWindow = make_window(database)
    window.change_poll.stop()  # only the changes each test makes
    qtbot.waitUntil(lambda: window.controller.index is not None, timeout=10000)
    assert window.controller.builds == 1
    with qtbot.waitSignal(window.detail_shown, timeout=5000):
        window.table.selectRow(100)
    bar = window.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert bar.value() > 0
    return window


def _view(window: MainWindow) -> tuple[list[int], int, int]:
    """What the user sees: the selection, the top row's agreement and the scroll position."""
    top = window.model.id_at(window.table.rowAt(0))
    return window.selected_ids(), top, window.table.verticalScrollBar().value()


def test_a_save_patches_the_index_and_keeps_the_view(indexed: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = indexed
    before = _view(window)
    chosen = before[0][0]
    window.edit_agreement()
    qtbot.waitUntil(lambda: window.editor is not None)  # read on the worker first
    dialog = window.editor
    assert dialog is not None
    title = dialog.findChild(QLineEdit, "titleEdit")
    title.setText("Agreement on Oʻzbekiston and Тоқаев's rail line")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "partyInput"), "Azerbaijan")  # a new party
    dialog.findChild(QPushButton, "addPartyButton").click()
    with (
        qtbot.assertNotEmitted(window.controller.index_rebuilt, wait=0),
        qtbot.waitSignals([window.refreshed, window.detail_shown], timeout=5000),
    ):
        qtbot.mouseClick(dialog.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)
    assert window.controller.builds == 1  # patched, not built again
    row = window.model.row_of(chosen)
    assert row is not None
    assert window.model.data(window.model.index(row, 0)) == (
        "Agreement on Oʻzbekiston and Тоқаев's rail line"
    )
    assert _view(window) == before
    assert "Тоқаев" in window.detail.toPlainText()
    assert _party_count(window, "Azerbaijan") == "Azerbaijan  (1)"  # listed, and counted
    # The search answers from the patched index at once.
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.filter_panel.search_box.setText("Тоқаев")
    assert window.model.ids() == [chosen]
    assert window.controller.builds == 1


def test_delete_and_undo_patch_the_index_and_keep_the_view(
    indexed: MainWindow, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = indexed
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    selected, top, _scroll = _view(window)
    assert _party_count(window, "Kazakhstan") == "Kazakhstan  (100)"
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_delete.trigger()
    assert window.model.rowCount() == 149
    assert window.model.row_of(selected[0]) is None
    assert window.model.id_at(window.table.rowAt(0)) == top  # the same rows stay in view
    counts = (_party_count(window, "Kazakhstan"), _party_count(window, "Türkiye"))
    assert counts in {("Kazakhstan  (99)", "Türkiye  (50)"), ("Kazakhstan  (100)", "Türkiye  (49)")}
    assert window.status_label.text() == "Showing 149 of 149 agreements"
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_undo.trigger()
    assert window.model.rowCount() == 150
    assert window.selected_ids() == selected  # the restored agreement, selected again
    assert window.model.id_at(window.table.rowAt(0)) == top
    assert _party_count(window, "Kazakhstan") == "Kazakhstan  (100)"
    assert _party_count(window, "Türkiye") == "Türkiye  (50)"
    assert window.controller.builds == 1


def test_a_change_from_another_window_is_patched_in_after_the_poll(
    indexed: MainWindow, database: Database, db_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = indexed
    before = _view(window)
    elsewhere = open_database(db_path)  # another window, or a colleague's copy of the app
    try:
        added = save(elsewhere, agreement("Treaty on Oʻzbekiston water", ("Uzbekistan", "Russia")))
        edited = window.model.id_at(0)
        with elsewhere.sessions.begin() as session:
            data, version = service.load_input(session, edited)
            service.update(session, edited, dataclasses.replace(data, title="Renamed"), version)
    finally:
        elsewhere.close()
    window.change_poll.setInterval(20)
    window.change_poll.start()
    with (
        qtbot.assertNotEmitted(window.controller.index_rebuilt, wait=0),
        qtbot.waitSignal(window.refreshed, timeout=5000),
    ):
        pass  # the poll notices the new revision and patches what the audit log names
    assert window.controller.builds == 1
    assert window.model.rowCount() == 151
    assert window.model.row_of(added) is not None
    assert window.model.data(window.model.index(window.model.row_of(edited), 0)) == "Renamed"
    assert window.selected_ids() == before[0]
    assert _party_count(window, "Russian Federation") == "Russian Federation  (1)"
    assert _party_count(window, "Uzbekistan") == "Uzbekistan  (101)"


def test_a_change_too_broad_to_patch_builds_the_index_again(indexed: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = indexed
    with qtbot.waitSignal(window.controller.index_rebuilt, timeout=10000):
        window.apply_changes(Changes.of(everything=True))
    assert window.controller.builds == 2


def test_counts_asked_while_an_index_was_built_leave_the_new_index_in_use(  # type: ignore[no-untyped-def]
    indexed: MainWindow, qtbot, monkeypatch
) -> None:
    # Counts asked while the index is built again come back empty ("wait for the index").
    # Answered after the new index is in place, they once made the window drop it and build
    # a third: seconds of counting with SQL at a quarter of a million agreements.
    window = indexed
    asked, answer = threading.Event(), threading.Event()
    count, build = search_controller._facets, search_controller._build_index

    def counted_without_index(sessions, index, wanted, sql_limit, job):  # type: ignore[no-untyped-def]
        if index is None:
            asked.set()
            answer.wait(10)  # answered once the new index is in use
        return count(sessions, index, wanted, sql_limit, job)

    def built_once_counts_were_asked(database, job):  # type: ignore[no-untyped-def]
        asked.wait(10)
        return build(database, job)

    monkeypatch.setattr(search_controller, "_facets", counted_without_index)
    monkeypatch.setattr(search_controller, "_build_index", built_once_counts_were_asked)
    with qtbot.waitSignal(window.controller.index_rebuilt, timeout=10000):
        window.apply_changes(Changes.of(everything=True))
    assert asked.is_set()
    rebuilt = window.controller.index
    assert rebuilt is not None
    with qtbot.waitSignal(window.controller.counts_ready, timeout=5000):
        answer.set()  # the empty answer first, then the new index's counts
    assert window.controller.index is rebuilt
    assert window.controller.builds == 2
    assert _party_count(window, "Türkiye") == "Türkiye  (50)"


def test_an_index_built_again_frees_the_one_it_replaces(indexed: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    # The garbage collector passes over what a build leaves alive (it is frozen), so the
    # index it replaces must go when the window lets go of it, or each build would leak one.
    window = indexed
    first = weakref.ref(window.controller.index)
    with qtbot.waitSignal(window.controller.index_rebuilt, timeout=10000):
        window.apply_changes(Changes.of(everything=True))
    assert window.controller.index is not None
    # A search or count already under way holds the old index until it is done.
    qtbot.waitUntil(lambda: first() is None, timeout=5000)
    assert gc.get_freeze_count() > 0  # what the build left is spared from collections

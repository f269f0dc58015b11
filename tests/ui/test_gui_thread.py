"""The window never reads or writes the database on the GUI thread while the user works."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import event

from models.database import Database
from tests.models.builders import agreement, save
from ui.main_window import MainWindow


@pytest.fixture
def on_gui_thread(database: Database) -> Iterator[list[str]]:
    """Every SQL statement run on the main (GUI) thread, as it runs."""
    seen: list[str] = []

    def record(_connection, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", record)
    yield seen
    event.remove(database.engine, "before_cursor_execute", record)


def test_the_window_works_without_touching_the_database_on_the_gui_thread(
    database: Database, on_gui_thread: list[str], make_window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    for title, parties in (
        ("Treaty on Oʻzbekiston water", ("Uzbekistan", "Kazakhstan")),
        ("Agreement signed by Тоқаев", ("Kazakhstan",)),
        ("Türkiye energy memorandum", ("Türkiye", "Kazakhstan")),
    ):
        save(database, agreement(title, parties, signed_on="2021-12-06", fields=["Energy"]))
    assert on_gui_thread  # the listener hears this thread (the test's own writes, above)
    on_gui_thread.clear()
    window: MainWindow = make_window(database)
    window.change_poll.stop()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)

    with qtbot.waitSignal(window.detail_shown, timeout=5000):  # selection details
        window.table.selectRow(0)
    with qtbot.waitSignal(window.refreshed, timeout=5000):  # a search and its counts
        window.filter_panel.search_box.setText("Тоқаев")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.filter_panel.clear()
    with qtbot.waitSignal(window.detail_shown, timeout=5000):
        window.table.selectRow(1)
    with qtbot.waitSignal(window.refreshed, timeout=5000):  # delete
        window.action_delete.trigger()
    with qtbot.waitSignal(window.refreshed, timeout=5000):  # undo
        window.action_undo.trigger()
    with qtbot.waitSignal(window.refreshed, timeout=5000):  # F5
        window.action_refresh.trigger()
    with qtbot.waitSignal(window.went_to, timeout=5000):  # Go to agreement
        window.go_to(2)
    for open_editor in (window.edit_agreement, window.duplicate_agreement):  # editor's load
        open_editor()
        qtbot.waitUntil(lambda: window.editor is not None and window.editor.isVisible())
        window.editor.done(0)
        window.editor = None
    window.select_ids(window.model.ids()[:2])
    window.action_merge.trigger()  # the merge dialog's plan
    qtbot.waitUntil(lambda: window.merge_dialog is not None and window.merge_dialog.isVisible())
    window.merge_dialog.done(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Türkiye views", True))
    with qtbot.waitSignal(window.refreshed, timeout=5000):  # a saved view (catalog)
        window.action_save_view.trigger()
    party = next(
        window.filter_panel.parties.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(window.filter_panel.parties.count())
        if window.filter_panel.parties.item(row).text().startswith("Türkiye")
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Republic of Türkiye", True))
    with qtbot.waitSignal(window.refreshed, timeout=5000):  # a party renamed (catalog)
        window.filter_panel.party_action.emit("rename", party)
    save(database, agreement("Agreement made in another window", ("Russia",)))
    on_gui_thread.clear()
    window.change_poll.setInterval(20)
    window.change_poll.start()
    with qtbot.waitSignal(window.refreshed, timeout=5000):  # the poll and its reload
        pass
    window.change_poll.stop()
    assert window.model.rowCount() == 4
    assert on_gui_thread == []

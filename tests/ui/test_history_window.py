"""Edit › Undo / Redo and View › Trash in the window, driven as a user would."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton, QToolBar

from models import trash
from models.database import Database
from tests.ui.test_main_window import _record, _titles
from ui.main_window import MainWindow


def _window(database: Database, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    _record(database)
    return make_window(database)


def test_ctrl_z_after_an_edit_restores_the_old_title_and_redo_puts_it_back(
    database: Database, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = _window(database, make_window)
    assert window.action_undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.action_undo.shortcut().toString() == "Ctrl+Z"
    assert window.action_redo.shortcut().toString() == "Ctrl+Shift+Z"
    window.table.setFocus()
    window.table.selectRow(0)
    old = _titles(window)[0]
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor is not None)  # read on the worker first
    title = window.editor.findChild(QLineEdit, "titleEdit")
    title.setText("Oʻzbekiston–Türkiye: Тоқаев")  # QTest types ASCII only
    save = window.editor.findChild(QPushButton, "saveButton")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.action_undo.text() == f"&Undo edit of '{old}'", timeout=5000)
    assert window.action_undo.isEnabled() and not window.action_redo.isEnabled()
    with qtbot.waitSignal(window.history_actions.replayed, timeout=5000):
        window.action_undo.trigger()
    qtbot.waitUntil(lambda: old in _titles(window), timeout=5000)
    assert "Oʻzbekiston–Türkiye: Тоқаев" not in _titles(window)
    assert window.action_redo.text() == f"&Redo edit of '{old}'"
    with qtbot.waitSignal(window.history_actions.replayed, timeout=5000):
        window.action_redo.trigger()
    qtbot.waitUntil(lambda: "Oʻzbekiston–Türkiye: Тоқаев" in _titles(window), timeout=5000)


def test_the_toolbar_undo_button_stays_short_and_names_the_step_in_its_tooltip(
    database: Database, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = _window(database, make_window)
    toolbar = window.findChild(QToolBar, "mainToolbar")
    button = toolbar.widgetForAction(window.action_undo)
    width = button.sizeHint().width()
    window.table.selectRow(0)
    old = _titles(window)[0]
    window.action_edit.trigger()
    qtbot.waitUntil(lambda: window.editor is not None)
    window.editor.findChild(QLineEdit, "titleEdit").setText("Oʻzbekiston–Türkiye: Тоқаев " * 4)
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.editor.save()
    qtbot.waitUntil(lambda: window.action_undo.text() == f"&Undo edit of '{old}'", timeout=5000)
    assert button.text() == "Undo"
    assert button.sizeHint().width() == width
    assert button.toolTip() == f"Undo edit of '{old}' (Ctrl+Z)"
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert f"&Undo edit of '{old}'" in [action.text() for action in edit_menu.actions()]


def test_undo_is_disabled_with_nothing_to_undo(database: Database, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(database)
    qtbot.waitUntil(lambda: window.action_undo.text() == "&Undo", timeout=5000)
    assert not window.action_undo.isEnabled() and not window.action_redo.isEnabled()


def test_trash_dialog_restore_puts_the_row_back(
    database: Database, make_window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = _window(database, make_window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.table.selectRow(0)
    gone = _titles(window)[0]
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_delete.trigger()
    assert gone not in _titles(window)
    assert window.action_undo.text().startswith("&Undo deletion of '")
    window.action_show_trash.trigger()
    dialog = window.history_actions.trash_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 0).text() == gone
    assert dialog.table.item(0, 2).text() == "tester"
    # When, in this computer's own time (the command line's trash says UTC).
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", dialog.table.item(0, 1).text())
    dialog.table.selectRow(0)
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert gone in _titles(window)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=5000)
    assert window.action_undo.text().startswith("&Undo restore of '")


def test_empty_trash_asks_and_deletes_for_good(
    database: Database, make_window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = _window(database, make_window)
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.table.selectRow(0)
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_delete.trigger()
    window.action_show_trash.trigger()
    dialog = window.history_actions.trash_dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert "for good" in asked[-1]
    assert dialog.table.rowCount() == 0
    with database.sessions() as session:
        assert trash.list_trash(session) == []

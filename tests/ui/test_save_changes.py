"""The window shows what a save returned (the ids, a new party or field), not a guess."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from models.changes import Changes
from models.database import Database
from tests.builders import agreement, save
from ui.main_window import MainWindow


def _applied(window: MainWindow, monkeypatch) -> list[Changes]:  # type: ignore[no-untyped-def]
    """Every Changes the window hands its controller (the controller still applies each)."""
    seen: list[Changes] = []
    apply = window.controller.apply

    def spy(changes: Changes, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(changes)
        return apply(changes, *args, **kwargs)

    monkeypatch.setattr(window.controller, "apply", spy)
    return seen


def _save(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = window.editor
    assert dialog is not None
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)


def test_the_window_applies_what_each_save_returned(
    database: Database, make_window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    treaty = save(database, agreement("Тоқаев–Mirziyoyev treaty", ("Kazakhstan", "Uzbekistan")))
    window: MainWindow = make_window(database)
    window.change_poll.stop()
    applied = _applied(window, monkeypatch)
    with qtbot.waitSignal(window.detail_shown, timeout=5000):
        window.table.selectRow(0)
    window.edit_agreement()
    qtbot.waitUntil(lambda: window.editor is not None)
    window.editor.findChild(QLineEdit, "titleEdit").setText("Oʻzbekiston–Қазақстан treaty")
    _save(window, qtbot)
    # Only the agreement: no party or field was recorded, so the lists are not read again.
    assert applied == [Changes.of(changed=[treaty])]
    window.editor = None
    window.new_agreement()
    qtbot.waitUntil(lambda: window.editor is not None)
    dialog = window.editor
    dialog.findChild(QLineEdit, "titleEdit").setText("Türkiye transit agreement")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "partyInput"), "Azerbaijan")  # a new party
    dialog.findChild(QPushButton, "addPartyButton").click()
    _save(window, qtbot)
    (created,) = applied[1].created
    assert applied[1] == Changes.of(created=[created], parties=True)
    assert window.selected_ids() == [created]

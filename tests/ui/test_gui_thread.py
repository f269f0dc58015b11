"""The window never reads or writes the database on the GUI thread while the user works."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import event
from sqlalchemy.engine import Engine

from models.database import Database
from models.service import ParticipationInput, create
from tests.backends import BACKENDS
from tests.builders import agreement, save
from tests.ui.test_agreement_dialog import MessageBoxes
from ui.agreement_dialog import AgreementDialog
from ui.filter_panel import CatalogCommand
from ui.item_roles import ID_ROLE
from ui.main_window import MainWindow


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """On both back ends: the window's own tests run on SQLite only."""
    return str(request.param)


@pytest.fixture
def on_gui_thread(database: Database) -> Iterator[list[str]]:
    """Every SQL statement run on the main (GUI) thread, as it runs, on any database opened."""
    seen: list[str] = []

    def record(_connection, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if threading.current_thread() is threading.main_thread():
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    yield seen
    event.remove(Engine, "before_cursor_execute", record)


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
        window.filter_panel.parties.item(row).data(ID_ROLE)
        for row in range(window.filter_panel.parties.count())
        if window.filter_panel.parties.item(row).text().startswith("Türkiye")
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Republic of Türkiye", True))
    with qtbot.waitSignal(window.refreshed, timeout=5000):  # a party renamed (catalog)
        window.filter_panel.party_action.emit(CatalogCommand.RENAME, party)
    save(database, agreement("Agreement made in another window", ("Russia",)))
    on_gui_thread.clear()
    window.change_poll.setInterval(20)
    window.change_poll.start()
    with qtbot.waitSignal(window.refreshed, timeout=5000):  # the poll and its reload
        pass
    window.change_poll.stop()
    assert window.model.rowCount() == 4
    assert on_gui_thread == []


def _editor(window: MainWindow, qtbot, open_it) -> AgreementDialog:  # type: ignore[no-untyped-def]
    open_it()
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.isVisible())
    assert window.editor is not None
    return window.editor


def _save(window: MainWindow, editor: AgreementDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignals([editor.save_finished, window.refreshed], timeout=5000):
        editor.save()
    assert not editor.isVisible()  # saved
    window.editor = None


def test_saving_searching_merging_opening_and_scrolling_leave_the_gui_thread_alone(
    database: Database, on_gui_thread: list[str], make_window, qtbot, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        for number in range(450):  # three pages of the table
            create(session, agreement(f"Treaty {number:03d} with Oʻzbekiston", ("Uzbekistan",)))
    treaty = save(database, agreement("Treaty on the Aral Sea signed by Тоқаев", ("Kazakhstan",)))
    on_gui_thread.clear()
    window: MainWindow = make_window(database)
    window.change_poll.stop()
    boxes = MessageBoxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.exec(box))

    editor = _editor(window, qtbot, window.new_agreement)  # save new
    editor.show_input(agreement("Türkiye energy memorandum", ("Türkiye",), signed_on="2021-12-06"))
    _save(window, editor, qtbot)
    window.select_ids([treaty])
    editor = _editor(window, qtbot, window.edit_agreement)  # save an edit, a new party asked
    editor.party_editor.set_parties(
        [ParticipationInput("Kazakhstan"), ParticipationInput("Uzbekistn")]
    )
    boxes.answers = ["Record as new"]
    _save(window, editor, qtbot)
    assert "did you mean 'Uzbekistan'?" in boxes.shown[-1]
    editor = _editor(window, qtbot, window.new_agreement)  # the duplicate question
    editor.show_input(
        agreement("Energy memorandum of Türkiye", ("Türkiye",), signed_on="2021-12-06")
    )
    boxes.answers = ["Save anyway"]
    _save(window, editor, qtbot)
    assert "Possible duplicate" in boxes.shown[-1]
    editor = _editor(window, qtbot, window.new_agreement)  # the relation picker's search
    picker = editor.relation_editor
    with qtbot.waitSignal(picker.searched, timeout=5000):
        picker.search_edit.setText("aral тоқаев")
    assert picker.results.count() == 1
    editor.done(0)
    window.editor = None

    window.select_ids(window.model.ids()[:2])  # the merge dialog, its sides swapped
    window.action_merge.trigger()
    qtbot.waitUntil(lambda: window.merge_dialog is not None and window.merge_dialog.isVisible())
    with qtbot.waitSignal(window.merge_dialog.plan_shown, timeout=5000):
        window.merge_dialog.swap()
    window.merge_dialog.done(0)

    model = window.model  # scrolling the table to its end, and back
    for row in (model.rowCount() - 1, 0, 250):
        window.table.scrollTo(model.index(row, 0))
        qtbot.waitUntil(lambda row=row: model.data(model.index(row, 0)) != "…", timeout=5000)
    assert model.data(model.index(model.rowCount() - 1, 0)).startswith("Treaty")

    with qtbot.waitSignal(window.refreshed, timeout=20000):  # opening another database
        window.switch_database(str(tmp_path / "another.db"))
    assert window.model.rowCount() == 0
    window.database.close()
    assert on_gui_thread == []

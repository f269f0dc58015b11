"""The welcome page and every empty list say what would appear there and how to get it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.database import Database, open_database
from ui.main_window import MainWindow
from ui.welcome_page import WelcomePage


def _empty_window(db_path, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window(open_database(db_path))


def test_an_empty_database_says_how_to_add_import_or_load_the_sample(
    db_path, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = _empty_window(db_path, make_window)
    try:
        assert window.stack.currentWidget() is window.welcome
        words = " ".join(window.welcome.text.text().replace("<b>", "").replace("</b>", "").split())
        assert "Add an agreement (Ctrl+N), import a CSV or JSON file" in words
        assert "load the sample" in words
        buttons = [window.welcome.new_button, window.welcome.import_button]
        assert [b.text() for b in buttons] == ["New agreement…", "Import CSV or JSON…"]
        assert window.welcome.sample_button.text() == "Load the sample"
        # The first button does what Ctrl+N does: the editor opens.
        qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.editor is not None and window.editor.isVisible())
        window.editor.done(0)
    finally:
        window.database.close()


def test_a_read_only_empty_database_offers_nothing_it_would_refuse(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = WelcomePage()
    qtbot.addWidget(page)
    page.show()
    page.set_read_only(True)
    assert "may only read it" in page.text.text()
    assert not page.new_button.isVisible() and not page.sample_button.isVisible()
    page.set_read_only(False)
    assert page.new_button.isVisible()


def test_an_empty_trash_says_what_comes_there(database: Database, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(database)
    window.history_actions.show_trash()
    dialog = window.history_actions.trash_dialog
    qtbot.waitSignal(dialog.loaded, timeout=5000).wait()
    qtbot.waitUntil(lambda: dialog.empty_hint.isVisible())
    assert "The trash is empty. Agreements you delete (Del" in dialog.empty_hint.text()
    assert "Restore brings one back" in dialog.empty_hint.text()
    dialog.done(0)


def test_the_due_panel_with_nothing_due_says_where_deadlines_come_from(
    database: Database, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(database)
    window.show_due()
    panel = window.due_panel
    qtbot.waitSignal(panel.loaded, timeout=5000).wait()
    assert panel.tree.topLevelItemCount() == 0
    qtbot.waitUntil(lambda: panel.empty_hint.isVisible())
    assert "Terms tab" in panel.empty_hint.text() and "appear here" in panel.empty_hint.text()


def test_an_agreement_without_files_says_how_to_attach_one(
    database: Database, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(database)
    hint = window.attachments.empty_hint
    assert hint.isVisible() and "Add… (or drop files here)" in hint.text()


def test_an_agreement_without_history_says_what_will_be_listed(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.detail_pane import render_history

    assert "every save, undo and restore will be listed here" in render_history([])

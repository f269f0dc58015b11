"""The window's attachments: drop files on the detail pane, see them, open, replace, search."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from models.attachments import list_attachments
from models.database import Database
from tests.attachment_files import docx_file, pdf_file, scanned_pdf
from tests.builders import agreement, save
from ui.main_window import MainWindow


def drop_files(widget, paths: list[Path]) -> bool:  # type: ignore[no-untyped-def]
    """Drag *paths* onto *widget* and drop them, as a file manager does; whether it took them."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    actions = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), actions, data, buttons, keys)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(10, 10), actions, data, buttons, keys)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


@pytest.fixture
def window(make_window, database: Database) -> MainWindow:  # type: ignore[no-untyped-def]
    save(database, agreement("Treaty on Allied Relations", ("Kazakhstan", "Uzbekistan")))
    save(database, agreement("Agreement on Rail Transport", ("Türkiye",)))
    return make_window(database)


def select_first(qtbot, window: MainWindow, title: str) -> int:  # type: ignore[no-untyped-def]
    """Select the agreement titled *title* and wait for its attachments to be listed."""
    row = next(
        r for r in range(window.model.rowCount()) if window.model.index(r, 0).data() == title
    )
    agreement_id = window.model.id_at(row)
    window.table.selectRow(row)
    # The panel follows the selection once the details are read; then a load of its own.
    qtbot.waitUntil(lambda: window.attachments.agreement_id == agreement_id, timeout=5000)
    with qtbot.waitSignal(window.attachments.loaded, timeout=5000):
        window.attachments.reload()
    return agreement_id


def test_files_dropped_on_the_detail_pane_are_attached_and_listed(
    qtbot, window: MainWindow, database: Database, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    treaty = select_first(qtbot, window, "Treaty on Allied Relations")
    text = pdf_file(tmp_path / "signed.pdf", "Тоқаев signed the hydropower treaty")
    scan = scanned_pdf(tmp_path / "scan.pdf")
    with qtbot.waitSignal(window.attachments.loaded, timeout=10000):
        assert drop_files(window.detail.viewport(), [text, scan])
    tree = window.attachments.tree
    assert tree.topLevelItemCount() == 2
    assert [tree.topLevelItem(0).text(c) for c in (0, 1, 2, 5)] == [
        "document",
        "signed.pdf",
        "v1",
        "searched",
    ]
    assert tree.topLevelItem(1).text(5) == "⚠ scanned: no text layer"
    with database.sessions() as session:
        assert [a.current.filename for a in list_attachments(session, treaty)] == [
            "signed.pdf",
            "scan.pdf",
        ]


def test_a_drop_of_text_or_without_a_selection_attaches_nothing(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "note.txt"
    path.write_text("x")
    assert not drop_files(window.detail.viewport(), [path])  # nothing selected
    select_first(qtbot, window, "Treaty on Allied Relations")
    data = QMimeData()
    data.setText("just text")
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.detail.viewport(), enter)
    assert not enter.isAccepted()


def test_a_search_hit_only_in_an_attachment_shows_the_passage(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    select_first(qtbot, window, "Treaty on Allied Relations")
    note = docx_file(tmp_path / "analysis.docx", "The Turkistan hydropower cascade is shared.")
    with qtbot.waitSignal(window.attachments.loaded, timeout=10000):
        window.attachments.attach_files([note], label="analysis")
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        window.filter_panel.search_box.setText("hydropower")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    hits = window.attachments.hits_label
    qtbot.waitUntil(lambda: hits.isVisibleTo(window), timeout=5000)
    assert "Found only in <b>analysis</b> (analysis.docx)" in hits.text()
    assert "Turkistan <b>hydropower</b> cascade" in hits.text()


def test_open_replace_and_a_refused_file(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    select_first(qtbot, window, "Treaty on Allied Relations")
    first = tmp_path / "draft.txt"
    first.write_text("first draft", encoding="utf-8")
    panel = window.attachments
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.attach_files([first])
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    with qtbot.waitSignal(panel.copy_written, timeout=5000) as written:
        panel.open_button.click()
    assert Path(written.args[0]).read_text(encoding="utf-8") == "first draft"
    assert opened and opened[0].toLocalFile() == written.args[0]

    second = tmp_path / "final.txt"
    second.write_text("final text", encoding="utf-8")
    panel.replace_with(second)
    # Shown once read again: a reload the attach set off may arrive first, with v1 only.
    qtbot.waitUntil(lambda: panel.tree.topLevelItem(0).text(2) == "v2", timeout=10000)
    top = panel.tree.topLevelItem(0)
    assert (top.text(1), top.text(2), top.childCount()) == ("final.txt", "v2", 1)
    assert top.child(0).text(2) == "v1"

    monkeypatch.setenv("TREATY_TRACKER_ATTACHMENT_LIMIT_MB", "0.000001")
    with qtbot.waitSignal(panel.failed, timeout=5000) as failure:
        panel.attach_files([second])
    assert "over the limit" in failure.args[0]
    assert panel.error_label.isVisibleTo(window)


def test_the_editor_of_a_recorded_agreement_has_its_attachments(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    select_first(qtbot, window, "Treaty on Allied Relations")
    path = tmp_path / "press.html"
    path.write_text("<p>Press release</p>", encoding="utf-8")
    with qtbot.waitSignal(window.attachments.loaded, timeout=10000):
        window.attachments.attach_files([path], label="press release")
    window.edit_agreement()
    qtbot.waitUntil(lambda: window.editor is not None)  # read on the worker first
    dialog = window.editor
    tabs = dialog.tabs
    names = [tabs.tabText(i) for i in range(tabs.count())]
    assert names[-1] == "Attachments"
    panel = tabs.widget(tabs.count() - 1).findChild(type(window.attachments))
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=5000)
    assert panel.tree.topLevelItem(0).text(0) == "press release"
    dialog.reject()


def test_a_large_file_is_stored_off_the_gui_thread_with_progress(
    qtbot, window: MainWindow, database: Database, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The drop returns at once; the bytes are written by the worker, which reports progress."""
    treaty = select_first(qtbot, window, "Treaty on Allied Relations")
    big = tmp_path / "annex.pdf"
    big.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 120_000)  # about 30 MB
    panel = window.attachments
    with qtbot.waitSignal(panel.loaded, timeout=60000):
        assert drop_files(window.detail.viewport(), [big])
        with database.sessions() as session:  # the GUI thread is free while it is stored
            assert list_attachments(session, treaty) == []
    dialog = panel.progress
    assert dialog is not None
    assert dialog.maximum() == big.stat().st_size  # set by the worker's progress reports
    assert panel.tree.topLevelItem(0).text(3) == "30.7 MB"


def test_importing_a_json_export_in_the_window_brings_its_attachments(
    qtbot, make_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from models.attachments import attach_file
    from models.exchange_write import export_file
    from tests.backends import open_test_database

    with open_test_database("sqlite", tmp_path / "source") as source:
        treaty = save(source, agreement("Treaty on Allied Relations", ("Kazakhstan",)))
        with source.sessions.begin() as session:
            attach_file(session, treaty, pdf_file(tmp_path / "text.pdf", "Oʻzbekiston"))
            export_file(session, tmp_path / "out.json", attachments=tmp_path / "files")
    with open_test_database("sqlite", tmp_path / "target") as target:
        window = make_window(target)
        with qtbot.waitSignal(window.transfers.import_finished, timeout=20000):
            window.transfers._run_import(str(tmp_path / "out.json"), update=False)
        with target.sessions() as session:
            (listed,) = list_attachments(session, 1)
        assert listed.current.filename == "text.pdf"


def test_a_removed_attachment_is_shown_and_restored_from_the_panel(
    qtbot, window: MainWindow, database: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    treaty = select_first(qtbot, window, "Treaty on Allied Relations")
    panel = window.attachments
    path = tmp_path / "Oʻzbekiston.txt"
    path.write_text("Тоқаев and Türkiye: the hydropower protocol.", encoding="utf-8")
    panel.attach_files([path])
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=10000)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    panel.remove_button.click()
    # Other loads (the window following the change) may come first: wait for what shows.
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 0, timeout=5000)
    assert not panel.restore_button.isVisible()
    panel.show_removed.setChecked(True)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=5000)
    item = panel.tree.topLevelItem(0)
    assert item.text(0) == "document (removed)" and item.text(1) == "Oʻzbekiston.txt"
    panel.tree.setCurrentItem(item)
    assert panel.restore_button.isEnabled() and not panel.remove_button.isVisible()
    panel.restore_button.click()
    qtbot.waitUntil(lambda: _first_label(panel) == "document", timeout=5000)
    with database.sessions.begin() as session:
        assert [view.label for view in list_attachments(session, treaty)] == ["document"]


def _first_label(panel) -> str:  # type: ignore[no-untyped-def]
    item = panel.tree.topLevelItem(0)
    return item.text(0) if item is not None else ""

"""Conventions of a desktop app: drop a file to import it; File › Print the summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog

from models import service
from models.database import Database
from models.service import AgreementInput, ParticipationInput
from ui.main_window import MainWindow
from ui.summary_printer import summary_html

CSV = "title,kind,status,parties\nOʻzbekiston–Türkiye energy roadmap,roadmap,adopted,UZB; TUR\n"


@pytest.fixture
def window(database: Database, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        for title in ("Тоқаев–Mirziyoyev declaration", "Türkiye memorandum"):
            service.create(
                session,
                AgreementInput(
                    title=title,
                    signed_on="2021-12-06",
                    parties=[ParticipationInput("Kazakhstan"), ParticipationInput("Uzbekistan")],
                    fields=["Energy"],
                ),
            )
    return make_window(database)


def files(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def drag_enter(window: MainWindow, mime: QMimeData) -> bool:
    event = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def drop(window: MainWindow, mime: QMimeData) -> None:
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)


def test_dropping_a_csv_file_opens_the_import_preview(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    source = tmp_path / "Новые.CSV"
    source.write_text(CSV, encoding="utf-8")
    assert drag_enter(window, files(source))
    drop(window, files(source))
    qtbot.waitUntil(lambda: window.transfers.preview_dialog is not None, timeout=5000)
    preview = window.transfers.preview_dialog
    assert preview is not None and "Türkiye" in preview.summary.text()
    with qtbot.waitSignal(window.transfers.import_finished, timeout=10000) as finished:
        preview.accept()
    assert finished.args[0].added == 1


def test_other_drops_are_refused(window: MainWindow, tmp_path: Path) -> None:
    text, one, two = tmp_path / "notes.txt", tmp_path / "a.csv", tmp_path / "b.json"
    for path in (text, one, two):
        path.write_text("x", encoding="utf-8")
    assert not drag_enter(window, files(text))
    assert not drag_enter(window, files(one, two))  # one file at a time, as Import… takes
    link = QMimeData()
    link.setUrls([QUrl("https://example.org/treaties.csv")])
    assert not drag_enter(window, link)
    drop(window, files(text))
    assert window.transfers.preview_dialog is None


def test_print_sends_the_summary_to_the_chosen_printer(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "printed.pdf"

    def choose_pdf_printer(dialog: QPrintDialog) -> int:
        # Qt's own "Print to File (PDF)": what the user picks in the dialog.
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", choose_pdf_printer)
    assert window.action_print in window.menuBar().actions()[0].menu().actions()
    with qtbot.waitSignal(window.summary_printer.printed, timeout=10000) as printed:
        window.action_print.trigger()
    assert printed.args == [2]
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "Тоқаев– Mirziyoyev declaration" in text and "Türkiye memorandum" in text
    assert "All agreements" in text and "Register" in text


def test_a_cancelled_print_dialog_prints_nothing(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []

    def cancel(_dialog: QPrintDialog) -> int:
        asked.append(True)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QPrintDialog, "exec", cancel)
    with qtbot.assertNotEmitted(window.summary_printer.printed):
        window.action_print.trigger()
        qtbot.waitUntil(lambda: bool(asked), timeout=10000)


def test_a_long_register_is_cut_with_a_pointer_to_export_pdf(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans: list[object] = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected.value)
    monkeypatch.setattr(window.summary_printer, "_print", plans.append)
    window.action_print.trigger()
    qtbot.waitUntil(lambda: bool(plans), timeout=10000)
    html = summary_html(plans[0], limit=1)  # type: ignore[arg-type]
    assert "… and 1 more: Export PDF writes every one." in html
    assert html.count("<tr><td>") - html.count("align='right'") == 1

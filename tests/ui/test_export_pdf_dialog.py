"""Export PDF from the window: title and author asked (and remembered), nothing identifying
printed unless ticked, a very long PDF asked about first, Cancel quick and clean."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from benchmarks.generate import generate
from models import service
from models.database import Database, open_database
from models.service import AgreementInput, ParticipationInput
from ui.export_pdf_dialog import ExportPdfDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(database: Database, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        for number in range(2):
            service.create(
                session,
                AgreementInput(
                    title=f"Transit protocol {number}",
                    signed_on="2021-12-06",
                    parties=[ParticipationInput("Kazakhstan"), ParticipationInput("Oʻzbekiston")],
                    fields=["Transport"],
                ),
            )
    made = make_window(database)
    made.transfers.open_after_export = False
    return made


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def open_pdf_dialog(window: MainWindow, qtbot) -> ExportPdfDialog:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.transfers.pdf_dialog_shown, timeout=10000) as shown:
        window.action_export_pdf.trigger()
    dialog = shown.args[0]
    assert isinstance(dialog, ExportPdfDialog) and dialog.isVisible()
    return dialog


def export_with_source(window: MainWindow, qtbot, monkeypatch, target: Path) -> Path:  # type: ignore[no-untyped-def]
    """The summary PDF written to *target* with "show the source" ticked."""
    choose_file(monkeypatch, target)
    dialog = open_pdf_dialog(window, qtbot)
    dialog.show_source_check.setChecked(True)
    with qtbot.waitSignal(window.transfers.export_finished, timeout=30000):
        dialog.accept()
    return target


def pdf_words(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(path).pages).split())


def test_title_and_author_are_asked_the_title_made_from_the_filter(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "summary.pdf"
    choose_file(monkeypatch, target)
    dialog = open_pdf_dialog(window, qtbot)
    assert dialog.title_edit.text() == "All recorded agreements"  # never 'summary report'
    assert dialog.author_edit.text() == "" and not dialog.show_source_check.isChecked()
    dialog.title_edit.setText("Transit with Oʻzbekiston")
    dialog.author_edit.setText("Aigerim Тоқаева")
    with qtbot.waitSignal(window.transfers.export_finished, timeout=30000):
        dialog.findChild(object, "exportButton").click()
    metadata = pypdf.PdfReader(target).metadata
    assert metadata is not None and metadata.title == "Transit with Oʻzbekiston"
    words = pdf_words(target)
    assert "Prepared by Aigerim Тоқаева" in words
    assert window.database.name not in words and Path(window.database.name).name not in words
    assert "2 pages" in window.statusBar().currentMessage() or "page" in (
        window.statusBar().currentMessage()
    )
    assert "(s)" not in window.statusBar().currentMessage()
    # Remembered: the next PDF starts with the same author.
    dialog = open_pdf_dialog(window, qtbot)
    assert dialog.author_edit.text() == "Aigerim Тоқаева"
    dialog.reject()


def test_the_source_is_printed_only_when_ticked(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = export_with_source(window, qtbot, monkeypatch, tmp_path / "sourced.pdf")
    assert Path(window.database.name).name in pdf_words(target)
    assert open_pdf_dialog(window, qtbot).show_source_check.isChecked()  # remembered


@pytest.fixture
def big_window(tmp_path: Path, make_window):  # type: ignore[no-untyped-def]
    path = tmp_path / "big.db"
    generate(path, 2001)
    database = open_database(path)
    made = make_window(database)
    made.transfers.open_after_export = False
    yield made
    database.close()


def test_more_than_2000_agreements_asks_first_and_says_how_many_pages(
    big_window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    chosen: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: chosen.append("x") or ("", "")
    )
    dialog = open_pdf_dialog(big_window, qtbot)
    assert "2,001 agreements, about 1,665 pages." in dialog.findChild(object, "pdfSizeLabel").text()
    dialog.accept()
    assert asked == [
        "The PDF of 2,001 agreements will have about 1,665 pages and take a while to write. "
        "Make it?"
    ]
    assert chosen == []  # said no: not even asked where


def test_cancel_stops_within_a_second_and_leaves_no_file(
    big_window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    out = tmp_path / "out"
    out.mkdir()
    choose_file(monkeypatch, out / "long.pdf")
    dialog = open_pdf_dialog(big_window, qtbot)
    dialog.accept()
    progress = big_window.transfers.progress
    qtbot.waitUntil(lambda: progress.value() > 20, timeout=60000)  # sections being written
    with qtbot.waitSignal(big_window.transfers.failed, timeout=1000):
        progress.findChild(QPushButton).click()  # the dialog's Cancel
    assert told == ["Cancelled; no file was written."]
    assert list(out.iterdir()) == []  # neither the PDF nor its temporary file


def test_the_source_names_the_user_treaty_tracker_user_gives(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's author is the user name saves record, as `report --show-source` has it."""
    monkeypatch.setenv("TREATY_TRACKER_USER", "Тоқаев Қасым")
    target = export_with_source(window, qtbot, monkeypatch, tmp_path / "sourced.pdf")
    assert "Prepared by Тоқаев Қасым" in pdf_words(target)

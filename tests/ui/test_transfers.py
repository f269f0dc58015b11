"""Import, export and PDF from the window: preview first, all or nothing, files only when done."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from models import service
from models.database import Database
from models.query import count
from models.service import AgreementInput, ParticipationInput
from ui.main_window import MainWindow

CSV = (
    "title,kind,status,signed_on,parties,fields\n"
    "Agreement on Caspian shipping,agreement,signed,2022-08,KAZ; Azerbaijan,Transport > Maritime\n"
    "Oʻzbekiston–Türkiye energy roadmap,roadmap,adopted,2023,Uzbekistan; Turkey,Energy\n"
)


@pytest.fixture
def window(database: Database, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        for number in range(3):
            service.create(
                session,
                AgreementInput(
                    title=f"Existing agreement {number}",
                    signed_on=f"200{number}",
                    parties=[ParticipationInput("Kazakhstan"), ParticipationInput("Russia")],
                    fields=["Energy"],
                ),
            )
    made = make_window(database)
    made.transfers.open_after_export = False
    return made


def _choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_import_shows_a_preview_then_imports(
    window: MainWindow, database: Database, qtbot, tmp_path: Path, monkeypatch
) -> None:
    source = tmp_path / "new.csv"
    source.write_text(CSV, encoding="utf-8")
    _choose_file(monkeypatch, source)
    window.action_import.trigger()
    qtbot.waitUntil(lambda: window.transfers.preview_dialog is not None, timeout=5000)
    preview = window.transfers.preview_dialog
    text = preview.summary.text()
    assert "<b>2</b> are new" in text and "holds 2 agreements." in text
    assert "Azerbaijan" in text and "Türkiye" in text and "Transport &gt; Maritime" in text
    with database.sessions() as session:
        assert count(session) == 3  # nothing written by the preview
    with qtbot.waitSignal(window.transfers.import_finished, timeout=10000) as finished:
        preview.accept()
    assert finished.args[0].added == 2
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=5000)
    assert "Imported 2 agreements" in window.statusBar().currentMessage()
    titles = [window.model.data(window.model.index(r, 0)) for r in range(5)]
    assert "Oʻzbekiston–Türkiye energy roadmap" in titles


def test_thousands_imported_are_shown_selected_in_one_change_of_the_selection(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch
) -> None:
    """The window selects what an import added (its first 1,000), scattered among the
    others by signing date, at once (a row at a time took seconds, then hours)."""
    rows = [
        f"Тоқаев–Oʻzbekiston accord {n},agreement,signed,{1990 + n % 30},KAZ; Türkiye,Energy"
        for n in range(2000)
    ]
    source = tmp_path / "many.csv"
    source.write_text("title,kind,status,signed_on,parties,fields\n" + "\n".join(rows), "utf-8")
    _choose_file(monkeypatch, source)
    window.action_import.trigger()
    qtbot.waitUntil(lambda: window.transfers.preview_dialog is not None, timeout=10000)
    with qtbot.waitSignal(window.transfers.import_finished, timeout=30000) as finished:
        window.transfers.preview_dialog.accept()
    added = finished.args[0].added_ids
    qtbot.waitUntil(lambda: len(window.selected_ids()) == 1000, timeout=10000)
    assert sorted(window.selected_ids()) == sorted(added[:1000])

    # Every other one of them, chosen again: one change of the selection, the first current.
    chosen = list(added[::2])
    window.table.clearSelection()
    changes: list[object] = []
    window.table.selectionModel().selectionChanged.connect(lambda *_: changes.append(1))
    window.select_ids(chosen)
    assert len(changes) == 1
    assert sorted(window.selected_ids()) == sorted(chosen)
    assert window.current_id() == chosen[0]


def test_the_status_bar_tells_rows_already_recorded_from_rows_repeated_in_the_file(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch
) -> None:
    source = tmp_path / "repeats.csv"
    source.write_text(
        "title,kind,status,signed_on,parties\n"
        "Тоқаев–Türkiye water agreement,agreement,signed,2024,Kazakhstan; Türkiye\n"
        "Тоқаев–Türkiye water agreement,agreement,signed,2024,Kazakhstan; Türkiye\n"
        "Existing agreement 1,agreement,signed,2001,Kazakhstan; Russia\n",
        encoding="utf-8",
    )
    _choose_file(monkeypatch, source)
    window.action_import.trigger()
    qtbot.waitUntil(lambda: window.transfers.preview_dialog is not None, timeout=5000)
    with qtbot.waitSignal(window.transfers.import_finished, timeout=10000) as finished:
        window.transfers.preview_dialog.accept()
    assert (finished.args[0].added, finished.args[0].skipped) == (1, 2)
    assert window.statusBar().currentMessage() == (
        "Imported 1 agreement, skipped 1 already recorded, skipped 1 repeated in the file, "
        "1 new party."
    )


def test_a_misspelt_party_is_imported_only_once_the_user_confirms_it(
    window: MainWindow, database: Database, qtbot, tmp_path: Path, monkeypatch
) -> None:
    source = tmp_path / "typo.csv"
    source.write_text(
        "title,kind,status,parties\nWater agreement,agreement,signed,Kazakhstan; Uzbekistn\n",
        encoding="utf-8",
    )
    _choose_file(monkeypatch, source)
    window.action_import.trigger()
    qtbot.waitUntil(lambda: window.transfers.preview_dialog is not None, timeout=5000)
    preview = window.transfers.preview_dialog
    box = preview.new_parties_box
    assert box.isVisibleTo(preview)
    assert "Uzbekistn (did you mean Uzbekistan?)" in preview.summary.text()
    assert box.text() == "Uzbekistn is a new party, not a misspelling: record it as written"
    assert not preview.import_button.isEnabled()
    box.setChecked(True)
    assert preview.import_button.isEnabled()
    with qtbot.waitSignal(window.transfers.import_finished, timeout=10000) as finished:
        preview.import_button.click()
    assert finished.args[0].parties_created == ("Uzbekistn",)


def test_a_bad_file_lists_its_problems_and_changes_nothing(
    window: MainWindow, database: Database, qtbot, tmp_path: Path, monkeypatch
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(CSV + "Third,treaty,ratifed,2021-13-45,France,\n", encoding="utf-8")
    _choose_file(monkeypatch, source)
    window.action_import.trigger()
    qtbot.waitUntil(lambda: window.transfers.problems_dialog is not None, timeout=5000)
    problems = window.transfers.problems_dialog.problems.toPlainText().splitlines()
    assert "line 4, status: 'ratifed' is not a status (did you mean 'ratified'?)" in problems
    assert any(
        line.startswith("line 4, signed_on: '2021-13-45' is not a date") for line in problems
    )
    assert window.transfers.preview_dialog is None
    with database.sessions() as session:
        assert count(session) == 3


def test_a_cancelled_import_changes_nothing(
    window: MainWindow, database: Database, qtbot, tmp_path: Path, monkeypatch
) -> None:
    rows = "".join(f"Agreement number {n},treaty,signed,1999,France; Spain,\n" for n in range(3000))
    source = tmp_path / "big.csv"
    source.write_text("title,kind,status,signed_on,parties,fields\n" + rows, encoding="utf-8")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    with qtbot.waitSignal(window.transfers.failed, timeout=20000):
        window.transfers._run_import(str(source), update=False)
        window.transfers.progress.canceled.emit()  # as the Cancel button does
    assert told == ["The import was cancelled; nothing was changed."]
    with database.sessions() as session:
        assert count(session) == 3


def test_export_csv_of_the_current_filter(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "out.csv"
    _choose_file(monkeypatch, target)
    with qtbot.waitSignal(window.transfers.export_finished, timeout=10000):
        window.action_export.trigger()
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and "Existing agreement 2" in lines[1]  # newest first, as shown


def test_export_csv_for_excel_has_a_bom_and_crlf(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "for-excel"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV for Excel (*.csv)")
    )
    with qtbot.waitSignal(window.transfers.export_finished, timeout=10000):
        window.action_export.trigger()
    data = (tmp_path / "for-excel.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbftitle,") and data.count(b"\r\n") == 4


def test_export_of_the_selected_rows(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "chosen.json"
    _choose_file(monkeypatch, target)

    def pick_selected(box: QMessageBox) -> int:
        next(b for b in box.buttons() if b.text() == "Selected").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", pick_selected)
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.model.index(2, 0),
        window.table.selectionModel().SelectionFlag.Select
        | window.table.selectionModel().SelectionFlag.Rows,
    )
    with qtbot.waitSignal(window.transfers.export_finished, timeout=10000):
        window.action_export.trigger()
    text = target.read_text(encoding="utf-8")
    assert "Existing agreement 2" in text and "Existing agreement 0" in text
    assert "Existing agreement 1" not in text


def test_export_pdf_writes_a_pdf(window: MainWindow, qtbot, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "summary.pdf"
    _choose_file(monkeypatch, target)
    with qtbot.waitSignal(window.transfers.pdf_dialog_shown, timeout=10000) as shown:
        window.action_export_pdf.trigger()
    with qtbot.waitSignal(window.transfers.export_finished, timeout=30000):
        shown.args[0].accept()  # the title and author as suggested
    assert target.read_bytes().startswith(b"%PDF")
    assert "3 agreements" in window.statusBar().currentMessage()


def test_fact_sheet_of_the_selected_agreement(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "one.pdf"
    _choose_file(monkeypatch, target)
    window.table.selectRow(0)
    assert window.action_fact_sheet.isEnabled()
    with qtbot.waitSignal(window.transfers.export_finished, timeout=30000):
        window.action_fact_sheet.trigger()
    assert target.read_bytes().startswith(b"%PDF")


def test_export_never_overwrites_a_database(
    window: MainWindow, database: Database, qtbot, tmp_path: Path, monkeypatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    colleague = tmp_path / "colleague.json"  # another team's database, named like an export
    colleague.write_bytes(Path(str(database.url.database)).read_bytes())
    before = colleague.read_bytes()
    _choose_file(monkeypatch, colleague)
    with qtbot.waitSignal(window.transfers.failed, timeout=10000):
        window.action_export.trigger()
    assert told == [
        f"Nothing was exported: {colleague} is a SQLite database, which the export would "
        "overwrite: choose another file name."
    ]
    assert colleague.read_bytes() == before

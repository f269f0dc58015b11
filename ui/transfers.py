"""Moving agreements in and out of the window: import, export (CSV/JSON) and PDF reports.

Each runs off the GUI thread with a progress dialog whose Cancel leaves everything as it
was: an import rolls back, an export or report leaves no half-written file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from models.database import sqlite_path
from models.exchange import ImportResult, import_file, preview_import
from models.exchange_format import ImportCancelled, ImportFailed
from models.exchange_write import ExportCancelled, export_file
from models.export_target import export_target_problem
from ui.import_dialog import ImportPreviewDialog, ProblemsDialog
from ui.workers import Cancelled, Job, run_with_progress

if TYPE_CHECKING:
    from reports import ReportResult
    from ui.main_window import MainWindow

CANCELLED = (Cancelled, ImportCancelled, ExportCancelled)
# The export dialog's file types; the second is a CSV with a byte-order mark and CRLF.
CSV_FILTER, EXCEL_FILTER, JSON_FILTER = "CSV (*.csv)", "CSV for Excel (*.csv)", "JSON (*.json)"


def _reports() -> Any:
    """ReportLab loads in a quarter of a second: only when a PDF is asked for, not at start."""
    import reports

    return reports


@dataclass(frozen=True)
class Scope:
    """What an export covers: the selected agreements, or everything the filter matches."""

    ids: list[int] | None  # None: the current filter
    words: str


class Transfers(QObject):
    import_finished = Signal(object)  # ImportResult
    export_finished = Signal(str)  # the file written
    failed = Signal(str)  # a message the user was shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.preview_dialog: ImportPreviewDialog | None = None
        self.problems_dialog: ProblemsDialog | None = None
        self.progress: Any = None
        self.open_after_export = True  # offer to open a finished PDF

    # ------------------------------------------------------------ import

    def import_agreements(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                "Import agreements",
                str(Path.home()),
                "Agreements (*.csv *.json);;CSV (*.csv);;JSON (*.json)",
            )
        if not path:
            return
        sessions = self.window.database.sessions

        def work(_job: Job) -> Any:
            with sessions() as session:
                plain = preview_import(session, path)
                # With "update" ticked, the rows already recorded may create parties too.
                updating = preview_import(session, path, update=True) if plain.existing else None
                return plain, updating

        self.progress = run_with_progress(
            self.window,
            self.window.worker,
            f"Reading {Path(path).name}…",
            work,
            lambda previews: self._confirm_import(path, *previews),
            lambda error: self._import_failed(path, error),
        )

    def _confirm_import(self, path: str, preview: Any, updating: Any) -> None:
        dialog = ImportPreviewDialog(preview, Path(path).name, self.window, updating)
        self.preview_dialog = dialog
        dialog.accepted.connect(
            lambda: self._run_import(
                path, dialog.update_existing, dialog.new_parties, dialog.keep_duplicates
            )
        )
        dialog.open()

    def _run_import(
        self, path: str, update: bool, new_parties: bool = False, keep_duplicates: bool = False
    ) -> None:
        sessions = self.window.database.sessions

        def work(job: Job) -> ImportResult:
            with sessions.begin() as session:
                return import_file(
                    session,
                    path,
                    update=update,
                    new_parties=new_parties,
                    keep_duplicates=keep_duplicates,
                    progress=job.progress,
                    cancelled=lambda: job.cancelled,
                )

        self.progress = run_with_progress(
            self.window,
            self.window.worker,
            f"Importing {Path(path).name}…",
            work,
            self._imported,
            lambda error: self._import_failed(path, error),
        )

    def _imported(self, result: ImportResult) -> None:
        parts = [f"Imported {result.added:,} agreement(s)"]
        if result.updated:
            parts.append(f"updated {result.updated:,}")
        if result.skipped:
            parts.append(f"skipped {result.skipped:,} already recorded")
        if result.parties_created:
            parts.append(f"{len(result.parties_created)} new parties")
        if result.fields_created:
            parts.append(f"{len(result.fields_created)} new fields")
        self.window.statusBar().showMessage(", ".join(parts) + ".", 15000)
        self.window.after_bulk_change(list(result.added_ids))
        self.import_finished.emit(result)

    def _import_failed(self, path: str, error: BaseException) -> None:
        name = Path(path).name
        if isinstance(error, CANCELLED):
            self._tell("Import cancelled", "The import was cancelled; nothing was changed.")
        elif isinstance(error, ImportFailed):
            problems = [str(problem) for problem in error.problems] or [str(error)]
            intro = (
                f"{name} was not imported: nothing was changed. "
                f"Fix {'this problem' if len(problems) == 1 else f'these {len(problems)} problems'}"
                " and import it again."
            )
            self.problems_dialog = ProblemsDialog("Import refused", intro, problems, self.window)
            self.problems_dialog.open()
            self.failed.emit(intro)
        else:
            self._tell("Import failed", f"{name} was not imported: {error}")

    # ------------------------------------------------------------ export

    def export_agreements(self) -> None:
        scope = self.ask_scope("Export")
        if scope is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            f"Export {scope.words}",
            str(Path.home() / "agreements.csv"),
            ";;".join((CSV_FILTER, EXCEL_FILTER, JSON_FILTER)),
        )
        if not path:
            return
        if Path(path).suffix.lower() not in (".csv", ".json"):
            path += ".json" if chosen == JSON_FILTER else ".csv"
        excel = chosen == EXCEL_FILTER and Path(path).suffix.lower() == ".csv"
        problem = export_target_problem(Path(path), sqlite_path(self.window.database.url))
        if problem:
            self._tell("Export refused", f"Nothing was exported: {problem}.")
            return
        sessions, wanted = self.window.database.sessions, self.window.filter_panel.current_filter()
        sort = self.window.current_sort()

        def work(job: Job) -> int:
            with sessions() as session:
                return export_file(
                    session,
                    path,
                    scope.ids if scope.ids is not None else wanted,
                    sort=sort,
                    progress=job.progress,
                    cancelled=lambda: job.cancelled,
                    excel=excel,
                )

        def done(written: int) -> None:
            self.window.statusBar().showMessage(
                f"Exported {written:,} agreement(s) to {path}", 15000
            )
            self.export_finished.emit(path)

        self.progress = run_with_progress(
            self.window,
            self.window.worker,
            f"Exporting {scope.words}…",
            work,
            done,
            lambda error: self._export_failed("Export", error),
        )

    def export_pdf(self) -> None:
        scope = self.ask_scope("Export PDF of")
        if scope is None:
            return
        path = self._pdf_path(f"PDF summary of {scope.words}", "agreements.pdf")
        if not path:
            return
        window = self.window
        sessions, wanted, sort = (
            window.database.sessions,
            window.filter_panel.current_filter(),
            window.current_sort(),
        )
        author, name = window.settings.author, window.database.name

        def work(job: Job) -> ReportResult:
            return _reports().write_summary(
                sessions,
                wanted,
                Path(path),
                sort=sort,
                author=author,
                database_name=name,
                agreement_ids=scope.ids,
                progress=job.progress,
                cancelled=lambda: job.cancelled,
            )

        self.progress = run_with_progress(
            window,
            window.worker,
            "Writing the PDF…",
            work,
            lambda result: self._pdf_done(path, result),
            lambda error: self._export_failed("Export PDF", error),
        )

    def export_fact_sheet(self) -> None:
        agreement_id = self.window.current_id()
        if agreement_id is None:
            return
        path = self._pdf_path("Fact sheet", f"agreement-{agreement_id}.pdf")
        if not path:
            return
        sessions, author, name = (
            self.window.database.sessions,
            self.window.settings.author,
            self.window.database.name,
        )

        def work(_job: Job) -> ReportResult:
            return _reports().write_fact_sheet(
                sessions, agreement_id, Path(path), author=author, database_name=name
            )

        self.progress = run_with_progress(
            self.window,
            self.window.worker,
            "Writing the fact sheet…",
            work,
            lambda result: self._pdf_done(path, result),
            lambda error: self._export_failed("Fact sheet", error),
        )

    def _pdf_path(self, title: str, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self.window, title, str(Path.home() / suggested), "PDF (*.pdf)"
        )
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    def _pdf_done(self, path: str, result: ReportResult) -> None:
        message = f"Wrote {path}: {result.pages} page(s), {result.agreements} agreement(s)."
        self.window.statusBar().showMessage(message, 15000)
        if result.warnings:
            QMessageBox.warning(
                self.window, "PDF written, with warnings", "\n".join(result.warnings)
            )
        self.export_finished.emit(path)
        if self.open_after_export:
            answer = QMessageBox.question(
                self.window,
                "PDF written",
                f"{message}\n\nOpen it now?",
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            )
            if answer == QMessageBox.StandardButton.Open:
                QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _export_failed(self, title: str, error: BaseException) -> None:
        if isinstance(error, (*CANCELLED, _reports().ReportCancelled)):
            self._tell(f"{title} cancelled", "Cancelled; no file was written.")
        else:
            self._tell(f"{title} failed", f"Nothing was written: {error}")

    # ------------------------------------------------------------ shared

    def ask_scope(self, verb: str) -> Scope | None:
        """The selected agreements when several are selected and the user wants them; else all."""
        matching = self.window.model.rowCount()
        selected = self.window.selected_ids()
        everything = Scope(None, f"the {matching:,} agreement(s) matching the filter")
        if len(selected) < 2:
            return everything
        box = QMessageBox(self.window)
        box.setWindowTitle(verb.split()[0])
        box.setText(
            f"{verb} the {len(selected)} selected agreements, "
            f"or all {matching:,} that match the filter?"
        )
        chosen = box.addButton("Selected", QMessageBox.ButtonRole.AcceptRole)
        every = box.addButton("All matching", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is chosen:
            return Scope(selected, f"the {len(selected)} selected agreements")
        return everything if box.clickedButton() is every else None

    def _tell(self, title: str, text: str) -> None:
        self.failed.emit(text)
        QMessageBox.information(self.window, title, text)

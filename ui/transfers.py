"""Moving agreements in and out of the window: import, export (CSV/JSON) and PDF reports.

Each runs off the GUI thread with a progress dialog whose Cancel leaves everything as it
was: an import rolls back, an export or report leaves no half-written file. The window lends
what they need (ui/window_context.py) and listens to their signals: nothing here calls it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from models.backups import BEFORE_IMPORT, backup_before
from models.cancelled import Cancelled
from models.database import sqlite_path
from models.exchange_format import ImportFailed
from models.export_target import export_target_problem
from ui.export_pdf_dialog import ExportPdfDialog, PdfChoices
from ui.import_dialog import ImportPreviewDialog, ProblemsDialog
from ui.model_messages import message_text
from ui.translations import fill
from ui.window_context import WindowContext
from ui.workers import Job, run_with_progress

if TYPE_CHECKING:
    from models.exchange import ImportResult
    from reports import ReportResult

translate = QCoreApplication.translate


def file_types() -> tuple[str, str, str]:
    """The export dialog's file types; the second is a CSV with a byte-order mark and CRLF."""
    return (
        translate("Transfers", "CSV (*.csv)"),
        translate("Transfers", "CSV for Excel (*.csv)"),
        translate("Transfers", "JSON (*.json)"),
    )


def _reports() -> Any:
    """ReportLab loads in a quarter of a second: only when a PDF is asked for, not at start."""
    import reports

    return reports


class Output(Enum):
    """What is being made: each has its own question, title and failure words."""

    EXPORT = auto()  # CSV or JSON
    EXPORT_PDF = auto()  # the PDF summary
    FACT_SHEET = auto()  # one agreement's PDF
    PRINT = auto()  # the printed summary (ui/summary_printer.py)


@dataclass(frozen=True)
class Scope:
    """What an export covers: the selected agreements, or everything the filter matches."""

    ids: list[int] | None  # None: the current filter
    words: str


class Transfers(QObject):
    import_finished = Signal(object)  # ImportResult: the window shows and selects the rows
    export_finished = Signal(str)  # the file written
    failed = Signal(str)  # a message the user was shown
    pdf_dialog_shown = Signal(object)  # the Export PDF dialog, open for the user
    message = Signal(str)  # what was done, in words, for the status bar

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.preview_dialog: ImportPreviewDialog | None = None
        self.problems_dialog: ProblemsDialog | None = None
        self.progress: Any = None
        self.open_after_export = True  # offer to open a finished PDF
        self.pdf_dialog: ExportPdfDialog | None = None

    # ------------------------------------------------------------ import

    def import_agreements(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.context.parent,
                self.tr("Import agreements"),
                str(Path.home()),
                self.tr("Agreements (*.csv *.json);;CSV (*.csv);;JSON (*.json)"),
            )
        if not path:
            return
        sessions = self.context.database().sessions
        # Imported when first asked for: the window opens without the import's code.
        from models.exchange import preview_import

        def work(_job: Job) -> Any:
            with sessions() as session:
                plain = preview_import(session, path)
                # With "update" ticked, the rows already recorded may create parties too.
                updating = preview_import(session, path, update=True) if plain.existing else None
                return plain, updating

        self.progress = run_with_progress(
            self.context.parent,
            self.context.worker,
            fill(self.tr("Reading %1…"), Path(path).name),
            work,
            lambda previews: self._confirm_import(path, *previews),
            lambda error: self._import_failed(path, error),
        )

    def _confirm_import(self, path: str, preview: Any, updating: Any) -> None:
        dialog = ImportPreviewDialog(preview, Path(path).name, self.context.parent, updating)
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
        database = self.context.database()
        sessions, url = database.sessions, database.url
        rotation = self.context.settings.backup_rotation
        from models.attachment_exchange import import_with_attachments

        def work(job: Job) -> ImportResult:
            backup_before(url, BEFORE_IMPORT, rotation)
            with sessions.begin() as session:
                # With the files an export --with-attachments wrote: one transaction, one step.
                result, _files = import_with_attachments(
                    session,
                    path,
                    check=job.check,
                    update=update,
                    new_parties=new_parties,
                    keep_duplicates=keep_duplicates,
                    progress=job.progress,
                    cancelled=lambda: job.cancelled,
                )
                return result

        self.progress = run_with_progress(
            self.context.parent,
            self.context.worker,
            fill(self.tr("Importing %1…"), Path(path).name),
            work,
            self._imported,
            lambda error: self._import_failed(path, error),
        )

    def _imported(self, result: ImportResult) -> None:
        parts = [self.tr("Imported %Ln agreement(s)", "", result.added)]
        if result.updated:
            parts.append(self.tr("updated %Ln", "", result.updated))
        recorded = result.skipped - result.repeated  # or unchanged, with update
        if recorded:
            parts.append(self.tr("skipped %Ln already recorded", "", recorded))
        if result.repeated:
            parts.append(self.tr("skipped %Ln repeated in the file", "", result.repeated))
        if result.parties_created:
            parts.append(self.tr("%Ln new part(ies)", "", len(result.parties_created)))
        if result.fields_created:
            parts.append(self.tr("%Ln new field(s)", "", len(result.fields_created)))
        self.message.emit(", ".join(parts) + ".")
        self.import_finished.emit(result)

    def _import_failed(self, path: str, error: BaseException) -> None:
        name = Path(path).name
        if isinstance(error, Cancelled):
            self._tell(
                self.tr("Import cancelled"),
                self.tr("The import was cancelled; nothing was changed."),
            )
        elif isinstance(error, ImportFailed):
            problems = [message_text(problem.message()) for problem in error.problems]
            problems = problems or [message_text(error)]
            intro = fill(
                self.tr(
                    "%1 was not imported: nothing was changed. "
                    "Fix the %Ln problem(s) below and import it again.",
                    "",
                    len(problems),
                ),
                name,
            )
            self.problems_dialog = ProblemsDialog(
                self.tr("Import refused"), intro, problems, self.context.parent
            )
            self.problems_dialog.open()
            self.failed.emit(intro)
        else:
            self._tell(
                self.tr("Import failed"),
                fill(self.tr("%1 was not imported: %2"), name, message_text(error)),
            )

    # ------------------------------------------------------------ export

    def export_agreements(self) -> None:
        scope = self.ask_scope(Output.EXPORT)
        if scope is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self.context.parent,
            fill(self.tr("Export %1"), scope.words),
            str(Path.home() / "agreements.csv"),
            ";;".join(file_types()),
        )
        if not path:
            return
        if Path(path).suffix.lower() not in (".csv", ".json"):
            path += ".json" if chosen == file_types()[2] else ".csv"
        excel = chosen == file_types()[1] and Path(path).suffix.lower() == ".csv"
        problem = export_target_problem(Path(path), sqlite_path(self.context.database().url))
        if problem:
            self._tell(
                self.tr("Export refused"),
                fill(self.tr("Nothing was exported: %1."), message_text(problem)),
            )
            return
        sessions, wanted = self.context.database().sessions, self.context.current_filter()
        sort = self.context.current_sort()
        from models.exchange_write import export_file  # not loaded until an export

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
            self.message.emit(fill(self.tr("Exported %Ln agreement(s) to %1", "", written), path))
            self.export_finished.emit(path)

        self.progress = run_with_progress(
            self.context.parent,
            self.context.worker,
            fill(self.tr("Exporting %1…"), scope.words),
            work,
            done,
            lambda error: self._export_failed(Output.EXPORT, error),
        )

    def export_pdf(self) -> None:
        """Ask for the title and author (suggesting a title made from the filter), confirm
        a very long PDF, choose the file, then write it off the GUI thread."""
        scope = self.ask_scope(Output.EXPORT_PDF)
        if scope is None:
            return
        context = self.context
        sessions, wanted = context.database().sessions, context.current_filter()
        number = len(scope.ids) if scope.ids is not None else context.matching()

        def work(_job: Job) -> str:
            with sessions.begin() as session:
                selected = len(scope.ids) if scope.ids is not None else None
                return _reports().summary_report.title_for(session, wanted, selected)

        context.worker.submit(
            work,
            lambda title: self._ask_pdf_choices(scope, title, number),
            lambda error: self._export_failed(Output.EXPORT_PDF, error),
        )

    def _ask_pdf_choices(self, scope: Scope, title: str, number: int) -> None:
        summary = _reports().summary_report
        dialog = ExportPdfDialog(
            self.context.settings,
            title,
            number,
            summary.estimate_pages(number),
            self.context.parent,
        )
        self.pdf_dialog = dialog
        dialog.accepted.connect(lambda: self._confirm_pdf(scope, number, dialog.choices()))
        dialog.open()
        self.pdf_dialog_shown.emit(dialog)

    def _confirm_pdf(self, scope: Scope, number: int, choices: PdfChoices) -> None:
        summary = _reports().summary_report
        if number > summary.LARGE_REPORT and not choices.register_only:
            pages = summary.estimate_pages(number)
            answer = QMessageBox.question(
                self.context.parent,
                self.tr("A very long PDF"),
                fill(
                    self.tr(
                        "The PDF of %Ln agreement(s) will have about %1 pages and take a "
                        "while to write. Make it?",
                        "",
                        number,
                    ),
                    QLocale().toString(pages),
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        path = self._pdf_path(fill(self.tr("PDF summary of %1"), scope.words), "agreements.pdf")
        if path:
            self._write_pdf(path, scope, choices)

    def _write_pdf(self, path: str, scope: Scope, choices: PdfChoices) -> None:
        context = self.context
        database = context.database()
        sessions, wanted, sort = database.sessions, context.current_filter(), context.current_sort()
        author = choices.author or (context.settings.author if choices.show_source else "")
        name = database.name
        locale = QLocale().name()  # the window's language: the PDF's dates and numbers follow

        def work(job: Job) -> ReportResult:
            return _reports().write_summary(
                sessions,
                wanted,
                Path(path),
                title=choices.title,
                sort=sort,
                author=author,
                database_name=name,
                show_source=choices.show_source,
                register_only=choices.register_only,
                agreement_ids=scope.ids,
                locale=locale,
                progress=job.progress,
                cancelled=lambda: job.cancelled,
            )

        self.progress = run_with_progress(
            context.parent,
            context.worker,
            self.tr("Writing the PDF…"),
            work,
            lambda result: self._pdf_done(path, result),
            lambda error: self._export_failed(Output.EXPORT_PDF, error),
        )

    def export_fact_sheet(self) -> None:
        agreement_id = self.context.current_id()
        if agreement_id is None:
            return
        path = self._pdf_path(self.tr("Fact sheet"), f"agreement-{agreement_id}.pdf")
        if not path:
            return
        settings = self.context.settings
        sessions, author, name, show_source = (
            self.context.database().sessions,
            settings.pdf_author_for_print(),
            self.context.database().name,
            settings.pdf_show_source,
        )
        locale = QLocale().name()

        def work(_job: Job) -> ReportResult:
            return _reports().write_fact_sheet(
                sessions,
                agreement_id,
                Path(path),
                author=author,
                database_name=name,
                show_source=show_source,
                locale=locale,
            )

        self.progress = run_with_progress(
            self.context.parent,
            self.context.worker,
            self.tr("Writing the fact sheet…"),
            work,
            lambda result: self._pdf_done(path, result),
            lambda error: self._export_failed(Output.FACT_SHEET, error),
        )

    def _pdf_path(self, title: str, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self.context.parent, title, str(Path.home() / suggested), self.tr("PDF (*.pdf)")
        )
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path

    def _pdf_done(self, path: str, result: ReportResult) -> None:
        message = fill(
            self.tr("Wrote %1: %2, %3."),
            path,
            self.tr("%Ln page(s)", "", result.pages),
            self.tr("%Ln agreement(s)", "", result.agreements),
        )
        self.message.emit(message)
        if result.warnings:
            QMessageBox.warning(
                self.context.parent,
                self.tr("PDF written, with warnings"),
                "\n".join(result.warnings),
            )
        self.export_finished.emit(path)
        if self.open_after_export:
            answer = QMessageBox.question(
                self.context.parent,
                self.tr("PDF written"),
                fill(self.tr("%1\n\nOpen it now?"), message),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            )
            if answer == QMessageBox.StandardButton.Open:
                QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _export_failed(self, what: Output, error: BaseException) -> None:
        """Say why *what* was not made (each title a phrase of its own, for translators)."""
        if isinstance(error, Cancelled):
            titles = {
                Output.EXPORT: self.tr("Export cancelled"),
                Output.EXPORT_PDF: self.tr("Export PDF cancelled"),
                Output.FACT_SHEET: self.tr("Fact sheet cancelled"),
            }
            self._tell(titles[what], self.tr("Cancelled; no file was written."))
        else:
            titles = {
                Output.EXPORT: self.tr("Export failed"),
                Output.EXPORT_PDF: self.tr("Export PDF failed"),
                Output.FACT_SHEET: self.tr("Fact sheet failed"),
            }
            self._tell(titles[what], fill(self.tr("Nothing was written: %1"), message_text(error)))

    # ------------------------------------------------------------ shared

    def ask_scope(self, verb: Output) -> Scope | None:
        """The selected agreements when several are selected and the user wants them; else all.

        *verb*: EXPORT, EXPORT_PDF or PRINT, for the question's words.
        """
        matching = self.context.matching()
        selected = self.context.selected_ids()
        everything = Scope(None, self.tr("the %Ln agreement(s) matching the filter", "", matching))
        if len(selected) < 2:
            return everything
        box = QMessageBox(self.context.parent)
        titles = {Output.EXPORT: self.tr("Export"), Output.EXPORT_PDF: self.tr("Export PDF")}
        box.setWindowTitle(titles.get(verb, self.tr("Print")))
        questions = {
            Output.EXPORT: self.tr(
                "Export the %Ln selected agreement(s), or all %1 that match the filter?",
                "",
                len(selected),
            ),
            Output.EXPORT_PDF: self.tr(
                "Export a PDF of the %Ln selected agreement(s), "
                "or of all %1 that match the filter?",
                "",
                len(selected),
            ),
            Output.PRINT: self.tr(
                "Print the %Ln selected agreement(s), or all %1 that match the filter?",
                "",
                len(selected),
            ),
        }
        box.setText(fill(questions[verb], QLocale().toString(matching)))
        chosen = box.addButton(self.tr("Selected"), QMessageBox.ButtonRole.AcceptRole)
        every = box.addButton(self.tr("All matching"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is chosen:
            return Scope(selected, self.tr("the %Ln selected agreement(s)", "", len(selected)))
        return everything if box.clickedButton() is every else None

    def _tell(self, title: str, text: str) -> None:
        self.failed.emit(text)
        QMessageBox.information(self.context.parent, title, text)

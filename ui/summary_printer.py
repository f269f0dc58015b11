"""File › Print: the current summary (what covers, counts, the register) through Qt's print dialog.

The same plan as the PDF summary (reports.summary_report.plan_summary), read on the worker,
laid out as a QTextDocument and printed on the GUI thread once the user has chosen a printer.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox

from models.cancelled import Cancelled
from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from ui import vocab_labels
from ui.transfers import Output, Scope
from ui.translations import fill
from ui.window_context import WindowContext
from ui.workers import Job, run_with_progress

if TYPE_CHECKING:
    from reports.summary_report import SummaryPlan

# A print-out of more lines than this is a job for Export PDF (which has every agreement's
# section): laying out 250,000 rows would hold the window for a minute.
PRINT_LIMIT = 2000
translate = QCoreApplication.translate


def summary_html(plan: SummaryPlan, limit: int = PRINT_LIMIT) -> str:
    """The summary as HTML for QTextDocument: title, what it covers, counts, the register."""
    overview = plan.overview
    number = QLocale().toString
    total = SummaryPrinter.tr("%Ln agreement(s).", "", overview.total)
    parts = [
        f"<h2>{escape(plan.title)}</h2>",
        f"<p><b>{escape(plan.covers)}</b>. {escape(plan.order)}.</p>",
        f"<p>{escape(total)}</p>",
    ]
    counts = [
        (
            translate("SummaryPrinter", "Status"),
            [(vocab_labels.label(status), n) for status, n in overview.statuses],
        ),
        (translate("SummaryPrinter", "Field"), overview.top_fields()),
        (translate("SummaryPrinter", "Party"), list(overview.parties)),
    ]
    for heading, rows in counts:
        if rows:
            cells = "".join(
                f"<tr><td>{escape(name)}</td><td align='right'>{number(n)}</td></tr>"
                for name, n in rows
            )
            parts.append(f"<h4>{escape(heading)}</h4><table cellpadding='2'>{cells}</table>")
    header = "".join(
        f"<th align='left' width='{width}%'>{escape(register_heading(name))}</th>"
        for name, width in REGISTER_HEADINGS
    )
    register = translate("SummaryPrinter", "Register")
    lines = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(str(cell))}</td>"
            for cell in (row.number, row.title, row.kind, row.status, row.signed, row.parties)
        )
        + "</tr>"
        for row in plan.register[:limit]
    )
    parts.append(
        f"<h4>{escape(register)}</h4>"
        "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
        f"<tr>{header}</tr>{lines}</table>"
    )
    if len(plan.register) > limit:
        more = len(plan.register) - limit
        words = SummaryPrinter.tr("… and %Ln more: Export PDF writes every one.", "", more)
        parts.append(f"<p>{escape(words)}</p>")
    return "".join(parts)


# Column headings and their share of the page's width.
REGISTER_HEADINGS = (
    (QT_TRANSLATE_NOOP("SummaryPrinter", "No."), 5),
    (QT_TRANSLATE_NOOP("SummaryPrinter", "Title"), 34),
    (QT_TRANSLATE_NOOP("SummaryPrinter", "Kind"), 15),
    (QT_TRANSLATE_NOOP("SummaryPrinter", "Status"), 10),
    (QT_TRANSLATE_NOOP("SummaryPrinter", "Signed"), 18),
    (QT_TRANSLATE_NOOP("SummaryPrinter", "Parties"), 18),
)


def register_heading(name: str) -> str:
    """A register heading (REGISTER_HEADINGS) in the window's language."""
    return translate("SummaryPrinter", name)


class SummaryPrinter(QObject):
    """Reads the summary off the GUI thread, then asks for a printer and prints it."""

    # Qt's tr works on the class too (PySide6's stubs know the method only); an annotation,
    # as a def here would hide the class's name from pyside6-lupdate.
    if TYPE_CHECKING:
        tr: ClassVar[Callable[..., str]]

    printed = Signal(int)  # agreements in the summary that was printed
    message = Signal(str)  # what was done, in words, for the status bar

    def __init__(self, context: WindowContext, ask_scope: Callable[[Output], Scope | None]) -> None:
        """*ask_scope*: the selected agreements or all matching, asked as Export asks it."""
        super().__init__(context.parent)
        self.context = context
        self._ask_scope = ask_scope
        self.progress: Any = None

    def print_summary(self) -> None:
        scope = self._ask_scope(Output.PRINT)
        if scope is None:
            return
        context = self.context
        sessions, wanted, sort = (
            context.database().sessions,
            context.current_filter(),
            context.current_sort(),
        )

        def work(_job: Job) -> SummaryPlan:
            from reports.summary_report import plan_summary  # ReportLab only when asked

            with sessions() as session:
                return plan_summary(session, wanted, sort=sort, agreement_ids=scope.ids)

        self.progress = run_with_progress(
            context.parent,
            context.worker,
            self.tr("Preparing the summary…"),
            work,
            self._print,
            self._failed,
        )

    def _print(self, plan: SummaryPlan) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(plan.title)
        dialog = QPrintDialog(printer, self.context.parent)
        dialog.setWindowTitle(self.tr("Print summary"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setHtml(summary_html(plan))
        document.print_(printer)
        self.message.emit(
            self.tr("Sent the summary of %Ln agreement(s) to the printer.", "", plan.overview.total)
        )
        self.printed.emit(plan.overview.total)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        QMessageBox.information(
            self.context.parent, self.tr("Print"), fill(self.tr("Nothing was printed: %1"), error)
        )

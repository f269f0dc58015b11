"""The Export PDF dialog: the title and author a summary carries, and what else it prints.

The title starts as the filter in words ("Agreements between Kazakhstan and Uzbekistan in
Transport, 2021"); the author and the ticks are remembered between sessions. Nothing
identifying (the database's path, the user name) is printed unless ticked.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.settings import Settings
from ui.translations import fill


@dataclass(frozen=True)
class PdfChoices:
    """What the user chose: plain data for the report job."""

    title: str
    author: str
    show_source: bool
    register_only: bool


class ExportPdfDialog(QDialog):
    """Ask for the PDF's title and author before choosing where to write it."""

    def __init__(
        self,
        settings: Settings,
        default_title: str,
        agreements: int,
        pages: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportPdfDialog")
        self.setWindowTitle(self.tr("Export PDF"))
        self._settings = settings
        self.default_title = default_title
        self.title_edit = QLineEdit(default_title, self)
        self.title_edit.setObjectName("pdfTitleEdit")
        self.title_edit.setPlaceholderText(default_title)
        # Wide enough for the suggested title, within a laptop screen.
        metrics = self.fontMetrics()
        wide = metrics.horizontalAdvance(default_title) + 30
        self.title_edit.setMinimumWidth(min(max(wide, metrics.horizontalAdvance("M" * 30)), 720))
        self.author_edit = QLineEdit(settings.pdf_author, self)
        self.author_edit.setObjectName("pdfAuthorEdit")
        self.author_edit.setPlaceholderText(self.tr("Nobody is named unless you type a name"))
        self.show_source_check = QCheckBox(
            self.tr("Print the database's location and my user name"), self
        )
        self.show_source_check.setObjectName("showSourceCheck")
        self.show_source_check.setChecked(settings.pdf_show_source)
        self.register_only_check = QCheckBox(
            self.tr("Only the register (one line per agreement)"), self
        )
        self.register_only_check.setObjectName("registerOnlyCheck")
        size = QLabel(
            fill(
                self.tr("%1, %2."),
                self.tr("%Ln agreement(s)", "", agreements),
                self.tr("about %Ln page(s)", "", pages),
            ),
            self,
        )
        size.setObjectName("pdfSizeLabel")
        self._lay_out(size)
        self.title_edit.setFocus()
        self.title_edit.selectAll()  # a new title replaces the suggested one as it is typed

    def _lay_out(self, size: QLabel) -> None:
        form = QFormLayout()
        title_label = QLabel(self.tr("&Title"), self)
        title_label.setBuddy(self.title_edit)
        author_label = QLabel(self.tr("&Prepared by"), self)
        author_label.setBuddy(self.author_edit)
        form.addRow(title_label, self.title_edit)
        form.addRow(author_label, self.author_edit)
        form.addRow("", self.show_source_check)
        form.addRow("", self.register_only_check)
        buttons = QDialogButtonBox(self)
        export = buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        export.setObjectName("exportButton")
        export.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(size)
        layout.addWidget(buttons)

    def choices(self) -> PdfChoices:
        """The title (the suggested one if cleared), author and ticks."""
        return PdfChoices(
            title=" ".join(self.title_edit.text().split()) or self.default_title,
            author=" ".join(self.author_edit.text().split()),
            show_source=self.show_source_check.isChecked(),
            register_only=self.register_only_check.isChecked(),
        )

    def accept(self) -> None:
        """Remember the author and the source tick for the next PDF."""
        chosen = self.choices()
        self._settings.pdf_author = chosen.author
        self._settings.pdf_show_source = chosen.show_source
        super().accept()

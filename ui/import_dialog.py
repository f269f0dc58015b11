"""What an import will do, shown before anything is written; and why a file was refused."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.translations import fill

if TYPE_CHECKING:  # the window opens without the import's code (ui.transfers loads it)
    from models.exchange import ImportPreview

LISTED = 40  # names listed in full; the rest are counted
translate = QCoreApplication.translate


class ImportDialog(QObject):
    """The translation context of the preview's words: pyside6-lupdate reads ImportDialog.tr calls
    (a plural's count in QCoreApplication.translate is lost on it)."""

    # Qt's tr works on the class too (PySide6's stubs know the method only); an annotation,
    # as a def here would hide the class's name from pyside6-lupdate.
    if TYPE_CHECKING:
        tr: ClassVar[Callable[..., str]]


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(escape(name) for name in names[:LISTED])
    if len(names) > LISTED:
        return fill(ImportDialog.tr("%1 and %Ln more", "", len(names) - LISTED), shown)
    return shown


def describe_preview(
    preview: ImportPreview, file_name: str, update: bool = False, keep_duplicates: bool = False
) -> str:
    """The preview in words, as rich text."""
    new = preview.new + (len(preview.possible_duplicates) if keep_duplicates else 0)
    lines = [
        fill(
            ImportDialog.tr("<b>%1</b> holds %Ln agreement(s).", "", preview.rows),
            escape(file_name),
        ),
        ImportDialog.tr("<b>%Ln</b> is new and will be added.", "", new),
    ]
    if preview.existing:
        if update:
            text = ImportDialog.tr(
                "%Ln is already recorded (same title and signing date): "
                "will be updated from the file.",
                "",
                preview.existing,
            )
        else:
            text = ImportDialog.tr(
                "%Ln is already recorded (same title and signing date): "
                "will be skipped, unless you choose to update them.",
                "",
                preview.existing,
            )
        lines.append(text)
    if preview.repeated:
        lines.append(
            ImportDialog.tr(
                "%Ln repeats an earlier row of the file and will be skipped.",
                "",
                preview.repeated,
            )
        )
    lines += _possible_duplicates(preview, keep_duplicates)
    if preview.parties_created:
        count = len(preview.parties_created)
        lines.append(
            fill(
                ImportDialog.tr("%Ln new party(ies): %1.", "", count),
                _names(preview.parties_created),
            )
        )
    if preview.doubtful_parties:
        count = len(preview.doubtful_parties)
        hinted = translate("ImportDialog", "%1 (did you mean %2?)")
        names = [fill(hinted, name, hint) for name, hint in preview.doubtful_parties]
        lines.append(
            fill(
                ImportDialog.tr("<b>%Ln new party(ies) may be misspelt:</b> %1.", "", count),
                _names(names),
            )
        )
    if preview.fields_created:
        count = len(preview.fields_created)
        lines.append(
            fill(
                ImportDialog.tr("%Ln new field(s): %1.", "", count),
                _names(preview.fields_created),
            )
        )
    return "<br/>".join(lines)


def _possible_duplicates(preview: ImportPreview, keep: bool) -> list[str]:
    """'2 look like agreements already recorded …: line 5 ~ 12 'Title', …' (or nothing)."""
    rows = preview.possible_duplicates
    if not rows:
        return []
    listed = "<br/>".join(
        f"&nbsp;&nbsp;{escape(row.describe(), quote=False)}" for row in rows[:LISTED]
    )
    more = ""
    if len(rows) > LISTED:
        more = "<br/>&nbsp;&nbsp;" + ImportDialog.tr("and %Ln more", "", len(rows) - LISTED)
    if keep:
        text = ImportDialog.tr(
            "%Ln looks like an agreement already recorded (same signing date and parties, "
            "a title near in wording) and will be added anyway:",
            "",
            len(rows),
        )
    else:
        text = ImportDialog.tr(
            "%Ln looks like an agreement already recorded (same signing date and parties, "
            "a title near in wording) and will be skipped, unless you choose to keep them:",
            "",
            len(rows),
        )
    return [f"{text}<br/>{listed}{more}"]


class ImportPreviewDialog(QDialog):
    """Import or cancel, knowing what will happen; optionally update what is already recorded."""

    def __init__(
        self,
        preview: ImportPreview,
        file_name: str,
        parent: QWidget | None = None,
        preview_with_update: ImportPreview | None = None,
    ) -> None:
        super().__init__(parent)
        self._previews = (preview, preview_with_update or preview)
        self._file_name = file_name
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("Import agreements"))
        self.summary = QLabel(describe_preview(preview, file_name), self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.update_box = QCheckBox(
            self.tr("Update the agreements that are already recorded"), self
        )
        self.update_box.setObjectName("updateExistingCheck")
        self.update_box.setEnabled(preview.existing > 0)
        self.update_box.toggled.connect(self._describe)
        self.keep_box = QCheckBox(self.tr("Add the possible duplicates too"), self)
        self.keep_box.setObjectName("keepDuplicatesCheck")
        self.keep_box.setVisible(bool(preview.possible_duplicates))
        self.keep_box.toggled.connect(self._describe)
        self.new_parties_box = self._new_parties_box(preview, preview_with_update or preview)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importConfirmButton")
        # A name that looks misspelt is recorded as a new party only once the user says so.
        self.import_button.setEnabled(self.new_parties_box.isHidden())
        self.new_parties_box.toggled.connect(self.import_button.setEnabled)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.update_box)
        layout.addWidget(self.new_parties_box)
        layout.addWidget(self.keep_box)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _new_parties_box(self, *previews: ImportPreview) -> QCheckBox:
        """'Uzbekistn (did you mean Uzbekistan?) is a new party': shown only when there are such."""
        doubtful = dict(pair for preview in previews for pair in preview.doubtful_parties)
        if len(doubtful) == 1:
            text = fill(
                self.tr("%1 is a new party, not a misspelling: record it as written"),
                next(iter(doubtful)),
            )
        else:
            text = self.tr("They are new parties, not misspellings: record them as written")
        box = QCheckBox(text, self)
        box.setObjectName("confirmNewPartiesCheck")
        box.setVisible(bool(doubtful))
        return box

    @property
    def update_existing(self) -> bool:
        return self.update_box.isChecked()

    @property
    def new_parties(self) -> bool:
        """The user confirmed the doubtful new parties."""
        return self.new_parties_box.isChecked()

    @property
    def keep_duplicates(self) -> bool:
        return self.keep_box.isChecked()

    def _describe(self) -> None:
        update = self.update_existing
        self.summary.setText(
            describe_preview(
                self._previews[int(update)], self._file_name, update, self.keep_duplicates
            )
        )


class ProblemsDialog(QDialog):
    """Every reason a file was refused, one per line, to read and copy."""

    def __init__(
        self, title: str, intro: str, problems: Sequence[str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(title)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        self.problems = QPlainTextEdit("\n".join(problems), self)
        self.problems.setObjectName("problemsList")
        self.problems.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(680, 380)

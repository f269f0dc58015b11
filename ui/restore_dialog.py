"""File › Restore from backup…: the backups of the open SQLite file, and restoring one.

The list is read on the window's worker. Restoring runs there too: the window's database
is closed, the current file is backed up, the chosen backup is checked and renamed over
it (models.backups.restore_backup), and the file is opened again; the window then shows
it as a database just opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.backups import BackupError, BackupInfo, list_backups, restore_backup, size_text
from models.database import Database, DatabaseError, open_database, sqlite_path
from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from ui import locale_text
from ui.colours import error_style
from ui.model_messages import message_text
from ui.translations import fill
from ui.workers import Job, Worker, run_with_progress

COLUMNS = (
    QT_TRANSLATE_NOOP("RestoreDialog", "Date"),
    QT_TRANSLATE_NOOP("RestoreDialog", "Agreements"),
    QT_TRANSLATE_NOOP("RestoreDialog", "Size"),
    QT_TRANSLATE_NOOP("RestoreDialog", "Made"),
)
# Why a backup was made (models.backups' reasons), in words.
REASONS = {
    "daily": QT_TRANSLATE_NOOP("RestoreDialog", "daily"),
    "manual": QT_TRANSLATE_NOOP("RestoreDialog", "manual"),
    "before-import": QT_TRANSLATE_NOOP("RestoreDialog", "before import"),
    "before-bulk-edit": QT_TRANSLATE_NOOP("RestoreDialog", "before bulk edit"),
    "before-merge": QT_TRANSLATE_NOOP("RestoreDialog", "before merge"),
    "before-restore": QT_TRANSLATE_NOOP("RestoreDialog", "before restore"),
}
translate = QCoreApplication.translate

_when = locale_text.moment


def _reason(reason: str) -> str:
    words = REASONS.get(reason)
    return translate("RestoreDialog", words) if words else reason.replace("-", " ")


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RestoreDialog(QDialog):
    """Lists the backups of *database* (an SQLite file) and restores the one chosen."""

    # Qt's tr works on the class too (PySide6's stubs know the method only); an annotation,
    # as a def here would hide the class's name from pyside6-lupdate.
    if TYPE_CHECKING:
        tr: ClassVar[Callable[..., str]]

    loaded = Signal()  # the list is filled
    restored = Signal(object, str)  # the database opened again, and what happened in words
    failed = Signal(str)

    def __init__(self, database: Database, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        path = sqlite_path(database.url)
        assert path is not None, "only an SQLite file has backups"
        self._database, self._path, self._worker = database, path, worker
        self.backups: list[BackupInfo] = []
        self.progress: QProgressDialog | None = None
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(640, 380)
        layout = QVBoxLayout(self)
        intro = QLabel(
            fill(
                self.tr(
                    "Choose a backup of %1 to put in its place. The database as it is now "
                    "is backed up first, so a restore can be undone by restoring that backup."
                ),
                path.name,
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels([self.tr(name) for name in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.restore())
        layout.addWidget(self.table, 1)
        self.note = QLabel(self.tr("Reading the backups…"), self)
        self.note.setObjectName("backupNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout.addWidget(buttons)
        worker.submit(lambda _job: list_backups(path), self._show, self._failed)

    def _show(self, backups: list[BackupInfo]) -> None:
        self.backups = backups
        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            count = (
                self.tr("unreadable")
                if info.agreements is None
                else locale_text.number(info.agreements)
            )
            cells = (
                _when(info.made_at),
                count,
                locale_text.data_size(info.size, size_text(info.size)),
                _reason(info.reason),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                if column in (1, 2):
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(row, column, item)
        self.note.setText(
            fill(self.tr("%Ln backup(s) in %1", "", len(backups)), backups[0].path.parent)
            if backups
            else self.tr("There are no backups of this database yet.")
        )
        if backups:
            self.table.selectRow(0)
        self.loaded.emit()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def choose(self, row: int) -> None:
        """Select the backup in *row* (as a click on it does)."""
        self.table.selectRow(row)

    def restore(self) -> None:
        """Restore the chosen backup on the worker; the dialog closes when the file is back."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        chosen = self.backups[rows[0].row()]
        database, path = self._database, self._path
        self.restore_button.setEnabled(False)

        def work(_job: Job) -> tuple[Database, str]:
            database.close()  # every connection of this window, before the file is replaced
            result = restore_backup(path, chosen.path)
            return open_database(path), _restored_words(chosen, result.kept)

        self.progress = run_with_progress(
            self,
            self._worker,
            fill(self.tr("Restoring the backup of %1…"), _when(chosen.made_at)),
            work,
            self._done,
            self._failed,
        )

    def _done(self, outcome: tuple[Database, str]) -> None:
        self.restored.emit(*outcome)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        known = isinstance(error, (BackupError, DatabaseError, OSError))
        message = message_text(error) if known else f"{type(error).__name__}: {error}"
        self.note.setText(fill(self.tr("Not restored: %1"), message))
        self.note.setStyleSheet(error_style(self))
        self._selection_changed()
        self.failed.emit(message)


def _restored_words(chosen: BackupInfo, kept: Path) -> str:
    words = (
        translate("RestoreDialog", "? agreements")
        if chosen.agreements is None
        else RestoreDialog.tr("%Ln agreement(s)", "", chosen.agreements)
    )
    return fill(
        translate(
            "RestoreDialog",
            "Restored the backup of %1 (%2); the database as it was is kept as %3",
        ),
        _when(chosen.made_at),
        words,
        kept.name,
    )

"""View › Trash: the deleted agreements (title, deleted when, by whom), Restore, Empty trash.

The list is read, restored and emptied on the window's worker; a restore is an undoable
step like any other, emptying is for good and asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import trash
from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from ui import locale_text
from ui.empty_hint import empty_hint
from ui.model_messages import message_text
from ui.translations import fill
from ui.window_context import WindowContext
from ui.workers import Job

HEADERS = (
    QT_TRANSLATE_NOOP("TrashDialog", "Title"),
    QT_TRANSLATE_NOOP("TrashDialog", "Deleted"),
    QT_TRANSLATE_NOOP("TrashDialog", "By"),
)


class TrashDialog(QDialog):
    """The trash of the window's database, with Restore and Empty trash."""

    loaded = Signal()  # the list shows the trash as it is now
    message = Signal(str)  # what was done, in words, for the window's status bar

    def __init__(
        self,
        context: WindowContext,
        restore: Callable[[list[int], Callable[[], None]], None],
        parent: QWidget | None = None,
    ) -> None:
        """*restore(ids, then)*: the window's undoable restore, which calls *then* when done."""
        super().__init__(parent or context.parent)
        self.context, self._restore = context, restore
        self.rows: list[trash.TrashRow] = []
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Trash"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("trashTable")
        self.table.setHorizontalHeaderLabels([self.tr(header) for header in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: resizing to contents reads every row, and a trash may hold thousands.
        sample = locale_text.stored_moment(datetime(2026, 12, 31, 23, 59, tzinfo=UTC))
        when = self.fontMetrics().horizontalAdvance(sample) + 24
        header.resizeSection(1, when)
        header.resizeSection(2, 140)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty_hint = empty_hint(
            self.table,
            self.tr(
                "The trash is empty. Agreements you delete (Del, or Edit › Delete) wait here "
                "%n day(s) before they go for good; Restore brings one back whole.",
                "",
                context.settings.trash_days,
            ),
        )
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setObjectName("restoreButton")
        self.empty_button = QPushButton(self.tr("&Empty trash…"), self)
        self.empty_button.setObjectName("emptyTrashButton")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty)
        layout.addWidget(buttons)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        """Read the trash again (on the worker)."""
        sessions = self.context.database().sessions

        def work(_job: Job) -> list[trash.TrashRow]:
            with sessions() as session:
                return trash.list_trash(session)

        self.context.worker.submit(work, self._show, self._failed)

    def _show(self, rows: list[trash.TrashRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            for column, text in enumerate(
                (row.title, locale_text.stored_moment(row.deleted_at), row.deleted_by)
            ):
                item = QTableWidgetItem(text)
                tip = fill(self.tr("%1 (agreement %2)"), text, row.id) if column == 0 else text
                item.setToolTip(tip)
                self.table.setItem(number, column, item)
        days, count = self.context.settings.trash_days, len(rows)
        kept = self.tr(
            "They are kept %n day(s), then deleted for good; Restore brings them back with "
            "their id, parties, fields and relations.",
            "",
            days,
        )
        self.note.setText(
            self.tr("%Ln deleted agreement(s).", "", count) + " " + kept
            if rows
            else ""  # the list itself says the trash is empty, and what comes here
        )
        self.note.setVisible(bool(rows))
        self._update_buttons()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.note.setText(message_text(error))
        self.note.show()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.rows[row].id for row in rows if row < len(self.rows)]

    def _update_buttons(self) -> None:
        writable = self.context.database().can_write
        self.restore_button.setEnabled(writable and bool(self.selected_ids()))
        self.empty_button.setEnabled(writable and bool(self.rows))

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._restore(ids, self.reload)

    def empty(self) -> None:
        count = len(self.rows)
        answer = QMessageBox.question(
            self,
            self.tr("Empty trash"),
            self.tr(
                "Delete the %Ln agreement(s) in the trash for good? This can't be undone.",
                "",
                count,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        sessions = self.context.database().sessions

        def work(_job: Job) -> list[int]:
            with sessions.begin() as session:
                return trash.empty_trash(session).ids

        def done(ids: list[int]) -> None:
            deleted = len(ids)
            self.message.emit(self.tr("Deleted %Ln agreement(s) for good.", "", deleted))
            self.reload()

        self.context.worker.submit(work, done, self._failed)

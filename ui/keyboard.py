"""The main window from the keyboard: Tab leaves the table, the search box leads into the
results, and focus comes back to the table (same row) when a dialog closes.

Installed once by the window (install(...) with the widgets it concerns); kept apart from
main_window.py so the window's module stays about wiring.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QStackedWidget, QTableView, QWidget


class TableKeys(QObject):
    """The keyboard's way between the search box, the results table and the dialogs."""

    def __init__(self, table: QTableView, stack: QStackedWidget, search: QLineEdit) -> None:
        """*stack* shows the table, or the welcome page in its place."""
        super().__init__(table)
        self.table, self.stack, self.search = table, stack, search

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down, or Return, in the search box moves to the first result (searching at once)."""
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.to_first_result()
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # The box searches at once on Return; the result lands a moment later, and the
            # table takes focus now so the first row is current as soon as it is there.
            self.search.returnPressed.emit()
            self.to_first_result()
            return True
        return False

    def to_first_result(self) -> None:
        """Focus the table with its first row current (and selected), if there is one."""
        self.table.setFocus(Qt.FocusReason.TabFocusReason)
        if self.table.model().rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def back_to_table(self) -> None:
        """After a dialog: the table has focus again, its current row the selected one, so
        Enter and Del act at once."""
        table = self.table
        if self.stack.currentWidget() is not table:
            return
        selected = table.selectionModel().selectedRows()
        if selected and table.currentIndex().row() != selected[0].row():
            table.setCurrentIndex(selected[0])
        table.setFocus(Qt.FocusReason.OtherFocusReason)

    def return_focus_after(self, dialog: QDialog) -> None:
        """Give the table focus back once *dialog* closes, however it closes."""
        dialog.finished.connect(lambda _result: self.back_to_table())

    def first_row_if_focused(self) -> None:
        """A search landed while the table had focus and no row: make the first one current."""
        table = self.table
        if (
            table.hasFocus()
            and table.model().rowCount()
            and not table.selectionModel().hasSelection()
        ):
            table.selectRow(0)


def install(
    table: QTableView,
    stack: QStackedWidget,
    search: QLineEdit,
    detail: QWidget,
    refreshed: SignalInstance,
) -> TableKeys:
    """Tab moves out of the table (to the *detail* pane and on to the filters); the *search*
    box leads into the results. *refreshed*: the window's signal that a search landed."""
    table.setTabKeyNavigation(False)  # Tab leaves the table instead of walking its cells
    keys = TableKeys(table, stack, search)
    search.installEventFilter(keys)
    QWidget.setTabOrder(search, table)
    QWidget.setTabOrder(table, detail)
    refreshed.connect(keys.first_row_if_focused)
    return keys

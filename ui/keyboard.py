"""The main window from the keyboard: Tab leaves the table, the search box leads into the
results, and focus comes back to the table (same row) when a dialog closes.

Installed once by the window (install(window)); kept apart from main_window.py so the
window's module stays about wiring.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QTableView

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class SearchToResults(QObject):
    """Down, or Return, in the search box moves to the first result (searching at once)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            to_first_result(self.window)
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # The box searches at once on Return; the result lands a moment later, and the
            # table takes focus now so the first row is current as soon as it is there.
            self.window.filter_panel.search_box.returnPressed.emit()
            to_first_result(self.window)
            return True
        return False


def to_first_result(window: MainWindow) -> None:
    """Focus the table with its first row current (and selected), if there is one."""
    table = window.table
    table.setFocus(Qt.FocusReason.TabFocusReason)
    if window.model.rowCount() and not table.selectionModel().hasSelection():
        table.selectRow(0)


def back_to_table(window: MainWindow) -> None:
    """After a dialog: the table has focus again, its current row the selected one, so Enter
    and Del act at once."""
    table = window.table
    if window.stack.currentWidget() is not table:
        return
    selected = table.selectionModel().selectedRows()
    if selected and table.currentIndex().row() != selected[0].row():
        table.setCurrentIndex(selected[0])
    table.setFocus(Qt.FocusReason.OtherFocusReason)


def return_focus_after(window: MainWindow, dialog: QDialog) -> None:
    """Give the table focus back once *dialog* closes, however it closes."""
    dialog.finished.connect(lambda _result: back_to_table(window))


def install(window: MainWindow) -> None:
    """Tab moves out of the table (to the details and on to the filters); the search box
    leads into the results."""
    table: QTableView = window.table
    table.setTabKeyNavigation(False)  # Tab leaves the table instead of walking its cells
    search = window.filter_panel.search_box
    search.installEventFilter(SearchToResults(window))
    window.setTabOrder(search, table)
    window.setTabOrder(table, window.detail)
    window.refreshed.connect(lambda: _first_row_if_focused(window))


def _first_row_if_focused(window: MainWindow) -> None:
    """A search landed while the table had focus and no row: make the first one current."""
    table = window.table
    if table.hasFocus() and window.model.rowCount() and not table.selectionModel().hasSelection():
        table.selectRow(0)

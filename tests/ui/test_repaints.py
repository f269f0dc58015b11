"""The table repaints once for each search's rows: each repaint calls into Python per cell."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from models.database import Database
from tests.builders import agreement, save
from ui.main_window import MainWindow


class _Paints(QObject):
    """Counts the paints of a widget that cover all of it."""

    def __init__(self, widget) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.widget = widget
        self.whole = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.Paint and event.rect() == self.widget.rect():
            self.whole += 1
        return False


def test_a_search_paints_the_table_once(database: Database, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """It painted twice: at once, and again when the scroll bar's range had changed.
    Each paint enters Python twice per cell and waits for a worker at every entry."""
    for number in range(80):
        parties = ("Kazakhstan", "Oʻzbekiston") if number % 4 else ("Türkiye",)
        save(database, agreement(f"Тоқаев agreement no. {number:02}", parties))
    window: MainWindow = make_window(database)
    window.change_poll.stop()
    search = window.filter_panel.search_box
    paints = _Paints(window.table.viewport())
    # Each with more rows than fit (the scroll bar stays) and a search (its chip stays):
    # nothing changes the table's size.
    for number, text in enumerate(("Тоқаев", "Oʻzbekiston", "Тоқаев agreement", "agreement")):
        paints.whole = 0
        with qtbot.waitSignal(window.refreshed, timeout=10000):  # rows, then their counts
            search.setText(text)
            window.filter_panel._flush_search()
        assert window.table.verticalScrollBar().isVisible()
        assert paints.whole == 1 or number == 0, text  # the first shows the chip: resized

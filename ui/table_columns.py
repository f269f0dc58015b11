"""The table's columns fit the window: the title takes the room that is left, the columns a
reader needs most (Kind, Status, Signed, Parties) stay in view, and no header is cut short.

When the table is too narrow for every shown column, Fields and then Place step aside (and
come back when there is room again); a column the user hid stays hidden, and the saved
header state records the user's choices, not this.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from models.query import SortColumn
from ui.agreement_table_model import COLUMNS, Column

TITLE = next(i for i, c in enumerate(COLUMNS) if c.sort == SortColumn.TITLE)
# Stepped aside first when the table runs short, in this order.
GIVE_WAY = tuple(
    i
    for sort in (SortColumn.FIELDS, SortColumn.SIGNED_AT)
    for i, c in enumerate(COLUMNS)
    if c.sort == sort
)
# The headers of ui/agreement_table_model.py's COLUMNS, marked for pyside6-lupdate: the
# model keeps the English words and header_label() gives them in the window's language.
HEADERS = (
    QT_TRANSLATE_NOOP("TableColumns", "Title"),
    QT_TRANSLATE_NOOP("TableColumns", "Kind"),
    QT_TRANSLATE_NOOP("TableColumns", "Status"),
    QT_TRANSLATE_NOOP("TableColumns", "Signed"),
    QT_TRANSLATE_NOOP("TableColumns", "Place"),
    QT_TRANSLATE_NOOP("TableColumns", "Parties"),
    QT_TRANSLATE_NOOP("TableColumns", "Fields"),
    QT_TRANSLATE_NOOP("TableColumns", "Level"),
    QT_TRANSLATE_NOOP("TableColumns", "In force"),
    QT_TRANSLATE_NOOP("TableColumns", "Expires"),
    QT_TRANSLATE_NOOP("TableColumns", "Updated"),
    QT_TRANSLATE_NOOP("TableColumns", "ID"),
)
TITLE_ROOM = 160  # the title keeps at least this much before others step aside
ARROW_ROOM = 30  # beside a header's words: the sort arrow and the margins


def header_label(column: Column) -> str:
    """A column's header in the window's language ('Status': 'Статус')."""
    return QCoreApplication.translate("TableColumns", column.header)


class ColumnFitter(QObject):
    """Keeps the title stretching and the needed columns in view as the table is resized."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.header = table.horizontalHeader()
        self.stepped_aside: set[int] = set()
        header = self.header
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = header.fontMetrics()
        # No header is ever narrower than its words and arrow ('Sta' for Status).
        widest_name = max(
            metrics.horizontalAdvance(text)
            for c in COLUMNS
            if c.sort != SortColumn.TITLE
            for text in (c.header, header_label(c))
        )
        header.setMinimumSectionSize(widest_name + ARROW_ROOM)
        for number in range(len(COLUMNS)):
            if number != TITLE and header.sectionSize(number) < header.minimumSectionSize():
                header.resizeSection(number, header.minimumSectionSize())
        table.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _needed(self) -> int:
        header = self.header
        others = sum(
            header.sectionSize(number)
            for number in range(header.count())
            if number != TITLE and not header.isSectionHidden(number)
        )
        return others + TITLE_ROOM

    def fit(self) -> None:
        """Bring back what stepped aside, then step aside again only as far as needed."""
        header, room = self.header, self.table.viewport().width()
        for number in self.stepped_aside:
            header.showSection(number)
        self.stepped_aside.clear()
        for number in GIVE_WAY:
            if self._needed() <= room:
                break
            if not header.isSectionHidden(number):
                header.hideSection(number)
                self.stepped_aside.add(number)

    def saved_state(self) -> QByteArray:
        """The header's state as the user left it: columns that only stepped aside count
        as shown."""
        for number in self.stepped_aside:
            self.header.showSection(number)
        state = self.header.saveState()
        for number in self.stepped_aside:
            self.header.hideSection(number)
        return state

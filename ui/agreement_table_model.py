"""The agreement table: a thin adapter over the query layer.

The model holds the ordered ids of every match (so rowCount is right at once and the
scrollbar is true) and fetches display rows a page at a time as they scroll into view,
keeping a bounded window of pages. Pages are read on a reader thread of the model's own
(a connection of its own: a search or an import on the window's worker does not hold
them up), never on the GUI thread: a row not read yet shows "…" until its page arrives.
Sorting happens in SQL: sort() only asks for it.
"""

from __future__ import annotations

import itertools
import logging
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from sqlalchemy.orm import Session, sessionmaker

from models.cancelled import Cancelled
from models.dates import PartialDate
from models.query import AgreementRow, Sort, SortColumn, fetch_rows
from ui import locale_text
from ui.held_painting import KeptValues
from ui.item_roles import ID_ROLE
from ui.vocab_labels import label
from ui.workers import Job, Worker

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
LOADING = "…"  # the title cell of a row whose page is being read
ROW_SCANS = 16  # row_of look-ups answered by scanning the ids before a map of them is built
_SHOWN_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole]
# The roles a cell answers; a delegate asks five more (font, colours…), answered at once.
_ANSWERED = frozenset(int(role.value) for role in (*_SHOWN_ROLES, ID_ROLE))


def _date(value: PartialDate | None) -> str:
    return locale_text.short_date(value)


@dataclass
class _Reading:
    """A page asked of the reader: its job (to cancel) and whether a change made it stale."""

    token: int
    job: Job
    stale: bool = False


@dataclass(frozen=True)
class Column:
    header: str
    sort: SortColumn
    text: Callable[[AgreementRow], str]
    shown: bool = True
    width: int = 110


COLUMNS: tuple[Column, ...] = (
    Column("Title", SortColumn.TITLE, lambda r: r.title, width=360),
    Column("Kind", SortColumn.KIND, lambda r: label(r.kind), width=95),
    Column("Status", SortColumn.STATUS, lambda r: label(r.status), width=85),
    Column("Signed", SortColumn.SIGNED_ON, lambda r: _date(r.signed_on), width=85),
    Column("Place", SortColumn.SIGNED_AT, lambda r: r.signed_at or "", width=120),
    Column("Parties", SortColumn.PARTIES, lambda r: "; ".join(r.parties), width=180),
    Column("Fields", SortColumn.FIELDS, lambda r: "; ".join(r.fields), width=200),
    Column("Level", SortColumn.LEVEL, lambda r: label(r.level), shown=False),
    Column("In force", SortColumn.ENTRY_INTO_FORCE, lambda r: _date(r.entry_into_force), False),
    Column("Expires", SortColumn.EXPIRES_ON, lambda r: _date(r.expires_on), shown=False),
    Column(
        "Updated",
        SortColumn.UPDATED_AT,
        lambda r: locale_text.moment(r.updated_at.astimezone()),
        shown=False,
        width=130,
    ),
    Column("ID", SortColumn.ID, lambda r: str(r.id), shown=False, width=60),
)
_TOOLTIP_COLUMNS = {SortColumn.TITLE, SortColumn.PARTIES, SortColumn.FIELDS, SortColumn.SIGNED_AT}


class AgreementTableModel(QAbstractTableModel):
    """Rows are agreements in the order the query gave; columns are COLUMNS."""

    PAGE_SIZE = 200
    MAX_PAGES = 40  # at most 8,000 rows cached, whatever the size of the database
    # Pages asked for and not read yet: beyond these, the oldest asked is not read. Scrolled
    # through quickly, the view asks for page after page; those in view are the last asked
    # (a screen holds far fewer than two pages), so they never wait behind ones scrolled by.
    MAX_WAITING = 4

    sort_requested = Signal(object)  # Sort
    page_arrived = Signal(int)  # a page was read and its rows repainted (tests wait on it)

    def __init__(self, sessions: sessionmaker[Session], parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]  # a QObject or None
        self._sessions = sessions
        self._ids: list[int] = []
        self._rows: dict[int, int] | None = None
        self._lookups = 0  # row_of calls since the ids were set, before _rows is built
        self._pages: OrderedDict[int, list[AgreementRow | None]] = OrderedDict()
        self._reading: dict[int, _Reading] = {}  # page number -> the read under way
        self._tokens = itertools.count()
        self.reader = Worker(self)
        self.pages_fetched = 0
        self._kept = KeptValues()  # see ui/held_painting.py

    # ------------------------------------------------------------ our API

    def set_sessions(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._forget_reads()  # of the other database

    def shutdown(self) -> None:
        """Stop the reader (the window is closing): a page read under way ends first."""
        self._forget_reads()
        self.reader.shutdown()

    def set_ids(
        self,
        ids: Sequence[int],
        first_page: Sequence[AgreementRow] = (),
        pages: Mapping[int, Sequence[AgreementRow]] | None = None,
    ) -> None:
        """Show these agreements, in this order (after a new filter or sort).

        A list of *ids* is kept as it is, not copied: the caller does not change it after.
        *first_page*, if given, holds the rows of the first ids, and *pages* those of other
        pages by number (the ones in view after a reload), all read off the GUI thread.
        """
        self.beginResetModel()
        # The search hands the same list back when it finds the same agreements (a save):
        # the table knows it at once (has_ids).
        self._ids = ids if isinstance(ids, list) else list(ids)
        self._rows, self._lookups = None, 0
        self._pages.clear()
        self._forget_reads()  # pages of the old list: their rows would land in wrong places
        for number, rows in {**(pages or {}), 0: first_page}.items():
            if rows:
                by_id = {row.id: row for row in rows}
                start = number * self.PAGE_SIZE
                chunk = self._ids[start : start + self.PAGE_SIZE]
                self._pages[number] = [by_id.get(agreement_id) for agreement_id in chunk]
        self.endResetModel()

    def has_ids(self, ids: Sequence[int]) -> bool:
        """Whether the table shows exactly these agreements in this order."""
        if ids is self._ids:  # the search found the list shown and handed it back
            return True
        return len(ids) == len(self._ids) and list(ids) == self._ids

    def cached_row(self, agreement_id: int) -> AgreementRow | None:
        """The row of an agreement if it has been read (never reads the database)."""
        row = self.row_of(agreement_id)
        if row is None:
            return None
        page = self._pages.get(row // self.PAGE_SIZE)
        return None if page is None else page[row % self.PAGE_SIZE]

    def ids(self) -> list[int]:
        return list(self._ids)

    def shown_ids(self) -> Sequence[int]:
        """The ids shown, without a copy: set_ids replaces the list, nothing changes it."""
        return self._ids

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, agreement_id: int) -> int | None:
        if self._rows is None:
            self._lookups += 1
            if self._lookups <= ROW_SCANS:
                # The list's own search (in C, 1-2 ms at 250,000) for the few rows a save or a
                # selection asks; a map of every id costs 17 ms on the GUI thread.
                try:
                    return self._ids.index(agreement_id)
                except ValueError:
                    return None
            # Built once per result after that, so selecting many rows stays linear.
            self._rows = {value: row for row, value in enumerate(self._ids)}
        return self._rows.get(agreement_id)

    def reading(self) -> bool:
        """Whether a page is being read."""
        return bool(self._reading)

    def refresh_rows(
        self,
        ids: Iterable[int],
        rows: Sequence[AgreementRow] = (),
        positions: Mapping[int, int] | None = None,
    ) -> None:
        """Repaint these agreements' rows: with *rows* as read now, else read when shown.

        *positions*, if given, are their row numbers, worked out off the GUI thread.
        """
        fresh = {row.id: row for row in rows}
        for agreement_id in ids:
            row = self.row_of(agreement_id) if positions is None else positions.get(agreement_id)
            if row is None:
                continue
            number, offset = divmod(row, self.PAGE_SIZE)
            if agreement_id in fresh and number in self._pages:
                self._pages[number][offset] = fresh[agreement_id]
            else:
                self._pages.pop(number, None)
                if number in self._reading:
                    self._reading[number].stale = True  # maybe read before the change
            left, right = self.index(row, 0), self.index(row, len(COLUMNS) - 1)
            self.dataChanged.emit(
                left, right, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole]
            )

    def _page(self, number: int) -> list[AgreementRow | None] | None:
        """Page *number* if it has been read; else None, and it is asked of the reader."""
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
        elif number not in self._reading:
            self._read(number)
        return page

    def _read(self, number: int) -> None:
        """Read page *number* on the reader thread; page_arrived follows (or nothing, if the
        ids were replaced or the page was scrolled past meanwhile)."""
        start = number * self.PAGE_SIZE
        ids = self._ids[start : start + self.PAGE_SIZE]
        sessions, token = self._sessions, next(self._tokens)

        def work(job: Job) -> list[AgreementRow]:
            job.check()  # scrolled past before its turn: not read
            with sessions() as session:
                return fetch_rows(session, ids)

        job = self.reader.submit(
            work,
            lambda rows: self._arrived(number, token, ids, rows),
            lambda error: self._not_read(number, token, error),
        )
        self._reading[number] = _Reading(token, job)
        while len(self._reading) > self.MAX_WAITING:
            oldest = next(iter(self._reading))
            self._reading.pop(oldest).job.cancel()

    def _arrived(self, number: int, token: int, ids: list[int], rows: list[AgreementRow]) -> None:
        reading = self._reading.get(number)
        if reading is None or reading.token != token:
            return  # for ids since replaced, or given up
        del self._reading[number]
        first, last = number * self.PAGE_SIZE, number * self.PAGE_SIZE + len(ids) - 1
        if not reading.stale:
            by_id = {row.id: row for row in rows}
            self._pages[number] = [by_id.get(agreement_id) for agreement_id in ids]
            self.pages_fetched += 1
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        # Stale, the rows in view ask for the page again, read after the change.
        self.dataChanged.emit(
            self.index(first, 0), self.index(last, len(COLUMNS) - 1), _SHOWN_ROLES
        )
        self.page_arrived.emit(number)

    def _not_read(self, number: int, token: int, error: BaseException) -> None:
        reading = self._reading.get(number)
        if reading is not None and reading.token == token:
            del self._reading[number]  # asked for again when next drawn
        if not isinstance(error, Cancelled):
            log.warning("page %s of the table was not read: %s", number, error)

    def _forget_reads(self) -> None:
        """Give up the pages asked for: those waiting are not read, those running dropped."""
        for reading in self._reading.values():
            reading.job.cancel()
        self._reading.clear()

    # ------------------------------------------------------------ Qt overrides

    def free_kept_values(self) -> None:
        """Have the Qt values kept during a paint freed, on a thread of their own."""
        self._kept.free()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The cell at *row*, *column*: one entry into Python where Qt's own takes two.

        QAbstractTableModel.index asks rowCount() and columnCount(), each a call into
        Python that, like multiData(), waits for the interpreter while a worker holds it.
        """
        if parent.isValid() or not (0 <= row < len(self._ids) and 0 <= column < len(COLUMNS)):
            found = QModelIndex()
        else:
            found = self.createIndex(row, column)
        self._kept.keep(parent, found)  # freed here, each would let the interpreter go
        return found

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        self._kept.keep(parent)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        self._kept.keep(parent)
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        self._kept.keep(index)
        if not index.isValid():
            return None
        return self._value(index.row(), index.column(), role)

    def multiData(self, index: Index, roles: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a view asks of a cell, in one call.

        Qt's delegates ask seven roles of each cell they paint, at once. Answered by data(),
        that is seven entries into Python per cell, and each entry waits for the interpreter
        while a worker holds it (a search or a count under way): a repaint of the table
        during typing stalled the window for tens of milliseconds. One entry per cell.
        """
        span = roles if isinstance(roles, QModelRoleDataSpan) else QModelRoleDataSpan(roles)
        self._kept.keep(index, roles, span)  # freed here, each would let the interpreter go
        valid = index.isValid()
        row, column = index.row(), index.column()
        for position in range(span.size()):
            wanted = span[position]  # type: ignore[index]  # PySide6 has it; its stubs don't
            role = wanted.role()
            value = self._value(row, column, role) if valid and role in _ANSWERED else None
            if value is None:
                wanted.clearData()
            else:
                wanted.setData(value)

    def _value(self, row_number: int, column_number: int, role: int) -> object:
        """What the cell at *row_number*, *column_number* shows in *role* (None: nothing)."""
        if not 0 <= row_number < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[row_number]
        if role != Qt.ItemDataRole.DisplayRole and role != Qt.ItemDataRole.ToolTipRole:
            return None
        page = self._page(row_number // self.PAGE_SIZE)
        column = COLUMNS[column_number]
        if page is None:  # being read
            return LOADING if column_number == 0 and role == Qt.ItemDataRole.DisplayRole else None
        row = page[row_number % self.PAGE_SIZE]
        if row is None:  # deleted since the ids were read
            if column_number == 0:
                return QCoreApplication.translate("AgreementTableModel", "(deleted)")
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.text(row) if column.sort in _TOOLTIP_COLUMNS else None
        return column.text(row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            # The header in the window's language (ui/table_columns.py marks the words).
            if 0 <= section < len(COLUMNS):
                return QCoreApplication.translate("TableColumns", COLUMNS[section].header)
            return None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            descending = order == Qt.SortOrder.DescendingOrder
            self.sort_requested.emit(Sort(COLUMNS[column].sort, descending))

"""The Due panel (View › Due) and the start-up notice of deadlines within the warning period.

The panel lists what falls due in the next 30, 90 or 365 days and what is overdue,
sorted by date, each line naming the agreement and the deadline; a double-click selects
the agreement. Both read through the window's worker, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from models.dates import PartialDate
from models.deadline_store import DueItem, due_items, explained
from models.query import AgreementFilter, count, matching_ids
from ui.colours import Role, error_colour
from ui.empty_hint import empty_hint
from ui.item_roles import ID_ROLE
from ui.locale_text import partial_date
from ui.model_messages import message_text
from ui.settings import Settings
from ui.translations import fill
from ui.vocab_labels import label
from ui.workers import Job, Worker

translate = QCoreApplication.translate

WINDOWS = (30, 90, 365)
# The panel lists at most this many lines (a register of every UN treaty has thousands of
# renewals a year); the heading says when there are more.
LIST_LIMIT = 2000


@dataclass(frozen=True)
class DueList:
    items: list[DueItem]
    as_of: date
    days: int


def read_due(sessions: sessionmaker[Session], days: int, overdue: bool, job: Job) -> DueList:
    """The deadlines of every agreement within *days* (and overdue ones), read in the worker."""
    job.check()
    as_of = date.today()
    with sessions() as session:
        every = matching_ids(session, AgreementFilter())
        items = due_items(session, every, as_of, days, overdue, limit=LIST_LIMIT + 1)
        items = explained(session.connection(), items)  # how each was found, to translate
    return DueList(items, as_of, days)


@dataclass(frozen=True)
class DueCount:
    due: int  # agreements with a deadline within the warning period
    overdue: int
    days: int


def count_due(sessions: sessionmaker[Session], days: int, job: Job) -> DueCount:
    job.check()
    with sessions() as session:
        return DueCount(
            count(session, AgreementFilter(due_within=days)),
            count(session, AgreementFilter(due_overdue=True)),
            days,
        )


def notice_text(found: DueCount) -> str:
    """'2 agreements have deadlines within 30 days, 1 is overdue. Show them' (a link), or ''."""
    parts = []
    due, overdue, days = found.due, found.overdue, found.days
    if due:
        within = DuePanel.tr("within %Ln day(s)", "", days)
        parts.append(fill(DuePanel.tr("%Ln agreement(s) with deadlines %1", "", due), within))
    if overdue:
        parts.append(DuePanel.tr("%Ln overdue", "", overdue))
    if not parts:
        return ""
    link = translate("DuePanel", "show the Due panel")
    return f"{escape(', '.join(parts))} — <a href='due'>{escape(link)}</a>"


class DueNotice(QLabel):
    """The status bar's word at start that something falls due soon, with a link to the panel."""

    checked = Signal()  # the count has come back (shown or not): tests wait on it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueNotice")
        self.setAccessibleName(self.tr("Deadlines coming due"))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.hide()

    def check(self, sessions: sessionmaker[Session], worker: Worker, days: int) -> None:
        worker.submit(lambda job: count_due(sessions, days, job), self._show, self._failed)

    def _show(self, found: DueCount) -> None:
        text = notice_text(found)
        self.setText(text)
        self.setVisible(bool(text))
        self.checked.emit()

    def _failed(self, _error: BaseException) -> None:
        self.hide()  # a notice is no place for a database error; the panel shows it
        self.checked.emit()


class DuePanel(QDockWidget):
    """Deadlines coming due and overdue, by date; double-click selects the agreement."""

    # Qt's tr works on the class too (PySide6's stubs know the method only); an annotation,
    # as a def here would hide the class's name from pyside6-lupdate.
    if TYPE_CHECKING:
        tr: ClassVar[Callable[..., str]]

    agreement_chosen = Signal(int)
    loaded = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Due"), parent)
        self.setObjectName("duePanel")
        self._settings = settings
        self._sessions: sessionmaker[Session] | None = None
        self._worker: Worker | None = None
        self._job: Job | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addLayout(self._controls(body))
        self.heading = QLabel(body)
        self.heading.setObjectName("dueHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("dueList")
        self.tree.setAccessibleName(self.tr("Deadlines"))
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Deadline"), self.tr("Agreement")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(self._chosen)
        self.tree.itemDoubleClicked.connect(self._chosen)
        self.empty_hint = empty_hint(
            self.tree,
            self.tr(
                "Expiries, renewals, notice periods and entries into force appear here by "
                "date. They come from an agreement's recorded dates and from the terms on its "
                "editor's Terms tab (a duration, renewal, notice period or entry-into-force rule)."
            ),
        )
        layout.addWidget(self.tree, 1)
        layout.addLayout(self._warning_row(body))
        self.setWidget(body)

    def _controls(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.window_combo = QComboBox(body)
        self.window_combo.setObjectName("dueWindow")
        self.window_combo.setAccessibleName(self.tr("Due within"))
        for days in WINDOWS:
            self.window_combo.addItem(self.tr("Next %n day(s)", "", days), days)
        self.window_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.overdue_check = QCheckBox(self.tr("Overdue too"), body)
        self.overdue_check.setObjectName("dueOverdue")
        self.overdue_check.setChecked(True)
        self.overdue_check.setToolTip(
            self.tr("Expiries and entries into force that have passed without being recorded")
        )
        self.overdue_check.toggled.connect(lambda _on: self.reload())
        row.addWidget(self.window_combo)
        row.addWidget(self.overdue_check)
        row.addStretch(1)
        return row

    def _warning_row(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("Warn at start about deadlines within"), body)
        self.warning_days = QSpinBox(body)
        self.warning_days.setObjectName("dueWarningDays")
        self.warning_days.setAccessibleName(self.tr("Warning period in days"))
        self.warning_days.setRange(1, 3650)
        self.warning_days.setSuffix(self.tr(" days", "a spin box's suffix: 30 days"))
        self.warning_days.setValue(self._settings.due_warning_days)
        self.warning_days.valueChanged.connect(self._remember_warning)
        label.setBuddy(self.warning_days)
        row.addWidget(label)
        row.addWidget(self.warning_days)
        row.addStretch(1)
        return row

    def _remember_warning(self, days: int) -> None:
        self._settings.due_warning_days = days

    # ------------------------------------------------------------ loading

    def set_source(self, sessions: sessionmaker[Session], worker: Worker) -> None:
        """The database to read (a window may switch databases) and the worker to read it on."""
        self._sessions, self._worker = sessions, worker

    def reload(self) -> None:
        """Read the list again, off the GUI thread; the newest request wins."""
        if self._sessions is None or self._worker is None or not self.isVisible():
            return
        if self._job is not None:
            self._job.cancel()
        sessions, days = self._sessions, int(self.window_combo.currentData())
        overdue = self.overdue_check.isChecked()
        self.heading.setText(self.tr("Reading the deadlines…"))
        self._job = job = self._worker.submit(
            lambda job: read_due(sessions, days, overdue, job),
            lambda found: self.show_list(found) if job is self._job else None,
            lambda error: self._failed(error) if job is self._job else None,
        )

    def show_list(self, found: DueList) -> None:
        self._job = None
        self.tree.clear()
        items = found.items[:LIST_LIMIT]
        overdue = error_colour(self.tree, Role.Base)  # red, readable on a light or dark list
        for item in items:
            title = fill(self.tr("%1 (overdue)"), item.title) if item.overdue else item.title
            line = QTreeWidgetItem([partial_date(item.on), label(item.kind), title])
            line.setData(0, ID_ROLE, item.agreement_id)
            # How it was found stays in English: models/deadlines.py writes it.
            tip = f"{label(item.kind)}: {partial_date(item.on)}\n{message_text(item.how)}"
            for column in range(3):
                line.setToolTip(column, tip)
                if item.overdue:
                    line.setForeground(column, QBrush(overdue))
            self.tree.addTopLevelItem(line)
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        self.heading.setText(_heading(found, len(items)))
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self._job = None
        self.heading.setText(fill(self.tr("The deadlines could not be read: %1"), error))
        self.loaded.emit()

    def _chosen(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.agreement_chosen.emit(int(item.data(0, ID_ROLE)))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()


def _heading(found: DueList, shown: int) -> str:
    days = found.days
    if not found.items:
        return DuePanel.tr("Nothing falls due in the next %Ln day(s).", "", days)
    as_of = partial_date(PartialDate(found.as_of.year, found.as_of.month, found.as_of.day))
    if len(found.items) > LIST_LIMIT:
        text = DuePanel.tr("%Ln deadline(s) as of %1 (the first ones: there are more).", "", shown)
    else:
        text = DuePanel.tr("%Ln deadline(s) as of %1.", "", shown)
    if as_of.endswith(".") and text.endswith("%1."):
        text = text[
            :-1
        ]  # a date that ends in its own full stop ('6 декабря 2021 г.') takes no second
    return fill(text, as_of)

"""File › New database, Open database, Open recent and Connect: opened off the GUI thread.

Opening checks a file, may upgrade it (after a backup) and, after an unclean shutdown,
reads every page of it: seconds for a big one, longer from a slow server. It runs on a
thread of its own with a busy indicator in the status bar, while the window goes on
showing, and searching, the database it has: that one is replaced only once the new one
is ready, and kept if the new one can't be opened (the message names it and says why).
A damaged file is offered its latest good backup (ui/damaged_offer.py), asked between
the jobs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar
from sqlalchemy.engine import URL

from models.backups import BackupError
from models.database import DamagedDatabaseError, Database, DatabaseError, open_database
from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from ui import damaged_offer
from ui.damaged_offer import BackupOffer
from ui.model_messages import message_text
from ui.translations import fill
from ui.workers import Job, Worker

CANT_OPEN = QT_TRANSLATE_NOOP("App", "Can't open the database")


@dataclass(frozen=True)
class _Damaged:
    """What an open that met a damaged file found: the damage, and a backup to offer."""

    error: DamagedDatabaseError
    offer: BackupOffer | None


def _open(target: str | URL) -> Database | _Damaged:
    try:
        return open_database(target)
    except DamagedDatabaseError as error:
        return _Damaged(error, damaged_offer.find_offer(str(target)))


def _named(name: str, message: str) -> str:
    """The message, naming the database if it does not already."""
    return message if name in message else f"{name}: {message}"


class DatabaseOpener(QObject):
    """Opens one database at a time for a window; opened(database) when it is ready."""

    opened = Signal(object)  # the Database, ready to be shown in place of the current one
    failed = Signal(str)  # nothing was opened (the message shown): the current one stays

    def __init__(self, window: QMainWindow, actions: Sequence[QAction]) -> None:
        """*actions*: those that open a database, disabled while one is being opened."""
        super().__init__(window)
        self._window = window
        self._actions = list(actions)
        # A thread of its own: the window's worker goes on searching the current database.
        self.worker = Worker(self)
        self._opening: str | None = None
        self._closed = False
        self.indicator = QProgressBar(window)
        self.indicator.setObjectName("openingIndicator")
        self.indicator.setRange(0, 0)  # busy: how long an open takes can't be told
        self.indicator.setMaximumWidth(120)
        self.indicator.setTextVisible(False)
        self.indicator.hide()
        window.statusBar().addPermanentWidget(self.indicator)

    @property
    def opening(self) -> bool:
        """Whether a database is being opened."""
        return self._opening is not None

    def open(self, target: str | URL) -> None:
        """Open *target* (a file or URL) in the background; ignored while another one opens."""
        if self._opening is not None or self._closed:
            return
        self._start(str(target), lambda _job: _open(target))

    def shutdown(self) -> None:
        """The window is closing: an open under way ends, and what it opened is closed."""
        self._closed = True
        self.worker.shutdown()

    def _start(self, name: str, work: Callable[[Job], Any]) -> None:
        self._busy(name)
        self.worker.submit(
            work, lambda result: self._done(name, result), lambda error: self._fail(name, error)
        )

    def _busy(self, name: str | None) -> None:
        self._opening = name
        for action in self._actions:
            action.setEnabled(name is None)
        self.indicator.setVisible(name is not None)
        opening = fill(self.tr("Opening %1…"), name) if name else ""
        self.indicator.setToolTip(opening)
        if name is not None:
            self._window.statusBar().showMessage(opening)
        else:
            self._window.statusBar().clearMessage()

    def _done(self, name: str, result: Database | _Damaged) -> None:
        if self._closed or not shiboken6.isValid(self._window):
            if isinstance(result, Database):
                result.close()  # the window closed meanwhile: nobody will use it
            return
        if isinstance(result, Database):
            self._busy(None)
            self.opened.emit(result)
            return
        offer = result.offer
        if offer is not None and damaged_offer.ask(self._window, offer, result.error):
            self._start(name, lambda _job: damaged_offer.restore(offer))
            return
        self._refused(name, message_text(result.error))

    def _fail(self, name: str, error: BaseException) -> None:
        if self._closed or not shiboken6.isValid(self._window):
            return
        if isinstance(error, BackupError):
            self._refused(
                name,
                message_text(error),
                QCoreApplication.translate("DamagedOffer", "Not restored"),
            )
        elif isinstance(error, DatabaseError):
            self._refused(name, message_text(error))
        else:  # unforeseen (a driver's own error, say): still named, the current one kept
            self._refused(name, f"{type(error).__name__}: {error}")

    def _refused(self, name: str, message: str, title: str = CANT_OPEN) -> None:
        self._busy(None)
        text = _named(name, message)
        # CANT_OPEN is marked in the App context, where the window's start uses it too.
        QMessageBox.warning(self._window, QCoreApplication.translate("App", title), text)
        self.failed.emit(text)

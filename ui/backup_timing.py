"""When the day's backup of a file starts: once the user pauses, not while they type."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

from models.database import Database


class BackupTiming(QObject):
    """Starts the day's backup of an opened file after a pause in the user's work.

    Made at once on opening, the backup (copying and checking the whole file: seconds at a
    quarter of a million agreements) ran while the user typed their first searches, and
    took the processor from the window: typing stalled. It now waits until the user has
    neither typed, filtered nor saved for PAUSE_MS, and never longer than LATEST_MS after
    the opening. Closing makes it anyway (models.backups.closing_backup).
    """

    PAUSE_MS = 5000
    LATEST_MS = 5 * 60 * 1000

    def __init__(self, start: Callable[[Database], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._start = start
        self._pending: Database | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._due)
        self._opened = QElapsedTimer()

    def schedule(self, database: Database) -> None:
        """*database* was opened: its backup starts after the next pause."""
        if self._pending is not None and self._pending is not database:
            self._start(self._pending)  # another file is opened: the first one's now
        self._pending = database
        self._opened.start()
        self._timer.start(self.PAUSE_MS)

    def busy(self) -> None:
        """The user typed, filtered or saved: a backup not started waits for a pause."""
        if self._timer.isActive() and self._opened.elapsed() < self.LATEST_MS:
            self._timer.start(self.PAUSE_MS)

    def cancel(self) -> None:
        """The window closes: closing makes the day's backup itself."""
        self._timer.stop()
        self._pending = None

    def _due(self) -> None:
        database, self._pending = self._pending, None
        if database is not None:
            self._start(database)

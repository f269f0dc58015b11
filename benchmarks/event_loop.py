"""What the window benchmarks share: a window offscreen on a database, waiting for one of its
signals, and a probe of how long the event loop stalls (how late a 10 ms timer fires)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer, SignalInstance
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from models.database import open_database
from ui.main_window import MainWindow
from ui.settings import Settings

TICK_MS = 10


def window_on(path: Path) -> MainWindow:
    """A window on the database at *path*, with settings of its own (not the user's)."""
    folder = tempfile.mkdtemp()
    settings = Settings(QSettings(f"{folder}/settings.ini", QSettings.Format.IniFormat))
    return MainWindow(open_database(path, create=False), settings)


def run_for(ms: int) -> None:
    """Run the event loop for *ms* milliseconds, as the app's own loop runs: it sleeps when
    there is nothing to do (a loop calling processEvents would spin, and hold the interpreter
    the workers need)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def type_slowly(box: QWidget, text: str, every_ms: int = 120) -> None:
    """Type *text* into *box* a key every *every_ms*, the event loop running in between."""
    for letter in text:
        QTest.keyClick(box, letter)
        run_for(every_ms)


def wait_for(signal: SignalInstance, timeout_ms: int = 60000) -> None:
    """Run the event loop until *signal* is emitted (or *timeout_ms* pass)."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


class StallProbe:
    """A 10 ms timer: how late each tick fires is how long the event loop was stalled."""

    def __init__(self) -> None:
        self._stalls: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer(interval=TICK_MS, timeout=self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def take(self) -> list[float]:
        """The stalls (ms late) since start or the last take, sorted; the probe goes on."""
        taken, self._stalls = sorted(self._stalls), []
        return taken

    def _tick(self) -> None:
        now = time.perf_counter()
        self._stalls.append((now - self._last) * 1000 - TICK_MS)
        self._last = now


def p95(stalls: list[float]) -> float:
    """The 95th percentile of sorted *stalls*."""
    return stalls[int(len(stalls) * 0.95)]

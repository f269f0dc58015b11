"""The window at scale: a cold start to the first page, typing in the search box, memory.

    .venv/bin/python -m benchmarks.gui_benchmark DB

Runs offscreen in this (fresh) process. Prints the seconds from process start to the
first page of the table, the longest and p95 stall of the event loop while a user types
four searches (a 10 ms timer measures how late it fires), and the peak resident memory.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import resource
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtTest import QTest

from models.database import open_database
from ui.app import application
from ui.main_window import MainWindow
from ui.settings import Settings

WORDS = ("kaz", "uzb", "energy", "a")


def _wait(window: MainWindow, timeout_ms: int = 30000, rows_only: bool = False) -> None:
    loop = QEventLoop()
    (window.rows_shown if rows_only else window.refreshed).connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def main(argv: list[str] | None = None) -> int:
    path = Path((argv or sys.argv[1:])[0])
    app = application()
    folder = tempfile.mkdtemp()
    settings = Settings(QSettings(f"{folder}/settings.ini", QSettings.Format.IniFormat))
    window = MainWindow(open_database(path, create=False), settings)
    window.show()
    _wait(window, rows_only=True)
    first_page = time.perf_counter() - STARTED
    _wait(window)  # and its counts
    window.model.data(window.model.index(0, 0))
    stalls: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        stalls.append((now - last[0]) * 1000 - 10)
        last[0] = now

    probe = QTimer(interval=10, timeout=tick)
    probe.start()
    for word in WORDS:
        window.filter_panel.search_box.clear()
        for letter in word:
            QTest.keyClick(window.filter_panel.search_box, letter)
            until = time.perf_counter() + 0.12  # a quick typist
            while time.perf_counter() < until:
                app.processEvents()
        _wait(window)
    probe.stop()
    stalls.sort()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| first page from process start | {first_page * 1000:.0f} ms |")
    print(
        f"| event loop stall while typing (max / p95) | {stalls[-1]:.0f} / "
        f"{stalls[int(len(stalls) * 0.95)]:.0f} ms |"
    )
    print(f"| peak memory with the database open | {peak:.0f} MB |")
    window.worker.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

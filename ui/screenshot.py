"""Make the README's picture of the main window: `python -m ui.screenshot docs/main-window.png`.

Opens a throwaway database with the sample agreements, selects the declaration, and
saves the window as a PNG; runs offscreen, so it works on a machine without a screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session

from models.database import open_database
from models.sample import load_sample
from ui.app import application
from ui.main_window import MainWindow
from ui.settings import Settings


def _wait(signal: SignalInstance, timeout_ms: int = 5000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


@contextmanager
def sample_window(
    prepare: Callable[[Session, Path], object] | None = None,
) -> Iterator[tuple[QApplication, MainWindow]]:
    """The window, shown and filled, over a throwaway database of the sample agreements
    (and what *prepare* adds in the same transaction, given the throwaway folder)."""
    app = application()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        database = open_database(folder / "sample.db")
        with database.sessions.begin() as session:
            load_sample(session)
            if prepare is not None:
                prepare(session, folder)
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(database, settings)
        window.resize(1500, 860)
        window.show()
        _wait(window.refreshed)
        try:
            yield app, window
        finally:
            window.close()  # not left open for whatever runs next in this process (tests)
            window.worker.shutdown()
            window.index_worker.shutdown()
            database.close()


def take(out: Path, search: str = "") -> Path:
    with sample_window() as (app, window):
        if search:
            window.filter_panel.search_box.setText(search)
            _wait(window.refreshed)
        declaration = next(
            row
            for row in range(window.model.rowCount())
            if "Declaration" in str(window.model.data(window.model.index(row, 0)))
        )
        window.table.selectRow(declaration)
        _wait(window.detail_shown)  # the details are read on the worker
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out))
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/main-window.png")
    print(take(target))

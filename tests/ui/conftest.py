"""GUI fixtures: Qt settings in tmp_path, a main window on a real database, dialogs answered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

from models.database import Database
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.translations import use_language


@pytest.fixture(autouse=True, scope="session")
def english(qapp):  # type: ignore[no-untyped-def]
    """The window in English with American numbers, as the app starts under LANG=C: the
    English plural forms ('1 agreement') come from its translation; a test that switches
    language puts this back."""
    use_language(qapp, "en", QLocale("en_US"))


@pytest.fixture
def backend() -> str:
    """The window's tests run on SQLite; the query layer under it is tested on both."""
    return "sqlite"


@pytest.fixture
def qt_settings(tmp_path: Path, qapp) -> Settings:  # type: ignore[no-untyped-def]
    """Settings in an INI file under tmp_path: tests never touch the user's real settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qt"))
    qapp.setOrganizationName("Treaty Tracker Tests")
    qapp.setApplicationName("Treaty Tracker Tests")
    return Settings(QSettings(str(tmp_path / "qt" / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, qt_settings: Settings) -> Iterator:  # type: ignore[no-untyped-def]
    """Open a main window on a database and wait until its first search has been shown."""
    windows: list[MainWindow] = []

    def make(database: Database) -> MainWindow:
        window = MainWindow(database, qt_settings)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.refreshed, timeout=5000):
            window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.index_worker.shutdown()
        window.backup_worker.shutdown()
        window.worker.shutdown()

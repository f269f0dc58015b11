"""Starting the GUI: the QApplication, its identity and style, and the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from models.database import Database, DatabaseError, open_database
from ui.main_window import MainWindow
from ui.settings import Settings

APP_NAME = "Treaty Tracker"


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    # Fusion follows the system's light or dark colour scheme and scales cleanly on high DPI.
    app.setStyle("Fusion")
    return app


def run_gui(database: Database | None) -> int:
    """Show the main window on *database*, or on the last one used, and run until it closes."""
    app = application()
    settings = Settings()
    if database is None:
        database = _last_or_default(settings)
    window = MainWindow(database, settings)
    window.show()
    return app.exec()


def _last_or_default(settings: Settings) -> Database:
    last = settings.last_database
    if last:
        try:
            return open_database(last, create=False)
        except DatabaseError:
            pass  # moved or deleted since: fall back to the default database
    return open_database()

"""Starting the GUI: the QApplication, its identity and style, and the main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from models.database import (
    DamagedDatabaseError,
    Database,
    DatabaseError,
    open_database,
    resolve_url,
    sqlite_path,
)
from ui.damaged_offer import offer_latest_backup
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
    style = style_for(sys.platform)
    if style:
        app.setStyle(style)
    # Background threads (searches, building the index) hand the interpreter back to the
    # GUI thread within a millisecond rather than five: typing stays smooth meanwhile.
    sys.setswitchinterval(0.001)
    return app


def style_for(platform: str) -> str | None:
    """The style to set, or None for the platform's own: Windows and macOS have a native
    style that follows their light and dark modes; elsewhere Fusion does, and scales well."""
    return None if platform.startswith(("win", "darwin")) else "Fusion"


def missing_display() -> str | None:
    """Why no window can be shown here, in words, or None (Qt itself would abort the process)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no screen to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
        "run it with xvfb-run, or use a command such as 'list'"
    )


def run_gui(database: Database | None) -> int:
    """Show the main window on *database*, or on the last one used, and run until it closes."""
    problem = missing_display()
    if problem:
        print(f"treaty-tracker: {problem}", file=sys.stderr)
        return 2
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
        except DatabaseError as error:
            # Damaged (found after an unclean shutdown, say): offer its last good backup.
            if isinstance(error, DamagedDatabaseError):
                restored = offer_latest_backup(None, last, error)
                if restored is not None:
                    return restored
            # Moved or deleted since: the default database, quietly. Damaged, locked or
            # unreachable: say so first, or the user would think their records were lost.
            if not _moved_away(last):
                QMessageBox.warning(
                    None,
                    "Can't open the database",
                    f"{error}\n\nThe default database is opened instead.",
                )
    return open_database()


def _moved_away(target: str) -> bool:
    """Whether *target* is a database file that is no longer there."""
    try:
        path = sqlite_path(resolve_url(target))
    except DatabaseError:
        return False
    return path is not None and not path.exists()

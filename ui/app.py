"""Starting the GUI: the QApplication, its identity and style, and the main window."""

from __future__ import annotations

import logging
import os
import sys
from importlib import resources
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from models.app_identity import APP_DOMAIN, APP_FOLDER, APP_ID, app_version
from models.database import (
    DamagedDatabaseError,
    Database,
    DatabaseError,
    open_database,
    resolve_url,
    sqlite_path,
)
from ui.damaged_offer import offer_latest_backup
from ui.exception_hook import ExceptionHook
from ui.main_window import MainWindow
from ui.model_messages import message_text
from ui.qt_version import qt_problem
from ui.settings import Settings
from ui.translations import choose_language, use_language
from ui.x11_libraries import x11_problem

APP_NAME = "Treaty Tracker"
# Where settings were kept before their folder took the data folder's spelling.
_OLD_SETTINGS = ("Treaty Tracker", "Treaty Tracker")
log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def app_icon() -> QIcon:
    """The icon in every size shipped (ui/icons): crisp in the title bar, the dock and Alt-Tab."""
    icon = QIcon()
    folder = resources.files("ui").joinpath("icons")
    icon.addFile(str(folder.joinpath("treaty-tracker.svg")))
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        icon.addFile(str(folder.joinpath("hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")))
    return icon


def application(language: str | None = None) -> QApplication:
    """The QApplication with the app's identity, style and language (*language*, else the
    system's: run_gui then applies the one chosen in the settings)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    # Settings live in the data folder's spelling (~/.config/TreatyTracker/TreatyTracker.conf);
    # the name people read is the display name.
    app.setApplicationName(APP_FOLDER)
    app.setOrganizationName(APP_FOLDER)
    app.setOrganizationDomain(APP_DOMAIN)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(app_version())
    # Wayland and the desktop's task list match the window to its .desktop entry by this.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    style = style_for(sys.platform)
    if style:
        app.setStyle(style)
    # Background threads (searches, building the index) hand the interpreter back to the
    # GUI thread within a millisecond rather than five: typing stays smooth meanwhile.
    sys.setswitchinterval(0.001)
    use_language(app, choose_language(language, None, QLocale.system()))
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


def run_gui(database: Database | None, language: str | None = None) -> int:
    """Show the main window on *database*, or on the last one used, and run until it closes.

    *language*: --lang, which wins over the one chosen in the settings for this run.
    """
    problem = missing_display() or x11_problem() or qt_problem(PySide6.__version__)
    if problem:
        print(f"treaty-tracker: {problem}", file=sys.stderr)
        return 2
    app = application()
    carry_over_settings()
    settings = Settings()
    # Before any widget exists (the message below included): each is built with its words once.
    chosen = use_language(app, choose_language(language, settings.language, QLocale.system()))
    log.info("Window language: %s", chosen)
    if database is None:
        database = _last_or_default(settings)
    window = MainWindow(database, settings)
    hook = ExceptionHook(_log_file(), window)
    hook.install()
    window.show()
    log.info("Window shown on %s (PySide6 %s)", database.name, PySide6.__version__)
    try:
        return app.exec()
    finally:
        hook.uninstall()


def _log_file() -> Path | None:
    """The file the log is written to, if logging to one was started (main does it)."""
    for handler in logging.getLogger().handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return Path(name)
    return None


def carry_over_settings(old: QSettings | None = None, new: QSettings | None = None) -> bool:
    """Copy settings kept under the old folder name ("Treaty Tracker") once, if any."""
    new = new or QSettings()
    old = old or QSettings(*_OLD_SETTINGS)
    if new.allKeys() or not old.allKeys():
        return False
    for key in old.allKeys():
        new.setValue(key, old.value(key))
    new.sync()
    return True


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
                    translate("App", "Can't open the database"),
                    translate("App", "%1\n\nThe default database is opened instead.").replace(
                        "%1", message_text(error)
                    ),
                )
    return open_database()


def _moved_away(target: str) -> bool:
    """Whether *target* is a database file that is no longer there."""
    try:
        path = sqlite_path(resolve_url(target))
    except DatabaseError:
        return False
    return path is not None and not path.exists()

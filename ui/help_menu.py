"""The Help menu: the keyboard shortcuts, and About (version, licences, where the data is)."""

from __future__ import annotations

import platform
from collections.abc import Callable

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.app_identity import app_version, log_path
from models.database import default_database_path
from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from ui.translations import fill

# Keys that belong to no menu action, said in the user's words.
# Marked for pyside6-lupdate here, translated where they are shown.
WIDGET_KEYS = (
    (QT_TRANSLATE_NOOP("HelpMenu", "Edit the selected agreement"), "Enter"),
    (
        QT_TRANSLATE_NOOP("HelpMenu", "Move from the search box to the first result"),
        QT_TRANSLATE_NOOP("HelpMenu", "Down or Enter"),
    ),
    (
        QT_TRANSLATE_NOOP("HelpMenu", "Move between the filters, the table and the details"),
        "Tab, Shift+Tab",
    ),
    (QT_TRANSLATE_NOOP("HelpMenu", "In the editor: save"), "Ctrl+Enter"),
    (QT_TRANSLATE_NOOP("HelpMenu", "In the editor: add the party or field typed"), "Enter"),
    (QT_TRANSLATE_NOOP("HelpMenu", "Close a dialog (asks first if something changed)"), "Esc"),
)
LICENCES = QT_TRANSLATE_NOOP(
    "HelpMenu",
    "Treaty Tracker is free software under the MIT licence (the LICENSE file). Built with "
    "Qt for Python "
    "(PySide6, LGPL v3), SQLAlchemy and Alembic (MIT), ReportLab (BSD), pycountry (LGPL v2.1), "
    "python-bidi (LGPL v3) and arabic-reshaper (MIT). PDFs embed DejaVu Sans "
    "(Bitstream Vera licence; DejaVu changes in the public domain).",
)
translate = QCoreApplication.translate


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every window action with a shortcut, then the keys of the widgets."""
    rows = []
    for action in window.actions():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            rows.append((action.text().replace("&", "").rstrip("…"), keys))
    keys = [(translate("HelpMenu", what), translate("HelpMenu", how)) for what, how in WIDGET_KEYS]
    return [*rows, *keys]


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, in a table that can be read at a glance."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        table = QTableWidget(len(rows), 2, self)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (what, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(what))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, 520)


class AboutDialog(QDialog):
    """The version, the licences, and where this window's data lives."""

    def __init__(self, window: QWidget, database_name: str) -> None:
        super().__init__(window)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Treaty Tracker"))
        text = QLabel(self)
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        text.setTextFormat(text.textFormat().PlainText)
        lines = self.tr(
            "Treaty Tracker %1\n\n"
            "Record international agreements by field and party, filter them, and export "
            "PDF summaries.\n\n"
            "Database in use: %2\n"
            "Default data folder: %3\n"
            "Log: %4\n"
            "Qt %5 (PySide6 %6), Python %7\n\n"
            "Licences: %8"
        )
        values = (
            app_version(),
            database_name,
            str(default_database_path().parent),
            str(log_path()),
            qVersion(),
            PySide6.__version__,
            platform.python_version(),
            translate("HelpMenu", LICENCES),
        )
        text.setText(fill(lines, *values))
        text.setMinimumWidth(460)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)


class HelpMenu(QObject):
    """The Help menu's dialogs: the one open last is kept (tests read it)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.dialog: QDialog | None = None

    def show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()


def add_help_menu(window: QMainWindow, database_name: Callable[[], str]) -> HelpMenu:
    """The Help menu, last in the menu bar. *database_name*: the open database's, for About."""
    menu = window.menuBar().addMenu(translate("HelpMenu", "&Help"))
    menu.setObjectName("helpMenu")
    shortcuts = QAction(translate("HelpMenu", "&Keyboard shortcuts"), window)
    shortcuts.setObjectName("actionShortcuts")
    shortcuts.setShortcut(QKeySequence("Ctrl+/"))
    about = QAction(translate("HelpMenu", "&About Treaty Tracker"), window)
    about.setObjectName("actionAbout")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu = HelpMenu(window)
    shortcuts.triggered.connect(lambda: help_menu.show(ShortcutsDialog(window)))
    about.triggered.connect(lambda: help_menu.show(AboutDialog(window, database_name())))
    window.addAction(shortcuts)
    menu.addActions([shortcuts, about])
    return help_menu

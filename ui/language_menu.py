"""View › Language: the window's language, kept in the settings, used from the next start.

The words of a running window are not swapped in place (every widget is built with its
words once): the status bar says the choice takes effect when the app starts again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from ui.settings import Settings
from ui.translations import NATIVE_NAMES, available_languages

translate = QCoreApplication.translate


def add_language_menu(parent: QMenu, settings: Settings, tell: Callable[[str], None]) -> QMenu:
    """A submenu of *parent* with 'System language' and each shipped language, one ticked.

    *tell* shows a sentence in the window's status bar.
    """
    menu = parent.addMenu(translate("LanguageMenu", "&Language"))
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    chosen = settings.language
    entries = [("", translate("LanguageMenu", "System language"))]
    entries += [(code, NATIVE_NAMES.get(code, code)) for code in available_languages()]
    for code, name in entries:
        action = QAction(name, menu)
        action.setObjectName(f"language_{code or 'system'}")
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
        action.triggered.connect(lambda _checked=False, c=code: choose(settings, c, tell))
    return menu


def choose(settings: Settings, code: str, tell: Callable[[str], None]) -> None:
    """Keep *code* ('' for the system's) and say when it takes effect."""
    if code == settings.language:
        return
    settings.language = code
    settings.sync()
    tell(translate("LanguageMenu", "The language changes when Treaty Tracker is started again."))

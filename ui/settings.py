"""A small typed wrapper over QSettings: what the app remembers between sessions."""

from __future__ import annotations

import getpass

from PySide6.QtCore import QByteArray, QSettings

RECENT_LIMIT = 8
DUE_WARNING_DAYS = 30  # the warning period's default: deadlines this close are told at start


def system_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return ""


class Settings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    @property
    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/splitter", value)

    @property
    def header_state(self) -> QByteArray | None:
        """Visible columns, their order and widths, and the sort column and order."""
        return self._bytes("table/header")

    @header_state.setter
    def header_state(self, value: QByteArray) -> None:
        self._settings.setValue("table/header", value)

    @property
    def due_warning_days(self) -> int:
        """How many days ahead a deadline is told in the status bar at start."""
        try:
            days = int(self._settings.value("due/warning_days", DUE_WARNING_DAYS))
        except (TypeError, ValueError):
            return DUE_WARNING_DAYS
        return days if days > 0 else DUE_WARNING_DAYS

    @due_warning_days.setter
    def due_warning_days(self, days: int) -> None:
        self._settings.setValue("due/warning_days", days)

    @property
    def last_database(self) -> str | None:
        value = self._settings.value("files/last_database")
        return str(value) if value else None

    @last_database.setter
    def last_database(self, value: str) -> None:
        self._settings.setValue("files/last_database", value)

    @property
    def recent_databases(self) -> list[str]:
        value = self._settings.value("files/recent", [])
        if isinstance(value, str):
            return [value]
        return [str(item) for item in value or []]

    def remember_database(self, name: str) -> None:
        recent = [name] + [item for item in self.recent_databases if item != name]
        self._settings.setValue("files/recent", recent[:RECENT_LIMIT])
        self.last_database = name

    @property
    def author(self) -> str:
        """Who made the reports: set in settings, else the operating-system user."""
        value = str(self._settings.value("reports/author", "") or "")
        return value or system_user()

    @author.setter
    def author(self, value: str) -> None:
        self._settings.setValue("reports/author", value)

    def sync(self) -> None:
        self._settings.sync()

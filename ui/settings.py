"""A small typed wrapper over QSettings: what the app remembers between sessions."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from models.backups import KEEP_DAILY, KEEP_WEEKLY, Rotation
from models.trash import DEFAULT_KEEP_DAYS
from models.users import UserNameError, current_user, system_user

RECENT_LIMIT = 8
DUE_WARNING_DAYS = 30  # the warning period's default: deadlines this close are told at start


def _whole(value: object, default: int) -> int:
    """A count from the settings file; the default where it is missing or not a number >= 1."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return number if number >= 1 else default


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
            days = int(self._settings.value("due/warning_days", DUE_WARNING_DAYS))  # type: ignore[call-overload]  # an int or its text
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
        return [str(item) for item in value or []]  # type: ignore[attr-defined]  # a list when not a str

    def remember_database(self, name: str) -> None:
        recent = [name] + [item for item in self.recent_databases if item != name]
        self._settings.setValue("files/recent", recent[:RECENT_LIMIT])
        self.last_database = name

    @property
    def author(self) -> str:
        """Who made the reports: set in settings, else the user name saves record
        ($TREATY_TRACKER_USER, else the operating system's), as the command line has it."""
        value = str(self._settings.value("reports/author", "") or "")
        if value:
            return value
        try:
            return current_user()
        except UserNameError:  # bytes that are not UTF-8: the system name, as before
            return system_user("")

    @author.setter
    def author(self, value: str) -> None:
        self._settings.setValue("reports/author", value)

    @property
    def backup_rotation(self) -> Rotation:
        """How many backups to keep: the newest of each of the last N days, then of M weeks."""
        daily = _whole(self._settings.value("backups/keep_daily"), KEEP_DAILY)
        weekly = _whole(self._settings.value("backups/keep_weekly"), KEEP_WEEKLY)
        return Rotation(daily, weekly)

    @backup_rotation.setter
    def backup_rotation(self, value: Rotation) -> None:
        self._settings.setValue("backups/keep_daily", value.daily)
        self._settings.setValue("backups/keep_weekly", value.weekly)

    @property
    def trash_days(self) -> int:
        """Days a deleted agreement stays in the trash before the window empties it (30)."""
        try:
            days = int(self._settings.value("trash/keep_days", DEFAULT_KEEP_DAYS))  # type: ignore[call-overload]  # an int or its text
        except (TypeError, ValueError):
            return DEFAULT_KEEP_DAYS
        return max(days, 1)

    @trash_days.setter
    def trash_days(self, value: int) -> None:
        self._settings.setValue("trash/keep_days", int(value))

    @property
    def pdf_author(self) -> str:
        """The name a PDF says it was prepared by; empty: nobody is named."""
        return str(self._settings.value("reports/pdf_author", "") or "")

    @pdf_author.setter
    def pdf_author(self, value: str) -> None:
        self._settings.setValue("reports/pdf_author", value)

    @property
    def pdf_show_source(self) -> bool:
        """Whether PDFs print the database's location and the user name (off by default)."""
        return str(self._settings.value("reports/pdf_show_source", "false")).lower() == "true"

    @pdf_show_source.setter
    def pdf_show_source(self, value: bool) -> None:
        self._settings.setValue("reports/pdf_show_source", "true" if value else "false")

    def pdf_author_for_print(self) -> str:
        """The author a PDF prints: the name given, else the user name if the source is shown."""
        return self.pdf_author or (self.author if self.pdf_show_source else "")

    @property
    def language(self) -> str:
        """The window's language code ('ru'), chosen in View › Language; '' follows the system."""
        return str(self._settings.value("window/language", "") or "")

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("window/language", value)

    def sync(self) -> None:
        self._settings.sync()

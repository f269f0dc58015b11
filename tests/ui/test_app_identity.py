"""The app as the desktop sees it: its icon, version, desktop entry, settings folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication

from models.app_identity import APP_FOLDER, APP_ID, app_version
from ui.app import application, carry_over_settings


@pytest.fixture
def named_app(qapp: QApplication, tmp_path: Path) -> Iterator[QApplication]:
    """application() renames the shared QApplication: put the test names back afterwards."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qt"))
    names = qapp.organizationName(), qapp.applicationName(), qapp.organizationDomain()
    yield application()
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])
    qapp.setOrganizationDomain(names[2])


def test_the_app_carries_its_icon_version_and_desktop_entry(named_app: QApplication) -> None:
    assert named_app.applicationVersion() == app_version() != "unknown (not installed)"
    assert named_app.desktopFileName() == APP_ID
    assert named_app.applicationDisplayName() == "Treaty Tracker"
    icon = named_app.windowIcon()
    assert not icon.isNull()
    assert icon.pixmap(QSize(16, 16)).width() == 16
    assert icon.pixmap(QSize(256, 256)).width() == 256


def test_settings_live_in_the_data_folders_spelling(named_app: QApplication) -> None:
    path = Path(QSettings().fileName())
    assert path.parts[-2:] == (APP_FOLDER, f"{APP_FOLDER}.ini")


def test_settings_under_the_old_folder_name_are_carried_over_once(
    named_app: QApplication, tmp_path: Path
) -> None:
    old = QSettings("Treaty Tracker", "Treaty Tracker")
    old.setValue("files/last_database", "/home/ana/Тоқаев.db")
    old.sync()
    assert carry_over_settings() is True
    assert QSettings().value("files/last_database") == "/home/ana/Тоқаев.db"
    QSettings().setValue("files/last_database", "/home/ana/Türkiye.db")
    assert carry_over_settings() is False  # the new settings are never overwritten
    assert QSettings().value("files/last_database") == "/home/ana/Türkiye.db"


def test_help_about_names_the_version_licence_and_log(make_window, database) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from models.app_identity import log_path

    window = make_window(database)
    help_menu = window.menuBar().actions()[-1].menu()
    assert help_menu.title() == "&Help"
    about = next(a for a in help_menu.actions() if a.objectName() == "actionAbout")
    about.trigger()
    text = window.help_menu.dialog.findChild(QLabel, "aboutText").text()
    assert f"Treaty Tracker {app_version()}" in text
    assert "MIT licence" in text and str(log_path()) in text
    window.help_menu.dialog.reject()

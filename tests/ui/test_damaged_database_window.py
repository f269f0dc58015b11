"""The window on a damaged file: the same one-line message as the command line, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from models.database import open_database
from tests.damage import healthy_file, overwrite_page, root_page
from ui.app import _last_or_default
from ui.main_window import MainWindow
from ui.settings import Settings


def test_a_search_that_meets_damage_names_the_file_as_damaged(
    db_path: Path, qtbot: QtBot, qt_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    healthy_file(db_path, agreements=500)
    overwrite_page(db_path, root_page(db_path, "agreements"))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    database = open_database(db_path)  # the header and schema are sound: it opens
    window = MainWindow(database, qt_settings)
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
        assert shown[0].startswith(f"{db_path} is damaged")
        assert "nothing was written to it" in shown[0]
    finally:
        window.index_worker.shutdown()
        window.worker.shutdown()
        database.close()


def test_a_damaged_last_database_is_named_before_the_default_one_opens(
    db_path: Path, tmp_path: Path, qt_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    healthy_file(db_path, agreements=200)
    with db_path.open("r+b") as handle:  # cut off, as by a copy that stopped
        handle.truncate(db_path.stat().st_size // 2)
    qt_settings.last_database = str(db_path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    database = _last_or_default(qt_settings)
    try:
        assert database.name == str(tmp_path / "data" / "TreatyTracker" / "treaties.db")
        assert len(shown) == 1 and shown[0].startswith(f"{db_path} is damaged")
    finally:
        database.close()


def test_a_last_database_moved_away_falls_back_quietly(
    db_path: Path, tmp_path: Path, qt_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    qt_settings.last_database = str(db_path)  # never created
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    _last_or_default(qt_settings).close()
    assert shown == []

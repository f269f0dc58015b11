"""The window on a damaged file: the same one-line message as the command line, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from models.database import open_database
from tests.damage import healthy_file, overwrite_page, root_page
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

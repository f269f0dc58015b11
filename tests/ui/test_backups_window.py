"""Backups in the window: made on opening, listed and restored from File, offered when damaged."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from models.backups import DAILY, backup_folder, list_backups, make_backup
from models.database import open_database
from models.query import AgreementFilter, agreement_ids
from tests.builders import agreement, save
from tests.damage import healthy_file, leave_log_behind, overwrite_page, page_count
from tests.ui.test_merge_dialog import _open_merge
from ui.app import _last_or_default
from ui.backup_timing import BackupTiming
from ui.restore_dialog import RestoreDialog


def titles(database) -> set[str]:  # type: ignore[no-untyped-def]
    from models.query import fetch_rows

    with database.sessions() as session:
        return {row.title for row in fetch_rows(session, agreement_ids(session, AgreementFilter()))}


def test_opening_a_changed_database_makes_the_days_backup(
    qtbot, make_window, database, monkeypatch
) -> None:
    monkeypatch.setattr(BackupTiming, "PAUSE_MS", 100)
    save(database, agreement("Тоқаев–Mirziyoyev declaration", ("Kazakhstan", "Oʻzbekiston")))
    window = make_window(database)
    path = Path(database.name)
    qtbot.waitUntil(lambda: len(list_backups(path)) == 1, timeout=5000)
    (made,) = list_backups(path)
    assert made.reason == DAILY and made.agreements == 1
    window.close()
    assert len(list_backups(path)) == 1  # one a day: closing makes no second one


def test_the_days_backup_waits_until_the_user_pauses_typing(
    qtbot, make_window, database, monkeypatch
) -> None:
    """Made at once on opening, the day's backup (seconds of copying and checking at a
    quarter of a million agreements) took the processor while the user typed their first
    search: typing stalled. It starts once the user pauses."""
    monkeypatch.setattr(BackupTiming, "PAUSE_MS", 60_000)  # not before the first key
    save(database, agreement("Тоқаев–Mirziyoyev declaration", ("Kazakhstan", "Oʻzbekiston")))
    window = make_window(database)
    path = Path(database.name)
    monkeypatch.setattr(BackupTiming, "PAUSE_MS", 1500)
    for letter in "Mirziy":  # a key every 0.4 s for 2.4 s: no pause of 1.5 s
        qtbot.keyClicks(window.filter_panel.search_box, letter)
        qtbot.wait(400)
    assert list_backups(path) == []
    qtbot.waitUntil(lambda: len(list_backups(path)) == 1, timeout=10000)
    (made,) = list_backups(path)
    assert made.reason == DAILY and made.agreements == 1
    assert window.model.rowCount() == 1  # the search found it meanwhile


def test_restore_from_backup_brings_back_the_old_data_and_keeps_the_current(
    qtbot, make_window, database
) -> None:
    path = Path(database.name)
    save(database, agreement("Declaration on allied relations", ("Kazakhstan", "Oʻzbekiston")))
    old = make_backup(path, DAILY, now=datetime.now() - timedelta(days=3))
    save(database, agreement("Türkiye rail protocol", ("Türkiye",)))
    window = make_window(database)
    assert window.action_restore_backup.isEnabled()
    window.action_restore_backup.trigger()
    dialog = window.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 1, timeout=5000)
    row = next(n for n, info in enumerate(dialog.backups) if info.path == old.path)
    assert dialog.table.item(row, 1).text() == "1"  # its agreement count
    dialog.choose(row)
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        dialog.restore_button.click()
    assert not dialog.isVisible()
    assert titles(window.database) == {"Declaration on allied relations"}
    assert window.model.rowCount() == 1
    kept = [info for info in list_backups(path) if info.reason == "before-restore"]
    assert len(kept) == 1 and kept[0].agreements == 2  # the database as it was, kept first
    assert "Restored the backup of" in window.statusBar().currentMessage()


def test_a_damaged_last_database_offers_its_latest_good_backup(
    qtbot, qt_settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = healthy_file(tmp_path / "team.db", agreements=300)
    good = make_backup(path, DAILY)
    overwrite_page(path, page_count(path) // 2)
    leave_log_behind(path)  # the app was killed: the next open checks every page
    qt_settings.remember_database(str(path))
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    database = _last_or_default(qt_settings)
    try:
        assert database.name == str(path)
        assert "300 agreements" in asked[0] and "is damaged" in asked[0]
        assert good.made_at.strftime("%Y-%m-%d %H:%M") in asked[0]
    finally:
        database.close()
    open_database(path, full_check=True).close()  # sound again
    assert any(p.name.startswith("team.damaged-") for p in backup_folder(path).iterdir())


def test_a_merge_in_the_window_backs_up_the_file_first(qtbot, make_window, database) -> None:
    _window, dialog, _keep, _other = _open_merge(qtbot, make_window, database)
    with qtbot.waitSignal(dialog.merged, timeout=5000):
        dialog.merge_button.click()
    made = [info for info in list_backups(Path(database.name)) if info.reason == "before-merge"]
    assert len(made) == 1 and made[0].agreements == 2  # both records, as they were

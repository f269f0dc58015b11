"""The window on a team database: PostgreSQL, read-only users, who did what."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from models import service
from models.database import Database, open_database
from tests.backends import migrated_postgres_database, read_only_role
from tests.builders import agreement, save
from ui.connect_dialog import ConnectDialog
from ui.main_window import MainWindow


def _add(database: Database, title: str, parties: tuple[str, ...], summary: str = "") -> int:
    return save(database, agreement(title, parties, signed_on="2021-12-06", summary=summary))


@pytest.fixture
def team() -> Iterator[Database]:
    """A team database on the PostgreSQL test server, with two agreements."""
    with migrated_postgres_database() as database:
        _add(database, "Declaration on allied relations", ("Kazakhstan", "Uzbekistan"), "Тоқаев")
        _add(database, "Convention on electricity trade", ("Türkiye", "Kazakhstan"))
        yield database


def _party_text(window: MainWindow, name: str) -> str:
    parties = window.filter_panel.parties
    texts = [parties.item(row).text() for row in range(parties.count())]
    return next(text for text in texts if text.startswith(name))


def test_the_window_works_on_postgresql(team: Database, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window(team)
    assert window.model.rowCount() == 2
    assert _party_text(window, "Kazakhstan") == "Kazakhstan  (2)"
    assert window.windowTitle().endswith(f"{team.url.database} on 127.0.0.1")
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        window.filter_panel.search_box.setText("токаев")
    assert window.model.rowCount() == 1
    assert _party_text(window, "Uzbekistan") == "Uzbekistan  (1)"
    assert _party_text(window, "Türkiye") == "Türkiye  (0)"
    with qtbot.waitSignal(window.detail_shown, timeout=10000):  # read on the worker
        window.table.selectRow(0)
    assert "Created" in window.detail.toPlainText() and "by tester" in window.detail.toPlainText()


def test_a_read_only_user_browses_and_exports_but_can_not_edit(
    team: Database, make_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    with read_only_role(team) as url:
        reader = open_database(url)
        try:
            window: MainWindow = make_window(reader)
            window.table.selectRow(0)
            assert window.model.rowCount() == 2
            assert window.read_only_label.isVisible()
            for action in (
                window.action_new,
                window.action_edit,
                window.action_duplicate,
                window.action_delete,
                window.action_import,
                window.action_save_view,
            ):
                assert not action.isEnabled(), action.objectName()
            assert window.action_export.isEnabled() and window.action_export_pdf.isEnabled()
            assert not window.filter_panel.save_view_button.isEnabled()
            window.edit_agreement()  # what a double-click on a row does
            assert window.editor is None
            assert "Read-only" in window.statusBar().currentMessage()
        finally:
            window.index_worker.shutdown()
            window.worker.shutdown()
            reader.close()


def test_connecting_to_a_team_database_never_stores_the_password(
    database: Database, team: Database, make_window, qt_settings, tmp_path: Path, monkeypatch, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window(database)
    password = team.url.password
    assert password

    def filled(dialog: ConnectDialog) -> int:
        url = team.url
        dialog.host.setText(url.host or "")
        dialog.port.setValue(url.port or 5432)
        dialog.database.setText(url.database or "")
        dialog.user.setText(url.username or "")
        dialog.password.setText(password)
        return ConnectDialog.DialogCode.Accepted

    monkeypatch.setattr(ConnectDialog, "exec", filled)
    # The test's schema travels in the URL's options; everything else is the dialog's.
    dialog_url = ConnectDialog.url
    monkeypatch.setattr(
        ConnectDialog, "url", lambda self: dialog_url(self).update_query_dict(team.url.query)
    )
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        window.connect_team_database()
    assert window.database.url.get_backend_name() == "postgresql"
    assert window.model.rowCount() == 2
    qt_settings.sync()
    stored = (tmp_path / "qt" / "settings.ini").read_text(encoding="utf-8")
    assert str(team.url.host) in stored
    assert password not in stored


def test_the_detail_pane_shows_who_changed_what_and_keeps_it_across_a_delete(
    database: Database, make_window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    agreement_id = _add(database, "Agreement on the Oʻzbekiston rail line", ("Kazakhstan",))
    with database.sessions.begin() as session:
        data, version = service.load_input(session, agreement_id)
        service.update(
            session, agreement_id, dataclasses.replace(data, title="Rail treaty"), version
        )
    window: MainWindow = make_window(database)
    with qtbot.waitSignal(window.detail_shown, timeout=5000):  # read on the worker
        window.table.selectRow(0)
    shown = window.detail.toPlainText()
    assert "History" in shown
    assert "tester: update (title)" in shown
    assert "title: “Agreement on the Oʻzbekiston rail line” → “Rail treaty”" in shown
    assert "tester: create" in shown

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_delete.trigger()
    with qtbot.waitSignals([window.refreshed, window.detail_shown], timeout=5000):
        window.action_undo.trigger()
    shown = window.detail.toPlainText()
    assert shown.index("tester: undo") < shown.index("tester: delete") < shown.index("create")

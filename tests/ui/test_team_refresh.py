"""Changes saved elsewhere (another window, another analyst) reach the window by themselves."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox

from models import service
from models.database import Database, open_database
from tests.builders import agreement, save
from ui.connect_dialog import ConnectDialog, remembered_name
from ui.main_window import MainWindow


def _add(database: Database, title: str, parties: tuple[str, ...] = ("Kazakhstan",)) -> int:
    return save(database, agreement(title, parties, signed_on="2020-01-01"))


@pytest.fixture
def elsewhere(db_path: Path):  # type: ignore[no-untyped-def]
    """The same file opened a second time: what another process sees and writes."""
    other = open_database(db_path)
    yield other
    other.close()


def _party_names(window: MainWindow) -> list[str]:
    parties = window.filter_panel.parties
    return [parties.item(row).text().split("  (")[0] for row in range(parties.count())]


def test_a_change_saved_elsewhere_appears_with_selection_and_scroll_kept(
    database: Database, elsewhere: Database, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    for number in range(150):
        _add(database, f"Agreement on cooperation no. {number:03}")
    window: MainWindow = make_window(database)
    window.table.selectRow(100)
    chosen = window.selected_ids()
    bar = window.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert bar.value() > 0
    top = window.model.id_at(window.table.rowAt(0))

    new_id = _add(elsewhere, "Treaty on Oʻzbekiston water sharing", ("Uzbekistan", "Türkiye"))
    window.change_poll.setInterval(20)
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        pass  # the poll notices the new revision and reloads

    assert window.model.rowCount() == 151
    assert window.model.row_of(new_id) is not None
    assert window.selected_ids() == chosen
    # The new agreement is the newest, at the head of the list: the rows the user was
    # looking at stay in view, though they moved down by one.
    assert window.model.row_of(new_id) == 0
    assert window.model.id_at(window.table.rowAt(0)) == top
    assert "Uzbekistan" in _party_names(window) and "Türkiye" in _party_names(window)
    assert window.status_label.text() == "Showing 151 of 151 agreements"


def test_f5_shows_what_others_changed_at_once(
    database: Database, elsewhere: Database, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    _add(database, "Energy charter")
    window: MainWindow = make_window(database)
    window.change_poll.stop()  # only F5 now
    _add(elsewhere, "Agreement signed by Тоқаев", ("Kazakhstan", "Russia"))
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_refresh.trigger()
    assert window.action_refresh.shortcut().toString() == "F5"
    assert window.model.rowCount() == 2
    assert "Russian Federation" in _party_names(window)


def test_the_poll_leaves_an_unchanged_table_alone(database: Database, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _add(database, "Energy charter")
    window: MainWindow = make_window(database)
    window.change_poll.setInterval(20)
    with qtbot.assertNotEmitted(window.rows_shown, wait=300):
        pass


def test_connect_dialog_builds_the_url_and_never_remembers_the_password(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ConnectDialog("postgresql+psycopg://alice@db.example.org:6543/treaties")
    qtbot.addWidget(dialog)
    assert dialog.host.text() == "db.example.org" and dialog.port.value() == 6543
    assert dialog.database.text() == "treaties" and dialog.user.text() == "alice"
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    dialog.password.setText("s3cret")
    url = dialog.url()
    assert url.password == "s3cret"
    assert remembered_name(url) == "postgresql+psycopg://alice@db.example.org:6543/treaties"


def test_connect_dialog_names_what_is_missing(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._accept()
    assert dialog.isVisible()
    assert dialog.problem.text() == "Give the server and the database."


def test_deleting_what_a_colleague_just_changed_is_refused_naming_them(
    database: Database, elsewhere: Database, make_window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    agreement_id = _add(database, "Water sharing protocol", ("Kazakhstan", "Uzbekistan"))
    window: MainWindow = make_window(database)
    window.change_poll.stop()  # the colleague's change has not reached this window yet
    window.table.selectRow(0)
    monkeypatch.setenv("TREATY_TRACKER_USER", "bob")
    with elsewhere.sessions.begin() as session:
        data, version = service.load_input(session, agreement_id)
        service.update(session, agreement_id, dataclasses.replace(data, notes="Seen."), version)
    monkeypatch.setenv("TREATY_TRACKER_USER", "tester")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_delete.trigger()
    assert len(warnings) == 1
    assert warnings[0].startswith("Nothing was deleted: agreement")
    assert "changed by bob at" in warnings[0]
    with database.sessions() as session:
        assert service.load_input(session, agreement_id)[0].notes == "Seen."
    assert window.model.rowCount() == 1

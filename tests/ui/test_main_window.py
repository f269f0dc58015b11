"""The main window driven as a user would: search, tick, sort, edit, delete, undo, views."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyleOptionHeader,
    QToolButton,
    QTreeWidget,
    QWidget,
)

from models import service
from models.backups import DAILY, make_backup
from models.database import Database, open_database
from models.query import count
from models.service import ActionInput, AgreementInput, ParticipationInput
from tests.damage import healthy_file, leave_log_behind, overwrite_page, page_count
from ui.agreement_table_model import COLUMNS
from ui.filter_panel import CatalogCommand
from ui.icons import SortArrowStyle
from ui.item_roles import ID_ROLE, NAME_ROLE
from ui.main_window import MainWindow

RECORDS = [
    (
        "Agreement on the Turkistan–Tashkent high-speed rail line",
        "2021-12-06",
        ["Kazakhstan", "Uzbekistan"],
        ["Transport > Rail"],
        "signed",
    ),
    (
        "Agreement on the Kyzylorda–Uchquduq highway",
        "2021-12",
        ["Kazakhstan", "Uzbekistan"],
        ["Transport > Roads"],
        "signed",
    ),
    (
        "Convention on electricity trade with Türkiye",
        "2019",
        ["Türkiye", "Kazakhstan"],
        ["Energy"],
        "in force",
    ),
    (
        "Memorandum on outer space cooperation",
        "2018-05-01",
        ["Uzbekistan", "Russia"],
        ["Outer space"],
        "ratified",
    ),
    (
        "Protocol on transit of oil",
        "2020-02",
        ["Russia", "Kazakhstan", "Türkiye"],
        ["Energy", "Transport"],
        "in force",
    ),
]


def _record(database: Database) -> None:
    with database.sessions.begin() as session:
        for title, signed, parties, fields, status in RECORDS:
            service.create(
                session,
                AgreementInput(
                    title=title,
                    signed_on=signed,
                    status=status,
                    parties=[
                        ParticipationInput(p, actions=[ActionInput("signature", signed)])
                        for p in parties
                    ],
                    fields=fields,
                    summary=f"Signed by Тоқаев. {title}.",
                ),
            )


@pytest.fixture
def window(database: Database, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    _record(database)
    return make_window(database)


def _titles(window: MainWindow) -> list[str]:
    model = window.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def _item(widget: QListWidget | QTreeWidget, name: str):  # type: ignore[no-untyped-def]
    flags = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive
    found = (
        widget.findItems(name, flags)
        if isinstance(widget, QTreeWidget)
        else widget.findItems(name, Qt.MatchFlag.MatchStartsWith)
    )
    assert found, f"{name} not in {widget.objectName()}"
    return found[0]


def _tick(window: MainWindow, widget, name: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    item = _item(widget, name)
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        if isinstance(widget, QTreeWidget):
            item.setCheckState(0, Qt.CheckState.Checked)
        else:
            item.setCheckState(Qt.CheckState.Checked)


def test_window_shows_every_agreement_with_status_bar(window: MainWindow) -> None:
    assert window.model.rowCount() == 5
    assert window.status_label.text() == "Showing 5 of 5 agreements"
    assert window.stack.currentWidget() is window.table
    for name in (
        "searchBox",
        "agreementTable",
        "fieldFilter",
        "partyFilter",
        "statusFilter",
        "kindFilter",
        "dateFilter",
        "detailPane",
        "savedViews",
    ):
        widget = window.findChild(object, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_typing_in_search_box_shrinks_table_and_counts(window: MainWindow, qtbot) -> None:
    party = _item(window.filter_panel.parties, "Kazakhstan")
    assert party.text() == "Kazakhstan  (4)"
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        qtbot.keyClicks(window.filter_panel.search_box, "turkiye")
    assert _titles(window) == [
        "Protocol on transit of oil",
        "Convention on electricity trade with Türkiye",
    ]
    assert window.status_label.text() == "Showing 2 of 5 agreements"
    assert party.text() == "Kazakhstan  (2)"
    assert _item(window.filter_panel.parties, "Uzbekistan").text() == "Uzbekistan  (0)"


def test_search_is_accent_and_script_insensitive(window: MainWindow, qtbot) -> None:
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.filter_panel.search_box.setText("токаев")
    assert window.model.rowCount() == 5
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.filter_panel.search_box.setText("uchquduq")
    assert _titles(window) == ["Agreement on the Kyzylorda–Uchquduq highway"]


def test_ticking_a_field_and_a_party_filters(window: MainWindow, qtbot) -> None:
    _tick(window, window.filter_panel.fields, "Transport", qtbot)
    assert sorted(_titles(window)) == [
        "Agreement on the Kyzylorda–Uchquduq highway",
        "Agreement on the Turkistan–Tashkent high-speed rail line",
        "Protocol on transit of oil",
    ]
    _tick(window, window.filter_panel.parties, "Russian Federation", qtbot)
    assert _titles(window) == ["Protocol on transit of oil"]
    # "Energy" keeps a count though Transport is ticked: fields are any-of
    assert _item(window.filter_panel.fields, "Energy").text(0) == "Energy  (1)"
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_clear.trigger()
    assert window.model.rowCount() == 5


def test_between_two_parties_and_status(window: MainWindow, qtbot) -> None:
    _tick(window, window.filter_panel.parties, "Kazakhstan", qtbot)
    _tick(window, window.filter_panel.parties, "Uzbekistan", qtbot)
    assert window.model.rowCount() == 2
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.filter_panel.any_party.setChecked(True)
    assert window.model.rowCount() == 5
    _tick(window, window.filter_panel.statuses, "In force", qtbot)
    assert window.model.rowCount() == 2


def test_signed_date_range(window: MainWindow, qtbot) -> None:
    panel = window.filter_panel
    panel.signed_from.setText("2019")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        panel.signed_to.setText("2020-12")
        panel.signed_to.editingFinished.emit()
    assert sorted(_titles(window)) == [
        "Convention on electricity trade with Türkiye",
        "Protocol on transit of oil",
    ]


def test_sort_by_signed_date_and_title(window: MainWindow, qtbot) -> None:
    header = window.table.horizontalHeader()
    signed = next(i for i, c in enumerate(COLUMNS) if c.header == "Signed")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        header.setSortIndicator(signed, Qt.SortOrder.AscendingOrder)
    dates = [window.model.data(window.model.index(r, signed)) for r in range(5)]
    assert dates == ["2018-05-01", "2019", "2020-02", "2021-12", "2021-12-06"]
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert _titles(window)[0] == "Protocol on transit of oil"


def test_selecting_a_row_shows_details(window: MainWindow, qtbot) -> None:
    with qtbot.waitSignal(window.detail_shown, timeout=5000):  # read on the worker
        window.table.selectRow(0)
    html = window.detail.toPlainText()
    title = _titles(window)[0]
    assert title in html
    assert "signatories" in html.lower()
    # What is missing is named once, not given an empty section of its own.
    assert "Not recorded: " in html and "source." in html and "\nSource\n" not in html


def test_delete_asks_then_undo_restores(
    window: MainWindow, database: Database, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.table.selectRow(0)  # the newest: Kazakhstan and Uzbekistan, rail
    deleted_title = _titles(window)[0]
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_delete.trigger()
    assert window.model.rowCount() == 4
    assert deleted_title not in _titles(window)
    # The counts beside the filters follow the change too.
    assert _item(window.filter_panel.parties, "Kazakhstan").text() == "Kazakhstan  (3)"
    assert _item(window.filter_panel.parties, "Uzbekistan").text() == "Uzbekistan  (2)"
    assert window.action_undo.isEnabled()
    with qtbot.waitSignals([window.refreshed, window.detail_shown], timeout=5000):
        window.action_undo.trigger()
    assert deleted_title in _titles(window)
    assert _item(window.filter_panel.parties, "Kazakhstan").text() == "Kazakhstan  (4)"
    with database.sessions() as session:
        assert count(session) == 5
    assert window.selected_ids() and deleted_title in window.detail.toPlainText()
    assert "Kazakhstan" in window.detail.toPlainText()


def test_delete_refused_by_user_changes_nothing(window: MainWindow, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.table.selectRow(0)
    window.action_delete.trigger()
    assert window.model.rowCount() == 5
    # Nothing went to the trash, so there is no deletion to undo (saves before it may be).
    assert "deletion" not in window.action_undo.text()


def test_save_and_reopen_view(window: MainWindow, qtbot, monkeypatch) -> None:
    _tick(window, window.filter_panel.fields, "Energy", qtbot)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Energy deals", True))
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_save_view.trigger()
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_clear.trigger()
    assert window.model.rowCount() == 5
    views = window.filter_panel.views
    assert [views.item(i).text() for i in range(views.count())] == ["Energy deals"]
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.filter_panel.view_chosen.emit(views.item(0).data(ID_ROLE))
    assert window.model.rowCount() == 2
    assert _item(window.filter_panel.fields, "Energy").checkState(0) == Qt.CheckState.Checked


def test_rename_and_merge_party_from_panel(
    window: MainWindow, database: Database, qtbot, monkeypatch
) -> None:
    with database.sessions.begin() as session:
        service.create(
            session,
            AgreementInput(
                title="Statute of the Academy", parties=[ParticipationInput("Turkic Academy")]
            ),
        )
        service.create(
            session,
            AgreementInput(
                title="Charter of the International Turkic Academy",
                parties=[ParticipationInput("International Turkic Academy")],
            ),
        )
    with qtbot.waitSignal(window.catalog_shown, timeout=5000):
        window.reload_catalog()
    academy = _item(window.filter_panel.parties, "Turkic Academy").data(ID_ROLE)
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda *a, **k: ("International Turkic Academy", True)
    )
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.filter_panel.party_action.emit(CatalogCommand.MERGE, academy)
    names = [
        window.filter_panel.parties.item(i).data(NAME_ROLE)
        for i in range(window.filter_panel.parties.count())
    ]
    assert "Turkic Academy" not in names
    assert _item(window.filter_panel.parties, "International Turkic Academy").text().endswith("(2)")


def test_deleting_a_used_party_is_refused(window: MainWindow, qtbot, monkeypatch) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: messages.append(text))
    party = _item(window.filter_panel.parties, "Kazakhstan").data(ID_ROLE)
    window.filter_panel.party_action.emit(CatalogCommand.DELETE, party)
    qtbot.waitUntil(lambda: bool(messages))  # refused by the worker's transaction
    assert messages and "takes part in 4 agreements" in messages[0]


def test_table_model_passes_qt_model_tester(window: MainWindow, qtmodeltester) -> None:
    qtmodeltester.check(window.model)


def test_first_run_welcome_page_loads_sample(db_path, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    database = open_database(db_path)
    try:
        window = make_window(database)
        assert window.stack.currentWidget() is window.welcome
        assert window.status_label.text() == "Showing 0 of 0 agreements"
        with qtbot.waitSignal(window.refreshed, timeout=10000):
            qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is window.table
        assert window.model.rowCount() == 8
    finally:
        database.close()


def test_columns_and_sort_are_remembered(
    window: MainWindow, database: Database, make_window, qtbot
) -> None:
    header = window.table.horizontalHeader()
    level = next(i for i, c in enumerate(COLUMNS) if c.header == "Level")
    header.setSectionHidden(level, False)
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    window.close()
    again = make_window(database)
    assert not again.table.horizontalHeader().isSectionHidden(level)
    assert _titles(again)[0] == "Agreement on the Kyzylorda–Uchquduq highway"
    assert again.settings.last_database == database.name


def test_open_a_file_that_is_not_a_database_keeps_the_current_one(
    window: MainWindow, tmp_path, monkeypatch, qtbot
) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("just some notes")
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: messages.append(text))
    with qtbot.waitSignal(window.opener.failed, timeout=5000):  # opened on its own thread
        window.switch_database(str(bogus))
    assert "not a Treaty Tracker database" in messages[0] and str(bogus) in messages[0]
    assert bogus.read_text() == "just some notes"
    assert window.model.rowCount() == 5
    assert window.action_open_db.isEnabled() and window.opener.indicator.isHidden()


def test_switching_database_lists_it_as_recent(window: MainWindow, tmp_path, qtbot) -> None:
    other = tmp_path / "other.db"
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.switch_database(str(other))
    assert window.model.rowCount() == 0
    assert window.stack.currentWidget() is window.welcome
    assert window.settings.recent_databases[0] == str(other)
    window.database.close()


def test_the_current_database_stays_in_use_while_another_one_opens(
    window: MainWindow, database: Database, tmp_path, qtbot
) -> None:
    gate = threading.Event()  # an open that takes its time (an upgrade, a slow server)
    window.opener.worker.submit(lambda _job: gate.wait(10), lambda _result: None)
    window.switch_database(str(tmp_path / "other.db"))
    assert window.opener.indicator.isVisible() and not window.action_open_db.isEnabled()
    assert window.statusBar().currentMessage() == f"Opening {tmp_path / 'other.db'}…"
    with qtbot.waitSignal(window.refreshed, timeout=5000):  # searched meanwhile
        window.filter_panel.search_box.setText("Kyzylorda")
    assert window.database is database and window.model.rowCount() == 1
    with qtbot.waitSignal(window.opener.opened, timeout=5000):
        gate.set()
    assert window.database is not database and window.opener.indicator.isHidden()
    window.database.close()


def test_a_damaged_file_opened_is_offered_its_latest_good_backup(
    window: MainWindow, tmp_path, qtbot, monkeypatch
) -> None:
    damaged = healthy_file(tmp_path / "damaged.db", agreements=300)
    make_backup(damaged, DAILY)
    overwrite_page(damaged, page_count(damaged) // 2)
    leave_log_behind(damaged)  # an unclean shutdown: the next open checks every page
    asked: list[str] = []

    def answer(_parent, title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    with qtbot.waitSignal(window.refreshed, timeout=20000):
        window.switch_database(str(damaged))
    assert asked and asked[0].startswith("The database is damaged: ")
    assert "with 300 agreements?" in asked[0]
    assert window.database.name == str(damaged) and window.model.rowCount() == 300
    window.database.close()


def test_ctrl_f_focuses_search(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    window.table.setFocus()
    window.action_find.trigger()
    assert window.filter_panel.search_box.hasFocus() or (
        window.focusWidget() is window.filter_panel.search_box
    )


def test_table_fetches_rows_in_pages(database: Database, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        for number in range(1000):
            service.create(
                session,
                AgreementInput(
                    title=f"Agreement {number:04d}",
                    signed_on="2000",
                    parties=[ParticipationInput("France")],
                ),
            )
    window = make_window(database)
    model = window.model
    assert model.rowCount() == 1000
    assert model.pages_fetched <= 2  # only what the view showed
    last = model.index(999, 0)
    with qtbot.waitSignal(model.page_arrived, timeout=5000) as arrived:
        assert model.data(last) == "…"  # read on the model's reader thread meanwhile
        assert model.data(model.index(998, 3)) is None
    assert arrived.args == [4]
    assert model.data(last).startswith("Agreement")
    assert model.pages_fetched <= 3
    assert model.data(QModelIndex()) is None


def _close_editor(window: MainWindow) -> None:
    if window.editor is not None and window.editor.isVisible():
        window.editor.done(0)


def test_create_an_agreement_through_the_dialog(
    window: MainWindow, database: Database, qtbot
) -> None:
    window.action_new.trigger()
    qtbot.waitUntil(lambda: window.editor is not None)  # read on the worker first
    dialog = window.editor
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "titleEdit"), "Agreement on Caspian shipping")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "signedOnEdit"), "2022-08")
    for name in ("KAZ", "Azerbaijan"):
        qtbot.keyClicks(dialog.findChild(QLineEdit, "partyInput"), name)
        dialog.findChild(QPushButton, "addPartyButton").click()
    with qtbot.waitSignals([window.refreshed, window.detail_shown], timeout=5000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "Agreement on Caspian shipping" in _titles(window)
    assert window.status_label.text() == "Showing 6 of 6 agreements"
    assert "Azerbaijan" in window.detail.toPlainText()  # the new row is selected and shown
    assert _item(window.filter_panel.parties, "Azerbaijan").text() == "Azerbaijan  (1)"


def test_validation_error_keeps_the_dialog_open_and_saves_nothing(
    window: MainWindow, database: Database, qtbot
) -> None:
    window.action_new.trigger()
    qtbot.waitUntil(lambda: window.editor is not None)  # read on the worker first
    dialog = window.editor
    qtbot.keyClicks(dialog.findChild(QLineEdit, "signedOnEdit"), "2021-13-45")
    with qtbot.waitSignal(dialog.save_finished, timeout=5000):  # refused on the worker
        qtbot.mouseClick(dialog.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    errors = " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
    assert "title is required" in errors
    with database.sessions() as session:
        assert count(session) == 5
    _close_editor(window)


def test_edit_with_enter_changes_the_row(window: MainWindow, qtbot) -> None:
    window.table.setFocus()
    window.table.selectRow(0)
    old = _titles(window)[0]
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor is not None)  # read on the worker first
    dialog = window.editor
    assert dialog is not None and dialog.isVisible()
    title = dialog.findChild(QLineEdit, "titleEdit")
    assert title.text() == old
    title.clear()
    qtbot.keyClicks(title, "Renamed agreement")
    with qtbot.waitSignals([window.refreshed, window.detail_shown], timeout=5000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)
    assert "Renamed agreement" in _titles(window)
    assert old not in _titles(window)
    # The details read before the save may arrive first: the saved version follows.
    qtbot.waitUntil(lambda: "version 2" in window.detail.toPlainText())


def test_duplicate_prefills_a_copy(window: MainWindow, qtbot) -> None:
    window.table.selectRow(0)
    original = _titles(window)[0]
    window.action_duplicate.trigger()
    qtbot.waitUntil(lambda: window.editor is not None)  # the original is read on the worker
    dialog = window.editor
    assert dialog.findChild(QLineEdit, "titleEdit").text() == f"{original} (copy)"
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 6


def test_a_new_window_is_sorted_as_its_header_says(window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    assert COLUMNS[header.sortIndicatorSection()].header == "Signed"
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    signed = header.sortIndicatorSection()
    dates = [window.model.data(window.model.index(r, signed)) for r in range(5)]
    assert dates == ["2021-12-06", "2021-12", "2020-02", "2019", "2018-05-01"]


def test_undo_after_an_import_brings_back_the_deleted_agreement(
    window: MainWindow, database: Database, qtbot, monkeypatch, tmp_path
) -> None:
    from models.exchange import import_file

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    newest = max(window.model.ids())
    window.select_ids([newest])
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_delete.trigger()
    source = tmp_path / "one.csv"
    source.write_text("title,kind,status,parties\nNew one,treaty,signed,France\n", encoding="utf-8")
    with database.sessions.begin() as session:
        added = import_file(session, source).added_ids
    assert newest not in added  # the deleted agreement's id is not handed out again
    window.reload_from_database()
    # Undo goes back in order: first the import, then the delete.
    qtbot.waitUntil(lambda: window.action_undo.text() == "&Undo import of one.csv")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_undo.trigger()
    qtbot.waitUntil(lambda: window.action_undo.text().startswith("&Undo deletion of"))
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_undo.trigger()
    assert newest in window.model.ids()
    assert window.model.rowCount() == 5


def test_the_details_of_a_sample_document_count_both_signatories(
    db_path, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    database = open_database(db_path)
    try:
        window = make_window(database)
        with qtbot.waitSignal(window.refreshed, timeout=10000):
            qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
        for row, title in enumerate(_titles(window)):
            window.table.selectRow(row)
            qtbot.waitUntil(lambda title=title: title in window.detail.toPlainText())
            shown = window.detail.toPlainText()
            assert "2 signatories, none bound as a party yet." in shown
            assert "No action recorded" not in shown
            # The parties' table: each signed on the day, no deposit.
            assert "Party\nRole\nSigned\nKazakhstan\nOriginal signatory\n6 December 2021" in shown
            assert "Ratified" not in shown and "deposited" not in shown
            timeline = shown[shown.index("Timeline") : shown.index("Summary")]
            assert timeline.count("6 December 2021") == 1, timeline
            assert "Signed at Nur-Sultan by Kazakhstan and Uzbekistan" in timeline
    finally:
        database.close()


def test_go_to_agreement_follows_a_merge_clears_the_filter_and_names_unknown_numbers(
    database: Database, make_window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from models.merge import merge_agreements

    _record(database)
    with database.sessions.begin() as session:
        merge_agreements(session, 1, 2, {})  # 2 now answers with 1
    window = make_window(database)
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert window.action_go_to in edit_menu.actions()
    assert window.action_go_to.shortcut().toString() == "Ctrl+G"
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.filter_panel.search_box.setText("türkiye")
    assert 1 not in [window.model.id_at(row) for row in range(window.model.rowCount())]

    monkeypatch.setattr(QInputDialog, "getInt", lambda *args, **kwargs: (2, True))
    with (
        qtbot.waitSignal(window.went_to, timeout=5000) as went,
        qtbot.waitSignal(window.rows_shown, timeout=5000),
    ):
        window.action_go_to.trigger()
    assert went.args == ["Agreement 2 was merged into 1: showing agreement 1."]
    assert window.statusBar().currentMessage() == went.args[0]
    assert window.filter_panel.current_filter().is_empty()
    assert window.selected_ids() == [1]

    with qtbot.waitSignal(window.went_to, timeout=5000) as went:
        window.go_to(3)  # shown: selected at once, alone
    assert went.args == ["Showing agreement 3."]
    assert window.selected_ids() == [3]

    with qtbot.waitSignal(window.went_to, timeout=5000) as went:
        window.go_to(99)
    assert went.args == ["Agreement 99 does not exist (it may have been deleted)."]
    assert window.selected_ids() == [3]


# ----------------------------------------------------------------- the keyboard


def _activate(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Focus needs the active window; offscreen, requestActivate() gives it."""
    from PySide6.QtWidgets import QApplication

    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_tab_leaves_the_table_for_the_details(window: MainWindow, qtbot) -> None:
    _activate(window, qtbot)
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    assert window.focusWidget() is window.detail  # not the next cell of the table


def test_down_or_enter_in_the_search_box_moves_to_the_first_result(
    window: MainWindow, qtbot
) -> None:
    _activate(window, qtbot)
    search = window.filter_panel.search_box
    window.filter_panel.focus_search()
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert window.focusWidget() is window.table
    assert window.table.currentIndex().row() == 0 and window.selected_ids()
    window.filter_panel.focus_search()
    window.table.clearSelection()
    window.table.setCurrentIndex(QModelIndex())
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        search.setText("highway")
        qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.table.currentIndex().row() == 0)
    assert window.focusWidget() is window.table
    assert _titles(window) == ["Agreement on the Kyzylorda–Uchquduq highway"]


def test_after_the_editor_closes_the_table_has_focus_on_the_same_row(
    window: MainWindow, qtbot
) -> None:
    _activate(window, qtbot)
    window.table.setFocus()
    window.table.selectRow(2)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    # The editor opens once the worker has read the agreement.
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.isVisible())
    dialog = window.editor
    dialog.reject()  # Cancel, nothing changed
    qtbot.waitUntil(lambda: window.focusWidget() is window.table)
    assert window.table.currentIndex().row() == 2
    # Offscreen, nothing hands activation back to the window as a desktop's manager does.
    _activate(window, qtbot)
    assert window.focusWidget() is window.table
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # Enter works at once
    qtbot.waitUntil(lambda: window.editor is not dialog and window.editor.isVisible())
    window.editor.reject()


def test_the_delete_question_names_the_agreement_or_how_many(
    window: MainWindow, monkeypatch
) -> None:
    asked: list[tuple[str, str]] = []

    def question(_parent, title, text, *_args, **_kw):  # type: ignore[no-untyped-def]
        asked.append((title, text))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    window.table.selectRow(0)
    first = _titles(window)[0]
    window.action_delete.trigger()
    window.table.selectAll()
    window.action_delete.trigger()
    assert asked == [
        (
            "Delete agreement",
            f"Move “{first}” to the trash? Ctrl+Z or View › Trash brings it back.",
        ),
        (
            "Delete agreements",
            "Move these 5 agreements to the trash? Ctrl+Z or View › Trash brings it back.",
        ),
    ]
    assert not any("(s)" in text for _title, text in asked)


def test_duplicate_leaves_out_the_dated_acts_and_says_so(window: MainWindow, qtbot) -> None:
    window.table.selectRow(0)
    window.action_duplicate.trigger()
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.isVisible())
    dialog = window.editor
    records = dialog.party_editor.parties.model.records
    assert len(records) == 2 and all(record.actions == [] for record in records)
    message = window.statusBar().currentMessage()
    assert "not their dated acts (2 acts)" in message
    dialog.done(0)


def test_the_help_menu_lists_the_shortcuts_and_has_about(window: MainWindow, qtbot) -> None:
    from PySide6.QtWidgets import QTableWidget

    help_menu = window.menuBar().findChild(object, "helpMenu")
    assert help_menu is not None
    names = [action.objectName() for action in help_menu.actions()]
    assert names == ["actionShortcuts", "actionAbout"]
    help_menu.actions()[0].trigger()
    table = window.help_menu.dialog.findChild(QTableWidget, "shortcutsTable")
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["New agreement"] == "Ctrl+N" and rows["Go to agreement"] == "Ctrl+G"
    assert rows["In the editor: save"] == "Ctrl+Enter"
    window.help_menu.dialog.reject()
    help_menu.actions()[1].trigger()
    about = window.help_menu.dialog.findChild(QLabel, "aboutText").text()
    assert "Treaty Tracker 0." in about and "Licences:" in about
    assert "Default data folder:" in about and window.database.name in about
    window.help_menu.dialog.reject()


def test_fusion_only_where_the_platform_has_no_style_of_its_own() -> None:
    from ui.app import style_for

    assert style_for("win32") is None and style_for("darwin") is None
    assert style_for("linux") == "Fusion"


# ----------------------------------------------------------------- chips and empty results


def _chip_texts(chips: QWidget) -> list[str]:
    """The filters the chips show, as the user reads them."""
    return [
        button.text().removesuffix("  ×")
        for button in chips.findChildren(QToolButton, "filterChip")
        if not button.isHidden()
    ]


def test_the_results_sit_between_the_filters_and_the_details_under_their_chips(
    window: MainWindow,
) -> None:
    splitter = window.splitter
    panes = [splitter.widget(number) for number in range(splitter.count())]
    assert len(panes) == 3
    assert panes[0] is window.filter_panel and panes[2] is window.detail_column
    assert panes[1].isAncestorOf(window.active_filters) and panes[1].isAncestorOf(window.table)
    left = [pane.mapTo(window, QPoint(0, 0)).x() for pane in panes]
    assert left == sorted(left)


def test_active_filters_show_as_chips_that_remove_one_condition_each(
    window: MainWindow, qtbot
) -> None:
    chips = window.findChild(QWidget, "activeFilters")
    assert chips is not None and chips.isHidden()
    _tick(window, window.filter_panel.fields, "Transport", qtbot)
    _tick(window, window.filter_panel.parties, "Russian Federation", qtbot)
    assert chips.isVisible() and _chip_texts(chips) == ["Transport", "Russian Federation"]
    buttons = chips.findChildren(QToolButton, "filterChip")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        next(b for b in buttons if b.text().startswith("Russian")).click()
    assert _chip_texts(chips) == ["Transport"] and window.model.rowCount() == 3
    assert _item(window.filter_panel.parties, "Russian").checkState() == Qt.CheckState.Unchecked


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(window: MainWindow, qtbot) -> None:
    empty = window.findChild(QWidget, "nothingMatches")
    assert empty is not None and empty.isHidden()
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.filter_panel.search_box.setText("zzzz nothing")
    assert empty.isVisible()
    assert empty.findChild(QLabel, "nothingMatchesLabel").text() == "No agreements match"
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        empty.findChild(QPushButton, "clearFiltersEmptyButton").click()
    assert window.model.rowCount() == 5 and empty.isHidden()


def test_clear_filters_also_clears_the_highlighted_saved_view(
    window: MainWindow, qtbot, monkeypatch
) -> None:
    _tick(window, window.filter_panel.fields, "Energy", qtbot)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Energy deals", True))
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_save_view.trigger()
    views = window.filter_panel.views
    views.setCurrentRow(0)
    assert views.selectedItems()
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.action_clear.trigger()
    assert views.selectedItems() == [] and views.currentItem() is None


def _arrow_shown(style: QStyle, descending: bool) -> str:
    """'down' or 'up': the arrow *style* draws for a column sorted that way."""
    indicator = QStyleOptionHeader.SortIndicator
    # What QHeaderView hands the style: ascending is 'SortDown', descending 'SortUp'.
    marked = indicator.SortUp if descending else indicator.SortDown
    if isinstance(style, SortArrowStyle):
        marked = indicator.SortDown if marked == indicator.SortUp else indicator.SortUp
    return "down" if marked == indicator.SortDown else "up"


def test_actions_carry_icons_with_text_beside_and_newest_first_points_down(
    window: MainWindow,
) -> None:
    from PySide6.QtWidgets import QToolBar

    for action in (window.action_new, window.action_delete, window.action_export_pdf):
        assert not action.icon().isNull(), action.objectName()
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    header = window.table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder  # newest first
    assert _arrow_shown(header.style(), descending=True) == "down"


def test_at_1024_pixels_the_needed_columns_stay_in_view_and_headers_are_whole(
    window: MainWindow, qtbot
) -> None:
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    header = window.table.horizontalHeader()
    names = [column.header for column in COLUMNS]

    def in_view(name: str) -> bool:
        viewport = window.table.viewport().width()
        number = names.index(name)
        left = header.sectionViewportPosition(number)
        right = left + header.sectionSize(number)
        return not header.isSectionHidden(number) and left >= 0 and right <= viewport + 1

    qtbot.waitUntil(lambda: all(in_view(n) for n in ("Title", "Kind", "Status", "Signed")))
    assert in_view("Parties")
    for name in ("Kind", "Status", "Signed", "Parties"):
        words = header.fontMetrics().horizontalAdvance(name)
        assert header.sectionSize(names.index(name)) >= words + 20, name
    # Wide again: what stepped aside comes back, and the title takes the rest.
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: in_view("Place"))
    assert header.sectionSize(0) > 300

"""The agreement dialog, driven as a user would, on a real SQLite file."""

from __future__ import annotations

import copy
import dataclasses
import os
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QWidget,
)
from sqlalchemy import select

from models import service
from models.database import Database
from models.fields import resolve_field
from models.query import count
from models.schema import Participation, Party
from models.service import (
    ActionInput,
    AgreementInput,
    MilestoneInput,
    ParticipationInput,
    RelationInput,
)
from models.vocab import PartyKind
from tests.builders import full_input
from ui.agreement_dialog import AgreementDialog
from ui.record_table import RecordTable
from ui.workers import Worker

TITLE = "Agreement on Oʻzbekiston–Türkiye rail transit"


# ----------------------------------------------------------------- helpers


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type *text* key by key.

    qtbot.keyClicks goes through QTest's ASCII table, which aborts the process on any other
    character (even 'ü'); those are sent as key events carrying their text, as a keyboard
    layout or input method delivers them.
    """
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                char,
                Qt.KeyboardModifier.NoModifier,
            )


def child(dialog: QWidget, kind: type, name: str):
    found = dialog.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def edit_cell(qtbot, table: RecordTable, row: int, attribute: str, text: str) -> None:
    """Open a cell's editor as a double click would, type, and press Return."""
    table.edit_cell(row, attribute)
    editor = table.view.indexWidget(table.view.currentIndex())
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, text)
    with qtbot.waitSignal(table.model.dataChanged):  # the delegate commits in a queued call
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def click_save(qtbot, dialog: AgreementDialog) -> bool:
    """Click Save and wait for the save (on the worker) to end; whether it saved."""
    with qtbot.waitSignal(dialog.save_finished) as finished:
        child(dialog, QPushButton, "saveButton").click()
    return finished.args[0]


def error_text(dialog: QWidget, name: str) -> str:
    label = child(dialog, QLabel, name)
    return "" if label.isHidden() else label.text()  # shown, on its tab


def stored(database: Database, agreement_id: int) -> tuple[AgreementInput, int]:
    with database.sessions.begin() as session:
        return service.load_input(session, agreement_id)


def agreement_count(database: Database) -> int:
    with database.sessions.begin() as session:
        return count(session)


def record(database: Database, data: AgreementInput) -> int:
    with database.sessions.begin() as session:
        return service.create(session, data).id


class MessageBoxes:
    """Answers QMessageBox.exec with queued button texts, without blocking; keeps what was said."""

    def __init__(self) -> None:
        self.answers: list[str] = []
        self.shown: list[str] = []
        self.accelerated = False  # give every button a '&' shortcut first, as KDE's desktop does

    def exec(self, box: QMessageBox) -> int:
        self.shown.append(f"{box.windowTitle()}: {box.text()} {box.informativeText()}")
        if not self.answers:
            pytest.fail(f"unexpected message box: {self.shown[-1]}")
        wanted = self.answers.pop(0)
        if self.accelerated:
            for button in box.buttons():
                button.setText("&" + button.text())
        buttons = {button.text().replace("&", ""): button for button in box.buttons()}
        assert wanted in buttons, f"{wanted!r} not among {list(buttons)}"
        buttons[wanted].click()
        return 0


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[MessageBoxes]:
    """Every message box here is answered from `answers` (or fails the test), never shown."""
    answering = MessageBoxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answering.exec(box))
    yield answering
    assert not answering.answers, f"answers never asked for: {answering.answers}"


@pytest.fixture
def worker() -> Iterator[Worker]:
    """The window's worker, as the dialog gets it: its reads and writes run there."""
    running = Worker()
    yield running
    running.shutdown()


@pytest.fixture
def open_dialog(qtbot, database: Database, worker: Worker):
    def make(agreement_id: int | None = None, template: AgreementInput | None = None):
        dialog = AgreementDialog(database.sessions, worker, agreement_id, template=template)
        # Closing at teardown must not ask about unsaved changes.
        qtbot.addWidget(dialog, before_close_func=lambda widget: widget.done(0))
        qtbot.waitSignal(dialog.load_finished).wait()  # read on the worker
        dialog.show()
        # Window shortcuts (Ctrl+Return) need the active window; offscreen, activateWindow()
        # and qtbot.waitActive() leave QApplication.activeWindow() None, this does not.
        dialog.windowHandle().requestActivate()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        return dialog

    return make


def rail_agreement(**changes: object) -> AgreementInput:
    data = AgreementInput(
        title=TITLE,
        signed_on="2021-12-06",
        parties=[ParticipationInput("Uzbekistan"), ParticipationInput("Türkiye")],
        fields=["Transport"],
    )
    return dataclasses.replace(data, **changes)


# ----------------------------------------------------------------- creating


def test_new_agreement_is_saved_with_what_was_typed(qtbot, database, open_dialog) -> None:
    with database.sessions.begin() as session:
        resolve_field(session, "Transport")
        resolve_field(session, "Energy")
    dialog = open_dialog()

    type_text(qtbot, child(dialog, QLineEdit, "titleEdit"), TITLE)
    choose(child(dialog, QComboBox, "kindCombo"), "memorandum of understanding")
    qtbot.keyClicks(child(dialog, QLineEdit, "signedOnEdit"), "2021-12")
    assert child(dialog, QLabel, "signedOnHint").text() == "read as December 2021"
    new_party = child(dialog, QLineEdit, "partyInput")
    for name in ("Uzbekistan", "Turkey"):
        qtbot.keyClicks(new_party, name)
        child(dialog, QPushButton, "addPartyButton").click()
    parties = dialog.party_editor.parties
    assert parties.model.rowCount() == 2
    edit_cell(qtbot, parties, 0, "signatory_name", "Тоқаев")
    parties.select(0)
    child(dialog, QPushButton, "addActionButton").click()
    edit_cell(qtbot, dialog.party_editor.action_table, 0, "deposited_on", "2021-12-06")
    tree = child(dialog, QTreeWidget, "fieldTree")
    transport = tree.findItems("Transport", Qt.MatchFlag.MatchExactly)[0]
    transport.setCheckState(0, Qt.CheckState.Checked)

    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(child(dialog, QPushButton, "saveButton"), Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    data, _ = stored(database, saved.args[0])
    assert data.title == TITLE
    assert data.kind == "memorandum of understanding"
    assert data.signed_on == "2021-12"
    assert data.fields == ["Transport"]
    assert [p.signatory_name for p in data.parties] == ["Тоқаев", ""]
    assert data.parties[0].actions == [ActionInput("signature", deposited_on="2021-12-06")]
    with database.sessions.begin() as session:
        codes = session.scalars(
            select(Party.iso3).join(Participation).order_by(Participation.position)
        ).all()
    assert codes == ["UZB", "TUR"]


def test_party_column_says_what_a_name_will_be_recorded_as(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    new_party = child(dialog, QLineEdit, "partyInput")
    for name in ("Turkey", "Uzbekistn"):
        qtbot.keyClicks(new_party, name)
        qtbot.keyClick(new_party, Qt.Key.Key_Return)
    model = dialog.party_editor.parties.model
    assert model.index(0, 4).data() == "Türkiye (TUR)"
    assert model.index(1, 4).data() == "new international organization (did you mean Uzbekistan?)"


def test_organisations_and_other_languages_are_recognised_and_a_new_party_has_a_kind(
    qtbot, database, open_dialog
) -> None:
    dialog = open_dialog()
    child(dialog, QLineEdit, "titleEdit").setText("Energy memorandum")
    new_party = child(dialog, QLineEdit, "partyInput")
    for name in ("Union européenne", "Almanya", "Ministry of Energy of Kazakhstan"):
        new_party.setText(name)
        dialog.party_editor.add_typed_party()
    model = dialog.party_editor.parties.model
    assert model.index(0, 4).data() == "European Union (org:EU)"
    assert model.index(1, 4).data() == "Germany (DEU)"
    assert model.index(2, 4).data() == "new international organization"
    assert model.setData(model.index(2, 5), "government body", Qt.ItemDataRole.EditRole)
    assert model.index(2, 4).data() == "new government body"
    click_save(qtbot, dialog)
    with database.sessions.begin() as session:
        kinds = dict(session.execute(select(Party.name, Party.kind)).all())
    assert kinds == {
        "European Union": PartyKind.ORGANIZATION,
        "Germany": PartyKind.STATE,
        "Ministry of Energy of Kazakhstan": PartyKind.GOVERNMENT_BODY,
    }


def test_a_misspelt_party_is_saved_only_once_confirmed(qtbot, database, open_dialog, boxes) -> None:
    dialog = open_dialog()
    child(dialog, QLineEdit, "titleEdit").setText("Water agreement")
    dialog.party_editor.new_party_edit.setText("Uzbekistn")
    dialog.party_editor.add_typed_party()
    boxes.answers = ["Keep editing"]
    click_save(qtbot, dialog)
    assert "did you mean 'Uzbekistan'?" in boxes.shown[-1]
    assert dialog.isVisible() and agreement_count(database) == 0
    boxes.answers = ["Record as new"]
    click_save(qtbot, dialog)
    assert agreement_count(database) == 1


def test_party_names_complete_from_any_part_of_the_name(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    dialog.tabs.setCurrentIndex(2)
    new_party = child(dialog, QLineEdit, "partyInput")
    new_party.setFocus()
    qtbot.keyClicks(new_party, "BEK")
    popup = new_party.completer().popup()
    assert popup.isVisible()
    assert new_party.completer().currentCompletion() == "Uzbekistan"

    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # picking a name adds the party

    assert [p.party for p in dialog.party_editor.parties.model.records] == ["Uzbekistan"]
    qtbot.waitUntil(lambda: new_party.text() == "")


def test_tab_moves_through_the_general_tab_in_reading_order(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    child(dialog, QLineEdit, "titleEdit").setFocus()
    order = []
    for _ in range(12):
        focused = QApplication.focusWidget()
        order.append(focused.objectName())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert order == [
        "titleEdit",
        "shortTitleEdit",
        "alternativeTitlesEdit",
        "kindCombo",
        "levelCombo",
        "statusCombo",
        "bindingCombo",
        "depositaryEdit",
        "languagesEdit",
        "unRegistrationEdit",
        "saveButton",
        "cancelButton",
    ]


def test_new_field_typed_as_a_path_is_created_nested_ticked_and_saved(
    qtbot, database, open_dialog
) -> None:
    with database.sessions.begin() as session:
        resolve_field(session, "Transport")
    dialog = open_dialog(template=rail_agreement(fields=[]))
    tree = child(dialog, QTreeWidget, "fieldTree")

    qtbot.keyClicks(child(dialog, QLineEdit, "newFieldEdit"), "transport > Rail")
    child(dialog, QPushButton, "addFieldButton").click()

    assert tree.topLevelItemCount() == 1  # 'transport' is the recorded Transport
    rail = tree.topLevelItem(0).child(0)
    assert rail.text(0) == "Rail"
    assert rail.checkState(0) == Qt.CheckState.Checked
    assert tree.topLevelItem(0).checkState(0) == Qt.CheckState.Unchecked
    with qtbot.waitSignal(dialog.saved) as saved:
        click_save(qtbot, dialog)
    assert stored(database, saved.args[0])[0].fields == ["Transport > Rail"]


def test_ctrl_return_saves(qtbot, database, open_dialog) -> None:
    dialog = open_dialog(template=rail_agreement())
    title = child(dialog, QLineEdit, "titleEdit")
    title.setFocus()
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert agreement_count(database) == 1


def hold(worker: Worker) -> threading.Event:
    """Keep *worker* busy until the event is set: what is submitted meanwhile waits its turn."""
    gate = threading.Event()
    worker.submit(lambda _job: gate.wait(10), lambda _result: None)
    return gate


def test_save_runs_in_the_background_once_however_often_ctrl_enter_is_pressed(
    qtbot, database, open_dialog, worker
) -> None:
    dialog = open_dialog(template=rail_agreement())
    title = child(dialog, QLineEdit, "titleEdit")
    save_button = child(dialog, QPushButton, "saveButton")
    gate = hold(worker)  # as a long search would
    for _ in range(2):
        qtbot.keyClick(title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # The dialog answers meanwhile: typing goes on; Save says what it is doing.
    assert save_button.text() == "Saving…" and not save_button.isEnabled()
    type_text(qtbot, child(dialog, QLineEdit, "signedAtEdit"), "Toshkent")
    assert child(dialog, QLineEdit, "signedAtEdit").text() == "Toshkent"
    with qtbot.waitSignal(dialog.save_finished) as finished:
        gate.set()
    assert finished.args == [True] and not dialog.isVisible()
    assert agreement_count(database) == 1


def test_closing_the_dialog_while_it_saves_loses_nothing(
    qtbot, database, open_dialog, worker, boxes
) -> None:
    dialog = open_dialog(template=rail_agreement())
    gate = hold(worker)
    dialog.save()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible() and boxes.shown == []  # the save under way closes it
    with qtbot.waitSignal(dialog.saved):
        gate.set()
    assert not dialog.isVisible() and agreement_count(database) == 1


def test_closing_the_window_while_the_editor_saves_waits_for_the_save(
    qtbot, database, make_window
) -> None:
    window = make_window(database)
    window.action_new.trigger()
    qtbot.waitUntil(lambda: window.editor is not None)
    dialog = window.editor
    dialog.show_input(rail_agreement())
    gate = hold(window.worker)
    dialog.save()
    window.close()
    assert window.isVisible()  # not while the save waits behind other work
    gate.set()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert agreement_count(database) == 1


# ----------------------------------------------------------------- validation


def test_invalid_input_is_shown_beside_the_fields_and_nothing_is_saved(
    qtbot, database, open_dialog
) -> None:
    record(database, rail_agreement())
    dialog = open_dialog()
    qtbot.keyClicks(child(dialog, QLineEdit, "signedOnEdit"), "2021-13-45")

    click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert error_text(dialog, "titleError") == "title is required"
    assert "'2021-13-45' is not a date" in error_text(dialog, "signedOnError")
    assert error_text(dialog, "partiesError") == "at least one party is required"
    assert error_text(dialog, "sourceUrlError") == ""
    assert "3 problems" in error_text(dialog, "generalError")
    assert child(dialog, QTabWidget, "tabs").currentIndex() == 0  # General, with the title
    assert agreement_count(database) == 1


def test_errors_in_party_actions_and_milestones_name_their_row(
    qtbot, database, open_dialog
) -> None:
    template = rail_agreement(
        parties=[
            ParticipationInput("Uzbekistan"),
            ParticipationInput("Turkey", actions=[ActionInput("ratification", "2021-14")]),
        ],
        milestones=[MilestoneInput("review due", "2026"), MilestoneInput("expires", "someday")],
    )
    dialog = open_dialog(template=template)

    click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert error_text(dialog, "partiesError").startswith(
        "Party 2 (Turkey), action 1, deposited on: '2021-14' is not a date"
    )
    assert error_text(dialog, "milestonesError").startswith(
        "Milestone 2, date: 'someday' is not a date"
    )
    assert child(dialog, QTabWidget, "tabs").tabText(2) == "Parties"
    assert child(dialog, QTabWidget, "tabs").currentIndex() == 2
    assert agreement_count(database) == 0


def test_act_date_column_is_not_called_deposited_for_a_signature(qtbot, open_dialog) -> None:
    template = rail_agreement(
        parties=[
            ParticipationInput(
                "Oʻzbekiston",
                actions=[ActionInput("signature", "2021-14"), ActionInput("ratification", "2022")],
            )
        ]
    )
    dialog = open_dialog(template=template)
    actions = dialog.party_editor.action_table.model
    dialog.party_editor.parties.select(0)

    header = actions.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header == "Date (signed / deposited)"
    tooltip = Qt.ItemDataRole.ToolTipRole
    assert actions.index(0, 1).data(tooltip).startswith("Signed on (YYYY")
    assert actions.index(1, 1).data(tooltip).startswith("Deposited on (YYYY")
    actions.setData(actions.index(0, 0), "withdrawal")
    assert actions.index(0, 1).data(tooltip).startswith("Notified on (YYYY")
    actions.setData(actions.index(0, 0), "signature")
    click_save(qtbot, dialog)
    assert error_text(dialog, "partiesError").startswith(
        "Party 1 (Oʻzbekiston), action 1, signed on: '2021-14' is not a date"
    )


def test_fixing_the_errors_then_saving_clears_them(qtbot, database, open_dialog) -> None:
    dialog = open_dialog(template=rail_agreement(title="", source_url="example.org"))
    click_save(qtbot, dialog)
    assert "not a web address" in error_text(dialog, "sourceUrlError")

    type_text(qtbot, child(dialog, QLineEdit, "titleEdit"), TITLE)
    child(dialog, QLineEdit, "sourceUrlEdit").setText("https://example.org/treaty")
    with qtbot.waitSignal(dialog.saved) as saved:
        click_save(qtbot, dialog)

    assert stored(database, saved.args[0])[0].source_url == "https://example.org/treaty"


# ----------------------------------------------------------------- editing


def test_edit_changes_the_title_and_the_version(qtbot, database, open_dialog) -> None:
    agreement_id = record(database, rail_agreement())
    before, version = stored(database, agreement_id)
    dialog = open_dialog(agreement_id)
    assert child(dialog, QLineEdit, "titleEdit").text() == TITLE

    title = child(dialog, QLineEdit, "titleEdit")
    title.clear()
    type_text(qtbot, title, "Rail transit agreement (Oʻzbekiston–Türkiye)")
    with qtbot.waitSignal(dialog.saved) as saved:
        click_save(qtbot, dialog)

    assert saved.args == [agreement_id]
    after, new_version = stored(database, agreement_id)
    assert after.title == "Rail transit agreement (Oʻzbekiston–Türkiye)"
    assert new_version > version
    assert dataclasses.replace(after, title=before.title) == before


def test_conflicting_save_offers_reload_and_overwrites_nothing(
    qtbot, database, open_dialog, boxes
) -> None:
    agreement_id = record(database, rail_agreement())
    dialog = open_dialog(agreement_id)
    theirs, version = stored(database, agreement_id)
    with database.sessions.begin() as session:
        service.update(
            session,
            agreement_id,
            dataclasses.replace(theirs, title="Their title"),
            version,
            user="alice",
        )
    child(dialog, QLineEdit, "titleEdit").setText("My title")

    boxes.answers = ["Reload", "Discard and reload"]
    with qtbot.waitSignal(dialog.load_finished):  # the stored version, read on the worker
        assert not click_save(qtbot, dialog)

    assert "was changed by alice at " in boxes.shown[0]
    assert dialog.isVisible()
    assert child(dialog, QLineEdit, "titleEdit").text() == "Their title"
    assert stored(database, agreement_id)[0].title == "Their title"
    # After the reload the dialog holds the current version, so the next save goes through.
    child(dialog, QLineEdit, "titleEdit").setText("Agreed title")
    with qtbot.waitSignal(dialog.saved):
        click_save(qtbot, dialog)
    assert stored(database, agreement_id) == (
        dataclasses.replace(theirs, title="Agreed title"),
        version + 2,
    )


def test_conflict_keep_editing_keeps_the_typed_changes(qtbot, database, open_dialog, boxes) -> None:
    agreement_id = record(database, rail_agreement())
    dialog = open_dialog(agreement_id)
    theirs, version = stored(database, agreement_id)
    with database.sessions.begin() as session:
        service.update(
            session, agreement_id, dataclasses.replace(theirs, title="Their title"), version
        )
    child(dialog, QLineEdit, "titleEdit").setText("My title")

    boxes.answers = ["Keep editing"]
    click_save(qtbot, dialog)

    assert child(dialog, QLineEdit, "titleEdit").text() == "My title"
    assert stored(database, agreement_id)[0].title == "Their title"


def test_saving_an_agreement_deleted_meanwhile_says_so(qtbot, database, open_dialog, boxes) -> None:
    agreement_id = record(database, rail_agreement())
    dialog = open_dialog(agreement_id)
    with database.sessions.begin() as session:
        service.delete(session, [agreement_id])

    boxes.answers = ["Keep editing"]
    click_save(qtbot, dialog)

    assert "was deleted" in boxes.shown[0]
    assert dialog.isVisible()
    assert agreement_count(database) == 0


# ----------------------------------------------------------------- duplicating and closing


def test_duplicate_prefills_every_field_from_the_template(
    qtbot, database, open_dialog, boxes
) -> None:
    other_id = record(database, rail_agreement(title="Framework agreement"))
    original_id = record(database, full_input(TITLE, other_id=other_id))
    template, _ = stored(database, original_id)

    dialog = open_dialog(template=copy.deepcopy(template))

    assert dialog.windowTitle() == "New agreement"
    assert dialog.current_input() == template
    assert child(dialog, QLineEdit, "titleEdit").text() == TITLE
    assert child(dialog, QComboBox, "kindCombo").currentText() == "Treaty"
    assert child(dialog, QComboBox, "statusCombo").currentText() == "In force"
    assert child(dialog, QComboBox, "bindingCombo").currentText() == "Binding"
    assert child(dialog, QLineEdit, "languagesEdit").text() == "kk, uz, ru"
    assert child(dialog, QLineEdit, "entryIntoForceEdit").text() == "2022-06"
    assert dialog.party_editor.parties.model.index(0, 2).data() == "Қасым-Жомарт Тоқаев"
    assert dialog.party_editor.action_table.model.rowCount() == 2  # of the first party, selected
    boxes.answers = ["Save anyway"]  # an unchanged copy is a probable duplicate of its original
    with qtbot.waitSignal(dialog.saved) as saved:
        click_save(qtbot, dialog)
    assert saved.args[0] not in (other_id, original_id)
    assert stored(database, saved.args[0])[0] == template


def test_escape_asks_before_discarding_changes(qtbot, database, open_dialog, boxes) -> None:
    dialog = open_dialog()
    qtbot.keyClicks(child(dialog, QLineEdit, "titleEdit"), "Draft")

    boxes.answers = ["Keep editing"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()

    boxes.answers = ["Discard changes"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert "Close without saving" in boxes.shown[0]
    assert agreement_count(database) == 0


def test_a_button_answers_whatever_the_desktop_does_to_its_words(
    qtbot, database, open_dialog, boxes
) -> None:
    """KDE adds accelerators ('&Discard changes'); the answer is the button, not its words."""
    dialog = open_dialog()
    child(dialog, QLineEdit, "titleEdit").setText("Тоқаев in Oʻzbekiston and Türkiye")
    boxes.accelerated = True
    boxes.answers = ["Discard changes"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert agreement_count(database) == 0


def test_escape_closes_an_unchanged_dialog_without_asking(qtbot, open_dialog, boxes) -> None:
    dialog = open_dialog()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert boxes.shown == []


def test_inputs_have_names_for_assistive_technology(open_dialog) -> None:
    dialog = open_dialog()
    for name in ("titleEdit", "kindCombo", "signedOnEdit", "summaryEdit", "sourceUrlEdit"):
        assert child(dialog, QWidget, name).accessibleName()


def test_text_too_long_for_its_column_is_shown_beside_it_and_nothing_is_saved(
    qtbot, database, open_dialog
) -> None:
    """The limits PostgreSQL enforces are checked before saving, on SQLite too."""
    dialog = open_dialog(
        template=rail_agreement(
            parties=[ParticipationInput("Uzbekistan", signatory_name="Ш" * 301)],
            depositary="Oʻzbekiston " * 30,
        )
    )
    child(dialog, QLineEdit, "signedAtEdit").setText("Türkiye " * 40)

    click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert error_text(dialog, "signedAtError") == "too long: 319 characters (the limit is 300)"
    assert error_text(dialog, "depositaryError") == "too long: 359 characters (the limit is 300)"
    assert error_text(dialog, "partiesError") == (
        "Party 1 (Uzbekistan), signatory: too long: 301 characters (the limit is 300)"
    )
    assert agreement_count(database) == 0


def test_a_user_name_that_is_not_utf8_is_explained_and_nothing_is_saved(
    qtbot, database, open_dialog, boxes, monkeypatch
) -> None:
    monkeypatch.setenv("TREATY_TRACKER_USER", os.fsdecode(b"Ren\xe9"))
    dialog = open_dialog(template=rail_agreement())
    boxes.answers = ["OK"]

    click_save(qtbot, dialog)

    assert boxes.shown == [
        "Not saved: Nothing was saved: $TREATY_TRACKER_USER has bytes that are not UTF-8 "
        "('Ren\\xe9'): set it to UTF-8 text. "
    ]
    assert dialog.isVisible()
    assert agreement_count(database) == 0


# ----------------------------------------------------------------- relations


def search_for(qtbot, dialog: QWidget, words: str) -> QListWidget:
    """Type words into the relation picker and wait for its matches (after its pause)."""
    results = child(dialog, QListWidget, "relationResults")
    type_text(qtbot, child(dialog, QLineEdit, "relationSearchEdit"), words)
    qtbot.waitUntil(lambda: results.count() > 0)
    return results


def test_a_relation_is_added_by_searching_the_title_and_saved_with_the_agreement(
    qtbot, database, open_dialog
) -> None:
    treaty = record(database, rail_agreement(title="Treaty on Oʻzbekiston–Türkiye transit"))
    record(database, rail_agreement(title="Memorandum on Тоқаев's visit"))
    protocol = record(database, rail_agreement(title="Protocol on transit fees"))
    dialog = open_dialog(protocol)
    dialog.tabs.setCurrentWidget(dialog.relation_editor)
    choose(child(dialog, QComboBox, "relationTypeCombo"), "protocol to")

    results = search_for(qtbot, dialog, "ozbekiston tran")
    # Words of the title, in any order, without accents; never the agreement being edited.
    assert [results.item(i).text() for i in range(results.count())] == [
        "Treaty on Oʻzbekiston–Türkiye transit (6 December 2021)"
    ]
    qtbot.keyClick(child(dialog, QLineEdit, "relationSearchEdit"), Qt.Key.Key_Return)

    assert dialog.isVisible()  # Enter in the picker adds; it does not save and close
    table = dialog.relation_editor.table
    assert table.model.index(0, 0).data() == "Protocol to"
    assert table.model.index(0, 1).data() == results_label(database, treaty)
    with qtbot.waitSignal(dialog.saved):
        click_save(qtbot, dialog)
    assert stored(database, protocol)[0].relations == [RelationInput("protocol to", treaty)]


def test_the_picker_searches_in_the_background_and_drops_an_answer_for_older_words(
    qtbot, database, open_dialog, worker
) -> None:
    record(database, rail_agreement(title="Treaty on the Aral Sea"))
    record(database, rail_agreement(title="Memorandum on Тоқаев's visit"))
    dialog = open_dialog()
    picker = dialog.relation_editor
    gate = hold(worker)
    picker.search_edit.setText("aral")
    picker.run_search()  # the pause is over: searched behind the held worker
    picker.search_edit.setText("тоқаев")
    picker.run_search()
    assert picker.results.count() == 0  # nothing waits for the database here
    with qtbot.waitSignal(picker.searched) as searched:
        gate.set()
    assert searched.args == ["тоқаев"]  # "aral" answered first, and was dropped
    assert [picker.results.item(i).text() for i in range(picker.results.count())] == [
        "Memorandum on Тоқаев's visit (6 December 2021)"
    ]


def test_enter_before_the_matches_arrive_adds_the_first_one_when_they_do(
    qtbot, database, open_dialog, worker
) -> None:
    treaty = record(database, rail_agreement(title="Treaty on the Aral Sea"))
    dialog = open_dialog()
    picker = dialog.relation_editor
    gate = hold(worker)
    picker.search_edit.setText("aral")
    assert picker.add_chosen() is None  # searched first
    with qtbot.waitSignal(picker.searched):
        gate.set()
    assert dialog.relation_editor.relations() == [RelationInput("protocol to", treaty)]


def results_label(database: Database, agreement_id: int) -> str:
    data, _ = stored(database, agreement_id)
    return f"{data.title} (6 December 2021)"


def test_a_relation_is_changed_and_removed_and_the_other_side_is_shown(
    qtbot, database, open_dialog
) -> None:
    treaty = record(database, rail_agreement(title="Treaty on the Aral Sea"))
    earlier = record(database, rail_agreement(title="Agreement of 1992", signed_on="1992"))
    protocol = record(
        database,
        rail_agreement(
            title="Protocol to the Aral Sea treaty",
            relations=[RelationInput("protocol to", treaty), RelationInput("amends", earlier)],
        ),
    )
    treaty_dialog = open_dialog(treaty)
    incoming = child(treaty_dialog, QLabel, "incomingRelations")
    assert "Has protocol: Protocol to the Aral Sea treaty (6 December 2021)" in incoming.text()
    treaty_dialog.done(0)

    dialog = open_dialog(protocol)
    table = dialog.relation_editor.table
    assert table.model.index(1, 1).data() == "Agreement of 1992 (1992)"
    table.select(1)
    choose(child(dialog, QComboBox, "relationTypeCombo"), "supersedes")
    child(dialog, QPushButton, "changeRelationButton").click()
    assert table.model.index(1, 0).data() == "Supersedes"
    table.select(0)
    child(dialog, QPushButton, "removeRelationButton").click()
    with qtbot.waitSignal(dialog.saved):
        click_save(qtbot, dialog)
    assert stored(database, protocol)[0].relations == [RelationInput("supersedes", earlier)]


def test_a_relation_to_an_agreement_deleted_meanwhile_is_shown_beside_it(
    qtbot, database, open_dialog
) -> None:
    treaty = record(database, rail_agreement(title="Treaty on the Aral Sea"))
    dialog = open_dialog()
    child(dialog, QLineEdit, "titleEdit").setText("Protocol")
    dialog.party_editor.set_parties([ParticipationInput("Kazakhstan")])
    search_for(qtbot, dialog, "aral")
    child(dialog, QPushButton, "addRelationButton").click()
    with database.sessions.begin() as session:
        service.delete(session, [treaty])

    click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.relation_editor
    assert error_text(dialog, "relationsError") == (
        f"Relation 1, other agreement: agreement {treaty} does not exist (it may have been deleted)"
    )
    assert agreement_count(database) == 0


def test_replaced_by_is_added_and_removed_in_the_older_agreements_editor(
    qtbot, database, open_dialog
) -> None:
    old = record(database, rail_agreement(title="Oʻzbekiston–Türkiye agreement of 1992"))
    new = record(database, rail_agreement(title="Treaty on Тоқаев's rail transit"))
    dialog = open_dialog(old)
    choose(child(dialog, QComboBox, "relationTypeCombo"), "replaced by")
    assert not child(dialog, QPushButton, "changeRelationButton").isEnabled()
    search_for(qtbot, dialog, "тоқаев")
    qtbot.keyClick(child(dialog, QLineEdit, "relationSearchEdit"), Qt.Key.Key_Return)

    replaced = child(dialog, QListWidget, "replacedByList")
    assert [replaced.item(i).text() for i in range(replaced.count())] == [
        results_label(database, new)
    ]
    assert dialog.relation_editor.table.model.rowCount() == 0  # none of this one's own
    assert dialog.is_changed()
    with qtbot.waitSignal(dialog.saved):
        click_save(qtbot, dialog)
    assert stored(database, new)[0].relations == [RelationInput("supersedes", old)]
    assert stored(database, old)[0].relations == []

    dialog = open_dialog(old)
    replaced = child(dialog, QListWidget, "replacedByList")
    assert replaced.count() == 1
    assert "Replaced by" not in child(dialog, QLabel, "incomingRelations").text()
    replaced.setCurrentRow(0)
    child(dialog, QPushButton, "removeReplacedByButton").click()
    assert replaced.count() == 0
    with qtbot.waitSignal(dialog.saved):
        click_save(qtbot, dialog)
    assert stored(database, new)[0].relations == []


def test_replaced_by_an_agreement_deleted_meanwhile_is_named(qtbot, database, open_dialog) -> None:
    old = record(database, rail_agreement(title="Agreement of 1992"))
    new = record(database, rail_agreement(title="Treaty on the Aral Sea"))
    dialog = open_dialog(old)
    choose(child(dialog, QComboBox, "relationTypeCombo"), "replaced by")
    search_for(qtbot, dialog, "aral")
    child(dialog, QPushButton, "addRelationButton").click()
    with database.sessions.begin() as session:
        service.delete(session, [new])

    click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.relation_editor
    assert error_text(dialog, "relationsError") == (
        f"Replaced by 1: agreement {new} does not exist (it may have been deleted)"
    )


def test_tab_walks_the_relations_tab_as_it_is_laid_out(open_dialog) -> None:
    dialog = open_dialog()
    editor = dialog.relation_editor
    names = []
    widget = child(dialog, QComboBox, "relationTypeCombo")
    for _ in range(6):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        names.append(widget.objectName())
    assert names == [
        "relationSearchEdit",
        "relationResults",
        "addRelationButton",
        "relationsTable",
        "changeRelationButton",
        "removeRelationButton",
    ]
    assert editor.isAncestorOf(widget)


# ----------------------------------------------------------------- the keyboard


def test_a_new_agreement_opens_with_the_cursor_in_the_title(qtbot, open_dialog) -> None:
    dialog = open_dialog()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is child(dialog, QLineEdit, "titleEdit"))


def test_editing_opens_in_the_title_with_nothing_selected(qtbot, database, open_dialog) -> None:
    agreement_id = record(database, rail_agreement())
    dialog = open_dialog(agreement_id)
    title = child(dialog, QLineEdit, "titleEdit")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)
    # Typing must not replace the whole title: the cursor waits at its end.
    assert not title.hasSelectedText() and title.cursorPosition() == len(title.text())


def test_enter_in_the_party_box_adds_the_party_and_keeps_the_dialog_open(
    qtbot, database, open_dialog
) -> None:
    dialog = open_dialog(template=rail_agreement(parties=[]))
    party = child(dialog, QLineEdit, "partyInput")
    dialog.tabs.setCurrentIndex(2)
    party.setFocus()
    type_text(qtbot, party, "Türkiye")
    qtbot.keyClick(party, Qt.Key.Key_Return)
    assert dialog.isVisible() and agreement_count(database) == 0
    assert [p.party for p in dialog.party_editor.parties.model.records] == ["Türkiye"]
    qtbot.waitUntil(lambda: party.text() == "" and QApplication.focusWidget() is party)
    type_text(qtbot, party, "Oʻzbekiston")
    qtbot.keyClick(party, Qt.Key.Key_Enter)
    assert len(dialog.party_editor.parties.model.records) == 2 and dialog.isVisible()


def test_enter_in_the_new_field_box_adds_the_field_and_keeps_the_dialog_open(
    qtbot, database, open_dialog
) -> None:
    dialog = open_dialog(template=rail_agreement(fields=[]))
    dialog.tabs.setCurrentIndex(3)
    box = child(dialog, QLineEdit, "newFieldEdit")
    box.setFocus()
    qtbot.keyClicks(box, "Energy")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    tree = child(dialog, QTreeWidget, "fieldTree")
    assert dialog.isVisible() and agreement_count(database) == 0
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == ["Energy"]


def test_enter_in_the_title_does_not_save_but_ctrl_enter_does(qtbot, database, open_dialog) -> None:
    dialog = open_dialog(template=rail_agreement(title="Protocol on Тоқаев's visit"))
    title = child(dialog, QLineEdit, "titleEdit")
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert dialog.isVisible() and agreement_count(database) == 0
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(title, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert agreement_count(database) == 1


def test_a_date_typed_in_words_or_with_dots_is_read_back_and_saved(
    qtbot, database, open_dialog
) -> None:
    dialog = open_dialog(template=rail_agreement(signed_on=""))
    signed = child(dialog, QLineEdit, "signedOnEdit")
    hint = child(dialog, QLabel, "signedOnHint")
    for typed, shown in (
        ("15 July 2022", "read as 15 July 2022"),
        ("July 2022", "read as July 2022"),
        ("2022", "read as 2022"),
        ("31.02.2022", "February 2022 has no day 31"),
        ("15.07.2022", "read as 15 July 2022"),
    ):
        signed.setText(typed)
        assert hint.text() == shown
    with qtbot.waitSignal(dialog.saved) as saved:
        click_save(qtbot, dialog)
    assert stored(database, saved.args[0])[0].signed_on == "2022-07-15"


def test_a_wrong_cell_is_marked_in_a_colour_that_reads_in_dark_mode_too(
    qtbot, database, open_dialog
) -> None:
    template = rail_agreement(milestones=[MilestoneInput("expires", "someday")])
    dialog = open_dialog(template=template)
    click_save(qtbot, dialog)
    model = dialog.milestones.model
    marked = model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole)
    # See-through over the palette's base (light or dark), never an opaque pale fill under
    # dark mode's light text.
    assert marked is not None and marked.alpha() < 128

"""The editor warns before saving an agreement that is probably recorded already."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton

from models.query import count
from tests.ui import test_agreement_dialog as dialog_tests
from tests.ui.test_agreement_dialog import child, click_save, rail_agreement, record
from ui.agreement_dialog import AgreementDialog

# The dialog tests' fixtures: message boxes answered from a list, a dialog on the database.
boxes = dialog_tests.boxes
open_dialog = dialog_tests.open_dialog
worker = dialog_tests.worker

REWORDED = "Agreement on rail transit between Oʻzbekiston and Türkiye"


def _agreements(database) -> int:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        return count(session)


def test_a_new_probable_duplicate_is_saved_only_when_the_user_says_so(
    qtbot, database, open_dialog, boxes
) -> None:
    existing = record(database, rail_agreement())
    dialog = open_dialog(template=rail_agreement(title=REWORDED))

    boxes.answers = ["Keep editing"]
    click_save(qtbot, dialog)
    assert "Possible duplicate" in boxes.shown[0]
    assert f"{existing} 'Agreement on Oʻzbekiston–Türkiye rail transit'" in boxes.shown[0]
    assert "6 December 2021" in boxes.shown[0]
    assert dialog.isVisible() and _agreements(database) == 1

    boxes.answers = ["Save anyway"]
    with qtbot.waitSignal(dialog.saved) as saved:
        click_save(qtbot, dialog)
    assert saved.args[0] != existing and _agreements(database) == 2


def test_open_existing_closes_the_editor_and_names_the_recorded_one(
    qtbot, database, open_dialog, boxes
) -> None:
    existing = record(database, rail_agreement())
    dialog = open_dialog(template=rail_agreement(title=REWORDED))
    boxes.answers = ["Open existing"]
    with qtbot.waitSignal(dialog.open_existing) as opened:
        click_save(qtbot, dialog)
    assert opened.args == [existing]
    assert not dialog.isVisible() and _agreements(database) == 1


def test_no_warning_for_other_dates_or_an_edit_that_keeps_title_date_and_parties(
    qtbot, database, open_dialog, boxes
) -> None:
    record(database, rail_agreement())
    other_day = open_dialog(template=rail_agreement(title=REWORDED, signed_on="2021-12-07"))
    with qtbot.waitSignal(other_day.saved) as saved:
        child(other_day, QPushButton, "saveButton").click()
    # Editing the new one's summary does not ask again; moving its date onto the other does.
    edit = open_dialog(saved.args[0])
    child(edit, QLineEdit, "signedAtEdit").setText("Tashkent")
    with qtbot.waitSignal(edit.saved):
        click_save(qtbot, edit)
    edit = open_dialog(saved.args[0])
    child(edit, QLineEdit, "signedOnEdit").setText("2021-12-06")
    boxes.answers = ["Keep editing"]
    click_save(qtbot, edit)
    assert "Possible duplicate" in boxes.shown[-1]


def test_the_window_opens_the_existing_agreement_in_the_editor(
    qtbot, database, make_window, boxes
) -> None:
    existing = record(database, rail_agreement())
    window = make_window(database)
    first = AgreementDialog(
        database.sessions, window.worker, template=rail_agreement(title=REWORDED)
    )
    qtbot.waitSignal(first.load_finished).wait()
    window._open_editor(first)
    boxes.answers = ["Open existing"]
    click_save(qtbot, first)
    qtbot.waitUntil(lambda: window.editor is not first)  # read on the worker first
    assert window.editor.windowTitle() == f"Edit agreement {existing} (version 1)"
    assert window.selected_ids() == [existing]
    window.editor.done(0)

"""Edit › Bulk edit… in the window: a live preview, then one transaction for all of them."""

from __future__ import annotations

from pathlib import Path

from models.backups import BEFORE_BULK_EDIT, list_backups
from models.service import load_input
from tests.builders import agreement, save
from ui.bulk_edit_dialog import BulkEditDialog


def _three(database) -> list[int]:  # type: ignore[no-untyped-def]
    return [
        save(database, agreement("Тоқаев–Mirziyoyev declaration", ("Kazakhstan", "Oʻzbekiston"))),
        save(database, agreement("Türkiye rail protocol", ("Türkiye",))),
        save(database, agreement("Energy memorandum", ("Kazakhstan",), status="ratified")),
    ]


def _open(qtbot, make_window, database, select: list[int]):  # type: ignore[no-untyped-def]
    window = make_window(database)
    window.select_ids(select)
    assert window.action_bulk_edit.isEnabled()
    window.action_bulk_edit.trigger()
    dialog = window.bulk_edit_dialog
    assert isinstance(dialog, BulkEditDialog) and dialog.isVisible()
    return window, dialog


def _choose(combo, value: str) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(value))


def test_the_preview_follows_the_controls_and_apply_saves_the_selection(
    qtbot, make_window, database
) -> None:
    ids = _three(database)
    window, dialog = _open(qtbot, make_window, database, ids[:2])
    assert dialog.selected_button.isChecked()
    assert dialog.matching_button.text() == "All 3 matching the filter"
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        _choose(dialog.status, "in force")
    assert dialog.plan is not None and (dialog.plan.changing, dialog.plan.unchanged) == (2, 0)
    assert "status → in force: 2" in dialog.preview.toPlainText()
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        dialog.add_party.setText("Türkiye")
        _choose(dialog.role, "observer")
    assert "party + Türkiye (observer): 1" in dialog.preview.toPlainText()
    assert dialog.apply_button.isEnabled()

    with (
        qtbot.waitSignal(dialog.applied, timeout=5000),
        qtbot.waitSignal(window.refreshed, timeout=5000),
    ):
        dialog.apply_button.click()
    assert not dialog.isVisible()
    with database.sessions() as session:
        first, _ = load_input(session, ids[0])
        untouched, _ = load_input(session, ids[2])
    assert first.status == "in force"
    assert ("Türkiye", "observer") in {(p.party, p.role) for p in first.parties}
    assert untouched.status == "ratified"
    (backup,) = [b for b in list_backups(Path(database.name)) if b.reason == BEFORE_BULK_EDIT]
    assert backup.agreements == 3


def test_an_edit_one_agreement_refuses_can_not_be_applied_and_says_which(
    qtbot, make_window, database
) -> None:
    ids = _three(database)
    _window, dialog = _open(qtbot, make_window, database, [])
    assert dialog.matching_button.isChecked()  # nothing selected: all that match
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        dialog.remove_party.setText("Kazakhstan")
    text = dialog.preview.toPlainText()
    refusal = f"agreement {ids[2]} 'Energy memorandum': at least one party is required"
    assert f"Refused: {refusal}" in text
    assert not dialog.apply_button.isEnabled()
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        dialog.remove_party.setText("Kazakhstn")
    assert "no party 'Kazakhstn' is recorded (did you mean 'Kazakhstan'?)" in (
        dialog.preview.toPlainText()
    )
    assert not dialog.apply_button.isEnabled()

"""Merge… in the window: two rows side by side, a choice per fact, one agreement after."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMenu, QRadioButton

from models.database import Database
from models.detail import load_detail
from models.query import count
from models.service import (
    AgreementInput,
    ParticipationInput,
    create,
    load_input,
    update,
)
from ui.merge_dialog import MergeDialog


def _two_records(database: Database) -> tuple[int, int]:
    with database.sessions.begin() as session:
        keep = create(
            session,
            AgreementInput(
                title="Agreement on energy cooperation",
                signed_on="2021-12-06",
                parties=[ParticipationInput("Kazakhstan"), ParticipationInput("Oʻzbekiston")],
                fields=["Energy"],
            ),
        ).id
        other = create(
            session,
            AgreementInput(
                title="Agreement on cooperation in energy",
                signed_on="2021-12-06",
                status="ratified",
                summary="Тоқаев and Mirziyoyev agree on electricity trade.",
                parties=[ParticipationInput("KAZ"), ParticipationInput("Türkiye")],
                fields=["Trade and investment"],
            ),
        ).id
    return keep, other


def _open_merge(qtbot, make_window, database: Database):  # type: ignore[no-untyped-def]
    keep, other = _two_records(database)
    window = make_window(database)
    assert not window.action_merge.isEnabled()
    window.select_ids([keep, other])
    assert window.action_merge.isEnabled()
    window.action_merge.trigger()
    qtbot.waitUntil(lambda: window.merge_dialog is not None)  # the plan is read on the worker
    dialog = window.merge_dialog
    assert isinstance(dialog, MergeDialog) and dialog.isVisible()
    return window, dialog, keep, other


def test_merge_from_the_window_keeps_the_chosen_facts(qtbot, make_window, database) -> None:
    window, dialog, keep, other = _open_merge(qtbot, make_window, database)
    assert dialog.windowTitle() == f"Merge agreements {keep} and {other}"
    # The empty summary defaults to the side that has one; differing facts get a choice.
    summary = dialog.findChild(QRadioButton, "summary_other")
    assert summary.isChecked() and summary.text().startswith("Тоқаев")
    assert dialog.findChild(QRadioButton, "signed_on_keep") is None  # the same on both
    preview = dialog.findChild(QLabel, "mergePreview").text()
    assert "Kazakhstan, Uzbekistan, Türkiye" in preview
    assert "Energy, Trade and investment" in preview
    dialog.choose("title", "keep")
    dialog.choose("status", "other")

    with (
        qtbot.waitSignal(dialog.merged, timeout=5000),
        qtbot.waitSignal(window.refreshed, timeout=5000),
    ):
        dialog.merge_button.click()

    assert not dialog.isVisible()
    assert window.model.rowCount() == 1
    assert window.selected_ids() == [keep]
    with database.sessions.begin() as session:
        merged, _ = load_input(session, keep)
        assert count(session) == 1
        assert load_detail(session, other).notice == f"agreement {other} was merged into {keep}"
    assert (merged.title, merged.status) == ("Agreement on energy cooperation", "ratified")
    assert merged.summary.startswith("Тоқаев")
    assert merged.alternative_titles == ["Agreement on cooperation in energy"]


def test_a_change_saved_meanwhile_is_not_merged_unseen(qtbot, make_window, database) -> None:
    _, dialog, _, other = _open_merge(qtbot, make_window, database)
    with database.sessions.begin() as session:
        data, version = load_input(session, other)
        data.notes = "Changed meanwhile"
        update(session, other, data, version, user="alice")

    with qtbot.waitSignal(dialog.failed, timeout=5000) as failed:
        dialog.merge_button.click()

    assert f"agreement {other} was changed by alice" in failed.args[0]
    assert dialog.isVisible() and dialog.merge_button.isEnabled()
    with database.sessions.begin() as session:
        assert count(session) == 2


def test_swap_keeps_the_other_id(qtbot, make_window, database) -> None:
    _, dialog, keep, other = _open_merge(qtbot, make_window, database)
    with qtbot.waitSignal(dialog.plan_shown, timeout=5000):  # read again on the worker
        dialog.swap_button.click()
        assert not dialog.merge_button.isEnabled()  # not the old plan while the new one comes
    assert dialog.windowTitle() == f"Merge agreements {other} and {keep}"
    with qtbot.waitSignal(dialog.merged, timeout=5000) as merged:
        dialog.findChild(type(dialog.merge_button), "mergeButton").click()
    assert merged.args[0].kept_id == other


def test_merge_is_in_the_table_menu_and_the_edit_menu(qtbot, make_window, database) -> None:
    window, dialog, _, _ = _open_merge(qtbot, make_window, database)
    dialog.reject()
    edit_menu = next(
        action.menu() for action in window.menuBar().actions() if action.text() == "&Edit"
    )
    assert window.action_merge in edit_menu.actions()
    window._table_menu(window.table.rect().center())
    menus = [menu for menu in window.table.findChildren(QMenu) if menu.isVisible()]
    assert any(window.action_merge in menu.actions() for menu in menus)
    for menu in menus:
        menu.close()


def test_the_merge_dialog_speaks_the_windows_language(qtbot, make_window, database, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from ui.translations import use_language

    use_language(qapp, "ru", QLocale("ru_RU"))
    try:
        _window, dialog, keep, other = _open_merge(qtbot, make_window, database)
        assert dialog.windowTitle() == f"Объединение соглашений {keep} и {other}"
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert {"Название", "Статус", "Аннотация"} <= labels  # the facts that differ
        assert "Title" not in labels and "Status" not in labels
        assert dialog.merge_button.text() == "Объединить"
    finally:
        use_language(qapp, "en", QLocale("en_US"))

"""Deadlines in the window: the start-up notice, the Due panel, the Due filter, the Terms tab."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QSpinBox

from models import service
from models.database import Database
from models.detail import load_detail
from models.service import AgreementInput, ParticipationInput
from ui.detail_pane import render_detail
from ui.due_panel import DuePanel
from ui.main_window import MainWindow

TODAY = date.today()


def _day(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def _record(database: Database) -> dict[str, int]:
    """Due in 20 days, in 60 days, overdue (expired, still in force), and nothing due."""
    records = {
        "soon": AgreementInput(
            title="Memorandum with Türkiye on transit",
            status="in force",
            expires_on=_day(20),
            parties=[ParticipationInput("Türkiye")],
        ),
        "later": AgreementInput(
            title="Agreement with Oʻzbekiston on rail",
            status="in force",
            entry_into_force=_day(60 - 5 * 365 - 1),
            duration_term="5 years",
            renewal_term="automatic for 5 years",
            notice_term="90 days",
            parties=[ParticipationInput("Uzbekistan"), ParticipationInput("Kazakhstan")],
        ),
        "late": AgreementInput(
            title="Protocol signed by Тоқаев",
            status="in force",
            expires_on=_day(-3),
            parties=[ParticipationInput("Kazakhstan")],
        ),
        "none": AgreementInput(title="Declaration", parties=[ParticipationInput("Kazakhstan")]),
    }
    with database.sessions.begin() as session:
        return {key: service.create(session, data).id for key, data in records.items()}


@pytest.fixture
def ids(database: Database) -> dict[str, int]:
    return _record(database)


@pytest.fixture
def window(database: Database, ids: dict[str, int], make_window, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    made = make_window(database)
    qtbot.waitUntil(lambda: made.due_notice.isVisible(), timeout=5000)
    return made


def test_the_status_bar_tells_of_deadlines_at_start_and_links_to_the_panel(
    window: MainWindow, qtbot
) -> None:
    notice = window.due_notice
    assert "1 agreement has a deadline within 30 days, 1 overdue" in notice.text()
    notice.linkActivated.emit("due")
    panel = window.findChild(DuePanel, "duePanel")
    assert panel is not None and panel.isVisible()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=5000)
    lines = [
        [panel.tree.topLevelItem(row).text(column) for column in range(3)]
        for row in range(panel.tree.topLevelItemCount())
    ]
    assert lines[0][1:] == ["Expires", "Protocol signed by Тоқаев (overdue)"]
    assert lines[1][1:] == ["Expires", "Memorandum with Türkiye on transit"]


def test_the_panel_widens_its_window_and_a_double_click_selects(
    window: MainWindow, ids: dict[str, int], qtbot
) -> None:
    window.action_show_due.trigger()
    panel = window.due_panel
    assert panel is not None
    combo = panel.findChild(QComboBox, "dueWindow")
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        combo.setCurrentIndex(combo.findData(90))
    kinds = [panel.tree.topLevelItem(row).text(1) for row in range(panel.tree.topLevelItemCount())]
    # The overdue expiry, the expiry in 20 days, the renewal in 60 (its notice day has passed).
    assert kinds == ["Expires", "Expires", "Renews"]
    renewal = panel.tree.topLevelItem(panel.tree.topLevelItemCount() - 1)
    assert "renewed automatically for 5 years" in renewal.toolTip(0)
    with qtbot.waitSignal(window.went_to, timeout=5000):
        panel.tree.itemDoubleClicked.emit(renewal, 0)
    assert window.selected_ids() == [ids["later"]]


def test_the_warning_period_is_a_setting(window: MainWindow, qt_settings) -> None:
    window.action_show_due.trigger()
    assert window.due_panel is not None
    spin = window.due_panel.findChild(QSpinBox, "dueWarningDays")
    assert spin.value() == 30
    spin.setValue(90)
    assert qt_settings.due_warning_days == 90


def test_the_due_filter_has_counts_and_filters(window: MainWindow, qtbot) -> None:
    due = window.filter_panel.findChild(QListWidget, "dueFilter")
    texts = [due.item(row).text() for row in range(due.count())]
    assert texts == [
        "Overdue  (1)",
        "Due within 30 days  (1)",
        "Due within 90 days  (2)",
        "Due within 365 days  (2)",
    ]
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        due.item(2).setCheckState(Qt.CheckState.Checked)
    model = window.model
    titles = sorted(model.data(model.index(row, 0)) for row in range(model.rowCount()))
    assert titles == ["Agreement with Oʻzbekiston on rail", "Memorandum with Türkiye on transit"]


def test_the_terms_tab_reads_back_and_saves_and_refuses_a_bad_term(
    database: Database, ids: dict[str, int], qtbot
) -> None:
    from ui.agreement_dialog import AgreementDialog
    from ui.workers import Worker

    worker = Worker()
    dialog = AgreementDialog(database.sessions, worker, ids["none"])
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.done(0))
    qtbot.waitSignal(dialog.load_finished).wait()
    dialog.show()
    duration = dialog.findChild(QLineEdit, "durationTermEdit")
    notice = dialog.findChild(QLineEdit, "noticeTermEdit")
    duration.setText("10 YEARS")
    assert dialog.findChild(QLabel, "durationTermHint").text() == "reads as: 10 years"
    notice.setText("six months")
    with qtbot.waitSignal(dialog.save_finished, timeout=5000):
        dialog.save()
    assert dialog.isVisible()
    error = dialog.findChild(QLabel, "noticeTermError")
    assert "'six months' is not a period" in error.text()
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Terms"
    notice.setText("6 months")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    with database.sessions() as session:
        data, _ = service.load_input(session, ids["none"])
    assert (data.duration_term, data.notice_term) == ("10 years", "6 months")
    worker.shutdown()


def test_the_detail_pane_shows_deadlines_with_how_and_disagreements(
    database: Database, ids: dict[str, int]
) -> None:
    with database.sessions.begin() as session:
        data, version = service.load_input(session, ids["soon"])
        data.entry_into_force = "2022-03-01"
        data.duration_term = "5 years"
        service.update(session, ids["soon"], data, version)
        html = render_detail(load_detail(session, ids["soon"]))
        later = render_detail(load_detail(session, ids["later"]))
    assert "Terms and deadlines" in html
    assert "expiry is recorded as" in html.lower() and "the terms give 1 March 2027" in html
    assert "Renews" in later and "renewed automatically for 5 years" in later
    assert "Last day to give notice" in later

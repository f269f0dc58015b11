"""The background worker: results on the GUI thread, errors reported, nothing after shutdown."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from PySide6.QtCore import QEventLoop, QTimer

from ui.workers import UNHURRIED_NICENESS, Worker


def test_results_and_errors_come_back_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = Worker()
    seen: list[tuple[str, object, bool]] = []
    gui = threading.current_thread()

    def boom(_job: object) -> None:
        raise ValueError("bad")

    worker.submit(
        lambda _job: threading.current_thread() is not gui,
        lambda r: seen.append(("done", r, threading.current_thread() is gui)),
    )
    worker.submit(
        boom,
        lambda r: None,
        lambda e: seen.append(("error", str(e), threading.current_thread() is gui)),
    )
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen == [("done", True, True), ("error", "bad", True)]
    worker.shutdown()


def test_jobs_that_end_together_hand_back_their_results_in_turns_of_the_event_loop(qtbot) -> None:  # type: ignore[no-untyped-def]
    # A search's rows and its counts often end within a millisecond of each other. Their
    # callbacks once ran back to back, a timer or a paint that was due waiting for both;
    # now what was due (here: a timer) runs between them.
    worker = Worker()
    happened: list[str] = []
    both_ended = threading.Barrier(2)
    worker.submit(lambda _job: None, lambda _result: happened.append("first"))
    worker.submit(lambda _job: None, lambda _result: happened.append("second"))
    worker.submit(lambda _job: both_ended.wait(5), lambda _result: None)
    both_ended.wait(5)  # both handed back before the event loop runs
    due = QTimer(singleShot=True, timeout=lambda: happened.append("timer"))  # type: ignore[call-arg]  # PySide6 connects a signal given by name
    due.start(0)
    qtbot.waitUntil(lambda: len(happened) == 3, timeout=5000)
    assert happened == ["first", "timer", "second"]
    qtbot.waitUntil(lambda: not worker.busy, timeout=5000)
    worker.shutdown()


def test_a_dialog_a_result_opens_still_gets_the_next_result(qtbot) -> None:  # type: ignore[no-untyped-def]
    # A callback may open a modal dialog (its own event loop) that waits for the worker.
    worker = Worker()
    happened: list[str] = []
    both_ended = threading.Barrier(2)

    def open_dialog(_result: object) -> None:
        happened.append("dialog opened")
        dialog = QEventLoop()
        worker.submit(lambda _job: None, lambda _result: dialog.quit())  # what it reads
        QTimer.singleShot(5000, dialog.quit)  # not forever, if it never comes
        dialog.exec()
        happened.append("dialog closed")

    worker.submit(lambda _job: None, open_dialog)
    worker.submit(lambda _job: None, lambda _result: happened.append("next result"))
    worker.submit(lambda _job: both_ended.wait(5), lambda _result: None)
    both_ended.wait(5)
    qtbot.waitUntil(lambda: len(happened) == 3, timeout=10000)
    assert happened == ["dialog opened", "next result", "dialog closed"]
    worker.shutdown()


def test_nothing_runs_after_shutdown(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = Worker()
    worker.shutdown()
    ran: list[int] = []
    job = worker.submit(lambda _job: ran.append(1), lambda _r: None)
    assert job.cancelled and ran == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's own priority: Linux")
def test_the_backup_thread_yields_the_processor_to_the_window(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The day's backup runs for seconds as a database opens: below the window's priority."""
    window_priority = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    found: list[int] = []
    for unhurried in (False, True):
        worker = Worker(unhurried=unhurried)
        worker.submit(
            lambda _job: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()),
            found.append,
        )
        qtbot.waitUntil(lambda wanted=1 + unhurried: len(found) == wanted)
        worker.shutdown()
    assert found[0] == window_priority
    assert found[1] == min(19, window_priority + UNHURRIED_NICENESS)

"""The background worker: results on the GUI thread, errors reported, nothing after shutdown."""

from __future__ import annotations

import os
import sys
import threading

import pytest

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

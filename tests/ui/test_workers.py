"""The background worker: results on the GUI thread, errors reported, nothing after shutdown."""

from __future__ import annotations

import threading

from ui.workers import Worker


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

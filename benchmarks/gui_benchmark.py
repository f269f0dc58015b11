"""The window at scale: a cold start to the first page, typing in the search box, memory.

    .venv/bin/python -m benchmarks.gui_benchmark DB [--build]

Runs offscreen in this (fresh) process and prints one JSON object: the milliseconds from
process start to the first page of the table and to the facet counts beside the filters,
from opening the database to the index ready (read back from DB-index if kept there;
with --build that file is removed first, so the index is built), the longest and p95
stall of the event loop while a user types four searches (a 10 ms timer measures how
late it fires), with the index ready and again while it is being built (as after a broad
change), and the peak resident memory.
"""

from __future__ import annotations

import os
import sys
import time


def _process_age() -> float:
    """Seconds since this process was created (Linux), so start-up counts Python's own too."""
    with open("/proc/self/stat") as stat, open("/proc/uptime") as uptime:
        started = int(stat.read().rsplit(")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
        return float(uptime.read().split()[0]) - started


STARTED = time.perf_counter() - _process_age()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import resource
from pathlib import Path

import main as _entry_point  # noqa: F401  (what `python main.py` loads before its window)
from benchmarks.event_loop import StallProbe, p95, type_slowly, wait_for, window_on
from models.index_file import index_path
from ui.app import application
from ui.main_window import MainWindow

WORDS = ("kaz", "uzb", "energy", "a")


def _wait(window: MainWindow, timeout_ms: int = 60000, rows_only: bool = False) -> None:
    wait_for(window.rows_shown if rows_only else window.refreshed, timeout_ms)


def _type(window: MainWindow, wait_counts: bool) -> list[float]:
    """Type the words as a quick typist does; how late a 10 ms timer fired, in ms."""
    probe = StallProbe()
    probe.start()
    for word in WORDS:
        window.filter_panel.search_box.clear()
        type_slowly(window.filter_panel.search_box, word)
        _wait(window, rows_only=not wait_counts)
    probe.stop()
    return probe.take()


def main(argv: list[str] | None = None) -> int:
    args = argv or sys.argv[1:]
    path = Path(args[0])
    kept = index_path(path)
    assert kept is not None
    if "--build" in args:  # as on the first opening: no index kept beside the database
        kept.unlink(missing_ok=True)
    was_kept = kept.exists()
    _app = application()  # alive as long as the window
    opening = time.perf_counter()
    window = window_on(path)
    window.show()
    wait_for(window.first_page_shown)
    first_page = time.perf_counter() - STARTED
    assert window.model.data(window.model.index(0, 0))
    _wait(window, rows_only=True)
    all_rows = time.perf_counter() - STARTED
    _wait(window)  # the counts, from the index built in the background
    counts = time.perf_counter() - STARTED
    if window.controller.index is None:  # counted by SQL meanwhile (a narrow filter)
        wait_for(window.controller.index_rebuilt)
    index_ready = time.perf_counter() - opening
    later = _type(window, wait_counts=True)
    # As after a broad change: the index is stale and built while the user goes on typing.
    aside = kept.with_name(kept.name + ".aside")  # else it is read back, not built
    if kept.exists():
        kept.replace(aside)
    window.controller.index = None
    window.controller.rebuild_index()
    early = _type(window, wait_counts=False)
    result = {
        "first_page_ms": first_page * 1000,
        "all_rows_ms": all_rows * 1000,
        "counts_ms": counts * 1000,
        "index_ready_ms": index_ready * 1000,  # from opening the database
        "index_kept": was_kept,  # read back from DB-index, not built
        "stall_building_max_ms": early[-1],
        "stall_building_p95_ms": p95(early),
        "stall_max_ms": later[-1],
        "stall_p95_ms": p95(later),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(result))
    window.index_worker.shutdown()
    window.worker.shutdown()
    if aside.exists():  # for the next run's opening (the build was cut short by the exit)
        aside.replace(kept)
    return 0


if __name__ == "__main__":
    sys.exit(main())

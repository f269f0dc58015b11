"""Scrolling the window's table through every agreement: how long the event loop stalls.

    .venv/bin/python -m benchmarks.scroll_benchmark DB

Opens the window offscreen on DB, waits for all its rows, then drags the scroll bar from
the top to the bottom in 400 steps of one frame (16 ms) each, as a quick drag does, and
measures how late a 10 ms timer fires meanwhile (a stall of the event loop). Prints one
JSON object: the longest and p95 stall, the pages read, and the milliseconds from the
end of the drag until the rows in view are shown (not "…").
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
from pathlib import Path

from benchmarks.event_loop import StallProbe, p95, run_for, wait_for, window_on
from ui.agreement_table_model import LOADING
from ui.app import application
from ui.main_window import MainWindow

STEPS = 400
FRAME_S = 0.016


def _visible_rows_loaded(window: MainWindow) -> bool:
    table, model = window.table, window.model
    top = table.rowAt(0)
    bottom = table.rowAt(table.viewport().height() - 1)
    bottom = model.rowCount() - 1 if bottom < 0 else bottom
    return all(model.data(model.index(row, 0)) != LOADING for row in range(top, bottom + 1))


def main(argv: list[str] | None = None) -> int:
    path = Path((argv or sys.argv[1:])[0])
    _app = application()  # alive as long as the window
    window = window_on(path)
    window.resize(1400, 820)
    window.show()
    wait_for(window.refreshed, 120000)  # all the ids, and the counts
    window.change_poll.stop()
    rows, bar = window.model.rowCount(), window.table.verticalScrollBar()
    fetched = window.model.pages_fetched
    probe = StallProbe()
    probe.start()
    for step in range(STEPS + 1):
        bar.setValue(bar.maximum() * step // STEPS)
        run_for(round(FRAME_S * 1000))
    dragged = time.perf_counter()
    while not _visible_rows_loaded(window) and time.perf_counter() - dragged < 30:
        run_for(1)
    shown = time.perf_counter()
    probe.stop()
    stalls = probe.take()
    print(
        json.dumps(
            {
                "rows": rows,
                "stall_max_ms": round(stalls[-1], 1),
                "stall_p95_ms": round(p95(stalls), 1),
                "pages_read": window.model.pages_fetched - fetched,
                "rows_in_view_after_drag_ms": round((shown - dragged) * 1000, 1),
            }
        )
    )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

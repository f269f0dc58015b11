"""Saves at scale: from a save committed to the counts current, and typing meanwhile.

    .venv/bin/python -m benchmarks.change_benchmark DB
    .venv/bin/python -m benchmarks.change_benchmark DB --bulk [--sizes 10000,100000] [--runs 3]

Works on a copy of DB, offscreen. Once the window's facet index is built, it saves one
agreement at a time on the window's worker (its status and title changed, one
transaction) and hands the window what the editor hands it on a save
(`MainWindow._after_save`, which calls `apply_changes`). Prints one JSON object: the
median and longest milliseconds from a commit to the counts shown for it; the longest
and p95 stall of the event loop (a 10 ms timer, how late it fires) while a user types
four searches with a save every 300 ms, and in the two seconds after the last save; and
how many times the index was built (1: only at start, every save patched it).

With --bulk: a bulk edit that sets the status of 10,000 and of 100,000 agreements (spread
over the database; those already suspended stay as they are), each applied in one
transaction and then undone, --runs times; prints the median seconds of each (wall clock,
and this process's CPU time, which other load on the machine does not inflate).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import dataclasses
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from sqlalchemy import select

from benchmarks.event_loop import StallProbe, p95, run_for, type_slowly, wait_for, window_on
from models import service
from models.database import open_database
from models.vocab import Status
from ui.app import application
from ui.main_window import MainWindow
from ui.search_controller import SQL_COUNT_LIMIT

WORDS = ("kaz", "uzb", "energy", "a")
SAVES = 9
SAVE_EVERY_MS = 300


def _save_job(window: MainWindow, agreement_id: int, stamps: dict[int, float]):  # type: ignore[no-untyped-def]
    """The write of one save, for the worker; notes when it was committed."""
    sessions = window.database.sessions

    def work(_job: object) -> service.Saved:
        with sessions.begin() as session:
            data, version = service.load_input(session, agreement_id)
            status = Status.IN_FORCE if data.status != Status.IN_FORCE.value else Status.SIGNED
            changed = dataclasses.replace(data, status=status.value, title=data.title + " ·")
            saved = service.update(session, agreement_id, changed, version)
        stamps[agreement_id] = time.perf_counter()  # committed: the block has ended
        return saved

    return work


def _after_save(window: MainWindow):  # type: ignore[no-untyped-def]
    """What the window does with a save's result, as when the editor emits saved(id)."""
    return lambda saved: window._after_save(saved.id, saved.changes)


def _latencies(window: MainWindow, ids: list[int]) -> list[float]:
    """Milliseconds from each save's commit to its counts on screen, one save at a time.

    Each agreement is selected first, as a user selects the one to edit.
    """
    found: list[float] = []
    for agreement_id in ids:
        window.table.selectionModel().clearSelection()
        window.select_ids([agreement_id])
        wait_for(window.detail_shown)
        stamps: dict[int, float] = {}
        window.worker.submit(_save_job(window, agreement_id, stamps), _after_save(window))
        wait_for(window.refreshed)
        found.append((time.perf_counter() - stamps[agreement_id]) * 1000)
    return found


def _typing_with_saves(window: MainWindow, saves: int) -> tuple[list[float], list[float]]:
    """Stalls (ms late) while typing with saves going on, then in the 2 s after the last save.

    Each save is of an agreement among the first rows the table shows at the time.
    """
    waiting = list(range(saves))

    def save_one() -> None:
        if waiting and not window.worker.busy and window.model.rowCount() > waiting[-1]:
            agreement_id = window.model.id_at(waiting.pop())
            window.worker.submit(_save_job(window, agreement_id, {}), _after_save(window))

    probe = StallProbe()
    saver = QTimer(interval=SAVE_EVERY_MS, timeout=save_one)
    probe.start()
    saver.start()
    for word in WORDS:
        window.filter_panel.search_box.clear()
        type_slowly(window.filter_panel.search_box, word)
        wait_for(window.rows_shown)
    while waiting:
        run_for(SAVE_EVERY_MS)
    saver.stop()
    wait_for(window.refreshed, 5000)
    during = probe.take()
    run_for(2000)
    probe.stop()
    return during, probe.take()


def bulk_figures(source: Path, sizes: list[int], runs: int) -> dict[str, float]:
    """Median seconds to bulk-set the status of *sizes* agreements, and to undo it."""
    from models import history
    from models.bulk_edit import BulkEdit, apply_bulk_edit
    from models.schema import Agreement

    folder = Path(tempfile.mkdtemp())
    path = folder / "copy.db"
    shutil.copyfile(source, path)
    database = open_database(path, create=False)
    with database.sessions.begin() as session:
        every = list(session.scalars(select(Agreement.id).order_by(Agreement.id)))
    result: dict[str, float] = {}
    try:
        for size in sizes:
            ids = every[:: max(1, len(every) // size)][:size]
            applied, undone, changed = [], [], 0
            cpu: dict[str, list[float]] = {"apply": [], "undo": []}
            for _run in range(runs):
                start, used = time.perf_counter(), time.process_time()
                with database.writing() as session:
                    changes = apply_bulk_edit(session, ids, BulkEdit(status=Status.SUSPENDED.value))
                applied.append(time.perf_counter() - start)
                cpu["apply"].append(time.process_time() - used)
                changed = len(changes.changed)
                start, used = time.perf_counter(), time.process_time()
                with database.writing() as session:
                    history.undo(session)
                undone.append(time.perf_counter() - start)
                cpu["undo"].append(time.process_time() - used)
            result[f"bulk_{size}_changed"] = changed
            result[f"bulk_{size}_apply_median_s"] = round(statistics.median(applied), 2)
            result[f"bulk_{size}_undo_median_s"] = round(statistics.median(undone), 2)
            # CPU seconds of this process: what the machine's other load can't inflate.
            result[f"bulk_{size}_apply_cpu_median_s"] = round(statistics.median(cpu["apply"]), 2)
            result[f"bulk_{size}_undo_cpu_median_s"] = round(statistics.median(cpu["undo"]), 2)
    finally:
        database.close()
        shutil.rmtree(folder, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> int:
    arguments = argv if argv is not None else sys.argv[1:]
    if "--bulk" in arguments:
        parser = argparse.ArgumentParser(prog="change_benchmark")
        parser.add_argument("db", type=Path)
        parser.add_argument("--bulk", action="store_true")
        parser.add_argument("--sizes", default="10000,100000")
        parser.add_argument("--runs", type=int, default=3)
        options = parser.parse_args(arguments)
        sizes = [int(size) for size in options.sizes.split(",")]
        print(json.dumps(bulk_figures(options.db, sizes, options.runs)))
        return 0
    source = Path(arguments[0])
    folder = Path(tempfile.mkdtemp())
    path = folder / "copy.db"
    shutil.copyfile(source, path)  # the saves change it: the seeded database stays as made
    _app = application()  # alive as long as the window
    window = window_on(path)
    window.change_poll.stop()  # only this window writes
    window.show()
    wait_for(window.refreshed)
    # Above SQL_COUNT_LIMIT the counts come from the index: wait for it. Below, from SQL.
    while window.controller.index is None and window.model.rowCount() > SQL_COUNT_LIMIT:
        wait_for(window.refreshed)
    step = max(1, window.model.rowCount() // SAVES)
    chosen = [window.model.id_at(row * step) for row in range(SAVES)]
    latencies = sorted(_latencies(window, chosen))
    during, after = _typing_with_saves(window, 2 * SAVES)
    result = {
        "save_to_counts_median_ms": statistics.median(latencies),
        "save_to_counts_max_ms": latencies[-1],
        "stall_saving_max_ms": during[-1],
        "stall_saving_p95_ms": p95(during),
        "stall_after_saves_max_ms": after[-1],
        "index_builds": window.controller.builds,
    }
    print(json.dumps(result))
    window.controller.shutdown()
    window.database.close()
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

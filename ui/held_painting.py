"""Painting the agreement table in one stretch of Python's interpreter.

Each painted cell calls the table model, which is Python, twice (its index, and its
roles). Between those calls, and inside them wherever a Qt value handed to Python is
freed (shiboken runs every C++ destructor with the interpreter let go), a worker that
searches, counts or saves beside the window takes the interpreter, and the window then
waits for it back. A screenful of rows is about a thousand such hand-overs: a repaint
that takes 10 ms alone took 60-150 ms beside a search, and typing stalled.

So the view paints from a Python override (one entry for the whole paint; the model's
calls are nested in it and let nothing go), and the model keeps the Qt values handed
to it until the paint is over, then has them freed on a thread of their own.

A thread busy in Python beside it still takes the interpreter back at the application's
switch interval (1 ms, ui/app.py). Raising the interval for the length of a paint was
tried and dropped: the window, once it had let go, then waited as long for it back.

A paint of the whole table (new rows after each key typed in the search box) still took
13-19 ms of processor alone and 20-45 ms beside a search, a save or a page read, most of it
Qt laying out each cell's text: the longest stall of typing. So a paint of many rows to the
screen is done in bands of BAND_ROWS rows, top first, one band per turn of the event loop:
keys, timers and the other widgets get their turn between bands, and the table is whole a
few milliseconds later. A picture of the table (grab(), render()) is painted at once.
"""

from __future__ import annotations

import queue
import threading

from PySide6.QtCore import QPersistentModelIndex, QPoint, QRect
from PySide6.QtGui import QPaintEvent, QRegion
from PySide6.QtWidgets import QTableView

BAND_ROWS = 8  # rows painted in one turn of the event loop (a screen holds 20-40)
_FREED_AFTER = 2048  # values kept before they are handed over to be freed (about 200 KB)
_to_free: queue.SimpleQueue[list[object]] = queue.SimpleQueue()


def _free_forever() -> None:
    while True:
        _to_free.get().clear()


# Started now, not on first use: starting a thread waits for it with the interpreter let go,
# which in the middle of a paint is what this module avoids.
threading.Thread(target=_free_forever, name="freer", daemon=True).start()


class KeptValues:
    """Qt values handed to Python during a paint, freed later on another thread."""

    def __init__(self) -> None:
        self._kept: list[object] = []

    def keep(self, *values: object) -> None:
        # Not a persistent index: freeing one updates its model, on the GUI thread only.
        self._kept.extend(v for v in values if not isinstance(v, QPersistentModelIndex))
        if len(self._kept) >= _FREED_AFTER:
            self.free()

    def free(self) -> None:
        """Hand the values kept so far to the freeing thread (nothing is freed here)."""
        if self._kept:
            kept, self._kept = self._kept, []
            _to_free.put(kept)

    def __len__(self) -> int:
        return len(self._kept)


class HeldTableView(QTableView):
    """A table view that paints its cells in one entry into Python, many rows a band at a
    time (see above)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        region = event.region()
        band = self._first_band(region)
        if band is None:
            super().paintEvent(event)
        else:
            super().paintEvent(QPaintEvent(band))
            self.viewport().update(region.subtracted(band))  # the next turn of the loop
        free = getattr(self.model(), "free_kept_values", None)
        if free is not None:
            free()

    def _first_band(self, region: QRegion) -> QRegion | None:
        """The top BAND_ROWS rows of a paint of more to the screen; None: paint it all now."""
        box = region.boundingRect()
        height = BAND_ROWS * max(1, self.verticalHeader().defaultSectionSize())
        if box.height() <= height:
            return None
        viewport = self.viewport()
        store = viewport.backingStore()
        # On the screen, Qt paints into the window's store; a picture is another device.
        if store is None or store.paintDevice() is not viewport.redirected(QPoint()):
            return None
        return region.intersected(QRect(box.x(), box.y(), box.width(), height))

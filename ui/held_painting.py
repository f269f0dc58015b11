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
"""

from __future__ import annotations

import queue
import threading

from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTableView

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
    """A table view that paints all its cells in one entry into Python (see above)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        free = getattr(self.model(), "free_kept_values", None)
        if free is not None:
            free()

"""Fewer garbage collections while an import makes millions of short-lived objects.

Python collects its youngest generation after every 700 new containers (net of those
freed); an import of 100,000 rows makes tens of millions, so tens of thousands of
collections, each passing over what is alive: about a tenth of the import's time. Almost
none of them free anything (rows, records and dicts are freed by reference counting).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Young objects between collections during an import: a collection then passes over at
# most this many (a millisecond or two), and there are a few dozen instead of thousands.
IMPORT_THRESHOLD = 20_000


@contextmanager
def fewer_collections(threshold: int = IMPORT_THRESHOLD) -> Iterator[None]:
    """Collect the youngest generation after *threshold* new objects, not 700, for the block."""
    old = gc.get_threshold()
    ours = (max(threshold, old[0]), *old[1:])
    gc.set_threshold(*ours)
    try:
        yield
    finally:
        if gc.get_threshold() == ours:  # unless someone else has set it since
            gc.set_threshold(*old)

"""What the window lends to the parts that read or write agreements for it, and no more.

Import, export, PDFs, printing, undo and the trash (ui/transfers.py, summary_printer.py,
history_actions.py, trash_dialog.py) work on the window's database, worker, filter, sort
and selection; they get them here rather than the window itself, so they never import
ui/main_window.py, and they answer through their own signals, which the window listens to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from models.database import Database
from models.query import AgreementFilter, Sort
from ui.settings import Settings
from ui.workers import Worker


@dataclass(frozen=True)
class WindowContext:
    """The window's state as its helpers see it: each callable reads the value of the moment."""

    parent: QWidget  # dialogs and progress are shown over it
    worker: Worker  # every database job runs here, never on the GUI thread
    settings: Settings
    database: Callable[[], Database]  # the open database (File › Open may change it)
    current_filter: Callable[[], AgreementFilter]
    current_sort: Callable[[], Sort]
    matching: Callable[[], int]  # how many agreements the filter matches
    selected_ids: Callable[[], list[int]]
    current_id: Callable[[], int | None]  # the agreement whose details are shown

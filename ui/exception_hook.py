"""An error nobody caught, in the window: logged in full, and shown as a short message.

Without it a slot's exception is printed on a console nobody sees (a built app has none)
and the user is left wondering; with it they learn what failed and where the details are.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.translations import fill

log = logging.getLogger(__name__)


class ExceptionHook(QObject):
    """Installed as sys.excepthook while the window runs."""

    # Carries the message to the GUI thread (queued), whichever thread the error came from.
    reported = Signal(str)

    def __init__(self, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.box: QMessageBox | None = None
        self._window = parent
        self.reported.connect(self._show)

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = sys.__excepthook__

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.critical("Unexpected error", exc_info=(kind, error, trace))
        self.reported.emit(self.message(error))

    def message(self, error: BaseException) -> str:
        """A few lines for the user: what failed, that saved work is safe, where the log is."""
        first = (str(error).strip().splitlines() or [""])[0]
        what = f"{type(error).__name__}: {first}" if first else type(error).__name__
        where = (
            fill(
                self.tr("The details are in the log, %1: please send it with a bug report."),
                self.log_file,
            )
            if self.log_file
            else self.tr("Run treaty-tracker --debug from a terminal to see the details.")
        )
        return fill(
            self.tr(
                "Something went wrong: %1.\n\n"
                "What you saved before is safe; the last action may not have finished.\n\n%2"
            ),
            what,
            where,
        )

    @Slot(str)
    def _show(self, text: str) -> None:
        if self.box is not None and self.box.isVisible():
            return  # one message at a time: an error repeated on every repaint is logged only
        self.box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Unexpected error"), text)
        self.box.setParent(self._window, self.box.windowFlags())
        self.box.setObjectName("exceptionBox")
        self.box.open()

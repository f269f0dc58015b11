"""Dropping a CSV or JSON file on the window imports it, through the usual preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

IMPORTABLE = (".csv", ".json")


def dropped_file(mime: QMimeData) -> Path | None:
    """The one local .csv or .json file being dragged, or None (several, a folder, a web link)."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in IMPORTABLE else None


class FileDrop(QObject):
    """Watches *window* for drags: accepts one importable file and hands its path to *open*."""

    def __init__(self, window: QWidget, open_file: Callable[[str], None]) -> None:
        super().__init__(window)
        self._open = open_file
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            if dropped_file(event.mimeData()) is not None:
                event.acceptProposedAction()
            else:
                event.ignore()  # the cursor says "no": nothing here would take it
            return True
        if event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            path = dropped_file(event.mimeData())
            if path is None:
                event.ignore()
                return True
            event.acceptProposedAction()
            self._open(str(path))
            return True
        return super().eventFilter(watched, event)

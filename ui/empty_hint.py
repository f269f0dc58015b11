"""A word laid over an empty list: what would appear there, and how to put it there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget


class EmptyHint(QLabel):
    """Centred, wrapped, in the palette's text colour; shown while the view has no rows."""

    def __init__(self, view: QAbstractItemView, text: str | Callable[[], str]) -> None:
        super().__init__(view.viewport())
        self.view = view
        self._text = text
        self.setObjectName("emptyHint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The list's own text colour over its base: the disabled (muted) text of some dark
        # palettes falls below a readable contrast.
        self.setForegroundRole(QPalette.ColorRole.Text)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setContentsMargins(12, 12, 12, 12)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self.refresh)
        self.setGeometry(view.viewport().rect())
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Shown, with the words of the moment, while the list is empty."""
        text = self._text() if callable(self._text) else self._text
        if text != self.text():
            self.setText(text)
        self.setVisible(bool(text) and self.view.model().rowCount() == 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        elif event.type() == QEvent.Type.Show:
            self.refresh()
        return False


def empty_hint(view: QAbstractItemView, text: str | Callable[[], str]) -> EmptyHint:
    """Lay *text* (or what text() says now; '' for nothing) over *view* when it has no rows."""
    return EmptyHint(view, text)

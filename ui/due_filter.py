"""The filter panel's Due list: overdue, and due within 30, 90 or 365 days, with counts.

The windows nest, so ticking several means the widest of them (and overdue, if ticked):
exactly "any of the ticked", as the other lists behave.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from models.query import DUE_CHOICES, AgreementFilter
from ui.item_roles import ID_ROLE, NAME_ROLE

translate = QCoreApplication.translate


class DueFilter(QObject):
    """The translation context of these words: pyside6-lupdate reads DueFilter.tr calls."""

    # Qt's tr works on the class too (PySide6's stubs know the method only); an annotation,
    # as a def here would hide the class's name from pyside6-lupdate.
    if TYPE_CHECKING:
        tr: ClassVar[Callable[..., str]]


def choice_label(key: str) -> str:
    """'Overdue' or 'Due within 30 days'."""
    if key == "overdue":
        return translate("DueFilter", "Overdue")
    return DueFilter.tr("Due within %n day(s)", "", int(key))


def due_list(parent: QWidget) -> QListWidget:
    widget = QListWidget(parent)
    widget.setObjectName("dueFilter")
    widget.setAccessibleName(translate("DueFilter", "Due"))
    widget.setToolTip(
        translate(
            "DueFilter", "Agreements with a deadline coming (the Due panel lists them: View › Due)"
        )
    )
    for key, _, _ in DUE_CHOICES:
        item = QListWidgetItem(choice_label(key), widget)
        item.setData(ID_ROLE, key)
        item.setData(NAME_ROLE, choice_label(key))
        item.setCheckState(Qt.CheckState.Unchecked)
    return widget


def ticked_due(widget: QListWidget) -> dict[str, object]:
    """The filter's due values for the ticked items: `due_within` and `due_overdue`."""
    ticked = [
        widget.item(row).data(ID_ROLE)
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    ]
    windows = [within for key, within, _ in DUE_CHOICES if key in ticked and within is not None]
    return {"due_within": max(windows, default=None), "due_overdue": "overdue" in ticked}


def show_filter(widget: QListWidget, wanted: AgreementFilter) -> None:
    """Tick what *wanted* asks for (a window that is not one of the choices ticks none)."""
    for row in range(widget.count()):
        item = widget.item(row)
        key = item.data(ID_ROLE)
        on = wanted.due_overdue if key == "overdue" else str(wanted.due_within) == key
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

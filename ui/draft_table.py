"""The drafts of an article as an editable table: a tick to keep each, one row per draft.

A small list (an article names a handful of documents), so a QTableWidget holds it; the
drafts come in and go out as models.extract.Draft values, edited cells applied.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from models.duplicates import PossibleDuplicate
from models.extract import Draft
from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from ui.colours import Role, error_colour
from ui.translations import fill

# (header, the Draft attribute it edits or None, the evidence key it highlights); the
# headers are marked for pyside6-lupdate and shown translated. The cells hold the values
# as stored (kind and status in English, as the command line and files take them).
COLUMNS = (
    (QT_TRANSLATE_NOOP("DraftTable", "Keep"), None, None),
    (QT_TRANSLATE_NOOP("DraftTable", "Recorded?"), None, None),
    (QT_TRANSLATE_NOOP("DraftTable", "Title"), "title", "title"),
    (QT_TRANSLATE_NOOP("DraftTable", "Kind"), "kind", "kind"),
    (QT_TRANSLATE_NOOP("DraftTable", "Status"), "status", "status"),
    (QT_TRANSLATE_NOOP("DraftTable", "Signed on"), "signed_on", "signed_on"),
    (QT_TRANSLATE_NOOP("DraftTable", "Signed at"), "signed_at", "signed_at"),
    (QT_TRANSLATE_NOOP("DraftTable", "Parties"), "parties", "parties"),
    (QT_TRANSLATE_NOOP("DraftTable", "Fields"), "fields", "fields"),
)
KEEP, WARNING, TITLE = 0, 1, 2
LIST_SEPARATOR = "; "  # parties and fields in one cell; neither a name nor a path has one


class DraftTable(QTableWidget):
    """One row per draft; its cells edit the draft, its tick says whether to save it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setObjectName("draftTable")
        self.setHorizontalHeaderLabels([self.tr(header) for header, _, _ in COLUMNS])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = (44, 76, 250, 96, 60, 84, 86, 160, 150)
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        self.setHorizontalHeaderItem(WARNING, QTableWidgetItem(self.tr("Recorded?")))
        self.horizontalHeaderItem(WARNING).setToolTip(  # type: ignore[union-attr]  # set just above
            self.tr(
                "The recorded agreement a draft looks like: same date and parties, a title "
                "near in wording. Such a draft is not ticked; select it to read which."
            )
        )
        self._drafts: list[Draft] = []

    def show_drafts(self, drafts: list[Draft], duplicates: list[list[PossibleDuplicate]]) -> None:
        """Fill the table; a draft like a recorded agreement is warned of and left unticked."""
        self._drafts = [dataclasses.replace(draft) for draft in drafts]
        self.setRowCount(0)
        self.setRowCount(len(drafts))
        for row, (draft, recorded) in enumerate(zip(drafts, duplicates, strict=True)):
            keep = QTableWidgetItem()
            keep.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            keep.setCheckState(Qt.CheckState.Unchecked if recorded else Qt.CheckState.Checked)
            self.setItem(row, KEEP, keep)
            for column, (_, attribute, _key) in enumerate(COLUMNS):
                if attribute is not None:
                    self.setItem(
                        row, column, QTableWidgetItem(cell_text(getattr(draft, attribute)))
                    )
            warning = QTableWidgetItem(warning_text(recorded))
            warning.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            warning.setToolTip("\n".join(other.describe() for other in recorded))
            if recorded:
                warning.setForeground(QBrush(error_colour(self, Role.Base)))
            self.setItem(row, WARNING, warning)

    def draft(self, row: int) -> Draft:
        """The draft of *row* with the edits made in its cells."""
        values: dict[str, Any] = {}
        for column, (_, attribute, _key) in enumerate(COLUMNS):
            if attribute is None:
                continue
            text = self.item(row, column).text().strip()  # type: ignore[union-attr]  # every cell has an item
            values[attribute] = (
                [part.strip() for part in text.split(";") if part.strip()]
                if attribute in ("parties", "fields")
                else text
            )
        return dataclasses.replace(self._drafts[row], **values)

    def kept(self) -> list[Draft]:
        """The ticked drafts, edited, in their order."""
        return [self.draft(row) for row in range(self.rowCount()) if self.is_kept(row)]

    def is_kept(self, row: int) -> bool:
        return self.item(row, KEEP).checkState() == Qt.CheckState.Checked  # type: ignore[union-attr]  # every cell has an item

    def warning(self, row: int) -> str:
        """The recorded agreements the draft of *row* looks like, one a line ('' for none)."""
        return self.item(row, WARNING).toolTip()  # type: ignore[union-attr]  # every cell has an item

    def original(self, row: int) -> Draft:
        """The draft as extracted (its evidence and notes)."""
        return self._drafts[row]


def cell_text(value: object) -> str:
    return LIST_SEPARATOR.join(value) if isinstance(value, list) else str(value)


def warning_text(recorded: list[PossibleDuplicate]) -> str:
    if not recorded:
        return ""
    more = f" +{len(recorded) - 1}" if len(recorded) > 1 else ""
    return (
        fill(QCoreApplication.translate("DraftTable", "like %1"), recorded[0].agreement_id) + more
    )

"""A checkable tree of fields ('Transport > Rail'), where new fields can be added in place."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from models.fields import join_path, path_key, split_path
from models.query import FieldNode
from ui.form_errors import error_label, mark_invalid, show_error
from ui.translations import fill

_PATH_ROLE = Qt.ItemDataRole.UserRole


class FieldPicker(QWidget):
    """Tick an agreement's fields; a typed path creates the missing ones, nested, ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: dict[str, QTreeWidgetItem] = {}
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("fieldTree")
        self.tree.setAccessibleName(self.tr("Fields"))
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.new_field_edit = QLineEdit(self)
        self.new_field_edit.setObjectName("newFieldEdit")
        self.new_field_edit.setAccessibleName(self.tr("New field"))
        self.new_field_edit.setPlaceholderText(
            self.tr("New field; 'Transport > Rail' nests Rail in Transport")
        )
        self.new_field_edit.returnPressed.connect(self.add_typed_field)
        self.add_button = QPushButton(self.tr("Add field"), self)
        self.add_button.setObjectName("addFieldButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_typed_field)
        self.error_label = error_label("fieldsError")
        self._lay_out()

    def _lay_out(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.new_field_edit, 1)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick every field the agreement covers:"), self))
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(adding)

    def set_fields(self, nodes: list[FieldNode]) -> None:
        """Show the recorded fields (parents before children), keeping what is ticked."""
        ticked = self.checked_paths()
        self.tree.clear()
        self._items = {}
        for node in nodes:
            self._add_item(split_path(node.path), new=False)
        self.set_checked(ticked)

    def set_checked(self, paths: list[str]) -> None:
        """Tick exactly *paths*, adding any the tree does not have yet."""
        for item in self._all_items():
            item.setCheckState(0, Qt.CheckState.Unchecked)
        for path in paths:
            item = self._ensure(split_path(path))
            if item is not None:
                item.setCheckState(0, Qt.CheckState.Checked)
                self._reveal(item)

    def checked_paths(self) -> list[str]:
        """The ticked fields' paths, in tree order."""
        return [
            item.data(0, _PATH_ROLE)
            for item in self._all_items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def add_typed_field(self) -> None:
        """Create (or find) the typed field, tick it and show it."""
        item = self._ensure(split_path(self.new_field_edit.text()))
        if item is None:
            return
        item.setCheckState(0, Qt.CheckState.Checked)
        self._reveal(item)
        self.tree.setCurrentItem(item)
        self.new_field_edit.clear()

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Show the 'fields.N' messages of a ValidationError; True if there were any."""
        lines = [
            fill(self.tr("Field %1: %2"), int(key.split(".")[1]) + 1, message)
            for key, message in errors.items()
            if key.startswith("fields.") and key.split(".")[1].isdigit()
        ]
        show_error(self.error_label, "\n".join(lines))
        mark_invalid(self.tree, bool(lines))
        return bool(lines)

    def _ensure(self, parts: list[str]) -> QTreeWidgetItem | None:
        item = None
        for depth in range(1, len(parts) + 1):
            item = self._items.get(path_key(parts[:depth])) or self._add_item(parts[:depth], True)
        return item

    def _add_item(self, parts: list[str], new: bool) -> QTreeWidgetItem:
        parent = self._items.get(path_key(parts[:-1])) if len(parts) > 1 else None
        item = QTreeWidgetItem([parts[-1]])
        item.setData(0, _PATH_ROLE, join_path(parts))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        if new:
            font = item.font(0)
            font.setItalic(True)
            item.setFont(0, font)
            item.setToolTip(0, self.tr("New field: recorded when the agreement is saved"))
        if parent is None:
            self.tree.addTopLevelItem(item)
        else:
            parent.addChild(item)
        self._items[path_key(parts)] = item
        return item

    def _reveal(self, item: QTreeWidgetItem) -> None:
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        self.tree.scrollToItem(item)

    def _all_items(self) -> Iterator[QTreeWidgetItem]:
        iterator = QTreeWidgetItemIterator(self.tree)
        while iterator.value():
            yield iterator.value()
            iterator += 1

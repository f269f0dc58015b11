"""A generic editable table of plain records, with Add / Remove / Move buttons.

The agreement dialog's parties, actions, milestones and relations are each one: the table
edits a list of `models.service` input dataclasses in place (what the user sees is the list
that is saved), with vocabulary columns shown by label and stored by value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from models.vocab import Vocabulary
from ui import vocab_labels

# The context stays "PartyEditor", where the catalogs (ui/i18n) have always kept the hint.
DATE_HINT = QT_TRANSLATE_NOOP("PartyEditor", "YYYY, YYYY-MM or YYYY-MM-DD")
# A see-through red over the palette's own base colour: the cell reads as wrong in light
# and dark mode alike (a pale opaque pink under dark mode's light text could not be read).
_ERROR_BACKGROUND = QColor(179, 38, 30, 70)
Index = QModelIndex | QPersistentModelIndex

# The headers of every record table (the party editor's parties and actions, the agreement
# dialog's milestones, the relation editor's relations): RecordModel shows them translated.
HEADERS = (
    QT_TRANSLATE_NOOP("RecordTable", "Party"),
    QT_TRANSLATE_NOOP("RecordTable", "Role"),
    QT_TRANSLATE_NOOP("RecordTable", "Signatory"),
    QT_TRANSLATE_NOOP("RecordTable", "Signatory's title"),
    QT_TRANSLATE_NOOP("RecordTable", "Recorded as"),
    QT_TRANSLATE_NOOP("RecordTable", "Kind if new"),
    QT_TRANSLATE_NOOP("RecordTable", "Action"),
    QT_TRANSLATE_NOOP("RecordTable", "Date (signed / deposited)"),
    QT_TRANSLATE_NOOP("RecordTable", "Effective on"),
    QT_TRANSLATE_NOOP("RecordTable", "Text (reservation, declaration …)"),
    QT_TRANSLATE_NOOP("RecordTable", "Milestone"),
    QT_TRANSLATE_NOOP("RecordTable", "Date"),
    QT_TRANSLATE_NOOP("RecordTable", "Description"),
    QT_TRANSLATE_NOOP("RecordTable", "Relation"),
    QT_TRANSLATE_NOOP("RecordTable", "Other agreement"),
)
translate = QCoreApplication.translate


def date_hint() -> str:
    """How a date may be typed in a date cell, in the window's language."""
    return translate("PartyEditor", DATE_HINT)


def header_label(column: Column) -> str:
    """The column's header in the window's language."""
    return translate("RecordTable", column.header)


@dataclass(frozen=True)
class Column:
    """One column of a record table: an attribute, or a read-only text derived from the record."""

    attribute: str
    header: str
    vocabulary: type[Vocabulary] | None = None
    is_date: bool = False
    completes: bool = False
    width: int = 120
    derive: Callable[[Any], str] | None = None
    tooltip: Callable[[Any], str] | None = None  # per-row words, e.g. "Signed on" for a signature


def make_completer(model: QAbstractItemModel, parent: QWidget) -> QCompleter:
    """A completer that finds 'Türkiye' from 'türk' and 'Uzbekistan' from 'bek'."""
    completer = QCompleter(model, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer


class RecordModel(QAbstractTableModel):
    """A table over a list of dataclass records, edited in place."""

    def __init__(self, columns: list[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._records: list[Any] = []
        self._errors: dict[tuple[int, str], str] = {}

    @property
    def records(self) -> list[Any]:
        return self._records

    def set_records(self, records: list[Any]) -> None:
        """Show and edit *records* (the list itself, not a copy)."""
        self.beginResetModel()
        self._records = records
        self._errors = {}
        self.endResetModel()

    def insert(self, row: int, record: Any) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._records.insert(row, record)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._records[row]
        self.endRemoveRows()

    def move(self, row: int, to: int) -> None:
        """Move *row* to position *to* (both in the list before the move)."""
        # Qt's destination is the row the moved one lands before, counted before the move.
        destination = to + 1 if to > row else to
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._records.insert(to, self._records.pop(row))
        self.endMoveRows()

    def set_errors(self, errors: dict[tuple[int, str], str]) -> None:
        """Colour the cells named by (row, attribute) and give them the message as tooltip."""
        self._errors = dict(errors)
        if self._records:
            last = self.index(len(self._records) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.BackgroundRole])

    # ------------------------------------------------------------- Qt overrides

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return header_label(self._columns[section])
        return str(section + 1)  # row numbers match 'Party 2' in error messages

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._columns[index.column()].derive is None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        record = self._records[index.row()]
        error = self._errors.get((index.row(), column.attribute))
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(column, record)
        if role == Qt.ItemDataRole.EditRole:
            return getattr(record, column.attribute)
        if role == Qt.ItemDataRole.ToolTipRole:
            return error or _tooltip(column, record)
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return _ERROR_BACKGROUND
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = self._columns[index.column()]
        if column.derive is not None:
            return False
        setattr(self._records[index.row()], column.attribute, "" if value is None else str(value))
        self._errors.pop((index.row(), column.attribute), None)
        last = self.index(index.row(), len(self._columns) - 1)
        self.dataChanged.emit(self.index(index.row(), 0), last, [])
        return True


def _tooltip(column: Column, record: Any) -> str | None:
    if column.tooltip is not None:
        return column.tooltip(record)
    return date_hint() if column.is_date else None


def _display(column: Column, record: Any) -> str:
    if column.derive is not None:
        return column.derive(record)
    value = getattr(record, column.attribute)
    if column.vocabulary is not None:
        try:
            return vocab_labels.label(column.vocabulary.parse(value))
        except ValueError:
            return value
    return value


class RecordDelegate(QStyledItemDelegate):
    """Combo boxes for vocabulary columns, hinted line edits for dates, completion for names."""

    def __init__(
        self,
        columns: list[Column],
        completions: QAbstractItemModel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = columns
        self._completions = completions

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self._columns[index.column()]
        if column.vocabulary is not None:
            combo = QComboBox(parent)
            for member in column.vocabulary:
                combo.addItem(vocab_labels.label(member), member.value)
            combo.setAccessibleName(header_label(column))
            combo.activated.connect(lambda _=0, editor=combo: self.commitData.emit(editor))
            return combo
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAccessibleName(header_label(column))
        if column.is_date:
            editor.setPlaceholderText(date_hint())
        if column.completes and self._completions is not None:
            editor.setCompleter(make_completer(self._completions, editor))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class RecordTable(QWidget):
    """A record table with Add / Remove (and optionally Move up / Move down) buttons."""

    current_changed = Signal()

    def __init__(
        self,
        columns: list[Column],
        factory: Callable[[], Any],
        *,
        noun: str,
        plural: str,
        completions: QAbstractItemModel | None = None,
        movable: bool = False,
        add_button: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = columns
        self._factory = factory
        self.model = RecordModel(columns, self)
        self.view = self._make_view(plural, completions)
        buttons = QHBoxLayout()
        name = noun.capitalize()
        add_text, remove_text = self._button_words(noun)
        self.add_button = self._button(buttons, f"add{name}Button", add_text, self.add)
        self.add_button.setVisible(add_button)
        self._button(buttons, f"remove{name}Button", remove_text, self.remove_current)
        if movable:
            self._button(
                buttons, f"move{name}UpButton", self.tr("Move up"), lambda: self.move_current(-1)
            )
            self._button(
                buttons,
                f"move{name}DownButton",
                self.tr("Move down"),
                lambda: self.move_current(1),
            )
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def _button_words(self, noun: str) -> tuple[str, str]:
        """'Add party' and 'Remove party': whole phrases, as other languages decline the noun."""
        words = {
            "party": (self.tr("Add party"), self.tr("Remove party")),
            "action": (self.tr("Add action"), self.tr("Remove action")),
            "milestone": (self.tr("Add milestone"), self.tr("Remove milestone")),
            "relation": (self.tr("Add relation"), self.tr("Remove relation")),
        }
        return words.get(noun, (f"Add {noun}", f"Remove {noun}"))

    def _make_view(self, plural: str, completions: QAbstractItemModel | None) -> QTableView:
        view = QTableView(self)
        view.setObjectName(f"{plural}Table")
        names = {
            "parties": self.tr("Parties"),
            "actions": self.tr("Actions"),
            "milestones": self.tr("Milestones"),
            "relations": self.tr("Relations"),
        }
        view.setAccessibleName(names.get(plural, plural.capitalize()))
        view.setModel(self.model)
        view.setItemDelegate(RecordDelegate(self._columns, completions, view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.setTabKeyNavigation(False)  # Tab leaves the table, as elsewhere in the dialog
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        for number, column in enumerate(self._columns):
            # Never narrower than the header's words (longer in some languages).
            header.resizeSection(number, max(column.width, header.sectionSizeHint(number)))
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.selectionModel().currentRowChanged.connect(lambda *_: self.current_changed.emit())
        return view

    def _button(
        self, layout: QHBoxLayout, name: str, text: str, slot: Callable[[], object]
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())
        layout.addWidget(button)
        return button

    def set_records(self, records: list[Any]) -> None:
        self.model.set_records(records)
        self.current_changed.emit()

    def current_row(self) -> int | None:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else None

    def select(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row, 0))

    def add(self, record: Any = None) -> int:
        """Append a record (a fresh one by default), select it and start editing it."""
        row = self.model.rowCount()
        self.model.insert(row, self._factory() if record is None else record)
        self.select(row)
        self.view.setFocus()
        return row

    def edit_cell(self, row: int, attribute: str) -> None:
        """Open the editor of one cell, as a double click would."""
        column = next(i for i, c in enumerate(self._columns) if c.attribute == attribute)
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def remove_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self.model.remove(row)
        if self.model.rowCount():
            self.select(min(row, self.model.rowCount() - 1))
        self.current_changed.emit()

    def move_current(self, step: int) -> None:
        row = self.current_row()
        if row is None or not 0 <= row + step < self.model.rowCount():
            return
        self.model.move(row, row + step)
        self.select(row + step)

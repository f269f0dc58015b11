"""Editable tables of plain records (parties, their actions, milestones) for the agreement dialog.

The tables edit the `models.service` input dataclasses in place: what the user sees is the
list that is saved, with vocabulary columns shown by label and stored by value.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from models.parties import find_identity, misspelt
from models.service import ActionInput, ParticipationInput
from models.status import date_word
from models.text import fold
from models.vocab import ActionType, PartyKind, Role, Vocabulary
from ui import vocab_labels
from ui.colours import Role as ColourRole
from ui.colours import error_colour, error_style
from ui.translations import fill

DATE_HINT = QT_TRANSLATE_NOOP("PartyEditor", "YYYY, YYYY-MM or YYYY-MM-DD")
# A see-through red over the palette's own base colour: the cell reads as wrong in light
# and dark mode alike (a pale opaque pink under dark mode's light text could not be read).
_ERROR_BACKGROUND = QColor(179, 38, 30, 70)
Index = QModelIndex | QPersistentModelIndex

# How nested validation keys ('parties.1.actions.0.deposited_on') are put into words.
# Marked for pyside6-lupdate; attribute_words() gives them in the window's language.
ATTRIBUTE_WORDS = {
    "party": QT_TRANSLATE_NOOP("PartyEditor", "name"),
    "role": QT_TRANSLATE_NOOP("PartyEditor", "role"),
    "party_kind": QT_TRANSLATE_NOOP("PartyEditor", "party kind"),
    "signatory_name": QT_TRANSLATE_NOOP("PartyEditor", "signatory"),
    "signatory_title": QT_TRANSLATE_NOOP("PartyEditor", "signatory's title"),
    "type": QT_TRANSLATE_NOOP("PartyEditor", "type"),
    "deposited_on": QT_TRANSLATE_NOOP("PartyEditor", "date (signed / deposited)"),
    "effective_on": QT_TRANSLATE_NOOP("PartyEditor", "effective on"),
    "text": QT_TRANSLATE_NOOP("PartyEditor", "text"),
    "kind": QT_TRANSLATE_NOOP("PartyEditor", "kind"),
    "on": QT_TRANSLATE_NOOP("PartyEditor", "date"),
    "description": QT_TRANSLATE_NOOP("PartyEditor", "description"),
}
# The headers of every record table, this file's and its users' (the editor's milestones,
# the relation editor): RecordModel shows them in the window's language.
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


def attribute_words(attribute: str) -> str:
    """'signatory's title' for signatory_title, in the window's language."""
    words = ATTRIBUTE_WORDS.get(attribute)
    return translate("PartyEditor", words) if words else attribute


def date_hint() -> str:
    return translate("PartyEditor", DATE_HINT)


def header_label(column: Column) -> str:
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


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Draw (or remove) a red border around *widget*, and only around it, not its children."""
    # A style sheet of its own rather than a dynamic property and style().unpolish():
    # PySide6 6.12's QStyle.unpolish(QWidget) loses a reference to None on every call,
    # which crashes the interpreter once enough validation rounds have run.
    red = error_colour(widget, ColourRole.Base).name()
    sheet = f"#{widget.objectName()} {{ border: 1px solid {red}; }}" if invalid else ""
    if widget.styleSheet() == sheet:
        return
    if invalid and isinstance(widget, QLineEdit):
        widget.setMinimumHeight(
            widget.sizeHint().height()
        )  # a style sheet drops the frame's height
    widget.setStyleSheet(sheet)


def error_label(object_name: str) -> QLabel:
    """A hidden red label that shows a validation message under its widget."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(error_style(label))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


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


def act_date_words(action: ActionInput) -> str:
    """'signed on' for a signature, 'deposited on' for a ratification: treaty practice's words."""
    try:
        word = date_word(ActionType.parse(action.type))
    except ValueError:
        word = "dated"
    phrases = {
        "signed": translate("PartyEditor", "signed on"),
        "deposited": translate("PartyEditor", "deposited on"),
        "notified": translate("PartyEditor", "notified on"),
        "made": translate("PartyEditor", "made on"),
    }
    return phrases.get(word, translate("PartyEditor", "dated on"))


def _act_date_tooltip(action: ActionInput) -> str:
    words = act_date_words(action)
    return f"{words[:1].upper()}{words[1:]} ({date_hint()})"


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


def nested_errors(errors: dict[str, str], prefix: str) -> dict[int, dict[str, str]]:
    """'parties.1.role' -> {1: {'role': message}}; deeper keys keep their tail ('actions.0.to')."""
    found: dict[int, dict[str, str]] = {}
    for key, message in errors.items():
        parts = key.split(".", 2)
        if parts[0] == prefix and len(parts) == 3 and parts[1].isdigit():
            found.setdefault(int(parts[1]), {})[parts[2]] = message
    return found


class PartyEditor(QWidget):
    """The parties of an agreement: name, role, signatory, and each party's dated actions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = QStringListModel(self)
        self._country_names: dict[str, str] = {}
        self._known: set[str] = set()
        self._action_errors: dict[int, dict[tuple[int, str], str]] = {}
        self.new_party_edit = self._make_new_party_edit()
        self.add_button = QPushButton(self.tr("Add party"), self)
        self.add_button.setObjectName("addPartyButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_typed_party)
        self.error_label = error_label("partiesError")
        self.parties = RecordTable(
            self._party_columns(),
            lambda: ParticipationInput(party=""),
            noun="party",
            plural="parties",
            completions=self._names,
            movable=True,
            add_button=False,
            parent=self,
        )
        self.actions_label = QLabel(self)
        self.actions = RecordTable(
            _ACTION_COLUMNS,
            lambda: ActionInput(type=ActionType.SIGNATURE.value),
            noun="action",
            plural="actions",
            parent=self,
        )
        self.parties.current_changed.connect(self._show_actions_of_current)
        self.parties.model.dataChanged.connect(self._update_actions_label)
        self._lay_out()
        self._show_actions_of_current()

    def _make_new_party_edit(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName("partyInput")
        edit.setAccessibleName(self.tr("New party"))
        edit.setPlaceholderText(
            self.tr("A state, organization or government body, e.g. Uzbekistan")
        )
        edit.setCompleter(make_completer(self._names, edit))
        edit.returnPressed.connect(self.add_typed_party)
        return edit

    def _party_columns(self) -> list[Column]:
        return [
            Column("party", "Party", completes=True, width=200),
            Column("role", "Role", vocabulary=Role, width=140),
            Column("signatory_name", "Signatory", width=150),
            Column("signatory_title", "Signatory's title", width=150),
            Column("party", "Recorded as", derive=self._recorded_as),
            # Used only when the name is new and no state or known organisation.
            Column("party_kind", "Kind if new", vocabulary=PartyKind, width=170),
        ]

    def _lay_out(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.new_party_edit, 1)
        adding.addWidget(self.add_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.actions_label)
        lower_layout.addWidget(self.actions, 1)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(adding)
        upper_layout.addWidget(self.error_label)
        upper_layout.addWidget(self.parties, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # ------------------------------------------------------------- data in and out

    def set_known_parties(self, names: list[str], country_names: list[str]) -> None:
        """Offer recorded parties and every ISO state as completions."""
        self._known = {fold(name) for name in names}
        merged = {fold(name): name for name in [*country_names, *names]}
        self._names.setStringList(sorted(merged.values(), key=fold))

    def set_parties(self, parties: list[ParticipationInput]) -> None:
        self._action_errors = {}
        self.parties.set_records(copy.deepcopy(parties))
        if parties:
            self.parties.select(0)

    def participations(self) -> list[ParticipationInput]:
        return copy.deepcopy(self.parties.model.records)

    def add_typed_party(self) -> int:
        """Add the party typed in the 'new party' box (or an empty row to fill in)."""
        name = " ".join(self.new_party_edit.text().split())
        row = self.parties.add(ParticipationInput(party=name))
        self.new_party_edit.clear()
        if not name:
            self.parties.edit_cell(row, "party")
        else:
            # Enter adds and stays, ready for the next name. After this turn of the event
            # loop: a completion picked with Return writes its text back once we are done.
            QTimer.singleShot(0, self._ready_for_next_party)
        return row

    def _ready_for_next_party(self) -> None:
        self.new_party_edit.clear()
        self.new_party_edit.setFocus()

    def _recorded_as(self, participation: ParticipationInput) -> str:
        """What saving will make of the name: the ISO state, a recorded party, or a new one."""
        name = participation.party.strip()
        if not name:
            return ""
        identity = find_identity(name)
        if identity is not None:
            return f"{identity.name} ({identity.code})"
        if fold(" ".join(name.split())) in self._known:
            return self.tr("recorded party")
        kind = PartyKind.parse(participation.party_kind)
        new = {
            PartyKind.STATE: self.tr("new state"),
            PartyKind.ORGANIZATION: self.tr("new international organization"),
            PartyKind.GOVERNMENT_BODY: self.tr("new government body"),
        }[kind]
        suggestion = misspelt(name)
        if suggestion:
            return fill(self.tr("%1 (did you mean %2?)"), new, suggestion)
        return new

    def _show_actions_of_current(self) -> None:
        row = self.parties.current_row()
        records = self.parties.model.records
        if row is None or row >= len(records):
            self.actions.set_records([])
            self.actions.setEnabled(False)
            self.actions_label.setText(self.tr("Actions: select a party above"))
            return
        participation = records[row]
        self.actions.setEnabled(True)
        self.actions.set_records(participation.actions)  # edited in place
        self.actions.model.set_errors(self._action_errors.get(row, {}))
        self._update_actions_label()

    def _update_actions_label(self) -> None:
        row = self.parties.current_row()
        records = self.parties.model.records
        if row is not None and row < len(records):
            name = records[row].party.strip() or fill(self.tr("party %1"), row + 1)
            self.actions_label.setText(
                fill(self.tr("Actions of %1 (signature, ratification, …):"), name)
            )

    # ------------------------------------------------------------- errors

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Show the 'parties…' messages of a ValidationError; True if there were any."""
        lines = [errors["parties"]] if "parties" in errors else []
        party_cells: dict[tuple[int, str], str] = {}
        self._action_errors = {}
        records = self.parties.model.records
        for row, problems in sorted(nested_errors(errors, "parties").items()):
            name = records[row].party.strip() if row < len(records) else ""
            where = fill(self.tr("Party %1"), row + 1) + (f" ({name})" if name else "")
            for tail, message in problems.items():
                lines.append(self._describe(where, row, tail, message, party_cells))
        self.parties.model.set_errors(party_cells)
        self._show_actions_of_current()
        show_error(self.error_label, "\n".join(lines))
        mark_invalid(self.parties.view, bool(lines))
        return bool(lines)

    def _describe(
        self,
        where: str,
        row: int,
        tail: str,
        message: str,
        party_cells: dict[tuple[int, str], str],
    ) -> str:
        parts = tail.split(".")
        if parts[0] == "actions" and len(parts) == 3 and parts[1].isdigit():
            number, attribute = int(parts[1]), parts[2]
            self._action_errors.setdefault(row, {})[(number, attribute)] = message
            party_cells[(row, "party")] = fill(self.tr("action %1: %2"), number + 1, message)
            words = attribute_words(attribute)
            if attribute == "deposited_on":
                words = self._act_date_words(row, number)
            return fill(self.tr("%1, action %2, %3: %4"), where, number + 1, words, message)
        party_cells[(row, tail)] = message
        return fill(self.tr("%1, %2: %3"), where, attribute_words(tail), message)

    def _act_date_words(self, row: int, number: int) -> str:
        """'signed on' for a signature's date, 'deposited on' for a ratification's …"""
        records = self.parties.model.records
        actions = records[row].actions if row < len(records) else []
        if number >= len(actions):
            return attribute_words("deposited_on")
        return act_date_words(actions[number])


_ACTION_COLUMNS = [
    Column("type", "Action", vocabulary=ActionType, width=170),
    # One column holds the date of every act: a signature is signed, an instrument deposited,
    # a withdrawal notified; the header says so and each row's tooltip names its own word.
    Column(
        "deposited_on",
        "Date (signed / deposited)",
        is_date=True,
        width=160,
        tooltip=_act_date_tooltip,
    ),
    Column("effective_on", "Effective on", is_date=True, width=120),
    Column("text", "Text (reservation, declaration …)"),
]

"""The agreement dialog's Relations tab: protocol to, amends, supersedes … another agreement.

The other agreement is picked by typing words of its title: a search of a few rows runs
on the window's worker 250 ms after the last key, so a database of any size answers as
fast as a small one and typing never waits for it; an answer for older words is dropped.
Relations recorded on other agreements that point here are shown, read-only, in their
own words (a treaty 'Has protocol' its protocol) — except 'Replaced by', which the older
agreement's editor adds and removes too: it is saved as "the newer one supersedes this".
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.relations import PICKER_LIMIT, AgreementChoice
from models.service import RelationInput
from models.vocab import RelationType
from ui.form_errors import attribute_words, error_label, mark_invalid, nested_errors, show_error
from ui.record_table import Column, RecordTable
from ui.translations import fill
from ui.vocab_labels import inverse_label, label
from ui.workers import Worker

SEARCH_DELAY_MS = 250  # as the main search box: a search per pause, not per key
# Runs on the worker thread: it opens its own session and touches no widget.
Search = Callable[[str], list[AgreementChoice]]
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_KEYPAD = Qt.KeyboardModifier.KeypadModifier  # the Enter key of the number pad
# Not a stored type: the other side of "supersedes", offered in the type list so that the
# older agreement's editor can say what replaced it (issue #12).
translate = QCoreApplication.translate
REPLACED_BY = RelationType.SUPERSEDES.inverse


class _EnterAdds(QObject):
    """Return in the picker adds the chosen agreement and goes no further: not to the dialog."""

    def __init__(self, editor: RelationEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, _KEYPAD)
        if event.key() in _ENTER_KEYS and plain:  # Ctrl+Return still saves the dialog
            self._editor.add_chosen()
            return True
        if event.key() == Qt.Key.Key_Down and watched is self._editor.search_edit:
            self._editor.results.setFocus()  # from the words down into the matches
            return True
        return False


class RelationEditor(QWidget):
    """This agreement's own relations (editable) and those others hold to it (shown)."""

    searched = Signal(str)  # the matches for these words are listed (tests wait on it)

    def __init__(self, search: Search, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._worker = worker
        self._searching: str | None = None  # the words of the search under way, if any
        self._add_when_found = False  # Enter came before the matches: add once they arrive
        self._choices: dict[int, AgreementChoice] = {}
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("relationTypeCombo")
        self.type_combo.setAccessibleName(self.tr("Relation"))
        for member in RelationType:
            self.type_combo.addItem(label(member), member.value)
        self.type_combo.addItem(inverse_label(RelationType.SUPERSEDES), REPLACED_BY)
        self.type_combo.currentIndexChanged.connect(lambda _index: self._enable_change())
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("relationSearchEdit")
        self.search_edit.setAccessibleName(self.tr("Other agreement"))
        self.search_edit.setPlaceholderText(
            self.tr("Words of the other agreement's title, e.g. Aral Sea")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("relationResults")
        self.results.setAccessibleName(self.tr("Matching agreements"))
        self.results.itemDoubleClicked.connect(lambda _item: self.add_chosen())
        self.status = QLabel(self)
        self.status.setObjectName("relationSearchStatus")
        self.status.setEnabled(False)
        self.add_button = self._button("addRelationButton", self.tr("&Add"), self.add_chosen)
        self.table = RecordTable(
            [
                Column("type", "Relation", vocabulary=RelationType, width=170),
                Column("other_id", "Other agreement", derive=self._describe),
            ],
            lambda: None,
            noun="relation",
            plural="relations",
            add_button=False,
            parent=self,
        )
        self.change_button = self._button(
            "changeRelationButton", self.tr("&Change type"), self.change_type
        )
        self.error_label = error_label("relationsError")
        self._replaced_by: list[int] = []
        self.replaced_label = QLabel(
            self.tr("Replaced by (saved as: that agreement supersedes this)"), self
        )
        self.replaced_list = QListWidget(self)
        self.replaced_list.setObjectName("replacedByList")
        self.replaced_list.setAccessibleName(self.tr("Replaced by"))
        self.remove_replaced_button = self._button(
            "removeReplacedByButton", self.tr("Remove replaced &by"), self.remove_replaced_by
        )
        self.incoming_label = QLabel(self)
        self.incoming_label.setObjectName("incomingRelations")
        self.incoming_label.setWordWrap(True)
        self.incoming_label.setTextFormat(Qt.TextFormat.PlainText)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        enter = _EnterAdds(self)
        self.search_edit.installEventFilter(enter)
        self.results.installEventFilter(enter)
        self._lay_out()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Return must never save and close the dialog from here
        button.clicked.connect(lambda: slot())
        return button

    def _lay_out(self) -> None:
        picker = QHBoxLayout()
        picker.addWidget(self.type_combo)
        picker.addWidget(self.search_edit, 1)
        picker.addWidget(self.add_button)
        # The table's own row of buttons (Remove) gets Change type beside it.
        buttons = self.table.layout().itemAt(1).layout()  # type: ignore[union-attr]  # RecordTable's: a view, then a row of buttons
        buttons.insertWidget(0, self.change_button)  # type: ignore[union-attr]  # that row is a QHBoxLayout
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Choose how this agreement relates to another, find that one by words of "
                    "its title, and press Enter (or Add)."
                ),
                self,
            )
        )
        layout.addLayout(picker)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.replaced_label)
        replaced = QHBoxLayout()
        replaced.addWidget(self.replaced_list, 1)
        replaced.addWidget(self.remove_replaced_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(replaced, 1)
        layout.addWidget(self.incoming_label)
        remove = self.table.findChild(QPushButton, "removeRelationButton")
        order = [self.type_combo, self.search_edit, self.results, self.add_button]
        order += [self.table.view, self.change_button, remove]  # type: ignore[list-item]  # the table has one
        order += [self.replaced_list, self.remove_replaced_button]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)  # as laid out, not as created

    # ------------------------------------------------------------- data in and out

    def set_relations(
        self,
        relations: list[RelationInput],
        choices: dict[int, AgreementChoice],
        incoming: Sequence[tuple[RelationType, AgreementChoice]] = (),
    ) -> None:
        """Show *relations* (with the other agreements' titles) and those pointing here."""
        self._choices.update(choices)
        self._choices.update((choice.id, choice) for _kind, choice in incoming)
        self.table.set_records(copy.deepcopy(relations))
        superseding = [c.id for kind, c in incoming if kind == RelationType.SUPERSEDES]
        self.set_replaced_by(superseding)
        lines = [
            f"{inverse_label(kind)}: {choice.label}"
            for kind, choice in incoming
            if kind != RelationType.SUPERSEDES
        ]
        self.incoming_label.setText(
            self.tr("Recorded on other agreements (edit them to change these):")
            + "\n"
            + "\n".join(lines)
            if lines
            else ""
        )
        self.incoming_label.setVisible(bool(lines))

    def relations(self) -> list[RelationInput]:
        return copy.deepcopy(self.table.model.records)

    def set_replaced_by(self, ids: Sequence[int]) -> None:
        """Show *ids* as the agreements that replaced this one (what counts as unchanged)."""
        self._replaced_by = list(ids)
        self._show_replaced_by()

    def replaced_by(self) -> list[int]:
        """The agreements to be saved as superseding this one."""
        return list(self._replaced_by)

    def remove_replaced_by(self) -> None:
        """Take the selected agreement off the 'Replaced by' list."""
        row = self.replaced_list.currentRow()
        if 0 <= row < len(self._replaced_by):
            del self._replaced_by[row]
            self._show_replaced_by()
            self.replaced_list.setCurrentRow(min(row, len(self._replaced_by) - 1))

    def _show_replaced_by(self) -> None:
        self.replaced_list.clear()
        for other in self._replaced_by:
            self.replaced_list.addItem(self._describe(RelationInput(REPLACED_BY, other)))
        self.remove_replaced_button.setEnabled(bool(self._replaced_by))

    def _describe(self, relation: RelationInput) -> str:
        choice = self._choices.get(relation.other_id)
        if choice:
            return choice.label
        return fill(self.tr("agreement %1 (not found)"), relation.other_id)

    # ------------------------------------------------------------- picking

    def run_search(self) -> None:
        """Search the titles for the words typed (on the worker); the matches are listed."""
        self._timer.stop()
        text = self.search_edit.text()
        if not text.strip():
            self._searching = None
            self._show_found(text, [])
            return
        self._searching = text
        search = self._search
        self._worker.submit(
            lambda _job: search(text),
            lambda found: self._found(text, found),
            lambda error: self._failed(text, error),
        )

    def _found(self, text: str, found: list[AgreementChoice]) -> None:
        if text != self._searching or text != self.search_edit.text():
            return  # words typed since, or the picker emptied: a newer answer is coming
        self._searching = None
        self._show_found(text, found)
        if self._add_when_found:
            self._add_when_found = False
            self.add_chosen()

    def _failed(self, text: str, error: BaseException) -> None:
        if text != self._searching:
            return
        self._searching = None
        self._add_when_found = False
        self.results.clear()
        self.status.setText(fill(self.tr("The search failed: %1"), error))

    def _show_found(self, text: str, found: list[AgreementChoice]) -> None:
        """List the agreements whose title has the words typed (the first few, by title)."""
        self.results.clear()
        for choice in found:
            item = QListWidgetItem(choice.label, self.results)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            self._choices[choice.id] = choice
        if found:
            self.results.setCurrentRow(0)
        self.status.setText(_search_status(text.strip(), len(found)))
        self.searched.emit(text)

    def add_chosen(self) -> int | None:
        """Add a relation of the chosen type to the highlighted agreement; return its row.

        Typed faster than the pause (or while the search runs), the words are searched
        first and the first match is added when it arrives (None is returned meanwhile).
        """
        if self._timer.isActive():
            self.run_search()  # Enter typed faster than the pause: search now
        if self._searching is not None:
            self._add_when_found = True
            return None
        item = self.results.currentItem()
        if item is None:
            return None
        other = item.data(Qt.ItemDataRole.UserRole)
        if self.type_combo.currentData() == REPLACED_BY:
            row = self._add_replaced_by(other)
        else:
            relation = RelationInput(self.type_combo.currentData(), other)
            self.table.model.insert(self.table.model.rowCount(), relation)
            row = self.table.model.rowCount() - 1
            self.table.select(row)
        self.search_edit.clear()
        self._timer.stop()  # clearing the words is no search to make
        self.results.clear()
        self.status.setText("")
        self.search_edit.setFocus()  # ready for the next one
        return row

    def _add_replaced_by(self, other: int) -> int:
        """Put *other* on the 'Replaced by' list (once); return its row there."""
        if other not in self._replaced_by:
            self._replaced_by.append(other)
            self._show_replaced_by()
        row = self._replaced_by.index(other)
        self.replaced_list.setCurrentRow(row)
        return row

    def _enable_change(self) -> None:
        # 'Replaced by' is held by the other agreement: no relation of this one becomes it.
        self.change_button.setEnabled(self.type_combo.currentData() != REPLACED_BY)

    def change_type(self) -> None:
        """Give the selected relation the type chosen above."""
        row = self.table.current_row()
        if row is None or self.type_combo.currentData() == REPLACED_BY:
            return
        index = self.table.model.index(row, 0)
        self.table.model.setData(index, self.type_combo.currentData())

    # ------------------------------------------------------------- validation messages

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Mark the relations in error and list their messages; True if there were any."""
        cells: dict[tuple[int, str], str] = {}
        lines = []
        for row, problems in sorted(nested_errors(errors, "relations").items()):
            for attribute, message in problems.items():
                cells[(row, attribute)] = message
                words = (
                    self.tr("other agreement")
                    if attribute == "other_id"
                    else attribute_words(attribute)
                )
                lines.append(fill(self.tr("Relation %1, %2: %3"), row + 1, words, message))
        for row, problems in sorted(nested_errors(errors, "replaced_by").items()):
            line = self.tr("Replaced by %1: %2")
            lines += [fill(line, row + 1, message) for message in problems.values()]
        self.table.model.set_errors(cells)
        show_error(self.error_label, "\n".join(lines))
        mark_invalid(self.table.view, bool(lines))
        return bool(lines)


def _search_status(text: str, found: int) -> str:
    """What the line under the matches says: none, how to add, or that more match."""
    if not text:
        return ""
    if not found:
        return fill(translate("RelationEditor", "No agreement has '%1' in its title."), text)
    if found >= PICKER_LIMIT:
        return translate(
            "RelationEditor",
            "Enter adds the highlighted agreement. More match: type another word to narrow "
            "the list.",
        )
    return translate("RelationEditor", "Enter adds the highlighted agreement.")

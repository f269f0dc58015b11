"""The parties of an agreement, for the agreement dialog: each party's row and its dated actions.

Two record tables (ui/record_table.py), the parties above and the selected party's actions
below, with a box to type a new party's name and the validation messages of both.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.parties import find_identity, misspelt
from models.service import ActionInput, ParticipationInput
from models.status import date_word
from models.text import fold
from models.vocab import ActionType, PartyKind, Role
from ui.form_errors import attribute_words, error_label, mark_invalid, nested_errors, show_error
from ui.record_table import Column, RecordTable, date_hint, make_completer
from ui.translations import fill

translate = QCoreApplication.translate


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
        self.action_table = RecordTable(
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
        lower_layout.addWidget(self.action_table, 1)
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
            self.action_table.set_records([])
            self.action_table.setEnabled(False)
            self.actions_label.setText(self.tr("Actions: select a party above"))
            return
        participation = records[row]
        self.action_table.setEnabled(True)
        self.action_table.set_records(participation.actions)  # edited in place
        self.action_table.model.set_errors(self._action_errors.get(row, {}))
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

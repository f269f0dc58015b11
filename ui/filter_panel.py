"""The filter panel: search box, saved views, field tree, parties, status/kind/level, dates.

Every value shows how many agreements match it under the current filter; ticking a
value filters at once, typing in the search box filters after a short pause.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum, auto

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QRegularExpression,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.dates import PartialDate
from models.query import AgreementFilter, Facets, FieldNode, PartyEntry
from models.text import fold
from models.views import ViewEntry
from models.vocab import Kind, Level, PartyKind, Status, Vocabulary
from ui import vocab_labels
from ui.colours import Role, error_colour
from ui.due_filter import due_list, show_filter, ticked_due
from ui.item_roles import COUNT_ROLE, ID_ROLE, NAME_ROLE
from ui.model_messages import message_text

SEARCH_DEBOUNCE_MS = 250
_DATE_PATTERN = QRegularExpression(r"^$|^\d{4}(-\d{2}(-\d{2})?)?$")
_KINDS = set(PartyKind.values())


def _label(name: str, number: int | None) -> str:
    return name if number is None else f"{name}  ({QLocale().toString(number)})"


def _named(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


class CatalogCommand(Enum):
    """What a view's, a party's or a field's context menu asks the window to do with it."""

    RENAME = auto()
    MERGE = auto()  # parties and fields only
    DELETE = auto()


class FilterPanel(QWidget):
    filter_changed = Signal(object)  # AgreementFilter
    view_chosen = Signal(object)  # ViewEntry
    save_view_requested = Signal()
    # (CatalogCommand, what it applies to); "object", as Qt's signatures know no Python enum.
    view_action = Signal(object, object)  # (RENAME | DELETE, ViewEntry)
    party_action = Signal(object, int)  # (CatalogCommand, party id)
    field_action = Signal(object, int)  # (CatalogCommand, field id)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._updating = False
        self.read_only = False
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_search())
        sections = QSplitter(Qt.Orientation.Vertical, self)
        sections.setObjectName("filterSections")
        sections.setChildrenCollapsible(False)
        sections.addWidget(self._build_views())
        sections.addWidget(self._build_fields())
        sections.addWidget(self._build_parties())
        sections.addWidget(self._build_vocabularies())
        sections.setSizes([90, 220, 260, 170])
        layout.addWidget(sections, 1)
        layout.addWidget(self._build_dates())
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        _named(self.clear_button, "clearFiltersButton", self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)

    # ------------------------------------------------------------ building

    def _build_search(self) -> QWidget:
        self.search_box = QLineEdit(self)
        _named(self.search_box, "searchBox", self.tr("Search agreements"))
        self.search_box.setPlaceholderText(self.tr("Search titles, summaries, places, parties…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setToolTip(
            self.tr("Filters as you type (Ctrl+F). Accents and case don't matter.")
        )
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self._flush_search)
        return self.search_box

    def _group(self, title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in widgets:
            layout.addWidget(widget)
        return box

    def _build_views(self) -> QWidget:
        self.views = QListWidget(self)
        _named(self.views, "savedViews", self.tr("Saved views"))
        self.views.itemActivated.connect(self._choose_view)
        self.views.itemClicked.connect(self._choose_view)
        self.views.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.views.customContextMenuRequested.connect(self._view_menu)
        self.save_view_button = QPushButton(self.tr("Save current filter as view…"), self)
        _named(self.save_view_button, "saveViewButton", self.tr("Save current filter as a view"))
        self.save_view_button.clicked.connect(self.save_view_requested)
        return self._group(self.tr("Saved views"), self.views, self.save_view_button)

    def _build_fields(self) -> QWidget:
        self.fields = QTreeWidget(self)
        _named(self.fields, "fieldFilter", self.tr("Fields"))
        self.fields.setHeaderHidden(True)
        self.fields.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.fields.itemChanged.connect(self._item_changed)
        self.fields.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.fields.customContextMenuRequested.connect(self._field_menu)
        return self._group(self.tr("Fields"), self.fields)

    def _build_parties(self) -> QWidget:
        self.party_search = QLineEdit(self)
        _named(self.party_search, "partySearch", self.tr("Find a party in the list"))
        self.party_search.setPlaceholderText(self.tr("Find a party…"))
        self.party_search.setClearButtonEnabled(True)
        self.party_search.textChanged.connect(self._filter_party_list)
        self.parties = QListWidget(self)
        _named(self.parties, "partyFilter", self.tr("Parties"))
        # Long names lose their middle, not the count at their end.
        self.parties.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.parties.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.parties.itemChanged.connect(self._item_changed)
        self.parties.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.parties.customContextMenuRequested.connect(self._party_menu)
        self.any_party = QCheckBox(self.tr("Any of the ticked parties (not all)"), self)
        _named(self.any_party, "anyPartyCheck", self.tr("Match any of the ticked parties"))
        self.any_party.setToolTip(
            self.tr("Off: agreements between all ticked parties. On: agreements of any of them.")
        )
        self.any_party.toggled.connect(lambda _on: self._emit())
        return self._group(self.tr("Parties"), self.party_search, self.parties, self.any_party)

    def _build_vocabularies(self) -> QWidget:
        tabs = QTabWidget(self)
        self.statuses = self._vocabulary_list("statusFilter", self.tr("Status"), Status)
        self.kinds = self._vocabulary_list("kindFilter", self.tr("Kind"), Kind)
        self.levels = self._vocabulary_list("levelFilter", self.tr("Level"), Level)
        tabs.addTab(self.statuses, self.tr("Status"))
        tabs.addTab(self.kinds, self.tr("Kind"))
        tabs.addTab(self.levels, self.tr("Level"))
        self.due = due_list(self)
        self.due.itemChanged.connect(self._item_changed)
        tabs.addTab(self.due, self.tr("Due"))
        return tabs

    def _vocabulary_list(
        self, name: str, accessible: str, vocabulary: type[Vocabulary]
    ) -> QListWidget:
        widget = QListWidget(self)
        _named(widget, name, accessible)
        for member in vocabulary:
            item = QListWidgetItem(vocab_labels.label(member), widget)
            item.setData(ID_ROLE, member)
            item.setData(NAME_ROLE, vocab_labels.label(member))
            item.setCheckState(Qt.CheckState.Unchecked)
        widget.itemChanged.connect(self._item_changed)
        return widget

    def _build_dates(self) -> QWidget:
        box = QGroupBox(self.tr("Signed"), self)
        _named(box, "dateFilter", self.tr("Signed between"))
        form = QFormLayout(box)
        form.setContentsMargins(4, 4, 4, 4)
        self.signed_from = self._date_edit("signedFromEdit", self.tr("Signed from"))
        self.signed_to = self._date_edit("signedToEdit", self.tr("Signed up to"))
        row = QHBoxLayout()
        row.addWidget(self.signed_from)
        row.addWidget(self.signed_to)
        form.addRow(self.tr("From / to"), row)
        return box

    def _date_edit(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        _named(edit, name, accessible)
        edit.setPlaceholderText(self.tr("YYYY[-MM[-DD]]"))
        edit.setValidator(QRegularExpressionValidator(_DATE_PATTERN, edit))
        edit.setClearButtonEnabled(True)
        edit.editingFinished.connect(self._emit)
        edit.textChanged.connect(lambda text: self._emit() if not text else None)
        return edit

    # ------------------------------------------------------------ filling

    def set_fields(self, nodes: Sequence[FieldNode]) -> None:
        """Rebuild the field tree, keeping what was ticked."""
        ticked = set(self._checked_ids(self._field_items()))
        self._updating = True
        self.fields.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for node in sorted(nodes, key=lambda n: n.path.count(">")):
            parent = items.get(node.parent_id) if node.parent_id else None
            item = QTreeWidgetItem(parent) if parent else QTreeWidgetItem(self.fields)
            item.setText(0, node.name)
            item.setData(0, ID_ROLE, node.id)
            item.setData(0, NAME_ROLE, node.name)
            item.setToolTip(0, node.path)
            item.setCheckState(
                0, Qt.CheckState.Checked if node.id in ticked else Qt.CheckState.Unchecked
            )
            items[node.id] = item
        self.fields.sortItems(0, Qt.SortOrder.AscendingOrder)
        self.fields.expandAll()
        self._updating = False

    def set_parties(self, entries: Sequence[PartyEntry]) -> None:
        ticked = set(self._checked_ids(self._list_items(self.parties)))
        self._updating = True
        self.parties.clear()
        for entry in entries:
            item = QListWidgetItem(entry.name, self.parties)
            item.setData(ID_ROLE, entry.id)
            item.setData(NAME_ROLE, entry.name)
            kind = vocab_labels.label(PartyKind(entry.kind)) if entry.kind in _KINDS else entry.kind
            item.setToolTip(f"{entry.name} — {kind}" + (f", {entry.iso3}" if entry.iso3 else ""))
            item.setCheckState(
                Qt.CheckState.Checked if entry.id in ticked else Qt.CheckState.Unchecked
            )
        self._updating = False
        self._filter_party_list(self.party_search.text())

    def set_views(self, views: Sequence[ViewEntry]) -> None:
        self.views.clear()
        for view in views:
            item = QListWidgetItem(view.name, self.views)
            item.setData(ID_ROLE, view)

    def set_counts(self, facets: Facets) -> None:
        """Show the number of matching agreements beside every value.

        Only the values whose number changed are touched: after a save most counts stay,
        and each item set costs the lists a repaint (25 ms at 250,000 agreements for all).
        """
        self._updating = True
        # Their itemChanged would call back into Python for each text and colour set.
        blockers = [QSignalBlocker(widget) for widget in (self.fields, *self._count_lists())]
        palette = self.palette()
        brushes = {
            zero: palette.brush(
                palette.ColorGroup.Disabled if zero else palette.ColorGroup.Active,
                palette.ColorRole.Text,
            )
            for zero in (False, True)
        }
        for item in self._field_items():
            number = facets.fields.get(item.data(0, ID_ROLE), 0)
            if item.data(0, COUNT_ROLE) != number:
                item.setData(0, COUNT_ROLE, number)
                item.setText(0, _label(item.data(0, NAME_ROLE), number))
                item.setForeground(0, brushes[number == 0])
        for widget, counts in zip(
            self._count_lists(),
            (facets.parties, facets.statuses, facets.kinds, facets.levels, facets.due),
            strict=True,
        ):
            for item in self._list_items(widget):
                number = counts.get(item.data(ID_ROLE), 0)  # type: ignore[attr-defined]  # dicts, all
                if item.data(COUNT_ROLE) != number:
                    item.setData(COUNT_ROLE, number)
                    item.setText(_label(item.data(NAME_ROLE), number))
                    item.setForeground(brushes[number == 0])
        del blockers
        self._updating = False

    def _count_lists(self) -> tuple[QListWidget, ...]:
        """The lists whose values show a count, in the order of Facets' fields."""
        return (self.parties, self.statuses, self.kinds, self.levels, self.due)

    # ------------------------------------------------------------ reading and setting

    def current_filter(self) -> AgreementFilter:
        return AgreementFilter(
            fields=tuple(self._checked_ids(self._field_items())),
            parties=tuple(self._checked_ids(self._list_items(self.parties))),
            any_party=self.any_party.isChecked(),
            kinds=tuple(self._checked_ids(self._list_items(self.kinds))),
            statuses=tuple(self._checked_ids(self._list_items(self.statuses))),
            levels=tuple(self._checked_ids(self._list_items(self.levels))),
            signed_from=self._date(self.signed_from),
            signed_to=self._date(self.signed_to),
            text=self.search_text(),
            **ticked_due(self.due),  # type: ignore[arg-type]  # the due keywords only
        )

    def search_text(self) -> str:
        """The words searched for: current_filter().text, without reading every list."""
        return self.search_box.text().strip()

    def set_filter(self, wanted: AgreementFilter) -> None:
        """Show *wanted* in the widgets (a saved view, or Clear) and filter by it once."""
        self._updating = True
        self._search_timer.stop()
        self.search_box.setText(wanted.text)
        self._search_timer.stop()
        for item in self._field_items():
            state = item.data(0, ID_ROLE) in wanted.fields
            item.setCheckState(0, Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
        for widget, chosen in (
            (self.parties, wanted.parties),
            (self.statuses, wanted.statuses),
            (self.kinds, wanted.kinds),
            (self.levels, wanted.levels),
        ):
            for item in self._list_items(widget):
                state = item.data(ID_ROLE) in chosen
                item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
        show_filter(self.due, wanted)
        self.any_party.setChecked(wanted.any_party)
        self.signed_from.setText(wanted.signed_from.iso() if wanted.signed_from else "")
        self.signed_to.setText(wanted.signed_to.iso() if wanted.signed_to else "")
        self._updating = False
        self._emit()

    def clear(self) -> None:
        """No filter, and no saved view highlighted as if it were still the one shown."""
        self.views.clearSelection()
        self.views.setCurrentItem(None)  # type: ignore[call-overload]  # Qt takes None: no current item
        self.set_filter(AgreementFilter())

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # ------------------------------------------------------------ internals

    def _emit(self) -> None:
        if not self._updating:
            self.filter_changed.emit(self.current_filter())

    def _flush_search(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._emit()

    def _item_changed(self, *_args: object) -> None:
        self._emit()

    @staticmethod
    def _date(edit: QLineEdit) -> PartialDate | None:
        try:
            value = PartialDate.parse_optional(edit.text())
        except ValueError as error:
            edit.setToolTip(message_text(error))
            edit.setStyleSheet(f"border: 1px solid {error_colour(edit, Role.Base).name()};")
            return None
        edit.setToolTip(
            QCoreApplication.translate(
                "FilterPanel", "A year, a year and month, or a day: 2021, 2021-12, 2021-12-06"
            )
        )
        edit.setStyleSheet("")
        return value

    def _field_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        pending = [self.fields.topLevelItem(i) for i in range(self.fields.topLevelItemCount())]
        while pending:
            item = pending.pop()
            found.append(item)  # type: ignore[arg-type]  # indices in range: never None
            pending.extend(item.child(i) for i in range(item.childCount()))  # type: ignore[union-attr]  # as above
        return found

    @staticmethod
    def _list_items(widget: QListWidget) -> list[QListWidgetItem]:
        return [widget.item(row) for row in range(widget.count())]

    @staticmethod
    def _checked_ids(items: Iterable[QTreeWidgetItem | QListWidgetItem]) -> list:
        found = []
        for item in items:
            if isinstance(item, QTreeWidgetItem):
                if item.checkState(0) == Qt.CheckState.Checked:
                    found.append(item.data(0, ID_ROLE))
            elif item.checkState() == Qt.CheckState.Checked:
                found.append(item.data(ID_ROLE))
        return found

    def _filter_party_list(self, text: str) -> None:
        wanted = fold(text.strip())
        for item in self._list_items(self.parties):
            item.setHidden(bool(wanted) and wanted not in fold(item.data(NAME_ROLE)))

    def _choose_view(self, item: QListWidgetItem) -> None:
        self.view_chosen.emit(item.data(ID_ROLE))

    def set_read_only(self, read_only: bool) -> None:
        """On a connection that may not write: no saving, renaming, merging or deleting."""
        self.read_only = read_only
        self.save_view_button.setEnabled(not read_only)

    def _menu(self, widget: QWidget, position, entries: list[tuple[str, object]]) -> None:
        if self.read_only:
            return  # every entry of these menus changes the database
        menu = QMenu(widget)
        for text, slot in entries:
            action = QAction(text, menu)
            action.triggered.connect(slot)
            menu.addAction(action)
        menu.popup(widget.mapToGlobal(position))

    def _view_menu(self, position) -> None:
        item = self.views.itemAt(position)
        if item is not None:
            view = item.data(ID_ROLE)
            self._menu(
                self.views,
                position,
                [
                    (
                        self.tr("Rename view…"),
                        lambda: self.view_action.emit(CatalogCommand.RENAME, view),
                    ),
                    (
                        self.tr("Delete view"),
                        lambda: self.view_action.emit(CatalogCommand.DELETE, view),
                    ),
                ],
            )

    def _party_menu(self, position) -> None:
        item = self.parties.itemAt(position)
        if item is not None:
            self._catalog_menu(
                self.parties, position, self.party_action, item.data(ID_ROLE), "party"
            )

    def _field_menu(self, position) -> None:
        item = self.fields.itemAt(position)
        if item is not None:
            self._catalog_menu(
                self.fields, position, self.field_action, item.data(0, ID_ROLE), "field"
            )

    def _catalog_menu(self, widget: QWidget, position, signal, item_id: int, noun: str) -> None:
        words = self._catalog_words()[noun]
        self._menu(
            widget,
            position,
            [
                (words[0], lambda: signal.emit(CatalogCommand.RENAME, item_id)),
                (words[1], lambda: signal.emit(CatalogCommand.MERGE, item_id)),
                (words[2], lambda: signal.emit(CatalogCommand.DELETE, item_id)),
            ],
        )

    def _catalog_words(self) -> dict[str, tuple[str, str, str]]:
        """A party's or a field's menu: whole phrases, as other languages decline the noun."""
        return {
            "party": (
                self.tr("Rename party…"),
                self.tr("Merge into another party…"),
                self.tr("Delete party (if unused)"),
            ),
            "field": (
                self.tr("Rename field…"),
                self.tr("Merge into another field…"),
                self.tr("Delete field (if unused)"),
            ),
        }

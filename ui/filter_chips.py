"""Above the table: the active filters as removable chips, and a word when nothing matches.

Each chip names one condition of the filter ("Transport", "Kazakhstan", "signed 2021") with
an × that removes just that condition; an empty result says "No agreements match" with a
button to clear the filters. install(...) puts both in place.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from models.query import AgreementFilter
from models.vocab import Kind, Level, Status
from ui import locale_text
from ui.filter_panel import FilterPanel
from ui.item_roles import ID_ROLE, NAME_ROLE
from ui.translations import fill
from ui.vocab_labels import label

Chip = tuple[str, AgreementFilter]  # (words on the chip, the filter once it is removed)
translate = QCoreApplication.translate
# The vocabulary of each filter attribute: the panel hands back plain strings.
_VOCABULARIES = {"kinds": Kind, "statuses": Status, "levels": Level}


def _vocabulary_words(attribute: str, value: object) -> str:
    """The value's label in the window's language ('Действует' for 'in force')."""
    words = str(getattr(value, "value", value))
    try:
        return label(_VOCABULARIES[attribute](words))
    except ValueError:
        return words[:1].upper() + words[1:]


def chips_of(
    wanted: AgreementFilter, field_names: dict[int, str], party_names: dict[int, str]
) -> list[Chip]:
    """One chip per condition, each with the filter that removing it leaves."""
    chips: list[Chip] = []
    if wanted.text.strip():
        chips.append((f"“{' '.join(wanted.text.split())}”", wanted.replace(text="")))
    for field in wanted.fields:
        rest = tuple(i for i in wanted.fields if i != field)
        name = field_names.get(field) or fill(translate("FilterChips", "field %1"), field)
        chips.append((name, wanted.replace(fields=rest)))
    for party in wanted.parties:
        rest = tuple(i for i in wanted.parties if i != party)
        name = party_names.get(party) or fill(translate("FilterChips", "party %1"), party)
        chips.append((name, wanted.replace(parties=rest)))
    for attribute in ("kinds", "statuses", "levels"):
        chosen = getattr(wanted, attribute)
        for value in chosen:
            rest = tuple(v for v in chosen if v != value)
            words = _vocabulary_words(attribute, value)
            chips.append((words, wanted.replace(**{attribute: rest})))
    if wanted.signed_from or wanted.signed_to:
        start, end = wanted.signed_from, wanted.signed_to
        if start and end:
            words = fill(
                translate("FilterChips", "signed %1 – %2"),
                locale_text.partial_date(start),
                locale_text.partial_date(end),
            )
        elif start:
            words = fill(
                translate("FilterChips", "signed from %1"), locale_text.partial_date(start)
            )
        else:
            words = fill(translate("FilterChips", "signed up to %1"), locale_text.partial_date(end))
        chips.append((words, wanted.replace(signed_from=None, signed_to=None)))
    return chips


def panel_names(panel: FilterPanel) -> tuple[dict[int, str], dict[int, str]]:
    """The names the filter panel shows for field and party ids (field paths in full)."""
    fields: dict[int, str] = {}
    iterator = QTreeWidgetItemIterator(panel.fields)
    while iterator.value():
        item = iterator.value()
        fields[int(item.data(0, ID_ROLE))] = item.toolTip(0) or str(item.data(0, NAME_ROLE))
        iterator += 1
    parties = {
        int(item.data(ID_ROLE)): str(item.data(NAME_ROLE)) for item in _list_items(panel.parties)
    }
    return fields, parties


def _list_items(widget) -> Iterator:
    return (widget.item(row) for row in range(widget.count()))


class ActiveFilters(QWidget):
    """A row of chips, one per active condition; hidden when nothing is filtered."""

    removed = Signal(object)  # the AgreementFilter left once a chip is removed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activeFilters")
        self.setAccessibleName(self.tr("Active filters"))
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(2, 2, 2, 4)
        self._layout.setSpacing(4)
        self.hide()

    def show_filter(self, chips: list[Chip]) -> None:
        while self._layout.count():
            widget = self._layout.takeAt(0).widget()  # type: ignore[union-attr]  # count() says there is one
            if widget is not None:
                widget.deleteLater()
        for words, rest in chips:
            chip = QToolButton(self)
            chip.setObjectName("filterChip")
            chip.setText(f"{words}  ×")
            chip.setToolTip(fill(self.tr("Remove this filter: %1"), words))
            chip.setAccessibleName(fill(self.tr("Remove filter %1"), words))
            chip.setAutoRaise(False)
            chip.clicked.connect(lambda _checked=False, rest=rest: self.removed.emit(rest))
            self._layout.addWidget(chip)
        self._layout.addStretch(1)
        self.setVisible(bool(chips))


class NothingMatches(QWidget):
    """Laid over the empty table: what happened, and the way out."""

    clear_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("nothingMatches")
        label = QLabel(self.tr("No agreements match"), self)
        label.setObjectName("nothingMatchesLabel")
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        label.setFont(font)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Remove a filter above, or start again."), self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setEnabled(False)  # the palette's muted text, light or dark
        button = QPushButton(self.tr("Clear filters"), self)
        button.setObjectName("clearFiltersEmptyButton")
        button.clicked.connect(self.clear_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(hint)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        self.hide()


class _FollowSize(QObject):
    """Keeps the overlay the size of the table's viewport."""

    def __init__(self, overlay: QWidget) -> None:
        super().__init__(overlay)
        self.overlay = overlay

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.overlay.setGeometry(watched.rect())
        return False


def install(
    panel: FilterPanel,
    splitter: QSplitter,
    stack: QStackedWidget,
    table: QTableView,
    rows_shown: SignalInstance,
) -> tuple[ActiveFilters, NothingMatches]:
    """Chips above the table (in the *splitter*, over the table/welcome *stack*), and the
    'No agreements match' overlay on the table, shown after *rows_shown* when it is empty."""
    # Owned by the splitter's parent until the splitter takes it in the stack's place: a
    # child of the splitter already would be the stack's sibling, which it refuses.
    column = QWidget(splitter.parentWidget())
    chips = ActiveFilters(column)
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    splitter.replaceWidget(splitter.indexOf(stack), column)
    layout.addWidget(chips)
    layout.addWidget(stack, 1)

    def refresh_chips(wanted: AgreementFilter) -> None:
        chips.show_filter(chips_of(wanted, *panel_names(panel)))

    panel.filter_changed.connect(refresh_chips)
    chips.removed.connect(panel.set_filter)

    viewport = table.viewport()
    empty = NothingMatches(viewport)
    empty.setGeometry(viewport.rect())
    viewport.installEventFilter(_FollowSize(empty))
    empty.clear_requested.connect(panel.clear)

    def show_empty() -> None:
        empty.setVisible(table.model().rowCount() == 0)

    rows_shown.connect(show_empty)
    return chips, empty

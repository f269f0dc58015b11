"""The agreement table reads its pages on a thread of its own, one read per page at a time."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QModelRoleData, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from models.database import Database
from models.service import create
from tests.backends import BACKENDS
from tests.builders import agreement
from ui.agreement_table_model import LOADING, AgreementTableModel
from ui.held_painting import BAND_ROWS, HeldTableView
from ui.item_roles import ID_ROLE


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Readers on a connection of their own: on both back ends."""
    return str(request.param)


@pytest.fixture
def ids(database: Database) -> list[int]:
    with database.sessions.begin() as session:
        return [
            create(session, agreement(f"Treaty {number:03d} on Oʻzbekiston–Türkiye transit")).id
            for number in range(210)  # a page and a bit
        ]


@pytest.fixture
def model(database: Database, qapp) -> Iterator[AgreementTableModel]:  # type: ignore[no-untyped-def]
    table = AgreementTableModel(database.sessions)
    yield table
    table.shutdown()


def _hold(model: AgreementTableModel) -> threading.Event:
    """Keep the reader busy until the event is set, as a slow disk or server would."""
    gate = threading.Event()
    model.reader.submit(lambda _job: gate.wait(10), lambda _result: None)
    return gate


def _title(model: AgreementTableModel, row: int) -> object:
    return model.data(model.index(row, 0))


def test_a_page_is_read_once_however_often_it_is_drawn_and_repaints_only_itself(
    model: AgreementTableModel, ids: list[int], qtbot
) -> None:
    model.set_ids(ids)
    painted: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, _roles: painted.append((first.row(), last.row())))
    gate = _hold(model)
    for _ in range(3):
        assert _title(model, 205) == LOADING
        assert model.data(model.index(209, 5)) is None
    with qtbot.waitSignal(model.page_arrived) as arrived:
        gate.set()
    assert arrived.args == [1] and model.pages_fetched == 1
    assert painted == [(200, 209)]
    assert _title(model, 205) == "Treaty 205 on Oʻzbekiston–Türkiye transit"
    assert not model.reading()


def test_a_page_read_for_the_ids_of_an_old_filter_is_dropped(
    model: AgreementTableModel, ids: list[int], qtbot
) -> None:
    model.set_ids(ids)
    gate = _hold(model)
    assert _title(model, 205) == LOADING  # asked for the old list
    model.set_ids(list(reversed(ids)))  # the filter or sort changed meanwhile
    assert _title(model, 205) == LOADING
    with qtbot.waitSignal(model.page_arrived):
        gate.set()
    assert model.pages_fetched == 1  # the old list's page was not read (or was dropped)
    assert _title(model, 205) == "Treaty 004 on Oʻzbekiston–Türkiye transit"


def test_a_page_read_before_a_change_is_read_again(
    model: AgreementTableModel, ids: list[int], database: Database, qtbot
) -> None:
    model.set_ids(ids)
    gate = _hold(model)
    assert _title(model, 0) == LOADING
    model.refresh_rows([ids[3]])  # an edit saved while the page was on its way
    with qtbot.waitSignal(model.dataChanged):
        gate.set()
    qtbot.waitUntil(lambda: _title(model, 0) != LOADING)
    assert model.pages_fetched == 1 and _title(model, 3).startswith("Treaty 003")


def test_pages_scrolled_past_are_not_read(
    model: AgreementTableModel, ids: list[int], qtbot
) -> None:
    model.set_ids(ids * 10)  # 2,100 rows, 11 pages
    gate = _hold(model)
    for row in range(0, 2100, 200):  # a quick scroll to the end
        assert _title(model, row) == LOADING
    with qtbot.waitSignal(model.page_arrived):
        gate.set()
    qtbot.waitUntil(lambda: not model.reading())
    assert model.pages_fetched == AgreementTableModel.MAX_WAITING
    assert str(_title(model, 2099)).startswith("Treaty 209")
    assert model.data(QModelIndex()) is None


def test_rows_are_found_for_a_few_agreements_and_for_many(
    model: AgreementTableModel, ids: list[int]
) -> None:
    """A save asks for one row, a selection restored after a filter for hundreds: both right."""
    shown = list(reversed(ids))
    model.set_ids(shown)
    missing = max(ids) + 1
    assert model.row_of(ids[0]) == len(ids) - 1
    assert model.row_of(missing) is None
    assert [model.row_of(agreement_id) for agreement_id in ids] == list(range(len(ids)))[::-1]
    assert model.row_of(missing) is None
    model.set_ids(ids[:3])  # a new result: nothing found in the old order
    assert (model.row_of(ids[2]), model.row_of(ids[200])) == (2, None)


class _Counted(AgreementTableModel):
    """The table model, counting how often a view asks it for a cell, and how."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]  # the model's own arguments
        self.asked = {"data": 0, "multiData": 0, "index": 0, "rowCount": 0, "columnCount": 0}

    def index(self, row, column, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008
        self.asked["index"] += 1
        return super().index(row, column, parent)

    def rowCount(self, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008
        self.asked["rowCount"] += 1
        return super().rowCount(parent)

    def columnCount(self, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008
        self.asked["columnCount"] += 1
        return super().columnCount(parent)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        self.asked["data"] += 1
        return super().data(index, role)

    def multiData(self, index, roles):  # type: ignore[no-untyped-def]
        self.asked["multiData"] += 1
        super().multiData(index, roles)


def test_the_table_paints_each_cell_with_two_calls_into_the_model(
    database: Database, ids: list[int], qtbot
) -> None:
    """Each call into Python waits for the interpreter while a search runs beside it:
    a painted cell asks once for all its roles (it asked seven times) and once for its
    index (Qt's own asked the row and column counts), so typing during a search does
    not stall the window."""
    model = _Counted(database.sessions)
    view = _showing(QTableView(), model, ids, qtbot)
    model.asked.update(dict.fromkeys(model.asked, 0))
    shot = view.viewport().grab()
    assert not shot.isNull()
    cells = model.asked["multiData"]
    assert cells >= 10 * 5  # rows and columns in view, each asked once
    assert model.asked["data"] == 0
    assert model.asked["index"] <= cells + 10  # a cell's index, and a few of the view's own
    assert model.asked["rowCount"] + model.asked["columnCount"] < 10  # not per cell
    model.shutdown()


@pytest.mark.parametrize(
    "role",
    [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.DecorationRole,
        ID_ROLE,
    ],
)
def test_a_cell_answers_every_role_in_one_call_as_it_does_one_at_a_time(
    model: AgreementTableModel, ids: list[int], database: Database, qtbot, role: Qt.ItemDataRole
) -> None:
    """Whether a page is being read, read, or holds an agreement deleted since: the same."""
    model.set_ids([*ids[:5], max(ids) + 1, *ids[200:]])  # row 5: not found when read

    def answers() -> list[tuple[object, object]]:
        found = []
        for row in (0, 5, 7):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                asked = QModelRoleData(role)
                model.multiData(index, asked)
                found.append((model.data(index, role), asked.data()))
        return found

    gate = _hold(model)
    assert _title(model, 0) == LOADING  # its page is asked for
    reading = answers()
    assert all(one == many for one, many in reading)
    assert (LOADING, LOADING) in reading or role != Qt.ItemDataRole.DisplayRole
    with qtbot.waitSignal(model.page_arrived):
        gate.set()
    read = answers()
    assert all(one == many for one, many in read)
    if role == Qt.ItemDataRole.DisplayRole:
        titles = [one for one, _many in read[:: model.columnCount()]]
        assert titles == [
            "Treaty 000 on Oʻzbekiston–Türkiye transit",
            "(deleted)",
            "Treaty 201 on Oʻzbekiston–Türkiye transit",
        ]


class _Watched(AgreementTableModel):
    """The table model, noting each cell a view paints; the first lets a thread go."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]  # the model's own arguments
        self.log: list[str] = []
        self.first_cell = threading.Event()

    def multiData(self, index, roles):  # type: ignore[no-untyped-def]
        self.log.append("cell")
        self.first_cell.set()
        super().multiData(index, roles)


def _showing(view: QTableView, model: AgreementTableModel, ids: list[int], qtbot) -> QTableView:  # type: ignore[no-untyped-def]
    """*view* on *model* showing *ids*, shown, its first page read."""
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 400)
    with qtbot.waitSignal(model.page_arrived):
        model.set_ids(ids)
        view.show()
    qtbot.waitExposed(view)
    return view


def test_the_table_paints_all_its_cells_before_a_waiting_thread_runs(
    database: Database, ids: list[int], qtbot
) -> None:
    """Painted from the event loop, each cell's calls into Python let the interpreter go:
    a worker searching beside the window got in between cells, and each next cell waited
    for it to let go (a repaint during typing took 60-150 ms instead of 10). The table
    holds the interpreter from its first cell to its last (ui/held_painting.py)."""
    model = _Watched(database.sessions)
    view = _showing(HeldTableView(), model, ids, qtbot)
    view.resize(900, BAND_ROWS * view.verticalHeader().defaultSectionSize())  # one band
    qtbot.waitUntil(lambda: view.viewport().height() < view.height())
    model.log.clear()
    model.first_cell.clear()

    def worker() -> None:
        model.first_cell.wait(10)
        model.log.append("worker")

    thread = threading.Thread(target=worker)
    interval = sys.getswitchinterval()
    # The waiting thread gets the interpreter when it is let go, not by asking for it.
    sys.setswitchinterval(10)
    try:
        thread.start()
        view.viewport().update()
        qtbot.waitUntil(lambda: "worker" in model.log)
        thread.join(10)
    finally:
        sys.setswitchinterval(interval)
    assert model.log.count("cell") >= 5 * 5  # rows and columns in view
    assert model.log.index("worker") == len(model.log) - 1  # after the last cell
    assert len(model._kept) == 0  # what the paint kept is handed over to be freed
    model.shutdown()


class _Banded(HeldTableView):
    """The table view, noting the rows each of its paints asked the model for."""

    def __init__(self) -> None:
        super().__init__()
        self.paints: list[set[int]] = []

    def paintEvent(self, event):  # type: ignore[no-untyped-def]
        self.paints.append(set())
        super().paintEvent(event)


class _Rows(AgreementTableModel):
    """The table model, telling its view which rows it paints."""

    view: _Banded

    def multiData(self, index, roles):  # type: ignore[no-untyped-def]
        self.view.paints[-1].add(index.row())
        super().multiData(index, roles)


def _banded(database: Database, ids: list[int], qtbot) -> _Banded:  # type: ignore[no-untyped-def]
    model = _Rows(database.sessions)
    model.view = _Banded()
    view = _showing(model.view, model, ids, qtbot)
    view.paints.clear()
    view.resize(900, 40 * view.verticalHeader().defaultSectionSize())
    qtbot.waitUntil(lambda: view.rowAt(view.viewport().height() - 1) > 3 * BAND_ROWS)
    qtbot.waitUntil(lambda: _shown(view) <= set().union(*view.paints))  # the resize's bands
    view.paints.clear()
    return view


def _shown(view: QTableView) -> set[int]:
    """The rows in view."""
    return set(range(view.rowAt(0), view.rowAt(view.viewport().height() - 1) + 1))


def test_a_paint_of_the_whole_table_is_done_a_band_of_rows_at_a_time_top_first(
    database: Database, ids: list[int], qtbot
) -> None:
    """New rows for each key typed repaint the whole table: 13-45 ms of Qt laying out text
    in one turn of the event loop, the longest stall of typing. Between bands, keys and
    timers get their turn; the table is whole a few milliseconds later."""
    view = _banded(database, ids, qtbot)
    shown = _shown(view)
    view.viewport().update()
    qtbot.waitUntil(lambda: shown <= set().union(*view.paints))
    first, *later = [rows for rows in view.paints if rows]
    assert first == set(range(BAND_ROWS))  # the top band alone
    assert len(later) >= 2 and all(len(rows) <= BAND_ROWS + 1 for rows in later)
    assert min(min(rows) for rows in later) >= BAND_ROWS - 1  # top first, then below
    view.model().shutdown()  # type: ignore[attr-defined]


def test_a_picture_of_the_table_is_painted_whole_at_once(
    database: Database, ids: list[int], qtbot
) -> None:
    """grab() (a screenshot) paints into a picture, not the screen: no band is
    left for later, or the picture would show them empty."""
    view = _banded(database, ids, qtbot)
    shown = _shown(view)
    view.viewport().grab()
    assert [rows for rows in view.paints if rows] == [shown]
    view.model().shutdown()  # type: ignore[attr-defined]


def test_a_persistent_index_asked_about_is_not_kept_to_be_freed_elsewhere(
    model: AgreementTableModel, ids: list[int]
) -> None:
    """Freeing a persistent index updates its model: it must happen on the GUI thread."""
    model.set_ids(ids)
    model.free_kept_values()
    persistent = QPersistentModelIndex(model.index(0, 0))
    model.data(persistent)
    model.rowCount(persistent)
    assert len(model._kept) == 2  # the index made by model.index, and its parent

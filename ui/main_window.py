"""The main window: filter panel, agreement table and detail pane, with the actions on them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from models import catalog, service, views
from models.audit import audit_trail
from models.database import Database, DatabaseError, open_database, storage_failure
from models.detail import load_detail
from models.facet_index import FacetIndex
from models.limits import ID_MAX
from models.query import (
    AgreementFilter,
    AgreementRow,
    Facets,
    Sort,
    SortColumn,
    agreement_ids,
    count,
    facet_counts,
    fetch_rows,
    field_tree,
    party_list,
)
from models.redirects import find_agreement
from models.revision import current_revision
from ui.about_box import show_about
from ui.agreement_table_model import COLUMNS, AgreementTableModel
from ui.connect_dialog import ConnectDialog, remembered_name
from ui.detail_pane import DetailPane
from ui.file_drop import FileDrop
from ui.filter_panel import FilterPanel
from ui.settings import Settings
from ui.summary_printer import SummaryPrinter
from ui.transfers import Transfers
from ui.welcome_page import WelcomePage
from ui.workers import Cancelled, Job, Worker, run_with_progress

if TYPE_CHECKING:
    from ui.agreement_dialog import AgreementDialog

DEFAULT_SORT = Sort(SortColumn.SIGNED_ON, descending=True)


FACET_CACHE_SIZE = 32
SQL_COUNT_LIMIT = 20_000  # matches SQL counts fast enough while the index is rebuilt
REBUILD_RETRY_MS = (500, 2000, 10000)  # after builds that the data outran
CHANGE_POLL_MS = 3000


@dataclass(frozen=True)
class SearchResult:
    generation: int
    ids: list[int]
    total: int
    indexed: bool  # answered by a current FacetIndex (else by SQL: the index is stale)
    first_page: list[AgreementRow]
    revision: int  # of the data the answer reflects
    keep_view: bool = False  # a reload: keep the scroll position as it is


def _search(
    sessions,
    index: FacetIndex | None,
    wanted: AgreementFilter,
    sort: Sort,
    generation: int,
    keep_view: bool,
    job: Job,
) -> SearchResult:  # type: ignore[no-untyped-def]
    with sessions() as session:
        revision = current_revision(session)
        indexed = index is not None and index.revision == revision
        if index is not None and indexed:
            ids, total = index.ids(session, wanted, sort), index.total
            # ids() may read a sort order or a text search: still the same data?
            indexed = current_revision(session) == revision
        if not indexed:
            ids = agreement_ids(session, wanted, sort)
            job.check()
            total = count(session)
        # The rows the table shows first, read here rather than on the GUI thread.
        first_page = fetch_rows(session, ids[: AgreementTableModel.PAGE_SIZE])
        return SearchResult(generation, ids, total, indexed, first_page, revision, keep_view)


def _first_page(
    sessions, wanted: AgreementFilter, sort: Sort, generation: int, job: Job
) -> SearchResult:  # type: ignore[no-untyped-def]
    """Just the rows a freshly opened window shows first: the full search follows at once."""
    job.check()
    with sessions() as session:
        ids = agreement_ids(session, wanted, sort, limit=AgreementTableModel.PAGE_SIZE)
        rows = fetch_rows(session, ids)
        return SearchResult(generation, ids, count(session), False, rows, -1)


def _facets(
    sessions, index: FacetIndex | None, wanted: AgreementFilter, sql_limit: int, job: Job
) -> Facets | None:  # type: ignore[no-untyped-def]
    """The counts from a current index, or from SQL for up to *sql_limit* matches; else None.

    None means: wait for the index to be rebuilt. Counting a broad filter in SQL would hold
    up the next search for a second at a quarter of a million agreements, and even a narrow
    one competes with the build for the interpreter, so that typing would stutter.
    """
    job.check()
    with sessions() as session:
        if index is not None and index.is_current(session):
            return index.facets(session, wanted)
        if sql_limit and count(session, wanted) <= sql_limit:
            return facet_counts(session, wanted)
    return None


def _read_revision(sessions, _job: Job) -> int:  # type: ignore[no-untyped-def]
    with sessions() as session:
        return current_revision(session)


def _build_index(sessions, job: Job) -> FacetIndex | None:  # type: ignore[no-untyped-def]
    with sessions() as session:
        return FacetIndex.build(session, job.check)


def _title(database: Database) -> str:
    url = database.url
    if url.get_backend_name() == "sqlite":
        return Path(database.name).name
    return f"{url.database} on {url.host or 'this computer'}"


def _find(sessions, number: int) -> tuple[int | None, str | None]:  # type: ignore[no-untyped-def]
    """The agreement that answers for *number* and any notice; (None, why) when there is none."""
    with sessions() as session:
        try:
            return find_agreement(session, number)
        except service.NotFoundError as error:
            return None, str(error)


def _remembered(database: Database) -> str:
    url = database.url
    return database.name if url.get_backend_name() == "sqlite" else remembered_name(url)


class MainWindow(QMainWindow):
    first_page_shown = Signal()  # the first rows of the latest filter are on screen
    rows_shown = Signal()  # the table and status bar show the latest filter (counts may follow)
    refreshed = Signal()  # the table, counts and status bar show the latest filter
    went_to = Signal(str)  # Go to agreement answered: what the status bar says

    def __init__(self, database: Database, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.settings = settings
        self.worker = Worker(self)
        # The index is built on a thread of its own, so that the table keeps answering
        # (from SQL) while it is built at start-up or after a change.
        self.index_worker = Worker(self)
        self._index: FacetIndex | None = None
        self._index_job: Job | None = None
        self._shown_revision: int | None = None  # of the data the table shows
        self._failed_builds = 0
        self._catalog: tuple[object, ...] = ()
        # Others (another window, another analyst on a team database) may change the data:
        # a cheap read of the data revision every few seconds notices it.
        self.change_poll = QTimer(self, interval=CHANGE_POLL_MS, timeout=self._poll_changes)
        self.change_poll.start()
        self.editor: AgreementDialog | None = None
        self._sort = DEFAULT_SORT
        self._generation = 0
        self._deleted: list[list[service.DeletedAgreement]] = []
        self._pending_selection: list[int] | None = None
        self._search_job: Job | None = None
        self._facet_job: Job | None = None
        self._facet_cache: dict[AgreementFilter, Facets] = {}
        self.setObjectName("mainWindow")
        self._build_actions()
        self._build_widgets()
        self._build_menus()
        self.file_drop = FileDrop(self, self.transfers.import_agreements)
        self._restore_settings()
        self._open(database)

    # ------------------------------------------------------------ building

    def _action(self, name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip or text.replace("…", "").replace("&", ""))
        action.setStatusTip(action.toolTip())
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.action_new = self._action("actionNew", "&New agreement…", self.new_agreement, key.New)
        self.action_edit = self._action(
            "actionEdit", "&Edit…", self.edit_agreement, tip="Edit (Enter)"
        )
        self.action_duplicate = self._action(
            "actionDuplicate", "&Duplicate…", self.duplicate_agreement, "Ctrl+D"
        )
        self.action_delete = self._action(
            "actionDelete", "De&lete", self.delete_agreements, key.Delete
        )
        self.action_undo = self._action("actionUndo", "&Undo delete", self.undo_delete, key.Undo)
        self.action_merge = self._action(
            "actionMerge",
            "&Merge…",
            self.merge_selected,
            tip="Merge the two selected agreements into one, choosing each fact",
        )
        self.transfers = Transfers(self)
        self.action_import = self._action(
            "actionImport",
            "&Import…",
            lambda: self.transfers.import_agreements(),
            "Ctrl+I",
            "Import agreements from a CSV or JSON file",
        )
        self.action_export = self._action(
            "actionExport",
            "E&xport…",
            self.transfers.export_agreements,
            "Ctrl+E",
            "Export the agreements shown (or the selected ones) to CSV or JSON",
        )
        self.action_export_pdf = self._action(
            "actionExportPdf",
            "Export &PDF…",
            self.transfers.export_pdf,
            "Ctrl+P",
            "A PDF summary of the agreements shown (or the selected ones)",
        )
        self.summary_printer = SummaryPrinter(self)
        self.action_print = self._action(
            "actionPrint",
            "P&rint summary…",
            self.summary_printer.print_summary,
            "Ctrl+Shift+P",
            "Print the summary of the agreements shown (or the selected ones)",
        )
        self.action_fact_sheet = self._action(
            "actionExportFactSheet",
            "Export &fact sheet…",
            self.transfers.export_fact_sheet,
            tip="A PDF fact sheet of the selected agreement",
        )
        self.action_find = self._action("actionFind", "&Find", self._focus_search, key.Find)
        self.action_go_to = self._action(
            "actionGoTo",
            "&Go to agreement…",
            self.go_to_agreement,
            "Ctrl+G",
            "Show the agreement with a given number (also the old number of a merged one)",
        )
        self.action_clear = self._action(
            "actionClearFilters", "&Clear filters", self._clear_filters, "Ctrl+Shift+L"
        )
        self.action_refresh = self._action(
            "actionRefresh",
            "&Refresh",
            self.reload_from_database,
            key.Refresh,
            "Show the latest data, including changes made elsewhere (F5)",
        )
        self.action_new_db = self._action("actionNewDatabase", "&New database…", self.new_database)
        self.action_open_db = self._action(
            "actionOpenDatabase", "&Open database…", self.open_database_file, key.Open
        )
        self.action_connect = self._action(
            "actionConnectTeamDatabase",
            "&Connect to team database…",
            self.connect_team_database,
            tip="Work on a PostgreSQL database shared by your team",
        )
        self.action_quit = self._action("actionQuit", "&Quit", self.close, key.Quit)
        self.action_save_view = self._action(
            "actionSaveView", "&Save filter as view…", self.save_view
        )
        self.action_about = self._action(
            "actionAbout", "&About Treaty Tracker", lambda: show_about(self)
        )
        self.action_about.setMenuRole(QAction.MenuRole.AboutRole)  # macOS: the app menu

    def _build_widgets(self) -> None:
        self.filter_panel = FilterPanel(self)
        self.filter_panel.filter_changed.connect(lambda _f: self.refresh())
        self.filter_panel.save_view_requested.connect(self.save_view)
        self.filter_panel.view_chosen.connect(
            lambda view: self.filter_panel.set_filter(view.filter)
        )
        self.filter_panel.view_action.connect(self._view_action)
        self.filter_panel.party_action.connect(self._party_action)
        self.filter_panel.field_action.connect(self._field_action)

        self.model = AgreementTableModel(self.database.sessions, self)
        self.table = QTableView(self)
        self.table.setObjectName("agreementTable")
        self.table.setAccessibleName("Agreements")
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for number, column in enumerate(COLUMNS):
            header.resizeSection(number, column.width)
            header.setSectionHidden(number, not column.shown)
        default_column = next(i for i, c in enumerate(COLUMNS) if c.sort == DEFAULT_SORT.column)
        header.setSortIndicator(default_column, Qt.SortOrder.DescendingOrder)
        # Enabling sorting makes Qt ask the model to sort by the indicator: set it first.
        self.table.setSortingEnabled(True)
        self._sort = DEFAULT_SORT
        self.model.sort_requested.connect(self._sort_by)
        self.table.doubleClicked.connect(lambda _index: self.edit_agreement())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.edit_agreement)

        self.welcome = WelcomePage(self)
        self.welcome.load_sample_requested.connect(self.load_sample_agreements)
        self.welcome.import_requested.connect(lambda: self.transfers.import_agreements())
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.welcome)

        self.detail = DetailPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.filter_panel)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 760, 360])
        self.setCentralWidget(self.splitter)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.read_only_label = QLabel("Read-only", self)
        self.read_only_label.setObjectName("readOnlyLabel")
        self.read_only_label.setToolTip(
            "Your user may browse, filter and export this database but not change it."
        )
        self.read_only_label.hide()
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.status_label)
        self.setTabOrder(self.filter_panel.search_box, self.table)
        self.setTabOrder(self.table, self.detail)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.action_new_db, self.action_open_db])
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.action_connect)
        file_menu.addSeparator()
        file_menu.addActions(
            [self.action_import, self.action_export, self.action_export_pdf, self.action_fact_sheet]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.action_print)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.action_undo])
        edit_menu.addSeparator()
        edit_menu.addActions(self._record_actions())
        edit_menu.addAction(self.action_merge)
        edit_menu.addSeparator()
        edit_menu.addActions(
            [self.action_find, self.action_go_to, self.action_clear, self.action_save_view]
        )
        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.action_refresh)
        self.columns_menu = view_menu.addMenu("&Columns")
        self.columns_menu.aboutToShow.connect(lambda: self._fill_columns_menu(self.columns_menu))
        bar.addMenu("&Help").addAction(self.action_about)
        toolbar = self.addToolBar("Agreements")
        toolbar.setObjectName("mainToolbar")
        toolbar.addActions([*self._record_actions(), self.action_undo])
        toolbar.addSeparator()
        toolbar.addActions([self.action_import, self.action_export, self.action_export_pdf])
        self._update_actions()

    def _record_actions(self) -> list[QAction]:
        return [self.action_new, self.action_edit, self.action_duplicate, self.action_delete]

    # ------------------------------------------------------------ database

    def _open(self, database: Database) -> None:
        self.database = database
        self.model.set_sessions(database.sessions)
        self.setWindowTitle(f"Treaty Tracker — {_title(database)}")
        self.settings.remember_database(_remembered(database))
        self._deleted.clear()
        self._index = None
        if self._index_job is not None:
            self._index_job.cancel()
            self._index_job = None
        self.model.set_ids([])
        read_only = not database.can_write
        self.filter_panel.set_read_only(read_only)
        self.welcome.sample_button.setEnabled(not read_only)
        self.welcome.import_button.setEnabled(not read_only)
        self.read_only_label.setVisible(read_only)
        self._update_actions()
        self.reload_catalog()
        self.refresh(first_page=True)

    def switch_database(self, target: str | URL) -> bool:
        """Open another database (file or URL); on failure say why and keep the current one."""
        try:
            database = open_database(target)
        except DatabaseError as error:
            QMessageBox.warning(self, "Can't open the database", str(error))
            return False
        old = self.database
        if self._search_job is not None:
            self._search_job.cancel()
        self._open(database)
        # Closed after any job already queued on the old database has run.
        self.worker.submit(lambda _job: old.close(), lambda _result: None)
        if database.backup:
            self.statusBar().showMessage(
                f"Upgraded; a copy of the old database was kept as {database.backup.name}", 10000
            )
        return True

    def connect_team_database(self) -> None:
        last = next((name for name in self.settings.recent_databases if "://" in name), None)
        dialog = ConnectDialog(last, self)
        if dialog.exec() == ConnectDialog.DialogCode.Accepted:
            self.switch_database(dialog.url())

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New database", str(Path.home()), "Treaty Tracker databases (*.db)"
        )
        if path:
            if not path.endswith(".db"):
                path += ".db"
            if Path(path).exists():
                QMessageBox.warning(
                    self, "New database", f"{path} already exists; open it instead."
                )
                return
            self.switch_database(path)

    def open_database_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open database",
            str(Path.home()),
            "Treaty Tracker databases (*.db);;All files (*)",
        )
        if path:
            self.switch_database(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for name in self.settings.recent_databases:
            action = self.recent_menu.addAction(name)
            action.triggered.connect(lambda _checked=False, n=name: self.switch_database(n))
        self.recent_menu.setEnabled(bool(self.settings.recent_databases))

    # ------------------------------------------------------------ querying

    def reload_catalog(self) -> None:
        """Refill the field tree, party list and saved views (after they may have changed)."""
        self._facet_cache.clear()  # called after every change: the counts may be stale
        with self.database.sessions() as session:
            catalog_now = (field_tree(session), party_list(session), views.list_views(session))
        if catalog_now == self._catalog:
            return  # unchanged: the lists keep their scroll positions
        self._catalog = catalog_now
        fields, parties, saved = catalog_now
        self.filter_panel.set_fields(fields)
        self.filter_panel.set_parties(parties)
        self.filter_panel.set_views(saved)

    def reload_from_database(self) -> None:
        """Show the data as it is now (F5), keeping the filter, selection and scroll position."""
        self.reload_catalog()
        self.refresh(keep_view=True)

    def _poll_changes(self) -> None:
        if self._shown_revision is None or self.worker.busy:
            return  # a search is on its way anyway
        sessions, database = self.database.sessions, self.database

        def seen(revision: int) -> None:
            if database is self.database and revision != self._shown_revision:
                self.reload_from_database()
                self.statusBar().showMessage("Updated with changes saved elsewhere.", 5000)

        self.worker.submit(lambda job: _read_revision(sessions, job), seen, lambda _error: None)

    def refresh(self, first_page: bool = False, keep_view: bool = False) -> None:
        """Run the current filter and sort off the GUI thread; the newest request wins.

        With *first_page* (a database just opened), its first rows are read and shown on
        their own before all the ids: a first page in milliseconds rather than a quarter
        of a second at a quarter of a million agreements. With *keep_view* (a reload of the
        same filter) the table keeps its scroll position.
        """
        self._generation += 1
        wanted = self.filter_panel.current_filter()
        sessions, sort, generation = self.database.sessions, self._sort, self._generation
        for job in (self._search_job, self._facet_job):
            if job is not None:
                job.cancel()  # its answer would be thrown away: stop it early
        if first_page:
            self.worker.submit(
                lambda job: _first_page(sessions, wanted, sort, generation, job),
                self._show_first_page,
                self._search_failed,
            )
        index = self._index
        self._search_job = self.worker.submit(
            lambda job: _search(sessions, index, wanted, sort, generation, keep_view, job),
            self._show_result,
            self._search_failed,
        )

    def _show_first_page(self, result: SearchResult) -> None:
        if result.generation != self._generation or self.model.rowCount():
            return
        self.model.set_ids(result.ids, result.first_page)
        self.status_label.setText(f"Reading {result.total:,} agreements…")
        self.stack.setCurrentWidget(self.welcome if result.total == 0 else self.table)
        self.first_page_shown.emit()

    def _show_result(self, result: SearchResult) -> None:
        if result.generation != self._generation:
            return  # a newer filter is on its way
        keep = self._pending_selection or self.selected_ids()
        self._pending_selection = None
        top_row = self.table.rowAt(0)
        top_id = self.model.id_at(top_row) if 0 <= top_row < self.model.rowCount() else None
        self._shown_revision = result.revision
        self.model.set_ids(result.ids, result.first_page)
        self.status_label.setText(f"Showing {len(result.ids):,} of {result.total:,} agreements")
        self.stack.setCurrentWidget(self.welcome if result.total == 0 else self.table)
        self.select_ids(keep, scroll=not result.keep_view)
        if result.keep_view and top_id is not None:
            # The same agreement stays at the top, however many rows arrived above it.
            row = self.model.row_of(top_id)
            if row is not None:
                self.table.scrollTo(
                    self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop
                )
        self._update_actions()
        self.first_page_shown.emit()
        self.rows_shown.emit()
        if not result.indexed:
            self._facet_cache.clear()  # the data has changed since they were counted
        self._request_counts()

    def _request_counts(self) -> None:
        """Count the current filter per facet: from the cache, the index, or once it is built."""
        wanted, generation = self.filter_panel.current_filter(), self._generation
        cached = self._facet_cache.get(wanted)
        if cached is not None:
            self._show_counts(generation, wanted, cached)
            return
        sessions, index = self.database.sessions, self._index
        # SQL counts only while no build is running (it is backing off after the data
        # outran it): a build in progress brings the counts within seconds.
        sql_limit = SQL_COUNT_LIMIT if self._index_job is None else 0
        self._facet_job = self.worker.submit(
            lambda job: _facets(sessions, index, wanted, sql_limit, job),
            lambda facets: self._show_counts(generation, wanted, facets),
            self._search_failed,
        )

    def _show_counts(self, generation: int, wanted: AgreementFilter, facets: Facets | None) -> None:
        if generation != self._generation:
            return
        if facets is None:
            self._rebuild_index()
            return
        if len(self._facet_cache) >= FACET_CACHE_SIZE:
            self._facet_cache.pop(next(iter(self._facet_cache)))
        self._facet_cache[wanted] = facets
        self.filter_panel.set_counts(facets)
        self.refreshed.emit()

    def _rebuild_index(self) -> None:
        """Build a FacetIndex of the data as it is now (once at a time); counts follow."""
        if self._index_job is not None:
            return
        database = self.database

        def built(index: FacetIndex | None) -> None:
            if database is not self.database:
                return  # another database was opened meanwhile
            self._index_job = None
            if index is None:  # the data changed while it was read: read it again, later
                delay = REBUILD_RETRY_MS[min(self._failed_builds, len(REBUILD_RETRY_MS) - 1)]
                self._failed_builds += 1
                QTimer.singleShot(delay, self._rebuild_index)
                return
            self._failed_builds = 0
            self._index = index
            self._facet_cache.clear()
            self._request_counts()

        def failed(error: BaseException) -> None:
            if database is self.database:
                self._index_job = None
                self._search_failed(error)

        self._index_job = self.index_worker.submit(
            lambda job: _build_index(database.sessions, job), built, failed
        )

    def _search_failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            self._show_error(error)

    def _show_error(self, error: BaseException) -> None:
        # A damaged or busy file is named as on the command line, not as a failed query.
        known = storage_failure(self.database.url, error)
        QMessageBox.critical(self, "Treaty Tracker", known or f"The search failed: {error}")

    def _sort_by(self, sort: Sort) -> None:
        self._sort = sort
        self.refresh()

    # ------------------------------------------------------------ selection

    def selected_ids(self) -> list[int]:
        selection = self.table.selectionModel()
        rows = sorted(index.row() for index in selection.selectedRows()) if selection else []
        return [self.model.id_at(row) for row in rows]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if index.isValid() and index.row() < self.model.rowCount():
            return self.model.id_at(index.row())
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_ids(self, ids: list[int], scroll: bool = True) -> None:
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        first: QModelIndex | None = None
        for agreement_id in ids:
            row = self.model.row_of(agreement_id)
            if row is None:
                continue
            index = self.model.index(row, 0)
            selection.select(index, flags.Select | flags.Rows)
            first = first or index
        if first is not None:
            selection.setCurrentIndex(first, flags.NoUpdate)
            if scroll:
                self.table.scrollTo(first)
        self._show_current()

    def _show_current(self) -> None:
        agreement_id = self.current_id()
        if agreement_id is None:
            self.detail.show_nothing()
            return
        try:
            with self.database.sessions() as session:
                self.detail.show_detail(load_detail(session, agreement_id))
        except service.NotFoundError:
            with self.database.sessions() as session:
                self.detail.show_deleted(audit_trail(session, agreement_id))

    def _selection_changed(self, *_args: object) -> None:
        self._show_current()
        self._update_actions()

    def _update_actions(self) -> None:
        count_selected = len(self.selected_ids())
        # The server decides: a user without write privilege browses, filters and exports.
        writable = self.database.can_write
        self.action_new.setEnabled(writable)
        self.action_edit.setEnabled(writable and count_selected == 1)
        self.action_duplicate.setEnabled(writable and count_selected == 1)
        self.action_fact_sheet.setEnabled(count_selected == 1)
        shown = self.model.rowCount() > 0
        self.action_export.setEnabled(shown)
        self.action_export_pdf.setEnabled(True)  # an empty result still makes a valid PDF
        self.action_delete.setEnabled(writable and count_selected > 0)
        self.action_merge.setEnabled(writable and count_selected == 2)
        self.action_undo.setEnabled(writable and bool(self._deleted))
        self.action_import.setEnabled(writable)
        self.action_save_view.setEnabled(writable)
        if self._deleted:
            number = len(self._deleted[-1])
            self.action_undo.setText(f"&Undo delete of {number} agreement{'s' * (number != 1)}")
        else:
            self.action_undo.setText("&Undo delete")

    # ------------------------------------------------------------ editing

    def new_agreement(self) -> None:
        from ui.agreement_dialog import AgreementDialog  # on first use: a faster start

        self._open_editor(AgreementDialog(self.database.sessions, parent=self))

    def edit_agreement(self) -> None:
        if not self.database.can_write:  # double-click and Enter reach here too
            self.statusBar().showMessage(
                "Read-only: your user may not change agreements in this database.", 5000
            )
            return
        agreement_id = self.current_id()
        if agreement_id is None:
            return
        try:
            from ui.agreement_dialog import AgreementDialog

            dialog = AgreementDialog(self.database.sessions, agreement_id, parent=self)
        except service.NotFoundError as error:
            QMessageBox.warning(self, "Edit agreement", str(error))
            self.refresh()
            return
        self._open_editor(dialog)

    def duplicate_agreement(self) -> None:
        agreement_id = self.current_id()
        if agreement_id is None:
            return
        try:
            with self.database.sessions() as session:
                template, _version = service.load_input(session, agreement_id)
        except service.NotFoundError as error:
            QMessageBox.warning(self, "Duplicate agreement", str(error))
            self.refresh()
            return
        template.title = f"{template.title} (copy)"
        from ui.agreement_dialog import AgreementDialog

        dialog = AgreementDialog(self.database.sessions, template=template, parent=self)
        dialog.copied_from = agreement_id  # a copy made on purpose: no duplicate warning
        self._open_editor(dialog)

    def _open_editor(self, dialog: AgreementDialog) -> None:
        self.editor = dialog
        dialog.saved.connect(self._after_save)
        dialog.open_existing.connect(self._open_existing)
        dialog.open()

    def _open_existing(self, agreement_id: int) -> None:
        """The editor's 'Open existing' on a probable duplicate: that agreement, in the editor."""
        from ui.agreement_dialog import AgreementDialog

        self.select_ids([agreement_id])
        try:
            dialog = AgreementDialog(self.database.sessions, agreement_id, parent=self)
        except service.NotFoundError as error:
            QMessageBox.warning(self, "Edit agreement", str(error))
            return
        self._open_editor(dialog)

    def merge_selected(self) -> None:
        """Merge the two selected agreements (the older id is kept unless swapped)."""
        ids = sorted(self.selected_ids())
        if len(ids) != 2 or not self.database.can_write:
            return
        from ui.merge_dialog import MergeDialog  # on first use: a faster start

        try:
            dialog = MergeDialog(self.database.sessions, self.worker, ids[0], ids[1], self)
        except service.NotFoundError as error:
            QMessageBox.warning(self, "Merge agreements", str(error))
            self.refresh()
            return
        self.merge_dialog = dialog
        dialog.merged.connect(self._after_merge)
        dialog.open()

    def _after_merge(self, result) -> None:  # type: ignore[no-untyped-def]
        self.statusBar().showMessage(
            f"Merged agreement {result.merged_id} into {result.kept_id}.", 5000
        )
        self.after_bulk_change([result.kept_id])

    def _after_save(self, agreement_id: int) -> None:
        self._pending_selection = [agreement_id]
        self.model.refresh_rows([agreement_id])
        self.reload_catalog()
        self.refresh()

    def delete_agreements(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        noun = "this agreement" if len(ids) == 1 else f"these {len(ids)} agreements"
        answer = QMessageBox.question(
            self,
            "Delete agreements",
            f"Delete {noun}? You can undo this with Ctrl+Z until you close the database.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        # The versions the user saw: what someone saved since then is not deleted unseen.
        versions = {row.id: row.version for row in map(self._row_of_id, ids) if row}
        try:
            with self.database.sessions.begin() as session:
                snapshots = service.delete(session, ids, versions)
        except (service.ConflictError, service.NotFoundError) as error:
            QMessageBox.warning(self, "Delete agreements", f"Nothing was deleted: {error}")
            self.reload_from_database()
            return
        self._deleted.append(snapshots)
        self.statusBar().showMessage(f"Deleted {len(ids)} agreement(s). Ctrl+Z brings them back.")
        self.reload_catalog()
        self.refresh()

    def _row_of_id(self, agreement_id: int) -> AgreementRow | None:
        row = self.model.row_of(agreement_id)
        return None if row is None else self.model.row_data(row)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        snapshots = self._deleted[-1]
        try:
            with self.database.sessions.begin() as session:
                restored = service.restore(session, snapshots)
        except SQLAlchemyError as error:
            # Kept on the stack: nothing was restored, so the user can try again or keep it.
            QMessageBox.warning(
                self, "Undo delete", f"The agreements could not be restored: {error}"
            )
            self._update_actions()
            return
        self._deleted.pop()
        self._pending_selection = restored
        self.statusBar().showMessage(f"Restored {len(restored)} agreement(s).", 5000)
        self.reload_catalog()
        self.refresh()

    def load_sample_agreements(self) -> None:
        sessions = self.database.sessions

        def work(job: Job) -> object:
            with sessions.begin() as session:
                from models.sample import load_sample

                result = load_sample(session)
                job.check()
                return result

        def done(_result: object) -> None:
            self.reload_catalog()
            self.refresh()

        self._progress = run_with_progress(
            self, self.worker, "Loading sample agreements…", work, done, self._show_error
        )

    # ------------------------------------------------------------ views, parties, fields

    def save_view(self) -> None:
        name, ok = QInputDialog.getText(self, "Save view", "Name of the view:")
        if not ok:
            return
        self._catalog_change(
            lambda s: views.save_view(s, name, self.filter_panel.current_filter()), "Save view"
        )

    def _view_action(self, action: str, view: views.ViewEntry) -> None:
        if action == "rename":
            name, ok = QInputDialog.getText(self, "Rename view", "New name:", text=view.name)
            if ok:
                self._catalog_change(lambda s: views.rename_view(s, view.id, name), "Rename view")
        elif action == "delete":
            self._catalog_change(lambda s: views.delete_view(s, view.id), "Delete view")

    def _party_action(self, action: str, party_id: int) -> None:
        self._rename_merge_delete(
            action,
            party_id,
            "party",
            [(p.id, p.name) for p in self._parties()],
            catalog.rename_party,
            catalog.merge_parties,
            catalog.delete_party,
        )

    def _field_action(self, action: str, field_id: int) -> None:
        with self.database.sessions() as session:
            fields = [(f.id, f.path) for f in field_tree(session)]
        self._rename_merge_delete(
            action,
            field_id,
            "field",
            fields,
            catalog.rename_field,
            catalog.merge_fields,
            catalog.delete_field,
        )

    def _parties(self):  # type: ignore[no-untyped-def]
        with self.database.sessions() as session:
            return party_list(session)

    def _rename_merge_delete(  # type: ignore[no-untyped-def]
        self, action: str, item_id: int, noun: str, choices, rename, merge, remove
    ) -> None:
        names = dict(choices)
        name = names.get(item_id, "")
        title = f"{action.capitalize()} {noun}"
        if action == "rename":
            new, ok = QInputDialog.getText(self, title, f"New name for '{name}':", text=name)
            if ok:
                self._catalog_change(lambda s: rename(s, item_id, new), title)
        elif action == "merge":
            others = [label for other, label in choices if other != item_id]
            target, ok = QInputDialog.getItem(
                self, title, f"Merge '{name}' into:", others, 0, False
            )
            if ok and target:
                target_id = next(other for other, label in choices if label == target)
                self._catalog_change(lambda s: merge(s, item_id, target_id), title)
        elif action == "delete":
            self._catalog_change(lambda s: remove(s, item_id), title)

    def _catalog_change(self, change, title: str) -> bool:  # type: ignore[no-untyped-def]
        """One transaction; a refusal is explained and changes nothing."""
        try:
            with self.database.sessions.begin() as session:
                change(session)
        except (catalog.CatalogError, views.ViewNameError) as error:
            QMessageBox.warning(self, title, str(error))
            return False
        except SQLAlchemyError as error:  # a constraint the checks above did not foresee
            QMessageBox.warning(self, title, f"Nothing was changed: {error}")
            return False
        self.reload_catalog()
        self.refresh()
        return True

    # ------------------------------------------------------------ menus and small slots

    def _table_menu(self, position: QPoint) -> None:
        menu = QMenu(self.table)
        menu.addActions(self._record_actions())
        menu.addAction(self.action_merge)
        menu.addSeparator()
        menu.addActions([self.action_fact_sheet, self.action_export_pdf, self.action_export])
        menu.popup(self.table.viewport().mapToGlobal(position))

    def _column_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        self._fill_columns_menu(menu)
        menu.popup(self.table.horizontalHeader().mapToGlobal(position))

    def _fill_columns_menu(self, menu: QMenu) -> None:
        menu.clear()
        header = self.table.horizontalHeader()
        for number, column in enumerate(COLUMNS):
            action = menu.addAction(column.header)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(number))
            action.setEnabled(number != 0)  # the title always shows
            action.toggled.connect(lambda shown, n=number: header.setSectionHidden(n, not shown))

    def go_to_agreement(self) -> None:
        """Ask for an agreement's number and show it (Ctrl+G)."""
        number, chosen = QInputDialog.getInt(
            self, "Go to agreement", "Agreement number:", 1, 1, ID_MAX
        )
        if chosen:
            self.go_to(number)

    def go_to(self, number: int) -> None:
        """Select agreement *number*, or the one it was merged into; say so if there is none."""
        sessions = self.database.sessions
        self.worker.submit(
            lambda _job: _find(sessions, number),
            lambda found: self._show_found(*found),
            self._show_error,
        )

    def _show_found(self, target: int | None, notice: str | None) -> None:
        if target is None:
            message = f"{notice[:1].upper()}{notice[1:]}." if notice else ""
        elif notice:
            message = f"{notice[:1].upper()}{notice[1:]}: showing agreement {target}."
        else:
            message = f"Showing agreement {target}."
        if target is not None and self.model.row_of(target) is not None:
            self.table.selectionModel().clearSelection()
            self.select_ids([target])
        elif target is not None:
            # Not among the rows the filter shows: show every agreement, then select it.
            self._pending_selection = [target]
            self.filter_panel.clear()
        self.statusBar().showMessage(message, 10000)
        self.went_to.emit(message)

    def _focus_search(self) -> None:
        self.filter_panel.focus_search()

    def _clear_filters(self) -> None:
        self.filter_panel.clear()

    def current_sort(self) -> Sort:
        return self._sort

    def after_bulk_change(self, select: list[int]) -> None:
        """Show what an import (or another change of many rows) did, selecting the new rows."""
        self._pending_selection = select[:1000]
        self.reload_catalog()
        self.refresh()

    # ------------------------------------------------------------ settings

    def _restore_settings(self) -> None:
        if self.settings.geometry:
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(1400, 820)
        if self.settings.window_state:
            self.restoreState(self.settings.window_state)
        if self.settings.splitter_state:
            self.splitter.restoreState(self.settings.splitter_state)
        header = self.table.horizontalHeader()
        if self.settings.header_state:
            header.restoreState(self.settings.header_state)
            section, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
            if 0 <= section < len(COLUMNS):
                descending = order == Qt.SortOrder.DescendingOrder
                self._sort = Sort(COLUMNS[section].sort, descending)

    def save_settings(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.header_state = self.table.horizontalHeader().saveState()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.change_poll.stop()
        if self._index_job is not None:
            self._index_job.cancel()
        self.index_worker.shutdown()
        self.worker.shutdown()
        super().closeEvent(event)

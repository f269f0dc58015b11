"""The main window: filter panel, agreement table and detail pane, with the actions on them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
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
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from models import catalog, service, views
from models.audit import audit_trail
from models.backups import closing_backup, daily_backup
from models.changes import NOTHING, Changes
from models.copying import drop_dated_acts
from models.database import Database, storage_failure
from models.detail import load_detail
from models.limits import ID_MAX
from models.merge import MergePlan, merge_plan
from models.query import Facets, Sort, descendant_field_ids
from models.redirects import find_agreement
from models.schema import Participation, agreement_fields
from ui import filter_chips, icons, keyboard, table_columns
from ui.agreement_table_model import COLUMNS, AgreementTableModel
from ui.attachment_panel import AttachmentPanel, attachment_column, attachments_tab
from ui.backup_timing import BackupTiming
from ui.confirmations import agreements_named
from ui.connect_dialog import ConnectDialog, remembered_name
from ui.database_opener import DatabaseOpener
from ui.detail_pane import DetailPane
from ui.due_panel import DueNotice, DuePanel
from ui.editor_data import EditorData, read_editor_data
from ui.file_drop import FileDrop
from ui.filter_panel import CatalogCommand, FilterPanel
from ui.held_painting import HeldTableView
from ui.help_menu import add_help_menu
from ui.history_actions import HistoryActions
from ui.language_menu import add_language_menu
from ui.model_messages import message_text
from ui.search_controller import DEFAULT_SORT, Catalog, SearchController, SearchResult
from ui.settings import Settings
from ui.summary_printer import SummaryPrinter
from ui.transfers import Transfers
from ui.translations import fill
from ui.welcome_page import WelcomePage
from ui.window_context import WindowContext
from ui.workers import Job, Worker, run_with_progress

if TYPE_CHECKING:
    from models.extract.saving import SavedDrafts
    from ui.agreement_dialog import AgreementDialog
    from ui.merge_dialog import MergeDialog

translate = QCoreApplication.translate


def _agreements_under(session: Session, noun: str, item_id: int) -> list[int]:
    """The agreements of a party, or of a field and its subfields."""
    if noun == "party":
        statement = select(Participation.agreement_id).where(Participation.party_id == item_id)
    else:
        fields = descendant_field_ids(session, [item_id])
        statement = select(agreement_fields.c.agreement_id).where(
            agreement_fields.c.field_id.in_(fields)
        )
    return sorted(set(session.scalars(statement)))


def _read_detail(sessions, agreement_id: int):
    """An agreement's details, or the trail of a deleted one (as ("deleted", trail))."""
    with sessions() as session:
        try:
            return "detail", load_detail(session, agreement_id)
        except service.NotFoundError:
            return "deleted", audit_trail(session, agreement_id)


def _title(database: Database) -> str:
    url = database.url
    if url.get_backend_name() == "sqlite":
        return Path(database.name).name
    host = url.host or translate("MainWindow", "this computer")
    return fill(translate("MainWindow", "%1 on %2"), url.database, host)


def _find(sessions, number: int) -> tuple[int | None, str | None]:
    """The agreement that answers for *number* and any notice; (None, why) when there is none."""
    with sessions() as session:
        try:
            return find_agreement(session, number)
        except service.NotFoundError as error:
            return None, message_text(error)


def _remembered(database: Database) -> str:
    url = database.url
    return database.name if url.get_backend_name() == "sqlite" else remembered_name(url)


class MainWindow(QMainWindow):
    first_page_shown = Signal()  # the first rows of the latest filter are on screen
    rows_shown = Signal()  # the table and status bar show the latest filter (counts may follow)
    refreshed = Signal()  # the table, counts and status bar show the latest filter
    catalog_shown = Signal()  # the filter panel lists the fields, parties and views read last
    detail_shown = Signal()  # the detail pane shows the current agreement (or nothing)
    went_to = Signal(str)  # Go to agreement answered: what the status bar says

    def __init__(self, database: Database, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = database
        self.settings = settings
        # Searching, counting, the facet index and the database work of the window's
        # actions all run through the controller's workers, never on this thread.
        self.controller = SearchController(database, self)
        self.worker = self.controller.worker
        self.index_worker = self.controller.index_worker
        self.change_poll = self.controller.change_poll
        # The day's backup takes seconds at a quarter of a million agreements: on a thread
        # of its own, so that searches on the worker do not wait for it.
        self.backup_worker = Worker(self, unhurried=True)
        self.backup_timing = BackupTiming(self._daily_backup, self)
        self.controller.first_rows_ready.connect(self._show_first_page)
        self.controller.rows_ready.connect(self._show_result)
        self.controller.counts_ready.connect(self._show_counts)
        self.controller.catalog_ready.connect(self._show_catalog)
        self.controller.changed_elsewhere.connect(self._changed_elsewhere)
        self.controller.failed.connect(self._show_error)
        self.change_poll.start()
        self._catalog: Catalog | None = None
        self.editor: AgreementDialog | None = None
        self.merge_dialog: MergeDialog | None = None
        self._sort = DEFAULT_SORT
        self._pending_selection: list[int] | None = None
        self._detail_for: int | None = None  # the agreement whose details were asked for last
        self._detail_timer = QTimer(self, singleShot=True, interval=0, timeout=self._read_current)  # type: ignore[call-arg]  # PySide6 connects a signal given by name
        self.setObjectName("mainWindow")
        self._build_actions()
        self._build_widgets()
        self._build_menus()
        self.help_menu = add_help_menu(self, lambda: self.database.name)
        self.active_filters, self.nothing_matches = filter_chips.install(
            self.filter_panel, self.splitter, self.stack, self.table, self.rows_shown
        )
        self.keys = keyboard.install(
            self.table, self.stack, self.filter_panel.search_box, self.detail, self.refreshed
        )
        icons.apply(self)
        self.file_drop = FileDrop(self, self.transfers.import_agreements)
        self.opener = DatabaseOpener(
            self,
            [
                self.action_new_db,
                self.action_open_db,
                self.action_connect,
                self.recent_menu.menuAction(),
            ],
        )
        self.opener.opened.connect(self._switch_to)
        self._restore_settings()
        self.column_fitter = table_columns.ColumnFitter(self.table)  # after the saved header state
        self._open(database)

    # ------------------------------------------------------------ building

    def _action(self, name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
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
        self.action_new = self._action(
            "actionNew", self.tr("&New agreement…"), self.new_agreement, key.New
        )
        self.action_edit = self._action(
            "actionEdit", self.tr("&Edit…"), self.edit_agreement, tip=self.tr("Edit (Enter)")
        )
        self.action_duplicate = self._action(
            "actionDuplicate", self.tr("&Duplicate…"), self.duplicate_agreement, "Ctrl+D"
        )
        self.action_delete = self._action(
            "actionDelete", self.tr("De&lete"), self.delete_agreements, key.Delete
        )
        # Undo, Redo, Trash: ui/history_actions.py
        self.history_actions = HistoryActions(self.window_context(), self._action)
        self.history_actions.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.history_actions.changed.connect(self._show_change)
        self.history_actions.refused.connect(self.reload_from_database)
        self.refreshed.connect(self.history_actions.read_labels)
        self.action_undo = self.history_actions.undo_action
        self.action_redo = self.history_actions.redo_action
        self.action_show_trash = self.history_actions.trash_action
        self.action_merge = self._action(
            "actionMerge",
            self.tr("&Merge…"),
            self.merge_selected,
            tip=self.tr("Merge the two selected agreements into one, choosing each fact"),
        )
        self.action_new_from_article = self._action(
            "actionNewFromArticle",
            self.tr("New from &article…"),
            self.new_from_article,
            tip=self.tr(
                "Draft the agreements a press release reports, review them, save the kept ones"
            ),
        )
        self.transfers = Transfers(self.window_context())
        self.transfers.message.connect(self._show_message)
        self.transfers.import_finished.connect(
            lambda result: self.after_bulk_change(list(result.added_ids), result.changes)
        )
        self.transfers.pdf_dialog_shown.connect(lambda dialog: self.keys.return_focus_after(dialog))
        self.action_import = self._action(
            "actionImport",
            self.tr("&Import…"),
            lambda: self.transfers.import_agreements(),
            "Ctrl+I",
            self.tr("Import agreements from a CSV or JSON file"),
        )
        self.action_export = self._action(
            "actionExport",
            self.tr("E&xport…"),
            self.transfers.export_agreements,
            "Ctrl+E",
            self.tr("Export the agreements shown (or the selected ones) to CSV or JSON"),
        )
        self.action_export_pdf = self._action(
            "actionExportPdf",
            self.tr("Export &PDF…"),
            self.transfers.export_pdf,
            "Ctrl+P",
            self.tr("A PDF summary of the agreements shown (or the selected ones)"),
        )
        self.summary_printer = SummaryPrinter(self.window_context(), self.transfers.ask_scope)
        self.summary_printer.message.connect(self._show_message)
        self.action_print = self._action(
            "actionPrint",
            self.tr("P&rint summary…"),
            self.summary_printer.print_summary,
            "Ctrl+Shift+P",
            self.tr("Print the summary of the agreements shown (or the selected ones)"),
        )
        self.action_fact_sheet = self._action(
            "actionExportFactSheet",
            self.tr("Export &fact sheet…"),
            self.transfers.export_fact_sheet,
            tip=self.tr("A PDF fact sheet of the selected agreement"),
        )
        self.action_find = self._action(
            "actionFind", self.tr("&Find"), self._focus_search, key.Find
        )
        self.action_go_to = self._action(
            "actionGoTo",
            self.tr("&Go to agreement…"),
            self.go_to_agreement,
            "Ctrl+G",
            self.tr("Show the agreement with a given number (also the old number of a merged one)"),
        )
        self.action_clear = self._action(
            "actionClearFilters", self.tr("&Clear filters"), self._clear_filters, "Ctrl+Shift+L"
        )
        self.action_refresh = self._action(
            "actionRefresh",
            self.tr("&Refresh"),
            self.reload_from_database,
            key.Refresh,
            self.tr("Show the latest data, including changes made elsewhere (F5)"),
        )
        self.action_new_db = self._action(
            "actionNewDatabase", self.tr("&New database…"), self.new_database
        )
        self.action_open_db = self._action(
            "actionOpenDatabase", self.tr("&Open database…"), self.open_database_file, key.Open
        )
        self.action_connect = self._action(
            "actionConnectTeamDatabase",
            self.tr("&Connect to team database…"),
            self.connect_team_database,
            tip=self.tr("Work on a PostgreSQL database shared by your team"),
        )
        self.action_quit = self._action("actionQuit", self.tr("&Quit"), self.close, key.Quit)
        self.action_save_view = self._action(
            "actionSaveView", self.tr("&Save filter as view…"), self.save_view
        )
        self.action_restore_backup = self._action(
            "actionRestoreBackup",
            self.tr("&Restore from backup…"),
            self.restore_from_backup,
            tip=self.tr("Put one of this database's automatic backups in its place"),
        )
        self.action_bulk_edit = self._action(
            "actionBulkEdit",
            self.tr("&Bulk edit…"),
            self.bulk_edit,
            "Ctrl+Shift+E",
            self.tr("One change to the selected agreements (or all the filter matches), previewed"),
        )
        self.action_show_due = self._action(
            "actionShowDue",
            self.tr("&Due"),
            self.show_due,
            "Ctrl+Shift+D",
            self.tr("Deadlines coming due in the next 30, 90 or 365 days, and overdue ones"),
        )

    def _build_widgets(self) -> None:
        self.filter_panel = FilterPanel(self)
        self.filter_panel.filter_changed.connect(lambda _f: self.refresh())
        self.filter_panel.filter_changed.connect(lambda _f: self.backup_timing.busy())
        self.filter_panel.search_box.textEdited.connect(lambda _t: self.backup_timing.busy())
        self.filter_panel.save_view_requested.connect(self.save_view)
        self.filter_panel.view_chosen.connect(
            lambda view: self.filter_panel.set_filter(view.filter)
        )
        self.filter_panel.view_action.connect(self._view_action)
        self.filter_panel.party_action.connect(self._party_action)
        self.filter_panel.field_action.connect(self._field_action)

        self.model = AgreementTableModel(self.database.sessions, self)
        self.table = HeldTableView(self)
        self.table.setObjectName("agreementTable")
        self.table.setAccessibleName(self.tr("Agreements"))
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
        self.welcome.new_requested.connect(self.new_agreement)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.welcome)

        self.detail = DetailPane(self)
        self.attachments = AttachmentPanel(lambda: self.database, self.worker, self)
        self.attachments.changed.connect(self.apply_changes)
        self.filter_panel.filter_changed.connect(lambda f: self.attachments.follow_search(f.text))
        self.detail_column = attachment_column(self.detail, self.attachments, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.filter_panel)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.detail_column)
        # The welcome page and the attachments' buttons would otherwise hold the window wider
        # than a 1,024-pixel screen: below these widths they are clipped, never the window.
        self.stack.setMinimumWidth(320)
        self.detail_column.setMinimumWidth(220)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 760, 360])
        self.setCentralWidget(self.splitter)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.read_only_label = QLabel(self.tr("Read-only"), self)
        self.read_only_label.setObjectName("readOnlyLabel")
        self.read_only_label.setToolTip(
            self.tr("Your user may browse, filter and export this database but not change it.")
        )
        self.read_only_label.hide()
        self.due_panel: DuePanel | None = None
        self.due_notice = DueNotice(self)
        self.due_notice.linkActivated.connect(lambda _link: self.show_due())
        self.statusBar().addWidget(self.due_notice)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.status_label)
        self.setTabOrder(self.filter_panel.search_box, self.table)
        self.setTabOrder(self.table, self.detail)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.action_new_db, self.action_open_db])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.action_connect)
        file_menu.addSeparator()
        file_menu.addAction(self.action_new_from_article)
        file_menu.addActions(
            [self.action_import, self.action_export, self.action_export_pdf, self.action_fact_sheet]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.action_restore_backup)
        file_menu.addAction(self.action_print)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.action_undo, self.action_redo])
        edit_menu.addSeparator()
        edit_menu.addActions(self._record_actions())
        edit_menu.addActions([self.action_merge, self.action_bulk_edit])
        edit_menu.addSeparator()
        edit_menu.addActions(
            [self.action_find, self.action_go_to, self.action_clear, self.action_save_view]
        )
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.action_refresh)
        view_menu.addAction(self.action_show_trash)
        view_menu.addAction(self.action_show_due)
        self.columns_menu = view_menu.addMenu(self.tr("&Columns"))
        self.columns_menu.aboutToShow.connect(lambda: self._fill_columns_menu(self.columns_menu))
        add_language_menu(view_menu, self.settings, self._show_message)
        toolbar = self.addToolBar(self.tr("Agreements"))
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
        self.setWindowTitle(fill(self.tr("Treaty Tracker — %1"), _title(database)))
        self.settings.remember_database(_remembered(database))
        self.controller.open(database)
        self.model.set_ids([])
        read_only = not database.can_write
        self.filter_panel.set_read_only(read_only)
        self.welcome.set_read_only(read_only)
        self.read_only_label.setVisible(read_only)
        self._update_actions()
        self.reload_catalog()
        self.refresh(first_page=True)
        self.backup_timing.schedule(database)
        self.history_actions.purge_old()
        self.due_notice.check(database.sessions, self.worker, self.settings.due_warning_days)
        if self.due_panel is not None:
            self.due_panel.set_source(database.sessions, self.worker)

    def switch_database(self, target: str | URL) -> None:
        """Open another database (file or URL) off the GUI thread (ui/database_opener.py);
        shown once ready; on failure the message says why and the current one stays."""
        self.opener.open(target)

    def _switch_to(self, database: Database) -> None:
        old = self.database
        self._open(database)
        # Closed after any job already queued on the old database has run.
        self.worker.submit(lambda _job: old.close(), lambda _result: None)
        if database.backup:
            self.statusBar().showMessage(
                fill(
                    self.tr("Upgraded; a copy of the old database was kept as %1"),
                    database.backup.name,
                ),
                10000,
            )

    def connect_team_database(self) -> None:
        last = next((name for name in self.settings.recent_databases if "://" in name), None)
        dialog = ConnectDialog(last, self)
        if dialog.exec() == ConnectDialog.DialogCode.Accepted:
            self.switch_database(dialog.url())

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(Path.home()),
            self.tr("Treaty Tracker databases (*.db)"),
        )
        if path:
            if not path.endswith(".db"):
                path += ".db"
            if Path(path).exists():
                QMessageBox.warning(
                    self,
                    self.tr("New database"),
                    fill(self.tr("%1 already exists; open it instead."), path),
                )
                return
            self.switch_database(path)

    def open_database_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            str(Path.home()),
            self.tr("Treaty Tracker databases (*.db);;All files (*)"),
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
        """Refill the field tree, party list and saved views (read on the worker); catalog_shown."""
        self.controller.reload_catalog()

    def _show_catalog(self, catalog_now: Catalog) -> None:
        if catalog_now != self._catalog:  # unchanged: the lists keep their scroll positions
            self._catalog = catalog_now
            self.filter_panel.set_fields(list(catalog_now.fields))
            self.filter_panel.set_parties(list(catalog_now.parties))
            self.filter_panel.set_views(list(catalog_now.views))
        self.catalog_shown.emit()

    def reload_from_database(self) -> None:
        """Show the data as it is now (F5), keeping the filter, selection and scroll position."""
        self.controller.wanted = self.filter_panel.current_filter()
        self.controller.sort = self._sort
        self.controller.reload(anchor=self._top_id(), shown=self.model.shown_ids())

    def apply_changes(self, changes: Changes, *, catalog_if_added: bool = False) -> None:
        """Show what a write did, in place: its rows and the counts; filter, selection, scroll stay.

        Called after every write (here and by other windows' dialogs): the facet index is
        patched for the agreements it touched rather than built again. *catalog_if_added*:
        the write may have added parties or fields but renamed none (a save): the lists are
        read again only if it did.
        """
        self.controller.wanted = self.filter_panel.current_filter()
        self.controller.sort = self._sort
        self.controller.apply(
            changes,
            anchor=self._top_id(),
            shown=self.model.shown_ids(),
            catalog_if_added=catalog_if_added,
        )

    def _changed_elsewhere(self) -> None:
        self.reload_from_database()
        self.statusBar().showMessage(self.tr("Updated with changes saved elsewhere."), 5000)

    def refresh(self, first_page: bool = False, keep_view: bool = False) -> None:
        """Run the current filter and sort off the GUI thread; the newest request wins.

        With *first_page* (a database just opened), its first rows are shown on their own
        before all the ids arrive. With *keep_view* the table keeps its scroll position.
        """
        self.controller.search(
            self.filter_panel.current_filter(),
            self._sort,
            first_page=first_page,
            keep_view=keep_view,
            # Kept at the top, or the selected agreement the table scrolls back to.
            anchor=self._top_id() if keep_view else next(iter(self.selected_ids()), None),
        )

    def _top_id(self) -> int | None:
        """The agreement in the table's top visible row, if any."""
        top_row = self.table.rowAt(0)
        return self.model.id_at(top_row) if 0 <= top_row < self.model.rowCount() else None

    def _show_first_page(self, result: SearchResult) -> None:
        if self.model.rowCount():
            return
        self.model.set_ids(result.ids, result.first_page)
        self.status_label.setText(self.tr("Reading %Ln agreement(s)…", "", result.total))
        self.stack.setCurrentWidget(self.welcome if result.total == 0 else self.table)
        self.first_page_shown.emit()

    def _show_result(self, result: SearchResult) -> None:
        keep = self._pending_selection or self.selected_ids()
        pending = self._pending_selection is not None
        self._pending_selection = None
        if result.keep_view and not result.first_page and self.model.has_ids(result.ids):
            # The same rows in the same order (an edit that moved nothing): repaint those
            # that changed; the selection and scroll position are untouched.
            self.model.refresh_rows(result.changed, result.changed_rows, result.positions)
            if pending and keep != self.selected_ids():
                self.table.selectionModel().clearSelection()
                self.select_ids(keep, scroll=False)
            elif self.current_id() in result.changed:
                self._show_current()
        else:
            top_id = self._top_id()
            self.model.set_ids(result.ids, result.first_page, result.pages)
            # Laid out now, not on Qt's timer after a first paint: that paint and the one
            # after the scroll bar's new range were two for one (tests/ui/test_repaints.py).
            self.table.doItemsLayout()
            self.select_ids(keep, scroll=not result.keep_view)
            if result.keep_view and top_id is not None:
                # The same agreement stays at the top, however many rows arrived above it.
                row = self.model.row_of(top_id)
                if row is not None:
                    self.table.scrollTo(
                        self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop
                    )
        shown = QLocale().toString(len(result.ids))
        self.status_label.setText(
            fill(self.tr("Showing %1 of %Ln agreement(s)", "", result.total), shown)
        )
        self.stack.setCurrentWidget(self.welcome if result.total == 0 else self.table)
        self._update_actions()
        self.first_page_shown.emit()
        self.rows_shown.emit()

    def _show_counts(self, facets: Facets) -> None:
        self.filter_panel.set_counts(facets)
        self.refreshed.emit()

    def _show_error(self, error: BaseException) -> None:
        # A damaged or busy file is named as on the command line, not as a failed query.
        known = storage_failure(self.database.url, error)
        QMessageBox.critical(
            self,
            self.tr("Treaty Tracker"),
            message_text(known) if known else fill(self.tr("The search failed: %1"), str(error)),
        )

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
        """Select the rows of *ids* shown, the first of them current, in one change.

        The rows go in as runs of neighbours, selected at once: a row at a time, each
        change counted the whole selection again (the 1,000 new rows an import selects held
        the window for 20 s).
        """
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        rows = [row for agreement_id in ids if (row := self.model.row_of(agreement_id)) is not None]
        if rows:
            chosen = QItemSelection()
            for start, end in _runs(sorted(set(rows))):
                chosen.select(self.model.index(start, 0), self.model.index(end, 0))
            selection.select(chosen, flags.Select | flags.Rows)
            first = self.model.index(rows[0], 0)
            selection.setCurrentIndex(first, flags.NoUpdate)
            if scroll:
                self.table.scrollTo(first)
        self._show_current()

    def _show_current(self) -> None:
        """Show the current agreement's details soon: once for all the selection changes of
        this turn of the event loop, after the counts a change asked for."""
        self._detail_timer.start()

    def _read_current(self) -> None:
        """Read the current agreement's details on the worker; detail_shown follows."""
        agreement_id = self.current_id()
        self.attachments.show_agreement(agreement_id, self.filter_panel.search_text())
        self._detail_for = agreement_id
        if agreement_id is None:
            self.detail.show_nothing()
            self.detail_shown.emit()
            return
        sessions = self.database.sessions

        def show(found) -> None:
            if agreement_id != self._detail_for:
                return  # another row was chosen meanwhile
            kind, value = found
            if kind == "detail":
                self.detail.show_detail(value)
            else:
                self.detail.show_deleted(value)
            self.detail_shown.emit()

        self.worker.submit(
            lambda _job: _read_detail(sessions, agreement_id), show, self._show_error
        )

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
        self.action_bulk_edit.setEnabled(writable and shown)
        self.action_restore_backup.setEnabled(writable and self.database.dialect == "sqlite")
        self.history_actions.enable(writable)
        self.action_import.setEnabled(writable)
        self.action_new_from_article.setEnabled(writable)
        self.action_save_view.setEnabled(writable)

    # ------------------------------------------------------------ editing

    def new_agreement(self) -> None:
        self._edit_in_editor(None, title=self.tr("New agreement"))

    def edit_agreement(self) -> None:
        if not self.database.can_write:  # double-click and Enter reach here too
            self.statusBar().showMessage(
                self.tr("Read-only: your user may not change agreements in this database."), 5000
            )
            return
        agreement_id = self.current_id()
        if agreement_id is not None:
            self._edit_in_editor(agreement_id, title=self.tr("Edit agreement"))

    def duplicate_agreement(self) -> None:
        agreement_id = self.current_id()
        if agreement_id is not None:
            self._edit_in_editor(None, copy_of=agreement_id, title=self.tr("Duplicate agreement"))

    def _edit_in_editor(
        self, agreement_id: int | None, *, title: str, copy_of: int | None = None
    ) -> None:
        """Open the editor on an agreement (None: a new one, or a copy of *copy_of*).

        What it shows is read on the worker first; an agreement deleted meanwhile is named.
        A copy keeps the parties but not their dated acts (the status bar says so).
        """
        sessions = self.database.sessions
        copy_title = self.tr("%1 (copy)")  # words are looked up here, not on the worker

        def work(_job: Job) -> tuple[EditorData, int]:
            with sessions() as session:
                if copy_of is None:
                    return read_editor_data(session, agreement_id), 0
                template, _version = service.load_input(session, copy_of)
                template.title = fill(copy_title, template.title)
                # Counted here for the message's plural (drop_dated_acts says it in English).
                dropped = sum(len(party.actions) for party in template.parties)
                drop_dated_acts(template)
                return read_editor_data(session, None, template), dropped

        def done(loaded: tuple[EditorData, int]) -> None:
            from ui.agreement_dialog import AgreementDialog  # on first use: a faster start

            data, dropped = loaded
            dialog = AgreementDialog(sessions, self.worker, agreement_id, parent=self, loaded=data)
            dialog.copied_from = copy_of  # a copy made on purpose: no duplicate warning
            self._open_editor(dialog)
            if dropped:
                self.statusBar().showMessage(
                    self.tr(
                        "Duplicate: the copy keeps the parties but not their dated acts "
                        "(%Ln act(s)); a new agreement's signatures and ratifications are its own.",
                        "",
                        dropped,
                    ),
                    15000,
                )

        def failed(error: BaseException) -> None:
            if not isinstance(error, service.NotFoundError):
                self._show_error(error)
                return
            QMessageBox.warning(self, title, message_text(error))
            self.refresh()

        self.worker.submit(work, done, failed)

    def _open_editor(self, dialog: AgreementDialog) -> None:
        self.editor = dialog
        if dialog.agreement_id is not None:
            panel = attachments_tab(dialog, lambda: self.database, self.worker)
            panel.changed.connect(self.apply_changes)
        dialog.saved.connect(lambda saved_id: self._after_save(saved_id, dialog.saved_changes))
        dialog.open_existing.connect(self._open_existing)
        self.keys.return_focus_after(dialog)
        dialog.open()

    def _open_existing(self, agreement_id: int) -> None:
        """The editor's 'Open existing' on a probable duplicate: that agreement, in the editor."""
        self.select_ids([agreement_id])
        self._edit_in_editor(agreement_id, title=self.tr("Edit agreement"))

    def merge_selected(self) -> None:
        """Merge the two selected agreements (the older id is kept unless swapped)."""
        ids = sorted(self.selected_ids())
        if len(ids) != 2 or not self.database.can_write:
            return
        sessions = self.database.sessions

        def work(_job: Job) -> MergePlan:  # what the dialog shows, read on the worker
            with sessions.begin() as session:
                return merge_plan(session, ids[0], ids[1])

        def done(plan: MergePlan) -> None:
            from ui.merge_dialog import MergeDialog  # on first use: a faster start

            dialog = MergeDialog(
                sessions,
                self.worker,
                ids[0],
                ids[1],
                self,
                plan=plan,
                rotation=self.settings.backup_rotation,
            )
            self.merge_dialog = dialog
            dialog.merged.connect(self._after_merge)
            self.keys.return_focus_after(dialog)
            dialog.open()

        def failed(error: BaseException) -> None:
            if not isinstance(error, service.NotFoundError):
                self._show_error(error)
                return
            QMessageBox.warning(self, self.tr("Merge agreements"), message_text(error))
            self.refresh()

        self.worker.submit(work, done, failed)

    def bulk_edit(self) -> None:
        """One edit to the selection (or every agreement the filter matches), previewed."""
        if not self.database.can_write or not self.model.rowCount():
            return
        from ui.bulk_edit_dialog import BulkEditDialog  # on first use: a faster start

        dialog = BulkEditDialog(
            self.database.sessions,
            self.database.url,
            self.worker,
            self.selected_ids(),
            self.model.ids(),
            self.settings.backup_rotation,
            self,
        )
        self.bulk_edit_dialog = dialog
        dialog.applied.connect(self._after_bulk_edit)
        dialog.open()

    def _after_bulk_edit(self, changes: Changes) -> None:
        self.statusBar().showMessage(
            self.tr("Changed %Ln agreement(s).", "", len(changes.changed)), 5000
        )
        if hasattr(self, "apply_changes"):
            self.apply_changes(changes)
            return
        self.model.refresh_rows(sorted(changes.changed))
        self.reload_from_database()

    def restore_from_backup(self) -> None:
        """File › Restore from backup…: choose one of the open file's backups."""
        if self.database.dialect != "sqlite" or not self.database.can_write:
            return
        from ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.database, self.worker, self)
        self.restore_dialog = dialog
        dialog.restored.connect(self._after_restore)
        dialog.open()

    def _after_restore(self, database: Database, message: str) -> None:
        old = self.database
        self._open(database)
        self.worker.submit(lambda _job: old.close(), lambda _result: None)
        self.statusBar().showMessage(message, 15000)

    def _daily_backup(self, database: Database) -> None:
        """The day's backup of a changed SQLite file, on the worker; a failure is only shown."""
        rotation = self.settings.backup_rotation

        def failed(error: BaseException) -> None:
            self.statusBar().showMessage(
                fill(self.tr("No backup was made today: %1"), message_text(error)), 10000
            )

        self.backup_worker.submit(
            lambda _job: daily_backup(database.url, rotation), lambda _info: None, failed
        )

    def new_from_article(self) -> None:
        """File › New from article…: drafts from a press release, saved after review."""
        from ui.article_dialog import ArticleDialog  # on first use: a faster start

        dialog = ArticleDialog(self.database.sessions, self.worker, self)
        self.article_dialog = dialog
        dialog.saved.connect(lambda saved: self._after_drafts(saved))
        dialog.open()

    def _after_drafts(self, saved: SavedDrafts) -> None:
        self._pending_selection = list(saved.ids)
        self.apply_changes(saved.changes)

    def _after_merge(self, result) -> None:
        self.statusBar().showMessage(
            fill(self.tr("Merged agreement %1 into %2."), result.merged_id, result.kept_id),
            5000,
        )
        self._pending_selection = [result.kept_id]
        self.apply_changes(result.changes)

    def _after_save(self, agreement_id: int, changes: Changes) -> None:
        """Show what the save returned: the agreement, those it replaces, a new party or field."""
        self._pending_selection = [agreement_id]
        self.apply_changes(changes)
        self.backup_timing.busy()

    def delete_agreements(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        noun = agreements_named(ids, self.model.cached_row)
        answer = QMessageBox.question(
            self,
            self.tr("Delete agreement") if len(ids) == 1 else self.tr("Delete agreements"),
            fill(self.tr("Move %1 to the trash? Ctrl+Z or View › Trash brings it back."), noun),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        # The versions the user saw: what someone saved since then is not deleted unseen.
        versions = {row.id: row.version for row in map(self.model.cached_row, ids) if row}
        self.history_actions.delete(ids, versions)

    def load_sample_agreements(self) -> None:
        sessions = self.database.sessions

        def work(job: Job) -> object:
            with sessions.begin() as session:
                from models.sample import load_sample

                changes = load_sample(session).changes
                job.check()
                return changes

        def done(changes: Changes) -> None:
            self.apply_changes(changes)

        self._progress = run_with_progress(
            self, self.worker, self.tr("Loading sample agreements…"), work, done, self._show_error
        )

    # ------------------------------------------------------------ views, parties, fields

    def save_view(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name of the view:"))
        if not ok:
            return
        self._catalog_change(
            lambda s: views.save_view(s, name, self.filter_panel.current_filter()).changes,
            self.tr("Save view"),
        )

    def _view_action(self, action: CatalogCommand, view: views.ViewEntry) -> None:
        if action is CatalogCommand.RENAME:
            name, ok = QInputDialog.getText(
                self, self.tr("Rename view"), self.tr("New name:"), text=view.name
            )
            if ok:
                self._catalog_change(
                    lambda s: views.rename_view(s, view.id, name), self.tr("Rename view")
                )
        elif action is CatalogCommand.DELETE:
            self._catalog_change(lambda s: views.delete_view(s, view.id), self.tr("Delete view"))

    def _party_action(self, action: CatalogCommand, party_id: int) -> None:
        parties = self._catalog.parties if self._catalog else ()
        self._rename_merge_delete(
            action,
            party_id,
            "party",
            [(p.id, p.name) for p in parties],
            catalog.rename_party,
            catalog.merge_parties,
            catalog.delete_party,
        )

    def _field_action(self, action: CatalogCommand, field_id: int) -> None:
        fields = self._catalog.fields if self._catalog else ()
        self._rename_merge_delete(
            action,
            field_id,
            "field",
            [(f.id, f.path) for f in fields],
            catalog.rename_field,
            catalog.merge_fields,
            catalog.delete_field,
        )

    def _rename_merge_delete(
        self, action: CatalogCommand, item_id: int, noun: str, choices, rename, merge, remove
    ) -> None:
        names = dict(choices)
        name = names.get(item_id, "")
        title = self._catalog_titles()[noun, action]

        # The agreements filed under it: their rows, counts and sort places change.
        def affected(session):
            return _agreements_under(session, noun, item_id)

        if action is CatalogCommand.RENAME:
            new, ok = QInputDialog.getText(
                self, title, fill(self.tr("New name for '%1':"), name), text=name
            )
            if ok:
                self._catalog_change(lambda s: rename(s, item_id, new), title, affected)
        elif action is CatalogCommand.MERGE:
            others = [label for other, label in choices if other != item_id]
            target, ok = QInputDialog.getItem(
                self, title, fill(self.tr("Merge '%1' into:"), name), others, 0, False
            )
            if ok and target:
                target_id = next(other for other, label in choices if label == target)
                self._catalog_change(lambda s: merge(s, item_id, target_id), title, affected)
        elif action is CatalogCommand.DELETE:
            self._catalog_change(lambda s: remove(s, item_id), title, affected)

    def _catalog_titles(self) -> dict[tuple[str, CatalogCommand], str]:
        """The dialog titles for renaming, merging and deleting a party or a field."""
        rename, merge, delete = CatalogCommand.RENAME, CatalogCommand.MERGE, CatalogCommand.DELETE
        return {
            ("party", rename): self.tr("Rename party"),
            ("party", merge): self.tr("Merge party"),
            ("party", delete): self.tr("Delete party"),
            ("field", rename): self.tr("Rename field"),
            ("field", merge): self.tr("Merge field"),
            ("field", delete): self.tr("Delete field"),
        }

    def _catalog_change(self, change, title: str, affected=None) -> None:
        """One transaction on the worker; a refusal is explained and changes nothing.

        *affected(session)*, read in the same transaction before the change, names the
        agreements it moves, so that the index is patched for them rather than rebuilt.
        """
        sessions = self.database.sessions

        def work(_job: Job) -> Changes:
            with sessions.begin() as session:
                ids = affected(session) if affected else []
                # What the write returned, and the agreements whose rows show the names.
                return change(session) | Changes.of(changed=ids)

        def failed(error: BaseException) -> None:
            if isinstance(error, catalog.CatalogError | views.ViewNameError):
                QMessageBox.warning(self, title, message_text(error))
            elif isinstance(error, SQLAlchemyError):  # a constraint the checks did not foresee
                QMessageBox.warning(
                    self, title, fill(self.tr("Nothing was changed: %1"), str(error))
                )
            else:
                self._show_error(error)

        self.worker.submit(work, self.apply_changes, failed)

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
            action = menu.addAction(table_columns.header_label(column))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(number))
            action.setEnabled(number != 0)  # the title always shows
            action.toggled.connect(lambda shown, n=number: header.setSectionHidden(n, not shown))

    def show_due(self) -> None:
        """Show the Due panel (View › Due), made on first use, docked on the right."""
        if self.due_panel is None:
            self.due_panel = DuePanel(self.settings, self)
            self.due_panel.agreement_chosen.connect(self.go_to)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.due_panel)
            self.rows_shown.connect(self.due_panel.reload)  # after saves and outside changes
        self.due_panel.set_source(self.database.sessions, self.worker)
        self.due_panel.show()
        self.due_panel.raise_()
        self.due_panel.reload()

    def go_to_agreement(self) -> None:
        """Ask for an agreement's number and show it (Ctrl+G)."""
        number, chosen = QInputDialog.getInt(
            self, self.tr("Go to agreement"), self.tr("Agreement number:"), 1, 1, ID_MAX
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
            message = fill(
                self.tr("%1: showing agreement %2."), f"{notice[:1].upper()}{notice[1:]}", target
            )
        else:
            message = fill(self.tr("Showing agreement %1."), str(target))
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

    def window_context(self) -> WindowContext:
        """What import, export, PDFs and printing may use of the window, read when they run."""
        return WindowContext(
            parent=self,
            worker=self.worker,
            settings=self.settings,
            database=lambda: self.database,
            current_filter=lambda: self.filter_panel.current_filter(),
            current_sort=self.current_sort,
            matching=lambda: self.model.rowCount(),
            selected_ids=self.selected_ids,
            current_id=self.current_id,
        )

    def _show_change(self, changes: Changes, select: list[int]) -> None:
        """Show a change in place; *select* (if any) is selected once shown."""
        if select:
            self._pending_selection = select
        self.apply_changes(changes)

    def _show_message(self, text: str) -> None:
        """Words about what was just done, in the status bar for a while."""
        self.statusBar().showMessage(text, 15000)

    def after_bulk_change(self, select: list[int], changes: Changes = NOTHING) -> None:
        """Show what an import (or another change of many rows) did, selecting the new rows.

        *changes* names what it wrote; rows it updated are also named by the audit log,
        which the index patch reads too.
        """
        self._pending_selection = select[:1000]
        self.apply_changes(changes | Changes.of(created=select, parties=True, fields=True))

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
        self.settings.header_state = self.column_fitter.saved_state()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        editor = self.editor
        if editor is not None and shiboken6.isValid(editor) and editor.saving:
            # The editor's save finishes first (shutting the worker down would cancel it);
            # saved, the window closes; refused, the editor stays to say why.
            if not editor.property("closeWindowWhenSaved"):
                editor.setProperty("closeWindowWhenSaved", True)
                editor.save_finished.connect(lambda saved: self.close() if saved else None)
            event.ignore()
            return
        self.save_settings()
        self.controller.shutdown()
        self.model.shutdown()  # its page reader
        self.opener.shutdown()
        self.backup_timing.cancel()
        self.backup_worker.shutdown()  # waits for a backup under way: never half-made
        # The workers are gone: the day's backup of a changed file is the window's last act.
        closing_backup(self.database.url, self.settings.backup_rotation)
        super().closeEvent(event)


def _runs(rows: list[int]) -> Iterator[tuple[int, int]]:
    """The first and last of each run of consecutive numbers in the sorted *rows*."""
    start = previous = rows[0]
    for row in rows[1:]:
        if row != previous + 1:
            yield start, previous
            start = row
        previous = row
    yield start, previous

"""The window's search state in one object: the worker, the facet index, the counts, the revision.

The window asks (search, apply a change, reload, poll) and shows what comes back by
signal: `rows_ready` with the ordered ids and the rows to show first, `counts_ready` with
the counts beside the filters, `catalog_ready` with the fields, parties and views. All
database work runs on the controller's workers; the newest request wins.

A change made here (`apply`) or seen elsewhere (the poll) patches the facet index in
place for the agreements it touched (models.facet_index.FacetIndex.apply): counts are
current within milliseconds, where a rebuild at a quarter of a million agreements takes
seconds. Only a change too broad to patch, or one nobody can explain, builds it again.
"""

from __future__ import annotations

import gc
import logging
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.orm import Session, sessionmaker

from models import index_file, views
from models.cancelled import Cancelled
from models.changes import Changes
from models.database import SCHEMA_REVISION, Database, sqlite_path
from models.facet_index import PATCH_LIMIT, FacetIndex, IndexState
from models.index_file import index_path
from models.query import (
    AgreementFilter,
    AgreementRow,
    Facets,
    FieldNode,
    PartyEntry,
    Sort,
    SortColumn,
    agreement_ids,
    count,
    facet_counts,
    fetch_rows,
    field_tree,
    party_list,
)
from models.revision import current_revision
from ui.agreement_table_model import AgreementTableModel
from ui.workers import Job, Worker

DEFAULT_SORT = Sort(SortColumn.SIGNED_ON, descending=True)
FACET_CACHE_SIZE = 32
SQL_COUNT_LIMIT = 20_000  # matches SQL counts fast enough while the index is rebuilt
REBUILD_RETRY_MS = (500, 2000, 10000)  # after builds that the data outran
CHANGE_POLL_MS = 3000
# The index is written to disk this long after the window has it: its first counts and
# rows come first, and the typing after them does not share the processor with the writing.
KEEP_AFTER_MS = 1000
PAGE = AgreementTableModel.PAGE_SIZE
log = logging.getLogger(__name__)
_SCANS = 64  # changed rows found by scanning the ids; more, and one pass over them

Sessions = sessionmaker[Session]


@dataclass(frozen=True)
class SearchResult:
    """The answer to one search: ids in order, and the rows read for them off the GUI thread."""

    generation: int
    ids: list[int]
    total: int
    indexed: bool  # answered by a current FacetIndex (else by SQL: the index is stale)
    first_page: list[AgreementRow]
    revision: int  # of the data the answer reflects
    keep_view: bool = False  # a reload: keep the scroll position as it is
    pages: dict[int, list[AgreementRow]] = field(default_factory=dict)  # around the anchor
    changed: frozenset[int] = frozenset()  # agreements a change touched (rows to repaint)
    changed_rows: tuple[AgreementRow, ...] = ()  # their rows as they are now
    positions: dict[int, int] = field(default_factory=dict)  # their rows' numbers in ids


@dataclass(frozen=True)
class Catalog:
    """What the filter panel lists: fields, parties and saved views."""

    fields: tuple[FieldNode, ...]
    parties: tuple[PartyEntry, ...]
    views: tuple[views.ViewEntry, ...]


@dataclass(frozen=True)
class _Request:
    wanted: AgreementFilter
    sort: Sort
    generation: int
    keep_view: bool
    anchor: int | None  # an agreement kept in view: the pages around it are read too
    changed: frozenset[int]
    shown: Sequence[int] | None  # the ids the table shows (never changed, only replaced)
    shown_revision: int | None  # of the data the table shows


# ----------------------------------------------------------------- jobs (worker thread)


def _catch_up(session: Session, index: FacetIndex | None) -> bool:
    """Whether *index* answers for the data now, patched in place from the audit log if need be."""
    if index is None:
        return False
    if index.is_current(session):
        return True
    return index.apply(session) and index.is_current(session)


def _search(
    sessions: Sessions, index: FacetIndex | None, request: _Request, job: Job
) -> SearchResult:
    with sessions() as session:
        indexed = _catch_up(session, index)
        revision = current_revision(session)
        if index is not None and indexed:
            ids, total = index.ids(session, request.wanted, request.sort), index.total
            # ids() may read a sort order or a text search: still the same data?
            indexed = current_revision(session) == revision == index.revision
        if not indexed:
            ids = agreement_ids(session, request.wanted, request.sort)
            job.check()
            total = count(session)
        changed = request.changed
        # Patched in since the table's rows were read: to repaint (None: can't be told).
        since = index.changed_after(request.shown_revision) if index and indexed else None
        # The index hands back its last answer itself when nothing in it moved (a save
        # that kept its agreement's place): the table's own list, with no compare.
        same = request.shown is not None and (ids is request.shown or ids == request.shown)
        if same:  # the very list the table shows: it sees that at once, with no compare
            ids = cast(list[int], request.shown)  # a list; the table never changes it
        if since is not None and same:
            # The same rows in the same order: the table repaints the changed ones only.
            changed = changed | since
            first_page, pages = [], {}
        else:
            # The rows the table shows first, read here rather than on the GUI thread.
            first_page = fetch_rows(session, ids[:PAGE])
            pages = _pages_around(session, ids, request.anchor)
        changed_rows = fetch_rows(session, sorted(changed)) if changed else []
        positions = _positions(ids, changed)
        return SearchResult(
            request.generation,
            ids,
            total,
            indexed,
            first_page,
            revision,
            request.keep_view,
            pages,
            changed,
            tuple(changed_rows),
            positions,
        )


def _positions(ids: Sequence[int], wanted: frozenset[int]) -> dict[int, int]:
    """Where each of *wanted* stands in *ids*: worked out here, not on the GUI thread."""
    if len(wanted) <= _SCANS:  # the list's own search, in C, for a few
        found = {}
        for agreement_id in wanted:
            try:
                found[agreement_id] = ids.index(agreement_id)
            except ValueError:
                continue  # not in this result (deleted, or outside the filter now)
        return found
    return {agreement_id: row for row, agreement_id in enumerate(ids) if agreement_id in wanted}


def _pages_around(
    session: Session, ids: list[int], anchor: int | None
) -> dict[int, list[AgreementRow]]:
    """The pages around *anchor*: what is in view when the table keeps it there or scrolls to it.

    The first page is read anyway; a page is 200 rows, more than a screen.
    """
    if anchor is None:
        return {}
    try:
        number = ids.index(anchor) // PAGE
    except ValueError:
        return {}
    return {
        page: fetch_rows(session, ids[page * PAGE : (page + 1) * PAGE])
        for page in (number - 1, number, number + 1)
        if page > 0 and page * PAGE < len(ids)
    }


def _first_page(sessions: Sessions, request: _Request, job: Job) -> SearchResult:
    """Just the rows a freshly opened window shows first: the full search follows at once."""
    job.check()
    with sessions() as session:
        ids = agreement_ids(session, request.wanted, request.sort, limit=PAGE)
        rows = fetch_rows(session, ids)
        return SearchResult(request.generation, ids, count(session), False, rows, -1)


def _facets(
    sessions: Sessions,
    index: FacetIndex | None,
    wanted: AgreementFilter,
    sql_limit: int,
    job: Job,
) -> Facets | None:
    """The counts from a current index, or from SQL for up to *sql_limit* matches; else None.

    None means: wait for the index to be rebuilt. Counting a broad filter in SQL would hold
    up the next search for a second at a quarter of a million agreements, and even a narrow
    one competes with the build for the interpreter, so that typing would stutter.
    """
    job.check()
    with sessions() as session:
        if index is not None and _catch_up(session, index):
            return index.facets(session, wanted)
        if sql_limit and count(session, wanted) <= sql_limit:
            return facet_counts(session, wanted)
    return None


def _patch(
    sessions: Sessions, index: FacetIndex, ids: frozenset[int], catalog_if_added: bool, job: Job
) -> tuple[bool, Catalog | None]:
    """Patch *index* for *ids*; the catalog too, if asked and a party or field was added."""
    with sessions() as session:
        before = index.marks
        patched = index.apply(session, ids, known=True)
    after = index.marks
    added = (before.parties, before.fields) != (after.parties, after.fields)
    read = catalog_if_added and (added or not patched)
    return patched, _read_catalog(sessions, job) if read else None


def _read_revision(sessions: Sessions, _job: Job) -> int:
    with sessions() as session:
        return current_revision(session)


def _build_index(database: Database, job: Job) -> tuple[FacetIndex | None, bool]:
    """The index kept beside the database, brought up to date; else one built.

    With it, whether to keep it beside the database for the next opening: done once the
    window has it (SearchController._keep), not before.
    """
    kept = index_path(sqlite_path(database.url))
    with database.sessions() as session:
        found = _kept_index(session, kept) if kept is not None else None
        if found is None:
            job.check()
            index = FacetIndex.build(session, job.check)
            found = index, index is not None and kept is not None
    _spare_from_collections()
    return found


def _kept_index(session: Session, kept: Path) -> tuple[FacetIndex, bool] | None:
    """The index kept at *kept*, patched from the audit log; None if none is kept or of use.

    Read in a fraction of a build's time (models.index_file). Patched, it is to be kept
    again (True), so that the next opening has less to patch.
    """
    index = index_file.load(session, kept, SCHEMA_REVISION)
    if index is None:
        return None
    revision = index.revision
    if not _catch_up(session, index):
        return None
    if index.total != count(session):
        return None  # agreements added or removed without an audit line (another tool)
    return index, index.revision != revision


def _keep_index(database: Database, state: IndexState, _job: Job) -> bool:
    """Write *state* beside its SQLite file (a hundred megabytes at a million agreements)."""
    kept = index_path(sqlite_path(database.url))
    if kept is None:
        return False
    with database.sessions() as session:
        return index_file.save_state(session, state, kept, SCHEMA_REVISION)


def _not_kept(error: BaseException) -> None:
    log.warning("the facet index was not kept on disk: %r", error)


def _spare_from_collections() -> None:
    """Let Python's garbage collector pass over what is alive now: the new index's lists.

    A full collection walks every element of every list, with the interpreter held: at
    250,000 agreements about 90 ms, a stall of the window whenever one came round while
    typing. Frozen objects are still freed when nothing refers to them; unfreezing the
    last build's first lets this collection find anything of it caught in a cycle.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _read_catalog(sessions: Sessions, _job: Job) -> Catalog:
    with sessions() as session:
        return Catalog(
            tuple(field_tree(session)), tuple(party_list(session)), tuple(views.list_views(session))
        )


# ----------------------------------------------------------------- the controller


class SearchController(QObject):
    """Searches, counts and the facet index of one window, all off the GUI thread."""

    first_rows_ready = Signal(object)  # SearchResult: the first rows of a database just opened
    rows_ready = Signal(object)  # SearchResult of the newest search
    counts_ready = Signal(object)  # Facets of the newest filter
    catalog_ready = Signal(object)  # Catalog, read after a change that may have touched it
    index_rebuilt = Signal()  # a whole new index is in use (a patch does not say this)
    changed_elsewhere = Signal()  # the poll saw a change saved by someone else
    failed = Signal(object)  # an exception of a search or count (never a cancellation)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.worker = Worker(self)
        # The index is built on a thread of its own, so that the table keeps answering
        # (from SQL) while it is built at start-up or after a broad change.
        self.index_worker = Worker(self)
        self.index: FacetIndex | None = None
        self.builds = 0  # indexes built since the window opened (a patch is not one)
        self.wanted = AgreementFilter()
        self.sort = DEFAULT_SORT
        self.shown_revision: int | None = None  # of the data last handed out
        self._index_job: Job | None = None
        self._search_job: Job | None = None
        self._facet_job: Job | None = None
        self._failed_builds = 0
        self._generation = 0
        self._facet_cache: dict[AgreementFilter, Facets] = {}
        # Others (another window, another analyst on a team database) may change the data:
        # a cheap read of the data revision every few seconds notices it.
        self.change_poll = QTimer(self, interval=CHANGE_POLL_MS, timeout=self.poll)  # type: ignore[call-arg]  # PySide6 connects a signal given by name

    @property
    def generation(self) -> int:
        return self._generation

    # ------------------------------------------------------------ asking

    def open(self, database: Database) -> None:
        """Work on *database* from now on; what was asked of the previous one is dropped."""
        for job in (self._search_job, self._facet_job, self._index_job):
            if job is not None:
                job.cancel()
        self.database = database
        self.index = None
        self._index_job = None
        self.shown_revision = None
        self._facet_cache.clear()

    def search(
        self,
        wanted: AgreementFilter,
        sort: Sort,
        *,
        first_page: bool = False,
        keep_view: bool = False,
        anchor: int | None = None,
        changed: frozenset[int] = frozenset(),
        shown: Sequence[int] | None = None,
    ) -> None:
        """Run *wanted* in *sort* order; rows_ready, then counts_ready, for the newest only.

        With *first_page* (a database just opened), its first rows are read and handed out
        on their own before all the ids: a first page in milliseconds rather than a quarter
        of a second at a quarter of a million agreements. With *keep_view* (a reload of the
        same filter) the rows of *changed* are read too, and none but those if the ids come
        out as *shown* (what the table shows now). The pages around *anchor* (the agreement
        the table keeps at its top, or scrolls to) are read with the first.
        """
        self._generation += 1
        self.wanted, self.sort = wanted, sort
        request = _Request(
            wanted, sort, self._generation, keep_view, anchor, changed, shown, self.shown_revision
        )
        sessions = self.database.sessions
        for job in (self._search_job, self._facet_job):
            if job is not None:
                job.cancel()  # its answer would be thrown away: stop it early
        if first_page:
            self.worker.submit(
                lambda job: _first_page(sessions, request, job), self._first_rows, self._failed
            )
        index = self.index
        self._search_job = self.worker.submit(
            lambda job: _search(sessions, index, request, job), self._rows, self._failed
        )

    def apply(
        self,
        changes: Changes,
        anchor: int | None = None,
        shown: Sequence[int] | None = None,
        *,
        catalog_if_added: bool = False,
    ) -> None:
        """Show what a write did: patch the index for its agreements, refresh rows and counts.

        The filter stays; *anchor* (an agreement in view) keeps the scroll position, and if
        the ids come out as *shown* only the changed rows are read. A change too broad to
        patch (`everything`, or more than PATCH_LIMIT agreements) has the index built again
        in the background, as when a database is opened. The catalog (fields, parties,
        views) is read again when the change says it changed; with *catalog_if_added* (a
        save, which may add a party or field but renames none) only if the patch finds one
        added.
        """
        self._facet_cache.clear()
        ids = changes.agreements
        index = self.index
        patching = index is not None and bool(changes)
        if index is not None and (changes.everything or len(ids) > PATCH_LIMIT):
            self._drop_index()
            patching = False
        catalog = changes.parties or changes.fields or changes.views or changes.everything
        settled_by_patch = patching and catalog_if_added and not changes.views
        if catalog and not settled_by_patch:
            self.reload_catalog()
        if patching and index is not None:
            sessions = self.database.sessions
            self.worker.submit(
                lambda job: _patch(sessions, index, ids, settled_by_patch, job),
                lambda answer: self._patched(index, *answer),
                self._failed,
            )
        changed = frozenset(ids) if len(ids) <= PATCH_LIMIT else frozenset()
        self.search(
            self.wanted, self.sort, keep_view=True, anchor=anchor, changed=changed, shown=shown
        )

    def reload(self, anchor: int | None = None, shown: Sequence[int] | None = None) -> None:
        """Show the data as it is now (F5): catalog, rows and counts, the view kept."""
        self.reload_catalog()
        self._facet_cache.clear()
        self.search(self.wanted, self.sort, keep_view=True, anchor=anchor, shown=shown)

    def reload_catalog(self) -> None:
        """Read the fields, parties and views again; catalog_ready follows."""
        sessions = self.database.sessions
        self.worker.submit(lambda job: _read_catalog(sessions, job), self._catalog, self._failed)

    def poll(self) -> None:
        """Notice a change saved elsewhere; changed_elsewhere (then a reload) if there is one."""
        if self.shown_revision is None or self.worker.busy:
            return  # a search is on its way anyway
        sessions, database = self.database.sessions, self.database

        def seen(revision: int) -> None:
            if database is self.database and revision != self.shown_revision:
                self.changed_elsewhere.emit()

        self.worker.submit(lambda job: _read_revision(sessions, job), seen, lambda _error: None)

    def rebuild_index(self) -> None:
        """Build a FacetIndex of the data as it is now (once at a time); counts follow."""
        if self._index_job is not None:
            return
        database = self.database

        def built(found: tuple[FacetIndex | None, bool]) -> None:
            index, keep = found
            if database is not self.database:
                return  # another database was opened meanwhile
            self._index_job = None
            if index is None:  # the data changed while it was read: read it again, later
                delay = REBUILD_RETRY_MS[min(self._failed_builds, len(REBUILD_RETRY_MS) - 1)]
                self._failed_builds += 1
                QTimer.singleShot(delay, self.rebuild_index)
                return
            self._failed_builds = 0
            self.index = index
            self.builds += 1
            self._facet_cache.clear()
            self.index_rebuilt.emit()
            self.request_counts()
            if keep:  # once the window has shown what the index counts
                held = weakref.ref(index)  # not kept alive if replaced meanwhile
                QTimer.singleShot(KEEP_AFTER_MS, self, lambda: self._keep(database, held()))

        def failed(error: BaseException) -> None:
            if database is self.database:
                self._index_job = None
                self._failed(error)

        self._index_job = self.index_worker.submit(
            lambda job: _build_index(database, job), built, failed
        )

    def _keep(self, database: Database, index: FacetIndex | None) -> None:
        """Keep *index* on disk for the next opening, as it is by then (patched since).

        Taken from it on the worker that patches it, written on the index's own thread;
        a failure only means a build at the next opening.
        """
        if index is None or database is not self.database or index is not self.index:
            return  # another database, or an index built since (kept in its turn)

        def write(state: IndexState) -> None:
            self.index_worker.submit(
                lambda job: _keep_index(database, state, job), lambda _kept: None, _not_kept
            )

        self.worker.submit(lambda _job: index_file.kept_state(index), write, _not_kept)

    def request_counts(self) -> None:
        """Count the newest filter per facet: from the cache, the index, or once it is built."""
        wanted, generation = self.wanted, self._generation
        cached = self._facet_cache.get(wanted)
        if cached is not None:
            self._counts(generation, wanted, cached, self.index)
            return
        sessions, index = self.database.sessions, self.index
        # SQL counts only while no build is running (it is backing off after the data
        # outran it): a build in progress brings the counts within seconds.
        sql_limit = SQL_COUNT_LIMIT if self._index_job is None else 0
        self._facet_job = self.worker.submit(
            lambda job: _facets(sessions, index, wanted, sql_limit, job),
            lambda facets: self._counts(generation, wanted, facets, index),
            self._failed,
        )

    def shutdown(self) -> None:
        """Stop polling and building, and let queued jobs finish (the window is closing)."""
        self.change_poll.stop()
        if self._index_job is not None:
            self._index_job.cancel()
        self.index_worker.shutdown()
        self.worker.shutdown()

    def forget_counts(self) -> None:
        """Count again next time (the data changed in a way only the caller knows)."""
        self._facet_cache.clear()

    # ------------------------------------------------------------ answers (GUI thread)

    def _first_rows(self, result: SearchResult) -> None:
        if result.generation == self._generation:
            self.first_rows_ready.emit(result)

    def _rows(self, result: SearchResult) -> None:
        if result.generation != self._generation:
            return  # a newer filter is on its way
        self.shown_revision = result.revision
        if not result.indexed:
            self._facet_cache.clear()  # the data has changed since they were counted
        counted = self.wanted in self._facet_cache
        if not counted:
            # Queued on the worker ahead of what showing the rows asks for (the details of
            # the agreement saved): the counts are current sooner. Delivered after the rows.
            self.request_counts()
        self.rows_ready.emit(result)
        if counted:
            self.request_counts()  # shown at once: after the rows, as always

    def _counts(
        self,
        generation: int,
        wanted: AgreementFilter,
        facets: Facets | None,
        index: FacetIndex | None,
    ) -> None:
        if generation != self._generation:
            return
        if facets is None:
            # Not counted: *index* could not be brought up to date, or there was none and
            # the filter was too broad for SQL. Either way an index is to be built, unless
            # one has been put in place since (it counts in its turn, see rebuild_index).
            if index is self.index:
                self._drop_index()
            return
        if len(self._facet_cache) >= FACET_CACHE_SIZE:
            self._facet_cache.pop(next(iter(self._facet_cache)))
        self._facet_cache[wanted] = facets
        self.counts_ready.emit(facets)

    def _catalog(self, catalog: Catalog) -> None:
        self.catalog_ready.emit(catalog)

    def _patched(self, index: FacetIndex, patched: bool, catalog: Catalog | None) -> None:
        if catalog is not None:
            self.catalog_ready.emit(catalog)
        if not patched and index is self.index:
            self._drop_index()

    def _drop_index(self) -> None:
        """Stop using the index (it can't be brought up to date) and build a new one."""
        self.index = None
        self.rebuild_index()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            self.failed.emit(error)

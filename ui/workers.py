"""One serial background thread for database work, with results handed back on the GUI thread.

SQLite has one writer, and a Session is not thread-safe: every job opens its own session
on this one thread. A job's callbacks run on the GUI thread; a job never touches a widget.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from models.cancelled import Cancelled

log = logging.getLogger(__name__)
UNHURRIED_NICENESS = 10  # of 19: below the window's threads, above idle


def _lower_priority() -> None:
    """Give this thread a lower processor priority than the window's (Linux: per thread).

    The day's backup copies and checks the whole file for seconds when a database opens;
    on two cores, beside a search, it took the processor from the window and typing
    stalled. Elsewhere setpriority would lower the whole process: left as it is there.
    """
    if sys.platform.startswith("linux"):
        try:
            thread = threading.get_native_id()
            # Relative to the process's: set outright, 10 raised a process run at nice 19.
            niceness = min(19, os.getpriority(os.PRIO_PROCESS, thread) + UNHURRIED_NICENESS)
            os.setpriority(os.PRIO_PROCESS, thread, niceness)
        except OSError as error:  # not allowed (a container's policy): it runs as it is
            log.info("the backup thread keeps its priority: %s", error)


class Job:
    """What a running job sees: a cancel flag to check between steps, and a progress reporter."""

    def __init__(self, worker: Worker) -> None:
        self._worker = worker
        self._cancel = threading.Event()
        self.on_progress: Callable[[int, int], None] | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here if the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int) -> None:
        callback = self.on_progress
        if callback is not None:
            self._worker.deliver(lambda: callback(done, total))


class Worker(QObject):
    """Runs jobs one after another on a background thread."""

    _delivered = Signal()  # a callback has arrived: run the next one, on the GUI thread

    def __init__(self, parent: QObject | None = None, *, unhurried: bool = False) -> None:
        """*unhurried*: for work nobody waits on (the day's backup), run at a lower priority."""
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(
            max_workers=1,
            thread_name_prefix="treaty-db",
            initializer=_lower_priority if unhurried else None,
        )
        self._closed = False
        self._pending = 0  # jobs submitted and not yet finished (changed on the GUI thread)
        # Callbacks waiting for the GUI thread, run one per pass of its event loop (see
        # _run_next); guarded by the lock, as the worker thread adds to them.
        self._arrived: deque[Callable[[], None]] = deque()
        self._lock = threading.Lock()
        self._scheduled = False  # a _run_next is on its way
        self._delivered.connect(self._run_next, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        work: Callable[[Job], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Job:
        """Run work(job) in the background; on_done(result) or on_error(exc) on the GUI thread.

        After shutdown (the window is closing) nothing runs: the job comes back cancelled.
        """
        job = Job(self)
        if self._closed:
            job.cancel()
            return job

        def finished(future: Future[Any]) -> None:
            error = future.exception()
            if error is None:
                result = future.result()
                self.deliver(lambda: self._job_done(lambda: on_done(result)))
            elif on_error is not None:
                self.deliver(lambda: self._job_done(lambda: on_error(error)))
            else:
                log.error("background job failed", exc_info=error)
                self.deliver(self._job_done)

        self._pending += 1
        self._executor.submit(work, job).add_done_callback(finished)
        return job

    @property
    def busy(self) -> bool:
        """Whether a job is queued or running."""
        return self._pending > 0

    def _job_done(self, then: Callable[[], None] | None = None) -> None:
        self._pending -= 1
        if then is not None:
            then()

    def deliver(self, callback: Callable[[], None]) -> None:
        """Call *callback* on the GUI thread (safe from any thread), after those before it."""
        with self._lock:
            self._arrived.append(callback)
            if self._scheduled:
                return
            self._scheduled = True
        self._delivered.emit()

    @Slot()
    def _run_next(self) -> None:
        """Run the first callback waiting; the next one in the event loop's next pass.

        Two jobs that end close together (a search's rows, then its counts) had their
        callbacks run in one pass, keys, timers and the table's paint waiting for both:
        30-50 ms at a quarter of a million agreements.
        """
        with self._lock:
            if not self._arrived:
                self._scheduled = False
                return
            callback = self._arrived.popleft()
            more = bool(self._arrived)
            if not more:
                self._scheduled = False
        if more:  # posted before it runs: a dialog it opens still gets the next one
            self._delivered.emit()
        callback()

    def shutdown(self) -> None:
        self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)


def run_with_progress(
    parent: QWidget,
    worker: Worker,
    label: str,
    work: Callable[[Job], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> QProgressDialog:
    """Run a long job with a modal progress dialog whose Cancel stops it (changing nothing)."""
    cancel = QCoreApplication.translate("Progress", "Cancel")  # in the window's language
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle("Treaty Tracker")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def finish(result: Any) -> None:
        dialog.close()
        on_done(result)

    def fail(error: BaseException) -> None:
        dialog.close()
        on_error(error)

    job = worker.submit(work, finish, fail)
    job.on_progress = progress
    # A lambda, not the bound method: PySide would watch the Job through a weak reference
    # and disconnect from the worker thread when it dies there, deadlocking against a GUI
    # thread that is closing the dialog. The lambda keeps the Job until the dialog goes.
    dialog.canceled.connect(lambda: job.cancel())
    return dialog

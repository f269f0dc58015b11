"""An import's inserts run by SQLite on a thread of their own while Python makes the next rows.

Storing 100,000 imported agreements is about a third SQLite's own work (inserting rows,
their indexes, the words of the search index) and two thirds Python's (reading, checking and
laying out the rows). SQLite lets go of the interpreter while it works, so the two can run
side by side on two cores: within write_behind(), insert statements are queued and run in
order on a writer thread, in the caller's transaction and on its connection.

Two rules keep it the same transaction as before:

- Every other statement on the connection, from any code, waits until the queued ones are
  done (a before_cursor_execute listener on that connection): whatever it reads or writes
  sees the inserts before it, as if they had run at once.
- Leaving the block waits for the writer; a statement that failed on the writer is raised
  to the caller there or at its next insert, as SQLAlchemy would have raised it, and the
  rest of the queue is dropped. Nothing is committed or rolled back while the writer works.

Each chunk of rows goes to SQLite as one JSON array and one INSERT ... SELECT over
json_each(): one call into SQLite, which lets go of the interpreter for all of it. (The
driver's executemany takes the interpreter back after every row; beside a busy thread each
of those takes milliseconds.) Values reach the columns as they would by binding: text as
text, integers as integers, None as NULL; rows with anything else (bytes) are inserted at
once on the caller's thread. A column with the same value in every row of a chunk (the
time stamp, the user) is bound once as a parameter instead. Only SQLite: elsewhere
write_behind() changes nothing.

Each statement the writer finishes waits for the interpreter, which the caller's thread
holds until Python's switch interval runs out: 5 ms by default, nearly 3 s over the 600
statements of an import of 100,000, the caller often waiting for a full queue meanwhile.
Within the block the interval is SWITCH_INTERVAL.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import Connection, event
from sqlalchemy.exc import DBAPIError

_KEY = "treaty-tracker:write-behind"
_AHEAD = 6  # statements queued at most: the writer mostly keeps up, memory stays bounded
_T = TypeVar("_T")
# How long the caller's thread may keep the interpreter once the writer asks for it back
# (Python's default: 5 ms). Measured in benchmarks/RESULTS.md, session 14.
SWITCH_INTERVAL = 0.0005


class _Writer:
    """The queue of one connection's insert statements and the thread that runs them."""

    def __init__(self, driver: sqlite3.Connection) -> None:
        self._driver = driver
        self._jobs: queue.Queue[tuple[str, tuple[Any, ...]] | None] = queue.Queue(_AHEAD)
        self._failed: tuple[str, BaseException] | None = None
        self.memo: dict[object, Any] = {}  # see remembered()
        self._thread = threading.Thread(target=self._run, name="write behind", daemon=True)
        self._thread.start()

    def submit(self, statement: str, parameters: tuple[Any, ...]) -> None:
        self.raise_failure()
        self._jobs.put((statement, parameters))

    def wait(self) -> None:
        """Until every statement queued so far has run; raises the first that failed."""
        self._jobs.join()
        self.raise_failure()

    def stop(self) -> None:
        """Run nothing more: the queue dropped, the statement under way finished."""
        self._dropping = True
        self._jobs.put(None)
        self._thread.join()

    def raise_failure(self) -> None:
        if self._failed is not None:
            statement, error = self._failed
            if isinstance(error, sqlite3.Error):
                raise DBAPIError.instance(statement, None, error, sqlite3.Error) from error
            raise error

    _dropping = False

    def _run(self) -> None:
        cursor = self._driver.cursor()
        try:
            while (job := self._jobs.get()) is not None:
                try:
                    if self._failed is None and not self._dropping:
                        cursor.execute(*job)
                except BaseException as error:  # raised on the caller's thread
                    self._failed = (job[0], error)
                finally:
                    self._jobs.task_done()
        finally:
            self._jobs.task_done()  # the None that stopped it
            cursor.close()


@contextmanager
def write_behind(connection: Connection) -> Iterator[None]:
    """Within the block, inserts made through insert_rows() run on a writer thread (SQLite)."""
    if connection.dialect.name != "sqlite" or _KEY in connection.info:
        yield
        return
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    writer = _Writer(driver)

    def wait_first(_: Connection, __: object, statement: str, *rest: object) -> None:
        writer.wait()  # any other statement sees the inserts before it
        if statement.lstrip()[:6].upper() != "SELECT":
            writer.memo.clear()  # it may change what was remembered

    event.listen(connection, "before_cursor_execute", wait_first)
    connection.info[_KEY] = writer
    try:
        with _quick_switches():
            yield
            writer.wait()
    finally:
        del connection.info[_KEY]
        event.remove(connection, "before_cursor_execute", wait_first)
        writer.stop()


class _QuickSwitches:
    """Python's switch interval at most SWITCH_INTERVAL while any block is under way (the
    interval is the process's: the one before the first block is put back after the last)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._blocks = 0
        self._before = sys.getswitchinterval()

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if not self._blocks:
                self._before = sys.getswitchinterval()
                sys.setswitchinterval(min(self._before, SWITCH_INTERVAL))
            self._blocks += 1
        try:
            yield
        finally:
            with self._lock:
                self._blocks -= 1
                if not self._blocks:
                    sys.setswitchinterval(self._before)


_quick_switches = _QuickSwitches()


def write_behind_active(connection: Connection) -> bool:
    return _KEY in connection.info


def insert_rows(connection: Connection, statement: str, rows: Sequence[Sequence[Any]]) -> None:
    """Run the driver's INSERT *statement* (qmark parameters) for each of *rows*: on the
    writer thread within write_behind(), at once otherwise."""
    if not rows:
        return
    if _KEY not in connection.info:
        connection.exec_driver_sql(statement, list(rows))
        return
    width = _selecting(statement, ())[1]
    if set(map(len, rows)) != {width}:  # a missing value would read as NULL
        raise ValueError(f"rows of {width} values expected: {statement}")
    insert_columns(connection, statement, list(zip(*rows, strict=True)))


def insert_columns(
    connection: Connection, statement: str, columns: Sequence[Sequence[Any]]
) -> None:
    """insert_rows() with the values given column by column (each column's values in the
    order of the rows), as fast_insert has them.

    On the writer, a column whose value is the same in every row (the import's time stamp,
    its user, an optional field nobody filled in) is bound once as a parameter, not
    repeated in the JSON and read back out of it in each row: the JSON is smaller, and
    SQLite reads it back with fewer calls.
    """
    rows_of = len(columns[0]) if columns else 0
    if not rows_of:
        return
    writer = connection.info.get(_KEY)
    if writer is not None:
        width = _selecting(statement, ())[1]
        if len(columns) != width or any(len(column) != rows_of for column in columns):
            raise ValueError(f"rows of {width} values expected: {statement}")
        constant = tuple(n for n, column in enumerate(columns) if _constant(column))
        varying = [column for n, column in enumerate(columns) if n not in constant]
        try:
            encoded = json.dumps(
                list(zip(*varying, strict=True)) if varying else [[]] * rows_of,
                ensure_ascii=False,
                allow_nan=False,
                check_circular=False,
            )
        except (TypeError, ValueError):  # bytes, or a float JSON can't hold: bound as they are
            encoded = None
        if encoded is not None:
            bound = [columns[n][0] for n in constant]
            writer.submit(_selecting(statement, constant)[0], (*bound, encoded))
            return
    connection.exec_driver_sql(statement, list(zip(*columns, strict=True)))


def _constant(column: Sequence[Any]) -> bool:
    """Whether every value of *column* is the same text, integer or None, of one type: bound
    once, it is stored as each row's would be. (Floats are left in the JSON: -0.0 equals
    0.0, and they rarely repeat.)"""
    first = column[0]
    return (
        type(first) in _BOUND_ONCE
        and first == column[-1]
        and column.count(first) == len(column)
        and len(set(map(type, column))) == 1  # 1.0 equals 1, but is stored as a real
    )


_BOUND_ONCE = (str, int, bool, type(None))


@lru_cache(maxsize=256)
def _selecting(statement: str, constant: tuple[int, ...]) -> tuple[str, int]:
    """INSERT ... VALUES (?, ?) as INSERT ... SELECT over the rows of one JSON array, and
    the number of values of each row: the *constant* columns are parameters (before the
    JSON), the others read from each row's array in turn."""
    head, values, tail = statement.rpartition(" VALUES (")
    width = tail.count("?")
    if not values or width != tail.count(",") + 1 or not tail.rstrip().endswith(")"):
        raise ValueError(f"not a plain INSERT ... VALUES: {statement}")
    read = iter(range(width))
    columns = ", ".join(
        "?" if n in constant else f"json_extract(value, '$[{next(read)}]')" for n in range(width)
    )
    return f"{head} SELECT {columns} FROM json_each(?)", width


def remembered(connection: Connection, key: object, compute: Callable[[], _T]) -> _T:
    """compute() (which reads the database), kept within write_behind() until a statement
    other than a SELECT runs on the caller's thread: reading it again would wait for every
    queued insert. The caller keeps it true of its own inserts (remember())."""
    writer = connection.info.get(_KEY)
    if writer is None:
        return compute()
    if key not in writer.memo:
        writer.memo[key] = compute()
    return writer.memo[key]  # type: ignore[no-any-return]


def remember(connection: Connection, key: object, value: object) -> None:
    """What remembered() gives for *key* from now on, within write_behind()."""
    writer = connection.info.get(_KEY)
    if writer is not None:
        writer.memo[key] = value

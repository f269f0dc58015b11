"""An import's inserts on the writer thread store what the driver stores, in order, in the
caller's transaction; a failure reaches the caller and nothing is kept."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from models.database import Database, open_database
from models.write_behind import (
    SWITCH_INTERVAL,
    insert_rows,
    remember,
    remembered,
    write_behind,
)

TABLE = (
    "CREATE TABLE sample (id INTEGER PRIMARY KEY, words TEXT, number INTEGER, real REAL, anything)"
)
INSERT = "INSERT INTO sample (id, words, number, real, anything) VALUES (?, ?, ?, ?, ?)"
AWKWARD = [
    (1, "Тоқаев", 7, 1.5, "text"),
    (2, "Oʻzbekiston; Türkiye", -3, 0.1, 12),
    (3, 'quotes " and \\ and\na line break, \t a tab', None, None, None),
    (4, "", 0, -2.25, True),
    (5, '["a", "b"]', 2**62, 1e300, '{"x": 1}'),
    (6, "Convention d'Évian 🌍", 1, 3.0, "42"),
]
BYTES = (7, "bytes", 1, None, b"\x00\x01")  # JSON can't hold them: bound as they are
# Over two statements' worth (500 rows each), the last one short.
MANY = [*AWKWARD, *((n, f"Тоқаев {n}", n, n / 4, None) for n in range(8, 1235))]
# Calls whose columns hold one value in every row (bound once on the writer), or nearly.
SAME = [(n, "Oʻzbekiston", 7, -0.0 if n % 2 else 0.0, None) for n in range(2000, 2100)]
NEARLY = [  # one row's words differ; 1 equals 1.0, but is stored as an integer
    (n, "Türkiye " if n == 3050 else "Türkiye", 5, 2.5, 1.0 if n == 3051 else 1)
    for n in range(3000, 3100)
]
ONE = [(4000, "Тоқаев", 2**62, None, True)]  # every column the same: no JSON column left
BATCHES = [MANY, SAME, NEARLY, ONE, [BYTES]]


def _stored(connection: Connection) -> list[tuple[object, ...]]:
    query = (
        "SELECT id, words, typeof(words), number, typeof(number), real, typeof(real),"
        " anything, typeof(anything) FROM sample ORDER BY id"
    )
    return [tuple(row) for row in connection.exec_driver_sql(query)]


@contextmanager
def _sample(path: Path) -> Iterator[Database]:
    """A database at *path* with the empty table `sample`, closed afterwards."""
    database = open_database(path)
    try:
        with database.engine.begin() as connection:
            connection.exec_driver_sql(TABLE)
        yield database
    finally:
        database.close()


def _writer_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "write behind"]


def test_rows_stored_behind_are_the_rows_the_driver_stores(tmp_path: Path) -> None:
    stored = []
    for way in ("executemany", "at once", "behind"):
        with _sample(tmp_path / f"{way}.db") as database:
            with database.engine.begin() as connection:
                if way == "executemany":
                    for batch in BATCHES:
                        connection.exec_driver_sql(INSERT, batch)
                elif way == "at once":
                    for batch in BATCHES:
                        insert_rows(connection, INSERT, batch)
                else:
                    with write_behind(connection):
                        for batch in BATCHES:
                            insert_rows(connection, INSERT, batch)
            with database.engine.connect() as connection:
                stored.append(_stored(connection))
    assert [row[1] for row in stored[2]][:2] == ["Тоқаев", "Oʻzbekiston; Türkiye"]
    assert len(stored[0]) == 1234 + 100 + 100 + 1 and stored[0][6][7] == b"\x00\x01"
    assert stored[1] == stored[0]  # the same values, of the same types
    assert stored[2] == stored[0]
    assert not _writer_threads()


def test_a_statement_of_the_caller_sees_every_insert_queued_before_it(tmp_path: Path) -> None:
    with (
        _sample(tmp_path / "order.db") as database,
        database.engine.begin() as connection,
        write_behind(connection),
    ):
        counted = []
        for start in range(0, 2000, 100):
            rows = [(n, f"word {n}", n, None, None) for n in range(start, start + 100)]
            insert_rows(connection, INSERT, rows)
            counted.append(connection.exec_driver_sql("SELECT count(*) FROM sample").scalar())
        assert counted == list(range(100, 2001, 100))
        assert len(_writer_threads()) == 1


def test_rows_of_the_wrong_width_are_refused(tmp_path: Path) -> None:
    with (
        _sample(tmp_path / "width.db") as database,
        database.engine.begin() as connection,
        pytest.raises(ValueError, match="rows of 5 values"),
        write_behind(connection),
    ):
        insert_rows(connection, INSERT, [(1, "a", 1, None), (2, "b", 2, None)])


def test_a_failed_insert_is_raised_and_the_transaction_keeps_nothing(tmp_path: Path) -> None:
    with _sample(tmp_path / "failed.db") as database:
        with (
            pytest.raises(IntegrityError, match=r"UNIQUE constraint failed: sample\.id"),
            database.engine.begin() as connection,
            write_behind(connection),
        ):
            insert_rows(connection, INSERT, AWKWARD)
            insert_rows(connection, INSERT, AWKWARD[:1])  # id 1 again
            insert_rows(connection, INSERT, [(99, "after", 1, None, None)])
        with database.engine.connect() as connection:
            assert _stored(connection) == []
        assert not _writer_threads()


def test_an_error_of_the_caller_stops_the_writer_before_the_rollback(tmp_path: Path) -> None:
    with _sample(tmp_path / "stopped.db") as database:
        with (
            pytest.raises(RuntimeError, match="cancelled"),
            database.engine.begin() as connection,
            write_behind(connection),
        ):
            for start in range(0, 5000, 500):
                rows = [(n, f"word {n}", n, None, None) for n in range(start, start + 500)]
                insert_rows(connection, INSERT, rows)
            raise RuntimeError("cancelled")
        assert not _writer_threads()
        with database.engine.connect() as connection:
            assert _stored(connection) == []


def test_what_is_remembered_is_forgotten_after_a_write_of_the_caller(tmp_path: Path) -> None:
    asked: list[int] = []

    def count(connection: Connection) -> int:
        asked.append(1)
        return int(connection.execute(text("SELECT count(*) FROM sample")).scalar_one())

    with _sample(tmp_path / "memo.db") as database, database.engine.begin() as connection:
        with write_behind(connection):
            assert remembered(connection, "rows", lambda: count(connection)) == 0
            insert_rows(connection, INSERT, AWKWARD)
            remember(connection, "rows", len(AWKWARD))  # kept true of its own inserts
            assert remembered(connection, "rows", lambda: count(connection)) == len(AWKWARD)
            assert len(asked) == 1
            connection.exec_driver_sql("DELETE FROM sample WHERE id = 1")
            assert remembered(connection, "rows", lambda: count(connection)) == len(AWKWARD) - 1
            assert len(asked) == 2
        # Outside the block nothing is kept.
        assert remembered(connection, "rows", lambda: count(connection)) == len(AWKWARD) - 1
        assert len(asked) == 3


def test_the_writer_gets_the_interpreter_back_quickly_until_the_last_block_ends(
    tmp_path: Path,
) -> None:
    """Within write_behind() the switch interval is short (each finished statement waited up
    to 5 ms for the interpreter); Python's own is put back after the last block, failed or
    not, whichever block ends first."""
    default = sys.getswitchinterval()
    assert default > SWITCH_INTERVAL
    with (
        _sample(tmp_path / "one.db") as one,
        _sample(tmp_path / "two.db") as two,
        one.engine.connect() as first,
        two.engine.connect() as second,
    ):
        with ExitStack() as later:
            with write_behind(first):
                assert sys.getswitchinterval() == SWITCH_INTERVAL
                later.enter_context(write_behind(second))
            assert sys.getswitchinterval() == SWITCH_INTERVAL  # the second goes on
        assert sys.getswitchinterval() == default
        with pytest.raises(IntegrityError), first.begin(), write_behind(first):
            insert_rows(first, INSERT, AWKWARD + AWKWARD[:1])
        assert sys.getswitchinterval() == default

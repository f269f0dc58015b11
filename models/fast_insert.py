"""Many rows inserted through the driver's own executemany, each value converted once.

connection.execute(insert(table), rows) processes every row's parameters in Python
(construct_params, then each column's bind processor, row by row): half the cost of
storing an import of 100,000 agreements. Here the statement is compiled once per table
and set of columns, each column's bind processor (the same SQLAlchemy would use: dates as
ISO text, vocabularies as their values, JSON, times) is applied in one loop, and the
driver gets plain tuples (SQLite) or dicts (PostgreSQL), so both back ends store what
connection.execute would have stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, insert

from models.write_behind import insert_columns

_Processor = Callable[[Any], Any] | None
_Compiled = tuple[str, tuple[str, ...], tuple[_Processor, ...]]
_COMPILED: dict[tuple[str, str, tuple[str, ...]], _Compiled] = {}


def insert_many(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert *rows* (dicts with the same keys, columns of *table*) in one executemany."""
    if not rows:
        return
    columns = tuple(rows[0])
    sql, names, processors = _compiled(connection, table, columns)
    if sorted(names) != sorted(columns):  # a column's default is computed in Python
        connection.execute(insert(table), list(rows))
        return
    # Column by column, each a loop in C (map), then zipped into rows: a Python loop per
    # value cost as much as SQLite's own work.
    values = [
        _column(list(map(itemgetter(name), rows)), process)
        for name, process in zip(names, processors, strict=True)
    ]
    if connection.dialect.paramstyle == "qmark":  # SQLite: on the writer in write_behind()
        insert_columns(connection, sql, values)
        return
    converted = list(zip(*values, strict=True))
    if connection.dialect.paramstyle in ("format", "numeric"):
        connection.exec_driver_sql(sql, converted)
    else:  # named styles (psycopg's pyformat): the compiled names
        connection.exec_driver_sql(sql, [dict(zip(names, row, strict=True)) for row in converted])


def _column(column: list[Any], process: _Processor) -> list[Any]:
    """One column's values as the driver takes them.

    A column of hashable values (dates, vocabularies, the time stamp, numbers) is converted
    once per distinct value, each found again by a lookup in C: no Python call per row.
    Values equal to each other share one conversion, as _remembered has them share it.
    """
    if process is None:
        return column
    try:
        distinct = dict.fromkeys(column)
    except TypeError:  # a list or dict (JSON) among them
        return _json_column(column, process)
    for value in distinct:
        distinct[value] = process(value)
    return list(map(distinct.__getitem__, column))


def _json_column(column: list[Any], process: Callable[[Any], Any]) -> list[Any]:
    """A JSON column's values as the driver takes them.

    Lists of text (an agreement's languages, its other titles: mostly empty, often the
    same) are converted once per distinct list; anything else one object at a time.
    """
    if all(type(value) is list for value in column):
        keys = list(map(tuple, column))
        if all(type(item) is str for key in keys for item in key):
            distinct = dict.fromkeys(keys)
            for key in distinct:
                distinct[key] = process(list(key))
            return list(map(distinct.__getitem__, keys))
    return list(map(_by_identity(process), column))


def _by_identity(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """*process* converting each object once in one call of insert_many: the rows hold
    every object for the call, so no id is reused. The states an undo step shares across
    100,000 new agreements ('gone' before, 'read when undone' after) are JSON dicts that
    the cache by value (_remembered) can't keep."""
    done: dict[int, Any] = {}

    def converted(value: Any) -> Any:
        key = id(value)
        if key in done:
            return done[key]
        found = done[key] = process(value)
        return found

    return converted


def _remembered(process: _Processor) -> _Processor:
    """*process* converting each distinct hashable value once: the import's time stamp,
    dates, vocabularies and names repeat across 100,000 rows (lists and dicts, JSON, don't)."""
    if process is None:
        return None
    done: dict[Any, Any] = {}

    def remembered(value: Any) -> Any:
        try:
            return done[value]
        except KeyError:
            if len(done) > _REMEMBERED:
                done.clear()
            found = done[value] = process(value)
            return found
        except TypeError:  # unhashable: a list or dict
            return process(value)

    return remembered


_REMEMBERED = 4096


def _compiled(connection: Connection, table: Table, columns: tuple[str, ...]) -> _Compiled:
    """The INSERT's text, its parameters in order, and each one's bind processor."""
    dialect = connection.dialect
    key = (dialect.name, table.name, columns)
    found = _COMPILED.get(key)
    if found is None:
        compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
        names = tuple(compiled.positiontup or columns)
        processors = tuple(
            _remembered(table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
            for name in names
        )
        found = _COMPILED[key] = (compiled.string, names, processors)
    return found

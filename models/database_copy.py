"""Copying a whole database into an empty one: SQLite to a team server, or back.

Every table the user's data lives in is copied with its ids, in one transaction on the
target: a failure leaves the target as empty as it was. Afterwards PostgreSQL's id
sequences are moved past the copied ids (and past the source's own high-water mark, so
that ids of deleted agreements are never handed out again), and the search index of the
target is rebuilt from the copied rows. Attachments travel inside the database, so they
are copied with the rest (their bytes a few megabytes at a time).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Connection, Table, bindparam, func, insert, select, text, update

from models.attachment_search import rebuild_attachment_search
from models.database import DamagedDatabaseError, Database, sqlite_path, take_write_lock
from models.integrity import damaged_message, full_check_problem
from models.revision import one_revision_step
from models.schema import Base
from models.search_index import rebuild_search_index

# Parents before children, so every foreign key finds its row.
TABLES = (
    "parties",
    "party_aliases",
    "fields",
    "agreements",
    "agreement_fields",
    "participations",
    "actions",
    "milestones",
    "relations",
    "saved_views",
    "audit_log",
    "agreement_redirect",
    "attachments",
    "attachment_versions",
    "attachment_chunks",
    "trash",
    "history_steps",
    "history_items",
    "agreement_deadlines",
)
# Tables whose rows mean the target is not empty.
_CONTENT = ("agreements", "parties", "fields", "saved_views", "audit_log", "trash")
BATCH = 2000
# Rows that may be large are read a few at a time: a chunk is a megabyte of a file, a
# version carries its extracted text (up to ten million characters).
_SMALL_BATCHES = {"attachment_chunks": 4, "attachment_versions": 20}


class CopyError(Exception):
    """The copy can't be made; the message says why, and nothing was written."""


@dataclass(frozen=True)
class CopyResult:
    counts: dict[str, int]  # table -> rows copied, in the order of TABLES


def copy_database(
    source: Database, target: Database, progress: Callable[[str, int], None] | None = None
) -> CopyResult:
    """Copy everything in *source* into the empty *target*, all or nothing."""
    if source.name == target.name:
        raise CopyError(f"{source.name} can't be copied onto itself")
    if not target.can_write:
        raise CopyError(f"{target.name} is read-only for this user: nothing was copied")
    counts: dict[str, int] = {}
    with source.engine.connect() as reading, target.engine.begin() as writing:
        _read_one_snapshot(reading, source)
        take_write_lock(writing)
        _require_empty(writing, target.name)
        with one_revision_step(writing):
            for name in TABLES:
                counts[name] = _copy_table(reading, writing, Base.metadata.tables[name])
                if progress is not None:
                    progress(name, counts[name])
            _restore_fields_tree(reading, writing)
        _advance_ids(writing, _next_agreement_id(reading))
        rebuild_search_index(writing)
        rebuild_attachment_search(writing)
    return CopyResult(counts)


def _read_one_snapshot(reading: Connection, source: Database) -> None:
    """Make every read of *reading* see one moment of the source, whatever others commit.

    Table by table, a copy of a database someone is writing would find agreements whose
    parties were not there yet. An SQLite file is also checked page by page in the same
    snapshot: a copy of a damaged file would carry its damage along.
    """
    if reading.dialect.name == "postgresql":
        reading.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
    elif reading.dialect.name == "sqlite":
        reading.exec_driver_sql("BEGIN")  # a WAL read transaction: its snapshot is taken next
        # On SQLite the driver connection is the sqlite3 one.
        problem = full_check_problem(cast(sqlite3.Connection, reading.connection.dbapi_connection))
        path = sqlite_path(source.url)
        if problem and path is not None:
            raise DamagedDatabaseError(damaged_message(path, problem))


def _require_empty(connection: Connection, name: str) -> None:
    for table in _CONTENT:
        rows = connection.execute(select(func.count()).select_from(Base.metadata.tables[table]))
        found = rows.scalar_one()
        if found:
            raise CopyError(
                f"{name} is not empty ({found} rows in {table}): copy needs an empty database; "
                "nothing was copied"
            )


def _copy_table(reading: Connection, writing: Connection, table: Table) -> int:
    # Fields point at their parents: copied without them first, linked afterwards.
    values = {"parent_id": None} if table.name == "fields" else {}
    order = [column for column in table.primary_key.columns]
    copied = 0
    batch = _SMALL_BATCHES.get(table.name, BATCH)
    result = reading.execution_options(yield_per=batch).execute(select(table).order_by(*order))
    for rows in result.partitions(batch):
        writing.execute(insert(table), [{**row._mapping, **values} for row in rows])
        copied += len(rows)
    return copied


def _restore_fields_tree(reading: Connection, writing: Connection) -> None:
    fields = Base.metadata.tables["fields"]
    links = reading.execute(
        select(fields.c.id, fields.c.parent_id).where(fields.c.parent_id.is_not(None))
    ).all()
    if links:
        statement = (
            update(fields)
            .where(fields.c.id == bindparam("field_id"))
            .values(parent_id=bindparam("parent"))
        )
        writing.execute(statement, [{"field_id": i, "parent": p} for i, p in links])


def _next_agreement_id(connection: Connection) -> int:
    """The id the source would give its next agreement (ids of deleted ones included)."""
    highest: int = connection.execute(
        text("SELECT COALESCE(MAX(id), 0) FROM agreements")
    ).scalar_one()
    # The audit trail keeps the ids of deleted agreements, readable by whoever may read.
    audited = connection.execute(text("SELECT MAX(agreement_id) FROM audit_log")).scalar()
    highest = max(highest, audited or 0)
    if connection.dialect.name == "postgresql":
        # A reader granted SELECT on the tables has no right on the sequence: ask for its
        # last value only where the user may see it (NULL otherwise, and when never used).
        last = connection.execute(
            text(
                "SELECT CASE WHEN has_sequence_privilege(s, 'SELECT,USAGE') "
                "THEN pg_sequence_last_value(CAST(s AS regclass)) END "
                "FROM pg_get_serial_sequence('agreements', 'id') AS s WHERE s IS NOT NULL"
            )
        ).scalar()
        highest = max(highest, last or 0)
    elif connection.dialect.name == "sqlite":
        row = connection.execute(
            text("SELECT seq FROM sqlite_sequence WHERE name = 'agreements'")
        ).first()
        if row is not None:
            highest = max(highest, row[0])
    return highest + 1


def _advance_ids(connection: Connection, next_agreement: int) -> None:
    """Make the target's next ids follow the copied ones."""
    if connection.dialect.name == "postgresql":
        for name in TABLES:
            table = Base.metadata.tables[name]
            if "id" not in table.c:
                continue
            floor = next_agreement if name == "agreements" else 1
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"GREATEST(COALESCE(MAX(id) + 1, 1), :floor), false) FROM {name}"
                ),
                {"floor": floor},
            )
    elif connection.dialect.name == "sqlite":
        last = {"last": next_agreement - 1}
        connection.execute(
            text("UPDATE sqlite_sequence SET seq = max(seq, :last) WHERE name = 'agreements'"), last
        )
        connection.execute(
            text(
                "INSERT INTO sqlite_sequence (name, seq) SELECT 'agreements', :last "
                "WHERE :last > 0 AND NOT EXISTS "
                "(SELECT 1 FROM sqlite_sequence WHERE name = 'agreements')"
            ),
            last,
        )

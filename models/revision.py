"""The data revision: a counter the database moves on with every change (migration 0004)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, select, text, update
from sqlalchemy.orm import Session

from models.schema import ALL_TRACKED_TABLES, TRACKED_TABLES, data_revision

_EVENTS = ("insert", "update", "delete")
NOTIFY_CHANNEL = "treaty_tracker"
# PostgreSQL's statement trigger (migrations 0004, 0005): once per transaction, not per
# statement. An executemany of 100,000 rows is 100,000 statements, and as many updates of
# one row in one transaction make each next one slower (every update walks the row's
# versions); readers only see committed transactions, so one step each is all they can
# tell apart. Migration 0007 replaces its body with a note for a commit-time step.
PG_BUMP_FUNCTION = (
    "CREATE OR REPLACE FUNCTION treaty_tracker_bump_revision() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    "IF current_setting('treaty_tracker.bumped_in', true) = txid_current()::text THEN "
    "RETURN NULL; END IF; "
    "PERFORM set_config('treaty_tracker.bumped_in', txid_current()::text, true); "
    "UPDATE data_revision SET value = value + 1 WHERE id = 1; "
    f"PERFORM pg_notify('{NOTIFY_CHANNEL}', ''); "
    "RETURN NULL; END $$"
)


def current_revision(bind: Session | Connection) -> int:
    """The revision of the data as *bind* sees it now; any committed change makes it larger."""
    revision: int = bind.execute(
        select(data_revision.c.value).where(data_revision.c.id == 1)
    ).scalar_one()
    return revision


def sqlite_triggers(tables: Sequence[str] = TRACKED_TABLES) -> list[tuple[str, str]]:
    """The SQLite triggers that move the revision on, as (name, CREATE statement)."""
    return [
        (
            f"{table}_{event}_revision",
            f"CREATE TRIGGER {table}_{event}_revision AFTER {event.upper()} ON {table} "
            "BEGIN UPDATE data_revision SET value = value + 1 WHERE id = 1; END",
        )
        for table in tables
        for event in _EVENTS
    ]


@contextmanager
def one_revision_step(connection: Connection) -> Iterator[None]:
    """Many rows written in the caller's transaction count as one change of the revision.

    SQLite's triggers run once per row: an import of 100,000 agreements would update the
    revision a million times. Here they are dropped and created again in the same
    transaction (SQLite's DDL is transactional, so a rollback brings them back too), and
    the revision moves on once. PostgreSQL moves it once per transaction anyway.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    if not connection.connection.in_transaction:
        # Python's sqlite3 opens a transaction only before a row is written: a DROP
        # TRIGGER before that would be committed on its own, beyond any rollback.
        # IMMEDIATE: a transaction that reads first can't wait for another writer later.
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    present = set(
        connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars()
    )
    paused = [
        (name, create) for name, create in sqlite_triggers(ALL_TRACKED_TABLES) if name in present
    ]
    for name, _create in paused:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    for _name, create in paused:
        connection.exec_driver_sql(create)
    connection.execute(update(data_revision).values(value=data_revision.c.value + 1))

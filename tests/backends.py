"""The back ends the tests run on: an SQLite file, and a schema of its own on a PostgreSQL server.

Each test gets an empty, fully migrated database without running the migrations again: on
SQLite a copy of a file migrated once per test process, on PostgreSQL a schema migrated
once per process and emptied between tests (TRUNCATE … RESTART IDENTITY, then the rows the
migrations wrote put back). Tests of the migrations themselves use `postgres_schema()`.

PostgreSQL is the server named by $TREATY_TRACKER_TEST_PG (a URL whose user may create
schemas and roles in its database). Without it the PostgreSQL cases are skipped, except
where $CI_REQUIRE_PG=1 (CI): there a missing or unreachable server fails the run.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import URL, Connection, column, create_engine, make_url, text
from sqlalchemy import table as table_clause
from sqlalchemy.pool import NullPool

from models.database import Database, open_database

PG_VARIABLE = "TREATY_TRACKER_TEST_PG"
REQUIRE_VARIABLE = "CI_REQUIRE_PG"
BACKENDS = ("sqlite", "postgresql")


def postgres_server() -> URL:
    """The test server's URL; skips (or, in CI, fails) the test when there is none."""
    value = os.environ.get(PG_VARIABLE, "")
    if not value:
        if os.environ.get(REQUIRE_VARIABLE) == "1":
            pytest.fail(f"{REQUIRE_VARIABLE}=1 but ${PG_VARIABLE} is not set", pytrace=False)
        pytest.skip(f"no PostgreSQL server: set ${PG_VARIABLE} to run this case")
    return make_url(value)


@contextmanager
def postgres_schema(*, drop: bool = True) -> Iterator[URL]:
    """A URL whose connections work in a new, empty schema, dropped afterwards (if *drop*)."""
    server = postgres_server()
    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server)
    try:
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {name}"))
    except Exception as error:  # an unreachable server fails: someone asked for it
        admin.dispose()
        pytest.fail(f"PostgreSQL at ${PG_VARIABLE} is not usable: {error}", pytrace=False)
    try:
        yield _in_schema(server, name)
    finally:
        if drop:
            with admin.begin() as connection:
                connection.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()


@contextmanager
def open_test_database(backend: str, directory: Path) -> Iterator[Database]:
    """A new, empty Treaty Tracker database on *backend*, closed (and dropped) afterwards."""
    if backend == "postgresql":
        with migrated_postgres_database() as database:
            yield database
        return
    # A copy of an empty database made once: running every migration takes half a second,
    # a copy five milliseconds (Anki's tests do the same).
    path = directory / "treaties.db"
    if not path.exists():  # a database opened again (a restart) is its own file, not a copy
        directory.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(empty_sqlite_file(), path)
    database = open_database(path)
    try:
        yield database
    finally:
        database.close()


_EMPTY: list[Path] = []


def empty_sqlite_file() -> Path:
    """An empty, fully migrated SQLite file made once per test process: copy it, don't open it."""
    if not _EMPTY:
        folder = Path(tempfile.mkdtemp(prefix="treaty-empty-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        open_database(folder / "empty.db").close()
        leftovers = [path.name for path in folder.iterdir() if path.name != "empty.db"]
        assert not leftovers, leftovers  # closed cleanly: the file alone is the database
        _EMPTY.append(folder / "empty.db")
    return _EMPTY[0]


@contextmanager
def migrated_postgres_database() -> Iterator[Database]:
    """An empty, fully migrated database in a schema of its own, emptied again afterwards."""
    server = postgres_server()
    schema = _SCHEMAS.take(server)
    try:
        database = open_database(_in_schema(server, schema))
        try:
            yield database
        finally:
            database.close()
    finally:
        _SCHEMAS.give_back(server, schema)


def drop_spare_schemas() -> None:
    """Drop this process's emptied schemas (at the end of the test session)."""
    _SCHEMAS.drop_all()


def _in_schema(server: URL, schema: str) -> URL:
    return server.update_query_dict({"options": f"-csearch_path={schema}"})


# Everything in a schema a test could change besides its rows, each object named without
# the schema (the same migrations make the same text): a schema that differs is dropped.
_SCHEMA_DEFINITION = """
SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '
    || is_nullable || ' ' || coalesce(column_default, '')
FROM information_schema.columns WHERE table_schema = :schema
UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = :schema
UNION ALL SELECT 'constraint ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
FROM pg_constraint c WHERE c.connamespace = CAST(:schema AS regnamespace)
UNION ALL SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' ' || CAST(t.tgenabled AS text)
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = CAST(:schema AS regnamespace) AND NOT t.tgisinternal
UNION ALL SELECT 'function ' || p.proname || ' ' || md5(p.prosrc)
FROM pg_proc p WHERE p.pronamespace = CAST(:schema AS regnamespace)
UNION ALL SELECT 'relation ' || c.relname || ' ' || CAST(c.relkind AS text) || ' '
    || coalesce(c.relacl::text, '')
FROM pg_class c WHERE c.relnamespace = CAST(:schema AS regnamespace)
UNION ALL SELECT 'schema ' || coalesce(nspacl::text, '') FROM pg_namespace WHERE nspname = :schema
"""


class _MigratedSchemas:
    """This test process's migrated PostgreSQL schemas: migrating one takes seconds, emptying
    one a tenth of that. A test that opens two databases at once gets two."""

    def __init__(self) -> None:
        self.spare: list[str] = []
        self.definition: list[str] | None = None  # of a schema fresh from the migrations
        self.rows: dict[str, list[dict[str, object]]] = {}  # the rows the migrations write
        self.sequences: dict[str, tuple[int, bool]] = {}
        self.server: URL | None = None

    def take(self, server: URL) -> str:
        """A spare schema, or a new one migrated now."""
        if self.spare:
            return self.spare.pop()
        with postgres_schema(drop=False) as url:
            schema = url.query["options"].split("=", 1)[1]
            open_database(url).close()
        self.server = server
        if self.definition is None:
            with _admin(server, schema) as connection:
                self._remember(connection, schema)
        return schema

    def give_back(self, server: URL, schema: str) -> None:
        """Empty *schema* as the migrations left it and keep it, or drop it if it changed."""
        try:
            with _admin(server, schema) as connection:
                if self._definition(connection, schema) != self.definition:
                    connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
                    return
                self._empty(connection, schema)
        except Exception:
            _drop_schema(server, schema)  # whatever went wrong, nothing half-emptied is reused
            raise
        self.spare.append(schema)

    def drop_all(self) -> None:
        while self.spare and self.server is not None:
            _drop_schema(self.server, self.spare.pop())

    def _remember(self, connection: Connection, schema: str) -> None:
        self.definition = self._definition(connection, schema)
        for table in _tables(connection, schema):
            rows = connection.execute(text(f'SELECT * FROM "{table}"')).mappings().all()
            if rows:
                self.rows[table] = [dict(row) for row in rows]
        for name in _sequences(connection, schema):
            value, called = connection.execute(
                text(f'SELECT last_value, is_called FROM "{name}"')
            ).one()
            self.sequences[name] = (value, called)

    @staticmethod
    def _definition(connection: Connection, schema: str) -> list[str]:
        lines = connection.execute(text(_SCHEMA_DEFINITION), {"schema": schema}).scalars()
        return sorted(line.replace(f"{schema}.", "") for line in lines)

    def _empty(self, connection: Connection, schema: str) -> None:
        names = ", ".join(f'"{table}"' for table in _tables(connection, schema))
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        # The data revision's triggers are deferred: fired now, on the emptied tables, not at
        # the commit after the rows are back (the revision would start at 1, not 0).
        connection.execute(text("SET CONSTRAINTS ALL IMMEDIATE"))
        for table, rows in self.rows.items():
            connection.execute(table_clause(table, *map(column, rows[0])).insert(), rows)
        for name, (value, called) in self.sequences.items():
            connection.execute(
                text("SELECT setval(CAST(:name AS regclass), :value, :called)"),
                {"name": name, "value": value, "called": called},
            )


_SCHEMAS = _MigratedSchemas()


@contextmanager
def _admin(server: URL, schema: str) -> Iterator[Connection]:
    """One transaction in *schema*; waits at most ten seconds for a lock a test left behind."""
    engine = create_engine(_in_schema(server, schema), poolclass=NullPool)
    try:
        with engine.begin() as connection:
            connection.execute(text("SET LOCAL lock_timeout = '10s'"))
            yield connection
    finally:
        engine.dispose()


def _tables(connection: Connection, schema: str) -> list[str]:
    return list(
        connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = :schema ORDER BY 1"),
            {"schema": schema},
        ).scalars()
    )


def _sequences(connection: Connection, schema: str) -> list[str]:
    return list(
        connection.execute(
            text("SELECT sequencename FROM pg_sequences WHERE schemaname = :schema ORDER BY 1"),
            {"schema": schema},
        ).scalars()
    )


def _drop_schema(server: URL, schema: str) -> None:
    engine = create_engine(server, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    finally:
        engine.dispose()


@contextmanager
def read_only_role(database: Database) -> Iterator[URL]:
    """A role that may only read *database* (a test schema: GRANT SELECT), and its URL."""
    name = f"reader_{uuid.uuid4().hex[:8]}"
    schema = database.url.query["options"].split("=", 1)[1]
    with database.engine.begin() as connection:
        connection.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD 'read-only-pw'"))
        connection.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {name}"))
        connection.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {name}"))
    try:
        yield database.url.set(username=name, password="read-only-pw")
    finally:
        with database.engine.begin() as connection:
            connection.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {name}"))
            connection.execute(text(f"REVOKE USAGE ON SCHEMA {schema} FROM {name}"))
            connection.execute(text(f"DROP ROLE {name}"))

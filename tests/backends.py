"""The back ends the tests run on: an SQLite file, and a fresh schema on a PostgreSQL server.

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
from sqlalchemy import URL, create_engine, make_url, text

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
def postgres_schema() -> Iterator[URL]:
    """A URL whose connections work in a new, empty schema, dropped afterwards."""
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
        yield server.update_query_dict({"options": f"-csearch_path={name}"})
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()


@contextmanager
def open_test_database(backend: str, directory: Path) -> Iterator[Database]:
    """A new, empty Treaty Tracker database on *backend*, closed (and dropped) afterwards."""
    if backend == "postgresql":
        with postgres_schema() as url:
            database = open_database(url)
            try:
                yield database
            finally:
                database.close()
        return
    # A copy of an empty database made once: running every migration takes half a second,
    # a copy five milliseconds (Anki's tests do the same).
    path = directory / "treaties.db"
    if not path.exists():  # a database opened again (a restart) is its own file, not a copy
        directory.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_empty_sqlite_database(), path)
    database = open_database(path)
    try:
        yield database
    finally:
        database.close()


_EMPTY: list[Path] = []


def _empty_sqlite_database() -> Path:
    """An empty, fully migrated SQLite database, made once per test process."""
    if not _EMPTY:
        folder = Path(tempfile.mkdtemp(prefix="treaty-empty-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        open_database(folder / "empty.db").close()
        leftovers = [path.name for path in folder.iterdir() if path.name != "empty.db"]
        assert not leftovers, leftovers  # closed cleanly: the file alone is the database
        _EMPTY.append(folder / "empty.db")
    return _EMPTY[0]


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

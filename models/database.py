"""Finding, checking, opening and upgrading the database.

SQLite by default, in the platform's user data folder; `--db`, a SQLAlchemy URL or
TREATY_TRACKER_DB chooses another. A file that is not a Treaty Tracker database is
refused before anything is written to it; an older one is backed up, then upgraded.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import URL, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

ENV_VARIABLE = "TREATY_TRACKER_DB"
# The newest migration: a database at it opens without loading Alembic (a test holds this
# equal to the head of models/migrations).
SCHEMA_REVISION = "0009"
APPLICATION_ID = 0x54545254  # 'TTRT', set by the first migration
BUSY_TIMEOUT_MS = 5000
_MIGRATIONS = Path(__file__).with_name("migrations")
_SQLITE_HEADER = b"SQLite format 3\x00"
# A server that does not answer is reported after this long, not after the OS's minutes.
CONNECT_TIMEOUT_S = 10
# Taken for the length of an upgrade on PostgreSQL, so two analysts opening a team database
# with a new version at once do not both migrate it.
_UPGRADE_LOCK = 0x54545254
_DRIVER_HINT = "install the PostgreSQL driver: pip install 'treaty-tracker[postgres]'"


class DatabaseError(Exception):
    """The database can't be used; the message says why, in words for the user."""


class NotTreatyDatabaseError(DatabaseError):
    pass


class DamagedDatabaseError(DatabaseError):
    pass


class NewerDatabaseError(DatabaseError):
    pass


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir("TreatyTracker", appauthor=False)) / "treaties.db"


def resolve_url(
    target: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> URL:
    """The database to open: *target* (a path or URL), else $TREATY_TRACKER_DB, else the default."""
    environ = os.environ if environ is None else environ
    value = (
        os.fspath(target) if target else environ.get(ENV_VARIABLE) or str(default_database_path())
    )
    if "://" in value:
        try:
            url = make_url(value)
        except (ArgumentError, ValueError) as error:
            shown = _hide_password(value)
            raise DatabaseError(f"'{shown}' is not a database URL: {error}") from None
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")  # what the 'postgres' extra brings
        return url
    return URL.create("sqlite", database=str(Path(value).expanduser().resolve()))


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def describe(url: URL) -> str:
    """What to call the database in messages and reports: a path, or the URL without password."""
    path = sqlite_path(url)
    if path:
        return str(path)
    return url._replace(password=None).render_as_string(hide_password=True)


def _hide_password(value: str) -> str:
    """A URL as typed, with any password between ':' and '@' replaced by ***."""
    scheme, separator, rest = value.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not separator or not at or ":" not in credentials:
        return value
    return f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}"


def is_sqlite_read_only(url: URL) -> bool:
    """An SQLite URL opened read-only: sqlite:///PATH?mode=ro."""
    return url.get_backend_name() == "sqlite" and url.query.get("mode") == "ro"


@dataclass
class Database:
    url: URL
    engine: Engine
    sessions: sessionmaker[Session]
    backup: Path | None = None
    # Whether this connection may add, change and delete agreements (a read-only role or
    # file may not): detected from the server when the database is opened.
    can_write: bool = True

    @property
    def name(self) -> str:
        return describe(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    target: str | os.PathLike[str] | URL | None = None, *, create: bool = True
) -> Database:
    """Check, back up if older, upgrade to the current schema, and return a ready Database."""
    url = target if isinstance(target, URL) else resolve_url(target)
    path = sqlite_path(url)
    read_only = is_sqlite_read_only(url)
    revision = _inspect_sqlite_file(path) if path else None
    if path and not path.exists():
        if not create or read_only:
            raise DatabaseError(f"{path} does not exist")
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = make_engine(url)
    except (ImportError, NoSuchModuleError, ArgumentError) as error:
        raise DatabaseError(f"can't use {describe(url)}: {_driver_problem(error)}") from None
    backup = None
    try:
        with engine.connect() as connection:
            if path is None:
                revision = _server_revision(connection)
            if revision != SCHEMA_REVISION:  # at head there is nothing to do (nor to import)
                _check_revision(url, revision)
                if read_only or not _may_write(connection, url):
                    raise DatabaseError(
                        f"{describe(url)} needs an upgrade to schema {SCHEMA_REVISION} "
                        f"(it is at {revision or 'none'}), and this connection may only read: "
                        "open it once with a user who may change it"
                    )
                if path and revision is not None:
                    backup = backup_sqlite(path, revision)
                _upgrade(connection)
            can_write = not read_only and _may_write(connection, url)
            connection.commit()
    except (OperationalError, ProgrammingError) as error:
        engine.dispose()
        raise DatabaseError(connection_problem(url, error)) from None
    except ImportError as error:  # the driver is loaded on first connect by some dialects
        engine.dispose()
        raise DatabaseError(f"can't use {describe(url)}: {_driver_problem(error)}") from None
    except Exception:
        engine.dispose()
        raise
    return Database(
        url, engine, sessionmaker(engine, expire_on_commit=False), backup, can_write=can_write
    )


def _server_revision(connection: Any) -> str | None:
    """The schema revision of a server database; taking the upgrade lock first on PostgreSQL."""
    from alembic.runtime.migration import MigrationContext

    if connection.dialect.name == "postgresql":
        revision = MigrationContext.configure(connection).get_current_revision()
        if revision == SCHEMA_REVISION:
            return revision
        # Someone else may be upgrading it right now: wait for them, then look again.
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
    return MigrationContext.configure(connection).get_current_revision()


def _may_write(connection: Any, url: URL) -> bool:
    """Whether this connection may insert, update and delete agreements."""
    if connection.dialect.name == "postgresql":
        if connection.execute(text("SELECT to_regclass('agreements')")).scalar() is None:
            # An empty database: the user may write if they may create tables in it.
            return bool(
                connection.execute(
                    text("SELECT has_schema_privilege(current_schema(), 'CREATE')")
                ).scalar()
            )
        return bool(
            connection.execute(
                text("SELECT has_table_privilege('agreements', 'INSERT, UPDATE, DELETE')")
            ).scalar()
        )
    path = sqlite_path(url)
    if path is None:
        return True
    if is_sqlite_read_only(url):
        return False
    target = path if path.exists() else path.parent
    return os.access(target, os.W_OK) and os.access(path.parent, os.W_OK)


def _driver_problem(error: BaseException) -> str:
    text_ = str(error)
    if "psycopg" in text_ or "postgresql" in text_.lower():
        return f"the PostgreSQL driver is not installed ({_DRIVER_HINT})"
    return text_


def connection_problem(url: URL, error: BaseException) -> str:
    """Why a database could not be used, in words, naming the server but never the password."""
    original = getattr(error, "orig", None) or error
    detail = " ".join(str(original).split())
    if url.password:
        detail = detail.replace(str(url.password), "***")
    if url.get_backend_name() != "postgresql":
        return f"can't open {describe(url)}: {detail}"
    server = f"{url.host or 'localhost'}:{url.port or 5432}"
    state = getattr(original, "sqlstate", None)
    user = url.username or _os_user()
    refused = ("password authentication failed", "no password supplied", "pg_hba.conf")
    if (
        state in ("28P01", "28000")
        or any(reason in detail for reason in refused)
        or ("role" in detail and "does not exist" in detail)
    ):
        return (
            f"the server {server} refused user '{user}' (wrong password or no access): "
            "check the user name and the password in ~/.pgpass or PGPASSWORD"
        )
    if state == "3D000" or f'database "{url.database}" does not exist' in detail:
        return f"there is no database '{url.database}' on the server {server}"
    if state == "42501" or "permission denied" in detail:
        return f"user '{user}' may not use {describe(url)}: {detail}"
    if state is None or state.startswith("08"):
        return (
            f"can't reach the database server {server} ({_short(detail)}): is it running, "
            "and does it accept connections from this computer?"
        )
    return f"can't open {describe(url)}: {detail}"


def _short(detail: str) -> str:
    for reason in ("Connection refused", "timeout expired", "could not translate host name"):
        if reason in detail:
            return reason.lower() if reason != "Connection refused" else "connection refused"
    return detail


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"


def make_engine(url: URL) -> Engine:
    """An engine with SQLite's foreign keys, WAL and busy timeout set on every connection."""
    if url.get_backend_name() == "postgresql":
        arguments = {} if "connect_timeout" in url.query else {"connect_timeout": CONNECT_TIMEOUT_S}
        return create_engine(url, pool_pre_ping=True, connect_args=arguments)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if is_sqlite_read_only(url):
        path = sqlite_path(url)
        assert path is not None
        uri = f"{path.as_uri()}?mode=ro"
        engine = create_engine(
            url.set(query={}),
            creator=lambda: sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000),
        )
        event.listen(engine, "connect", _configure_read_only_sqlite)
        return engine
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_sqlite)
    return engine


def _configure_read_only_sqlite(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA foreign_keys = ON")
    dbapi_connection.execute("PRAGMA query_only = ON")


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def alembic_config(connection: Any = None) -> Any:
    """Alembic's configuration for our migrations (imported here: opening at head needs none)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _alembic_upgrade(connection: Any, revision: str) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), revision)


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }


def _upgrade(connection: Any, revision: str = "head") -> None:
    """Migrate to *revision*, all of it or none of it.

    On SQLite the driver would commit DDL piecemeal, so the upgrade runs in one explicit
    transaction; foreign keys are off meanwhile (a migration that rebuilds a table drops
    the old one, and the drop would cascade to every child row) and checked at the end.
    """
    if connection.dialect.name != "sqlite":
        _alembic_upgrade(connection, revision)
        return
    connection.commit()
    raw = connection.connection.dbapi_connection
    previous = raw.isolation_level
    raw.isolation_level = None  # statements go into our BEGIN … COMMIT, nothing in between
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("BEGIN")
    try:
        _alembic_upgrade(connection, revision)
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise DamagedDatabaseError(
                f"the upgrade found {len(broken)} broken links between records "
                f"(first in table {broken[0][0]}); nothing was changed"
            )
        if raw.in_transaction:
            raw.execute("COMMIT")
    except BaseException:
        if raw.in_transaction:
            raw.execute("ROLLBACK")
        raise
    finally:
        raw.execute("PRAGMA foreign_keys = ON")
        raw.isolation_level = previous


def _check_revision(url: URL, revision: str | None) -> None:
    if revision is not None and revision not in _known_revisions():
        raise NewerDatabaseError(
            f"{describe(url)} was made by a newer version of Treaty Tracker "
            f"(schema {revision}); update the app to open it"
        )


def _inspect_sqlite_file(path: Path) -> str | None:
    """The schema revision of a Treaty Tracker file, None if new or empty; refuse anything else.

    Reads through a read-only connection, so a foreign or damaged file is never written to.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    if path.is_dir():
        raise NotTreatyDatabaseError(f"{path} is a folder, not a database file")
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise NotTreatyDatabaseError(
            f"{path} is not a Treaty Tracker database (not an SQLite file)"
        )
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise DamagedDatabaseError(f"{path} can't be opened: {error}") from None
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not tables:
            return None
        if application_id != APPLICATION_ID or "alembic_version" not in tables:
            raise NotTreatyDatabaseError(
                f"{path} is an SQLite database of another program, not a Treaty Tracker database"
            )
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError as error:
        raise DamagedDatabaseError(f"{path} is damaged and can't be read ({error})") from None
    finally:
        connection.close()


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy the database (consistently, through SQLite's backup API) before an upgrade."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(
        f"{path.stem}.before-upgrade-from-{revision}.{stamp}{path.suffix or '.db'}"
    )
    source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()
    return target

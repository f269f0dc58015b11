"""Finding, checking, opening and upgrading the database.

SQLite by default, in the platform's user data folder; `--db`, a SQLAlchemy URL or
TREATY_TRACKER_DB chooses another. A file that is not a Treaty Tracker database is
refused before anything is written to it; an older one is backed up, then upgraded.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from models.app_identity import ENV_VARIABLE as ENV_VARIABLE  # re-exported, as below
from models.app_identity import default_database_path as default_database_path
from models.integrity import (
    busy_message,
    classify,
    damaged_message,
    full_check_problem,
    header_problem,
    is_wal,
    locked_message,
    unclean_shutdown,
)
from models.messages import DATABASE, QT_TRANSLATE_NOOP, Message, message_of, say
from models.schema_revision import APPLICATION_ID as APPLICATION_ID
from models.schema_revision import SCHEMA_REVISION as SCHEMA_REVISION
from models.sqlite_file import sqlite_uri as sqlite_uri
from models.users import system_user

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


class LockedDatabaseError(DatabaseError):
    """Another program holds the file for itself (SQLite's exclusive locking mode)."""


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
            not_url = QT_TRANSLATE_NOOP("Database", "'%1' is not a database URL: %2")
            raise DatabaseError(_say(not_url, shown, error)) from None
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
    # Why it may not, in words ("its folder is read-only"); None when it may.
    read_only_reason: str | None = None

    @property
    def name(self) -> str:
        return describe(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One transaction for a write of many rows, holding the write lock from its start.

        On SQLite a transaction that reads first and writes later can't wait for another
        writer (SQLite refuses at once to avoid a deadlock): taking the lock first makes
        an import or a copy wait for a colleague's save, as a single save does.
        """
        with self.sessions.begin() as session:
            take_write_lock(session.connection())
            yield session

    def close(self) -> None:
        self.engine.dispose()


def take_write_lock(connection: Connection) -> None:
    """Begin *connection*'s transaction with SQLite's write lock (BEGIN IMMEDIATE); waits for it."""
    if connection.dialect.name == "sqlite" and not connection.connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def open_database(
    target: str | os.PathLike[str] | URL | None = None,
    *,
    create: bool = True,
    full_check: bool = False,
) -> Database:
    """Check, back up if older, upgrade to the current schema, and return a ready Database.

    An SQLite file gets the cheap checks on every open and SQLite's full check of every
    page when *full_check* (a command about to write) or after an unclean shutdown.
    """
    url = target if isinstance(target, URL) else resolve_url(target)
    path = sqlite_path(url)
    if path and path.exists():
        url = _sqlite_access(url, path)
    read_only = is_sqlite_read_only(url)
    revision = _inspect_sqlite_file(path, url, full_check) if path else None
    if path and not path.exists():
        if not create or read_only:
            raise DatabaseError(_say(QT_TRANSLATE_NOOP("Database", "%1 does not exist"), path))
        _create_folder(path)
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
                if read_only or _write_problem(connection, url):
                    upgrade = QT_TRANSLATE_NOOP(
                        "Database",
                        "%1 needs an upgrade to schema %2 (it is at %3), and this connection "
                        "may only read: open it once with a user who may change it",
                    )
                    at = revision or "none"
                    raise DatabaseError(_say(upgrade, describe(url), SCHEMA_REVISION, at))
                if path and revision is not None:
                    backup = backup_sqlite(path, revision)
                _upgrade(connection)
            reason = _write_problem(connection, url)
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
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(
        url, engine, sessions, backup, can_write=reason is None, read_only_reason=reason
    )


def _create_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        cant = QT_TRANSLATE_NOOP("Database", "can't create %1: %2")
        raise DatabaseError(_say(cant, path, error.strerror or error)) from None


def _sqlite_access(url: URL, path: Path) -> URL:
    """*url*, made read-only where the file or its folder can't be written.

    SQLite keeps a WAL database's shared index in a -shm file beside it; in a folder we may
    not write, that file can't be made, and SQLite opens the database only as immutable:
    safe when no write-ahead log is left there (nothing newer than the file itself).
    """
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    if writable and not is_sqlite_read_only(url):
        return url
    query = {"mode": "ro"}
    folder_writable = os.access(path.parent, os.W_OK)
    wal = path.with_name(path.name + "-wal")
    if not folder_writable and not wal.exists() and is_wal_file(path):
        query["immutable"] = "1"
    return url.update_query_dict(query)


def is_wal_file(path: Path) -> bool:
    """Whether *path* is an SQLite file in write-ahead-log mode (False if it can't be read)."""
    try:
        return is_wal(path)
    except OSError:
        return False


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


def _write_problem(connection: Any, url: URL) -> str | None:
    """Why this connection may not insert, update and delete agreements; None if it may."""
    if connection.dialect.name == "postgresql":
        return _postgres_write_problem(connection)
    path = sqlite_path(url)
    if path is None:
        return None
    if url.query.get("immutable") == "1" or not os.access(path.parent, os.W_OK):
        return "its folder is read-only"
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    if is_sqlite_read_only(url):
        return "it was opened read-only (mode=ro)"
    return None


def _postgres_write_problem(connection: Any) -> str | None:
    """The first table (or id sequence) the user lacks a right on, in words; None if none."""
    if connection.execute(text("SELECT to_regclass('agreements')")).scalar() is None:
        # An empty database: the user may write if they may create tables in it.
        allowed = connection.execute(
            text("SELECT has_schema_privilege(current_schema(), 'CREATE')")
        ).scalar()
        return None if allowed else "no right to create tables in it"
    # has_table_privilege('t', 'INSERT, UPDATE, DELETE') is true if ANY of them is held:
    # one right at a time, on every table the app writes, and USAGE on the schema's sequences.
    missing = connection.execute(
        text(
            "SELECT t.name, p.privilege FROM unnest(CAST(:tables AS text[])) AS t(name) "
            "CROSS JOIN unnest(ARRAY['INSERT', 'UPDATE', 'DELETE']) AS p(privilege) "
            # CASE: the planner may test a privilege before the other condition.
            "WHERE CASE WHEN to_regclass(t.name) IS NULL THEN false "
            "ELSE NOT has_table_privilege(t.name, p.privilege) END "
            "UNION ALL "
            "SELECT c.relname, 'USAGE' FROM pg_class c "
            "WHERE c.relnamespace = CAST(current_schema() AS regnamespace) "
            "AND CASE WHEN c.relkind <> 'S' THEN false "
            "ELSE NOT has_sequence_privilege(c.oid, 'USAGE') END "
            "LIMIT 1"
        ),
        {"tables": _written_tables()},
    ).first()
    if missing is None:
        return None
    return f"no {missing[1]} right on {missing[0]}"


def _written_tables() -> list[str]:
    """Every table a save, an import or a copy writes to."""
    from models.attachment_search import ATTACHMENT_SEARCH_TABLE
    from models.schema import Base
    from models.search_index import SEARCH_TABLE

    return sorted({*Base.metadata.tables, SEARCH_TABLE, ATTACHMENT_SEARCH_TABLE})


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
    if url.get_backend_name() == "sqlite":
        return _sqlite_problem(url, error, detail)
    if url.get_backend_name() != "postgresql":
        return _say(CANT_OPEN, describe(url), detail)
    server = f"{url.host or 'localhost'}:{url.port or 5432}"
    state = getattr(original, "sqlstate", None)
    user = url.username or system_user("?")
    refused = ("password authentication failed", "no password supplied", "pg_hba.conf")
    if (
        state in ("28P01", "28000")
        or any(reason in detail for reason in refused)
        or ("role" in detail and "does not exist" in detail)
    ):
        refused_user = QT_TRANSLATE_NOOP(
            "Database",
            "the server %1 refused user '%2' (wrong password or no access): check the user "
            "name and the password in ~/.pgpass or PGPASSWORD",
        )
        return _say(refused_user, server, user)
    if state == "3D000" or f'database "{url.database}" does not exist' in detail:
        no_database = QT_TRANSLATE_NOOP("Database", "there is no database '%1' on the server %2")
        return _say(no_database, url.database, server)
    if state == "42501" or "permission denied" in detail:
        denied = QT_TRANSLATE_NOOP("Database", "user '%1' may not use %2: %3")
        return _say(denied, user, describe(url), detail)
    if state is None or state.startswith("08"):
        unreachable = QT_TRANSLATE_NOOP(
            "Database",
            "can't reach the database server %1 (%2): is it running, and does it accept "
            "connections from this computer?",
        )
        return _say(unreachable, server, _short(detail))
    return _say(CANT_OPEN, describe(url), detail)


# The detail (%2) is what SQLite or the server said, as they say it.
CANT_OPEN = QT_TRANSLATE_NOOP("Database", "can't open %1: %2")
READ_ONLY_FOLDER = QT_TRANSLATE_NOOP("Database", "can't open %1: its folder is read-only (%2)")


def _say(template: str, *args: object) -> Message:
    return say(template, *args, context=DATABASE)


def _sqlite_problem(url: URL, error: BaseException, detail: str) -> str:
    """An SQLite error named as what it is: damaged, locked by another program, or read-only."""
    path = sqlite_path(url)
    trouble = classify(error)
    if path is not None and trouble == "damaged":
        return damaged_with_hint(path, detail)
    if path is not None and trouble == "locked":
        return locked_message(path)
    if path is not None and trouble == "read-only" and not os.access(path.parent, os.W_OK):
        return _say(READ_ONLY_FOLDER, path, detail)
    return _say(CANT_OPEN, describe(url), detail)


def storage_failure(url: URL, error: BaseException) -> str | None:
    """The one line for an SQLite error met mid-command (damaged or busy file); None for others."""
    path = sqlite_path(url)
    trouble = classify(error)
    original = getattr(error, "orig", None) or error
    detail = " ".join(str(original).split())
    if path is not None and trouble == "damaged":
        return damaged_message(path, detail)
    if path is not None and trouble == "locked":
        return busy_message(path, BUSY_TIMEOUT_MS // 1000)
    return None


def _short(detail: str) -> str:
    for reason in ("Connection refused", "timeout expired", "could not translate host name"):
        if reason in detail:
            return reason.lower() if reason != "Connection refused" else "connection refused"
    return detail


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
        uri = _read_only_uri(path, url)
        engine = create_engine(
            url.set(query={}),
            creator=lambda: sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000),
        )
        event.listen(engine, "connect", _configure_read_only_sqlite)
        return engine
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_sqlite)
    return engine


def _read_only_uri(path: Path, url: URL) -> str:
    """SQLite's URI for a read-only open of *path*: mode=ro, and immutable=1 if *url* asks."""
    immutable = "&immutable=1" if url.query.get("immutable") == "1" else ""
    return f"{sqlite_uri(path)}?mode=ro{immutable}"


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
            broken_links = QT_TRANSLATE_NOOP(
                "Database",
                "the upgrade found %1 broken links between records (first in table %2); "
                "nothing was changed",
            )
            raise DamagedDatabaseError(_say(broken_links, len(broken), broken[0][0]))
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
        newer = QT_TRANSLATE_NOOP(
            "Database",
            "%1 was made by a newer version of Treaty Tracker (schema %2); update the app to "
            "open it",
        )
        raise NewerDatabaseError(_say(newer, describe(url), revision))


def _inspect_sqlite_file(path: Path, url: URL, full_check: bool = False) -> str | None:
    """The schema revision of a Treaty Tracker file, None if new or empty; refuse anything else.

    Reads through a read-only connection, so a foreign or damaged file is never written to.
    The header and the schema are read every time (milliseconds); every page only when
    *full_check* or after an unclean shutdown (SQLite's check takes seconds on big files).
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    if path.is_dir():
        folder = QT_TRANSLATE_NOOP("Database", "%1 is a folder, not a database file")
        raise NotTreatyDatabaseError(_say(folder, path))
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        not_sqlite = QT_TRANSLATE_NOOP(
            "Database", "%1 is not a Treaty Tracker database (not an SQLite file)"
        )
        raise NotTreatyDatabaseError(_say(not_sqlite, path))
    problem = header_problem(path)
    if problem:
        raise DamagedDatabaseError(damaged_with_hint(path, problem))
    full_check = full_check or unclean_shutdown(path)  # before our own connection opens it
    try:
        connection = sqlite3.connect(
            _read_only_uri(path, url), uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error as error:
        raise _file_error(path, error) from None
    try:
        revision = _read_revision(path, connection)
        if full_check and revision is not None:
            problem = full_check_problem(connection)
            if problem:
                raise DamagedDatabaseError(damaged_with_hint(path, problem))
        return revision
    except sqlite3.Error as error:
        raise _file_error(path, error) from None
    finally:
        connection.close()


def _read_revision(path: Path, connection: sqlite3.Connection) -> str | None:
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if not tables:
        return None
    if application_id != APPLICATION_ID or "alembic_version" not in tables:
        foreign = QT_TRANSLATE_NOOP(
            "Database",
            "%1 is an SQLite database of another program, not a Treaty Tracker database",
        )
        raise NotTreatyDatabaseError(_say(foreign, path))
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _file_error(path: Path, error: sqlite3.Error) -> DatabaseError:
    """The error to raise for what SQLite said about *path*: locked, read-only, else damaged."""
    trouble = classify(error)
    if trouble == "locked":
        return LockedDatabaseError(locked_message(path))
    if trouble == "read-only":
        if not os.access(path.parent, os.W_OK):
            return DatabaseError(_say(READ_ONLY_FOLDER, path, error))
        no_access = QT_TRANSLATE_NOOP("Database", "can't open %1: no access (%2)")
        return DatabaseError(_say(no_access, path, error))
    return DamagedDatabaseError(damaged_with_hint(path, str(error)))


def backup_sqlite(path: Path, revision: str) -> Path:
    """A checked backup of the database before an upgrade, in its backup folder (models.backups)."""
    from models.backups import BackupError, make_backup

    source = sqlite3.connect(f"{sqlite_uri(path)}?mode=ro", uri=True)
    try:
        problem = full_check_problem(source)  # a backup of a damaged file is no backup
    finally:
        source.close()
    if problem:
        raise DamagedDatabaseError(damaged_with_hint(path, problem))
    try:
        return make_backup(path, f"before-upgrade-from-{revision}").path
    except BackupError as error:
        not_upgraded = QT_TRANSLATE_NOOP("Database", "%1; the upgrade was not made")
        raise DatabaseError(_say(not_upgraded, message_of(error))) from None


def damaged_with_hint(path: Path, detail: str) -> str:
    """The damaged file's message, naming its latest good backup and how to restore it."""
    from models.backups import damaged_hint

    return say("%1%2", damaged_message(path, detail), damaged_hint(path), context="")

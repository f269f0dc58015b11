"""The PostgreSQL schemas the tests reuse start as a freshly migrated one does."""

from __future__ import annotations

from sqlalchemy import text

from models.revision import current_revision
from models.service import create
from tests.backends import migrated_postgres_database, postgres_server
from tests.builders import agreement


def _state(database) -> tuple[int, str, int]:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        revision = current_revision(session)
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        first = create(session, agreement("Договор о дружбе: Тоқаев, Oʻzbekiston, Türkiye")).id
    return revision, version, first


def test_a_reused_schema_starts_as_a_fresh_one() -> None:
    """Data revision, schema version and the first agreement's number: as migrated."""
    postgres_server()  # PostgreSQL only: SQLite files are copies, never reused
    with migrated_postgres_database() as database:
        fresh = _state(database)
        with database.sessions.begin() as session:  # a test that moved the schema's version
            session.execute(text("UPDATE alembic_version SET version_num = 'changed'"))
    with migrated_postgres_database() as database:
        assert _state(database) == fresh
    assert fresh[0] == 0 and fresh[2] == 1

"""Upgrades keep every row: an older file is backed up, upgraded, and its rows stay findable."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import URL, inspect, text

from models.attachment_search import ATTACHMENT_SEARCH_TABLE
from models.database import (
    SCHEMA_REVISION,
    Database,
    alembic_config,
    make_engine,
    open_database,
)
from models.parties import find_party
from models.query import AgreementFilter, agreement_ids, fetch_rows
from models.schema import Base
from models.search_index import SEARCH_TABLE
from models.service import load_input

TABLES = {
    "agreements",
    "parties",
    "party_aliases",
    "fields",
    "agreement_fields",
    "participations",
    "actions",
    "milestones",
    "relations",
    "saved_views",
    "alembic_version",
}

# Rows as a 0001 database holds them, written by SQL as the old app would have.
ROWS_0001 = [
    "INSERT INTO agreements (id, title, title_key, alternative_titles, kind, level, status, "
    "signed_on, signed_at, languages, summary, notes, created_at, updated_at, version) VALUES "
    "(7, 'Declaration on allied relations', 'declaration on allied relations', '[]', "
    "'declaration', 'interstate', 'signed', '2021-12-06', 'Nur-Sultan', '[\"uz\"]', "
    "'Тоқаев and Mirziyoyev met.', 'Oʻzbekiston', '2021-12-06 10:00:00', "
    "'2021-12-06 10:00:00', 3)",
    "INSERT INTO agreements (id, title, title_key, alternative_titles, kind, level, status, "
    "signed_on, languages, summary, notes, created_at, updated_at, version) VALUES "
    "(9, 'Rail agreement with Türkiye', 'rail agreement with turkiye', '[]', 'agreement', "
    "'intergovernmental', 'in force', '2021', '[]', '', '', '2022-01-01 00:00:00', "
    "'2022-01-01 00:00:00', 1)",
    "INSERT INTO parties (id, name, kind, iso3, created_at) VALUES "
    "(1, 'Kazakhstan', 'state', 'KAZ', '2021-12-06 10:00:00'), "
    "(2, 'Uzbekistan', 'state', 'UZB', '2021-12-06 10:00:00'), "
    "(3, 'Türkiye', 'state', 'TUR', '2021-12-06 10:00:00')",
    "INSERT INTO party_aliases (party_id, alias, key) VALUES "
    "(1, 'Kazakhstan', 'kazakhstan'), (2, 'Uzbekistan', 'uzbekistan'), "
    "(2, 'Oʻzbekiston', 'ozbekiston'), (3, 'Türkiye', 'turkiye')",
    "INSERT INTO fields (id, name, parent_id, key) VALUES "
    "(1, 'Transport', NULL, 'transport'), (2, 'Rail', 1, 'transport > rail'), "
    "(3, 'Defence', NULL, 'defence')",
    "INSERT INTO agreement_fields (agreement_id, field_id) VALUES (7, 3), (9, 2)",
    "INSERT INTO participations (id, agreement_id, party_id, role, signatory_name, position) "
    "VALUES (1, 7, 1, 'original signatory', 'Kassym-Jomart Tokayev', 0), "
    "(2, 7, 2, 'original signatory', 'Shavkat Mirziyoyev', 1), (3, 9, 3, 'party', NULL, 0)",
    "INSERT INTO actions (participation_id, type, deposited_on, position) VALUES "
    "(1, 'signature', '2021-12-06', 0), (2, 'signature', '2021-12-06', 0)",
    'INSERT INTO milestones (agreement_id, kind, "on", description, position) VALUES '
    "(7, 'signed', '2021-12-06', 'Signed in Nur-Sultan', 0)",
    "INSERT INTO relations (agreement_id, type, other_id) VALUES (9, 'implements', 7)",
    "INSERT INTO saved_views (name, filter, created_at) VALUES "
    "('Central Asia', '{\"text\": \"alliance\"}', '2021-12-07 09:00:00')",
]


@pytest.fixture
def backend() -> str:
    """Upgrades of SQLite files, with their backups (PostgreSQL: test_team_database.py)."""
    return "sqlite"


def create_at_0001(path: Path) -> dict[str, int]:
    """A file at revision 0001 holding ROWS_0001; returns its row counts."""
    engine = make_engine(URL.create("sqlite", database=str(path)))
    try:
        with engine.connect() as connection:
            command.upgrade(alembic_config(connection), "0001")
            for statement in ROWS_0001:
                connection.execute(text(statement))
            connection.commit()
    finally:
        engine.dispose()
    return row_counts(path)


def row_counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in sorted(TABLES - {"alembic_version"})
        }
    finally:
        connection.close()


def revision_of(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def test_a_new_database_is_created_at_head(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        names = set(inspect(database.engine).get_table_names())
    finally:
        database.close()
    assert names >= TABLES | {SEARCH_TABLE}
    assert revision_of(db_path) == SCHEMA_REVISION


def test_upgrading_from_0001_keeps_every_row(db_path: Path) -> None:
    before = create_at_0001(db_path)
    assert revision_of(db_path) == "0001"
    database = open_database(db_path)
    try:
        with database.sessions.begin() as session:
            declaration, version = load_input(session, 7)
            rail = fetch_rows(session, [9])[0]
    finally:
        database.close()
    assert revision_of(db_path) == SCHEMA_REVISION
    assert row_counts(db_path) == before
    assert version == 3
    assert declaration.title == "Declaration on allied relations"
    assert declaration.signed_on == "2021-12-06"
    assert [p.party for p in declaration.parties] == ["Kazakhstan", "Uzbekistan"]
    assert declaration.parties[0].signatory_name == "Kassym-Jomart Tokayev"
    assert [a.type for a in declaration.parties[1].actions] == ["signature"]
    assert declaration.fields == ["Defence"]
    assert declaration.milestones[0].description == "Signed in Nur-Sultan"
    assert declaration.summary == "Тоқаев and Mirziyoyev met."
    assert rail.fields == ("Transport > Rail",)
    assert rail.parties == ("Türkiye",)


def test_upgrading_writes_a_backup_that_holds_the_old_rows(db_path: Path) -> None:
    before = create_at_0001(db_path)
    database = open_database(db_path)
    database.close()
    backup = database.backup
    assert backup is not None
    assert backup.parent == db_path.parent / "treaties-backups"  # with the rotating backups
    assert backup.name.endswith(".before-upgrade-from-0001.db")
    assert revision_of(backup) == "0001"
    assert row_counts(backup) == before
    again = open_database(db_path)
    again.close()
    assert again.backup is None  # already current: no second backup


def test_upgraded_rows_are_searchable(db_path: Path) -> None:
    create_at_0001(db_path)
    database = open_database(db_path)

    def search(words: str) -> list[int]:
        with database.sessions.begin() as session:
            return agreement_ids(session, AgreementFilter(text=words))

    try:
        assert search("allied") == [7]
        assert search("токаев") == [7]
        assert search("ozbekiston") == [7]  # in the notes and among the party's aliases
        assert search("nur sul") == [7]
        assert search("turkiye") == [9]
        assert search("kazakh") == [7]
    finally:
        database.close()


def test_the_orm_matches_the_migrated_schema(database: Database, db_path: Path) -> None:
    """Every difference between models/schema.py and the migrations needs a migration."""
    engine = make_engine(URL.create("sqlite", database=str(db_path)))

    def ours(name: str | None, type_: str, _parent: object) -> bool:
        # The FTS5 index and its shadow tables live outside the ORM on purpose.
        return not (
            type_ == "table"
            and name is not None
            and name.startswith((SEARCH_TABLE, ATTACHMENT_SEARCH_TABLE))
        )

    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": ours}
            )
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_a_failed_upgrade_changes_nothing(db_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The upgrade is one transaction: if a step fails, the file stays at its old revision."""
    before = create_at_0001(db_path)

    def broken(_connection: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("models.search_index.rebuild_search_index", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        open_database(db_path)
    assert revision_of(db_path) == "0001"
    assert row_counts(db_path) == before
    with sqlite3.connect(db_path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert SEARCH_TABLE not in tables


def test_the_schema_revision_constant_is_the_newest_migration() -> None:
    """Opening a database at SCHEMA_REVISION skips Alembic; a new migration must move it."""
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_REVISION


def test_upgrading_to_0008_gives_recorded_organisations_their_identity(db_path: Path) -> None:
    engine = make_engine(URL.create("sqlite", database=str(db_path)))
    try:
        with engine.connect() as connection:
            command.upgrade(alembic_config(connection), "0007")
            for statement in (
                "INSERT INTO parties (id, name, kind, created_at) VALUES "
                "(1, 'EU', 'international organization', '2021-01-01'), "
                "(2, 'NATO', 'international organization', '2021-01-01'), "
                "(3, 'North Atlantic Treaty Organization', 'international organization', "
                "'2021-01-01'), (4, 'Turkic Academy', 'international organization', '2021-01-01')",
                "INSERT INTO party_aliases (party_id, alias, key) VALUES (1, 'Union européenne', "
                "'union europeenne'), (2, 'NATO', 'nato'), (4, 'Turkic Academy', 'turkic academy')",
            ):
                connection.execute(text(statement))
            connection.commit()
    finally:
        engine.dispose()
    database = open_database(db_path)
    try:
        with database.sessions.begin() as session:
            codes = dict(session.execute(text("SELECT id, org_code FROM parties")).all())
            # The first of two parties for one organisation gets it; merging is for a person.
            assert codes == {1: "EU", 2: "NATO", 3: None, 4: None}
            assert find_party(session, "European Union").id == 1  # type: ignore[union-attr]
    finally:
        database.close()


def test_upgrading_to_0011_makes_recorded_expiries_deadlines(db_path: Path) -> None:
    engine = make_engine(URL.create("sqlite", database=str(db_path)))
    try:
        with engine.connect() as connection:
            command.upgrade(alembic_config(connection), "0009")
            connection.execute(
                text(
                    ROWS_0001[0]
                    .replace("signed_at, ", "signed_at, expires_on, ")
                    .replace("'Nur-Sultan', ", "'Nur-Sultan', '2027-01', ")
                )
            )
            connection.commit()
    finally:
        engine.dispose()
    database = open_database(db_path)
    try:
        with database.sessions() as session:
            wanted = AgreementFilter(due_within=90, due_as_of=date(2026, 12, 1))
            assert agreement_ids(session, wanted) == [7]
            data, _ = load_input(session, 7)
            assert data.duration_term == "" and data.expires_on == "2027-01"
    finally:
        database.close()

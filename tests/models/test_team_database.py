"""A team database on PostgreSQL: connecting, clear refusals, read-only users, and copying.

Cases that need the server get it from $TREATY_TRACKER_TEST_PG (tests/backends.py).
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import URL, select, text
from sqlalchemy.orm import Session

from main import main as cli
from models.database import (
    SCHEMA_REVISION,
    Database,
    DatabaseError,
    describe,
    open_database,
    resolve_url,
)
from models.database_copy import TABLES, CopyError, copy_database
from models.query import AgreementFilter, Sort, SortColumn, agreement_ids
from models.schema import Base
from models.service import (
    ActionInput,
    MilestoneInput,
    ParticipationInput,
    RelationInput,
    create,
    delete,
)
from tests.backends import (
    migrated_postgres_database,
    open_test_database,
    postgres_schema,
    postgres_server,
    read_only_role,
)
from tests.builders import agreement, save, table_counts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pg_url() -> Iterator[URL]:
    """A fresh, empty schema on the test server."""
    with postgres_schema() as url:
        yield url


@pytest.fixture
def pg() -> Iterator[Database]:
    """An empty, migrated database on the test server."""
    with migrated_postgres_database() as database:
        yield database


def url_text(url: URL) -> str:
    return url.render_as_string(hide_password=False)


# ----------------------------------------------------------------- connecting


def test_a_postgresql_url_gets_the_psycopg_driver() -> None:
    assert resolve_url("postgresql://alice@db.example.org/treaties").drivername == (
        "postgresql+psycopg"
    )


def test_messages_never_show_the_password() -> None:
    url = resolve_url("postgresql://alice:s3cret-pw@db.example.org:5433/treaties")
    assert describe(url) == "postgresql+psycopg://alice@db.example.org:5433/treaties"
    with pytest.raises(DatabaseError) as refused:
        resolve_url("postgresql://alice:s3cret-pw@db.example.org:bad/treaties")
    assert "s3cret-pw" not in str(refused.value)


def test_a_wrong_password_names_the_server_and_user_not_the_password() -> None:
    server = postgres_server()
    wrong = server.set(password="not-the-password-42")
    with pytest.raises(DatabaseError) as refused:
        open_database(wrong)
    message = str(refused.value)
    assert f"the server {server.host}:{server.port} refused user '{server.username}'" in message
    assert "not-the-password-42" not in message


def test_a_server_that_is_not_running_is_named() -> None:
    with pytest.raises(DatabaseError, match=r"can't reach the database server 127\.0\.0\.1:9 "):
        open_database("postgresql://alice:pw@127.0.0.1:9/treaties")


def test_a_missing_database_is_named() -> None:
    missing = postgres_server().set(database=f"missing_{uuid.uuid4().hex[:8]}")
    with pytest.raises(DatabaseError, match=f"there is no database '{missing.database}'"):
        open_database(missing)


def test_a_missing_driver_says_what_to_install(tmp_path: Path) -> None:
    script = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from models.database import open_database, DatabaseError\n"
        "try:\n    open_database('postgresql://alice:pw@127.0.0.1:9/treaties')\n"
        "except DatabaseError as error:\n    print(error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "treaty-tracker[postgres]" in result.stdout
    assert "pw@" not in result.stdout


def test_the_cli_reports_an_unreachable_server_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli(["--db", "postgresql://alice:secret@127.0.0.1:9/team", "list"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "127.0.0.1:9" in error and "secret" not in error


# ----------------------------------------------------------------- the schema on the server


def test_migrations_create_the_schema_and_reopening_changes_nothing(pg_url: URL) -> None:
    first = open_database(pg_url)
    save(first, agreement("Alliance declaration", ("Kazakhstan", "Oʻzbekiston")))
    first.close()
    again = open_database(pg_url)
    try:
        assert again.can_write
        assert table_counts(again)["agreements"] == 1
        with again.engine.connect() as connection:
            tables = set(
                connection.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                ).scalars()
            )
            revision = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert revision.scalar_one() == SCHEMA_REVISION
        assert set(Base.metadata.tables) <= tables
    finally:
        again.close()


def test_every_change_moves_the_data_revision_and_notifies(pg: Database) -> None:
    """Migration 0004's PostgreSQL branch: statement triggers that NOTIFY 'treaty_tracker'."""
    listener = psycopg.connect(
        url_text(pg.url.set(drivername="postgresql")).replace("options=", "options="),
        autocommit=True,
    )
    try:
        listener.execute("LISTEN treaty_tracker")
        with pg.engine.connect() as connection:
            before = connection.execute(text("SELECT value FROM data_revision")).scalar_one()
            saver = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
            connection.commit()
            with Session(bind=connection) as session:
                create(session, agreement("Rail link"))
                session.commit()
            after = connection.execute(text("SELECT value FROM data_revision")).scalar_one()
        assert after > before
        # The channel is the server's, not the schema's: other tests' schemas on the same
        # server notify on it too. Ours is the one sent by the connection that saved.
        ours = []
        for notice in listener.notifies(timeout=5):
            if notice.pid == saver:
                ours.append(notice.channel)
                break
        assert ours == ["treaty_tracker"]
    finally:
        listener.close()


def test_a_long_transaction_never_holds_up_another_analysts_save(pg: Database) -> None:
    """The revision moves on at commit (0007): an open import does not lock out a save."""
    with pg.engine.connect() as connection:
        before = connection.execute(text("SELECT value FROM data_revision")).scalar_one()
    with pg.sessions.begin() as importing:
        create(importing, agreement("Imported, not yet committed", ("Kazakhstan",)))
        importing.flush()
        # Another analyst saves meanwhile; were the revision row locked, this would wait
        # for the import (and fail on the lock timeout instead of hanging the test).
        with pg.sessions.begin() as saving:
            saving.execute(text("SET LOCAL lock_timeout = '2s'"))
            create(saving, agreement("Saved meanwhile", ("Türkiye",)))
        with pg.engine.connect() as connection:
            middle = connection.execute(text("SELECT value FROM data_revision")).scalar_one()
        assert middle == before + 1  # the save, seen at once; the import not yet
    with pg.engine.connect() as connection:
        after = connection.execute(text("SELECT value FROM data_revision")).scalar_one()
        pending = connection.execute(text("SELECT count(*) FROM revision_bumps")).scalar_one()
    assert after == before + 2 and pending == 0


def test_partial_dates_and_titles_compare_as_on_sqlite(pg: Database, tmp_path: Path) -> None:
    """Byte order (COLLATE "C"), whatever the server's locale: the same ids in the same order."""
    titles = ["zebra accord", "Zeta pact", "Åland convention", "apple treaty", "Éire protocol"]
    dates = ["2021", "2021-06", "2021-06-30", "2020-12-31", "2022"]
    with open_test_database("sqlite", tmp_path) as lite:
        for database in (lite, pg):
            for title, signed in zip(titles, dates, strict=True):
                save(database, agreement(title, signed_on=signed, signed_at=title.split()[0]))
        wanted = [
            AgreementFilter(),
            AgreementFilter(signed_from=dates_of("2021-06"), signed_to=dates_of("2021-06")),
            AgreementFilter(signed_to=dates_of("2021")),
            AgreementFilter(text="ALAND"),
            AgreementFilter(text="ei"),
        ]
        for sort in [Sort(column) for column in SortColumn] + [
            Sort(column, descending=True) for column in SortColumn
        ]:
            for condition in wanted:
                with lite.sessions.begin() as one, pg.sessions.begin() as two:
                    expected = agreement_ids(one, condition, sort)
                    assert agreement_ids(two, condition, sort) == expected, (sort, condition)


def dates_of(text_: str):  # type: ignore[no-untyped-def]
    from models.dates import PartialDate

    return PartialDate.parse(text_)


# ----------------------------------------------------------------- read-only users


@pytest.fixture
def reader(pg: Database) -> Iterator[URL]:
    """A role that may only read the team database (GRANT SELECT), and its URL."""
    with read_only_role(pg) as url:
        yield url


def test_a_read_only_role_reads_but_can_not_write(
    pg: Database, reader: URL, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(pg, agreement("Customs memorandum", ("Türkiye",)))
    assert pg.can_write
    before = table_counts(pg)
    read_only = open_database(reader)
    try:
        assert not read_only.can_write
        with read_only.sessions.begin() as session:
            assert len(agreement_ids(session, AgreementFilter(text="customs"))) == 1
    finally:
        read_only.close()
    csv_file = tmp_path / "new.csv"
    csv_file.write_text("title,kind,status,parties\nNew,treaty,signed,KAZ\n", encoding="utf-8")
    for command in (["import", str(csv_file)], ["load-sample"], ["copy", "--from", "x.db"]):
        assert cli(["--db", url_text(reader), *command]) == 2
        error = capsys.readouterr().err
        assert f"is read-only for user '{reader.username}'" in error
        assert "nothing was done" in error and "read-only-pw" not in error
    assert cli(["--db", url_text(reader), "list", "--format", "csv"]) == 0
    assert "Customs memorandum" in capsys.readouterr().out
    assert table_counts(pg) == before


def test_a_read_only_sqlite_file_refuses_writing_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "shared.db"
    assert cli(["--db", str(path), "load-sample"]) == 0
    read_only = f"sqlite:///{path}?mode=ro"
    database = open_database(read_only)
    try:
        assert not database.can_write
    finally:
        database.close()
    capsys.readouterr()
    assert cli(["--db", read_only, "load-sample"]) == 2
    assert "is read-only for this connection" in capsys.readouterr().err
    assert cli(["--db", read_only, "list", "--party", "KAZ", "--format", "csv"]) == 0
    assert capsys.readouterr().out.count("\n") == 9


# ----------------------------------------------------------------- copy


def rich_database(database: Database) -> None:
    """Agreements in several scripts, with every kind of linked row, a delete and a view."""
    with database.sessions.begin() as session:
        first = create(
            session,
            agreement(
                "Declaration on Allied Relations",
                ("Kazakhstan", "Oʻzbekiston"),
                summary="Тоқаев and Mirziyoyev raise relations to an alliance.",
                fields=["Foreign policy", "Transport > Rail"],
                signed_on="2021-12-06",
                signed_at="Nur-Sultan",
                milestones=[MilestoneInput("review due", "2026-12", "Five-year review")],
            ),
            user="alice",
        ).id
        create(
            session,
            agreement(
                "Accord sur la coopération énergétique",
                ("Türkiye", "Côte d'Ivoire"),
                fields=["Energy"],
                signed_on="2020",
                relations=[RelationInput("supplements", first)],
            ),
            user="bob",
        )
        data = agreement("Protocol to be removed", ("Uzbekistan",))
        data.parties = [
            ParticipationInput(
                party="Uzbekistan",
                role="original signatory",
                signatory_name="Шавкат Мирзиёев",
                actions=[ActionInput("signature", "2021-12-06")],
            )
        ]
        gone = create(session, data, user="alice").id
    with database.sessions.begin() as session:
        delete(session, [gone], user="carol")
    with database.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO saved_views (name, filter, created_at) VALUES (:n, :f, :t)"),
            {"n": "Тоқаев's visits", "f": '{"text": "tokaev"}', "t": "2026-01-01 00:00:00"},
        )


def everything(database: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every copied table, through the ORM's types (so back ends compare)."""
    with database.engine.connect() as connection:
        return {
            name: [
                tuple(row)
                for row in connection.execute(
                    select(Base.metadata.tables[name]).order_by(
                        *Base.metadata.tables[name].primary_key.columns
                    )
                )
            ]
            for name in TABLES
        }


def test_sqlite_to_postgresql_and_back_keeps_every_row(pg: Database, tmp_path: Path) -> None:
    with open_test_database("sqlite", tmp_path / "one") as one:
        rich_database(one)
        result = copy_database(one, pg)
        assert result.counts["agreements"] == 2 and result.counts["audit_log"] == 4
        with open_test_database("sqlite", tmp_path / "two") as two:
            copy_database(pg, two)
            assert everything(two) == everything(one) == everything(pg)
            for database in (pg, two):
                with database.sessions.begin() as session:
                    for words in ("ТОҚАЕВ", "ozbekiston", "turkiye", "energetique", "divoire"):
                        found = agreement_ids(session, AgreementFilter(text=words))
                        assert len(found) == 1, (database.dialect, words)
                # The id of the deleted agreement is not handed out again.
                assert save(database, agreement("After the copy")) == 4


def test_copy_into_a_database_that_is_not_empty_is_refused(pg: Database, tmp_path: Path) -> None:
    save(pg, agreement("Already here"))
    before = table_counts(pg)
    with open_test_database("sqlite", tmp_path) as lite:
        rich_database(lite)
        with pytest.raises(CopyError, match=r"not empty \(1 rows in agreements\)"):
            copy_database(lite, pg)
    assert table_counts(pg) == before


def test_a_failed_copy_leaves_the_target_empty(
    pg: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_test_database("sqlite", tmp_path) as lite:
        rich_database(lite)

        def broken(connection: object) -> None:
            raise RuntimeError("disk full")

        monkeypatch.setattr("models.database_copy.rebuild_search_index", broken)
        with pytest.raises(RuntimeError, match="disk full"):
            copy_database(lite, pg)
    assert set(table_counts(pg).values()) == {0}


def test_the_copy_command_both_ways(
    pg_url: URL, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, back = tmp_path / "mine.db", tmp_path / "back.db"
    assert cli(["--db", str(source), "load-sample"]) == 0
    assert cli(["--db", str(source), "copy", "--to", url_text(pg_url)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("Copied")) + 1
    assert [line.split() for line in lines[start : start + 4]] == [
        ["parties", "2"],
        ["party_aliases", "14"],
        ["fields", "10"],
        ["agreements", "8"],
    ]
    assert pg_url.password is None or str(pg_url.password) not in out
    assert cli(["--db", str(back), "copy", "--from", url_text(pg_url)]) == 0
    capsys.readouterr()
    assert cli(["--db", str(source), "copy", "--to", url_text(pg_url)]) == 2
    assert "copy needs an empty database" in capsys.readouterr().err
    for path in (source, back):
        assert cli(["--db", str(path), "list", "--search", "ozbek", "--format", "csv"]) == 0
    listed = capsys.readouterr().out.split("title,kind")
    assert listed[1] == listed[2] and listed[1].count("\n") == 9


def test_copy_refuses_the_same_database(tmp_path: Path) -> None:
    refused = pytest.raises(CopyError, match="onto itself")
    with open_test_database("sqlite", tmp_path) as lite, refused:
        copy_database(lite, lite)

"""Who changed what and when: authors, the audit log, and conflicts that name the other person."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import make_url, select

from models.audit import audit_trail
from models.database import Database, connection_problem
from models.exchange_bulk import bulk_insert
from models.schema import Agreement
from models.service import (
    ConflictError,
    NotFoundError,
    create,
    delete,
    load_input,
    restore,
    update,
)
from models.users import current_user
from tests.builders import agreement


def test_the_user_is_configured_or_the_os_user(monkeypatch: pytest.MonkeyPatch) -> None:
    assert current_user({"TREATY_TRACKER_USER": "  alice  "}) == "alice"
    monkeypatch.setattr("getpass.getuser", lambda: "osuser")
    assert current_user({}) == "osuser"
    assert current_user({"TREATY_TRACKER_USER": ""}) == "osuser"


def test_a_refused_login_names_the_os_user_the_server_saw(monkeypatch: pytest.MonkeyPatch) -> None:
    # One lookup (models.users) serves both: saves record $TREATY_TRACKER_USER ('tester' in
    # tests), a server is logged into as the operating system's user.
    url = make_url("postgresql://db.example.org/treaties")
    refused = Exception("password authentication failed")
    monkeypatch.setattr("getpass.getuser", lambda: "Тоқаев")
    assert "refused user 'Тоқаев'" in connection_problem(url, refused)
    assert current_user() == "tester"

    def nobody() -> str:
        raise OSError("no user name")

    monkeypatch.setattr("getpass.getuser", nobody)
    assert "refused user '?'" in connection_problem(url, refused)
    assert current_user({}) == "unknown"


def test_create_and_update_record_their_authors(database: Database) -> None:
    with database.sessions.begin() as session:
        agreement_id = create(session, agreement("Rail protocol"), user="alice").id
    with database.sessions.begin() as session:
        data, version = load_input(session, agreement_id)
        data.status = "in force"
        update(session, agreement_id, data, version, user="bob")
    with database.sessions.begin() as session:
        row = session.execute(
            select(Agreement.created_by, Agreement.updated_by).where(Agreement.id == agreement_id)
        ).one()
    assert tuple(row) == ("alice", "bob")


def test_the_default_author_is_the_configured_user(database: Database) -> None:
    with database.sessions.begin() as session:  # conftest sets TREATY_TRACKER_USER=tester
        agreement_id = create(session, agreement("Gas treaty")).id
        assert audit_trail(session, agreement_id)[0].changed_by == "tester"


def test_the_trail_holds_old_and_new_values_newest_first_and_outlives_a_delete(
    database: Database,
) -> None:
    with database.sessions.begin() as session:
        agreement_id = create(session, agreement("Тоқаев visit", signed_on="2021"), user="alice").id
    with database.sessions.begin() as session:
        data, version = load_input(session, agreement_id)
        data.title, data.status = "Тоқаев state visit", "in force"
        update(session, agreement_id, data, version, user="bob")
    with database.sessions.begin() as session:
        snapshots = delete(session, [agreement_id], user="carol")
    with database.sessions.begin() as session:
        restore(session, snapshots, user="dave")
    with database.sessions.begin() as session:
        trail = audit_trail(session, agreement_id)
    assert [(entry.action, entry.changed_by) for entry in trail] == [
        ("restore", "dave"),
        ("delete", "carol"),
        ("update", "bob"),
        ("create", "alice"),
    ]
    assert trail[2].changes == {
        "title": ["Тоқаев visit", "Тоқаев state visit"],
        "status": ["signed", "in force"],
    }
    assert trail[3].changes["title"] == [None, "Тоқаев visit"]
    assert trail[1].changes["title"] == ["Тоқаев state visit", None]
    now = datetime.now(UTC)
    assert all(now - timedelta(minutes=5) < entry.changed_at <= now for entry in trail)
    assert "bob: update (title, status)" in trail[2].describe()


def test_a_save_over_someone_elses_change_names_them_and_when(database: Database) -> None:
    with database.sessions.begin() as session:
        agreement_id = create(session, agreement("Water agreement"), user="alice").id
    with database.sessions.begin() as session:
        mine, opened = load_input(session, agreement_id)
    with database.sessions.begin() as session:
        theirs, version = load_input(session, agreement_id)
        theirs.notes = "Their note"
        update(session, agreement_id, theirs, version, user="bob")
    mine.notes = "My note"
    with pytest.raises(ConflictError) as refused, database.sessions.begin() as session:
        update(session, agreement_id, mine, opened, user="alice")
    assert refused.value.changed_by == "bob"
    message = str(refused.value)
    assert "was changed by bob at " in message and " UTC after you opened it" in message
    stamp = refused.value.changed_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    assert stamp in message
    with database.sessions.begin() as session:
        assert load_input(session, agreement_id)[0].notes == "Their note"
        assert [entry.action for entry in audit_trail(session, agreement_id)] == [
            "update",
            "create",
        ]


def test_deleting_what_someone_else_changed_since_is_refused(database: Database) -> None:
    with database.sessions.begin() as session:
        agreement_id = create(session, agreement("Energy memorandum"), user="alice").id
        opened = load_input(session, agreement_id)[1]
    with database.sessions.begin() as session:
        theirs, version = load_input(session, agreement_id)
        theirs.summary = "Updated"
        update(session, agreement_id, theirs, version, user="bob")
    with pytest.raises(ConflictError, match="changed by bob"), database.sessions.begin() as s:
        delete(s, [agreement_id], {agreement_id: opened}, user="alice")
    with database.sessions.begin() as session:
        assert load_input(session, agreement_id)[0].summary == "Updated"


def test_saving_what_someone_deleted_names_who_deleted_it(database: Database) -> None:
    with database.sessions.begin() as session:
        agreement_id = create(session, agreement("Transit agreement"), user="alice").id
        data, version = load_input(session, agreement_id)
    with database.sessions.begin() as session:
        delete(session, [agreement_id], user="carol")
    refused = pytest.raises(NotFoundError, match="was deleted by carol at ")
    with refused, database.sessions.begin() as session:
        update(session, agreement_id, data, version, user="alice")


def test_a_bulk_import_writes_one_import_line_per_agreement(database: Database) -> None:
    inputs = [agreement(f"Agreement {n}", ("Türkiye", "Oʻzbekiston")) for n in range(3)]
    with database.sessions.begin() as session, bulk_insert(session, user="importer") as inserter:
        inserter.add(inputs)
    ids = inserter.ids
    with database.sessions.begin() as session:
        trails = [audit_trail(session, agreement_id) for agreement_id in ids]
        authors = session.execute(select(Agreement.created_by, Agreement.updated_by)).all()
    assert [[(e.action, e.changed_by) for e in trail] for trail in trails] == [
        [("import", "importer")]
    ] * 3
    assert trails[1][0].changes["title"] == [None, "Agreement 1"]
    assert trails[1][0].changes["parties"] == [None, ["Türkiye", "Oʻzbekiston"]]
    assert {tuple(row) for row in authors} == {("importer", "importer")}

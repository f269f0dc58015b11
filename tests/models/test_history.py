"""Undo and redo of every kind of change, kept in the database, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import catalog, history, trash, views
from models.audit import audit_trail
from models.database import Database
from models.merge import merge_agreements
from models.parties import find_party
from models.query import AgreementFilter
from models.schema import Field, HistoryItem, HistoryStep, Party
from models.service import (
    ConflictError,
    NotFoundError,
    ParticipationInput,
    RelationInput,
    create,
    load_input,
    update,
)
from tests.backends import open_test_database
from tests.builders import agreement, save

KAZAKH = "Тоқаев ва Мирзиёев келісімі"
UZBEK = "Oʻzbekiston–Qozogʻiston hamkorligi"
TURKISH = "Türkiye ile dostluk antlaşması"


def state(database: Database, ids: list[int]) -> dict[int, object]:
    """What a user sees of each agreement (its input, or 'missing'), for exact comparison."""
    seen: dict[int, object] = {}
    with database.sessions.begin() as session:
        for agreement_id in ids:
            try:
                seen[agreement_id] = load_input(session, agreement_id)[0]
            except NotFoundError:
                seen[agreement_id] = "missing"
    return seen


def parties(database: Database) -> list[tuple[int, str, str | None]]:
    with database.sessions.begin() as session:
        return [(p.id, p.name, p.iso3) for p in session.scalars(select(Party).order_by(Party.id))]


def fields(database: Database) -> list[tuple[int, str]]:
    with database.sessions.begin() as session:
        return [(f.id, f.key) for f in session.scalars(select(Field).order_by(Field.id))]


def undo(database: Database, user: str = "tester") -> history.Replayed:
    with database.sessions.begin() as session:
        return history.undo(session, user)


def redo(database: Database, user: str = "tester") -> history.Replayed:
    with database.sessions.begin() as session:
        return history.redo(session, user)


def test_undo_and_redo_an_edit_give_back_both_states(database: Database) -> None:
    first = save(database, agreement(KAZAKH, ("Kazakhstan", "Uzbekistan"), fields=["Energy"]))
    before = state(database, [first])
    with database.sessions.begin() as session:
        data, version = load_input(session, first)
        changed = dataclasses.replace(
            data,
            title=TURKISH,
            fields=["Transport > Rail"],
            parties=[ParticipationInput("Türkiye")],
        )
        update(session, first, changed, version)
    after = state(database, [first])
    with database.sessions.begin() as session:
        assert history.next_undo(session, "tester").label == f"edit of '{KAZAKH}'"
    replayed = undo(database)
    assert state(database, [first]) == before
    assert replayed.changes.changed == {first} and replayed.changes.fields
    replayed = redo(database)
    assert state(database, [first]) == after
    assert replayed.label == f"edit of '{KAZAKH}'"


def test_undo_of_a_create_removes_it_and_the_parties_and_fields_it_brought(
    database: Database,
) -> None:
    parties_before, fields_before = parties(database), fields(database)
    made = save(database, agreement(UZBEK, ("Oʻzbekiston", "New Party Ltd"), fields=["Water"]))
    created = state(database, [made])
    replayed = undo(database)
    assert replayed.changes.deleted == {made}
    assert state(database, [made]) == {made: "missing"}
    assert parties(database) == parties_before and fields(database) == fields_before
    replayed = redo(database)
    assert replayed.changes.created == {made}
    assert state(database, [made]) == created


def test_delete_goes_to_the_trash_and_undo_brings_it_back_with_its_relations(
    database: Database,
) -> None:
    treaty = save(database, agreement("Treaty", ("Kazakhstan", "Uzbekistan")))
    protocol = save(
        database, agreement("Protocol", relations=[RelationInput("protocol to", treaty)])
    )
    amendment = save(database, agreement("Amendment"))
    with database.sessions.begin() as session:
        data, version = load_input(session, treaty)
        data.relations = [RelationInput("amends", amendment)]
        update(session, treaty, data, version)
    before = state(database, [treaty, protocol, amendment])
    with database.sessions.begin() as session:
        changes = trash.delete(session, [treaty])
        assert history.next_undo(session, "tester").label == "deletion of 'Treaty'"
    assert changes.deleted == {treaty}
    assert state(database, [treaty])[treaty] == "missing"
    with database.sessions.begin() as session:
        assert [row.id for row in trash.list_trash(session)] == [treaty]
        assert load_input(session, protocol)[0].relations == []  # the link left with it
    undo(database)
    assert state(database, [treaty, protocol, amendment]) == before
    with database.sessions.begin() as session:
        assert trash.list_trash(session) == []
    redo(database)
    with database.sessions.begin() as session:
        assert [row.id for row in trash.list_trash(session)] == [treaty]


def test_restore_from_the_trash_keeps_id_relations_and_history(database: Database) -> None:
    treaty = save(database, agreement(TURKISH, ("Türkiye",), fields=["Trade"]))
    protocol = save(
        database, agreement("Protocol", relations=[RelationInput("protocol to", treaty)])
    )
    before = state(database, [treaty, protocol])
    with database.sessions.begin() as session:
        trash.delete(session, [treaty])
    with database.sessions.begin() as session:
        changes = trash.restore(session, [treaty])
    assert changes.created == {treaty}
    assert state(database, [treaty, protocol]) == before
    with database.sessions.begin() as session:
        actions = [entry.action for entry in audit_trail(session, treaty)]
    assert actions == ["restore", "delete", "create"]
    undo(database)  # the restore: back in the trash
    with database.sessions.begin() as session:
        assert [row.id for row in trash.list_trash(session)] == [treaty]


def test_trashed_agreements_are_left_out_of_lists_and_counts(database: Database) -> None:
    from models.query import agreement_ids, count

    kept = save(database, agreement("Kept", ("Kazakhstan",)))
    gone = save(database, agreement("Gone", ("Kazakhstan",)))
    with database.sessions.begin() as session:
        trash.delete(session, [gone])
    with database.sessions.begin() as session:
        assert agreement_ids(session, AgreementFilter()) == [kept]
        assert count(session, AgreementFilter(text="Gone")) == 0
        assert count(session) == 1


def test_empty_trash_older_than_deletes_for_good(database: Database) -> None:
    from datetime import timedelta

    from models.schema import utcnow

    old = save(database, agreement("Old"))
    new = save(database, agreement("New"))
    with database.sessions.begin() as session:
        trash.delete(session, [old])
        trash.delete(session, [new])
    later = utcnow() + timedelta(days=31)
    with database.sessions.begin() as session:
        session.execute(
            trash.TRASH.update().where(trash.TRASH.c.agreement_id == new).values(deleted_at=later)
        )
    with database.sessions.begin() as session:
        purged = trash.empty_trash(session, timedelta(days=30), now=later).ids
    assert purged == [old]
    with database.sessions.begin() as session:
        assert [row.id for row in trash.list_trash(session)] == [new]
        assert audit_trail(session, old)[0].action == "purge"
    undo(database)  # the deletion of 'New', still in the trash
    assert state(database, [new])[new].title == "New"
    with (
        database.sessions.begin() as session,
        pytest.raises(history.HistoryConflict, match="deleted for good"),
    ):
        history.undo(session, "tester")


def test_undo_refused_when_someone_saved_since_names_them(database: Database) -> None:
    made = save(database, agreement("Shared"))
    with database.sessions.begin() as session:
        data, version = load_input(session, made)
        update(session, made, dataclasses.replace(data, title="Mine"), version, user="alice")
    with database.sessions.begin() as session:
        data, version = load_input(session, made)
        update(session, made, dataclasses.replace(data, title="Theirs"), version, user="bob")
    with database.sessions.begin() as session, pytest.raises(ConflictError, match="by bob"):
        history.undo(session, "alice")
    assert state(database, [made])[made].title == "Theirs"


def test_a_new_change_after_undo_drops_redo(database: Database) -> None:
    made = save(database, agreement("First"))
    undo(database)
    save(database, agreement("Second"))
    with database.sessions.begin() as session:
        assert history.next_redo(session, "tester") is None
        with pytest.raises(history.NothingToUndo):
            history.redo(session, "tester")
    assert state(database, [made]) == {made: "missing"}


def test_more_than_a_hundred_steps_undo_in_order(database: Database) -> None:
    made = save(database, agreement("Version 0"))
    for number in range(1, 121):
        with database.sessions.begin() as session:
            data, version = load_input(session, made)
            update(session, made, dataclasses.replace(data, title=f"Version {number}"), version)
    for number in range(119, 9, -1):
        undo(database)
        assert state(database, [made])[made].title == f"Version {number}"
    redo(database)
    assert state(database, [made])[made].title == "Version 11"


def test_history_survives_reopening_the_database(tmp_path: Path) -> None:
    # A file reopened (a PostgreSQL test schema is dropped when it closes).
    with open_test_database("sqlite", tmp_path) as database:
        made = save(database, agreement("Before restart"))
        with database.sessions.begin() as session:
            data, version = load_input(session, made)
            update(session, made, dataclasses.replace(data, title="After edit"), version)
    with open_test_database("sqlite", tmp_path) as database:
        undo(database)
        assert state(database, [made])[made].title == "Before restart"
        with database.sessions.begin() as session:
            assert audit_trail(session, made)[0].action == "undo"


def test_merge_of_agreements_undone_and_redone(database: Database) -> None:
    keep = save(database, agreement("Energy treaty", ("Kazakhstan",), fields=["Energy"]))
    other = save(database, agreement("Energy treaty (copy)", ("Uzbekistan",), fields=["Gas"]))
    pointing = save(
        database, agreement("Protocol", relations=[RelationInput("protocol to", other)])
    )
    before = state(database, [keep, other, pointing])
    with database.sessions.begin() as session:
        result = merge_agreements(session, keep, other, {})
    assert result.changes.deleted == {other} and keep in result.changes.changed
    merged = state(database, [keep, other, pointing])
    undo(database)
    assert state(database, [keep, other, pointing]) == before
    with database.sessions.begin() as session:
        from models.redirects import merged_into

        assert merged_into(session, other) is None
    redo(database)
    assert state(database, [keep, other, pointing]) == merged


def test_party_rename_merge_and_delete_undone(database: Database) -> None:
    made = save(database, agreement(KAZAKH, ("Kazakhstan", "Ministry of Energy")))
    other = save(database, agreement("Other", ("Energy Ministry",)))
    before_parties, before = parties(database), state(database, [made, other])
    with database.sessions.begin() as session:
        ministry = find_party(session, "Ministry of Energy").id
        spare = find_party(session, "Energy Ministry").id
        assert catalog.rename_party(session, ministry, "Energy ministry of KZ").parties
    with database.sessions.begin() as session:
        changes = catalog.merge_parties(session, spare, ministry)
        assert changes.changed == {other}
    undo(database)
    undo(database)
    assert parties(database) == before_parties
    assert state(database, [made, other]) == before
    redo(database)
    redo(database)
    assert state(database, [other])[other].parties[0].party == "Energy ministry of KZ"


def test_field_rename_merge_and_delete_undone(database: Database) -> None:
    made = save(database, agreement("Rail", fields=["Transport > Rail", "Railways"]))
    before_fields, before = fields(database), state(database, [made])
    with database.sessions.begin() as session:
        transport = session.scalar(select(Field.id).where(Field.key == "transport"))
        catalog.rename_field(session, transport, "Transportation")
    with database.sessions.begin() as session:
        rail = session.scalar(select(Field.id).where(Field.key == "transportation > rail"))
        railways = session.scalar(select(Field.id).where(Field.key == "railways"))
        catalog.merge_fields(session, railways, rail)
    undo(database)
    undo(database)
    assert fields(database) == before_fields and state(database, [made]) == before
    with database.sessions.begin() as session:
        unused = session.scalar(select(Field.id).where(Field.key == "railways"))
    with database.sessions.begin() as session:
        data, version = load_input(session, made)
        update(session, made, dataclasses.replace(data, fields=["Transport > Rail"]), version)
    with database.sessions.begin() as session:
        catalog.delete_field(session, unused)
    undo(database)
    with database.sessions.begin() as session:
        assert session.get(Field, unused) is not None


def test_saved_views_undone(database: Database) -> None:
    with database.sessions.begin() as session:
        view_id = views.save_view(session, "Oʻzbekiston", AgreementFilter(text="gas")).id
    with database.sessions.begin() as session:
        views.rename_view(session, view_id, "Türkiye")
    with database.sessions.begin() as session:
        views.delete_view(session, view_id)
    undo(database)
    with database.sessions.begin() as session:
        assert [v.name for v in views.list_views(session)] == ["Türkiye"]
    undo(database)
    undo(database)
    with database.sessions.begin() as session:
        assert views.list_views(session) == []
        assert history.next_undo(session, "tester") is None


def test_history_is_per_user_and_pruned(database: Database) -> None:
    with database.sessions.begin() as session:
        create(session, agreement("Alice's"), user="alice")
    with database.sessions.begin() as session:
        assert history.next_undo(session, "bob") is None
        assert history.next_undo(session, "alice").label == "creation of 'Alice's'"
    original = history.KEEP_STEPS, history.PRUNE_EVERY
    history.KEEP_STEPS, history.PRUNE_EVERY = 3, 1
    try:
        for number in range(5):
            save(database, agreement(f"Number {number}"))
    finally:
        history.KEEP_STEPS, history.PRUNE_EVERY = original
    with database.sessions.begin() as session:
        count = session.scalar(select(func.count()).where(HistoryStep.user_name == "tester"))
    assert count == 3


def test_undo_of_an_import_of_ten_thousand_rows_is_one_step(
    database: Database, tmp_path: Path
) -> None:
    from models.exchange import import_file
    from models.query import count

    kept = save(database, agreement("Recorded before"))
    source = tmp_path / "big.csv"
    rows = [f"Agreement {n} (Oʻzbekiston),treaty,signed,Türkiye\n" for n in range(10_000)]
    source.write_text("title,kind,status,parties\n" + "".join(rows), encoding="utf-8")
    with database.sessions.begin() as session:
        result = import_file(session, source)
    assert len(result.changes.created) == 10_000
    replayed = undo(database)
    assert replayed.label == "import of big.csv" and len(replayed.changes.deleted) == 10_000
    with database.sessions.begin() as session:
        assert count(session) == 1
        assert history.next_undo(session, "tester").label == "creation of 'Recorded before'"
    redo(database)
    with database.sessions.begin() as session:
        assert count(session) == 10_001
    assert state(database, [kept])[kept].title == "Recorded before"


def test_an_imported_agreement_comes_back_whole_after_undo_and_redo_twice(
    database: Database, tmp_path: Path
) -> None:
    from models.exchange import import_file

    source = tmp_path / "one.csv"
    source.write_text(
        "title,kind,status,parties,fields,signed_on\n"
        f"{KAZAKH},treaty,signed,Kazakhstan; Oʻzbekiston; Türkiye,Energy / Hydropower,2021-12-06\n",
        encoding="utf-8",
    )
    with database.sessions.begin() as session:
        (made,) = import_file(session, source, new_parties=True).added_ids
    imported = state(database, [made])
    with database.sessions.begin() as session:  # the step keeps no copy until it is undone
        (item,) = session.scalars(
            select(HistoryItem).where(
                HistoryItem.object_id == made, HistoryItem.kind == "agreement"
            )
        )
        assert item.after == history.LATER
    for _ in range(2):
        undo(database)
        assert state(database, [made]) == {made: "missing"}
        redo(database)
        assert state(database, [made]) == imported
    with database.sessions.begin() as session:
        data, version = load_input(session, made)
        update(session, made, dataclasses.replace(data, title=UZBEK), version)
    undo(database)
    undo(database)
    assert state(database, [made]) == {made: "missing"}
    redo(database)
    assert state(database, [made]) == imported
    redo(database)
    assert state(database, [made])[made].title == UZBEK  # type: ignore[attr-defined]


def test_a_copied_database_keeps_its_trash_and_history(database: Database, tmp_path: Path) -> None:
    from models.database_copy import copy_database

    made = save(database, agreement(KAZAKH))
    with database.sessions.begin() as session:
        trash.delete(session, [made])
    with open_test_database("sqlite", tmp_path / "copy") as copy:
        copy_database(database, copy)
        with copy.sessions.begin() as session:
            assert [row.title for row in trash.list_trash(session)] == [KAZAKH]
        undo(copy)
        assert state(copy, [made])[made].title == KAZAKH

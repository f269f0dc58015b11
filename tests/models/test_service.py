"""Saving agreements: every problem at once, nothing half-saved, no silent overwrite, undo."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from models.audit import audit_trail
from models.changes import Changes
from models.database import Database
from models.query import AgreementFilter, agreement_ids, fetch_rows
from models.schema import Agreement, PartialDateType
from models.service import (
    DATE_FIELDS,
    ActionInput,
    AgreementInput,
    ConflictError,
    MilestoneInput,
    NotFoundError,
    ParticipationInput,
    RelationInput,
    ValidationError,
    create,
    delete,
    load_input,
    restore,
    successors,
    update,
    validate,
)
from tests.builders import agreement, full_input, save, table_counts


def stored_row(database: Database, agreement_id: int) -> tuple[str, int]:
    with database.sessions.begin() as session:
        row = session.execute(
            select(Agreement.title, Agreement.version).where(Agreement.id == agreement_id)
        ).one()
    return row.title, row.version


# ----------------------------------------------------------------- validation


def test_a_good_input_has_no_problems() -> None:
    assert validate(full_input()) == {}


def test_validation_returns_every_problem_at_once() -> None:
    data = AgreementInput(
        title="   ",
        kind="tready",
        level="global",
        status="ratifed",
        signed_on="2021-02-30",
        entry_into_force="2021-13-45",
        expires_on="abc",
        source_url="www.example.org",
        parties=[
            ParticipationInput(
                party="Kazakhstan",
                role="signer",
                party_kind="company",
                actions=[ActionInput(type="ratificaton", deposited_on="2021/12/06")],
            ),
            ParticipationInput(party="kazakhstan"),
        ],
        fields=[" > "],
        milestones=[MilestoneInput(kind="sometime", on="soon")],
        relations=[RelationInput(type="amend", other_id=1)],
    )
    errors = validate(data)
    assert errors == {
        "title": "title is required",
        "kind": "'tready' is not a kind (did you mean 'treaty'?)",
        "level": "'global' is not a level",
        "status": "'ratifed' is not a status (did you mean 'ratified'?)",
        "signed_on": errors["signed_on"],
        "entry_into_force": errors["entry_into_force"],
        "expires_on": errors["expires_on"],
        "source_url": "'www.example.org' is not a web address (http:// or https://)",
        "parties.0.role": "'signer' is not a role",
        "parties.0.party_kind": "'company' is not a party kind",
        "parties.0.actions.0.type": (
            "'ratificaton' is not an action (did you mean 'ratification'?)"
        ),
        "parties.0.actions.0.deposited_on": errors["parties.0.actions.0.deposited_on"],
        "parties.1.party": "'kazakhstan' is listed twice (also party 1)",
        "fields.0": "field name is empty",
        "milestones.0.kind": "'sometime' is not a milestone kind",
        "milestones.0.on": errors["milestones.0.on"],
        "relations.0.type": "'amend' is not a relation (did you mean 'amends'?)",
    }
    assert "'2021-02-30'" in errors["signed_on"]
    assert "'2021-13-45'" in errors["entry_into_force"]
    assert "'abc'" in errors["expires_on"]
    assert "'2021/12/06'" in errors["parties.0.actions.0.deposited_on"]
    assert "'soon'" in errors["milestones.0.on"]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"entry_into_force": "2021-12-01"}, "entry_into_force", "before signature"),
        ({"expires_on": "2020"}, "expires_on", "before signature"),
        ({"terminated_on": "2021-11"}, "terminated_on", "before signature"),
        ({"title": "x" * 2001}, "title", "the limit is 2000"),
        ({"source_url": "javascript:alert(1)"}, "source_url", "not a web address"),
        ({"source_url": "http://"}, "source_url", "not a web address"),
    ],
)
def test_each_problem_is_named_beside_its_field(
    changes: dict[str, str], field: str, words: str
) -> None:
    data = dataclasses.replace(agreement("Alliance", signed_on="2021-12-06"), **changes)
    errors = validate(data)
    assert list(errors) == [field]
    assert words in errors[field]


def test_dates_of_unknown_precision_are_not_called_out_of_order() -> None:
    """In force '2021' may well be after signature on 6 December 2021: no error."""
    assert validate(agreement("Alliance", signed_on="2021-12-06", entry_into_force="2021")) == {}
    errors = validate(agreement("Alliance", signed_on="2021-12-06", entry_into_force="2021-11"))
    assert errors == {
        "entry_into_force": (
            "entry into force (November 2021) is before signature (6 December 2021)"
        )
    }


def test_an_agreement_needs_a_party() -> None:
    assert validate(agreement("Alliance", ())) == {"parties": "at least one party is required"}
    blank = agreement("Alliance", ("  ",))
    assert validate(blank) == {"parties": "at least one party is required"}
    mixed = agreement("Alliance", ("Kazakhstan", " "))
    assert validate(mixed) == {"parties.1.party": "party name is empty"}


@pytest.mark.parametrize("second", ["KAZAKHSTAN", "KAZ", "KZ", "Қазақстан", "Kazakhstan "])
def test_a_party_listed_twice_under_any_spelling_is_refused(second: str) -> None:
    errors = validate(agreement("Alliance", ("Kazakhstan", second)))
    assert errors == {"parties.1.party": f"'{second}' is listed twice (also party 1)"}


def test_an_action_taking_effect_before_its_deposit_is_refused() -> None:
    data = agreement("Alliance")
    data.parties[0].actions = [
        ActionInput(type="ratification", deposited_on="2022-04-10", effective_on="2022-03")
    ]
    assert validate(data) == {
        "parties.0.actions.0.effective_on": (
            "takes effect (March 2022) before it was deposited (10 April 2022)"
        )
    }


# ----------------------------------------------------------------- a refused save


def test_a_refused_save_changes_nothing(database: Database) -> None:
    save(database, full_input())
    before = table_counts(database)
    bad = full_input()
    bad.title = ""
    bad.parties.append(ParticipationInput(party="Türkiye"))
    bad.fields.append("Energy")
    with pytest.raises(ValidationError) as refused, database.sessions.begin() as session:
        create(session, bad)
    assert set(refused.value.errors) == {"title"}
    assert table_counts(database) == before


def test_a_refused_update_changes_nothing(database: Database) -> None:
    agreement_id = save(database, full_input())
    before = table_counts(database)
    with database.sessions.begin() as session:
        data, version = load_input(session, agreement_id)
    data.title = "A new title"
    data.signed_on = "2021-02-30"
    data.parties = [ParticipationInput(party="Türkiye")]
    with pytest.raises(ValidationError), database.sessions.begin() as session:
        update(session, agreement_id, data, version)
    assert table_counts(database) == before
    assert stored_row(database, agreement_id) == (full_input().title, 1)


def test_a_save_that_fails_in_the_database_leaves_nothing_behind(database: Database) -> None:
    """The related agreement goes between the check and the write: the database refuses."""
    from sqlalchemy import delete as sql_delete
    from sqlalchemy import event

    other = save(database, agreement("Earlier treaty"))
    before = table_counts(database)
    session = database.sessions()

    deleted: list[bool] = []

    def delete_other(flushing, _context, _instances) -> None:  # type: ignore[no-untyped-def]
        if not deleted:
            deleted.append(True)
            flushing.connection().execute(sql_delete(Agreement).where(Agreement.id == other))

    event.listen(session, "before_flush", delete_other)
    try:
        with pytest.raises(Exception, match=r"(?i)foreign key"), session.begin():
            create(session, full_input(other_id=other))
    finally:
        session.close()
    assert table_counts(database) == before


# ----------------------------------------------------------------- relations


def test_every_relation_problem_is_named_at_once(database: Database) -> None:
    treaty = save(database, agreement("Treaty on the Aral Sea"))
    protocol = save(database, agreement("Protocol to the Aral Sea treaty"))
    with database.sessions.begin() as session:
        data, version = load_input(session, protocol)
    data.title = ""
    data.relations = [
        RelationInput("protocol to", treaty),
        RelationInput("protocol to", protocol),
        RelationInput("amends", 424242),
        RelationInput("Protocol to", treaty),
        RelationInput("amend", treaty),
    ]
    before = table_counts(database)
    with pytest.raises(ValidationError) as refused, database.sessions.begin() as session:
        update(session, protocol, data, version)
    assert refused.value.errors == {
        "title": "title is required",
        "relations.1.other_id": "an agreement can't be related to itself",
        "relations.2.other_id": "agreement 424242 does not exist (it may have been deleted)",
        "relations.3.other_id": "the same relation is listed twice (also relation 1)",
        "relations.4.type": "'amend' is not a relation (did you mean 'amends'?)",
    }
    assert table_counts(database) == before


def test_relations_are_created_changed_and_removed_by_saving(database: Database) -> None:
    treaty = save(database, agreement("Treaty on the Aral Sea"))
    earlier = save(database, agreement("Oʻzbekiston–Türkiye agreement of 1992"))
    protocol = save(
        database,
        agreement(
            "Protocol to the Aral Sea treaty", relations=[RelationInput("protocol to", treaty)]
        ),
    )
    with database.sessions.begin() as session:
        data, version = load_input(session, protocol)
        assert data.relations == [RelationInput("protocol to", treaty)]
        data.relations = [RelationInput("amends", treaty), RelationInput("supersedes", earlier)]
        update(session, protocol, data, version)
    with database.sessions.begin() as session:
        data, version = load_input(session, protocol)
        assert data.relations == [
            RelationInput("amends", treaty),
            RelationInput("supersedes", earlier),
        ]
        data.relations = []
        update(session, protocol, data, version)
    assert table_counts(database)["relations"] == 0


def test_replaced_by_is_saved_from_the_older_agreement_as_the_newer_superseding_it(
    database: Database,
) -> None:
    old = save(database, agreement("Oʻzbekiston–Türkiye agreement of 1992"))
    new = save(database, agreement("Agreement on Oʻzbekiston–Türkiye rail transit"))
    newest = save(database, agreement("Тоқаев–Mirziyoyev rail agreement"))
    with database.sessions.begin() as session:
        new_version = load_input(session, new)[1]
        data, version = load_input(session, old)
        data.notes = "Replaced in 2021."
        version = update(session, old, data, version, replaced_by=[new]).version
    with database.sessions.begin() as session:
        assert successors(session, old) == [new]
        assert load_input(session, new)[0].relations == [RelationInput("supersedes", old)]
        assert load_input(session, new)[1] == new_version + 1  # its relations changed
        assert load_input(session, old)[0].notes == "Replaced in 2021."
        trail = audit_trail(session, old)
        assert trail[0].changes["replaced_by"] == [[], [new]]
        assert audit_trail(session, new)[0].changes["relations"] == [
            [],
            [{"type": "supersedes", "other_id": old}],
        ]
    with database.sessions.begin() as session:
        data, version = load_input(session, old)
        update(session, old, data, version, replaced_by=[newest])
    with database.sessions.begin() as session:
        assert successors(session, old) == [newest]
        assert load_input(session, new)[0].relations == []
        assert audit_trail(session, old)[0].changes == {"replaced_by": [[new], [newest]]}
    with database.sessions.begin() as session:
        data, version = load_input(session, old)
        update(session, old, data, version)  # without replaced_by: left as it is
    with database.sessions.begin() as session:
        assert successors(session, old) == [newest]
        data, version = load_input(session, old)
        update(session, old, data, version, replaced_by=[])
    assert table_counts(database)["relations"] == 0


def test_a_stale_editor_of_the_newer_agreement_is_refused_after_replaced_by_changed(
    database: Database,
) -> None:
    old = save(database, agreement("Oʻzbekiston–Türkiye agreement of 1992"))
    new = save(database, agreement("Agreement on Oʻzbekiston–Türkiye rail transit"))
    with database.sessions.begin() as session:
        stale, stale_version = load_input(session, new)
    with database.sessions.begin() as session:
        data, version = load_input(session, old)
        update(session, old, data, version, replaced_by=[new], user="alice")
    with (
        pytest.raises(ConflictError, match="changed by alice"),
        database.sessions.begin() as session,
    ):
        update(session, new, stale, stale_version)
    with database.sessions.begin() as session:
        assert successors(session, old) == [new]


def test_replaced_by_problems_are_named_and_change_nothing(database: Database) -> None:
    old = save(database, agreement("Oʻzbekiston–Türkiye agreement of 1992"))
    new = save(database, agreement("Agreement on Oʻzbekiston–Türkiye rail transit"))
    before = table_counts(database)
    with pytest.raises(ValidationError) as refused, database.sessions.begin() as session:
        data, version = load_input(session, old)
        update(session, old, data, version, replaced_by=[new, old, 424242, new])
    assert refused.value.errors == {
        "replaced_by.1.other_id": "an agreement can't be related to itself",
        "replaced_by.2.other_id": "agreement 424242 does not exist (it may have been deleted)",
        "replaced_by.3.other_id": "the same relation is listed twice (also relation 1)",
    }
    assert table_counts(database) == before


def test_a_new_agreement_can_be_recorded_as_replaced_by_another(database: Database) -> None:
    new = save(database, agreement("Agreement on Oʻzbekiston–Türkiye rail transit"))
    with database.sessions.begin() as session:
        old = create(session, agreement("Agreement of 1992"), replaced_by=[new]).id
    with database.sessions.begin() as session:
        assert successors(session, old) == [new]
        assert audit_trail(session, old)[0].changes["replaced_by"] == [[], [new]]


def test_undoing_a_delete_brings_back_relations_pointing_at_it(database: Database) -> None:
    """The treaty's delete takes its protocol's relation with it (ON DELETE CASCADE); undo
    puts it back, as the protocol had it."""
    treaty = save(database, agreement("Treaty on the Aral Sea"))
    protocol = save(
        database,
        agreement(
            "Protocol to the Aral Sea treaty", relations=[RelationInput("protocol to", treaty)]
        ),
    )
    before = table_counts(database)
    with database.sessions.begin() as session:
        snapshots = delete(session, [treaty])
    with database.sessions.begin() as session:
        assert load_input(session, protocol)[0].relations == []
    with database.sessions.begin() as session:
        restore(session, snapshots)
    with database.sessions.begin() as session:
        assert load_input(session, protocol)[0].relations == [RelationInput("protocol to", treaty)]
    assert table_counts(database) == before


# ----------------------------------------------------------------- versions


def test_each_save_raises_the_version(database: Database) -> None:
    agreement_id = save(database, full_input())
    with database.sessions.begin() as session:
        data, version = load_input(session, agreement_id)
        assert version == 1
        data.title = "Alliance treaty (amended)"
        assert update(session, agreement_id, data, version).version == 2
    assert stored_row(database, agreement_id) == ("Alliance treaty (amended)", 2)


def test_an_update_from_a_stale_version_is_refused(database: Database) -> None:
    agreement_id = save(database, full_input())
    with database.sessions.begin() as session:
        data, version = load_input(session, agreement_id)
        data.title = "First edit"
        update(session, agreement_id, data, version)
    before = table_counts(database)
    data.title = "Edit from an old copy"
    with pytest.raises(ConflictError) as refused, database.sessions.begin() as session:
        update(session, agreement_id, data, 1)
    assert (refused.value.expected_version, refused.value.current_version) == (1, 2)
    assert "reload" in str(refused.value)
    assert stored_row(database, agreement_id) == ("First edit", 2)
    assert table_counts(database) == before


def test_two_sessions_racing_the_second_is_refused(database: Database) -> None:
    """Two windows open version 1; the first saves; the second must not overwrite it."""
    agreement_id = save(database, full_input())
    first, second = database.sessions(), database.sessions()
    try:
        mine, my_version = load_input(first, agreement_id)
        theirs, their_version = load_input(second, agreement_id)
        assert my_version == their_version == 1
        mine.title = "Saved first"
        update(first, agreement_id, mine, my_version)
        first.commit()
        theirs.title = "Saved second"
        with pytest.raises(ConflictError):
            update(second, agreement_id, theirs, their_version)
        second.rollback()
    finally:
        first.close()
        second.close()
    assert stored_row(database, agreement_id) == ("Saved first", 2)


def test_missing_agreements_are_reported(database: Database) -> None:
    with database.sessions.begin() as session:
        with pytest.raises(NotFoundError, match="424242 does not exist"):
            load_input(session, 424242)
        with pytest.raises(NotFoundError):
            update(session, 424242, full_input(), 1)
        with pytest.raises(NotFoundError):
            delete(session, [424242])


# ----------------------------------------------------------------- round trips, delete, undo


def test_load_input_gives_back_what_was_created(database: Database) -> None:
    other = save(database, agreement("Earlier treaty"))
    created = full_input(other_id=other)
    agreement_id = save(database, created)
    with database.sessions.begin() as session:
        loaded, version = load_input(session, agreement_id)
    assert loaded == created
    assert version == 1


def test_entered_text_is_tidied(database: Database) -> None:
    data = agreement("  Treaty   on   friendship ", ("Russia",), summary="  text  ")
    data.fields = ["transport > rail", "Transport > Rail", "Energy"]
    agreement_id = save(database, data)
    with database.sessions.begin() as session:
        loaded, _ = load_input(session, agreement_id)
        row = fetch_rows(session, [agreement_id])[0]
    assert loaded.title == "Treaty on friendship"
    assert loaded.summary == "text"
    assert loaded.parties[0].party == "Russian Federation"
    assert loaded.fields == ["Energy", "transport > rail"]
    assert row.parties == ("Russian Federation",)


def test_an_update_replaces_parties_fields_and_milestones(database: Database) -> None:
    agreement_id = save(database, full_input())
    with database.sessions.begin() as session:
        data, version = load_input(session, agreement_id)
        data.parties = [data.parties[1], ParticipationInput(party="Türkiye", party_kind="state")]
        data.fields = ["Energy"]
        data.milestones = []
        update(session, agreement_id, data, version)
    with database.sessions.begin() as session:
        loaded, version = load_input(session, agreement_id)
    assert loaded == data
    assert version == 2


def test_delete_returns_snapshots_and_restore_brings_everything_back(database: Database) -> None:
    other = save(database, agreement("Earlier treaty"))
    created = full_input(other_id=other)
    agreement_id = save(database, created)
    before = table_counts(database)
    with database.sessions.begin() as session:
        snapshots = delete(session, [agreement_id])
    assert [snapshot.id for snapshot in snapshots] == [agreement_id]
    assert snapshots[0].data == created
    with database.sessions.begin() as session:
        assert agreement_ids(session, AgreementFilter()) == [other]
        with pytest.raises(NotFoundError):
            load_input(session, agreement_id)
    after_delete = table_counts(database)
    assert after_delete["agreements"] == before["agreements"] - 1
    assert after_delete["participations"] == before["participations"] - 2
    assert after_delete["actions"] == before["actions"] - 4
    assert after_delete["milestones"] == before["milestones"] - 2
    assert after_delete["relations"] == before["relations"] - 1
    assert after_delete["agreement_fields"] == before["agreement_fields"] - 2
    assert after_delete["parties"] == before["parties"]  # parties outlive their agreements

    with database.sessions.begin() as session:
        assert restore(session, snapshots) == [agreement_id]
    with database.sessions.begin() as session:
        loaded, _ = load_input(session, agreement_id)
        found = agreement_ids(session, AgreementFilter(text="Mirziyoyev"))
    assert loaded == created
    assert found == [agreement_id]
    assert table_counts(database) == before


def test_delete_with_a_stale_version_deletes_nothing(database: Database) -> None:
    first = save(database, agreement("First"))
    second = save(database, agreement("Second"))
    with database.sessions.begin() as session:
        data, version = load_input(session, second)
        update(session, second, data, version)
    before = table_counts(database)
    with pytest.raises(ConflictError), database.sessions.begin() as session:
        delete(session, [first, second], versions={first: 1, second: 1})
    assert table_counts(database) == before


def test_a_save_racing_between_read_and_write_is_a_conflict(database: Database) -> None:
    """Another writer commits after our version check and before our UPDATE: still refused."""
    from sqlalchemy import event

    agreement_id = save(database, full_input())
    session = database.sessions()
    mine, my_version = load_input(session, agreement_id)
    mine.title = "Mine"

    sneaked: list[bool] = []

    def sneak_in(_session, _context, _instances) -> None:  # type: ignore[no-untyped-def]
        if sneaked:
            return
        sneaked.append(True)
        with database.sessions.begin() as other:
            theirs, their_version = load_input(other, agreement_id)
            theirs.title = "Theirs"
            update(other, agreement_id, theirs, their_version)

    try:
        event.listen(session, "before_flush", sneak_in)
        with pytest.raises(ConflictError) as conflict:
            update(session, agreement_id, mine, my_version)
        assert conflict.value.current_version == 2
        session.rollback()
    finally:
        session.close()
    assert stored_row(database, agreement_id) == ("Theirs", 2)


# ----------------------------------------------------------------- what a save returns


def test_create_and_update_return_the_id_the_version_and_what_changed(
    database: Database,
) -> None:
    with database.sessions.begin() as session:
        first = create(session, agreement("Тоқаев visit", ("Kazakhstan",), fields=["Energy"]))
        # Same party, same field: nothing new in the catalog, so the lists stay as they are.
        second = create(session, agreement("Oʻzbekiston visit", ("KAZ",), fields=["Energy"]))
    assert first.version == 1 and first.changes.created == {first.id}
    assert (first.changes.parties, first.changes.fields) == (True, True)
    assert second.changes == Changes.of(created=[second.id])
    with database.sessions.begin() as session:
        data, version = load_input(session, first.id)
        data.status = "ratified"
        edited = update(session, first.id, data, version)
    assert (edited.id, edited.version) == (first.id, version + 1)
    assert edited.changes == Changes.of(changed=[first.id])
    with database.sessions.begin() as session:
        data, version = load_input(session, first.id)
        data.parties.append(ParticipationInput("Türkiye"))
        edited = update(session, first.id, data, version, replaced_by=[second.id])
    # The agreement that now supersedes it has a new version too; Türkiye is a new party.
    assert edited.changes == Changes.of(changed=[first.id, second.id], parties=True)


def test_the_one_list_of_date_fields_is_every_date_an_agreement_stores() -> None:
    # Validation, import, export's merge and the dialog's date hints all read DATE_FIELDS:
    # a date column added to the schema and not to the list would go unchecked everywhere.
    stored = [
        column.name
        for column in Agreement.__table__.columns
        if isinstance(column.type, PartialDateType)
    ]
    assert list(DATE_FIELDS) == stored

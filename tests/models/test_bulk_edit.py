"""One edit to many agreements: a preview that counts right, then all of it or none of it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models import history
from models.audit import audit_trail
from models.bulk_edit import BulkEdit, BulkEditError, apply_bulk_edit, plan_bulk_edit
from models.database import Database
from models.schema import Agreement, AuditEntry
from models.service import MilestoneInput, load_input, validate
from tests.builders import agreement, save, table_counts


@pytest.fixture
def three(database: Database) -> list[int]:
    """Two signed agreements and one ratified, with Kazakh, Uzbek and Turkish names."""
    return [
        save(database, agreement("Тоқаев–Mirziyoyev declaration", ("Kazakhstan", "Uzbekistan"))),
        save(
            database,
            agreement("Oʻzbekiston rail protocol", ("Uzbekistan", "Türkiye"), fields=["Rail"]),
        ),
        save(
            database,
            agreement("Türkiye energy agreement", ("Kazakhstan",), status="ratified"),
        ),
    ]


def versions(database: Database, ids: list[int]) -> dict[int, int]:
    with database.sessions.begin() as session:
        rows = session.execute(select(Agreement.id, Agreement.version).where(Agreement.id.in_(ids)))
        return {row[0]: row[1] for row in rows}


def audit_rows(database: Database) -> int:
    with database.sessions.begin() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def test_the_preview_counts_what_changes_and_says_why_the_rest_does_not(
    database: Database, three: list[int]
) -> None:
    before = versions(database, three)
    with database.sessions.begin() as session:
        plan = plan_bulk_edit(session, three, BulkEdit(status="ratified"))
    assert (plan.changing, plan.unchanged) == (2, 1)
    assert plan.counts == {"status → ratified": 2}
    # The first ones by title: Cyrillic and Latin sorted as the table sorts them.
    assert [item.title for item in plan.first_changing] == [
        "Oʻzbekiston rail protocol",
        "Тоқаев–Mirziyoyev declaration",
    ]
    assert plan.first_changing[0].what == ("status: signed → ratified",)
    (same,) = plan.first_unchanged
    assert same.title == "Türkiye energy agreement"
    assert same.why_unchanged == "already as the edit would make it"
    assert "2 agreements would change" in plan.lines()
    assert versions(database, three) == before  # a preview writes nothing


def test_applying_saves_each_agreement_with_a_new_version_and_an_audit_row(
    database: Database, three: list[int]
) -> None:
    before = versions(database, three)
    with database.sessions.begin() as session:
        changes = apply_bulk_edit(session, three, BulkEdit(status="ratified"), user="alice")
    assert changes.changed == frozenset(three[:2])
    after = versions(database, three)
    assert [after[i] - before[i] for i in three] == [1, 1, 0]
    with database.sessions.begin() as session:
        latest = audit_trail(session, three[0])[0]
        assert latest.action == "update" and latest.changed_by == "alice"
        assert latest.changes == {"status": ["signed", "ratified"]}
        assert len(audit_trail(session, three[2])) == 1  # unchanged: only its creation


def test_one_agreement_that_cant_take_the_edit_refuses_all_of_it(
    database: Database, three: list[int]
) -> None:
    counts, audited, before = (
        table_counts(database),
        audit_rows(database),
        versions(database, three),
    )
    edit = BulkEdit(remove_parties=("KAZ",), status="in force")
    with database.sessions.begin() as session:
        plan = plan_bulk_edit(session, three, edit)
    assert plan.problems == (
        f"agreement {three[2]} 'Türkiye energy agreement': at least one party is required",
    )
    backups: list[str] = []
    with pytest.raises(BulkEditError) as refused, database.sessions.begin() as session:
        apply_bulk_edit(session, three, edit, before_write=lambda: backups.append("made"))
    assert backups == []  # checked before the backup: a refused edit leaves none behind
    message = str(refused.value)
    assert message.startswith("nothing was changed: ")
    assert f"agreement {three[2]} 'Türkiye energy agreement'" in message
    assert (table_counts(database), audit_rows(database)) == (counts, audited)
    assert versions(database, three) == before


def test_fields_parties_roles_notes_and_milestones(database: Database, three: list[int]) -> None:
    edit = BulkEdit(
        add_fields=("Energy",),
        remove_fields=("Rail",),
        add_parties=(("Türkiye", "observer"), ("Turkmenistan", "party")),
        add_note="Checked against the UNTS record.",
        milestone=MilestoneInput("review due", "2027-06", "Review (Тоқаев)"),
    )
    with database.sessions.begin() as session:
        plan = plan_bulk_edit(session, three, edit)
        assert plan.new_fields == ("Energy",)
        assert plan.new_parties == ("Turkmenistan",)  # recorded by this edit
        changes = apply_bulk_edit(session, three, edit)
    assert changes.changed == frozenset(three) and changes.fields and changes.parties
    with database.sessions.begin() as session:
        rail, _version = load_input(session, three[1])
        first, _version = load_input(session, three[0])
    assert rail.fields == ["Energy"]
    assert {(p.party, p.role) for p in rail.parties} == {
        ("Uzbekistan", "party"),
        ("Türkiye", "observer"),  # already there: its role changes
        ("Turkmenistan", "party"),
    }
    assert first.notes == "Checked against the UNTS record."
    assert [(m.kind, m.on, m.description) for m in first.milestones] == [
        ("review due", "2027-06", "Review (Тоқаев)")
    ]
    with database.sessions.begin() as session:
        again = plan_bulk_edit(session, three, BulkEdit(remove_fields=("Rail",)))
    assert (again.changing, again.unchanged) == (0, 3)  # Rail is gone from every one


def test_a_bad_edit_names_what_is_wrong_before_reading_anything(
    database: Database, three: list[int]
) -> None:
    with pytest.raises(BulkEditError) as refused, database.sessions.begin() as session:
        edit = BulkEdit(
            status="ratifed", remove_parties=("Uzbekistn",), add_parties=(("Kazakstan", ""),)
        )
        plan_bulk_edit(session, three, edit)
    assert refused.value.problems == [
        "'ratifed' is not a status (did you mean 'ratified'?)",
        "'Kazakstan' is not a recorded party (did you mean 'Kazakhstan'?)",
        "no party 'Uzbekistn' is recorded (did you mean 'Uzbekistan'?)",
    ]


def test_an_agreement_deleted_meanwhile_refuses_the_edit(
    database: Database, three: list[int]
) -> None:
    gone = max(three) + 100
    with database.sessions.begin() as session:
        assert plan_bulk_edit(session, [*three, gone], BulkEdit(level="interstate")).missing == (
            gone,
        )
    with pytest.raises(BulkEditError) as refused, database.sessions.begin() as session:
        apply_bulk_edit(session, [*three, gone], BulkEdit(level="interstate"))
    assert f"agreement {gone} does not exist" in str(refused.value)


def test_a_bulk_edit_is_one_step_to_undo_and_redo(database: Database, three: list[int]) -> None:
    with database.sessions.begin() as session:
        changes = apply_bulk_edit(session, three, BulkEdit(status="in force"), user="Тоқаев")
    assert changes.changed == set(three)
    with database.sessions.begin() as session:
        step = history.next_undo(session, "Тоқаев")
        assert step is not None and step.label == "bulk edit of 3 agreements"
        history.undo(session, "Тоқаев")
    with database.sessions.begin() as session:
        statuses = [load_input(session, number)[0].status for number in three]
        assert statuses == ["signed", "signed", "ratified"]
        history.redo(session, "Тоқаев")
    with database.sessions.begin() as session:
        assert {load_input(session, number)[0].status for number in three} == {"in force"}


def test_what_the_edit_adds_is_refused_with_the_editors_own_messages(
    database: Database, three: list[int]
) -> None:
    milestone = MilestoneInput("review due", "2027-13", "Тоқаев visit")
    edit = BulkEdit(milestone=milestone, add_fields=("Energy > " + "Oʻ" * 200,))
    before = versions(database, three)
    with pytest.raises(BulkEditError) as refused, database.sessions.begin() as session:
        apply_bulk_edit(session, three, edit)
    expected = []
    with database.sessions.begin() as session:
        for number in three:
            data, _version = load_input(session, number)
            data.milestones.append(milestone)
            data.fields.append(edit.add_fields[0])
            title = session.get(Agreement, number).title
            expected += [f"agreement {number} '{title}': {m}" for m in validate(data).values()]
    assert sorted(refused.value.problems) == sorted(expected) and len(expected) == 6
    assert versions(database, three) == before

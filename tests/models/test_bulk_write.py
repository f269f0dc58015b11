"""The set-based bulk edit leaves the same rows as saving each agreement through the service.

The reference is the path bulk edit took before (models.service.update per agreement, with
the edit worked out on its input): both run on twin agreements in one database, and every
row of each twin — the agreement, its participations and actions, fields, milestones —
and its audit row must come out the same, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from sqlalchemy import select

from models import bulk_edit, history, service
from models.audit import audit_trail
from models.bulk_edit import BulkEdit, apply_bulk_edit
from models.database import Database
from models.history_state import agreement_snapshots
from models.revision import current_revision
from models.schema import Agreement
from models.service import ActionInput, AgreementInput, MilestoneInput, ParticipationInput
from models.vocab import Kind, Level, MilestoneKind, Status

EDITS = {
    "status": BulkEdit(status="ratified"),
    "kind": BulkEdit(kind="treaty"),
    "level": BulkEdit(level="interstate"),
    "add field": BulkEdit(add_fields=("Energy", "Outer space > Satellites")),
    "remove field": BulkEdit(remove_fields=("Rail",)),
    "add party": BulkEdit(
        add_parties=(("Türkiye", "observer"), ("Turkmenistan", "party"), ("UZB", "depositary"))
    ),
    "remove party": BulkEdit(remove_parties=("Oʻzbekiston",)),
    "note": BulkEdit(add_note="Checked against the UNTS record (Тоқаев)."),
    "milestone": BulkEdit(milestone=MilestoneInput("review due", "2027-06", "Joint commission")),
    "several": BulkEdit(
        status="in force",
        remove_parties=("Kazakhstan",),
        add_parties=(("Azerbaijan", "negotiating state"),),
        remove_fields=("Energy",),
        add_fields=("Transport",),
    ),
}


def _inputs() -> list[AgreementInput]:
    """Agreements of several shapes: acts and signatories, nested fields, notes or none."""
    kazakhstan = ParticipationInput(
        "Kazakhstan",
        role="original signatory",
        signatory_name="Тоқаев",
        signatory_title="President",
        actions=[ActionInput("signature", "2021-12-06"), ActionInput("ratification", "2022-03")],
    )
    uzbekistan = ParticipationInput("Oʻzbekiston", actions=[ActionInput("accession", "2022")])
    return [
        AgreementInput(
            "Declaration on Allied Relations",
            kind="declaration",
            status="signed",
            parties=[kazakhstan, uzbekistan],
            fields=["Energy", "Transport > Rail"],
            milestones=[MilestoneInput("signed", "2021-12-06", "Nur-Sultan")],
            notes="Oʻzbekiston ratified first.",
        ),
        AgreementInput(
            "Türkiye transit protocol",
            status="ratified",
            level="interstate",
            parties=[ParticipationInput("Türkiye", role="observer"), uzbekistan],
            fields=["Transport > Rail"],
            milestones=[MilestoneInput("review due", "2027-06", "Joint commission")],
        ),
        AgreementInput(
            "Kazakhstan energy memorandum",
            kind="memorandum of understanding",
            parties=[kazakhstan],
            fields=["Energy"],
        ),
    ]


def _make_twins(database: Database) -> tuple[list[int], list[int]]:
    with database.sessions.begin() as session:
        first = [service.create(session, data).id for data in _inputs()]
        second = [service.create(session, data).id for data in _inputs()]
    return first, second


def _old_path(database: Database, ids: list[int], edit: BulkEdit) -> None:
    """What bulk edit did before: the edit worked out on each input, saved by service.update."""
    with database.sessions.begin() as session:
        resolved = bulk_edit._resolve(session, edit)
        for agreement_id in ids:
            data, version = service.load_input(session, agreement_id)
            agreement = session.get(Agreement, agreement_id)
            assert agreement is not None
            after, what = _edit_one(agreement, data, resolved)
            if what:
                service.update(session, agreement_id, after, version)


def _rows(database: Database, agreement_id: int, versioned: bool = True) -> dict[str, Any]:
    """An agreement's rows without what differs between twins (id, timestamps)."""
    with database.engine.connect() as connection:
        snapshot = agreement_snapshots(connection, [agreement_id])[agreement_id]
    for key in ("id", "created_at", "updated_at", "updated_by"):
        snapshot["row"].pop(key)
    if not versioned:  # an undo moves the version on too
        snapshot.pop("version")
    snapshot["participations"] = sorted(snapshot["participations"], key=lambda p: p["position"])
    return snapshot


def _last_change(database: Database, agreement_id: int) -> dict[str, Any]:
    with database.sessions.begin() as session:
        trail = audit_trail(session, agreement_id)  # newest first: after an undo and redo
        edited = next((entry for entry in trail if entry.action == "update"), None)
    if edited is None:  # the edit left this one as it was
        return {}
    changes = dict(edited.changes)
    if "fields" in changes:  # the order fields are listed in is no part of the record
        changes["fields"] = [sorted(side or []) for side in changes["fields"]]
    return changes


@pytest.mark.parametrize("name", list(EDITS))
def test_the_set_based_edit_leaves_the_rows_the_per_agreement_path_left(
    database: Database, name: str
) -> None:
    new, old = _make_twins(database)
    edit = EDITS[name]
    before = [_rows(database, i, versioned=False) for i in new]
    with database.sessions.begin() as session:
        revision = current_revision(session)
        changes = apply_bulk_edit(session, new, edit)
    with database.sessions.begin() as session:
        # Other windows and colleagues notice the edit by the data revision.
        assert current_revision(session) > revision
    after = [_rows(database, i, versioned=False) for i in new]
    # Undo gives back exactly the rows there were; redo the edited ones.
    with database.sessions.begin() as session:
        assert history.undo(session).changes.changed == changes.changed
    assert [_rows(database, i, versioned=False) for i in new] == before
    with database.sessions.begin() as session:
        history.redo(session)
    assert [_rows(database, i, versioned=False) for i in new] == after
    _old_path(database, old, edit)
    assert changes.changed  # the edit did something to compare
    for mine, theirs in zip(new, old, strict=True):
        assert _rows(database, mine, False) == _rows(database, theirs, False), name
        assert _last_change(database, mine) == _last_change(database, theirs), name
    with database.sessions.begin() as session:
        versions = dict(session.execute(select(Agreement.id, Agreement.version)).all())
    # Edited, undone, redone: two versions more than the twin saved once (if it changed).
    moved = [versions[i] - 2 * (i in changes.changed) for i in new]
    assert moved == [versions[i] for i in old]


# ----------------------------------------------------------------- the path as it was


def _edit_one(
    agreement: Agreement, before: AgreementInput, resolved: Any
) -> tuple[AgreementInput, list[str]]:
    """The per-agreement edit as models/bulk_edit.py worked it out before (commit 41c48a3)."""
    edit = resolved.edit
    after = dataclasses.replace(
        before,
        parties=[dataclasses.replace(p) for p in before.parties],
        fields=list(before.fields),
        milestones=list(before.milestones),
    )
    what: list[str] = []
    for name in ("status", "kind", "level"):
        wanted = getattr(edit, name)
        if wanted:
            value = {"status": Status, "kind": Kind, "level": Level}[name].parse(wanted).value
            if getattr(before, name) != value:
                setattr(after, name, value)
                what.append(f"{name}: {getattr(before, name)} → {value}")
    ids = [item.id for item in agreement.fields]
    for field_name, gone in resolved.remove_fields:
        keep = [i for i, field_id in enumerate(ids) if field_id not in gone]
        if len(keep) != len(ids):
            after.fields = [after.fields[i] for i in keep]
            ids = [ids[i] for i in keep]
            what.append(f"field − {field_name}")
    for path, field_id in resolved.add_fields:
        if field_id is None or field_id not in ids:
            after.fields.append(path)
            ids.append(field_id)
            what.append(f"field + {path}")
    party_ids = [p.party_id for p in agreement.participations]
    for party_name, party_id in resolved.remove_parties:
        keep = [i for i, known in enumerate(party_ids) if known != party_id]
        if len(keep) != len(party_ids):
            after.parties = [after.parties[i] for i in keep]
            party_ids = [party_ids[i] for i in keep]
            what.append(f"party − {party_name}")
    for reference, role, party_id in resolved.add_parties:
        if party_id is not None and party_id in party_ids:
            current = after.parties[party_ids.index(party_id)]
            if current.role != role:
                what.append(f"role of {reference}: {current.role} → {role}")
                current.role = role
            continue
        after.parties.append(ParticipationInput(party=reference, role=role))
        party_ids.append(party_id)
        what.append(f"party + {reference} ({role})")
    if edit.add_note.strip():
        note = edit.add_note.strip()
        after.notes = f"{before.notes.strip()}\n\n{note}" if before.notes.strip() else note
        what.append("note added")
    if edit.milestone is not None:
        milestone = MilestoneInput(
            MilestoneKind.parse(edit.milestone.kind).value,
            edit.milestone.on.strip(),
            edit.milestone.description.strip(),
        )
        if milestone not in before.milestones:
            after.milestones.append(milestone)
            what.append(f"milestone + {milestone.kind}")
    return after, what

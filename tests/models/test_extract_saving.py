"""Saving reviewed drafts: one transaction, the usual validation and the duplicate check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import history
from models.database import Database
from models.extract import extract
from models.extract.saving import DuplicateDraftsError, draft_duplicates, save_drafts
from models.query import AgreementFilter, agreement_ids
from models.sample import load_sample
from models.schema import Agreement
from models.service import ValidationError, load_input

SEED = (
    Path(__file__).parent.parent / "extract_articles" / "01-aa-kazakhstan-uzbekistan-alliance.txt"
)


def seed_drafts():  # type: ignore[no-untyped-def]
    return extract(SEED.read_text(encoding="utf-8"), date(2021, 12, 6)).drafts


def count(database: Database) -> int:
    with database.sessions.begin() as session:
        return session.scalar(select(func.count()).select_from(Agreement)) or 0


def test_the_seeds_drafts_are_recorded_at_once_with_a_change_summary(database: Database) -> None:
    with database.sessions.begin() as session:
        saved = save_drafts(session, seed_drafts())
    assert len(saved.ids) == 8
    assert saved.changes.created == frozenset(saved.ids)
    assert saved.changes.parties and saved.changes.fields
    with database.sessions.begin() as session:
        data, _ = load_input(session, saved.ids[3])
        assert agreement_ids(session, AgreementFilter()) != []
    assert data.title == "Cooperation in electricity (Kazakhstan–Uzbekistan)"
    assert (data.signed_on, data.signed_at, data.fields) == (
        "2021-12-06",
        "Nur-Sultan",
        ["Energy > Electricity"],
    )
    assert [p.party for p in data.parties] == ["Kazakhstan", "Uzbekistan"]
    assert {p.role for p in data.parties} == {"original signatory"}
    assert data.notes.startswith("Drafted from an article")
    assert "does not give the official one" in data.notes


def test_one_bad_draft_saves_none_and_every_problem_is_named(database: Database) -> None:
    drafts = seed_drafts()
    drafts[2].signed_on = "2021-13-40"
    drafts[5].title = ""
    with pytest.raises(ValidationError) as raised, database.sessions.begin() as session:
        save_drafts(session, drafts)
    assert any(key.startswith("draft 3 ") and "signed_on" in key for key in raised.value.errors)
    assert any(key.startswith("draft 6 ") and key.endswith("title") for key in raised.value.errors)
    assert count(database) == 0


def test_a_draft_like_a_recorded_agreement_is_refused_unless_kept(database: Database) -> None:
    with database.sessions.begin() as session:
        load_sample(session)
    drafts = seed_drafts()
    with database.sessions.begin() as session:
        found = draft_duplicates(session, drafts)
    # The sample recorded these five under near titles; the declaration, the rail line and
    # the highway it names otherwise.
    assert [bool(d) for d in found] == [False, True, True, True, True, True, False, False]
    assert found[3][0].title == "Cooperation in the field of electricity (Kazakhstan–Uzbekistan)"
    refused = pytest.raises(DuplicateDraftsError, match="draft 4 looks like recorded agreement")
    with refused, database.sessions.begin() as session:
        save_drafts(session, drafts)
    assert count(database) == 8
    with database.sessions.begin() as session:
        save_drafts(session, drafts, keep_duplicates=True)
    assert count(database) == 16


def test_two_drafts_alike_are_refused(database: Database) -> None:
    drafts = seed_drafts()
    drafts[2].title = drafts[1].title
    refused = pytest.raises(DuplicateDraftsError, match="draft 3 repeats draft 2")
    with refused, database.sessions.begin() as session:
        save_drafts(session, drafts)
    assert count(database) == 0


def test_the_drafts_saved_together_are_one_step_to_undo(database: Database) -> None:
    with database.sessions.begin() as session:
        save_drafts(session, seed_drafts())
    with database.sessions.begin() as session:
        step = history.next_undo(session)
        assert step is not None and step.label == "8 drafts from an article"
        history.undo(session)
    assert count(database) == 0

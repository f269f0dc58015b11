"""Structured terms saved, deadlines stored with the agreement, the due filter and its counts."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from models.database import Database
from models.deadline_store import computed, due_items
from models.deadlines import DeadlineKind
from models.exchange import export_file, import_file
from models.facet_index import FacetIndex
from models.query import AgreementFilter, Sort, agreement_ids, count, facet_counts, matching_ids
from models.service import (
    ActionInput,
    ParticipationInput,
    ValidationError,
    create,
    load_input,
    update,
)
from tests.builders import agreement, save, table_counts

AS_OF = date(2026, 12, 1)


def renewing(title: str = "Agreement on transit through Oʻzbekiston", **values: object) -> object:
    """In force from 1 March 2022 for 5 years, renewed for 5 unless notice 6 months before."""
    terms: dict[str, object] = {
        "status": "in force",
        "entry_into_force": "2022-03-01",
        "duration_term": "5 years",
        "renewal_term": "automatically for 5 years",
        "notice_term": "6 months",
    }
    return agreement(title, ("Kazakhstan", "Uzbekistan"), **{**terms, **values})


def due(database: Database, **wanted: object) -> list[int]:
    with database.sessions() as session:
        return agreement_ids(session, AgreementFilter(due_as_of=AS_OF, **wanted))  # type: ignore[arg-type]


def test_terms_are_saved_in_their_canonical_form(database: Database) -> None:
    saved = save(database, renewing())
    with database.sessions() as session:
        data, _ = load_input(session, saved)
        result = computed(session, saved)
    assert (data.duration_term, data.renewal_term, data.notice_term) == (
        "5 years",
        "automatic for 5 years",
        "6 months",
    )
    assert result is not None
    assert [(d.kind, d.on.iso()) for d in result.deadlines[:2]] == [
        (DeadlineKind.NOTICE, "2026-09-01"),
        (DeadlineKind.RENEWAL, "2027-03-01"),
    ]


def test_a_bad_term_is_refused_by_name_and_nothing_is_saved(database: Database) -> None:
    before = table_counts(database)
    with pytest.raises(ValidationError) as refused, database.sessions.begin() as session:
        create(session, renewing(notice_term="six months", entry_into_force_term="soon"))
    assert set(refused.value.errors) == {"notice_term", "entry_into_force_term"}
    assert "'six months' is not a period" in refused.value.errors["notice_term"]
    assert table_counts(database) == before


def test_the_due_filter_finds_deadlines_in_the_window(database: Database) -> None:
    renews = save(database, renewing())
    expires = save(
        database,
        agreement("Memorandum with Türkiye", ("Türkiye",), status="signed", expires_on="2027-01"),
    )
    save(database, agreement("Treaty signed by Тоқаев", ("Kazakhstan",), status="signed"))
    # 1 December 2026: the renewal of 1 March 2027 is within 90 days, January 2027 within 90.
    assert due(database, due_within=30) == []
    assert set(due(database, due_within=90)) == {renews, expires}
    assert due(database, due_within=365) == agreement_ids_by_title(database, 2)
    # From 2 September 2026 the notice day (1 September) has passed, but it is no to-do.
    assert due(database, due_overdue=True) == []
    with database.sessions() as session:
        late = AgreementFilter(due_overdue=True, due_as_of=date(2027, 2, 1))
        assert agreement_ids(session, late) == [expires]  # an expiry passed, still "signed"


def agreement_ids_by_title(database: Database, number: int) -> list[int]:
    with database.sessions() as session:
        return agreement_ids(session, AgreementFilter(), Sort())[:number]


def test_an_ended_agreement_is_never_due(database: Database) -> None:
    saved = save(database, renewing())
    assert due(database, due_within=365) == [saved]
    with database.sessions.begin() as session:
        data, version = load_input(session, saved)
        update(session, saved, dataclasses.replace(data, status="terminated"), version)
    assert due(database, due_within=365) == []


def test_due_counts_go_with_the_other_filters(database: Database) -> None:
    save(database, renewing())
    save(database, agreement("Memorandum with Türkiye", ("Türkiye",), expires_on="2026-12-20"))
    save(database, agreement("Old treaty", ("Türkiye",), status="in force", expires_on="2020"))
    with database.sessions() as session:
        everything = facet_counts(session, AgreementFilter(due_as_of=AS_OF))
        assert everything.due == {"overdue": 1, "30": 1, "90": 2, "365": 2}
        turkish = AgreementFilter(due_as_of=AS_OF, text="Türkiye", due_within=30)
        assert count(session, turkish) == 1
        # The panel's own counts ignore its own choice; the others narrow them (the words
        # find the party's name too: both agreements with Türkiye).
        assert facet_counts(session, turkish).due == {"overdue": 1, "30": 1, "90": 1, "365": 1}
        index = FacetIndex.build(session)
        assert index is not None
        assert index.facets(session, turkish) == facet_counts(session, turkish)


def test_entry_into_force_waits_for_the_last_notification(database: Database) -> None:
    data = agreement(
        "Agreement between Kazakhstan and Uzbekistan",
        ("Kazakhstan", "Uzbekistan"),
        status="signed",
        duration_term="indefinite",
        entry_into_force_term="30 days after last notification",
    )
    saved = save(database, data)
    with database.sessions() as session:
        result = computed(session, saved)
        assert result is not None and result.deadlines == []
        assert "waiting for Kazakhstan, Uzbekistan" in result.notes[0]
    notified = [
        ParticipationInput(name, actions=[ActionInput("ratification", deposited_on=on)])
        for name, on in (("Kazakhstan", "2026-11-10"), ("Uzbekistan", "2026-11-20"))
    ]
    with database.sessions.begin() as session:
        data, version = load_input(session, saved)
        update(session, saved, dataclasses.replace(data, parties=notified), version)
    with database.sessions() as session:
        items = due_items(session, matching_ids(session, AgreementFilter()), AS_OF, 30)
    assert [(item.kind, item.on.iso(), item.title) for item in items] == [
        (DeadlineKind.ENTRY_INTO_FORCE, "2026-12-20", "Agreement between Kazakhstan and Uzbekistan")
    ]
    assert items[0].describe() == "Expected entry into force: 20 December 2026"


def test_terms_go_through_json_and_csv_and_an_old_csv_still_imports(
    database: Database, tmp_path: Path
) -> None:
    save(database, renewing(entry_into_force_term="on signature", signed_on="2022-03-01"))
    for suffix in ("json", "csv"):
        path = tmp_path / f"out.{suffix}"
        with database.sessions() as session:
            export_file(session, path)
        text = path.read_text(encoding="utf-8")
        assert "automatic for 5 years" in text and "on signature" in text
        # Under a new title, or the import would skip it as the agreement already recorded.
        path.write_text(text.replace("Agreement on", f"{suffix} copy of"), encoding="utf-8")
        if suffix == "json":
            record = json.loads(text)[0]
            assert record["notice_term"] == "6 months"
            assert record["duration_term"] == "5 years"
        with database.sessions.begin() as session:
            result = import_file(session, path)
            assert result.added == 1
        with database.sessions() as session:
            last = agreement_ids(session, AgreementFilter(), Sort(descending=True))[0]
            data, _ = load_input(session, last)
        assert (data.renewal_term, data.notice_term, data.entry_into_force_term) == (
            "automatic for 5 years",
            "6 months",
            "on signature",
        )
    old = tmp_path / "old.csv"
    old.write_text(
        "title,kind,status,parties,expires_on\nTreaty with Türkiye,treaty,in force,TUR,2027-01\n",
        encoding="utf-8",
    )
    with database.sessions.begin() as session:
        import_file(session, old)
    with database.sessions() as session:
        assert count(session, AgreementFilter(due_as_of=AS_OF, due_within=90)) == 4


def test_a_bad_term_in_a_csv_is_named_by_line_and_column(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        "title,kind,status,parties,notice_term\nTreaty,treaty,signed,KAZ,soon\n", encoding="utf-8"
    )
    with pytest.raises(Exception) as refused, database.sessions.begin() as session:
        import_file(session, path)
    assert "line 2, notice_term: notice period: 'soon' is not a period" in str(refused.value)

"""Merging two records of one agreement: chosen facts, united lists, relations, history, old id."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.audit import audit_trail
from models.database import Database
from models.detail import load_detail
from models.merge import merge_agreements, merge_plan
from models.query import AgreementFilter, agreement_ids
from models.redirects import find_agreement, resolve_id
from models.schema import Agreement, Relation
from models.service import (
    ActionInput,
    AgreementInput,
    ConflictError,
    MilestoneInput,
    NotFoundError,
    ParticipationInput,
    RelationInput,
    ValidationError,
    delete,
    load_input,
    update,
)
from models.vocab import Kind
from tests.builders import agreement, save


def _pair(database: Database) -> tuple[int, int, int]:
    """Two records of one agreement and a protocol pointing at the second."""
    keep = save(
        database,
        AgreementInput(
            "Agreement on energy cooperation",
            signed_on="2021-12-06",
            summary="",
            fields=["Energy"],
            milestones=[MilestoneInput("review due", "2026", "Five-year review")],
            parties=[
                ParticipationInput(
                    "Kazakhstan",
                    role="original signatory",
                    signatory_name="Қасым-Жомарт Тоқаев",
                    actions=[ActionInput("signature", "2021-12-06")],
                ),
                ParticipationInput("Oʻzbekiston"),
            ],
        ),
    )
    other = save(
        database,
        AgreementInput(
            "Agreement on cooperation in energy",
            signed_on="2021-12-06",
            summary="Тоқаев and Mirziyoyev agree on electricity trade.",
            fields=["Energy", "Trade and investment"],
            milestones=[
                MilestoneInput("review due", "2026", "Five-year review"),
                MilestoneInput("expires", "2031"),
            ],
            relations=[RelationInput("supplements", keep)],
            parties=[
                ParticipationInput(
                    "KAZ",
                    role="party",
                    actions=[
                        ActionInput("signature", "2021-12-06"),
                        ActionInput("ratification", "2022-03-01"),
                    ],
                ),
                ParticipationInput("UZB"),
                ParticipationInput("Türkiye", role="observer"),
            ],
        ),
    )
    protocol = save(
        database,
        agreement(
            "Protocol to the energy agreement",
            relations=[RelationInput("protocol to", other), RelationInput("protocol to", keep)],
        ),
    )
    return keep, other, protocol


def test_a_merge_keeps_the_chosen_facts_and_unites_the_rest(database: Database) -> None:
    keep, other, protocol = _pair(database)
    with database.sessions.begin() as session:
        plan = merge_plan(session, keep, other)
        rows = {row.name: row for row in plan.rows}
        assert rows["summary"].default == "other"  # the kept side has none
        assert rows["title"].default == "other"  # both set: the newer one
        choices = {row.name: row.default for row in plan.rows} | {"title": "keep"}
        result = merge_agreements(session, keep, other, choices, versions=plan.versions)
    assert result.kept_id == keep and "summary" in result.changed
    with database.sessions.begin() as session:
        merged, _ = load_input(session, keep)
        detail = load_detail(session, keep)
        assert session.get(Agreement, other) is None
    assert merged.title == "Agreement on energy cooperation"
    assert merged.alternative_titles == ["Agreement on cooperation in energy"]
    assert merged.summary.startswith("Тоқаев")
    assert sorted(merged.fields) == ["Energy", "Trade and investment"]
    assert [(m.kind, m.on) for m in merged.milestones] == [
        ("review due", "2026"),
        ("expires", "2031"),
    ]
    kazakhstan, uzbekistan, turkiye = merged.parties
    assert (kazakhstan.role, kazakhstan.signatory_name) == (
        "original signatory",
        "Қасым-Жомарт Тоқаев",
    )
    assert [a.type for a in kazakhstan.actions] == ["signature", "ratification"]
    assert uzbekistan.party == "Uzbekistan" and turkiye.role == "observer"
    # The other's relation to the kept one would point at itself: gone; the protocol's two
    # links are one now.
    assert merged.relations == []
    assert [(r.type.value, r.other_id, r.outgoing) for r in detail.relations] == [
        ("protocol to", protocol, False)
    ]


def test_the_old_id_answers_with_the_kept_agreement(database: Database) -> None:
    keep, other, _ = _pair(database)
    with database.sessions.begin() as session:
        merge_agreements(session, keep, other, {})
    with database.sessions.begin() as session:
        assert resolve_id(session, other) == (keep, f"agreement {other} was merged into {keep}")
        assert resolve_id(session, keep) == (keep, None)
        detail = load_detail(session, other)
        assert detail.id == keep
        assert detail.notice == f"agreement {other} was merged into {keep}"
    # A later merge of the kept one moves the old id along: one step, always to a living id.
    third = save(database, agreement("Energy cooperation agreement"))
    with database.sessions.begin() as session:
        merge_agreements(session, third, keep, {})
    with database.sessions.begin() as session:
        assert resolve_id(session, other)[0] == third
        assert load_detail(session, other).id == third


def test_finding_an_old_id_gives_the_living_agreement_or_says_why_not(
    database: Database,
) -> None:
    keep, other, protocol = _pair(database)
    with database.sessions.begin() as session:
        merge_agreements(session, keep, other, {})
        delete(session, [protocol], user="alice")
    with database.sessions.begin() as session:
        assert find_agreement(session, other) == (keep, f"agreement {other} was merged into {keep}")
        assert find_agreement(session, keep) == (keep, None)
        # list --id: only those ids, filtered and sorted as any listing.
        assert agreement_ids(session, AgreementFilter(), within=[keep, 424242]) == [keep]
        conventions = AgreementFilter(kinds=(Kind.CONVENTION,))
        assert agreement_ids(session, conventions, within=[keep]) == []
        with pytest.raises(NotFoundError, match=f"agreement {protocol} was deleted by alice"):
            find_agreement(session, protocol)
        with pytest.raises(NotFoundError, match="agreement 424242 does not exist"):
            find_agreement(session, 424242)


def test_both_histories_stay_readable_under_the_kept_id(database: Database) -> None:
    keep, other, _ = _pair(database)
    with database.sessions.begin() as session:
        data, version = load_input(session, other)
        data.status = "ratified"
        update(session, other, data, version, user="bob")
    with database.sessions.begin() as session:
        merge_agreements(session, keep, other, {"status": "other"}, user="alice")
    with database.sessions.begin() as session:
        trail = audit_trail(session, keep)
    newest = trail[0]
    assert (newest.agreement_id, newest.changed_by, newest.action) == (keep, "alice", "update")
    assert newest.changes["merged_from"] == [None, other]
    assert newest.changes["status"] == ["signed", "ratified"]
    assert [(entry.agreement_id, entry.action) for entry in trail[1:]] == [
        (other, "update"),
        (other, "create"),
        (keep, "create"),
    ]


def test_a_merge_over_a_newer_save_is_refused_and_changes_nothing(database: Database) -> None:
    keep, other, protocol = _pair(database)
    with database.sessions.begin() as session:
        plan = merge_plan(session, keep, other)
    with database.sessions.begin() as session:
        data, version = load_input(session, other)
        data.notes = "Changed meanwhile"
        update(session, other, data, version, user="bob")
    with (
        pytest.raises(ConflictError, match=f"agreement {other} was changed by bob"),
        database.sessions.begin() as session,
    ):
        merge_agreements(session, keep, other, {}, versions=plan.versions)
    with database.sessions.begin() as session:
        assert session.get(Agreement, other) is not None
        assert resolve_id(session, other) == (other, None)
        targets = session.scalars(
            select(Relation.other_id).where(Relation.agreement_id == protocol)
        ).all()
        assert sorted(targets) == sorted([keep, other])


def test_choices_that_do_not_go_together_are_refused(database: Database) -> None:
    keep = save(database, agreement("Rail protocol", signed_on="2021", entry_into_force="2022"))
    other = save(database, agreement("Rail protocol", signed_on="2023"))
    with (
        pytest.raises(ValidationError, match="entry into force"),
        database.sessions.begin() as session,
    ):
        merge_agreements(session, keep, other, {"signed_on": "other"})
    with pytest.raises(ValidationError, match="into itself"), database.sessions.begin() as session:
        merge_agreements(session, keep, keep, {})
    with database.sessions.begin() as session:
        assert session.get(Agreement, other) is not None

"""Details loaded a batch at a time; implied signatures, counts and one line per event."""

from __future__ import annotations

import dataclasses
from datetime import date

from models import service
from models.database import Database
from models.dates import PartialDate
from models.detail import AgreementDetail, load_detail, load_details
from models.query import AgreementFilter, agreement_ids
from models.sample import load_sample
from models.service import (
    ActionInput,
    AgreementInput,
    MilestoneInput,
    ParticipationInput,
    RelationInput,
)
from models.vocab import ActionType, PartyStatus


def test_batches_give_the_same_details_as_one_at_a_time(database: Database) -> None:
    with database.sessions.begin() as session:
        load_sample(session)
        ids = agreement_ids(session, AgreementFilter())
        ids.append(
            service.create(
                session,
                AgreementInput(
                    title="Protocol to the declaration",
                    parties=[ParticipationInput("Kazakhstan"), ParticipationInput("Uzbekistan")],
                    relations=[RelationInput("protocol to", ids[0])],
                ),
            ).id
        )
    with database.sessions.begin() as session:
        single = [load_detail(session, agreement_id) for agreement_id in ids]
        batched = list(load_details(session, [*ids, 9999], batch=3))
    # The history comes with one agreement's details (the pane), not in batches (reports).
    assert batched == [*(dataclasses.replace(detail, history=()) for detail in single), None]
    assert [entry.action for entry in single[-1].history] == ["create"]
    assert single[-1].history[0].changed_by == single[-1].created_by == "tester"
    assert single[0].relations[0].outgoing is False  # the declaration knows its protocol
    assert single[-1].relations[0].other_id == ids[0]
    assert [detail.id for detail in single] == ids


# ----------------------------------------------------------------- implied signatures

SIGNER = "original signatory"


def party(name: str, role: str = SIGNER, *acts: tuple[str, str]) -> ParticipationInput:
    return ParticipationInput(name, role=role, actions=[ActionInput(t, on) for t, on in acts])


def recorded(database: Database, *inputs: AgreementInput) -> list[AgreementDetail]:
    """Save *inputs*, then read their details, as the pane and the reports do."""
    with database.sessions.begin() as session:
        ids = [service.create(session, data).id for data in inputs]
    with database.sessions.begin() as session:
        return [load_detail(session, agreement_id, today=TODAY) for agreement_id in ids]


TODAY = date(2026, 1, 1)
BILATERAL = AgreementInput(
    title="Cooperation in the field of electricity (Қазақстан–Oʻzbekiston)",
    signed_on="2021-12-06",
    signed_at="Nur-Sultan",
    parties=[party("Kazakhstan"), party("Uzbekistan")],
    milestones=[MilestoneInput("signed", "2021-12-06", "in the presence of the heads of state")],
)
MULTILATERAL = AgreementInput(
    title="Convention on transit (Türkiye and others)",
    signed_on="2001-05-02",
    signed_at="İstanbul",
    entry_into_force="2003",
    parties=[
        party("Türkiye", SIGNER, ("ratification", "2002-03-01")),
        party("Kazakhstan", SIGNER, ("signature", "2001-06-15")),
        party("Uzbekistan", SIGNER, ("ratification", "2002"), ("withdrawal", "2010-01-05")),
        party(
            "Azerbaijan",
            SIGNER,
            ("ratification", "2002"),
            ("withdrawal", "2010"),
            ("accession", "2015-07"),
        ),
        party("Georgia", "party", ("accession", "2004")),
        party("Mongolia", "observer"),
    ],
)


def test_original_signatories_of_a_dated_agreement_are_signatories(database: Database) -> None:
    (detail,) = recorded(database, BILATERAL)
    assert detail.counts.sentence() == "Signatories: 2. Parties: 0."
    assert [p.status for p in detail.parties] == [PartyStatus.SIGNATORY] * 2
    for view in detail.parties:
        (action,) = view.actions
        assert (action.type, action.deposited_on, action.implied) == (
            ActionType.SIGNATURE,
            PartialDate(2021, 12, 6),
            True,
        )
        assert action.dates_text() == "signed 6 December 2021 (the agreement's signing date)"


def test_a_multilateral_agreement_counts_each_signature_once(database: Database) -> None:
    (detail,) = recorded(database, MULTILATERAL)
    statuses = {p.name: p.status for p in detail.parties}
    assert statuses == {
        "Türkiye": PartyStatus.PARTY,
        "Kazakhstan": PartyStatus.SIGNATORY,  # signed later, by hand: that act wins
        "Uzbekistan": PartyStatus.WITHDRAWN,
        "Azerbaijan": PartyStatus.PARTY,  # left and came back by accession
        "Georgia": PartyStatus.PARTY,  # acceded: a party, never a signatory
        "Mongolia": None,
    }
    assert detail.counts.sentence() == (
        "Signatories: 4. Parties: 3. Withdrawn: 1. No action recorded: 1."
    )
    kazakhstan = next(p for p in detail.parties if p.name == "Kazakhstan")
    assert [(a.deposited_on, a.implied) for a in kazakhstan.actions] == [
        (PartialDate(2001, 6, 15), False)
    ]


def test_no_signature_is_implied_without_a_signing_date(database: Database) -> None:
    undated = dataclasses.replace(BILATERAL, title="Undated", signed_on="", milestones=[])
    (detail,) = recorded(database, undated)
    assert detail.counts.sentence() == "Signatories: 0. Parties: 0. No action recorded: 2."
    assert all(not p.actions for p in detail.parties)


def test_one_signing_is_one_line_of_the_timeline(database: Database) -> None:
    typed = dataclasses.replace(
        BILATERAL,
        title="Declaration on Allied Relations",
        parties=[
            party("Kazakhstan", SIGNER, ("signature", "2021-12-06")),
            party("Uzbekistan", SIGNER, ("signature", "2021-12-06")),
        ],
    )
    for detail in recorded(database, BILATERAL, typed):
        assert [(e.on, e.what) for e in detail.timeline()] == [
            (
                PartialDate(2021, 12, 6),
                "Signed at Nur-Sultan by Kazakhstan and Uzbekistan; "
                "in the presence of the heads of state",
            )
        ]


def test_acts_of_other_days_keep_their_own_lines(database: Database) -> None:
    (detail,) = recorded(database, MULTILATERAL)
    lines = [(e.on.iso() if e.on else None, e.what) for e in detail.timeline()]
    assert lines[:3] == [
        ("2001-05-02", "Signed at İstanbul by Türkiye, Uzbekistan and Azerbaijan"),
        ("2001-06-15", "Kazakhstan: signature"),
        ("2002", "Uzbekistan: ratification"),
    ]
    assert ("2010-01-05", "Uzbekistan: withdrawal") in lines
    assert sum(1 for _on, what in lines if what.startswith("Signed")) == 1


def test_a_milestone_of_entry_into_force_merges_with_the_date(database: Database) -> None:
    data = dataclasses.replace(
        MULTILATERAL,
        title="Convention with milestones",
        milestones=[
            MilestoneInput("entered into force", "2003", "30 days after the second ratification"),
            MilestoneInput("review due", "2003", "First review"),
        ],
    )
    (detail,) = recorded(database, data)
    in_2003 = [e.what for e in detail.timeline() if e.on == PartialDate(2003)]
    assert in_2003 == [
        "Entered into force; 30 days after the second ratification",
        "Review due: First review",
    ]

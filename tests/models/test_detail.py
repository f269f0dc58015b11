"""Details loaded a batch at a time; implied signatures, counts and one line per event."""

from __future__ import annotations

import dataclasses
from datetime import date

from models import detail as detail_module
from models import service
from models.database import Database
from models.dates import PartialDate
from models.detail import AgreementDetail, load_detail, load_details
from models.fields import field_paths
from models.query import AgreementFilter, agreement_ids
from models.sample import load_sample
from models.schema import Agreement
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


FULL = AgreementInput(
    title="Соглашение о сотрудничестве (Қазақстан, Oʻzbekiston, Türkiye)",
    kind="treaty",
    level="intergovernmental",
    status="in force",
    binding=True,
    short_title="Тоқаев–Mirziyoyev agreement",
    alternative_titles=["Қазақстан Республикасы мен Өзбекстан Республикасы арасындағы келісім"],
    signed_on="2021-12-06",
    signed_at="Нұр-Сұлтан",
    entry_into_force="2022-03",
    entry_into_force_rule="30 days after the last notification",
    expires_on="2032",
    duration="ten years",
    renewal="automatically for five years",
    duration_term="10 years",
    notice_term="6 months",
    entry_into_force_term="30 days after last notification",
    depositary="Oʻzbekiston Respublikasi Tashqi ishlar vazirligi",
    languages=["kk", "uz", "tr"],
    un_registration="I-57001",
    summary="Тараптар электр энергетикасы саласында ынтымақтасады.\n\nİkinci paragraf.",
    notes="Oʻzbekiston tomonidan ratifikatsiya qilingan.",
    source_citation="Resmî Gazete, 2022, sayı 31.",
    source_url="https://treaties.example.org/kz-uz",
    parties=[
        ParticipationInput(
            "Kazakhstan",
            role="original signatory",
            signatory_name="Тоқаев Қасым-Жомарт",
            signatory_title="Президент",
            actions=[ActionInput("ratification", "2022-01-10", "2022-02", "Заң № 95-VII")],
        ),
        ParticipationInput(
            "Oʻzbekiston Temir Yoʻllari",
            role="party",
            actions=[
                ActionInput("accession", "2022-02-01"),
                ActionInput("reservation", "2022-02-01", text="Article 4 shall not apply"),
            ],
        ),
        ParticipationInput("Türkiye", role="observer", actions=[ActionInput("withdrawal", "2024")]),
    ],
    fields=["Energy > Electricity", "Transport > Rail"],
    milestones=[
        MilestoneInput("signed", "2021-12-06", "İstanbul görüşmeleri"),
        MilestoneInput("review due", "2027", "Бірінші шолу"),
    ],
)


def orm_details(database: Database, ids: list[int], today: date) -> list[AgreementDetail | None]:
    """The details as the ORM loader made them: an Agreement object each, its parties,
    acts, fields, milestones and relations read through its relationships."""
    with database.sessions.begin() as session:
        paths = field_paths(session)
        found = [session.get(Agreement, agreement_id) for agreement_id in ids]
        return [
            None
            if agreement is None
            else detail_module._detail(  # the builder both loaders share
                agreement,
                paths,
                detail_module._incoming(session, [agreement.id])[agreement.id],
                today,
            )
            for agreement in found
        ]


def test_the_core_loader_gives_the_same_details_as_the_orm(database: Database) -> None:
    """Every attribute, in every script and order, as reading the ORM objects gave it."""
    with database.sessions.begin() as session:
        load_sample(session)
        full = service.create(session, FULL).id
        protocol = service.create(
            session,
            AgreementInput(
                title="Protocol to the Соглашение (Türkiye joins)",
                status="terminated",
                terminated_on="2025-05",
                termination_grounds="superseded by the İstanbul protocol",
                parties=[ParticipationInput("Türkiye"), ParticipationInput("Kazakhstan")],
                relations=[RelationInput("protocol to", full), RelationInput("amends", full)],
            ),
        ).id
        service.create(
            session,
            AgreementInput(
                title="Oʻzbekiston: a bare record", parties=[ParticipationInput("Uzbekistan")]
            ),
        )
        ids = agreement_ids(session, AgreementFilter())
    assert {full, protocol} <= set(ids)
    wanted = [*ids, 9999]
    with database.sessions.begin() as session:
        core = list(load_details(session, wanted, batch=4, today=TODAY))
    assert core == orm_details(database, wanted, TODAY)
    loaded = {detail.id: detail for detail in core if detail}
    assert [p.signatory_name for p in loaded[full].parties][:1] == ["Тоқаев Қасым-Жомарт"]
    assert [r.other_id for r in loaded[full].relations] == [protocol, protocol]
    assert [a.text for a in loaded[full].parties[1].actions] == [None, "Article 4 shall not apply"]
    assert loaded[full].terms and loaded[full].deadlines  # the structured terms came along


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

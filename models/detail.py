"""Agreements with everything about them, as plain data for the detail pane and reports.

load_details() reads a batch of agreements with a fixed number of queries (seven per
batch, not per agreement: a report of a thousand agreements needs that), through Core
selects rather than ORM objects (a third of the time), keeping one batch alive at a time.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import BindParameter, Select, bindparam, select
from sqlalchemy.orm import Session

from models.audit import AuditRecord, audit_trail
from models.dates import PartialDate
from models.deadline_store import ENDED, source_of
from models.deadlines import Deadline, compute, is_overdue
from models.fields import field_paths
from models.redirects import resolve_id
from models.schema import (
    Action,
    Agreement,
    Milestone,
    Participation,
    Party,
    Relation,
    agreement_fields,
)
from models.service import NotFoundError
from models.status import (
    ParticipationCounts,
    agreement_in_force,
    count_participation,
    date_word,
    implied_status,
    implies_signature,
    in_order,
    party_status,
)
from models.terms import term_words
from models.vocab import (
    CONSENT_ACTIONS,
    SIGNATURE_ACTIONS,
    ActionType,
    Kind,
    Level,
    MilestoneKind,
    PartyKind,
    PartyStatus,
    RelationType,
    Role,
    Status,
)


@dataclass(frozen=True)
class ActionView:
    type: ActionType
    deposited_on: PartialDate | None
    effective_on: PartialDate | None
    text: str | None
    implied: bool = False  # not recorded: an original signatory's signature on the signing date

    def dates_text(self, day: Callable[[PartialDate], str] = PartialDate.display) -> str:
        """'deposited 3 March 2022, effective 2 April 2022'; a signature is signed, not
        deposited, and one implied by the agreement's signing date says so. *day* writes
        each date (a report passes its locale's)."""
        dates = []
        if self.deposited_on:
            dates.append(f"{date_word(self.type)} {day(self.deposited_on)}")
        if self.effective_on:
            dates.append(f"effective {day(self.effective_on)}")
        text = ", ".join(dates) if dates else "date not recorded"
        return f"{text} (the agreement's signing date)" if self.implied else text


@dataclass(frozen=True)
class PartyView:
    party_id: int
    name: str
    kind: PartyKind
    iso3: str | None
    role: Role
    signatory_name: str | None
    signatory_title: str | None
    actions: tuple[ActionView, ...]
    status: PartyStatus | None

    def signature(self) -> ActionView | None:
        """The party's signature (simple or definitive), if one is recorded or implied."""
        return next((a for a in self.actions if a.type in SIGNATURE_ACTIONS), None)

    def consent(self) -> ActionView | None:
        """How the party consented to be bound (ratification, accession …), besides a
        definitive signature, which is its signature too."""
        return next(
            (
                a
                for a in self.actions
                if a.type in CONSENT_ACTIONS and a.type is not ActionType.DEFINITIVE_SIGNATURE
            ),
            None,
        )

    def in_force(self) -> ActionView | None:
        """The agreement's entry into force for this party, if recorded."""
        return next((a for a in self.actions if a.type is ActionType.ENTRY_INTO_FORCE), None)

    def other_actions(self) -> tuple[ActionView, ...]:
        """Every act not in the signed / consent / in force columns (reservations,
        provisional application, withdrawal …, and any second act of the same kind)."""
        shown = {id(a) for a in (self.signature(), self.consent(), self.in_force()) if a}
        return tuple(a for a in self.actions if id(a) not in shown)


@dataclass(frozen=True)
class MilestoneView:
    kind: MilestoneKind
    on: PartialDate | None
    description: str


@dataclass(frozen=True)
class RelationView:
    """'This agreement <type> <other>' when outgoing, '<other> <type> this one' otherwise."""

    type: RelationType
    other_id: int
    other_title: str
    outgoing: bool


@dataclass(frozen=True)
class TimelineEvent:
    on: PartialDate | None
    what: str


@dataclass(frozen=True)
class AgreementDetail:
    id: int
    title: str
    short_title: str | None
    alternative_titles: tuple[str, ...]
    kind: Kind
    binding: bool | None
    level: Level
    status: Status
    implied_status: Status | None
    signed_on: PartialDate | None
    signed_at: str | None
    entry_into_force: PartialDate | None
    entry_into_force_rule: str | None
    expires_on: PartialDate | None
    duration: str | None
    renewal: str | None
    terminated_on: PartialDate | None
    termination_grounds: str | None
    depositary: str | None
    languages: tuple[str, ...]
    un_registration: str | None
    summary: str
    notes: str
    source_citation: str | None
    source_url: str | None
    parties: tuple[PartyView, ...]
    fields: tuple[str, ...]
    milestones: tuple[MilestoneView, ...]
    relations: tuple[RelationView, ...]
    counts: ParticipationCounts
    created_at: datetime
    updated_at: datetime
    version: int
    created_by: str = ""
    updated_by: str = ""
    history: tuple[AuditRecord, ...] = ()  # newest first; filled by load_detail only
    # 'agreement 12 was merged into 7' when load_detail was asked for a merged id.
    notice: str = ""
    # Structured terms as (label, text); deadlines from today on (and overdue ones), each
    # with how it was computed; why a date could not be computed, or disagrees.
    terms: tuple[tuple[str, str], ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    deadline_notes: tuple[str, ...] = ()

    @property
    def lateral(self) -> str:
        """Bilateral or multilateral, as follows from the parties."""
        number = len(self.parties)
        return "bilateral" if number == 2 else "multilateral" if number > 2 else "unilateral"

    @property
    def status_disagrees(self) -> bool:
        return self.implied_status is not None and self.implied_status != self.status

    def timeline(self, words: TimelineWords | None = None) -> list[TimelineEvent]:
        """Every dated event once, oldest first; undated milestones last.

        One event is one line: the signing date, the signatures made on it (implied or
        recorded with that date) and a 'signed' milestone of that date are one line, as
        are the entry into force or expiry and a milestone of the same kind and date.
        *words* name the events (English unless the window gives its own language's).
        """
        words = words or TimelineWords()
        events: list[TimelineEvent] = []
        own: dict[tuple[MilestoneKind, PartialDate], int] = {}  # event -> its line

        def add(on: PartialDate, what: str, kind: MilestoneKind | None = None) -> None:
            if kind is not None:
                own[(kind, on)] = len(events)
            events.append(TimelineEvent(on, what))

        if self.signed_on:
            add(self.signed_on, self._signing_text(words), MilestoneKind.SIGNED)
        if self.entry_into_force:
            add(self.entry_into_force, words.entered_into_force(), MilestoneKind.ENTERED_INTO_FORCE)
        for party in self.parties:
            for action in party.actions:
                on = action.effective_on or action.deposited_on
                if on and not self._signed_at_signing(action):
                    add(on, words.act(party.name, action.type))
        if self.expires_on:
            add(self.expires_on, words.expires(), MilestoneKind.EXPIRES)
        if self.terminated_on:
            add(self.terminated_on, words.terminated())
        undated: list[TimelineEvent] = []
        for milestone in self.milestones:
            line = own.get((milestone.kind, milestone.on)) if milestone.on else None
            if line is None:
                text = words.milestone(milestone.kind)
                if milestone.description:
                    text += f": {milestone.description}"
                event = TimelineEvent(milestone.on, text)
                (events if milestone.on else undated).append(event)
            elif milestone.description and milestone.description not in events[line].what:
                merged = f"{events[line].what}; {milestone.description}"
                events[line] = TimelineEvent(events[line].on, merged)
        dated = sorted(dict.fromkeys(events), key=lambda e: e.on.iso())  # type: ignore[union-attr]  # all dated here
        return dated + list(dict.fromkeys(undated))

    def _signed_at_signing(self, action: ActionView) -> bool:
        """A signature made on the agreement's signing date: part of that one event."""
        if action.type not in SIGNATURE_ACTIONS:
            return False
        return action.implied or (action.effective_on or action.deposited_on) == self.signed_on

    def _signing_text(self, words: TimelineWords) -> str:
        """'Signed at Nur-Sultan by Kazakhstan and Uzbekistan'; who signed that day, if known."""
        signers = [
            party.name
            for party in self.parties
            if any(self._signed_at_signing(action) for action in party.actions)
        ]
        return words.signed(self.signed_at, signers)


SIGNERS_NAMED = 6  # more names than this make a timeline line a paragraph: they are counted


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


class TimelineWords:
    """The words of the timeline's lines, in English: the reports' own. The window passes a
    subclass that says them in its language (models stay free of Qt and of catalogs)."""

    def signed(self, place: str | None, signers: list[str]) -> str:
        """'Signed at Nur-Sultan by Kazakhstan and Uzbekistan', 'Signed by 12 signatories'."""
        text = f"Signed at {place}" if place else "Signed"
        if len(signers) > SIGNERS_NAMED:
            return f"{text} by {len(signers)} signatories"
        if signers:
            return f"{text} by {join_names(signers)}"
        return text

    def entered_into_force(self) -> str:
        return "Entered into force"

    def expires(self) -> str:
        return "Expires"

    def terminated(self) -> str:
        return "Terminated"

    def act(self, party: str, action: ActionType) -> str:
        """'Kazakhstan: ratification'."""
        return f"{party}: {action.value}"

    def milestone(self, kind: MilestoneKind) -> str:
        return kind.label


def load_detail(session: Session, agreement_id: int, today: date | None = None) -> AgreementDetail:
    """One agreement's details; NotFoundError if it does not exist.

    The id of an agreement merged into another gives the kept one, with a notice saying so.
    """
    agreement_id, notice = resolve_id(session, agreement_id)
    detail = next(load_details(session, [agreement_id], today=today))
    if detail is None:
        raise NotFoundError(agreement_id)
    history = tuple(audit_trail(session, agreement_id))
    return dataclasses.replace(detail, history=history, notice=notice or "")


BATCH = 50


def load_details(
    session: Session, ids: Sequence[int], *, batch: int = BATCH, today: date | None = None
) -> Iterator[AgreementDetail | None]:
    """The details of *ids* in the order given; None for an id that no longer exists."""
    paths = field_paths(session)
    for start in range(0, len(ids), batch):
        chunk = list(ids[start : start + batch])
        found = _records(session, chunk)
        incoming = _incoming(session, chunk)
        for agreement_id in chunk:
            record = found.get(agreement_id)
            yield (
                None
                if record is None
                else _detail(record, paths, incoming[agreement_id], today or date.today())
            )


def _records(session: Session, ids: list[int]) -> dict[int, SimpleNamespace]:
    """A batch of agreements with their parties, acts, fields, milestones and relations,
    read with one Core select per table: the attributes _detail reads from an ORM
    Agreement, at a fraction of the cost of building ORM objects (a report reads 1,000)."""
    connection, found = session.connection(), _selects()
    wanted = {"ids": ids}
    agreements = {
        row.id: SimpleNamespace(
            **row._mapping, participations=[], fields=[], milestones=[], relations=[]
        )
        for row in connection.execute(found.agreements, wanted)
    }
    if not agreements:
        return agreements
    participations: dict[int, SimpleNamespace] = {}
    for row in connection.execute(found.participations, wanted):
        participation = SimpleNamespace(
            role=row.role,
            signatory_name=row.signatory_name,
            signatory_title=row.signatory_title,
            party=SimpleNamespace(id=row.party_id, name=row.name, kind=row.kind, iso3=row.iso3),
            actions=[],
        )
        participations[row.id] = participation
        agreements[row.agreement_id].participations.append(participation)
    for row in connection.execute(found.actions, wanted):
        participations[row.participation_id].actions.append(row)
    for agreement_id, field_id in connection.execute(found.fields, wanted):
        agreements[agreement_id].fields.append(SimpleNamespace(id=field_id))
    for row in connection.execute(found.milestones, wanted):
        agreements[row.agreement_id].milestones.append(row)
    for row in connection.execute(found.relations, wanted):
        relation = SimpleNamespace(
            type=row.type, other_id=row.other_id, other=SimpleNamespace(title=row.title)
        )
        agreements[row.agreement_id].relations.append(relation)
    return agreements


@dataclass(frozen=True)
class _Selects:
    """_records' statements, each with the batch's ids as one expanding parameter."""

    agreements: Select[Any]
    participations: Select[Any]
    actions: Select[Any]
    fields: Select[Any]
    milestones: Select[Any]
    relations: Select[Any]


@cache
def _selects() -> _Selects:
    """Built once: composing six selects per batch cost more than running them."""
    ids: BindParameter[list[int]] = bindparam("ids", expanding=True)
    agreement, party, action = Agreement.__table__, Party.__table__, Action.__table__
    participation, milestone = Participation.__table__.c, Milestone.__table__.c
    relation, other = Relation.__table__.c, Agreement.__table__.alias("other")
    return _Selects(
        agreements=select(agreement).where(agreement.c.id.in_(ids)),
        participations=select(
            participation.id,
            participation.agreement_id,
            participation.role,
            participation.signatory_name,
            participation.signatory_title,
            party.c.id.label("party_id"),
            party.c.name,
            party.c.kind,
            party.c.iso3,
        )
        .join(party, party.c.id == participation.party_id)
        .where(participation.agreement_id.in_(ids))
        .order_by(participation.agreement_id, participation.position, participation.id),
        actions=select(
            action.c.participation_id,
            action.c.type,
            action.c.deposited_on,
            action.c.effective_on,
            action.c.text,
        )
        .join(Participation.__table__, participation.id == action.c.participation_id)
        .where(participation.agreement_id.in_(ids))
        .order_by(action.c.participation_id, action.c.position, action.c.id),
        fields=select(agreement_fields.c.agreement_id, agreement_fields.c.field_id).where(
            agreement_fields.c.agreement_id.in_(ids)
        ),
        milestones=select(
            milestone.agreement_id, milestone.kind, milestone.on, milestone.description
        )
        .where(milestone.agreement_id.in_(ids))
        .order_by(milestone.agreement_id, milestone.position, milestone.id),
        relations=select(relation.agreement_id, relation.type, relation.other_id, other.c.title)
        .join(other, other.c.id == relation.other_id)
        .where(relation.agreement_id.in_(ids))
        .order_by(relation.id),
    )


def _incoming(session: Session, ids: list[int]) -> dict[int, list[tuple[RelationType, int, str]]]:
    """Relations pointing at each agreement: (type, other id, other title)."""
    found: dict[int, list[tuple[RelationType, int, str]]] = defaultdict(list)
    rows = session.execute(
        select(Relation.other_id, Relation.type, Agreement.id, Agreement.title)
        .join(Agreement, Agreement.id == Relation.agreement_id)
        .where(Relation.other_id.in_(ids))
        .order_by(Relation.id)  # as entered, like the outgoing ones, however many are asked
    )
    for target, kind, other, title in rows:
        found[target].append((kind, other, title))
    return found


def _detail(
    agreement: Any,
    paths: dict[int, str],
    incoming: list[tuple[RelationType, int, str]],
    today: date,
) -> AgreementDetail:
    """One agreement's details, from an ORM Agreement or the same attributes as _records
    reads them."""
    in_force = agreement_in_force(agreement.status, agreement.entry_into_force, today)
    parties = tuple(_party_view(p, in_force, agreement.signed_on) for p in agreement.participations)
    statuses = [p.status for p in parties]
    computed = compute(source_of(agreement))
    return AgreementDetail(
        id=agreement.id,
        title=agreement.title,
        short_title=agreement.short_title,
        alternative_titles=tuple(agreement.alternative_titles or ()),
        kind=agreement.kind,
        binding=agreement.binding,
        level=agreement.level,
        status=agreement.status,
        implied_status=implied_status(
            signed_on=agreement.signed_on,
            entry_into_force=agreement.entry_into_force,
            expires_on=agreement.expires_on,
            terminated_on=agreement.terminated_on,
            party_statuses=statuses,
            today=today,
        ),
        signed_on=agreement.signed_on,
        signed_at=agreement.signed_at,
        entry_into_force=agreement.entry_into_force,
        entry_into_force_rule=agreement.entry_into_force_rule,
        expires_on=agreement.expires_on,
        duration=agreement.duration,
        renewal=agreement.renewal,
        terminated_on=agreement.terminated_on,
        termination_grounds=agreement.termination_grounds,
        depositary=agreement.depositary,
        languages=tuple(agreement.languages or ()),
        un_registration=agreement.un_registration,
        summary=agreement.summary,
        notes=agreement.notes,
        source_citation=agreement.source_citation,
        source_url=agreement.source_url,
        parties=parties,
        fields=tuple(sorted(paths[f.id] for f in agreement.fields)),
        milestones=tuple(MilestoneView(m.kind, m.on, m.description) for m in agreement.milestones),
        relations=tuple(
            [RelationView(r.type, r.other_id, r.other.title, True) for r in agreement.relations]
            + [RelationView(kind, other, title, False) for kind, other, title in incoming]
        ),
        counts=count_participation([[a.type for a in p.actions] for p in parties], statuses),
        created_at=agreement.created_at,
        updated_at=agreement.updated_at,
        created_by=agreement.created_by or "",
        updated_by=agreement.updated_by or "",
        version=agreement.version,
        terms=tuple(
            (label, term_words(name, value))
            for label, name, value in (
                ("Duration", "duration_term", agreement.duration_term),
                ("Renewal", "renewal_term", agreement.renewal_term),
                ("Notice period", "notice_term", agreement.notice_term),
                ("Entry into force", "entry_into_force_term", agreement.entry_into_force_term),
            )
            if value
        ),
        deadlines=_coming(computed.deadlines, agreement.status, today),
        deadline_notes=tuple(computed.notes),
    )


# Deadlines the detail pane lists: enough to see the next cycle of a renewing agreement.
COMING = 4


def _coming(deadlines: list[Deadline], status: Status, today: date) -> tuple[Deadline, ...]:
    """Overdue deadlines, then the next few from *today* on (none for an ended agreement)."""
    if status in ENDED:
        return ()
    late = [d for d in deadlines if is_overdue(d.kind, d.last_day, today)]
    ahead = [d for d in deadlines if d.last_day >= today]
    return tuple(late + ahead[:COMING])


def _party_view(participation: Any, in_force: bool, signed_on: PartialDate | None) -> PartyView:
    """The party with its acts; an original signatory's implied signature comes first."""
    actions = tuple(
        ActionView(a.type, a.deposited_on, a.effective_on, a.text) for a in participation.actions
    )
    if implies_signature(participation.role, signed_on, (a.type for a in actions)):
        implied = ActionView(ActionType.SIGNATURE, signed_on, None, None, implied=True)
        actions = (implied, *actions)
    return PartyView(
        party_id=participation.party.id,
        name=participation.party.name,
        kind=participation.party.kind,
        iso3=participation.party.iso3,
        role=participation.role,
        signatory_name=participation.signatory_name,
        signatory_title=participation.signatory_title,
        actions=actions,
        status=party_status(
            (a.type for a in in_order(actions, lambda a: a.effective_on or a.deposited_on)),
            in_force,
        ),
    )

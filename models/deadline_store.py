"""Deadlines in the database: rewritten with each agreement, read by the due filter and lists.

`agreement_deadlines` holds what models.deadlines computes, so that "due within 30 days"
and its counts are one indexed SQL condition, like every other filter. Every write that
changes an agreement calls `refresh_deadlines` for its ids in the same transaction.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, delete, or_, select
from sqlalchemy.orm import Session

from models.dates import PartialDate
from models.deadlines import OVERDUE_KINDS, Computed, DeadlineKind, DeadlineSource, compute
from models.fast_insert import insert_many
from models.schema import Action, Agreement, AgreementDeadline, Participation, Party
from models.terms import Terms
from models.vocab import CONSENT_ACTIONS, Role, Status

# Parties whose consent an agreement waits for (observers and depositaries give none).
CONSENTING_ROLES = (Role.PARTY, Role.ORIGINAL_SIGNATORY)
# An agreement that has ended has nothing coming due.
ENDED = (Status.TERMINATED, Status.EXPIRED)
_CHUNK = 500


@dataclass(frozen=True)
class DueItem:
    """One line of the Due list: which agreement, which deadline, when and why."""

    agreement_id: int
    title: str
    kind: DeadlineKind
    on: PartialDate
    how: str
    recorded: bool
    overdue: bool

    def describe(self) -> str:
        """'Last day to give notice: 1 September 2026' (the precision it is known to)."""
        return f"{self.kind.label}: {self.on.display()}"


# ----------------------------------------------------------------- writing


def sources(connection: Connection, ids: Sequence[int]) -> dict[int, DeadlineSource]:
    """What the deadlines of these agreements follow from, read in two queries per chunk."""
    found: dict[int, DeadlineSource] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        consents = _consents(connection, chunk)
        for row in connection.execute(
            select(
                Agreement.id,
                Agreement.signed_on,
                Agreement.entry_into_force,
                Agreement.expires_on,
                Agreement.terminated_on,
                Agreement.duration_term,
                Agreement.renewal_term,
                Agreement.notice_term,
                Agreement.entry_into_force_term,
            ).where(Agreement.id.in_(chunk))
        ):
            found[row.id] = DeadlineSource(
                terms=_terms(row),
                signed_on=row.signed_on,
                entry_into_force=row.entry_into_force,
                expires_on=row.expires_on,
                terminated_on=row.terminated_on,
                consents=consents.get(row.id, {}),
            )
    return found


def _terms(row: Any) -> Terms:
    try:
        return Terms.from_texts(
            row.duration_term,
            row.renewal_term,
            row.notice_term,
            row.entry_into_force_term,
        )
    except ValueError:  # written by hand into the database: compute nothing rather than fail
        return Terms()


def _consents(connection: Connection, ids: list[int]) -> dict[int, dict[str, PartialDate | None]]:
    """Per agreement, each consenting party's name and the date of its first consent."""
    found: dict[int, dict[str, PartialDate | None]] = defaultdict(dict)
    participations = connection.execute(
        select(Participation.id, Participation.agreement_id, Party.name)
        .join(Party, Party.id == Participation.party_id)
        .where(Participation.agreement_id.in_(ids), Participation.role.in_(CONSENTING_ROLES))
    ).all()
    acts: dict[int, list[PartialDate]] = defaultdict(list)
    for participation_id, deposited, effective in connection.execute(
        select(Action.participation_id, Action.deposited_on, Action.effective_on).where(
            Action.participation_id.in_([p.id for p in participations]),
            # Consent to be bound: the "notification" or "ratification" an entry-into-force
            # rule counts.
            Action.type.in_(sorted(CONSENT_ACTIONS)),
        )
    ):
        when = deposited or effective
        if when is not None:
            acts[participation_id].append(when)
    for participation_id, agreement_id, name in participations:
        dates = acts.get(participation_id)
        found[agreement_id][name] = min(dates) if dates else None
    return found


def source_of(agreement: Agreement) -> DeadlineSource:
    """The same source `sources` reads, from a loaded agreement (the detail pane's)."""
    consents: dict[str, PartialDate | None] = {}
    for participation in agreement.participations:
        if participation.role not in CONSENTING_ROLES:
            continue
        dates = [
            action.deposited_on or action.effective_on
            for action in participation.actions
            if action.type in CONSENT_ACTIONS and (action.deposited_on or action.effective_on)
        ]
        consents[participation.party.name] = min(dates) if dates else None  # type: ignore[type-var]  # dates are not None
    return DeadlineSource(
        terms=_terms(agreement),
        signed_on=agreement.signed_on,
        entry_into_force=agreement.entry_into_force,
        expires_on=agreement.expires_on,
        terminated_on=agreement.terminated_on,
        consents=consents,
    )


def refresh_deadlines(connection: Connection, ids: Sequence[int]) -> None:
    """Recompute the stored deadlines of these agreements (deleted ones simply lose theirs)."""
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        connection.execute(
            delete(AgreementDeadline).where(AgreementDeadline.agreement_id.in_(chunk))
        )
        store_deadlines(connection, sources(connection, chunk))


def store_deadlines(connection: Connection, found: dict[int, DeadlineSource]) -> None:
    """Insert the deadlines computed from *found* (agreement id -> source), none stored yet.

    An import gives the sources from the rows it holds (no reading back); sources repeat
    (the same terms and dates), and each distinct one is computed once.
    """
    rows = [
        {
            "agreement_id": agreement_id,
            "kind": kind,
            "on": on,
            "first_day": first,
            "last_day": last,
            "how": how,
            "recorded": recorded,
        }
        for agreement_id, source in found.items()
        for kind, on, first, last, how, recorded in _deadline_rows(source)
    ]
    insert_many(connection, _DEADLINES, rows)


_DEADLINES = AgreementDeadline.__table__


def _deadline_rows(source: DeadlineSource) -> tuple[tuple[Any, ...], ...]:
    if source.terms == _NO_TERMS and source.expires_on is None:
        return ()  # most agreements: nothing to compute
    consents = tuple(sorted(source.consents.items(), key=lambda item: item[0]))
    return _computed_rows(
        source.terms,
        source.signed_on,
        source.entry_into_force,
        source.expires_on,
        source.terminated_on,
        consents,
    )


_NO_TERMS = Terms()


@lru_cache(maxsize=256)  # a source may give hundreds of renewals: a few kept
def _computed_rows(
    terms: Terms,
    signed_on: PartialDate | None,
    entry_into_force: PartialDate | None,
    expires_on: PartialDate | None,
    terminated_on: PartialDate | None,
    consents: tuple[tuple[str, PartialDate | None], ...],
) -> tuple[tuple[Any, ...], ...]:
    """The stored columns of each deadline of one source (compute's answer does not
    depend on the order of the consents: it sorts them)."""
    source = DeadlineSource(
        terms=terms,
        signed_on=signed_on,
        entry_into_force=entry_into_force,
        expires_on=expires_on,
        terminated_on=terminated_on,
        consents=dict(consents),
    )
    return tuple(
        (
            deadline.kind.value,
            deadline.on,
            deadline.first_day.isoformat(),
            deadline.last_day.isoformat(),
            deadline.how[:1000],
            deadline.recorded,
        )
        for deadline in compute(source).deadlines
    )


@lru_cache(maxsize=4096)
def terms_of(
    duration: str | None, renewal: str | None, notice: str | None, entry: str | None
) -> Terms:
    """The Terms of stored term texts (as `sources` reads them), remembered: they repeat."""
    try:
        return Terms.from_texts(duration, renewal, notice, entry)
    except ValueError:  # written by hand into the database: compute nothing rather than fail
        return Terms()


def computed(session: Session, agreement_id: int) -> Computed | None:
    """The deadlines and notes of one agreement (None when it does not exist)."""
    source = sources(session.connection(), [agreement_id]).get(agreement_id)
    return None if source is None else compute(source)


# ----------------------------------------------------------------- reading


def due_clause(as_of: date, within: int | None, overdue: bool) -> ColumnElement[bool]:
    """Deadlines between *as_of* and *within* days later, and/or overdue ones."""
    parts = []
    if within is not None:
        parts.append(
            and_(
                AgreementDeadline.last_day >= as_of.isoformat(),
                AgreementDeadline.first_day <= (as_of + timedelta(days=within)).isoformat(),
            )
        )
    if overdue:
        parts.append(
            and_(
                AgreementDeadline.kind.in_([kind.value for kind in OVERDUE_KINDS]),
                AgreementDeadline.last_day < as_of.isoformat(),
            )
        )
    return or_(*parts)


def due_condition(as_of: date, within: int | None, overdue: bool) -> ColumnElement[bool]:
    """The agreements (not ended) with a deadline in the window: a WHERE on `agreements`."""
    return and_(
        Agreement.status.not_in(ENDED),
        Agreement.id.in_(
            select(AgreementDeadline.agreement_id).where(due_clause(as_of, within, overdue))
        ),
    )


def due_items(
    session: Session,
    ids_statement: object,
    as_of: date,
    within: int | None,
    overdue: bool = True,
    limit: int | None = None,
) -> list[DueItem]:
    """The deadlines of the agreements *ids_statement* selects, in the window, by date."""
    statement = (
        select(
            AgreementDeadline.agreement_id,
            Agreement.title,
            AgreementDeadline.kind,
            AgreementDeadline.on,
            AgreementDeadline.how,
            AgreementDeadline.recorded,
            AgreementDeadline.last_day,
        )
        .join(Agreement, Agreement.id == AgreementDeadline.agreement_id)
        .where(
            Agreement.status.not_in(ENDED),
            due_clause(as_of, within, overdue),
            AgreementDeadline.agreement_id.in_(ids_statement),  # type: ignore[arg-type]  # a select of ids
        )
        .order_by(
            AgreementDeadline.first_day,
            AgreementDeadline.last_day,
            Agreement.title_key,
            AgreementDeadline.id,
        )
        .limit(limit)
    )
    items = []
    for row in session.execute(statement):
        kind = DeadlineKind(row.kind)
        items.append(
            DueItem(
                agreement_id=row.agreement_id,
                title=row.title,
                kind=kind,
                on=row.on,
                how=row.how,
                recorded=row.recorded,
                overdue=kind in OVERDUE_KINDS and row.last_day < as_of.isoformat(),
            )
        )
    return items


def explained(connection: Connection, items: Sequence[DueItem]) -> list[DueItem]:
    """*items* with how each was computed as a Message the window translates.

    The database keeps that text in English; it is computed again, from the same source,
    for the few listed agreements (an item whose deadline is no longer computed keeps it).
    """
    found = sources(connection, sorted({item.agreement_id for item in items}))
    hows = {
        (agreement_id, deadline.kind, deadline.on): deadline.how
        for agreement_id, source in found.items()
        for deadline in compute(source).deadlines
    }
    return [
        dataclasses.replace(item, how=hows.get((item.agreement_id, item.kind, item.on), item.how))
        for item in items
    ]

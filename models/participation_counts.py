"""Signatories and parties of many agreements at once, for listings that stream rows.

`list --format json` writes up to a quarter of a million rows, so their counts come from
SQL, one aggregate query per batch of rows (never one per agreement), by the rules of
models.status that the detail pane applies one party at a time. Only a party that
withdrew or denounced needs its acts in date order (it may have come back); those few
are read and judged in Python by those very functions.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from models.query import AgreementRow
from models.schema import Action, Agreement, Participation
from models.status import Dated, ParticipationCounts, tallied_counts
from models.vocab import (
    CONSENT_ACTIONS,
    LEAVING_ACTIONS,
    SIGNATURE_ACTIONS,
    ActionType,
    Role,
)

BATCH = 500


def with_counts(
    session: Session, rows: Iterable[AgreementRow], *, today: date | None = None
) -> Iterator[AgreementRow]:
    """*rows* again, in order, each carrying its participation counts."""
    today = today or date.today()
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, BATCH)):
        counts = participation_counts(session, chunk, today)
        for row in chunk:
            yield dataclasses.replace(row, counts=counts[row.id])


def participation_counts(
    session: Session, rows: Sequence[AgreementRow], today: date
) -> dict[int, ParticipationCounts]:
    """Each row's counts: two queries for the batch, a third only if some party left."""
    ids = [row.id for row in rows]
    # Sums come back as int, or Decimal on some back ends.
    tallies = {
        agreement_id: [int(number or 0) for number in tally]
        for agreement_id, *tally in session.execute(_tallies(ids))
    }
    left = _leavers(session, [i for i, tally in tallies.items() if tally[4]])
    return {
        row.id: tallied_counts(
            (row.status, row.entry_into_force, row.signed_on),
            tallies.get(row.id, [0] * 5),
            left[row.id],
            today,
        )
        for row in rows
    }


def _has(types: Iterable[ActionType]) -> Any:
    """1 when a party has an act of one of *types*, else 0."""
    return func.max(case((Action.type.in_(sorted(types)), 1), else_=0))


def _tallies(ids: list[int]) -> Select[Any]:
    """Per agreement: signatories, parties with no act, parties for sure, parties if the
    agreement is in force (consented), and parties that left (judged in Python)."""
    acts = (
        select(
            Action.participation_id,
            _has(SIGNATURE_ACTIONS).label("signed"),
            _has(CONSENT_ACTIONS).label("consented"),
            _has([ActionType.ENTRY_INTO_FORCE]).label("in_force"),
            _has(LEAVING_ACTIONS).label("left"),
        )
        .join(Participation, Participation.id == Action.participation_id)
        .where(Participation.agreement_id.in_(ids))
        .group_by(Action.participation_id)
        .subquery()
    )
    implied = and_(Participation.role == Role.ORIGINAL_SIGNATORY, Agreement.signed_on.is_not(None))
    stayed = func.coalesce(acts.c.left, 0) == 0

    def number(condition: Any) -> Any:
        return func.sum(case((condition, 1), else_=0))

    return (
        select(
            Participation.agreement_id,
            number(or_(acts.c.signed == 1, implied)),
            number(and_(acts.c.participation_id.is_(None), ~implied)),
            number(and_(stayed, acts.c.in_force == 1)),
            number(and_(stayed, acts.c.in_force == 0, acts.c.consented == 1)),
            number(acts.c.left == 1),
        )
        .join(Agreement, Agreement.id == Participation.agreement_id)
        .outerjoin(acts, acts.c.participation_id == Participation.id)
        .where(Participation.agreement_id.in_(ids))
        .group_by(Participation.agreement_id)
    )


def _leavers(session: Session, ids: list[int]) -> dict[int, list[tuple[Role, list[Dated]]]]:
    """The role and recorded (type, date) acts of every party of *ids* that left at least once."""
    found: dict[int, dict[int, tuple[Role, list[Dated]]]] = defaultdict(dict)
    if ids:
        left = select(Action.participation_id).where(Action.type.in_(sorted(LEAVING_ACTIONS)))
        statement = (
            select(
                Participation.agreement_id,
                Participation.id,
                Participation.role,
                Action.type,
                Action.deposited_on,
                Action.effective_on,
            )
            .join(Action, Action.participation_id == Participation.id)
            .where(Participation.agreement_id.in_(ids), Participation.id.in_(left))
            .order_by(Participation.id, Action.position, Action.id)
        )
        for agreement_id, participation, role, kind, deposited, effective in session.execute(
            statement
        ):
            found[agreement_id].setdefault(participation, (role, []))[1].append(
                (kind, effective or deposited)
            )
    return defaultdict(list, {key: list(value.values()) for key, value in found.items()})

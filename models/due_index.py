"""The stored deadlines held for the facet index: a due window is two bisections.

Deadlines are kept as day numbers in arrays sorted by first day (and, for the kinds that
can be overdue, by last day), not as a list of row tuples: a register with many
automatic renewals holds a million of them.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import itemgetter, sub
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Executable,
    Integer,
    case,
    cast,
    func,
    literal,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from models.deadlines import OVERDUE_KINDS
from models.schema import AgreementDeadline

# Agreements saved since the arrays were made, at most: then they are made again.
COMPACT_AFTER = 5_000
# Days (date.toordinal) and agreement ids fit in 32 bits: half the memory of "l" on Linux.
_INT = "i"
_BATCH = 50_000  # rows fetched at once while reading: a bounded heap of tuples
_OVERDUE_KINDS = tuple(kind.value for kind in OVERDUE_KINDS)
# julianday() of 0001-01-01 at midnight, less one: julianday(d) - this = d.toordinal().
_ORDINAL_EPOCH = 1721424.5


@dataclass(frozen=True)
class Days:
    """Every deadline's days and agreement, as arrays sorted for bisection."""

    firsts: array[int]  # the first day each deadline may be (date.toordinal), ascending
    lasts: array[int]  # its last day, in the same order
    ids: array[int]  # its agreement
    late_lasts: array[int]  # last days of the deadlines that can be overdue, ascending
    late_ids: array[int]
    span: int  # the most days between a deadline's first and last day (a year's, at most)

    @classmethod
    def of(cls, rows: list[tuple[int, int, int]], late: list[tuple[int, int]]) -> Days:
        rows.sort()
        late.sort()
        return cls(
            firsts=array(_INT, map(itemgetter(0), rows)),
            lasts=array(_INT, map(itemgetter(1), rows)),
            ids=array(_INT, map(itemgetter(2), rows)),
            late_lasts=array(_INT, map(itemgetter(0), late)),
            late_ids=array(_INT, map(itemgetter(1), late)),
            span=max((end - start for start, end, _ in rows), default=0),
        )

    @classmethod
    def read(cls, session: Session) -> Days:
        """Every stored deadline, its days counted and sorted by the database.

        A million deadlines as Python tuples, each day parsed from its ISO text here and
        the list sorted, took seconds of the index's build and a few hundred megabytes
        for a moment; the database hands them over already in order, in batches.
        """
        first = _day_number(session, AgreementDeadline.first_day).label("first")
        last = _day_number(session, AgreementDeadline.last_day).label("last")
        agreement = AgreementDeadline.agreement_id
        late_kind = case((AgreementDeadline.kind.in_(_OVERDUE_KINDS), 1), else_=0)
        rows = select(first, last, agreement, late_kind).order_by(first, last, agreement)
        firsts, lasts, ids = array(_INT), array(_INT), array(_INT)
        late: list[tuple[int, int]] = []  # a few in a hundred: sorted here
        for batch in _batches(session, rows):
            firsts.extend(map(itemgetter(0), batch))
            lasts.extend(map(itemgetter(1), batch))
            ids.extend(map(itemgetter(2), batch))
            late.extend((row[1], row[2]) for row in batch if row[3])
        late.sort()
        span = max(map(sub, lasts, firsts), default=0)
        late_lasts = array(_INT, map(itemgetter(0), late))
        return cls(firsts, lasts, ids, late_lasts, array(_INT, map(itemgetter(1), late)), span)


@dataclass(frozen=True)
class DueIndex:
    """Every stored deadline's agreement and days, ready for window and overdue questions.

    A save does not make the arrays again (a quarter of a second at 400,000 deadlines,
    holding the interpreter while it sorts): the saved agreements' rows in them are
    *stale*, skipped, and their current rows are kept beside them in *fresh*, until
    COMPACT_AFTER agreements have been saved.
    """

    days: Days
    stale: frozenset[int] = frozenset()
    fresh: tuple[tuple[int, int, int], ...] = ()  # (first day, last day, agreement)
    fresh_late: tuple[tuple[int, int], ...] = ()  # (last day, agreement), can be overdue

    @classmethod
    def empty(cls) -> DueIndex:
        """No deadlines at all (an index made by hand, in tests)."""
        return cls(Days.of([], []))

    @classmethod
    def read(cls, session: Session) -> DueIndex:
        """Read agreement_deadlines, in batches (no list of a million tuples)."""
        return cls(Days.read(session))

    def patched(self, session: Session, agreement_ids: Iterable[int]) -> DueIndex:
        """This index with the deadlines of *agreement_ids* read again (after a save)."""
        changed = set(agreement_ids)
        rows, late = _deadline_rows(session, sorted(changed))
        fresh = [row for row in self.fresh if row[2] not in changed] + rows
        fresh_late = [row for row in self.fresh_late if row[1] not in changed] + late
        stale = self.stale | changed
        if len(stale) <= COMPACT_AFTER:
            return DueIndex(self.days, stale, tuple(fresh), tuple(fresh_late))
        days = self.days
        kept = zip(days.firsts, days.lasts, days.ids, strict=True)
        kept_late = zip(days.late_lasts, days.late_ids, strict=True)
        return DueIndex(
            Days.of(
                [row for row in kept if row[2] not in stale] + fresh,
                [row for row in kept_late if row[1] not in stale] + fresh_late,
            )
        )

    def only(self, agreement_ids: Iterable[int]) -> DueIndex | None:
        """The deadlines of *agreement_ids* alone, patched in since the arrays were made.

        None if any of them is in the arrays (not patched since, or made again since).
        """
        wanted = set(agreement_ids)
        if not wanted <= self.stale:
            return None
        return DueIndex(
            Days.of([], []),
            frozenset(),
            tuple(row for row in self.fresh if row[2] in wanted),
            tuple(row for row in self.fresh_late if row[1] in wanted),
        )

    def within(self, as_of: date, days: int) -> list[int]:
        """Agreements with a deadline that may fall from *as_of* to *days* later."""
        start, end = as_of.toordinal(), (as_of + timedelta(days=days)).toordinal()
        index = self.days
        low = bisect_left(index.firsts, start - index.span)
        high = bisect_right(index.firsts, end)
        lasts, ids, stale = index.lasts, index.ids, self.stale
        found = [ids[i] for i in range(low, high) if lasts[i] >= start]
        if stale:
            found = [agreement_id for agreement_id in found if agreement_id not in stale]
        return found + [i for first, last, i in self.fresh if first <= end and last >= start]

    def overdue(self, as_of: date) -> list[int]:
        """Agreements with an expiry or entry into force wholly before *as_of*."""
        cut = as_of.toordinal()
        index = self.days
        found = index.late_ids[: bisect_left(index.late_lasts, cut)].tolist()
        if self.stale:
            found = [agreement_id for agreement_id in found if agreement_id not in self.stale]
        return found + [i for last, i in self.fresh_late if last < cut]


def _deadline_rows(
    session: Session, agreement_ids: list[int] | None = None
) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]]:
    """(first day, last day, agreement) of every stored deadline (of *agreement_ids* only,
    if given), and (last day, agreement) of those that can be overdue."""
    rows: list[tuple[int, int, int]] = []
    late: list[tuple[int, int]] = []
    overdue_kinds = set(_OVERDUE_KINDS)
    statement = select(
        AgreementDeadline.agreement_id,
        AgreementDeadline.kind,
        AgreementDeadline.first_day,
        AgreementDeadline.last_day,
    )
    if agreement_ids is not None:
        if not agreement_ids:
            return rows, late
        statement = statement.where(AgreementDeadline.agreement_id.in_(agreement_ids))
    result = session.connection().execute(statement)
    for agreement_id, kind, first, last in result.cursor or ():  # type: ignore[union-attr]  # PEP 249 cursors iterate
        start = date.fromisoformat(first).toordinal()
        end = date.fromisoformat(last).toordinal()
        rows.append((start, end, agreement_id))
        if kind in overdue_kinds:
            late.append((end, agreement_id))
    return rows, late


def _day_number(session: Session, column: Any) -> ColumnElement[int]:
    """The day an ISO date text falls on, as date.toordinal() counts it, computed in SQL."""
    if session.get_bind().dialect.name == "postgresql":
        return type_coerce(cast(column, Date) - cast(literal("0001-01-01"), Date) + 1, Integer)
    return cast(func.julianday(column) - _ORDINAL_EPOCH, Integer)


def _batches(session: Session, statement: Executable) -> Iterator[Sequence[Any]]:
    """The rows of *statement* as the driver hands them, _BATCH at a time."""
    cursor = session.connection().execute(statement).cursor
    while cursor is not None and (batch := cursor.fetchmany(_BATCH)):
        yield batch

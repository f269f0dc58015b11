"""The stored deadlines held for the facet index: a due window is two bisections.

Deadlines are kept as day numbers in arrays sorted by first day (and, for the kinds that
can be overdue, by last day), not as a list of row tuples: a register with many
automatic renewals holds a million of them.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.deadlines import OVERDUE_KINDS
from models.schema import AgreementDeadline


@dataclass(frozen=True)
class DueIndex:
    """Every stored deadline's agreement and days, ready for window and overdue questions."""

    firsts: array[int]  # the first day each deadline may be (date.toordinal), ascending
    lasts: array[int]  # its last day, in the same order
    ids: array[int]  # its agreement
    late_lasts: array[int]  # last days of the deadlines that can be overdue, ascending
    late_ids: array[int]
    span: int  # the most days between a deadline's first and last day (a year's, at most)

    @classmethod
    def empty(cls) -> DueIndex:
        """No deadlines at all (an index made by hand, in tests)."""
        empty = array("l")
        return cls(empty, empty, empty, empty, empty, 0)

    @classmethod
    def read(cls, session: Session) -> DueIndex:
        """Read agreement_deadlines, a row at a time (no list of a million tuples)."""
        rows, late = _deadline_rows(session)
        return cls._of(rows, late)

    @classmethod
    def _of(cls, rows: list[tuple[int, int, int]], late: list[tuple[int, int]]) -> DueIndex:
        rows.sort()
        late.sort()
        return cls(
            firsts=array("l", (row[0] for row in rows)),
            lasts=array("l", (row[1] for row in rows)),
            ids=array("l", (row[2] for row in rows)),
            late_lasts=array("l", (row[0] for row in late)),
            late_ids=array("l", (row[1] for row in late)),
            span=max((end - start for start, end, _ in rows), default=0),
        )

    def patched(self, session: Session, agreement_ids: Iterable[int]) -> DueIndex:
        """This index with the deadlines of *agreement_ids* read again (after a save).

        Most agreements have no deadlines: when none of them had or has any, this index
        is kept as it is; otherwise the arrays are made again, the others' rows kept.
        """
        changed = set(agreement_ids)
        fresh, fresh_late = _deadline_rows(session, sorted(changed))
        if not fresh and not changed & self.members:
            return self
        rows = [
            (first, last, agreement_id)
            for first, last, agreement_id in zip(self.firsts, self.lasts, self.ids, strict=True)
            if agreement_id not in changed
        ]
        late = [
            (last, agreement_id)
            for last, agreement_id in zip(self.late_lasts, self.late_ids, strict=True)
            if agreement_id not in changed
        ]
        return DueIndex._of(rows + fresh, late + fresh_late)

    @cached_property
    def members(self) -> frozenset[int]:
        """The agreements that have a deadline here."""
        return frozenset(self.ids)

    def within(self, as_of: date, days: int) -> list[int]:
        """Agreements with a deadline that may fall from *as_of* to *days* later."""
        start = as_of.toordinal()
        low = bisect_left(self.firsts, start - self.span)
        high = bisect_right(self.firsts, (as_of + timedelta(days=days)).toordinal())
        lasts, ids = self.lasts, self.ids
        return [ids[i] for i in range(low, high) if lasts[i] >= start]

    def overdue(self, as_of: date) -> list[int]:
        """Agreements with an expiry or entry into force wholly before *as_of*."""
        return self.late_ids[: bisect_left(self.late_lasts, as_of.toordinal())].tolist()


def _deadline_rows(
    session: Session, agreement_ids: list[int] | None = None
) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]]:
    """(first day, last day, agreement) of every stored deadline (of *agreement_ids* only,
    if given), and (last day, agreement) of those that can be overdue."""
    rows: list[tuple[int, int, int]] = []
    late: list[tuple[int, int]] = []
    overdue_kinds = {kind.value for kind in OVERDUE_KINDS}
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

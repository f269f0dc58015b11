"""Which agreements changed since an index was read: from the audit log and the catalog.

Every write to an agreement adds an audit_log row in its own transaction (models.audit),
so the agreements changed since a FacetIndex was built or patched are the agreement ids
of the rows added since then (plus the agreement a merge removed, which its audit line
names). What the log does not tell, a catalog change made elsewhere (a party or field
merged or deleted moves agreements between them unlogged), shows as parties or fields
missing among those that existed: then nobody can say which agreements changed, and the
caller builds the index again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.schema import AuditEntry, Field, Party

# PostgreSQL hands out audit ids when rows are written, not when they commit: a save that
# commits after one with a larger id would fall below the mark. The ids of the rows in a
# margin below the mark are remembered, so that one committed late is told from them.
_PG_MARGIN = 200


@dataclass(frozen=True)
class Marks:
    """Where the data stood when an index was read: newest audit row, parties and fields."""

    audit: int = 0
    recent: frozenset[int] = frozenset()  # audit ids seen just below `audit` (PostgreSQL)
    parties: tuple[int, int] = (0, 0)  # (largest id, how many)
    fields: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Seen:
    """Agreement ids changed since some marks (None: not knowable), and the marks now."""

    ids: frozenset[int] | None
    marks: Marks


def read_marks(session: Session) -> Marks:
    """The marks of the data as *session* sees it now."""
    audit = session.scalar(select(func.max(AuditEntry.id))) or 0
    recent: frozenset[int] = frozenset()
    if session.get_bind().dialect.name == "postgresql":
        window = AuditEntry.id > audit - _PG_MARGIN
        recent = frozenset(session.scalars(select(AuditEntry.id).where(window)))
    return Marks(
        audit=audit,
        recent=recent,
        parties=_extent(session, Party.id),
        fields=_extent(session, Field.id),
    )


def changed_since(
    session: Session, marks: Marks, *, trust_catalog: bool = False, limit: int | None = None
) -> Seen:
    """The agreements the audit log says changed since *marks*; None if a catalog row went.

    *trust_catalog*: the caller itself merged or deleted parties or fields and names the
    agreements that moved, so a missing party or field needs no explaining here. More than
    *limit* lines since (a large import elsewhere) also answer None, before they are read.
    """
    now = read_marks(session)
    if not trust_catalog and (
        _shrank(session, Party.id, marks.parties) or _shrank(session, Field.id, marks.fields)
    ):
        return Seen(None, now)
    since = marks.audit
    if session.get_bind().dialect.name == "postgresql":
        since = max(0, since - _PG_MARGIN)
    statement = select(AuditEntry.id, AuditEntry.agreement_id, AuditEntry.changes).where(
        AuditEntry.id > since
    )
    if limit is not None:
        statement = statement.limit(limit + len(marks.recent) + 1)
    rows = session.execute(statement).all()
    if limit is not None and len(rows) > limit + len(marks.recent):
        return Seen(None, now)
    ids: set[int] = set()
    for entry_id, agreement_id, changes in rows:
        if entry_id in marks.recent:
            continue
        ids.add(agreement_id)
        merged = (changes or {}).get("merged_from")
        if isinstance(merged, list) and len(merged) == 2 and isinstance(merged[1], int):
            ids.add(merged[1])  # the merged agreement is deleted without a line of its own
    return Seen(frozenset(ids), now)


def _extent(session: Session, column: Any) -> tuple[int, int]:
    largest, number = session.execute(select(func.max(column), func.count(column))).one()
    return (largest or 0, number)


def _shrank(session: Session, column: Any, before: tuple[int, int]) -> bool:
    """Whether any of the rows counted in *before* has gone since (merged or deleted)."""
    largest, number = before
    still = session.scalar(select(func.count(column)).where(column <= largest))
    return still != number

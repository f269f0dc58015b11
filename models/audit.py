"""The audit log: who created, changed, deleted, restored or imported an agreement, and when.

Rows are written by models.service and models.exchange_bulk in the transaction of the
change itself, so the log never tells of a change that did not happen. They outlive the
agreement they describe: the detail pane shows the trail of a deleted agreement too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, or_, select
from sqlalchemy.orm import Session

from models.fast_insert import insert_many
from models.schema import AgreementRedirect, AuditEntry, utcnow

_TABLE = AuditEntry.__table__


@dataclass(frozen=True)
class AuditRecord:
    """One line of an agreement's trail, as the detail pane shows it."""

    id: int
    agreement_id: int
    changed_at: datetime
    changed_by: str
    action: str
    changes: dict[str, Any]

    def describe(self) -> str:
        """'2026-11-29 10:14 UTC, alice: update (title, status)'."""
        when = self.changed_at.strftime("%Y-%m-%d %H:%M UTC")
        fields = f" ({', '.join(self.changes)})" if self.action == "update" else ""
        return f"{when}, {self.changed_by}: {self.action}{fields}"


def input_record(data: Any) -> dict[str, Any]:
    """An AgreementInput as plain JSON-ready data, field by field."""
    return dataclasses.asdict(data)


def changes_between(old: dict[str, Any] | None, new: dict[str, Any] | None) -> dict[str, Any]:
    """Field -> [old, new] for every field that differs; a missing side counts as empty."""
    before, after = old or {}, new or {}
    return {
        name: [before.get(name), after.get(name)]
        for name in dict.fromkeys([*before, *after])
        if before.get(name) != after.get(name) and (before.get(name) or after.get(name))
    }


def record(
    session: Session, agreement_id: int, action: str, changes: dict[str, Any], user: str
) -> None:
    """Add one row to the log, in the caller's transaction."""
    session.add(
        AuditEntry(
            agreement_id=agreement_id,
            changed_at=utcnow(),
            changed_by=user,
            action=action,
            changes=changes,
        )
    )


def record_many(connection: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Add many rows at once (bulk import): dicts with the columns of audit_log but id."""
    insert_many(connection, _TABLE, rows)  # the driver's executemany: 100,000 rows


def record_each(
    connection: Connection,
    lines: Iterable[tuple[int, dict[str, Any]]],
    action: str,
    user: str,
) -> None:
    """One *action* line per (agreement id, changes), all by *user* at one moment."""
    now = utcnow()
    record_many(
        connection,
        [
            {
                "agreement_id": agreement_id,
                "changed_at": now,
                "changed_by": user,
                "action": action,
                "changes": changes,
            }
            for agreement_id, changes in lines
        ],
    )


def audit_trail(session: Session, agreement_id: int) -> list[AuditRecord]:
    """Every recorded change to an agreement, newest first (also after it was deleted).

    The trails of agreements merged into it are part of it (their agreement_id tells them).
    """
    merged = select(AgreementRedirect.old_id).where(AgreementRedirect.new_id == agreement_id)
    rows = session.execute(
        select(AuditEntry)
        .where(or_(AuditEntry.agreement_id == agreement_id, AuditEntry.agreement_id.in_(merged)))
        .order_by(AuditEntry.id.desc())
    ).scalars()
    return [
        AuditRecord(
            id=row.id,
            agreement_id=row.agreement_id,
            changed_at=row.changed_at,
            changed_by=row.changed_by,
            action=row.action,
            changes=dict(row.changes),
        )
        for row in rows
    ]


def last_change(session: Session, agreement_id: int, action: str) -> AuditRecord | None:
    """The newest *action* on an agreement (who deleted it, say), None if not recorded."""
    for entry in audit_trail(session, agreement_id):
        if entry.action == action:
            return entry
    return None

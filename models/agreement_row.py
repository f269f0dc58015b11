"""One agreement as a table, a CSV line or a register entry shows it: plain data, no SQL.

Read by models.query (SQLAlchemy) and by the command line's SQLite path
(models.sqlite_listing) alike, and re-exported by models.query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.dates import PartialDate
from models.status import ParticipationCounts
from models.vocab import Kind, Level, Status


@dataclass(frozen=True)
class AgreementRow:
    """One agreement as a table, a CSV line or a register entry shows it."""

    id: int
    title: str
    kind: Kind
    level: Level
    status: Status
    signed_on: PartialDate | None
    signed_at: str | None
    entry_into_force: PartialDate | None
    expires_on: PartialDate | None
    parties: tuple[str, ...]
    fields: tuple[str, ...]
    summary: str
    source_url: str | None
    notes: str
    version: int
    updated_at: datetime
    # Signatories and parties; filled only where asked (models.participation_counts).
    counts: ParticipationCounts | None = None
    # Structured terms (models.terms' canonical text), for CSV export.
    duration_term: str | None = None
    renewal_term: str | None = None
    notice_term: str | None = None
    entry_into_force_term: str | None = None

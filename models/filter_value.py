"""The filter value and the sort: what the user asked for, as plain data with no SQL.

Apart from models.query (which compiles them with SQLAlchemy and re-exports them) so that
the command line's SQLite path (models.sqlite_listing) compiles the very same value to
SQL without loading SQLAlchemy.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from models.dates import PartialDate
from models.sorting import SortColumn
from models.text import search_terms
from models.vocab import Kind, Level, Status


@dataclass(frozen=True)
class AgreementFilter:
    """What the user asked for. Empty dimensions do not filter.

    Across dimensions the conditions combine with AND; any of the chosen fields,
    kinds, statuses or levels matches; all chosen parties must take part (agreements
    *between* them) unless `any_party` is set. A field includes its subfields.
    Partial dates compare as their first day: '2021' falls before '2021-06', and an
    agreement signed in '2021' is signed from January 2021 on. `signed_to` takes in the
    whole of its year or month: up to '2021-06' includes '2021-06-30'.
    `due_within` (days) keeps agreements with a deadline from `due_as_of` (None: today) to
    that many days later, `due_overdue` those with an expiry or entry into force passed and
    not recorded as such (either or both: any of them); ended agreements are never due.
    """

    fields: tuple[int, ...] = ()
    parties: tuple[int, ...] = ()
    any_party: bool = False
    kinds: tuple[Kind, ...] = ()
    statuses: tuple[Status, ...] = ()
    levels: tuple[Level, ...] = ()
    signed_from: PartialDate | None = None
    signed_to: PartialDate | None = None
    text: str = ""
    due_within: int | None = None
    due_overdue: bool = False
    due_as_of: date | None = None

    def is_empty(self) -> bool:
        return self == AgreementFilter(any_party=self.any_party)

    def replace(self, **changes: Any) -> AgreementFilter:
        return dataclasses.replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        """Plain data for saved views (ids, vocabulary values, ISO dates)."""
        return {
            "fields": list(self.fields),
            "parties": list(self.parties),
            "any_party": self.any_party,
            "kinds": [kind.value for kind in self.kinds],
            "statuses": [status.value for status in self.statuses],
            "levels": [level.value for level in self.levels],
            "signed_from": self.signed_from.iso() if self.signed_from else None,
            "signed_to": self.signed_to.iso() if self.signed_to else None,
            "text": self.text,
            "due_within": self.due_within,
            "due_overdue": self.due_overdue,
            "due_as_of": self.due_as_of.isoformat() if self.due_as_of else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AgreementFilter:
        return cls(
            fields=tuple(data.get("fields", ())),
            parties=tuple(data.get("parties", ())),
            any_party=bool(data.get("any_party", False)),
            kinds=tuple(Kind(value) for value in data.get("kinds", ())),
            statuses=tuple(Status(value) for value in data.get("statuses", ())),
            levels=tuple(Level(value) for value in data.get("levels", ())),
            signed_from=PartialDate.parse_optional(data.get("signed_from")),
            signed_to=PartialDate.parse_optional(data.get("signed_to")),
            text=data.get("text", ""),
            due_within=data.get("due_within"),
            due_overdue=bool(data.get("due_overdue", False)),
            due_as_of=date.fromisoformat(data["due_as_of"]) if data.get("due_as_of") else None,
        )

    def is_due(self) -> bool:
        """Whether the due dimension filters."""
        return self.due_within is not None or self.due_overdue

    def as_of(self) -> date:
        """The day the due filter counts from."""
        return self.due_as_of or date.today()


@dataclass(frozen=True)
class Sort:
    column: SortColumn = SortColumn.SIGNED_ON
    descending: bool = False


# Columns that are never empty; the others may be, and empty values sort last.
NEVER_EMPTY = frozenset(
    {
        SortColumn.TITLE,
        SortColumn.KIND,
        SortColumn.LEVEL,
        SortColumn.STATUS,
        SortColumn.UPDATED_AT,
        SortColumn.CREATED_AT,
        SortColumn.ID,
    }
)


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH string of quoted prefix terms; no user character survives as syntax."""
    terms = search_terms(text)
    return " ".join(f'"{term}"*' for term in terms) if terms else None


def descendants(pairs: Iterable[tuple[int, int | None]], field_ids: Sequence[int]) -> list[int]:
    """The fields *field_ids* and all their subfields, given every field's (id, parent id)."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for field_id, parent_id in pairs:
        children[parent_id].append(field_id)
    found: list[int] = []
    pending = list(field_ids)
    while pending:
        current = pending.pop()
        if current not in found:
            found.append(current)
            pending.extend(children[current])
    return found

"""What a summary report counts: agreements per field, party, status and year, and its register.

Plain data built either from the database's facet counts (a filter) or from the rows
themselves (hand-picked agreements); both give the same numbers for the same agreements.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from models.fields import PATH_SEPARATOR
from models.query import AgreementRow, Facets, FieldNode, PartyEntry
from models.text import fold
from models.vocab import Status
from reports.describe import date_text, join_words

REGISTER_PARTIES = 12  # more names than this in one register cell become "and N more"


@dataclass(frozen=True)
class Overview:
    """Counts of the agreements in a report; an agreement in two fields counts in each."""

    total: int
    fields: tuple[tuple[str, int], ...]
    parties: tuple[tuple[str, int], ...]
    statuses: tuple[tuple[Status, int], ...]
    years: tuple[tuple[int, int], ...]
    undated: int

    def top_fields(self) -> list[tuple[str, int]]:
        """Top-level fields (each counting its subfields), most agreements first."""
        top = [(name, n) for name, n in self.fields if PATH_SEPARATOR not in name]
        return sorted(top, key=lambda item: (-item[1], fold(item[0])))


def _overview(
    total: int,
    fields: dict[str, int],
    parties: dict[str, int],
    statuses: dict[Status, int],
    years: dict[int, int],
) -> Overview:
    return Overview(
        total=total,
        fields=tuple(sorted(((k, n) for k, n in fields.items() if n), key=lambda i: fold(i[0]))),
        parties=tuple(
            sorted(((k, n) for k, n in parties.items() if n), key=lambda i: (-i[1], fold(i[0])))
        ),
        statuses=tuple((status, statuses[status]) for status in Status if statuses.get(status)),
        years=tuple(sorted((year, n) for year, n in years.items() if n)),
        undated=total - sum(years.values()),
    )


def overview_from_facets(
    facets: Facets, total: int, fields: Sequence[FieldNode], parties: Sequence[PartyEntry]
) -> Overview:
    """The overview of a filter, from facet_counts(..., exclude_own=False)."""
    paths = {node.id: node.path for node in fields}
    names = {entry.id: entry.name for entry in parties}
    return _overview(
        total,
        {paths[i]: n for i, n in facets.fields.items() if i in paths},
        {names[i]: n for i, n in facets.parties.items() if i in names},
        dict(facets.statuses),
        dict(facets.years),
    )


class RowCounts:
    """Counts gathered one row at a time, so the rows themselves need not be kept."""

    def __init__(self) -> None:
        self.total = 0
        self.fields: Counter[str] = Counter()
        self.parties: Counter[str] = Counter()
        self.statuses: Counter[Status] = Counter()
        self.years: Counter[int] = Counter()

    def add(self, row: AgreementRow) -> None:
        self.total += 1
        self.fields.update(_with_ancestors(row.fields))
        self.parties.update(set(row.parties))
        self.statuses[row.status] += 1
        if row.signed_on:
            self.years[row.signed_on.year] += 1

    def overview(self) -> Overview:
        return _overview(
            self.total, dict(self.fields), dict(self.parties), dict(self.statuses), dict(self.years)
        )


def _with_ancestors(paths: Iterable[str]) -> set[str]:
    """'Transport > Rail' -> {'Transport', 'Transport > Rail'}."""
    found: set[str] = set()
    for path in paths:
        parts = path.split(PATH_SEPARATOR)
        found.update(PATH_SEPARATOR.join(parts[:depth]) for depth in range(1, len(parts) + 1))
    return found


# ----------------------------------------------------------------- the register


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register: what a reader scans before turning to the agreement."""

    number: int
    agreement_id: int
    title: str
    kind: str
    status: str
    signed: str
    parties: str


def register_row(number: int, row: AgreementRow) -> RegisterRow:
    return RegisterRow(
        number=number,
        agreement_id=row.id,
        title=row.title,
        kind=row.kind.label,
        status=row.status.label,
        signed=date_text(row.signed_on),
        parties=parties_cell(row.parties),
    )


def parties_cell(names: Sequence[str], limit: int = REGISTER_PARTIES) -> str:
    """All the names, or the first *limit* and how many more (the section lists them all)."""
    if not names:
        return "none recorded"
    if len(names) <= limit:
        return join_words(list(names))
    return f"{', '.join(names[:limit])} and {len(names) - limit} more"

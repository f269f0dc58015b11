"""Agreements read for an export with Core selects: plain text cells, no ORM rows.

An export of 100,000 agreements spent most of its time making objects it wrote out again
at once: an AgreementRow per agreement, a PartialDate per stored date, a vocabulary
member per kind and status. Here the stored text is read as it is (dates are kept as
their ISO text, vocabularies as their values), each stored date is made canonical once
per distinct value, and party names and field paths are looked up in dictionaries read
once per export. The cells are those of agreement_record.csv_cells, which `list` writes;
tests/models/test_exchange_rows.py compares the two.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from models.agreement_record import LIST_SEPARATOR, TERM_COLUMNS
from models.dates import PartialDate
from models.fields import field_paths
from models.parties import exchange_code
from models.schema import (
    Action,
    Agreement,
    Milestone,
    Participation,
    Party,
    Relation,
    agreement_fields,
)
from models.text import fold

_A = Agreement.__table__
_P = Participation.__table__


def _raw(column: Any) -> Any:
    """The column's stored text, without the type's conversion to a Python object."""
    return type_coerce(column, String).label(column.name)


# The CSV columns in agreement_record.EXPORT_CSV_COLUMNS order, read as stored.
_CSV_SELECT = select(
    _A.c.id,
    _A.c.title,
    _raw(_A.c.kind),
    _raw(_A.c.status),
    _raw(_A.c.signed_on),
    _A.c.signed_at,
    _raw(_A.c.entry_into_force),
    _raw(_A.c.expires_on),
    _A.c.summary,
    _A.c.source_url,
    _A.c.notes,
    _raw(_A.c.level),
    *(_A.c[name] for name in TERM_COLUMNS),
)


class _Dates:
    """Stored dates as PartialDate.iso() writes them, each distinct value worked out once."""

    def __init__(self) -> None:
        self.dates: dict[str, str] = {}

    def date(self, stored: str | None) -> str:
        """The date's text, or '' for none (a CSV cell)."""
        return "" if stored is None else self.optional_date(stored) or ""

    def optional_date(self, stored: str | None) -> str | None:
        """The date's text, or None for none (a JSON value)."""
        if stored is None:
            return None
        text = self.dates.get(stored)
        if text is None:
            text = self.dates[stored] = PartialDate.parse(stored).iso()
        return text


class CsvCells(_Dates):
    """The CSV cells of agreements, a batch of ids at a time, as csv_cells() makes them."""

    def __init__(self, session: Session, party_cells: dict[str, str]) -> None:
        super().__init__()
        self.connection = session.connection()
        paths = field_paths(session)
        self.paths = paths
        self.order = {field_id: fold(path) for field_id, path in paths.items()}
        # What a CSV cell holds for each party: its name, or its code where the name
        # would be read back as another party (agreement_record.party_cells).
        self.parties = {
            party_id: party_cells.get(name, name)
            for party_id, name in self.connection.execute(select(Party.id, Party.name))
        }

    def batch(self, ids: Sequence[int]) -> list[tuple[str, ...]]:
        """The cells of these agreements, in the order of *ids* (missing ones left out)."""
        connection, names, paths, order = self.connection, self.parties, self.paths, self.order
        parties: dict[int, list[str]] = defaultdict(list)
        for agreement_id, party_id in connection.execute(
            select(_P.c.agreement_id, _P.c.party_id)
            .where(_P.c.agreement_id.in_(ids))
            .order_by(_P.c.agreement_id, _P.c.position, _P.c.id)
        ).fetchall():
            parties[agreement_id].append(names[party_id])
        fields: dict[int, list[int]] = defaultdict(list)
        for agreement_id, field_id in connection.execute(
            select(agreement_fields.c.agreement_id, agreement_fields.c.field_id).where(
                agreement_fields.c.agreement_id.in_(ids)
            )
        ).fetchall():
            fields[agreement_id].append(field_id)
        found = {}
        date, empty = self.date, ()
        for row in connection.execute(_CSV_SELECT.where(_A.c.id.in_(ids))).fetchall():
            (agreement_id, title, kind, status, signed_on, signed_at, in_force, expires) = row[:8]
            summary, source_url, notes, level, *terms = row[8:]
            linked = sorted(fields.get(agreement_id, empty), key=order.__getitem__)
            found[agreement_id] = (
                title,
                kind,
                status,
                date(signed_on),
                signed_at or "",
                date(in_force),
                date(expires),
                LIST_SEPARATOR.join(parties.get(agreement_id, empty)),
                LIST_SEPARATOR.join([paths[field_id] for field_id in linked]),
                summary,
                source_url or "",
                notes,
                level,
                *[term or "" for term in terms],
            )
        return [found[agreement_id] for agreement_id in ids if agreement_id in found]


# ----------------------------------------------------------------- JSON

_ACTION = Action.__table__
_MILESTONE = Milestone.__table__
_RELATION = Relation.__table__
# The agreement's own columns a JSON object holds, dates and vocabularies as stored.
_JSON_SELECT = select(
    _A.c.id,
    _A.c.title,
    _raw(_A.c.kind),
    _raw(_A.c.level),
    _raw(_A.c.status),
    _raw(_A.c.signed_on),
    _A.c.signed_at,
    _raw(_A.c.entry_into_force),
    _raw(_A.c.expires_on),
    _A.c.summary,
    _A.c.source_url,
    _A.c.notes,
    _A.c.short_title,
    _A.c.alternative_titles,
    _A.c.binding,
    _A.c.entry_into_force_rule,
    _A.c.duration,
    _A.c.renewal,
    *(_A.c[name] for name in TERM_COLUMNS),
    _raw(_A.c.terminated_on),
    _A.c.termination_grounds,
    _A.c.depositary,
    _A.c.languages,
    _A.c.un_registration,
    _A.c.source_citation,
)


class JsonRecords(_Dates):
    """Agreements as JSON objects holding every fact, a batch of ids at a time.

    The keys of `list --format json` (agreement_record.RECORD_KEYS) first, then what only
    JSON carries; each party with its identity code, role, signatory and actions.
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.connection = session.connection()
        paths = field_paths(session)
        self.paths = paths
        self.order = {field_id: fold(path) for field_id, path in paths.items()}
        self.parties = {
            row.id: (row.name, exchange_code(row.iso3, row.org_code), row.kind)
            for row in self.connection.execute(
                select(Party.id, Party.name, Party.iso3, Party.org_code, _raw(Party.kind))
            )
        }

    def batch(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        """The objects of these agreements, in the order of *ids* (missing ones left out)."""
        parties = self._participations(ids)
        fields = self._fields(ids)
        milestones = self._milestones(ids)
        relations = self._relations(ids)
        found = {}
        date, empty = self.optional_date, ()
        for row in self.connection.execute(_JSON_SELECT.where(_A.c.id.in_(ids))).fetchall():
            agreement_id = row.id
            found[agreement_id] = {
                "id": agreement_id,
                "title": row.title,
                "kind": row.kind,
                "level": row.level,
                "status": row.status,
                "signed_on": date(row.signed_on),
                "signed_at": row.signed_at,
                "entry_into_force": date(row.entry_into_force),
                "expires_on": date(row.expires_on),
                "parties": parties.get(agreement_id, []),
                "fields": fields.get(agreement_id, []),
                "summary": row.summary,
                "source_url": row.source_url,
                "notes": row.notes,
                "short_title": row.short_title,
                "alternative_titles": list(row.alternative_titles or empty),
                "binding": row.binding,
                "entry_into_force_rule": row.entry_into_force_rule,
                "duration": row.duration,
                "renewal": row.renewal,
                **{name: getattr(row, name) for name in TERM_COLUMNS},
                "terminated_on": date(row.terminated_on),
                "termination_grounds": row.termination_grounds,
                "depositary": row.depositary,
                "languages": list(row.languages or empty),
                "un_registration": row.un_registration,
                "source_citation": row.source_citation,
                "milestones": milestones.get(agreement_id, []),
                "relations": relations.get(agreement_id, []),
            }
        return [found[agreement_id] for agreement_id in ids if agreement_id in found]

    def _participations(self, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        date = self.optional_date
        actions: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for participation_id, kind, deposited_on, effective_on, text in self.connection.execute(
            select(
                _ACTION.c.participation_id,
                _raw(_ACTION.c.type),
                _raw(_ACTION.c.deposited_on),
                _raw(_ACTION.c.effective_on),
                _ACTION.c.text,
            )
            .join(_P, _P.c.id == _ACTION.c.participation_id)
            .where(_P.c.agreement_id.in_(ids))
            .order_by(_ACTION.c.participation_id, _ACTION.c.position, _ACTION.c.id)
        ).fetchall():
            actions[participation_id].append(
                {
                    "type": kind,
                    "deposited_on": date(deposited_on),
                    "effective_on": date(effective_on),
                    "text": text,
                }
            )
        found: dict[int, list[dict[str, Any]]] = defaultdict(list)
        parties = self.parties
        for participation_id, agreement_id, party_id, role, name, title in self.connection.execute(
            select(
                _P.c.id,
                _P.c.agreement_id,
                _P.c.party_id,
                _raw(_P.c.role),
                _P.c.signatory_name,
                _P.c.signatory_title,
            )
            .where(_P.c.agreement_id.in_(ids))
            .order_by(_P.c.agreement_id, _P.c.position, _P.c.id)
        ).fetchall():
            party_name, code, kind = parties[party_id]
            found[agreement_id].append(
                {
                    "name": party_name,
                    "code": code,
                    "kind": kind,
                    "role": role,
                    "signatory_name": name,
                    "signatory_title": title,
                    "actions": actions.get(participation_id, []),
                }
            )
        return found

    def _fields(self, ids: Sequence[int]) -> dict[int, list[str]]:
        linked: dict[int, list[int]] = defaultdict(list)
        for agreement_id, field_id in self.connection.execute(
            select(agreement_fields.c.agreement_id, agreement_fields.c.field_id).where(
                agreement_fields.c.agreement_id.in_(ids)
            )
        ).fetchall():
            linked[agreement_id].append(field_id)
        paths, order = self.paths, self.order
        return {
            agreement_id: [paths[f] for f in sorted(field_ids, key=order.__getitem__)]
            for agreement_id, field_ids in linked.items()
        }

    def _milestones(self, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        date = self.optional_date
        found: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for agreement_id, kind, on, description in self.connection.execute(
            select(
                _MILESTONE.c.agreement_id,
                _raw(_MILESTONE.c.kind),
                _raw(_MILESTONE.c.on),
                _MILESTONE.c.description,
            )
            .where(_MILESTONE.c.agreement_id.in_(ids))
            .order_by(_MILESTONE.c.agreement_id, _MILESTONE.c.position, _MILESTONE.c.id)
        ).fetchall():
            found[agreement_id].append({"kind": kind, "on": date(on), "description": description})
        return found

    def _relations(self, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        """Each agreement's own relations (not those pointing at it: the other side writes those).

        The other agreement goes by id, for a file that holds it too, and by title and date,
        for a database that holds it already.
        """
        date = self.optional_date
        found: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for agreement_id, kind, other_id, title, signed_on in self.connection.execute(
            select(
                _RELATION.c.agreement_id,
                _raw(_RELATION.c.type),
                _A.c.id,
                _A.c.title,
                _raw(_A.c.signed_on),
            )
            .join(_A, _A.c.id == _RELATION.c.other_id)
            .where(_RELATION.c.agreement_id.in_(ids))
            .order_by(_RELATION.c.agreement_id, _RELATION.c.id)
        ).fetchall():
            found[agreement_id].append(
                {"type": kind, "id": other_id, "title": title, "signed_on": date(signed_on)}
            )
        return found

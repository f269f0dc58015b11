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

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Select, String, literal_column, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnClause

from models.agreement_record import LIST_SEPARATOR, TERM_COLUMNS
from models.dates import PartialDate, is_canonical
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


AnySelect = Select[*tuple[Any, ...]]  # of any columns

# Where a select takes its batch of agreement ids (see _Rows.fetch).
_IDS: ColumnClause[Any] = literal_column("(__ids__)")


class _Rows:
    """The rows of Core selects as the database driver gives them, a batch of ids at a time.

    On an export of 100,000 agreements SQLAlchemy's result rows and its IN of 500 bound
    values cost as much as the database's own work: here each select is compiled once
    for each length of batch, and the driver's cursor is read. The same text for every
    full batch lets the driver keep the statement prepared.
    """

    def __init__(self, session: Session) -> None:
        connection = session.connection()
        self.dialect = connection.dialect
        self.cursor = connection.connection.cursor()
        self.compiled: dict[tuple[AnySelect, int], str] = {}
        self.marker = _MARKERS.get(self.dialect.paramstyle)

    def fetch(self, statement: AnySelect, ids: Sequence[int]) -> Sequence[Any]:
        """The rows of *statement* for the agreements *ids* (plain tuples)."""
        if not ids:
            return []
        if self.marker is None:  # a driver with other placeholders: the ids written in
            return self._execute(statement, 0, ",".join([str(int(i)) for i in ids]))
        return self._execute(statement, len(ids), ",".join([self.marker] * len(ids)), ids)

    def all(self, statement: AnySelect) -> Sequence[Any]:
        """The rows of *statement*, which takes no ids (plain tuples)."""
        return self._execute(statement, 0, "")

    def _execute(
        self, statement: AnySelect, size: int, markers: str, ids: Sequence[int] = ()
    ) -> Sequence[Any]:
        sql = self.compiled.get((statement, size))
        if sql is None:
            compiled = statement.compile(dialect=self.dialect)
            assert not compiled.params, "a select read this way takes no bound values"
            sql = str(compiled).replace("__ids__", markers)
            if size:
                self.compiled[statement, size] = sql
        self.cursor.execute(sql, tuple(ids))
        return self.cursor.fetchall()


# Each driver's placeholder for a bound value, by DB-API paramstyle.
_MARKERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


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
).where(_A.c.id.op("IN")(_IDS))
_CSV_PARTIES_SELECT = (
    select(_P.c.agreement_id, _P.c.party_id)
    .where(_P.c.agreement_id.op("IN")(_IDS))
    .order_by(_P.c.agreement_id, _P.c.position, _P.c.id)
)
_FIELDS_SELECT = select(agreement_fields.c.agreement_id, agreement_fields.c.field_id).where(
    agreement_fields.c.agreement_id.op("IN")(_IDS)
)


class _Encoded(dict[Any, str]):
    """Values and their JSON text, each worked out by *encode* the first time it is asked for."""

    def __init__(self, encode: Callable[[Any], str]) -> None:
        super().__init__()
        self.encode = encode

    def __missing__(self, value: Any) -> str:
        text = self[value] = self.encode(value)
        return text


class _Dates:
    """Stored dates as PartialDate.iso() writes them, each distinct value worked out once."""

    def __init__(self) -> None:
        self.dates: dict[str, str] = {}
        # Each stored date's CSV cell ('' for none), looked up as a dictionary: no call.
        self.date_cells = _Encoded(lambda stored: self.optional_date(stored) or "")

    def optional_date(self, stored: str | None) -> str | None:
        """The date's text, or None for none (a JSON value)."""
        if stored is None:
            return None
        text = self.dates.get(stored)
        if text is None:
            text = stored if is_canonical(stored) else PartialDate.parse(stored).iso()
            self.dates[stored] = text
        return text


class CsvCells(_Dates):
    """The CSV cells of agreements, a batch of ids at a time, as csv_cells() makes them."""

    def __init__(self, session: Session, party_cells: dict[str, str]) -> None:
        super().__init__()
        self.rows = _Rows(session)
        paths = field_paths(session)
        self.paths = paths
        self.order = {field_id: fold(path) for field_id, path in paths.items()}
        # What a CSV cell holds for each party: its name, or its code where the name
        # would be read back as another party (agreement_record.party_cells).
        self.parties = {
            party_id: party_cells.get(name, name)
            for party_id, name in self.rows.all(select(Party.id, Party.name))
        }

    def batch(self, ids: Sequence[int]) -> list[tuple[str, ...]]:
        """The cells of these agreements, in the order of *ids* (missing ones left out)."""
        rows, names, paths, order = self.rows, self.parties, self.paths, self.order
        parties: dict[int, list[str]] = defaultdict(list)
        for agreement_id, party_id in rows.fetch(_CSV_PARTIES_SELECT, ids):
            parties[agreement_id].append(names[party_id])
        fields: dict[int, list[int]] = defaultdict(list)
        for agreement_id, field_id in rows.fetch(_FIELDS_SELECT, ids):
            fields[agreement_id].append(field_id)
        found = {}
        date, empty = self.date_cells, ()
        for row in rows.fetch(_CSV_SELECT, ids):
            (agreement_id, title, kind, status, signed_on, signed_at, in_force, expires) = row[:8]
            summary, source_url, notes, level, *terms = row[8:]
            linked = sorted(fields.get(agreement_id, empty), key=order.__getitem__)
            found[agreement_id] = (
                title,
                kind,
                status,
                date[signed_on],
                signed_at or "",
                date[in_force],
                date[expires],
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
# The agreement's own columns a JSON object holds, dates and vocabularies as stored: those
# written as they are first, then free text (see JsonRecords.batch).
_JSON_SELECT = select(
    _A.c.id,
    _raw(_A.c.kind),
    _raw(_A.c.level),
    _raw(_A.c.status),
    _raw(_A.c.signed_on),
    _raw(_A.c.entry_into_force),
    _raw(_A.c.expires_on),
    _raw(_A.c.terminated_on),
    _raw(_A.c.alternative_titles),
    _raw(_A.c.languages),
    _A.c.binding,
    _A.c.title,
    _A.c.signed_at,
    _A.c.summary,
    _A.c.source_url,
    _A.c.notes,
    _A.c.short_title,
    _A.c.entry_into_force_rule,
    _A.c.duration,
    _A.c.renewal,
    *(_A.c[name] for name in TERM_COLUMNS),
    _A.c.termination_grounds,
    _A.c.depositary,
    _A.c.un_registration,
    _A.c.source_citation,
).where(_A.c.id.op("IN")(_IDS))
_FREE_TEXT = 11  # the first free-text column of _JSON_SELECT
_ACTIONS_SELECT = (
    select(
        _ACTION.c.participation_id,
        _raw(_ACTION.c.type),
        _raw(_ACTION.c.deposited_on),
        _raw(_ACTION.c.effective_on),
        _ACTION.c.text,
    )
    .join(_P, _P.c.id == _ACTION.c.participation_id)
    .where(_P.c.agreement_id.op("IN")(_IDS))
    .order_by(_ACTION.c.participation_id, _ACTION.c.position, _ACTION.c.id)
)
_PARTICIPATIONS_SELECT = (
    select(
        _P.c.id,
        _P.c.agreement_id,
        _P.c.party_id,
        _raw(_P.c.role),
        _P.c.signatory_name,
        _P.c.signatory_title,
    )
    .where(_P.c.agreement_id.op("IN")(_IDS))
    .order_by(_P.c.agreement_id, _P.c.position, _P.c.id)
)
_MILESTONES_SELECT = (
    select(
        _MILESTONE.c.agreement_id,
        _raw(_MILESTONE.c.kind),
        _raw(_MILESTONE.c.on),
        _MILESTONE.c.description,
    )
    .where(_MILESTONE.c.agreement_id.op("IN")(_IDS))
    .order_by(_MILESTONE.c.agreement_id, _MILESTONE.c.position, _MILESTONE.c.id)
)
# Each agreement's own relations (not those pointing at it: the other side writes those).
# The other agreement goes by id, for a file that holds it too, and by title and date,
# for a database that holds it already.
_RELATIONS_SELECT = (
    select(
        _RELATION.c.agreement_id,
        _raw(_RELATION.c.type),
        _A.c.id,
        _A.c.title,
        _raw(_A.c.signed_on),
    )
    .join(_A, _A.c.id == _RELATION.c.other_id)
    .where(_RELATION.c.agreement_id.op("IN")(_IDS))
    .order_by(_RELATION.c.agreement_id, _RELATION.c.id)
)

# A JSON export writes a string with json's own C function, ensure_ascii=False as before.
_string = json.encoder.encode_basestring
_BOOLEANS = {None: "null", False: "false", True: "true"}  # SQLite gives 0 and 1: equal keys


# The lines of an agreement's terms, each term's JSON put in its place by str.format.
_TERM_LINES = "".join([f'    "{name}": {{}},\n' for name in TERM_COLUMNS])


def _text(value: str | None) -> str:
    """A string or null as JSON."""
    return "null" if value is None else _string(value)


class JsonText(NamedTuple):
    """One agreement's JSON object, already written out (see JsonRecords).

    A tuple: a frozen dataclass is three times as slow to make, 100,000 times an export."""

    id: int
    text: str


class JsonRecords(_Dates):
    """Agreements as the text of JSON objects holding every fact, a batch of ids at a time.

    The keys of `list --format json` (agreement_record.RECORD_KEYS) first, then what only
    JSON carries; each party with its identity code, role, signatory and actions. A key
    per line, a party, milestone or relation per line, compact within.

    Written straight from the rows as text: building a dictionary per agreement, party,
    act and milestone and handing each to the encoder was four fifths of an export of
    100,000 agreements. Rows come from the driver itself (see _Rows).
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.rows = _Rows(session)
        paths = field_paths(session)
        self.paths = {field_id: _string(path) for field_id, path in paths.items()}
        self.order = {field_id: fold(path) for field_id, path in paths.items()}
        # The start of each party's object, the same wherever the party takes part.
        self.parties = {
            party_id: (
                f'{{"name": {_string(name)}, "code": {_text(exchange_code(iso3, org_code))}, '
                f'"kind": {_text(kind)}, "role": '
            )
            for party_id, name, iso3, org_code, kind in self.rows.all(
                select(Party.id, Party.name, Party.iso3, Party.org_code, _raw(Party.kind))
            )
        }
        # Each stored date, and each vocabulary value, as JSON: worked out once per value.
        self.dates_json = _Encoded(lambda stored: _text(self.optional_date(stored)))
        self.words = _Encoded(_text)
        self.lists: dict[str, str] = {}

    def list_json(self, stored: Any) -> str:
        """A JSON column's list (titles, languages) as compact JSON: [] for none.

        SQLite hands over the stored text, decoded once per distinct value; PostgreSQL
        the decoded list."""
        if stored is None:
            return "[]"
        if isinstance(stored, str):
            text = self.lists.get(stored)
            if text is None:
                text = self.lists[stored] = _compact(list(json.loads(stored) or ()))
            return text
        return _compact(list(stored))

    def batch(self, ids: Sequence[int]) -> list[JsonText]:
        """The objects of these agreements, in the order of *ids* (missing ones left out)."""
        parties = self._participations(ids)
        fields = self._fields(ids)
        milestones = self._milestones(ids)
        relations = self._relations(ids)
        found = {}
        dates, words, lists, encode, empty = (
            self.dates_json,
            self.words,
            self.list_json,
            _string,
            "[]",
        )
        for row in self.rows.fetch(_JSON_SELECT, ids):
            (agreement_id, kind, level, status, signed_on, in_force, expires, ended) = row[:8]
            (alternative_titles, languages, binding) = row[8:_FREE_TEXT]
            (title, place, summary, url, notes, short_title, rule, duration, renewal) = (
                texts := ["null" if t is None else encode(t) for t in row[_FREE_TEXT:]]
            )[:9]
            term_lines = _TERM_LINES.format(*texts[9 : 9 + len(TERM_COLUMNS)])
            (grounds, depositary, registration, citation) = texts[9 + len(TERM_COLUMNS) :]
            found[agreement_id] = (
                "  {\n"
                f'    "id": {agreement_id},\n'
                f'    "title": {title},\n'
                f'    "kind": {words[kind]},\n'
                f'    "level": {words[level]},\n'
                f'    "status": {words[status]},\n'
                f'    "signed_on": {dates[signed_on]},\n'
                f'    "signed_at": {place},\n'
                f'    "entry_into_force": {dates[in_force]},\n'
                f'    "expires_on": {dates[expires]},\n'
                f'    "parties": {_objects(parties.get(agreement_id))},\n'
                f'    "fields": {fields.get(agreement_id, empty)},\n'
                f'    "summary": {summary},\n'
                f'    "source_url": {url},\n'
                f'    "notes": {notes},\n'
                f'    "short_title": {short_title},\n'
                f'    "alternative_titles": {lists(alternative_titles)},\n'
                f'    "binding": {_BOOLEANS[binding]},\n'
                f'    "entry_into_force_rule": {rule},\n'
                f'    "duration": {duration},\n'
                f'    "renewal": {renewal},\n'
                f"{term_lines}"
                f'    "terminated_on": {dates[ended]},\n'
                f'    "termination_grounds": {grounds},\n'
                f'    "depositary": {depositary},\n'
                f'    "languages": {lists(languages)},\n'
                f'    "un_registration": {registration},\n'
                f'    "source_citation": {citation},\n'
                f'    "milestones": {_objects(milestones.get(agreement_id))},\n'
                f'    "relations": {_objects(relations.get(agreement_id))}\n'
                "  }"
            )
        return [JsonText(i, found[i]) for i in ids if i in found]

    def _participations(self, ids: Sequence[int]) -> dict[int, list[str]]:
        dates, words = self.dates_json, self.words
        actions: dict[int, list[str]] = defaultdict(list)
        for participation_id, kind, deposited_on, effective_on, text in self.rows.fetch(
            _ACTIONS_SELECT, ids
        ):
            actions[participation_id].append(
                f'{{"type": {words[kind]}, "deposited_on": {dates[deposited_on]}, '
                f'"effective_on": {dates[effective_on]}, "text": {_text(text)}}}'
            )
        found: dict[int, list[str]] = defaultdict(list)
        parties, encode, get = self.parties, _string, actions.get
        for participation_id, agreement_id, party_id, role, name, title in self.rows.fetch(
            _PARTICIPATIONS_SELECT, ids
        ):
            # Inline, not through _text: this runs once for each of half a million parties.
            acts = get(participation_id)
            found[agreement_id].append(
                f"{parties[party_id]}{words[role]}, "
                f'"signatory_name": {"null" if name is None else encode(name)}, '
                f'"signatory_title": {"null" if title is None else encode(title)}, '
                f'"actions": [{"" if acts is None else ", ".join(acts)}]}}'
            )
        return found

    def _fields(self, ids: Sequence[int]) -> dict[int, str]:
        linked: dict[int, list[int]] = defaultdict(list)
        for agreement_id, field_id in self.rows.fetch(_FIELDS_SELECT, ids):
            linked[agreement_id].append(field_id)
        paths, order = self.paths, self.order
        return {
            agreement_id: "["
            + ", ".join([paths[f] for f in sorted(f_ids, key=order.__getitem__)])
            + "]"
            for agreement_id, f_ids in linked.items()
        }

    def _milestones(self, ids: Sequence[int]) -> dict[int, list[str]]:
        dates, words = self.dates_json, self.words
        found: dict[int, list[str]] = defaultdict(list)
        for agreement_id, kind, on, description in self.rows.fetch(_MILESTONES_SELECT, ids):
            found[agreement_id].append(
                f'{{"kind": {words[kind]}, "on": {dates[on]}, "description": {_text(description)}}}'
            )
        return found

    def _relations(self, ids: Sequence[int]) -> dict[int, list[str]]:
        dates, words = self.dates_json, self.words
        found: dict[int, list[str]] = defaultdict(list)
        for agreement_id, kind, other_id, title, signed_on in self.rows.fetch(
            _RELATIONS_SELECT, ids
        ):
            found[agreement_id].append(
                f'{{"type": {words[kind]}, "id": {other_id}, "title": {_text(title)}, '
                f'"signed_on": {dates[signed_on]}}}'
            )
        return found


def _objects(items: list[str] | None) -> str:
    """A list of compact objects, one a line: [] when there are none."""
    if not items:
        return "[]"
    return "[\n      " + ",\n      ".join(items) + "\n    ]"


def json_value(value: Any) -> str:
    """Any value as a JSON object's member holds it: a list of objects one a line, else compact.

    For what is added to an agreement's text after it is written (its attachments)."""
    if value.__class__ is list and value and value[0].__class__ is dict:
        return _objects([_compact(item) for item in value])
    return _compact(value)


def _compact_encoder() -> Callable[[Any], str]:
    """JSONEncoder(ensure_ascii=False).encode, its C encoder made once, not once per value.

    encode() builds a new C encoder for every call. Without the check for circular
    references, which plain rows read from the database never have.
    """
    encoder = json.JSONEncoder(ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # an interpreter without the C accelerator
        return encoder.encode
    chunks = make(
        None,
        encoder.default,
        json.encoder.encode_basestring,
        None,
        encoder.key_separator,
        encoder.item_separator,
        False,
        False,
        True,
    )
    return lambda value: "".join(chunks(value, 0))


_compact = _compact_encoder()

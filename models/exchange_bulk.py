"""Recording many new agreements at once, stored exactly as service.create would store them.

service.create goes through the ORM one agreement at a time, far too slow for a file of
100,000 rows. Here every distinct party and field name is resolved once (through
parties.resolve_party and fields.resolve_field, so the rules are the same), then the
rows go in with Core executemany in chunks, inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, func, insert, select, text
from sqlalchemy.orm import Session

from models.audit import record_many
from models.dates import PartialDate
from models.deadline_store import CONSENTING_ROLES, store_deadlines, terms_of
from models.deadlines import DeadlineSource
from models.fast_insert import insert_many
from models.fields import path_key, resolve_field, split_path
from models.parties import resolve_party
from models.revision import one_revision_step
from models.schema import Action, Agreement, Milestone, Participation, agreement_fields, utcnow
from models.search_index import index_new, index_row, party_words
from models.service import (
    DATE_FIELDS,
    OPTIONAL_TEXT_FIELDS,
    AgreementInput,
    ParticipationInput,
    parsed_date,
)
from models.terms import TERM_FIELDS, canonical
from models.text import TITLE_KEY_LENGTH, fold, sort_key
from models.users import current_user
from models.vocab import (
    CONSENT_ACTIONS,
    ActionType,
    Kind,
    Level,
    MilestoneKind,
    PartyKind,
    Role,
    Status,
    Vocabulary,
)
from models.write_behind import remember, remembered, write_behind

CHUNK = 1000
_AGREEMENTS = Agreement.__table__
_PARTICIPATIONS = Participation.__table__
_ACTIONS = Action.__table__
_MILESTONES = Milestone.__table__


@lru_cache(maxsize=65536)
def party_key(name: str) -> str:
    """The folded spelling resolve_party looks a name up by (cached: names repeat a lot)."""
    return fold(" ".join(name.split())).strip()


def named(parties: list[ParticipationInput]) -> list[ParticipationInput]:
    """The participations service.create keeps: those with a name."""
    return [item for item in parties if item.party.strip()]


@contextmanager
def bulk_insert(session: Session, *, user: str | None = None) -> Iterator[BulkInserter]:
    """A BulkInserter whose agreements, however many add() calls bring, move the data
    revision on once."""
    with one_revision_step(session.connection()), write_behind(session.connection()):
        yield BulkInserter(session, user or current_user())


class BulkInserter:
    """New agreements stored a batch at a time, so a file of millions never is in memory at
    once; each party and field name is resolved once for all batches."""

    def __init__(self, session: Session, user: str) -> None:
        self.session = session
        self.user = user
        self.now = utcnow()
        self.party_ids: dict[str, int] = {}
        self.field_ids: dict[str, int] = {}
        self.ids: list[int] = []  # of every agreement stored so far, in order
        self.party_texts: dict[int, tuple[str, str | None]] = {}  # id -> name, its aliases

    def add(
        self,
        inputs: Sequence[AgreementInput],
        after_chunk: Callable[[int], None] = lambda done: None,
    ) -> None:
        """Store *inputs*; *after_chunk* gets the number stored so far (all batches)."""
        keys = [sort_key(d.title) for d in inputs]
        resolve_parties(self.session, inputs, self.party_ids)
        resolve_fields(self.session, inputs, self.field_ids)
        connection = self.session.connection()
        _insert_all(
            connection,
            inputs,
            keys,
            self.party_ids,
            self.field_ids,
            self.now,
            self.user,
            self.ids,
            after_chunk,
            self.party_texts,
        )


def _insert_all(
    connection: Connection,
    inputs: Sequence[AgreementInput],
    keys: list[str],
    party_ids: dict[str, int],
    field_ids: dict[str, int],
    now: datetime,
    user: str,
    ids: list[int],
    after_chunk: Callable[[int], None],
    party_texts: dict[int, tuple[str, str | None]],
) -> None:
    for start in range(0, len(inputs), CHUNK):
        chunk = inputs[start : start + CHUNK]
        rows = [
            agreement_row(data, now, key, user)
            for data, key in zip(chunk, keys[start : start + CHUNK], strict=True)
        ]
        # Each agreement's named participations, worked out once for the four uses below.
        parties = [named(data.parties) for data in chunk]
        new = _insert_chunk(connection, chunk, parties, rows, party_ids, field_ids)
        _index_and_deadlines(connection, new, parties, rows, party_ids, party_texts)
        record_many(
            connection,
            [
                _audit_row(agreement_id, data, items, row, now, user)
                for agreement_id, data, items, row in zip(new, chunk, parties, rows, strict=True)
            ],
        )
        ids.extend(new)
        after_chunk(len(ids))


def _index_and_deadlines(
    connection: Connection,
    ids: list[int],
    parties: list[list[ParticipationInput]],
    rows: list[dict[str, Any]],
    party_ids: dict[str, int],
    party_texts: dict[int, tuple[str, str | None]],
) -> None:
    """Index and compute the deadlines of new agreements from the rows just inserted, as
    update_search_index and refresh_deadlines would from the database (no reading back).
    *parties*: each agreement's named participations."""
    wanted = {party_ids[party_key(item.party)] for items in parties for item in items}
    party_texts.update(_party_texts(connection, wanted - party_texts.keys()))
    index_rows = []
    found: dict[int, DeadlineSource] = {}
    for agreement_id, items, row in zip(ids, parties, rows, strict=True):
        words: list[tuple[int, str, str, str, str]] = []
        consents: dict[str, PartialDate | None] = {}
        for item in items:
            party_id = party_ids[party_key(item.party)]
            name, aliases = party_texts[party_id]
            signatory = (item.signatory_name.strip(), item.signatory_title.strip())
            words.append((party_id, name, *signatory, aliases or ""))
            if _member(Role, item.role) in CONSENTING_ROLES:
                consents[name] = _first_consent(item)
        index_rows.append(
            index_row(
                agreement_id,
                [row["title"], row["short_title"] or "", *row["alternative_titles"]],
                [row["summary"], row["notes"], row["depositary"], row["un_registration"]],
                row["signed_at"],
                # By party, as SQLite reads them back (its key on participations).
                party_words(text for entry in sorted(words) for text in entry[1:]),
                # The title's words, as sort_key gave them (unless it cut them short).
                row["title_key"] if len(row["title_key"]) < TITLE_KEY_LENGTH else None,
            )
        )
        found[agreement_id] = DeadlineSource(
            terms=terms_of(*(row[name] for name, _, _ in TERM_FIELDS)),
            signed_on=row["signed_on"],
            entry_into_force=row["entry_into_force"],
            expires_on=row["expires_on"],
            terminated_on=row["terminated_on"],
            consents=consents,
        )
    index_new(connection, index_rows)
    store_deadlines(connection, found)


def _first_consent(item: ParticipationInput) -> PartialDate | None:
    """The date of a party's first consent to be bound, as deadline_store reads it."""
    dates = []
    for action in item.actions:
        if _member(ActionType, action.type) in CONSENT_ACTIONS:
            when = _date(action.deposited_on) or _date(action.effective_on)
            if when is not None:
                dates.append(when)
    return min(dates) if dates else None


_PARTY_TEXTS = text(
    "SELECT p.id, p.name, (SELECT group_concat(a.alias, ' ') FROM party_aliases a "
    "WHERE a.party_id = p.id) FROM parties p WHERE p.id IN :ids"
).bindparams(bindparam("ids", expanding=True))
_PG_PARTY_TEXTS = text(
    "SELECT p.id, p.name, (SELECT string_agg(a.alias, ' ') FROM party_aliases a "
    "WHERE a.party_id = p.id) FROM parties p WHERE p.id IN :ids"
).bindparams(bindparam("ids", expanding=True))


def _party_texts(connection: Connection, ids: set[int]) -> dict[int, tuple[str, str | None]]:
    """Each party's name and aliases as the search index reads them (search_index)."""
    statement = _PG_PARTY_TEXTS if connection.dialect.name == "postgresql" else _PARTY_TEXTS
    found = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        for party_id, name, aliases in connection.execute(
            statement, {"ids": wanted[start : start + 500]}
        ):
            found[party_id] = (name, aliases)
    return found


def resolve_parties(
    session: Session, inputs: Sequence[AgreementInput], known: dict[str, int] | None = None
) -> dict[str, int]:
    """Folded spelling -> party id for every party named, creating those that are new.

    *known* (updated and returned) holds the spellings resolved before.
    """
    known = {} if known is None else known
    found: dict[str, Any] = {}
    for data in inputs:
        for item in named(data.parties):
            key = party_key(item.party)
            if key not in known and key not in found:
                kind = _member(PartyKind, item.party_kind)
                found[key] = resolve_party(session, item.party, kind)
    session.flush()
    known.update((key, party.id) for key, party in found.items())
    return known


@lru_cache(maxsize=65536)
def field_key(path: str) -> str:
    """The folded path resolve_field looks a field up by (cached: paths repeat a lot)."""
    return path_key(split_path(path))


def resolve_fields(
    session: Session, inputs: Sequence[AgreementInput], known: dict[str, int] | None = None
) -> dict[str, int]:
    """Folded path -> field id for every field named, creating those (and parents) that are new.

    *known* (updated and returned) holds the paths resolved before.
    """
    known = {} if known is None else known
    found: dict[str, Any] = {}
    for data in inputs:
        for path in data.fields:
            key = field_key(path)
            if key not in known and key not in found:
                found[key] = resolve_field(session, path)
    session.flush()
    known.update((key, item.id) for key, item in found.items())
    return known


def _text(value: str) -> str | None:
    return value.strip() or None


_V = TypeVar("_V", bound=Vocabulary)


@lru_cache(maxsize=4096)
def _member(vocabulary: type[_V], text: str) -> _V:
    """Vocabulary.parse, remembered: a file repeats a handful of values 100,000 times."""
    return vocabulary.parse(text)


# The checking pass's cache (service.parsed_date): one copy of each date, not two.
_date = parsed_date


def _audit_row(
    agreement_id: int,
    data: AgreementInput,
    items: list[ParticipationInput],
    row: dict[str, Any],
    now: datetime,
    user: str,
) -> dict[str, Any]:
    """The log line of one imported agreement: its recorded values, each as [None, value]
    (*items*: its named participations)."""
    changes: dict[str, Any] = {}
    for name, value in row.items():
        if value is None or name in _NOT_LOGGED:
            continue
        kind = type(value)  # by type first: comparing a date with "" costs two calls
        if kind is str or kind is list:
            if not value:
                continue
        elif kind is PartialDate:
            value = value.iso()
        elif isinstance(value, Vocabulary):
            value = value.value
        changes[name] = [None, value]
    parties = [item.party.strip() for item in items]
    if parties:
        changes["parties"] = [None, parties]
    if data.fields:
        changes["fields"] = [None, list(data.fields)]
    return {
        "agreement_id": agreement_id,
        "changed_at": now,
        "changed_by": user,
        "action": "import",
        "changes": changes,
    }


_NOT_LOGGED = frozenset(
    ("title_key", "created_at", "updated_at", "version", "created_by", "updated_by")
)


def agreement_row(
    data: AgreementInput, now: datetime, title_key: str, user: str | None = None
) -> dict[str, Any]:
    """The `agreements` row for *data*, as service._apply fills it."""
    row: dict[str, Any] = {
        "title": " ".join(data.title.split()),
        "title_key": title_key,
        "alternative_titles": [text.strip() for text in data.alternative_titles if text.strip()],
        "kind": _member(Kind, data.kind),
        "level": _member(Level, data.level),
        "status": _member(Status, data.status),
        "binding": data.binding,
        "languages": [language.strip() for language in data.languages if language.strip()],
        "summary": data.summary.strip(),
        "notes": data.notes.strip(),
        "created_at": now,
        "updated_at": now,
        "version": 1,
        "created_by": user,
        "updated_by": user,
    }
    for name in DATE_FIELDS:
        row[name] = _date(getattr(data, name))
    for name in OPTIONAL_TEXT_FIELDS:
        row[name] = _text(getattr(data, name))
    for name, _, _ in TERM_FIELDS:
        row[name] = canonical(name, getattr(data, name))
    return row


def _insert_chunk(
    connection: Connection,
    chunk: Sequence[AgreementInput],
    parties: list[list[ParticipationInput]],
    rows: list[dict[str, Any]],
    party_ids: dict[str, int],
    field_ids: dict[str, int],
) -> list[int]:
    ids = insert_returning(connection, _AGREEMENTS, rows)
    participations, actions = [], []
    links: list[dict[str, Any]] = []
    milestones: list[dict[str, Any]] = []
    for agreement_id, data, items in zip(ids, chunk, parties, strict=True):
        for position, item in enumerate(items):
            participations.append(_participation_row(agreement_id, position, item, party_ids))
            actions.append(item.actions)
        for field_id in dict.fromkeys(field_ids[field_key(path)] for path in data.fields):
            links.append({"agreement_id": agreement_id, "field_id": field_id})
        milestones.extend(
            {
                "agreement_id": agreement_id,
                "kind": _member(MilestoneKind, milestone.kind),
                "on": _date(milestone.on),
                "description": milestone.description.strip(),
                "position": position,
            }
            for position, milestone in enumerate(data.milestones)
        )
    _insert_participations(connection, participations, actions)
    insert_many(connection, agreement_fields, links)
    insert_many(connection, _MILESTONES, milestones)
    return ids


def _participation_row(
    agreement_id: int, position: int, item: ParticipationInput, party_ids: dict[str, int]
) -> dict[str, Any]:
    return {
        "agreement_id": agreement_id,
        "party_id": party_ids[party_key(item.party)],
        "role": _member(Role, item.role),
        "signatory_name": _text(item.signatory_name),
        "signatory_title": _text(item.signatory_title),
        "position": position,
    }


def _insert_participations(
    connection: Connection, rows: list[dict[str, Any]], actions: list[list[Any]]
) -> None:
    if not rows:
        return
    if not any(actions):
        insert_many(connection, _PARTICIPATIONS, rows)
        return
    ids = insert_returning(connection, _PARTICIPATIONS, rows)
    action_rows = [
        {
            "participation_id": participation_id,
            "type": _member(ActionType, action.type),
            "deposited_on": _date(action.deposited_on),
            "effective_on": _date(action.effective_on),
            "text": _text(action.text),
            "position": position,
        }
        for participation_id, items in zip(ids, actions, strict=True)
        for position, action in enumerate(items)
    ]
    insert_many(connection, _ACTIONS, action_rows)


def _has_sequence(connection: Connection) -> bool:
    found = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'")
    ).first()
    return found is not None


def insert_returning(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert *rows* and return their new ids, in the order of the rows."""
    if connection.dialect.name != "sqlite":
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(connection.execute(statement, rows).scalars())
    # SQLite can't promise the order of RETURNING rows, so SQLAlchemy would insert them one
    # at a time. The ids SQLite itself would give (max + 1 on) are set instead: this
    # transaction already holds the write lock (parties and fields were flushed first).
    # For an AUTOINCREMENT table (agreements) the highest id ever given counts too, so that
    # the id of a deleted agreement is never handed out again (undo restores it).
    # Within write_behind() the next id is read once: reading it again would wait for the
    # inserts queued, and only they have added rows since (any other insert forgets it).
    key = ("next id", table.name)
    first = remembered(connection, key, lambda: _next_id(connection, table))
    ids = list(range(first, first + len(rows)))
    insert_many(connection, table, [{**row, "id": new} for row, new in zip(rows, ids, strict=True)])
    remember(connection, key, first + len(rows))
    return ids


def _next_id(connection: Connection, table: Any) -> int:
    last = connection.execute(select(func.max(table.c.id))).scalar() or 0
    sequence = (
        connection.execute(
            text("SELECT seq FROM sqlite_sequence WHERE name = :name"), {"name": table.name}
        ).scalar()
        if _has_sequence(connection)
        else None
    )
    return int(max(last, sequence or 0)) + 1

"""The command line's quick path: a filter's rows and counts from SQLite through sqlite3 alone.

`list` runs on every call of a script, and loading SQLAlchemy and the mapped schema took
longer than the query itself. On an SQLite file at the current schema
(models.sqlite_file) this module compiles the same AgreementFilter and Sort that
models.query compiles with SQLAlchemy to the same SQL on the same tables, and builds the
same AgreementRows and counts (models.participation_counts' tallies, judged by
models.status). What it can't answer the way models.query would — a name it can't
resolve exactly, the due filter, a database without its search table — raises
Unanswerable, and the caller takes the full path instead. tests/test_cli_quick_list.py
holds the two paths to the same output, byte for byte, over random filters.
"""

from __future__ import annotations

import functools
import itertools
import operator
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from models.agreement_row import AgreementRow
from models.dates import PartialDate
from models.field_names import path_from, path_key, split_path
from models.filter_value import NEVER_EMPTY, AgreementFilter, Sort, descendants, fts_query
from models.sorting import SortColumn
from models.status import Dated, ParticipationCounts, tallied_counts
from models.text import fold
from models.vocab import (
    CONSENT_ACTIONS,
    LEAVING_ACTIONS,
    SIGNATURE_ACTIONS,
    ActionType,
    Kind,
    Level,
    Role,
    Status,
)

_FIRST = operator.itemgetter(0)
# The party links of some agreements, in order: party, and 1 for an original signatory.
LINKS = (
    f"SELECT agreement_id, party_id, role = '{Role.ORIGINAL_SIGNATORY.value}' FROM participations"
    " WHERE agreement_id IN ({}) ORDER BY agreement_id, position, id"
)
BATCH = 500  # ids per query, as models.query.iter_rows and models.participation_counts read
SEARCH_TABLE = "agreement_search"  # models.search_index.SEARCH_TABLE
ATTACHMENT_SEARCH_TABLE = "attachment_search"  # models.attachment_search's


class Unanswerable(Exception):
    """The quick path can't give the answer models.query would: take the full path."""


# ----------------------------------------------------------------- names to ids


def party_id(connection: sqlite3.Connection, name: str) -> int:
    """The party a recorded spelling or code names (models.parties.find_party's first look)."""
    key = fold(" ".join(name.split()))  # models.parties._key
    row = connection.execute("SELECT party_id FROM party_aliases WHERE key = ?", (key,)).fetchone()
    if row is None:  # a state known by another name, a typo: models.parties knows more
        raise Unanswerable(name)
    return int(row[0])


def field_id(connection: sqlite3.Connection, name: str) -> int:
    """The field a full path names (models.fields.find_field); partial paths go the full way."""
    parts = split_path(name)
    row = (
        connection.execute("SELECT id FROM fields WHERE key = ?", (path_key(parts),)).fetchone()
        if parts
        else None
    )
    if row is None:
        raise Unanswerable(name)
    return int(row[0])


# ----------------------------------------------------------------- compiling a filter


def placeholders(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def conditions(
    connection: sqlite3.Connection, wanted: AgreementFilter
) -> tuple[list[str], list[Any]]:
    """The WHERE clauses on `agreements` and their parameters (models.query.conditions)."""
    if wanted.is_due():
        raise Unanswerable("the due filter")
    clauses: list[str] = []
    values: list[Any] = []

    def add(clause: str, *parameters: Any) -> None:
        clauses.append(clause)
        values.extend(parameters)

    if wanted.fields:
        ids = descendants(connection.execute("SELECT id, parent_id FROM fields"), wanted.fields)
        add(
            "agreements.id IN (SELECT agreement_id FROM agreement_fields "
            f"WHERE field_id IN ({placeholders(ids)}))",
            *ids,
        )
    with_party = "agreements.id IN (SELECT agreement_id FROM participations WHERE party_id IN ({}))"
    if wanted.parties and wanted.any_party:
        add(with_party.format(placeholders(wanted.parties)), *wanted.parties)
    elif wanted.parties:
        for party in wanted.parties:
            add(with_party.format("?"), party)
    for column, chosen in (
        ("kind", wanted.kinds),
        ("status", wanted.statuses),
        ("level", wanted.levels),
    ):
        if chosen:
            add(
                f"agreements.{column} IN ({placeholders(chosen)})",
                *(value.value for value in chosen),
            )
    if wanted.signed_from:
        add("agreements.signed_on >= ?", wanted.signed_from.start_key())
    if wanted.signed_to:
        add("agreements.signed_on < ?", wanted.signed_to.end_key())
    match = fts_query(wanted.text)
    if match is not None:
        if not _has_table(connection, SEARCH_TABLE):
            raise Unanswerable("no search table")  # models.query's LIKE fallback
        add(
            f"(agreements.id IN (SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ?)"
            " OR agreements.id IN (SELECT attachments.agreement_id FROM attachments"
            " JOIN attachment_versions ON attachment_versions.attachment_id = attachments.id"
            " WHERE attachment_versions.id IN (SELECT rowid FROM"
            f" {ATTACHMENT_SEARCH_TABLE} WHERE {ATTACHMENT_SEARCH_TABLE} MATCH ?)))",
            match,
            match,
        )
    return clauses, values


def _has_table(connection: sqlite3.Connection, name: str) -> bool:
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return found is not None


def sort_expression(column: SortColumn) -> str:
    """What a sort column orders by (models.query.sort_expression)."""
    if column is SortColumn.PARTIES:
        return (
            "(SELECT parties.name FROM parties JOIN participations"
            " ON participations.party_id = parties.id"
            " WHERE participations.agreement_id = agreements.id"
            " ORDER BY participations.position, participations.id LIMIT 1)"
        )
    if column is SortColumn.FIELDS:
        return (
            "(SELECT min(fields.key) FROM fields JOIN agreement_fields"
            " ON agreement_fields.field_id = fields.id"
            " WHERE agreement_fields.agreement_id = agreements.id)"
        )
    if column is SortColumn.SIGNED_AT:
        return "lower(agreements.signed_at)"
    if column is SortColumn.TITLE:
        return "agreements.title_key"
    return f"agreements.{SortColumn(column).value}"


def agreement_ids(
    connection: sqlite3.Connection,
    wanted: AgreementFilter,
    sort: Sort = Sort(),
    *,
    within: Iterable[int] | None = None,
) -> list[int]:
    """Every match's id in order (models.query.agreement_ids): those with a value in the sort
    column first, then those without, by id."""
    clauses, values = conditions(connection, wanted)
    if within is not None:
        kept = sorted(set(within))
        clauses.append(f"agreements.id IN ({placeholders(kept)})")
        values.extend(kept)
    direction = " DESC" if sort.descending else ""
    expression = sort_expression(sort.column)
    tie = f"agreements.id{direction}"

    def ids(extra: str | None, order: str) -> list[int]:
        where = [*clauses, extra] if extra else clauses
        condition = f" WHERE {' AND '.join(where)}" if where else ""
        statement = f"SELECT agreements.id FROM agreements{condition} ORDER BY {order}"
        return [row[0] for row in connection.execute(statement, values)]

    if sort.column in NEVER_EMPTY:
        return ids(None, f"{expression}{direction}, {tie}")
    return ids(f"{expression} IS NOT NULL", f"{expression}{direction}, {tie}") + ids(
        f"{expression} IS NULL", tie
    )


# ----------------------------------------------------------------- rows and counts

_COLUMNS = (
    "id, title, kind, level, status, signed_on, signed_at, entry_into_force, expires_on, "
    "summary, source_url, notes, version, updated_at, duration_term, renewal_term, "
    "notice_term, entry_into_force_term"
)
_KINDS = {member.value: member for member in Kind}
_LEVELS = {member.value: member for member in Level}
_STATUSES = {member.value: member for member in Status}


def iter_rows(
    connection: sqlite3.Connection, ids: Sequence[int], *, counted_on: date | None = None
) -> Iterator[AgreementRow]:
    """The rows of *ids*, in order, read BATCH at a time (models.query.fetch_rows); with
    *counted_on*, each carries its counts on that day (models.participation_counts)."""
    paths = field_paths(connection)
    names = dict(connection.execute("SELECT id, name FROM parties"))
    for start in range(0, len(ids), BATCH):
        yield from _fetch_rows(connection, ids[start : start + BATCH], paths, names, counted_on)


def field_paths(connection: sqlite3.Connection) -> dict[int, str]:
    """Every field's path by id (models.fields.field_paths)."""
    rows = {row[0]: row for row in connection.execute("SELECT id, name, parent_id FROM fields")}
    return {
        field: path_from(row, lambda child: rows.get(child[2]), lambda node: node[1])
        for field, row in rows.items()
    }


def _fetch_rows(
    connection: sqlite3.Connection,
    ids: Sequence[int],
    paths: dict[int, str],
    names: dict[int, str],
    counted_on: date | None,
) -> list[AgreementRow]:
    marks = placeholders(ids)
    parties: dict[int, list[str]] = defaultdict(list)
    signatories: dict[int, int] = defaultdict(int)  # links whose role is original signatory
    # In order from ix_participations_listed alone (0013); names from the few parties'.
    links = connection.execute(LINKS.format(marks), ids)
    for agreement, group in itertools.groupby(links, _FIRST):
        found = list(group)  # comprehensions, not a call per link: 46,000 links for KAZ
        parties[agreement] = [names[party] for _, party, _ in found]
        signatories[agreement] = sum([original for _, _, original in found])
    fields: dict[int, list[str]] = defaultdict(list)
    for agreement, field in connection.execute(
        f"SELECT agreement_id, field_id FROM agreement_fields WHERE agreement_id IN ({marks})", ids
    ):
        fields[agreement].append(paths[field])
    found = {
        row[0]: row
        for row in connection.execute(
            f"SELECT {_COLUMNS} FROM agreements WHERE id IN ({marks})", ids
        )
    }
    counts = (
        _counts(
            connection,
            found,
            {key: len(names) for key, names in parties.items()},
            signatories,
            counted_on,
        )
        if counted_on
        else {}
    )
    return [
        AgreementRow(
            id=key,
            title=row[1],
            kind=_KINDS[row[2]],
            level=_LEVELS[row[3]],
            status=_STATUSES[row[4]],
            signed_on=stored_date(row[5]),
            signed_at=row[6],
            entry_into_force=stored_date(row[7]),
            expires_on=stored_date(row[8]),
            parties=tuple(parties[key]),
            fields=tuple(sorted(fields[key], key=_folded)),
            summary=row[9],
            source_url=row[10],
            notes=row[11],
            version=row[12],
            updated_at=_timestamp(row[13]),
            duration_term=row[14],
            renewal_term=row[15],
            notice_term=row[16],
            entry_into_force_term=row[17],
            counts=counts.get(key),
        )
        for key in ids
        if (row := found.get(key)) is not None
    ]


_folded = functools.cache(fold)  # sort keys of the few field paths, met on every row


@functools.cache  # a listing meets the same dates over and over; each is immutable
def stored_date(text: str | None) -> PartialDate | None:
    """A date as SQLite stores it, read as the ORM reads it (None for none)."""
    return None if text is None else PartialDate.parse(text)


def _timestamp(text: str) -> datetime:
    """A stored timestamp, timezone-aware as models.schema.UTCDateTime reads it."""
    value = datetime.fromisoformat(text)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _counts(
    connection: sqlite3.Connection,
    rows: dict[int, tuple[Any, ...]],
    links: dict[int, int],
    signatories: dict[int, int],
    today: date,
) -> dict[int, ParticipationCounts]:
    """Each agreement's counts: the tallies of models.participation_counts, the same rules.

    *links*: each agreement's number of parties, *signatories* those whose role is original
    signatory. The tallies are summed here from the acts alone (a link without one only
    adds to what these two numbers say): SQLite's aggregate over every link cost twice as
    much as reading the acts.
    """
    signed = {key: row[5] is not None for key, row in rows.items()}
    tallies = tallies_of(acts_by_party(connection, list(rows)), links, signatories, signed)
    left = parties_that_left(connection, [key for key, tally in tallies.items() if tally[4]])
    return {
        key: tallied_counts(
            (_STATUSES[row[4]], stored_date(row[7]), stored_date(row[5])),
            tallies[key],
            left[key],
            today,
        )
        for key, row in rows.items()
    }


_SIGNED, _CONSENTED, _IN_FORCE, _LEFT = 1, 2, 4, 8
# What each act says of its party, as bits: the vocabularies of models.participation_counts.
_ACT_BITS = {
    act.value: (_SIGNED if act in SIGNATURE_ACTIONS else 0)
    | (_CONSENTED if act in CONSENT_ACTIONS else 0)
    | (_IN_FORCE if act is ActionType.ENTRY_INTO_FORCE else 0)
    | (_LEFT if act in LEAVING_ACTIONS else 0)
    for act in ActionType
}


def acts_by_party(connection: sqlite3.Connection, ids: list[int]) -> dict[int, list[int]]:
    """Every party of *ids* with a recorded act: its agreement, whether its role is original
    signatory (0 or 1), and the bits of all its acts."""
    found: dict[int, list[int]] = {}
    for agreement, participation, original, kind in connection.execute(
        "SELECT participations.agreement_id, participations.id,"
        f" participations.role = '{Role.ORIGINAL_SIGNATORY.value}', actions.type"
        " FROM participations JOIN actions ON actions.participation_id = participations.id"
        f" WHERE participations.agreement_id IN ({placeholders(ids)})",
        ids,
    ):
        party = found.get(participation)
        if party is None:
            found[participation] = [agreement, original, _ACT_BITS[kind]]
        else:
            party[2] |= _ACT_BITS[kind]
    return found


def tallies_of(
    acts: dict[int, list[int]],
    links: dict[int, int],
    signatories: dict[int, int],
    signed: dict[int, bool],
) -> dict[int, list[int]]:
    """Per agreement, as models.participation_counts._tallies sums them over its links:
    signatories, parties with no act, parties for sure, parties if the agreement is in
    force, parties that left. A signature is implied for an original signatory of an
    agreement with a signing date."""
    tallies = {
        key: [signatories[key] if signed[key] else 0, links.get(key, 0), 0, 0, 0] for key in signed
    }
    for agreement, original, bits in acts.values():
        tally = tallies[agreement]
        implied = original and signed[agreement]
        tally[0] += bool(bits & _SIGNED) and not implied
        tally[1] -= not implied  # it has an act; an implied signatory was never counted
        if bits & _LEFT:
            tally[4] += 1
        elif bits & _IN_FORCE:
            tally[2] += 1
        elif bits & _CONSENTED:
            tally[3] += 1
    for key, tally in tallies.items():
        if signed[key]:
            tally[1] -= signatories[key]  # implied signatories without an act, besides
    return tallies


def parties_that_left(
    connection: sqlite3.Connection, ids: list[int]
) -> dict[int, list[tuple[Role, list[Dated]]]]:
    """The role and (type, date) acts of every party of *ids* that ever left."""
    found: dict[int, dict[int, tuple[Role, list[Dated]]]] = defaultdict(dict)
    if ids:
        leaving = ", ".join(f"'{value}'" for value in sorted(LEAVING_ACTIONS))
        for agreement, participation, role, kind, deposited, effective in connection.execute(
            "SELECT participations.agreement_id, participations.id, participations.role,"
            " actions.type, actions.deposited_on, actions.effective_on FROM participations"
            " JOIN actions ON actions.participation_id = participations.id"
            f" WHERE participations.agreement_id IN ({placeholders(ids)}) AND participations.id IN"
            f" (SELECT participation_id FROM actions WHERE type IN ({leaving}))"
            " ORDER BY participations.id, actions.position, actions.id",
            ids,
        ):
            found[agreement].setdefault(participation, (Role(role), []))[1].append(
                (ActionType(kind), stored_date(effective) or stored_date(deposited))
            )
    return defaultdict(list, {key: list(value.values()) for key, value in found.items()})


def trash_rows(connection: sqlite3.Connection) -> list[tuple[int, str, datetime, str]]:
    """Everything in the trash, most recently deleted first (models.trash.list_trash): id,
    title, when deleted and by whom."""
    return [
        (key, title, _timestamp(deleted_at), deleted_by)
        for key, title, deleted_at, deleted_by in connection.execute(
            "SELECT agreement_id, title, deleted_at, deleted_by FROM trash"
            " ORDER BY deleted_at DESC, agreement_id DESC"
        )
    ]

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


def _marks(values: Sequence[Any]) -> str:
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
            f"WHERE field_id IN ({_marks(ids)}))",
            *ids,
        )
    with_party = "agreements.id IN (SELECT agreement_id FROM participations WHERE party_id IN ({}))"
    if wanted.parties and wanted.any_party:
        add(with_party.format(_marks(wanted.parties)), *wanted.parties)
    elif wanted.parties:
        for party in wanted.parties:
            add(with_party.format("?"), party)
    for column, chosen in (
        ("kind", wanted.kinds),
        ("status", wanted.statuses),
        ("level", wanted.levels),
    ):
        if chosen:
            add(f"agreements.{column} IN ({_marks(chosen)})", *(value.value for value in chosen))
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
        clauses.append(f"agreements.id IN ({_marks(kept)})")
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
    for start in range(0, len(ids), BATCH):
        yield from _fetch_rows(connection, ids[start : start + BATCH], paths, counted_on)


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
    counted_on: date | None,
) -> list[AgreementRow]:
    marks = _marks(ids)
    parties: dict[int, list[str]] = defaultdict(list)
    for agreement, name in connection.execute(
        "SELECT participations.agreement_id, parties.name FROM participations"
        " JOIN parties ON parties.id = participations.party_id"
        f" WHERE participations.agreement_id IN ({marks})"
        " ORDER BY participations.agreement_id, participations.position, participations.id",
        ids,
    ):
        parties[agreement].append(name)
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
    counts = _counts(connection, found, counted_on) if counted_on else {}
    return [
        AgreementRow(
            id=key,
            title=row[1],
            kind=_KINDS[row[2]],
            level=_LEVELS[row[3]],
            status=_STATUSES[row[4]],
            signed_on=_date(row[5]),
            signed_at=row[6],
            entry_into_force=_date(row[7]),
            expires_on=_date(row[8]),
            parties=tuple(parties[key]),
            fields=tuple(sorted(fields[key], key=fold)),
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


@functools.cache  # a listing meets the same dates over and over; each is immutable
def _date(text: str | None) -> PartialDate | None:
    return None if text is None else PartialDate.parse(text)


def _timestamp(text: str) -> datetime:
    """A stored timestamp, timezone-aware as models.schema.UTCDateTime reads it."""
    value = datetime.fromisoformat(text)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _counts(
    connection: sqlite3.Connection, rows: dict[int, tuple[Any, ...]], today: date
) -> dict[int, ParticipationCounts]:
    """Each agreement's counts: the tallies of models.participation_counts, the same rules."""
    ids = list(rows)
    tallies = {
        agreement: [int(number or 0) for number in tally]
        # The ids twice: in the acts' subquery, then in the outer WHERE.
        for agreement, *tally in connection.execute(_tallies(len(ids)), [*ids, *ids])
    }
    left = _leavers(connection, [key for key, tally in tallies.items() if tally[4]])
    return {
        key: tallied_counts(
            (_STATUSES[row[4]], _date(row[7]), _date(row[5])),
            tallies.get(key, [0] * 5),
            left[key],
            today,
        )
        for key, row in rows.items()
    }


def _has(types: Iterable[ActionType]) -> str:
    values = ", ".join(f"'{value}'" for value in sorted(types))  # our vocabulary, no quotes
    return f"max(CASE WHEN actions.type IN ({values}) THEN 1 ELSE 0 END)"


def _tallies(count: int) -> str:
    """Per agreement: signatories, parties with no act, parties for sure, parties if the
    agreement is in force, parties that left (models.participation_counts._tallies)."""
    marks = ", ".join("?" * count)
    signatory = Role.ORIGINAL_SIGNATORY.value
    implied = f"(participations.role = '{signatory}' AND agreements.signed_on IS NOT NULL)"
    stayed = "coalesce(acts.left_, 0) = 0"

    def number(condition: str) -> str:
        return f"sum(CASE WHEN {condition} THEN 1 ELSE 0 END)"

    return (
        "SELECT participations.agreement_id, "
        + ", ".join(
            (
                number(f"(acts.signed = 1 OR {implied})"),
                number(f"(acts.participation_id IS NULL AND NOT {implied})"),
                number(f"({stayed} AND acts.in_force = 1)"),
                number(f"({stayed} AND acts.in_force = 0 AND acts.consented = 1)"),
                number("acts.left_ = 1"),
            )
        )
        + " FROM participations JOIN agreements ON agreements.id = participations.agreement_id"
        " LEFT OUTER JOIN (SELECT actions.participation_id AS participation_id, "
        f"{_has(SIGNATURE_ACTIONS)} AS signed, {_has(CONSENT_ACTIONS)} AS consented, "
        f"{_has([ActionType.ENTRY_INTO_FORCE])} AS in_force, {_has(LEAVING_ACTIONS)} AS left_"
        " FROM actions JOIN participations ON participations.id = actions.participation_id"
        f" WHERE participations.agreement_id IN ({marks}) GROUP BY actions.participation_id)"
        " AS acts ON acts.participation_id = participations.id"
        f" WHERE participations.agreement_id IN ({marks})"
        " GROUP BY participations.agreement_id"
    )


def _leavers(
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
            f" WHERE participations.agreement_id IN ({_marks(ids)}) AND participations.id IN"
            f" (SELECT participation_id FROM actions WHERE type IN ({leaving}))"
            " ORDER BY participations.id, actions.position, actions.id",
            ids,
        ):
            found[agreement].setdefault(participation, (Role(role), []))[1].append(
                (ActionType(kind), _date(effective) or _date(deposited))
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

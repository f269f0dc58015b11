"""The filter value, compiled to SQL; ordered ids, pages of rows, and facet counts.

Everything the GUI table, the command line and the reports show comes through here.
Nothing loads every agreement as an object: the filter selects ids in SQL, rows are
fetched for a page of ids at a time, and counts are computed by the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    and_,
    cast,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    type_coerce,
)
from sqlalchemy.orm import Session

from models.agreement_row import AgreementRow as AgreementRow  # re-exported, as below
from models.fields import field_paths
from models.filter_value import NEVER_EMPTY as NEVER_EMPTY
from models.filter_value import AgreementFilter as AgreementFilter
from models.filter_value import Sort as Sort
from models.filter_value import descendants
from models.filter_value import fts_query as fts_query
from models.schema import Agreement, Field, Participation, Party, agreement_fields
from models.search_index import SEARCH_TABLE, has_search_index, pg_lexeme
from models.sorting import SortColumn as SortColumn  # re-exported: known from here too
from models.text import fold, search_terms
from models.vocab import Kind, Level, Status


@dataclass(frozen=True)
class Facets:
    """Matching agreements per value of each dimension."""

    fields: dict[int, int] = field(default_factory=dict)
    parties: dict[int, int] = field(default_factory=dict)
    statuses: dict[Status, int] = field(default_factory=dict)
    kinds: dict[Kind, int] = field(default_factory=dict)
    levels: dict[Level, int] = field(default_factory=dict)
    years: dict[int, int] = field(default_factory=dict)
    # Per DUE_CHOICES key ('overdue', '30', '90', '365'): agreements with a deadline there.
    due: dict[str, int] = field(default_factory=dict)


# The due filter's choices in the filter panel, the Due panel and counts: key, days, overdue.
DUE_CHOICES: tuple[tuple[str, int | None, bool], ...] = (
    ("overdue", None, True),
    ("30", 30, False),
    ("90", 90, False),
    ("365", 365, False),
)


@dataclass(frozen=True)
class FieldNode:
    id: int
    name: str
    parent_id: int | None
    path: str


@dataclass(frozen=True)
class PartyEntry:
    id: int
    name: str
    kind: str
    iso3: str | None


# ----------------------------------------------------------------- compiling a filter


def conditions(session: Session, wanted: AgreementFilter) -> list[ColumnElement[bool]]:
    """The WHERE clauses on `agreements` that *wanted* compiles to."""
    clauses: list[ColumnElement[bool]] = []
    if wanted.fields:
        ids = descendant_field_ids(session, wanted.fields)
        clauses.append(
            Agreement.id.in_(
                select(agreement_fields.c.agreement_id).where(agreement_fields.c.field_id.in_(ids))
            )
        )
    if wanted.parties:
        if wanted.any_party:
            clauses.append(Agreement.id.in_(_with_party(*wanted.parties)))
        else:
            clauses.extend(Agreement.id.in_(_with_party(party)) for party in wanted.parties)
    if wanted.kinds:
        clauses.append(Agreement.kind.in_(wanted.kinds))
    if wanted.statuses:
        clauses.append(Agreement.status.in_(wanted.statuses))
    if wanted.levels:
        clauses.append(Agreement.level.in_(wanted.levels))
    signed = type_coerce(Agreement.signed_on, String)
    if wanted.signed_from:
        clauses.append(signed >= wanted.signed_from.start_key())
    if wanted.signed_to:
        clauses.append(signed < wanted.signed_to.end_key())
    if wanted.is_due():
        from models.deadline_store import due_condition

        clauses.append(due_condition(wanted.as_of(), wanted.due_within, wanted.due_overdue))
    text_clause = _text_condition(session, wanted.text)
    if text_clause is not None:
        clauses.append(text_clause)
    return clauses


def _with_party(*party_ids: int) -> Select[int]:
    return select(Participation.agreement_id).where(Participation.party_id.in_(party_ids))


def tsquery(text: str) -> str | None:
    """The same query for PostgreSQL's tsvector: every term as a quoted prefix, all required."""
    terms = search_terms(text)  # folded words: letters and digits only, never a quote
    # Cut as the index cuts them, so a word too long for a lexeme still finds itself.
    return " & ".join(f"'{pg_lexeme(term)}':*" for term in terms) if terms else None


def _text_condition(session: Session, text: str) -> ColumnElement[bool] | None:
    match = fts_query(text)
    if match is None:
        return None
    connection = session.connection()
    if has_search_index(connection) and connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import TSQUERY, TSVECTOR

        document = literal_column("document", TSVECTOR)
        return or_(
            Agreement.id.in_(
                select(literal_column("agreement_id"))
                .select_from(table(SEARCH_TABLE))
                .where(document.bool_op("@@")(cast(literal(tsquery(text)), TSQUERY)))
            ),
            _in_attachments(connection, match, text),
        )
    if has_search_index(connection):
        search = table(SEARCH_TABLE)
        return or_(
            Agreement.id.in_(
                select(literal_column("rowid"))
                .select_from(search)
                .where(literal_column(SEARCH_TABLE).op("MATCH")(match))
            ),
            _in_attachments(connection, match, text),
        )
    # Portable fallback (no search table): every word must appear in one of the text columns.
    columns = (Agreement.title, Agreement.summary, Agreement.notes, Agreement.signed_at)
    return and_(
        *(
            or_(*(func.lower(column).contains(term, autoescape=True) for column in columns))
            for term in search_terms(text)
        )
    )


def _in_attachments(connection: Connection, match: str, text: str) -> ColumnElement[bool]:
    """Agreements one of whose attachments holds every word (a record matches on its own)."""
    from models.attachment_search import matching_agreements

    return Agreement.id.in_(matching_agreements(connection, match, tsquery(text) or ""))


def matching_ids(session: Session, wanted: AgreementFilter) -> Select[int]:
    return select(Agreement.id).where(*conditions(session, wanted))


def descendant_field_ids(session: Session, field_ids: Sequence[int]) -> list[int]:
    """The fields and all their subfields."""
    pairs = session.execute(select(Field.id, Field.parent_id))
    return descendants(((row[0], row[1]) for row in pairs), field_ids)


# ----------------------------------------------------------------- ids, rows, counts


def sort_expression(column: SortColumn) -> ColumnElement[Any]:
    """What a sort column orders by (first party and first field for the list columns)."""
    if column is SortColumn.PARTIES:
        return (
            select(Party.name)
            .join(Participation, Participation.party_id == Party.id)
            .where(Participation.agreement_id == Agreement.id)
            .order_by(Participation.position, Participation.id)
            .limit(1)
            .scalar_subquery()
        )
    if column is SortColumn.FIELDS:
        return (
            select(func.min(Field.key))
            .join(agreement_fields, agreement_fields.c.field_id == Field.id)
            .where(agreement_fields.c.agreement_id == Agreement.id)
            .scalar_subquery()
        )
    if column is SortColumn.SIGNED_AT:
        return func.lower(Agreement.signed_at)
    if column is SortColumn.TITLE:
        return Agreement.title_key  # type: ignore[return-value]  # orders as its column
    attribute: ColumnElement[Any] = getattr(Agreement, column.value)
    return attribute


def _order_by(sort: Sort) -> list[ColumnElement[Any]]:
    expression = sort_expression(sort.column)
    ordered = expression.desc() if sort.descending else expression.asc()
    # Missing values go last either way; the id keeps the order stable.
    tie = Agreement.id.desc() if sort.descending else Agreement.id.asc()
    if sort.column in NEVER_EMPTY:
        return [ordered, tie]
    return [ordered.nulls_last(), tie]


def agreement_ids(
    session: Session,
    wanted: AgreementFilter,
    sort: Sort = Sort(),
    limit: int | None = None,
    *,
    within: Collection[int] | None = None,
) -> list[int]:
    """The ids of every match in order (or the first *limit*): a table's rows, all at once.

    *within* keeps only these ids (`list --id`), sorted and filtered like the rest.
    """
    present, missing = sorted_ids(session, wanted, sort, limit, within=within)
    return present + missing


def sorted_ids(
    session: Session,
    wanted: AgreementFilter,
    sort: Sort = Sort(),
    limit: int | None = None,
    *,
    within: Collection[int] | None = None,
) -> tuple[list[int], list[int]]:
    """The matches with a value in the sort column, in order; then those without, by id."""
    statement = matching_ids(session, wanted)
    if within is not None:
        statement = statement.where(Agreement.id.in_(set(within)))
    if sort.column in NEVER_EMPTY:
        return _ids(session, statement.order_by(*_order_by(sort)).limit(limit)), []
    # Two ordered reads rather than one 'NULLS LAST': each can walk an index on the column.
    expression = sort_expression(sort.column)
    tie = Agreement.id.desc() if sort.descending else Agreement.id.asc()
    present = _ids(
        session,
        statement.where(expression.is_not(None))
        .order_by(expression.desc() if sort.descending else expression.asc(), tie)
        .limit(limit),
    )
    if limit is not None and len(present) >= limit:
        return present, []
    rest = None if limit is None else limit - len(present)
    missing = statement.where(expression.is_(None)).order_by(tie).limit(rest)
    return present, _ids(session, missing)


def _ids(session: Session, statement: Select[int]) -> list[int]:
    # Plain tuples from the driver (at a quarter of a million ids, ORM rows cost more than
    # the query itself), one at a time: each is freed at once, where a list of them all
    # would wake Python's garbage collector and hold up the GUI thread while it runs.
    result = session.connection().execute(statement)
    return [row[0] for row in result.cursor] if result.cursor else []  # type: ignore[attr-defined]  # PEP 249 cursors iterate


def count(session: Session, wanted: AgreementFilter = AgreementFilter()) -> int:
    statement = select(func.count()).select_from(Agreement).where(*conditions(session, wanted))
    return session.scalar(statement) or 0


def fetch_rows(session: Session, ids: Sequence[int]) -> list[AgreementRow]:
    """Rows for these ids, in the order given (ids that no longer exist are left out)."""
    if not ids:
        return []
    paths = field_paths(session)
    parties: dict[int, list[str]] = defaultdict(list)
    for agreement_id, name in session.execute(
        select(Participation.agreement_id, Party.name)
        .join(Party, Party.id == Participation.party_id)
        .where(Participation.agreement_id.in_(ids))
        .order_by(Participation.agreement_id, Participation.position, Participation.id)
    ):
        parties[agreement_id].append(name)
    fields: dict[int, list[str]] = defaultdict(list)
    for agreement_id, field_id in session.execute(
        select(agreement_fields.c.agreement_id, agreement_fields.c.field_id).where(
            agreement_fields.c.agreement_id.in_(ids)
        )
    ):
        fields[agreement_id].append(paths[field_id])
    found = {}
    for a in session.execute(
        select(
            Agreement.id,
            Agreement.title,
            Agreement.kind,
            Agreement.level,
            Agreement.status,
            Agreement.signed_on,
            Agreement.signed_at,
            Agreement.entry_into_force,
            Agreement.expires_on,
            Agreement.summary,
            Agreement.source_url,
            Agreement.notes,
            Agreement.version,
            Agreement.updated_at,
            Agreement.duration_term,
            Agreement.renewal_term,
            Agreement.notice_term,
            Agreement.entry_into_force_term,
        ).where(Agreement.id.in_(ids))
    ):
        found[a.id] = AgreementRow(
            id=a.id,
            title=a.title,
            kind=a.kind,
            level=a.level,
            status=a.status,
            signed_on=a.signed_on,
            signed_at=a.signed_at,
            entry_into_force=a.entry_into_force,
            expires_on=a.expires_on,
            parties=tuple(parties[a.id]),
            fields=tuple(sorted(fields[a.id], key=fold)),
            summary=a.summary,
            source_url=a.source_url,
            notes=a.notes,
            version=a.version,
            updated_at=a.updated_at,
            duration_term=a.duration_term,
            renewal_term=a.renewal_term,
            notice_term=a.notice_term,
            entry_into_force_term=a.entry_into_force_term,
        )
    return [found[agreement_id] for agreement_id in ids if agreement_id in found]


def page(
    session: Session, wanted: AgreementFilter, sort: Sort, offset: int, limit: int
) -> list[AgreementRow]:
    statement = matching_ids(session, wanted).order_by(*_order_by(sort)).offset(offset).limit(limit)
    return fetch_rows(session, list(session.scalars(statement)))


def iter_rows(
    session: Session, wanted: AgreementFilter, sort: Sort = Sort(), batch: int = 500
) -> Iterator[AgreementRow]:
    """Every match in order, fetched *batch* rows at a time (bounded memory for reports)."""
    ids = agreement_ids(session, wanted, sort)
    for start in range(0, len(ids), batch):
        yield from fetch_rows(session, ids[start : start + batch])


def facet_counts(session: Session, wanted: AgreementFilter, *, exclude_own: bool = True) -> Facets:
    """Matching agreements per field, party, status, kind, level and year.

    With *exclude_own* (the filter panel), each "any of" dimension is counted without its
    own selection, so ticking Energy does not zero the count beside Transport; chosen
    parties that must all take part narrow their own counts (drill-down). Without it
    (reports), every count is of exactly the matching agreements.
    """

    def without(**cleared: Any) -> AgreementFilter:
        return wanted.replace(**cleared) if exclude_own else wanted

    party_filter = without(parties=()) if wanted.any_party else wanted
    return Facets(
        fields=_field_counts(session, without(fields=())),
        parties=_group_counts(
            session,
            party_filter,
            select(Participation.party_id, func.count()).group_by(Participation.party_id),
            Participation.agreement_id,
        ),
        statuses=_column_counts(session, without(statuses=()), Agreement.status),
        kinds=_column_counts(session, without(kinds=()), Agreement.kind),
        levels=_column_counts(session, without(levels=()), Agreement.level),
        years={
            int(year): number
            for year, number in _column_counts(
                session,
                without(signed_from=None, signed_to=None),
                func.substr(type_coerce(Agreement.signed_on, String), 1, 4),
            ).items()
            if year
        },
        due=_due_counts(session, without(due_within=None, due_overdue=False)),
    )


def _due_counts(session: Session, wanted: AgreementFilter) -> dict[str, int]:
    from models.deadline_store import due_condition

    found = {}
    clauses = conditions(session, wanted)
    as_of = wanted.as_of()
    for key, within, overdue in DUE_CHOICES:
        statement = select(func.count()).select_from(Agreement)
        statement = statement.where(*clauses, due_condition(as_of, within, overdue))
        number = session.scalar(statement) or 0
        if number:
            found[key] = number
    return found


def _column_counts(session: Session, wanted: AgreementFilter, column: Any) -> dict[Any, int]:
    statement = select(column, func.count()).where(*conditions(session, wanted)).group_by(column)
    return {value: number for value, number in session.execute(statement) if value is not None}


def _group_counts(
    session: Session, wanted: AgreementFilter, statement: Select[Any, Any], agreement_column: Any
) -> dict[int, int]:
    if not wanted.is_empty():
        statement = statement.where(agreement_column.in_(matching_ids(session, wanted)))
    return {value: number for value, number in session.execute(statement)}


def _field_counts(session: Session, wanted: AgreementFilter) -> dict[int, int]:
    """Per field, agreements in it or any of its subfields (each agreement counted once)."""
    ancestors = select(Field.id.label("field_id"), Field.id.label("ancestor_id")).cte(
        "ancestors", recursive=True
    )
    parent = select(Field.id, Field.parent_id).subquery()
    ancestors = ancestors.union_all(
        select(ancestors.c.field_id, parent.c.parent_id)
        .join(parent, parent.c.id == ancestors.c.ancestor_id)
        .where(parent.c.parent_id.is_not(None))
    )
    statement = (
        select(ancestors.c.ancestor_id, func.count(agreement_fields.c.agreement_id.distinct()))
        .join(ancestors, ancestors.c.field_id == agreement_fields.c.field_id)
        .group_by(ancestors.c.ancestor_id)
    )
    return _group_counts(session, wanted, statement, agreement_fields.c.agreement_id)


# ----------------------------------------------------------------- vocabularies in use


def field_tree(session: Session) -> list[FieldNode]:
    """Every field with its full path ('Transport > Rail'), parents before children."""
    paths = field_paths(session)
    rows = session.execute(select(Field.id, Field.name, Field.parent_id)).all()
    nodes = [FieldNode(row.id, row.name, row.parent_id, paths[row.id]) for row in rows]
    return sorted(nodes, key=lambda node: fold(node.path))


def party_list(session: Session) -> list[PartyEntry]:
    rows = session.execute(select(Party.id, Party.name, Party.kind, Party.iso3))
    entries = [PartyEntry(row.id, row.name, row.kind.value, row.iso3) for row in rows]
    return sorted(entries, key=lambda entry: fold(entry.name))

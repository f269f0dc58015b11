"""The search table of attachments' text, beside the records' own (models.search_index).

One row per attachment: the folded text of its current version, keyed by the version's id
and carrying the agreement's id. SQLite: an FTS5 table like `agreement_search`;
PostgreSQL: a tsvector under a GIN index. A removed attachment and an earlier version
leave it. The query side folds the user's words as query.py does, so a word is found in
an attachment exactly as it is found in a title.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import (
    ColumnClause,
    Connection,
    Select,
    bindparam,
    cast,
    literal,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.dialects.postgresql import TSQUERY, TSVECTOR

from models.search_index import pg_document
from models.text import index_text

ATTACHMENT_SEARCH_TABLE = "attachment_search"
# Only the text: an UNINDEXED agreement_id column would make FTS5 read each match's whole
# stored row (megabytes of text) to return it; 20 ms instead of 0.4 ms for a common word
# in 300 attachments. The agreement is found through attachment_versions instead.
_SQLITE_CREATE = (
    f"CREATE VIRTUAL TABLE {ATTACHMENT_SEARCH_TABLE} USING fts5("
    "body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
)
_SQLITE_MATCH = (
    f"SELECT rowid FROM {ATTACHMENT_SEARCH_TABLE} WHERE {ATTACHMENT_SEARCH_TABLE} MATCH :match"
)
_PG_CREATE = (
    f"CREATE TABLE {ATTACHMENT_SEARCH_TABLE} (version_id INTEGER PRIMARY KEY, "
    "agreement_id INTEGER NOT NULL, document TSVECTOR NOT NULL)"
)
_CURRENT_VERSIONS = (
    "SELECT v.id, a.agreement_id FROM attachment_versions v "
    "JOIN attachments a ON a.id = v.attachment_id "
    "WHERE a.removed_at IS NULL AND v.number > 0 AND v.number = "
    "(SELECT MAX(w.number) FROM attachment_versions w WHERE w.attachment_id = a.id) "
    "ORDER BY v.id"
)


def create_attachment_search(connection: Connection) -> None:
    """Create the search table (migration 0012); other back ends search without one."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(_SQLITE_CREATE)
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(_PG_CREATE)
        connection.exec_driver_sql(
            f"CREATE INDEX ix_{ATTACHMENT_SEARCH_TABLE}_document "
            f"ON {ATTACHMENT_SEARCH_TABLE} USING GIN (document)"
        )
        connection.exec_driver_sql(
            f"CREATE INDEX ix_{ATTACHMENT_SEARCH_TABLE}_agreement "
            f"ON {ATTACHMENT_SEARCH_TABLE} (agreement_id)"
        )


def searchable(connection: Connection) -> bool:
    """Whether this database has the attachments' search table."""
    return connection.dialect.name in ("sqlite", "postgresql")


def index_version(connection: Connection, version_id: int, agreement_id: int, body: str) -> None:
    """Put one version's text in the index (the caller unindexes the version it replaces)."""
    if not searchable(connection):
        return
    words = index_text(body)
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                f"INSERT INTO {ATTACHMENT_SEARCH_TABLE} (version_id, agreement_id, document) "
                "VALUES (:id, :agreement, CAST(:document AS tsvector))"
            ),
            {"id": version_id, "agreement": agreement_id, "document": pg_document(words)},
        )
    else:
        connection.execute(
            text(f"INSERT INTO {ATTACHMENT_SEARCH_TABLE} (rowid, body) VALUES (:id, :body)"),
            {"id": version_id, "body": words},
        )


def unindex_versions(connection: Connection, version_ids: Iterable[int]) -> None:
    """Take these versions out of the index (removed, replaced or purged)."""
    ids = list(version_ids)
    if not ids or not searchable(connection):
        return
    key = "version_id" if connection.dialect.name == "postgresql" else "rowid"
    statement = text(f"DELETE FROM {ATTACHMENT_SEARCH_TABLE} WHERE {key} IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    for start in range(0, len(ids), 500):
        connection.execute(statement, {"ids": ids[start : start + 500]})


def rebuild_attachment_search(connection: Connection) -> None:
    """Index the current version of every attachment afresh (after a copy or an import)."""
    if not searchable(connection):
        return
    connection.execute(text(f"DELETE FROM {ATTACHMENT_SEARCH_TABLE}"))
    current = connection.execute(text(_CURRENT_VERSIONS)).all()
    read = text("SELECT text FROM attachment_versions WHERE id = :id")
    # One text at a time: each may be megabytes long.
    for version_id, agreement_id in current:
        body = connection.execute(read, {"id": version_id}).scalar_one()
        index_version(connection, version_id, agreement_id, body)


def matching_agreements(connection: Connection, match: str, tsquery: str) -> Select[int]:
    """Agreement ids with an attachment whose text matches (an FTS5 *match*, or a *tsquery*)."""
    search = table(ATTACHMENT_SEARCH_TABLE)
    agreement: ColumnClause[int] = literal_column("agreement_id")
    if connection.dialect.name == "postgresql":
        document = literal_column("document", TSVECTOR)
        return (
            select(agreement)
            .select_from(search)
            .where(document.bool_op("@@")(cast(literal(tsquery), TSQUERY)))
        )
    versions = table("attachment_versions", literal_column("id"), literal_column("attachment_id"))
    attachments = table("attachments", literal_column("id"), literal_column("agreement_id"))
    return (
        select(attachments.c.agreement_id)
        .join(versions, versions.c.attachment_id == attachments.c.id)
        .where(
            versions.c.id.in_(
                select(literal_column("rowid"))
                .select_from(search)
                .where(literal_column(ATTACHMENT_SEARCH_TABLE).op("MATCH")(match))
            )
        )
    )


def agreement_ids_matching(connection: Connection, match: str) -> list[int]:
    """Ids of the agreements (not those in the trash) with an attachment matching (SQLite)."""
    found = connection.execute(
        text(
            "SELECT id FROM agreements WHERE id IN (SELECT a.agreement_id FROM attachments a "
            "JOIN attachment_versions v ON v.attachment_id = a.id "
            f"WHERE v.id IN ({_SQLITE_MATCH})) ORDER BY id"
        ),
        {"match": match},
    )
    return [row[0] for row in found]


def matching_versions(
    connection: Connection, agreement_id: int, match: str, tsquery: str
) -> list[int]:
    """The ids of this agreement's indexed versions whose text matches."""
    if connection.dialect.name == "postgresql":
        statement = text(
            f"SELECT version_id FROM {ATTACHMENT_SEARCH_TABLE} WHERE agreement_id = :agreement "
            "AND document @@ CAST(:query AS tsquery) ORDER BY version_id"
        )
        found = connection.execute(statement, {"agreement": agreement_id, "query": tsquery})
    elif connection.dialect.name == "sqlite":
        statement = text(
            "SELECT v.id FROM attachment_versions v JOIN attachments a "
            "ON a.id = v.attachment_id WHERE a.agreement_id = :agreement "
            f"AND v.id IN ({_SQLITE_MATCH}) ORDER BY v.id"
        )
        found = connection.execute(statement, {"agreement": agreement_id, "match": match})
    else:
        return []
    return [row[0] for row in found]

"""Keeps the search table `agreement_search` in step with the agreements.

SQLite: an FTS5 table, row id = agreement id, every column folded text
(models.text.index_text). PostgreSQL (migration 0005): one row per agreement, its folded
words as a tsvector. Either way the query side folds the user's words the same way and
matches across case, accents and apostrophes. Other back ends have no such table:
query.py falls back to LIKE there.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import cast

from sqlalchemy import Connection, bindparam, text

from models.text import has_apostrophes, index_text, search_terms
from models.write_behind import insert_rows, remembered, write_behind_active

SEARCH_TABLE = "agreement_search"
_CHUNK = 500
_ROWID_PART = 200_000  # characters of joined ids converted at a time (~28,000 ids)
# PostgreSQL's limits: "word is too long (2047 bytes, max 2046 bytes)", and "string is too
# long for tsvector (… bytes, max 1048575 bytes)"; a little room is left for its overhead.
PG_LEXEME_BYTES = 2046
PG_DOCUMENT_BYTES = 1_000_000

_AGREEMENTS = text(
    "SELECT id, title, short_title, alternative_titles, summary, notes, signed_at, "
    "depositary, un_registration FROM agreements WHERE id IN :ids"
).bindparams(bindparam("ids", expanding=True))
_PARTIES_SQL = (
    "SELECT pa.agreement_id, p.name, pa.signatory_name, pa.signatory_title, "
    "(SELECT {concat} FROM party_aliases a WHERE a.party_id = p.id) "
    "FROM participations pa JOIN parties p ON p.id = pa.party_id "
    "WHERE pa.agreement_id IN :ids"
)
_PARTIES = text(_PARTIES_SQL.format(concat="group_concat(a.alias, ' ')")).bindparams(
    bindparam("ids", expanding=True)
)
_PG_PARTIES = text(_PARTIES_SQL.format(concat="string_agg(a.alias, ' ')")).bindparams(
    bindparam("ids", expanding=True)
)
_DELETE = text(f"DELETE FROM {SEARCH_TABLE} WHERE rowid IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_INSERT = text(
    f"INSERT INTO {SEARCH_TABLE} (rowid, title, body, place, parties) "
    "VALUES (:id, :title, :body, :place, :parties)"
)
_PG_DELETE = text(f"DELETE FROM {SEARCH_TABLE} WHERE agreement_id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
# A cast, not to_tsvector(): the words are already folded and must stay exactly as they are.
_PG_INSERT = text(
    f"INSERT INTO {SEARCH_TABLE} (agreement_id, document) VALUES (:id, CAST(:document AS tsvector))"
)


def has_search_index(connection: Connection) -> bool:
    """Whether this database has the search table (SQLite FTS5, or PostgreSQL's tsvector)."""
    if connection.dialect.name == "postgresql":
        found = connection.execute(text("SELECT to_regclass(:name)"), {"name": SEARCH_TABLE})
        return found.scalar() is not None
    if connection.dialect.name != "sqlite":
        return False
    found = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": SEARCH_TABLE},
    ).first()
    return found is not None


def search_rowids(connection: Connection, match: str) -> list[int]:
    """Ids of the agreements whose indexed text matches an FTS5 *match* string (SQLite).

    Joined by SQLite into one string, split and converted a part at a time: a third
    quicker than a row tuple per id (250,000 ids of a one-letter search: 90 -> 60 ms).
    Neither fetchall()'s list of rows (hundreds of garbage collections walking it) nor one
    parse of the whole (json: 20 ms in one call) holds the interpreter from the window's
    thread for long: each part is about 2 ms.
    """
    found: list[int] = []
    for part in search_rowid_parts(connection, match):
        found += part
    return found


def search_rowid_parts(connection: Connection, match: str) -> Iterator[list[int]]:
    """search_rowids() a part at a time (~28,000 ids each): no list of them all at once."""
    statement = f"SELECT group_concat(rowid) FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :match"
    joined: str = connection.execute(text(statement), {"match": match}).scalar() or ""
    start = 0
    while start < len(joined):
        cut = joined.find(",", start + _ROWID_PART)
        cut = len(joined) if cut < 0 else cut
        yield list(map(int, joined[start:cut].split(",")))
        start = cut + 1


_STORED = text(
    f"SELECT rowid, title, body, place, parties FROM {SEARCH_TABLE} WHERE rowid IN :ids"
).bindparams(bindparam("ids", expanding=True))
_MATCHING_AMONG = text(
    f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :match AND rowid IN :ids"
).bindparams(bindparam("ids", expanding=True))


def stored_words(connection: Connection, ids: Sequence[int]) -> Iterable[tuple[int, str]]:
    """Each of these agreements' folded words as the search table holds them (SQLite)."""
    for start in range(0, len(ids), _CHUNK):
        for row in connection.execute(_STORED, {"ids": ids[start : start + _CHUNK]}):
            yield row[0], " ".join(filter(None, row[1:]))


def words_matching(connection: Connection, match: str, ids: Sequence[int]) -> list[int]:
    """Those of *ids* whose indexed text matches an FTS5 *match* string (SQLite)."""
    found: list[int] = []
    for start in range(0, len(ids), _CHUNK):
        part = {"match": match, "ids": ids[start : start + _CHUNK]}
        found += [row[0] for row in connection.execute(_MATCHING_AMONG, part)]
    return found


def update_search_index(connection: Connection, agreement_ids: Iterable[int]) -> None:
    """Re-index these agreements (deleted ones simply leave the index)."""
    if not has_search_index(connection):
        return
    ids = list(agreement_ids)
    for start in range(0, len(ids), _CHUNK):
        _index_chunk(connection, ids[start : start + _CHUNK])


def rebuild_search_index(connection: Connection) -> None:
    """Index every agreement afresh (after a migration or a bulk change)."""
    if not has_search_index(connection):
        return
    connection.execute(text(f"DELETE FROM {SEARCH_TABLE}"))  # the whole table, either kind
    ids = [row[0] for row in connection.execute(text("SELECT id FROM agreements ORDER BY id"))]
    for start in range(0, len(ids), _CHUNK):
        _index_chunk(connection, ids[start : start + _CHUNK])


def _index_chunk(connection: Connection, ids: Sequence[int]) -> None:
    postgresql = connection.dialect.name == "postgresql"
    connection.execute(_PG_DELETE if postgresql else _DELETE, {"ids": ids})
    parties: dict[int, list[str]] = defaultdict(list)
    for agreement_id, *names in connection.execute(
        _PG_PARTIES if postgresql else _PARTIES, {"ids": ids}
    ):
        parties[agreement_id].extend(name for name in names if name)
    rows = []
    for row in connection.execute(_AGREEMENTS, {"ids": ids}):
        alternative = row.alternative_titles
        if isinstance(alternative, str):
            alternative = json.loads(alternative or "[]")
        rows.append(
            index_row(
                row.id,
                [row.title, row.short_title or "", *(alternative or [])],
                [row.summary, row.notes, row.depositary, row.un_registration],
                row.signed_at,
                index_text(" ".join(parties[row.id])),
            )
        )
    _insert(connection, rows)


def index_row(
    agreement_id: int,
    titles: list[str],
    body: list[str | None],
    place: str | None,
    parties: str,
    title_words: str | None = None,
) -> dict[str, object]:
    """One agreement's row of the search table: its stored texts folded (*parties*: the
    folded party names, signatories and aliases, as `party_words` gives them;
    *title_words*, if the caller has them: " ".join(search_terms(titles[0])))."""
    return {
        "id": agreement_id,
        "title": _titles_text(titles, title_words),
        "body": index_text(" ".join(filter(None, body))),
        "place": _place_text(place),
        "parties": parties,
    }


def _titles_text(titles: list[str], first_words: str | None) -> str:
    """index_text(" ".join(titles)), the first title's words given by the caller (an import
    has them as its sort key): folding 100,000 titles once more took half a second."""
    if first_words is None or any(map(has_apostrophes, titles)):
        return index_text(" ".join(titles))  # compounds' words come after all the words
    # Without apostrophes the words of the joined titles are each title's words in turn.
    return " ".join(filter(None, [first_words, *(" ".join(search_terms(t)) for t in titles[1:])]))


@lru_cache(maxsize=4096)
def _place_text(place: str | None) -> str:
    """index_text of a place of signature, remembered: a few hundred places repeat."""
    return index_text(place)


def party_words(names: Iterable[str]) -> str:
    """The parties column of one agreement from its parties' texts (name, signatory,
    title, aliases: blanks left out): index_text of them joined, each folded once.

    index_text gives a text's words, then the words of its compounds with apostrophes
    ("d'Ivoire"); joined texts give all the words, then all the compounds' words.
    """
    parts = [_index_parts(name) for name in names if name]
    return " ".join(filter(None, [*(words for words, _ in parts), *(more for _, more in parts)]))


@lru_cache(maxsize=65536)
def _index_parts(text: str) -> tuple[str, str]:
    """index_text(text) as its words and its compounds' words."""
    words = " ".join(search_terms(text))
    full = index_text(text)
    return words, full[len(words) :].strip()


def index_new(connection: Connection, rows: Sequence[dict[str, object]]) -> None:
    """Index agreements from their rows (index_row), held in memory by the caller (an import)."""
    if not rows or not remembered(connection, "search index", lambda: has_search_index(connection)):
        return
    postgresql = connection.dialect.name == "postgresql"
    ids = cast("list[int]", [row["id"] for row in rows])  # index_row's agreement ids
    if postgresql or _any_indexed(connection, min(ids), max(ids)):
        for start in range(0, len(ids), _CHUNK):
            # New agreements have no rows yet; an id left behind by hand would clash.
            connection.execute(
                _PG_DELETE if postgresql else _DELETE, {"ids": ids[start : start + _CHUNK]}
            )
    _insert(connection, rows)


_ANY_INDEXED = text(f"SELECT 1 FROM {SEARCH_TABLE} WHERE rowid BETWEEN :low AND :high LIMIT 1")


def _any_indexed(connection: Connection, low: int, high: int) -> bool:
    """Whether the FTS5 table has a row with an id from *low* to *high* (SQLite).

    An import asks before clearing its new ids: a DELETE there, even of ids the table does
    not hold, looks each one up and makes FTS5 write out the words it holds in memory for
    the rows inserted before, a thousand agreements at a time. Within write_behind() the
    highest id indexed before the import's first rows is asked once: the import's own rows
    have ids below those of each later chunk.
    """
    if write_behind_active(connection):
        before = remembered(connection, "indexed before", lambda: _highest_indexed(connection))
        if before < low:
            return False
    return connection.execute(_ANY_INDEXED, {"low": low, "high": high}).first() is not None


def _highest_indexed(connection: Connection) -> int:
    return connection.execute(text(f"SELECT max(rowid) FROM {SEARCH_TABLE}")).scalar() or 0


def _insert(connection: Connection, rows: Sequence[dict[str, object]]) -> None:
    if rows and connection.dialect.name == "postgresql":
        connection.execute(_PG_INSERT, [_document(row) for row in rows])
    elif rows:  # the driver's executemany: no per-row parameter processing
        columns = ("id", "title", "body", "place", "parties")
        insert_rows(
            connection, _SQLITE_INSERT, [tuple(map(row.__getitem__, columns)) for row in rows]
        )


_SQLITE_INSERT = (
    f"INSERT INTO {SEARCH_TABLE} (rowid, title, body, place, parties) VALUES (?, ?, ?, ?, ?)"
)


def _document(row: dict[str, object]) -> dict[str, object]:
    """The folded words of every column as one tsvector's text (words hold no quote or space)."""
    words = " ".join(str(row[name]) for name in ("title", "body", "place", "parties"))
    return {"id": row["id"], "document": pg_document(words)}


def pg_document(words: str) -> str:
    """Folded words as a tsvector takes them: each once, each cut to a lexeme's limit.

    PostgreSQL refuses a word over PG_LEXEME_BYTES and a tsvector over PG_DOCUMENT_BYTES
    (counting repeats), where SQLite's FTS5 takes anything: a long word (a pasted base64
    blob, a chemical name) would make a summary unsavable. A cut word is still found by its
    beginning, and searching for the whole word cuts it the same way (pg_lexeme).
    """
    kept, size = [], 0
    for word in dict.fromkeys(pg_lexeme(word) for word in words.split()):
        size += len(word.encode()) + 1
        if size > PG_DOCUMENT_BYTES:
            break  # words past a megabyte of distinct ones are not indexed
        kept.append(word)
    return " ".join(kept)


def pg_lexeme(word: str) -> str:
    """*word* cut to the bytes a tsvector or tsquery lexeme may hold, on a character boundary."""
    encoded = word.encode()
    if len(encoded) <= PG_LEXEME_BYTES:
        return word
    return encoded[:PG_LEXEME_BYTES].decode("utf-8", "ignore")

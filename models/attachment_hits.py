"""Where a search found an agreement: in its record, or only in an attachment, and the passage.

The detail pane says "found only in the attached text …" with the words around the first
match, so an analyst sees why an agreement whose record never mentions a word was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from models.attachment_search import matching_versions
from models.query import fts_query, tsquery
from models.search_index import SEARCH_TABLE, has_search_index
from models.text import fold, search_terms

_WORD = re.compile(r"[^\W_]+")
PASSAGE_CHARS = 120  # either side of the first matching word


@dataclass(frozen=True)
class AttachmentHit:
    """An attachment whose text matched, and the passage around the first matching word."""

    attachment_id: int
    label: str
    filename: str
    passage: str


@dataclass(frozen=True)
class SearchHits:
    """Whether the record itself matched the search, and the attachments that did."""

    in_record: bool
    attachments: tuple[AttachmentHit, ...]

    @property
    def only_in_attachments(self) -> bool:
        return not self.in_record and bool(self.attachments)


def search_hits(session: Session, agreement_id: int, words: str) -> SearchHits:
    """Where *words* (the search box's text) are found in this agreement."""
    match = fts_query(words)
    if match is None:
        return SearchHits(True, ())
    connection = session.connection()
    query = tsquery(words) or ""
    versions = matching_versions(connection, agreement_id, match, query)
    hits = []
    terms = search_terms(words)
    for version_id in versions:
        row = session.execute(
            sql(
                "SELECT a.id, a.label, v.filename, v.text FROM attachment_versions v "
                "JOIN attachments a ON a.id = v.attachment_id WHERE v.id = :id"
            ),
            {"id": version_id},
        ).one()
        hits.append(AttachmentHit(row[0], row[1], row[2], passage(row[3], terms)))
    return SearchHits(_record_matches(session, agreement_id, match, query), tuple(hits))


def _record_matches(session: Session, agreement_id: int, match: str, query: str) -> bool:
    connection = session.connection()
    if not has_search_index(connection):
        return True
    if connection.dialect.name == "postgresql":
        statement = sql(
            f"SELECT 1 FROM {SEARCH_TABLE} WHERE agreement_id = :id "
            "AND document @@ CAST(:query AS tsquery)"
        )
        return (
            connection.execute(statement, {"id": agreement_id, "query": query}).first() is not None
        )
    statement = sql(
        f"SELECT 1 FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :match AND rowid = :id"
    )
    return connection.execute(statement, {"id": agreement_id, "match": match}).first() is not None


def passage(body: str, terms: list[str]) -> str:
    """The words around the first word of *body* that begins with one of *terms* (folded)."""
    for found in _WORD.finditer(body):
        folded = fold(found.group())
        if any(folded.startswith(term) for term in terms):
            start = max(found.start() - PASSAGE_CHARS, 0)
            end = min(found.end() + PASSAGE_CHARS, len(body))
            # Whole words at the edges: step back to the space before, forward to the one after.
            if start > 0:
                start = body.find(" ", start, found.start()) + 1 or start
            if end < len(body):
                space = body.rfind(" ", found.end(), end)
                end = space if space > 0 else end
            prefix = "…" if start > 0 else ""
            suffix = "…" if end < len(body) else ""
            return prefix + body[start:end].strip() + suffix
    return body[: 2 * PASSAGE_CHARS] + ("…" if len(body) > 2 * PASSAGE_CHARS else "")


def matched_words(passage_text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Spans of the words in *passage_text* that a search for *terms* matched (to highlight)."""
    return [
        (found.start(), found.end())
        for found in _WORD.finditer(passage_text)
        if any(fold(found.group()).startswith(term) for term in terms)
    ]

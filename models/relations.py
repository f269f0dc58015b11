"""Agreements to relate to: found by the words of their title, a few at a time.

The editor's picker asks as the user types, so a search never reads more than *limit*
rows: the search index narrows the candidates, the title decides, SQL sorts and cuts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, literal_column, or_, select, table
from sqlalchemy.orm import Session

from models.dates import PartialDate
from models.query import AgreementFilter, conditions, fts_query
from models.schema import Agreement, Relation
from models.search_index import SEARCH_TABLE, has_search_index
from models.text import search_terms
from models.vocab import RelationType

PICKER_LIMIT = 20
CANDIDATES = 1000


@dataclass(frozen=True)
class AgreementChoice:
    """An agreement as the picker offers it."""

    id: int
    title: str
    signed_on: PartialDate | None

    @property
    def label(self) -> str:
        """'Declaration on Allied Relations (6 December 2021)': the date tells namesakes apart."""
        signed = self.signed_on.display() if self.signed_on else "date not recorded"
        return f"{self.title} ({signed})"


def find_agreements(
    session: Session, text: str, *, limit: int = PICKER_LIMIT, exclude: int | None = None
) -> list[AgreementChoice]:
    """Agreements with every word of *text* starting a word of their title, by title.

    When more than CANDIDATES agreements match (one letter, a word every title has), the
    list comes from the first CANDIDATES of them: the user types another word to narrow it.
    """
    terms = search_terms(text)
    if not terms:
        return []
    statement = (
        select(Agreement.id, Agreement.title, Agreement.signed_on)
        .where(_in_title(session, text, terms))
        .order_by(Agreement.title_key, Agreement.id)
        .limit(limit)
    )
    if exclude is not None:
        statement = statement.where(Agreement.id != exclude)
    return [AgreementChoice(*row) for row in session.execute(statement)]


def _in_title(session: Session, text: str, terms: list[str]) -> ColumnElement[bool]:
    """Agreements whose title has words starting so (the same answer on every back end)."""
    # The folded title decides (title_key: its words joined by spaces) …
    title_words = [
        or_(Agreement.title_key.startswith(term), Agreement.title_key.contains(f" {term}"))
        for term in terms
    ]
    connection = session.connection()
    if has_search_index(connection) and connection.dialect.name == "sqlite":
        # … among candidates from the FTS5 title column (which also holds short and
        # alternative titles), its prefix index, and a cap: a few milliseconds at 250,000
        # agreements, where checking every title took 0.8 s.
        title_match = literal_column(SEARCH_TABLE).op("MATCH")(f"title : ({fts_query(text)})")
        candidates = Agreement.id.in_(
            select(literal_column("rowid"))
            .select_from(table(SEARCH_TABLE))
            .where(title_match)
            .limit(CANDIDATES)
        )
        return and_(candidates, *title_words)
    # … among what the search finds (PostgreSQL's document holds every column in one).
    return and_(*conditions(session, AgreementFilter(text=text)), *title_words)


def agreement_choices(session: Session, ids: Iterable[int]) -> dict[int, AgreementChoice]:
    """The agreements with these ids (those that exist), for showing recorded relations."""
    wanted = set(ids)
    if not wanted:
        return {}
    rows = session.execute(
        select(Agreement.id, Agreement.title, Agreement.signed_on).where(Agreement.id.in_(wanted))
    )
    return {row.id: AgreementChoice(*row) for row in rows}


def incoming_relations(
    session: Session, agreement_id: int
) -> list[tuple[RelationType, AgreementChoice]]:
    """Relations other agreements hold to this one (its protocols, what replaced it …)."""
    rows = session.execute(
        select(Relation.type, Agreement.id, Agreement.title, Agreement.signed_on)
        .join(Agreement, Agreement.id == Relation.agreement_id)
        .where(Relation.other_id == agreement_id)
        .order_by(Relation.id)
    )
    return [(row.type, AgreementChoice(row.id, row.title, row.signed_on)) for row in rows]

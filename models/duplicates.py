"""Probable duplicates: an agreement that is likely recorded already under other wording.

Two agreements are probably one when they were signed on the same date (as recorded, with
its precision; or neither has one), between the same set of parties, and their titles are
near in wording. Titles are compared as sets of folded words (case, accents and
punctuation aside), leaving out words that tell nothing apart: articles and prepositions,
"field of", and the parties' own names, which both sides share by definition. The score
is a Jaccard index in which a word also matches a close spelling of itself
('cooperaton'); numbers must be the same ("Protocol No. 1" is not "Protocol No. 2").

Candidates always come from SQL (signing date, indexed, and one party of the set), never
from a scan of every title in Python.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import ColumnElement, String, select, type_coerce
from sqlalchemy.orm import Session

from models.dates import PartialDate
from models.parties import find_party
from models.schema import Agreement, Participation, Party
from models.text import search_terms

# 0.8 joins word orders and one extra small word ("cooperation in energy" / "energy
# cooperation") and keeps apart the sample's seven documents of one day and two parties.
THRESHOLD = 0.8
# Two words are one when this alike (difflib ratio), and long enough for it to mean a typo.
_WORD_CUTOFF = 0.85
_WORD_MIN = 5
_CHUNK = 400
_DIGITS = re.compile(r"\d")
# Words that appear in any title and tell none apart (folded: no accents, lower case).
_STOPWORDS_TEXT = """
    a an the of on in and or to for with between by at from into upon about concerning
    regarding relating as its their this that field fields area areas sphere
    de la le les des du et en sur entre el los las y del und der die das
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


@dataclass(frozen=True)
class PossibleDuplicate:
    """A recorded agreement that an input probably repeats."""

    agreement_id: int
    title: str
    signed_on: PartialDate | None

    def describe(self) -> str:
        """ "12 'Agreement on energy cooperation' (6 December 2021)"."""
        when = self.signed_on.display() if self.signed_on else "date not recorded"
        return f"{self.agreement_id} '{self.title}' ({when})"


# ----------------------------------------------------------------- titles


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    # A hyphen joins: 'co-operation' is 'cooperation', 'high-speed' is one word both ways.
    return frozenset(search_terms(text.replace("-", "")))


def content_words(title: str, ignore: frozenset[str] = frozenset()) -> frozenset[str]:
    """The folded words of *title* that can tell it from another; all of them if none can."""
    words = _words(title)
    kept = frozenset(word for word in words if word not in STOPWORDS and word not in ignore)
    return kept or words


def title_similarity(first: str, second: str, ignore: frozenset[str] = frozenset()) -> float:
    """0 to 1: shared words over all words, a close spelling counting as shared."""
    a, b = content_words(first, ignore), content_words(second, ignore)
    if not a or not b:
        return 1.0 if a == b else 0.0
    shared = len(a & b)
    unmatched = sorted(b - a)
    for word in sorted(a - b):
        if len(word) < _WORD_MIN or not unmatched:
            continue
        close = difflib.get_close_matches(word, unmatched, n=1, cutoff=_WORD_CUTOFF)
        if close:
            unmatched.remove(close[0])
            shared += 1
    return shared / (len(a) + len(b) - shared)


def titles_alike(first: str, second: str, ignore: frozenset[str] = frozenset()) -> bool:
    """True when the titles are near in wording and carry the same numbers."""
    if _numbers(first) != _numbers(second):
        return False
    return title_similarity(first, second, ignore) >= THRESHOLD


def _numbers(title: str) -> frozenset[str]:
    return frozenset(word for word in _words(title) if _DIGITS.search(word))


def party_words(names: Iterable[str]) -> frozenset[str]:
    """The words of party names, left out of titles: both sides name the same parties."""
    return frozenset(word for name in names for word in _words(name))


# ----------------------------------------------------------------- one agreement


def probable_duplicates(
    session: Session,
    title: str,
    signed_on: str | PartialDate | None,
    parties: Sequence[str],
    *,
    exclude_id: int | None = None,
) -> list[PossibleDuplicate]:
    """Recorded agreements that an agreement with these values probably repeats, oldest first.

    *parties* are names or codes as typed; a name that no recorded party answers to means
    nothing recorded can be the same agreement. *exclude_id* is the agreement being edited.
    """
    date = PartialDate.parse_optional(signed_on) if isinstance(signed_on, str) else signed_on
    resolved = [find_party(session, name) for name in parties if name.strip()]
    if not resolved or any(party is None for party in resolved):
        return []
    found = [party for party in resolved if party is not None]
    party_ids = frozenset(party.id for party in found)
    ignore = party_words([*parties, *(party.name for party in found)])
    key = (date.iso() if date else None, party_ids)
    candidates = _candidates(session, [key])
    return [
        PossibleDuplicate(agreement_id, other_title, date)
        for agreement_id, other_title in candidates.get(key, [])
        if agreement_id != exclude_id and titles_alike(title, other_title, ignore)
    ]


# ----------------------------------------------------------------- many rows (import)


@dataclass(frozen=True)
class DuplicateQuery:
    """One row of a file, as duplicates are looked for."""

    title: str
    signed_on: str  # as written ('2021-12-06', '' for none); parsed only when it matters
    parties: tuple[str, ...]


def find_duplicates(
    session: Session,
    rows: Sequence[DuplicateQuery],
    known: dict[str, int | None] | None = None,
) -> list[PossibleDuplicate | None]:
    """For each row, the oldest recorded agreement it probably repeats, or None.

    A few queries per chunk of rows, whatever the size of the database: rows whose
    parties are not all recorded are settled without asking it. *known* (name -> party
    id or None, updated) keeps the names looked up from one chunk to the next, for a
    caller that writes no party in between (an import's first pass).
    """
    ids_of = _party_ids(session, {name for row in rows for name in row.parties}, known)
    keys: list[tuple[str | None, frozenset[int]] | None] = []
    for row in rows:
        ids = [ids_of.get(name) for name in row.parties if name.strip()]
        if not ids or None in ids:
            keys.append(None)
        else:
            date = _parsed_date(row.signed_on)
            keys.append((date.iso() if date else None, frozenset(i for i in ids if i is not None)))
    wanted = list(dict.fromkeys(key for key in keys if key is not None))
    candidates = _candidates(session, wanted)
    names = _party_names(session, {i for key in wanted for i in key[1]})
    found: list[PossibleDuplicate | None] = []
    for row, key in zip(rows, keys, strict=True):
        others = candidates.get(key, []) if key is not None else []
        match = None
        if others and key is not None:
            ignore = party_words([*row.parties, *(names[i] for i in key[1])])
            match = next(
                (
                    PossibleDuplicate(agreement_id, title, _parsed_date(row.signed_on))
                    for agreement_id, title in others
                    if titles_alike(row.title, title, ignore)
                ),
                None,
            )
        found.append(match)
    return found


@lru_cache(maxsize=65536)
def _parsed_date(text: str) -> PartialDate | None:
    """Signing dates repeat across a file's rows: each parsed once."""
    return PartialDate.parse_optional(text)


def _party_ids(
    session: Session, names: set[str], known: dict[str, int | None] | None = None
) -> dict[str, int]:
    """Name as given -> recorded party id, for the names a recorded party answers to."""
    known = {} if known is None else known
    for name in names - known.keys():
        party = find_party(session, name) if name.strip() else None
        known[name] = party.id if party is not None else None
    ids = {}
    for name in names:
        party_id = known[name]
        if party_id is not None:
            ids[name] = party_id
    return ids


def _party_names(session: Session, ids: set[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        names.update(session.execute(select(Party.id, Party.name).where(Party.id.in_(chunk))).all())
    return names


_Key = tuple[str | None, frozenset[int]]
# The stored ISO text ('2021', '2021-12-06') as it is: thousands of dates need no parsing.
_SIGNED_TEXT = type_coerce(Agreement.signed_on, String)


def _candidates(session: Session, keys: Sequence[_Key]) -> dict[_Key, list[tuple[int, str]]]:
    """(signing date, party set) -> recorded agreements with exactly those, oldest first.

    SQL narrows by the date and one party of the set (both indexed); the full party sets
    of the few agreements left are then compared.
    """
    pivots: dict[tuple[str | None, int], set[_Key]] = defaultdict(set)
    for key in keys:
        pivots[(key[0], min(key[1]))].add(key)
    # By party, then date: a chunk names few parties and many dates, both lists indexed;
    # a row-value IN over (date, party) pairs made SQLite scan every link instead. Rows
    # of other pairs that the two lists let through are dropped below.
    dated = sorted((pair for pair in pivots if pair[0] is not None), key=lambda p: (p[1], p[0]))
    undated = sorted(pair[1] for pair in pivots if pair[0] is None)
    rows: list[tuple[int, str, str | None, int]] = []
    for start in range(0, len(dated), _CHUNK):
        chunk = dated[start : start + _CHUNK]
        rows += _pivot_rows(
            session,
            _SIGNED_TEXT.in_(sorted({date for date, _ in chunk}))
            & Participation.party_id.in_(sorted({party for _, party in chunk})),
        )
    for start in range(0, len(undated), _CHUNK):
        chunk_ids = undated[start : start + _CHUNK]
        rows += _pivot_rows(
            session,
            Agreement.signed_on.is_(None) & Participation.party_id.in_(chunk_ids),
        )
    party_sets = _party_sets(session, sorted({row[0] for row in rows}))
    found: dict[_Key, list[tuple[int, str]]] = defaultdict(list)
    for agreement_id, title, date, pivot in sorted(rows):
        key = (date, party_sets.get(agreement_id, frozenset()))
        if key in pivots.get((date, pivot), ()):
            found[key].append((agreement_id, title))
    return found


def _pivot_rows(
    session: Session, condition: ColumnElement[bool]
) -> list[tuple[int, str, str | None, int]]:
    statement = (
        select(Agreement.id, Agreement.title, _SIGNED_TEXT, Participation.party_id)
        .join(Participation, Participation.agreement_id == Agreement.id)
        .where(condition)
    )
    return [tuple(row) for row in session.execute(statement)]  # type: ignore[misc]  # a Row is a tuple


def _party_sets(session: Session, ids: list[int]) -> dict[int, frozenset[int]]:
    sets: dict[int, set[int]] = defaultdict(set)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for agreement_id, party_id in session.execute(
            select(Participation.agreement_id, Participation.party_id).where(
                Participation.agreement_id.in_(chunk)
            )
        ):
            sets[agreement_id].add(party_id)
    return {agreement_id: frozenset(parties) for agreement_id, parties in sets.items()}

"""An in-memory bitmap index of the agreements: broad filters, counts and sorts in milliseconds.

SQL answers a narrow filter fast, but counting a broad one per party, field, status and
year means joining most of a million participations on every keystroke. This index
holds, for each party, field (with its subfields), kind, status, level and year, the set
of agreements in it as one Python integer used as a bit set (bit i = agreement id i).
A filter is then a few ANDs and ORs of those sets, each facet count one AND and a
population count, and the ordered ids come from a precomputed order per sort column.
Free text still goes to the database (FTS5), once per distinct search.

It answers exactly what models.query answers (tests compare the two on random filters),
and only while the data revision it was built at is current: after any change the
caller falls back to models.query and builds a new index in the background.
"""

from __future__ import annotations

import hashlib
import re
import sys
from array import array
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from itertools import compress, repeat
from operator import and_, itemgetter, or_
from typing import Any

from sqlalchemy import Text, bindparam, cast, func, select, text
from sqlalchemy import and_ as sql_and
from sqlalchemy import or_ as sql_or
from sqlalchemy.orm import Session

from models.attachment_search import agreement_ids_matching
from models.deadline_store import ENDED
from models.due_index import DueIndex
from models.index_changes import Marks, changed_since, read_marks
from models.party_links import PartyLinks, inverted
from models.query import (
    DUE_CHOICES,
    AgreementFilter,
    Facets,
    Sort,
    SortColumn,
    fts_query,
    matching_ids,
    sort_expression,
    sorted_ids,
)
from models.revision import current_revision
from models.schema import Agreement, Field, Participation, agreement_fields
from models.search_index import (
    has_search_index,
    search_rowid_parts,
    search_rowids,
    stored_words,
    words_matching,
)
from models.text import search_terms
from models.vocab import Kind, Level, Status

# Below this many matches, the ids are picked out of the bit set and sorted by rank;
# above it, the precomputed order is filtered by the bit set. Filtering walks the whole
# order, so the limit grows with it: measured at a million, ranking 40,000 matches takes
# as long as filtering.
_SPARSE = 8_000
_SPARSE_SHARE = 25  # or one agreement in this many, if more
_CACHED_SETS = 16
# A search of one word this short (a first letter or two typed) matches a quarter of a
# million agreements at a million: its set is kept with the index, and its counts with
# it, rather than asked of FTS5 and counted on every search; a change drops them.
SHORT_TERM = 2
_SHORT_SETS = 16  # short words kept at most (125 KB each at a million), the oldest dropped
# Up to this many moves in the signing-date order (two per agreement saved), the first
# letters' places in it are moved with them (a few ms); more, worked out again when asked.
_PLACED_MOVES = 8
# The first letters whose sets are read with the index, kept in its file and patched with
# it (SQLite's search table only): a first letter typed never waits for an FTS5 prefix
# query over the whole database (400 ms for `k` at a million, 1 s for `a`). Latin, digits
# and Cyrillic as the search folds them (қ -> к, ö -> o; й and ё fold to и and е).
# About 40 of them match anything: 5 MB at a million.
LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789" + "".join(
    chr(code) for code in range(ord("а"), ord("я") + 1) if chr(code) != "й"
)
# A search-table row of only these characters is split into words by str.split() exactly
# as FTS5's tokenizer splits it, and each word's first character is the one FTS5 matches
# (none of them is folded further): its first letters are read in Python, not asked of
# FTS5. Any other character (Greek, a letter newer than SQLite's Unicode tables): asked.
_PLAIN_WORDS = re.compile(f"[ {LETTERS}]*")
PATCH_LIMIT = 1_000  # more changed agreements than this: a build is about as quick
_AUDIT_LINES = 4  # audit lines read per agreement patched, at most (an agreement saved often)
_PATCHES_KEPT = 32  # patches remembered for changed_after()
_FEW = 16  # up to this many ids are searched for one by one, more in one pass
# Sort columns ordered by a subquery (first party, first field): no place to look up.
_DERIVED = frozenset({SortColumn.PARTIES, SortColumn.FIELDS})
_NONZERO = re.compile(rb"[^\x00]")
_ONE = re.compile(rb"\x01")
# Up to one id in this many, the ids are read byte by byte of the bit set; more, from the
# flags (a byte per id), where each match is an id at once: 3-4x quicker at 20,000 of 1M.
_FEW_IDS_SHARE = 400
_PACK_PART = 65_536  # ids set in one call (a few ms at most)
_SHIFTED = 8  # up to this many ids are packed a shift each
# Sort orders are arrays of 32-bit ids: a list of a million Python integers held 37 MB,
# the array 4. Read and filtered this many positions at a time (a few ms at most each).
ORDER_CODE = "i"
_ORDER_PART = 65_536
# An order's ranks are set this many at a time: one call holds the interpreter, and the
# window waits for it (12 ms for 65,536; about 1.5 for this).
_RANK_PART = 8_192
_YEAR_BYTES = array("H").itemsize
_BITS = [tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256)]
_ALL_OR_NOTHING = bytes.maketrans(b"\x01", b"\xff")  # a flag byte of 1 becomes a mask
_LOW_BYTES = slice(0, None, 2) if sys.byteorder == "little" else slice(1, None, 2)
# Up to this share of all agreements, the years are counted from a byte per match; above
# it, one AND and population count per year's set is quicker.
_YEAR_BYTES_SHARE = 4
# Up to this share of all agreements, a match is counted per party from its agreements'
# links (PartyLinks), unless they are more than one per two agreements of the whole index:
# past that, one AND and population count per party's set is quicker.
_LINKS_SHARE = 16
_LINKS_MOST_SHARE = 2
_LINKS_FEWEST = 10_000  # links always few enough (half a millisecond)


def _no_check() -> None:
    pass


class Bits:
    """Conversions between id lists and bit sets of one size."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.bytes = (size + 7) // 8
        self._ones = int.from_bytes(b"\x01" * self.bytes, "little")
        self.full = (1 << size) - 1

    def pack(self, ids: Sequence[int]) -> int:
        """The bit set of *ids*; ids beyond the size (added since it was read) are left out."""
        try:
            return self._pack(ids)
        except IndexError:
            return self._pack([i for i in ids if i < self.size])

    def _pack(self, ids: Sequence[int]) -> int:
        if len(ids) <= _SHIFTED:  # a save's few: no buffer of the whole size to convert
            if ids and max(ids) >= self.size:
                raise IndexError(max(ids))
            return reduce(or_, [1 << agreement_id for agreement_id in ids], 0)
        if len(ids) < self.size // 32:
            packed = bytearray(self.bytes)
            for agreement_id in ids:
                packed[agreement_id >> 3] |= 1 << (agreement_id & 7)
            return int.from_bytes(packed, "little") & self.full
        flags = bytearray(self.bytes * 8)
        for start in range(0, len(ids), _PACK_PART):  # set in C, a part at a time: 3x quicker
            deque(map(flags.__setitem__, ids[start : start + _PACK_PART], repeat(1)), maxlen=0)
        return self.pack_flags(flags) & self.full

    def pack_flags(self, flags: bytes | bytearray) -> int:
        """The bit set of the positions whose byte in *flags* is 1."""
        # Byte k of each group of eight becomes bit k of one packed byte.
        return sum(int.from_bytes(flags[bit::8], "little") << bit for bit in range(8))

    def flags(self, bits: int) -> bytearray:
        """One byte per id, 1 where the bit is set."""
        flags = bytearray(self.bytes * 8)
        for bit in range(8):
            flags[bit::8] = ((bits >> bit) & self._ones).to_bytes(self.bytes, "little")
        return flags

    def ids(self, bits: int) -> list[int]:
        """The ids in a (sparse) bit set, ascending."""
        if bits.bit_count() > self.size // _FEW_IDS_SHARE:
            return [match.start() for match in _ONE.finditer(self.flags(bits))]
        packed = bits.to_bytes(self.bytes, "little")
        found: list[int] = []
        for match in _NONZERO.finditer(packed):
            position = match.start()
            base = position * 8
            found.extend(base + bit for bit in _BITS[packed[position]])
        return found


def id_array(ids: Iterable[int] = ()) -> array[int]:
    """*ids* as a sort order's array, converted a part at a time (no long hold on the GIL)."""
    if isinstance(ids, array) and ids.typecode == ORDER_CODE:
        return array(ORDER_CODE, ids)
    found = array(ORDER_CODE)
    if isinstance(ids, (list, tuple, array)):
        for start in range(0, len(ids), _ORDER_PART):
            found.extend(ids[start : start + _ORDER_PART])
    else:
        found.extend(ids)
    return found


def _as_list(ids: array[int]) -> list[int]:
    """The ids of an order as a list, a part at a time."""
    found: list[int] = []
    for start in range(0, len(ids), _ORDER_PART):
        found += ids[start : start + _ORDER_PART]
    return found


@dataclass
class _Order:
    """All agreements in one sort column's ascending order; empty values last, by id."""

    ids: array[int]  # ORDER_CODE: 4 bytes an agreement, not a Python integer's 36
    missing_from: int  # ids[missing_from:] have no value in the column
    _descending: array[int] | None = None
    _rank: array[int] | None = None
    version: int = 0  # one more each time the ids may have changed (forget())

    def __post_init__(self) -> None:
        if not isinstance(self.ids, array) or self.ids.typecode != ORDER_CODE:
            self.ids = id_array(self.ids)

    def listed(self, descending: bool) -> array[int]:
        if not descending:
            return self.ids
        if self._descending is None:
            cut = self.missing_from
            self._descending = self.ids[:cut][::-1] + self.ids[cut:][::-1]
        return self._descending

    def filtered(self, flags: bytearray, descending: bool) -> list[int]:
        """The ids of the order whose flag is set, a part of the order at a time.

        Each part's ids are looked up in the flags by one itemgetter made for it: quicker
        than one kept for the whole order (which also held a tuple of a million integers,
        36 MB), and no call holds the interpreter for more than a few milliseconds.
        """
        listed = self.listed(descending)
        found: list[int] = []
        for start in range(0, len(listed), _ORDER_PART):
            part = listed[start : start + _ORDER_PART]
            if len(part) < 2:
                found += [agreement_id for agreement_id in part if flags[agreement_id]]
            else:
                found += compress(part, itemgetter(*part)(flags))
        return found

    def placed(self, flags: bytearray) -> bytes:
        """For each position of the (ascending) order, 1 if its id's flag is set."""
        found = []
        for start in range(0, len(self.ids), _ORDER_PART):
            part = self.ids[start : start + _ORDER_PART]
            if len(part) == 1:  # itemgetter of one position gives a value, not a tuple
                found.append(bytes([flags[part[0]]]))
            else:
                found.append(bytes(itemgetter(*part)(flags)))
        return b"".join(found)

    def picked(self, placed: bytes | bytearray, descending: bool) -> list[int]:
        """The ids at the positions set in *placed* (see placed()), in the order asked for.

        No look-up per id: the order and the flags are walked side by side, a part at a time.
        """
        placed = placed[: len(self.ids)]
        if descending:
            cut = self.missing_from
            placed = placed[:cut][::-1] + placed[cut:][::-1]
        listed = self.listed(descending)
        found: list[int] = []
        for start in range(0, len(listed), _ORDER_PART):
            end = start + _ORDER_PART
            found += compress(listed[start:end], placed[start:end])
        return found

    def forget(self) -> None:
        """Drop what was derived from the ids (they are about to change, or have)."""
        self._descending = None
        self._rank = None
        self.version += 1

    def ranks(self, size: int) -> array[int]:
        """Each id's position in the order, by id: set in C a part at a time (a loop in
        Python over a million positions took 100 ms; this, 30 in parts of a few ms)."""
        rank = array("i", bytes(size * 4))  # positions fit in 32 bits: half of "l"
        for start in range(0, len(self.ids), _RANK_PART):
            end = start + _RANK_PART
            deque(map(rank.__setitem__, self.ids[start:end], range(start, end)), maxlen=0)
        return rank

    def arrange(self, ids: list[int], size: int, descending: bool) -> list[int]:
        if self._rank is None:
            self._rank = self.ranks(size)
        rank = self._rank
        ids.sort(key=rank.__getitem__)
        if not descending:
            return ids
        cut = bisect_left(ids, self.missing_from, key=rank.__getitem__)
        return ids[:cut][::-1] + ids[cut:][::-1]


@dataclass(frozen=True)
class _Answer:
    """The ids of *match* in *order* as it stood at *version*."""

    match: int
    descending: bool
    order: _Order
    version: int
    ids: list[int]


@dataclass(frozen=True)
class IndexState:
    """What an index holds once built, as plain values (models.index_file keeps it on disk)."""

    revision: int
    marks: Marks
    size: int  # bits per set: the largest agreement id + 1
    every: int  # the set of all agreements
    sets: dict[str, dict[Any, int]]
    signed_keys: list[str]  # signing dates as stored, ascending
    signed_ids: Sequence[int]  # the agreements signed then, in the same order
    undated: Sequence[int]  # the agreements with no signing date, ascending
    due: DueIndex
    links: PartyLinks | None = None  # each agreement's parties (None: counted from the sets)
    letters: dict[str, int] = field(default_factory=dict)  # LETTERS' sets (none: not read)
    letter_counts: dict[tuple[str, str], dict[Any, int]] = field(default_factory=dict)
    party_words: str = ""  # party_words_mark() when the letters were read
    # Where each broad letter's agreements stand in the signing-date order (bit = position).
    letter_placed: dict[str, int] = field(default_factory=dict)


class FacetIndex:
    """Bit sets of the agreements per facet value, valid at one data revision."""

    def __init__(
        self,
        revision: int,
        bits: Bits,
        every: int,
        sets: dict[str, dict[Any, int]],
        signed_keys: list[str],
        orders: dict[SortColumn, _Order],
        due: DueIndex | None = None,
        links: PartyLinks | None = None,
    ) -> None:
        self.revision = revision
        self._bits = bits
        self._all = every
        self.total = every.bit_count()
        self._sets = sets
        # The signing dates in the order of the signing-date order's dated part (its first
        # part): a date range is the ids between two bisections of these.
        self._signed_keys = signed_keys
        self._orders = orders
        self._year_of = _years_of(signed_keys, orders[SortColumn.SIGNED_ON].ids, bits.size)
        self._year_bytes: tuple[bytes, dict[int, int]] | None = None  # see _year_keys()
        self._date_sets: dict[tuple[str | None, str | None], int] = {}
        self._text_sets: dict[tuple[str, ...], int] = {}
        self._due_index = due or DueIndex.empty()
        self._links = links
        self._kept_ids: tuple[int, list[int]] | None = None  # the last match read (_ids_of)
        self._answer: _Answer | None = None  # the last answer of ids()
        self._due_sets: dict[tuple[Any, ...], int] = {}
        self._totals: dict[str, dict[Any, int]] = {}  # each set's size, per set name
        self._short_sets: dict[str, int] = {}  # a short search word -> its matches (_text)
        self._short_counts: dict[tuple[str, str], dict[Any, int]] = {}  # (word, set name)
        # (word, sort column) -> the positions of the word's set in that order, as bits.
        self._short_placed: dict[tuple[str, SortColumn], int] = {}
        # LETTERS' sets, read with the index and patched with it (empty: not read, or dropped
        # when a party's name or alias changed: then asked of FTS5 as any short word), and
        # what party_words_mark() said then. Their counts are kept in _short_counts.
        self._letters: dict[str, int] = {}
        self._party_words = ""
        # Where each broad letter's agreements stand in the signing-date order, worked out
        # with the index (as _short_placed; dropped when the order changes).
        self._letter_placed: dict[str, int] = {}
        self.sparse_limit = max(_SPARSE, bits.size // _SPARSE_SHARE)
        self.links_limit = bits.size // _LINKS_SHARE  # matches counted per party by links
        self.marks = Marks()  # where the audit log and catalog stood when it was read
        self._patches: list[tuple[int, int, frozenset[int]]] = []  # (from, to, ids), newest last

    # ------------------------------------------------------------ building

    @classmethod
    def build(cls, session: Session, check: Callable[[], None] = _no_check) -> FacetIndex | None:
        """Read the database into a new index; None if it changed while being read.

        The reads share one snapshot of the data, on a connection of their own (SQLite's
        driver opens no transaction for reads; PostgreSQL's default isolation lets each
        statement see its own moment), so that whatever others commit meanwhile the index
        holds one state. *check* is called between steps and may raise to abandon it.
        """
        with snapshot(session) as reading:
            return cls._build(reading, check)

    @classmethod
    def _build(cls, session: Session, check: Callable[[], None]) -> FacetIndex | None:
        revision = current_revision(session)
        marks = read_marks(session)
        # Joined into strings by the database: a quarter of a million row tuples would
        # wake Python's garbage collector, which then holds up the GUI thread for a while.
        dated = select(Agreement.signed_on, Agreement.id).where(Agreement.signed_on.is_not(None))
        dated = dated.order_by(Agreement.signed_on, Agreement.id).subquery()
        joined_keys, joined_ids = session.execute(
            select(_joined(session, dated.c.signed_on), _joined(session, dated.c.id))
        ).one()
        interned: dict[str, str] = {}
        keys = [interned.setdefault(key, key) for key in _split(joined_keys)]
        signed_ids = list(map(int, _split(joined_ids)))
        undated = select(Agreement.id).where(Agreement.signed_on.is_(None))
        undated = undated.order_by(Agreement.id).subquery()
        missing = list(map(int, _split(session.scalar(select(_joined(session, undated.c.id))))))
        check()
        bits = Bits(max(signed_ids + missing, default=0) + 1)
        every = bits.pack(signed_ids + missing)
        years: dict[Any, int] = {}
        for year in sorted({key[:4] for key in interned}):
            low, high = bisect_left(keys, year), bisect_left(keys, year + "~")
            years[int(year)] = bits.pack(signed_ids[low:high])
        sets: dict[str, dict[Any, int]] = {"years": years}
        check()
        # One pass over the agreements for the three vocabularies, grouped by combination.
        # (Grouped here, not in SQL: SQLite would walk the status index and then the table
        # in index order, three times slower than one plain scan.)
        combinations: dict[tuple[str, ...], list[int]] = defaultdict(list)
        result = session.connection().execute(
            select(Agreement.status, Agreement.kind, Agreement.level, Agreement.id)
        )
        for status, kind, level, agreement_id in result.cursor or ():  # type: ignore[union-attr]  # PEP 249 cursors iterate, a row at a time
            combinations[status, kind, level].append(agreement_id)
        for position, (name, vocabulary) in enumerate(
            (("statuses", Status), ("kinds", Kind), ("levels", Level))
        ):
            by_value: dict[Any, list[int]] = defaultdict(list)
            for values, ids in combinations.items():
                by_value[vocabulary(values[position])].extend(ids)
            sets[name] = {value: bits.pack(ids) for value, ids in by_value.items()}
        check()
        grouped = _grouped(session, Participation.party_id, Participation.agreement_id)
        sets["parties"] = {party: bits.pack(ids) for party, ids in grouped}
        check()
        grouped = _grouped(session, agreement_fields.c.field_id, agreement_fields.c.agreement_id)
        direct = {field_id: bits.pack(ids) for field_id, ids in grouped}
        sets["fields"] = _with_subfields(session, direct)
        check()
        links = PartyLinks.read(session, bits.size, check)
        orders = {SortColumn.SIGNED_ON: _Order(id_array(signed_ids + missing), len(signed_ids))}
        del signed_ids, missing  # a million integers: gone before the links and due days
        due = DueIndex.read(session)
        letters = _letter_sets(session, bits, every, check)
        party_words = party_words_mark(session) if letters else ""
        if current_revision(session) != revision:
            return None
        index = cls(revision, bits, every, sets, keys, orders, due, links)
        index.marks = marks
        index._letters, index._party_words = letters, party_words
        index._prepare_letters(check)
        return index

    def _prepare_letters(self, check: Callable[[], None] = _no_check) -> None:
        """What each letter's first search would work out, worked out now (in the
        background): its counts per facet value, and where its agreements stand in the
        signing-date order (the window's first order) when there are too many to rank."""
        order = self._orders[SortColumn.SIGNED_ON]
        rank: array[int] | None = None
        for letter, match in self._letters.items():
            if not match or match == self._all:
                continue
            for name in ("fields", "statuses", "kinds", "levels"):
                self._counts(match, name)
            self._party_counts(match)
            self._year_counts(match)
            if match.bit_count() > self.sparse_limit:
                if rank is None:
                    rank = order.ranks(self._bits.size)
                positions = self._bits.ids(match)
                for start in range(0, len(positions), _ORDER_PART):  # in place, a part at a time
                    end = start + _ORDER_PART
                    positions[start:end] = map(rank.__getitem__, positions[start:end])
                self._letter_placed[letter] = self._bits.pack(positions)
            check()

    def state(self) -> IndexState:
        """The built part of this index (not the sort orders read since, nor searches)."""
        order = self._orders[SortColumn.SIGNED_ON]
        return IndexState(
            self.revision,
            self.marks,
            self._bits.size,
            self._all,
            self._sets,
            self._signed_keys,
            order.ids[: order.missing_from],
            order.ids[order.missing_from :],
            self._due_index,
            self._links,
            self._letters,
            {key: counts for key, counts in self._short_counts.items() if key[0] in self._letters},
            self._party_words,
            self._letter_placed,
        )

    @classmethod
    def from_state(cls, state: IndexState) -> FacetIndex:
        """An index holding *state* (its lists, not copies of them)."""
        signed = id_array(state.signed_ids)
        signed.extend(state.undated)
        orders = {SortColumn.SIGNED_ON: _Order(signed, len(state.signed_ids))}
        index = cls(
            state.revision,
            Bits(state.size),
            state.every,
            state.sets,
            state.signed_keys,
            orders,
            state.due,
            state.links,
        )
        index.marks = state.marks
        index._letters, index._party_words = state.letters, state.party_words
        index._short_counts.update(state.letter_counts)
        index._letter_placed = state.letter_placed
        return index

    # ------------------------------------------------------------ patching

    def apply(self, session: Session, ids: Iterable[int] = (), *, known: bool = False) -> bool:
        """Bring the index up to date in place for *ids* and what the audit log says changed.

        False (the index is left as it was, and should be built again) when that many ids
        would take longer than a build, or when the data moved on and nobody can say how.
        *known*: the caller made the change and *ids* name every agreement it touched
        (a party merged, a view saved): a moved revision or a missing party is explained.
        Reads on a snapshot of their own, like build().
        """
        with snapshot(session) as reading:
            revision = current_revision(reading)
            seen = changed_since(
                reading, self.marks, trust_catalog=known, limit=_AUDIT_LINES * PATCH_LIMIT
            )
            if seen.ids is None:
                return False
            wanted = set(ids) | seen.ids
            unexplained = revision != self.revision and not wanted and not known
            if len(wanted) > PATCH_LIMIT or unexplained:
                return False
            if self._letters and revision != self.revision:
                self._check_party_words(reading)
            if wanted:
                self._patch(reading, sorted(wanted))
            if revision != self.revision:
                self._patches = [
                    *self._patches[-_PATCHES_KEPT:],
                    (self.revision, revision, frozenset(wanted)),
                ]
            self.revision, self.marks = revision, seen.marks
            return True

    def changed_after(self, revision: int | None) -> frozenset[int] | None:
        """The agreements patched in since the data stood at *revision*; None if not known.

        A table that shows the rows of *revision* repaints these; None (the index was built
        later, or the patches that far back are forgotten) means: read them all again.
        """
        if revision == self.revision:
            return frozenset()
        found: set[int] = set()
        for start, end, ids in reversed(self._patches):
            if revision is None or end <= revision:
                break
            found |= ids
            if start <= revision:
                return frozenset(found)
        return None

    def _patch(self, session: Session, ids: list[int]) -> None:
        rows = _current_rows(session, ids)
        present = sorted(rows.facts)
        if present and present[-1] >= self._bits.size:
            self._grow(present[-1] + 1)
        gone = self._bits.pack(ids)
        # Each set's size (the counts with no filter) is kept up to date here, as the sets
        # are: counting them all again took 13 ms at a quarter of a million after each save.
        totals = self._totals
        left: list[tuple[str, Any, frozenset[int]]] = []  # (set name, value, changed there)
        for name, sets in self._sets.items():
            sizes = totals.get(name)
            for key, bits in sets.items():
                if leaving := bits & gone:
                    left.append((name, key, self._among(leaving, ids)))
                    sets[key] = bits & ~gone
                    if sizes is not None:
                        _add(sizes, key, -leaving.bit_count())
        self._all = (self._all & ~gone) | self._bits.pack(present)
        counts = {key: c for key, c in self._short_counts.items() if key[0] in self._letters}
        placed = self._letter_placed
        self._forget_short()
        self.total = self._all.bit_count()
        grouped = rows.grouped()
        for name, values in grouped.items():
            sets, sizes = self._sets[name], totals.get(name)
            for value, members in values.items():
                sets[value] = sets.get(value, 0) | self._bits.pack(members)
                if sizes is not None:  # the members were all taken out above
                    _add(sizes, value, len(set(members)))
        now = self._patch_letters(session, ids, gone, present, _Moved(left, grouped, counts))
        moves = self._patch_signed(ids, rows)
        if placed and moves is not None and len(moves) <= _PLACED_MOVES:
            self._letter_placed = {
                letter: _moved_bits(bits, moves, now.get(letter, set()))
                for letter, bits in placed.items()
                if letter in self._letters
            }
        self._patch_orders(session, ids, rows)
        self._due_index = self._due_index.patched(session, ids)
        if self._links is not None:
            self._links = self._links.patched(inverted(rows.parties, ids))
        self._patch_due(ids, gone)
        self._forget_sets()

    def _patch_due(self, ids: list[int], gone: int) -> None:
        """Bring the due windows kept up to date for *ids* (their deadlines just read again).

        Each window is its agreements elsewhere as they were, and these as they are now:
        made again from every deadline it took 5 ms at a quarter of a million per save.
        """
        own = self._due_index.only(ids) if self._due_sets else None
        if own is None:
            self._due_sets.clear()
            return
        ended = _union(self._sets["statuses"], ENDED)
        for key, bits in self._due_sets.items():
            as_of, within, overdue = key
            self._due_sets[key] = (bits & ~gone) | self._due_of(own, as_of, within, overdue, ended)

    def _forget_short(self) -> None:
        """Drop the kept short words, asked of the database again at their next search.

        Matched again for the changed agreements alone, each word was an FTS5 prefix query
        over every agreement all the same (50 ms for `k` at 250,000): on every save, for
        every word kept, where a save's counts are due within 100 ms. The first letters'
        sets, counts and places are not dropped here: _patch moves them (_patch_letters).
        """
        self._short_sets.clear()
        self._short_counts.clear()
        self._short_placed.clear()
        self._letter_placed = {}  # the state kept for the file may hold the one replaced

    def _patch_letters(
        self, session: Session, ids: list[int], gone: int, present: list[int], moved: _Moved
    ) -> dict[str, set[int]]:
        """Take the changed agreements out of each first letter's set, and put back in
        those whose words (or attachments) now begin with it; its kept counts follow.

        A count is the letter's agreements in one set: less those changed that were in
        both, plus those changed that now are (a save: a few ms for every letter kept).
        """
        if not self._letters:
            return {}
        letters: dict[str, int] = self._letters
        was: dict[str, frozenset[int]] = {}
        for letter, bits in letters.items():
            if both := bits & gone:
                was[letter] = self._among(both, ids)
                letters[letter] = bits & ~gone
        now = {
            letter: set(members)
            for letter, members in _first_letters(session, present).items()
            if letter in letters
        }
        for letter, members in now.items():
            letters[letter] |= self._bits.pack(sorted(members))
        for (letter, name), kept in moved.counts.items():
            before, mine = was.get(letter, frozenset()), now.get(letter, set())
            if not before and not mine:  # none of the changed was or is in the letter
                self._short_counts[letter, name] = kept
                continue
            counts = dict(kept)
            for set_name, key, both in moved.left if before else ():
                if set_name == name and (number := len(both & before)):
                    counts[key] -= number
                    if not counts[key]:
                        del counts[key]
            for value, members in moved.grouped[name].items() if mine else ():
                if number := len(mine.intersection(members)):
                    counts[value] = counts.get(value, 0) + number
            self._short_counts[letter, name] = counts
        return now

    def _among(self, bits: int, ids: list[int]) -> frozenset[int]:
        """Which of *ids* (a patch's changed agreements) are in *bits*, a subset of them.

        Compared as these few ids, not as bit sets of every agreement: a save of an
        agreement of 130 parties counted 9,000 such sets for the letters' counts (80 ms).
        """
        if len(ids) == 1:
            return frozenset(ids) if bits else frozenset()
        return frozenset(self._bits.ids(bits))

    def _check_party_words(self, session: Session) -> None:
        """Drop the first letters' sets if a party's name or alias changed.

        Those words are in the search table's row of each of its agreements, re-indexed
        with no audit line of theirs: which agreements' letters changed is not told.
        """
        if party_words_mark(session) != self._party_words:
            self._letters, self._letter_placed = {}, {}
            self._short_counts.clear()
            self._short_placed.clear()

    def _grow(self, size: int) -> None:
        """Room for ids beyond the size read at first (agreements added since)."""
        self._year_of.frombytes(bytes(_YEAR_BYTES * max(0, size - len(self._year_of))))
        self._year_bytes = None
        self._short_placed.clear()
        self._bits = Bits(size)
        for order in self._orders.values():
            order.forget()

    def _patch_signed(self, ids: list[int], rows: _Rows) -> list[tuple[int, int]] | None:
        """Take the ids out of the signing-date order and put them back in their new places.

        The order's dated part and the signing dates' list have the same positions, so one
        search finds an id in both; an insertion is a bisect and a move of memory. One
        agreement put back where it was (a save that kept its signing date's place) leaves
        the order as it was: what was derived from it stays (FacetIndex.ids). Returns the
        moves, in turn: (position, -1) taken out, (position, id) put in; None for many.
        """
        order = self._orders[SortColumn.SIGNED_ON]
        keys, listed = self._signed_keys, order.ids
        missing_from = order.missing_from
        taken: list[tuple[int, int]] = []  # (position, id) of each id taken out
        if len(ids) > _FEW:  # one pass over the lists, rather than a search per id
            leaving = set(ids)
            dated = listed[: order.missing_from]
            kept = [(k, i) for k, i in zip(keys, dated, strict=True) if i not in leaving]
            keys[:] = [k for k, _i in kept]
            undated = [i for i in listed[order.missing_from :] if i not in leaving]
            listed[:] = id_array([i for _k, i in kept] + undated)
            order.missing_from = len(kept)
            taken.append((-1, -1))  # not told: the order counts as changed
        else:
            for agreement_id in ids:
                try:
                    position = self._signed_position(order, agreement_id)
                except ValueError:
                    continue
                taken.append((position, agreement_id))
                del listed[position]
                if position < order.missing_from:
                    del keys[position]
                    order.missing_from -= 1
        year_of = self._year_of
        self._year_bytes = None
        for agreement_id in ids:
            if agreement_id < len(year_of):
                year_of[agreement_id] = 0
        put: list[tuple[int, int]] = []  # (position, id) of each put back
        for agreement_id, key in sorted(rows.signed.items()):
            year_of[agreement_id] = int(key[:4])
            low, high = bisect_left(keys, key), bisect_right(keys, key)
            position = bisect_left(listed, agreement_id, low, high)
            keys.insert(position, key)
            listed.insert(position, agreement_id)
            order.missing_from += 1
            put.append((position, agreement_id))
        for agreement_id in rows.facts:
            if agreement_id not in rows.signed:
                position = bisect_right(listed, agreement_id, lo=order.missing_from)
                listed.insert(position, agreement_id)
                put.append((position, agreement_id))
        if len(taken) != 1 or taken != put or order.missing_from != missing_from:
            order.forget()
        if len(ids) > _FEW:
            return None
        return [(position, -1) for position, _id in taken] + put

    def _signed_position(self, order: _Order, agreement_id: int) -> int:
        """Where *agreement_id* is in the signing-date order; ValueError if not there.

        Looked for among the agreements of its signing year alone (two bisections of the
        dates find them): the whole order walked took 4 ms at a quarter of a million.
        """
        if agreement_id >= len(self._year_of):
            raise ValueError(agreement_id)  # added since the index was read
        listed, year = order.ids, self._year_of[agreement_id]
        if year:
            keys = self._signed_keys
            low = bisect_left(keys, f"{year:04d}")
            high = bisect_left(keys, f"{year + 1:04d}", low)
        else:  # no signing date: among the undated, by id
            low, high = order.missing_from, len(listed)
        with suppress(ValueError):
            return listed.index(agreement_id, low, high)
        return listed.index(agreement_id)  # not where its year says: anywhere

    def _patch_orders(self, session: Session, ids: list[int], rows: _Rows) -> None:
        """Move the ids to their new places in every other sort order read so far."""
        for column in list(self._orders):
            if column is SortColumn.SIGNED_ON:
                continue
            if column in _DERIVED:
                # Ordered by a first party or field: no index to find a place by, and a
                # renamed party moves many; read again when next asked for.
                del self._orders[column]
                continue
            order = self._orders[column]
            order.forget()
            if not _place(session, column, order, ids, sorted(rows.facts)):
                del self._orders[column]  # read again when next asked for

    def forget_searches(self) -> None:
        """Drop the remembered sets of recent text searches and date ranges, and the last
        answer of ids(): the next search works its answer out anew (as a benchmark wants).

        The due windows stay: they depend on the data and the day, not on the search, and
        a patch brings them up to date.
        """
        self._forget_sets()
        self._answer = None

    def _forget_sets(self) -> None:
        """A patch's part of forget_searches(): the last answer stays, checked at its use."""
        self._text_sets.clear()
        self._date_sets.clear()

    def is_current(self, session: Session) -> bool:
        return current_revision(session) == self.revision

    # ------------------------------------------------------------ answering

    def ids(self, session: Session, wanted: AgreementFilter, sort: Sort) -> list[int]:
        """What models.query.agreement_ids answers, from the index.

        The list is the caller's to keep, never to change: the same matches in an order
        that has not moved since (a save that left its agreement where it was) get the
        very list of the last answer back, at once, where reading it out again took 6-12
        ms at a quarter of a million, and the window compared it with what it showed.
        """
        match = self._match(self._dimensions(session, wanted))
        order = self._order(session, sort.column)
        last = self._answer
        if (
            last is not None
            and last.order is order
            and last.version == order.version
            and last.descending == sort.descending
            and last.match == match
        ):
            return last.ids
        found = self._arranged(match, order, sort)
        self._answer = _Answer(match, sort.descending, order, order.version, found)
        return found

    def _arranged(self, match: int, order: _Order, sort: Sort) -> list[int]:
        found = match.bit_count()
        if found == self.total:
            return _as_list(order.listed(sort.descending))
        if found <= self.sparse_limit:
            return order.arrange(list(self._ids_of(match)), self._bits.size, sort.descending)
        term = self._short_term(match)
        if term is None:
            return order.filtered(self._bits.flags(match), sort.descending)
        # A short word alone: where its agreements are in this order is kept (a bit per
        # position), so that the order is walked beside it, with no look-up per agreement.
        placed = self._short_placed.get((term, sort.column))
        if placed is None and sort.column is SortColumn.SIGNED_ON:
            placed = self._letter_placed.get(term)
        if placed is None:
            flags = order.placed(self._bits.flags(match))
            placed = self._bits.pack_flags(flags)
            _remember(self._short_placed, (term, sort.column), placed, _SHORT_SETS)
        return order.picked(self._bits.flags(placed), sort.descending)

    def _short_term(self, match: int) -> str | None:
        """The kept short word (or first letter) whose set *match* is, if any."""
        for kept in (self._letters, self._short_sets):
            for term, bits in kept.items():
                if bits is match or (bits and bits == match):
                    return term
        return None

    def count(self, session: Session, wanted: AgreementFilter) -> int:
        return self._match(self._dimensions(session, wanted)).bit_count()

    def facets(
        self, session: Session, wanted: AgreementFilter, *, exclude_own: bool = True
    ) -> Facets:
        """What models.query.facet_counts answers, from the index."""
        dimensions = self._dimensions(session, wanted)
        matched = self._match(dimensions)

        def within(own: str) -> int:
            if not exclude_own or own not in dimensions:
                return matched
            return self._match({name: bits for name, bits in dimensions.items() if name != own})

        parties = within("parties") if wanted.any_party else matched
        return Facets(
            fields=self._counts(within("fields"), "fields"),
            parties=self._party_counts(parties),
            statuses=self._counts(within("statuses"), "statuses"),
            kinds=self._counts(within("kinds"), "kinds"),
            levels=self._counts(within("levels"), "levels"),
            years=self._year_counts(within("dates")),
            due=self._due_counts(wanted.as_of(), within("due")),
        )

    def _ids_of(self, match: int) -> list[int]:
        """The ids in *match*, ascending (not to be changed: the last ones are kept).

        A filter's ids, its party counts and its years each want the same ids of one match:
        read from its bits once (5-10 ms for 10,000 of a million).
        """
        kept = self._kept_ids
        if kept is not None and (kept[0] is match or kept[0] == match):
            return kept[1]
        found = self._bits.ids(match)
        self._kept_ids = (match, found)
        return found

    def _party_counts(self, match: int) -> dict[int, int]:
        """Matches per party; for a narrow match, from its agreements' own parties.

        304 population counts of a million bits take about 30 ms whatever the match; the
        links of a few thousand agreements are counted in a few.
        """
        most = max(self._bits.size // _LINKS_MOST_SHARE, _LINKS_FEWEST)
        narrow = match != self._all and match.bit_count() <= self.links_limit
        if self._links is not None and narrow:
            counted = self._links.count(self._ids_of(match), most)
            if counted is not None:
                return dict(counted)
        return self._counts(match, "parties")

    def _year_counts(self, match: int) -> dict[int, int]:
        """Matches per signing year, without counting 200 sets when the match is not broad.

        A few matches are looked up one by one; up to a quarter of all agreements, each
        match's year is picked out as a byte in one pass and those bytes are counted.
        """
        if match == self._all:
            return self._counts(match, "years")
        found = match.bit_count()
        if found <= min(self.sparse_limit, _SPARSE):
            counted = Counter(map(self._year_of.__getitem__, self._ids_of(match)))
        elif found <= self._bits.size // _YEAR_BYTES_SHARE and (keyed := self._year_keys()):
            low_bytes, year_of_byte = keyed
            picked = self._picked(match, low_bytes).translate(None, b"\x00")
            counted = Counter({year_of_byte[byte]: n for byte, n in Counter(picked).items()})
        else:
            return self._counts(match, "years")
        counted.pop(0, None)  # no signing date
        return dict(counted)

    def _year_keys(self) -> tuple[bytes, dict[int, int]] | None:
        """Each agreement's signing year as one byte (its low byte), and the year of each byte.

        None when two years (or a year and "no date") share a low byte: more than 255
        years apart. Made again after a patch (2 ms at a million).
        """
        if self._year_bytes is None:
            years = [0, *self._sets["years"]]
            by_byte = {year & 0xFF: year for year in years}
            if len(by_byte) < len(years):
                return None
            self._year_bytes = (self._year_of.tobytes()[_LOW_BYTES], by_byte)
        return self._year_bytes

    def _picked(self, match: int, values: bytes) -> bytes:
        """*values* (a byte per agreement id) where the id is in *match*, zero elsewhere."""
        size = len(values)
        mask = self._bits.flags(match)[:size].translate(_ALL_OR_NOTHING)
        picked = int.from_bytes(values, "little") & int.from_bytes(mask, "little")
        return picked.to_bytes(size, "little")

    def _counts(self, match: int, name: str) -> dict[Any, int]:
        """Matches per value of set *name*; each set's own size when nothing else constrains."""
        if match != self._all:
            short = self._short_sets or self._letters
            counted = self._short_counted(match, name) if short else None
            return _counts(match, self._sets[name]) if counted is None else counted
        totals = self._totals.get(name)
        if totals is None:
            totals = self._totals[name] = _counts(match, self._sets[name])
        return dict(totals)

    def _short_counted(self, match: int, name: str) -> dict[Any, int] | None:
        """Counts of set *name* when *match* is a kept short word's set (counted once)."""
        term = self._short_term(match)
        if term is None:
            return None
        counts = self._short_counts.get((term, name))
        if counts is None:
            counts = self._short_counts[term, name] = _counts(match, self._sets[name])
        return dict(counts)  # the caller's to keep; the remembered one stays as it is

    def _due_counts(self, as_of: date, match: int) -> dict[str, int]:
        found = {}
        for key, days, overdue in DUE_CHOICES:
            number = (match & self._due(as_of, days, overdue)).bit_count()
            if number:
                found[key] = number
        return found

    def _match(self, dimensions: dict[str, int]) -> int:
        return reduce(and_, dimensions.values(), self._all)

    def _dimensions(self, session: Session, wanted: AgreementFilter) -> dict[str, int]:
        """One bit set per constrained dimension of the filter."""
        found: dict[str, int] = {}
        sets = self._sets
        if wanted.fields:
            found["fields"] = _union(sets["fields"], wanted.fields)
        if wanted.parties:
            chosen = [sets["parties"].get(party, 0) for party in wanted.parties]
            found["parties"] = reduce(or_ if wanted.any_party else and_, chosen)
        for name in ("statuses", "kinds", "levels"):
            values = getattr(wanted, name)
            if values:
                found[name] = _union(sets[name], values)
        if wanted.signed_from or wanted.signed_to:
            found["dates"] = self._dates(wanted)
        if wanted.is_due():
            found["due"] = self._due(wanted.as_of(), wanted.due_within, wanted.due_overdue)
        if search_terms(wanted.text):
            found["text"] = self._text(session, wanted.text)
        return found

    def _due(self, as_of: date, within: int | None, overdue: bool) -> int:
        """Agreements not ended with a deadline in the window (as deadline_store.due_clause)."""
        key = (as_of, within, overdue)
        cached = self._due_sets.get(key)
        if cached is None:
            ended = _union(self._sets["statuses"], ENDED)
            cached = self._due_of(self._due_index, as_of, within, overdue, ended)
            _remember(self._due_sets, key, cached)
        return cached

    def _due_of(
        self, due: DueIndex, as_of: date, within: int | None, overdue: bool, ended: int
    ) -> int:
        ids = due.within(as_of, within) if within is not None else []
        if overdue:
            ids += due.overdue(as_of)
        # Packed as they come: a bit set minds neither order nor repeats.
        return self._bits.pack(ids) & ~ended & self._bits.full

    def _dates(self, wanted: AgreementFilter) -> int:
        start = wanted.signed_from.start_key() if wanted.signed_from else None
        end = wanted.signed_to.end_key() if wanted.signed_to else None
        cached = self._date_sets.get((start, end))
        if cached is None:
            low = bisect_left(self._signed_keys, start) if start else 0
            high = bisect_left(self._signed_keys, end) if end else len(self._signed_keys)
            cached = self._date_range(low, high)
            _remember(self._date_sets, (start, end), cached)
        return cached

    def _date_range(self, low: int, high: int) -> int:
        """The agreements at positions low to high of the signing-date order.

        Each whole year in the range is its year's set, ORed in; only the years cut by
        either end are packed from ids (packing all of 30 years was 10 ms at a million).
        """
        keys, listed = self._signed_keys, self._orders[SortColumn.SIGNED_ON].ids
        years, found, position = self._sets["years"], 0, low
        while position < high:
            year = keys[position][:4]
            end = bisect_left(keys, year + "~", position, high)
            starts = position == 0 or keys[position - 1][:4] != year
            ends = end == len(keys) or keys[end][:4] != year
            if starts and ends:
                found |= years.get(int(year), 0)
            else:
                found |= self._bits.pack(listed[position:end])
            position = end
        return found

    def _text(self, session: Session, text: str) -> int:
        terms = tuple(search_terms(text))
        short = terms[0] if len(terms) == 1 and len(terms[0]) <= SHORT_TERM else None
        if short is not None and short in self._letters:
            return self._letters[short]
        if short is not None and short in self._short_sets:
            return self._short_sets[short]
        cached = self._text_sets.get(terms)
        if cached is None:
            match, connection = fts_query(text), session.connection()
            if match and connection.dialect.name == "sqlite" and has_search_index(connection):
                # FTS5 without a join: 3× faster. A row at a time: one JSON array of the ids
                # (json_group_array) was quicker, but parsing it held the interpreter from
                # the window long enough to make typing stutter (p95 of the stalls 2 → 20 ms).
                ids = search_rowids(connection, match)
                # Neither sorted nor made unique: a bit set minds neither, and sorting a
                # quarter of a million ids holds the interpreter from the window for 20 ms.
                ids += agreement_ids_matching(connection, match)
            else:
                ids = _column(session, matching_ids(session, AgreementFilter(text=text)))
            cached = self._bits.pack(ids)  # leaves out ids added since the index was read
            if short is not None:  # kept beside the facets' sets until a change
                _remember(self._short_sets, short, cached, _SHORT_SETS)
                words = self._short_sets.keys() | self._letters.keys()
                kept = self._short_counts.items()  # the counts of a word dropped go with it
                self._short_counts = {k: v for k, v in kept if k[0] in words}
                placed = self._short_placed.items()
                self._short_placed = {k: v for k, v in placed if k[0] in words}
            else:
                _remember(self._text_sets, terms, cached)
        return cached

    def _order(self, session: Session, column: SortColumn) -> _Order:
        order = self._orders.get(column)
        if order is None:
            present, missing = sorted_ids(session, AgreementFilter(), Sort(column))
            # Read after the index was built: ids added since are left out (the caller
            # checks the revision again and answers from SQL if the data has moved on).
            size = self._bits.size
            present = [i for i in present if i < size]
            missing = [i for i in missing if i < size]
            order = self._orders[column] = _Order(id_array(present + missing), len(present))
        return order


# ----------------------------------------------------------------- first letters


def _letter_sets(
    session: Session, bits: Bits, every: int, check: Callable[[], None]
) -> dict[str, int]:
    """The set of each of LETTERS, as a search of it alone finds (SQLite's FTS5 only)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite" or not has_search_index(connection):
        return {}
    found: dict[str, int] = {}
    held = {every: every}  # letters with the same set hold one (a, b, o, s: every one)
    for letter in LETTERS:
        match = fts_query(letter)
        assert match is not None
        # Packed a part at a time: the ids of `a` (every agreement) as one list of a million
        # Python integers raised the build's peak by 40 MB.
        letter_set = bits.pack(agreement_ids_matching(connection, match))
        for part in search_rowid_parts(connection, match):
            letter_set |= bits.pack(part)
        letter_set &= every  # a row left in the search table: not there
        found[letter] = held.setdefault(letter_set, letter_set)
        check()
    return found


_ATTACHED = text(
    "SELECT v.id, a.agreement_id FROM attachments a JOIN attachment_versions v "
    "ON v.attachment_id = a.id WHERE a.agreement_id IN :ids"
).bindparams(bindparam("ids", expanding=True))
_ATTACHMENT_MATCH = text(
    "SELECT rowid FROM attachment_search WHERE attachment_search MATCH :match AND rowid IN :ids"
).bindparams(bindparam("ids", expanding=True))
_PART = 500  # ids bound to one statement


def _first_letters(session: Session, ids: list[int]) -> dict[str, list[int]]:
    """Which of *ids* a search of each of LETTERS finds (only letters with any).

    Each agreement's row of the search table is read and split (a millisecond for a
    hundred); a row with characters FTS5 might split or fold otherwise, and the text of
    attachments, are asked of FTS5 itself, for these rows alone.
    """
    connection = session.connection()
    found: dict[str, list[int]] = defaultdict(list)
    asked: list[int] = []
    for agreement_id, words in stored_words(connection, ids):
        if _PLAIN_WORDS.fullmatch(words):
            for letter in {word[0] for word in words.split()}:
                found[letter].append(agreement_id)
        else:
            asked.append(agreement_id)
    agreement_of: dict[int, int] = {}
    for start in range(0, len(ids), _PART):
        rows = connection.execute(_ATTACHED, {"ids": ids[start : start + _PART]})
        agreement_of.update((version, agreement) for version, agreement in rows)
    versions = sorted(agreement_of)
    if not asked and not versions:
        return found
    for letter in LETTERS:
        match = fts_query(letter)
        assert match is not None
        found[letter] += words_matching(connection, match, asked)
        for start in range(0, len(versions), _PART):
            part = {"match": match, "ids": versions[start : start + _PART]}
            rows = connection.execute(_ATTACHMENT_MATCH, part)
            found[letter] += [agreement_of[version] for (version,) in rows]
    return found


def party_words_mark(session: Session) -> str:
    """A digest of every party's name and aliases: what of the search table changes with
    no audit line for the agreements it changes (a party renamed, in any window).

    Joined by SQLite into one text each (the letters are kept for SQLite only): a row at a
    time through the ORM took 13 ms of every save.
    """
    digest = hashlib.blake2b(digest_size=16)
    for statement in _PARTY_WORDS:
        digest.update(str(session.connection().exec_driver_sql(statement).scalar()).encode())
    return digest.hexdigest()


_PARTY_WORDS = (
    "SELECT group_concat(line, char(10)) FROM "
    "(SELECT id || ':' || name AS line FROM parties ORDER BY id)",
    "SELECT group_concat(line, char(10)) FROM "
    "(SELECT id || ':' || party_id || ':' || alias AS line FROM party_aliases ORDER BY id)",
)


# ----------------------------------------------------------------- patching helpers


@contextmanager
def snapshot(session: Session) -> Iterator[Session]:
    """A session whose reads share one snapshot of the data, on a connection of its own."""
    with session.get_bind().connect() as connection:  # type: ignore[union-attr]  # bound to an Engine
        if connection.dialect.name == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        elif connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN")  # a read transaction: one WAL snapshot
        with Session(bind=connection) as reading:
            yield reading


@dataclass
class _Moved:
    """What a patch moved, for the first letters' kept counts (FacetIndex._patch_letters)."""

    left: list[tuple[str, Any, frozenset[int]]]  # (set name, value, its changed agreements)
    grouped: dict[str, dict[Any, list[int]]]  # _Rows.grouped(): where they are now
    counts: dict[tuple[str, str], dict[Any, int]]  # (letter, set name) -> counts, before


@dataclass
class _Rows:
    """The facets of some agreements as they are now (those still there)."""

    facts: dict[int, tuple[Any, Any, Any]]  # id -> (status, kind, level)
    signed: dict[int, str]  # id -> signing date as stored ('2021', '2021-12-06')
    parties: dict[int, list[int]]  # party -> agreements
    fields: dict[int, list[int]]  # field (and each of its parents) -> agreements

    def grouped(self) -> dict[str, dict[Any, list[int]]]:
        """Agreement ids per value of each set of the index."""
        found: dict[str, dict[Any, list[int]]] = {
            name: defaultdict(list) for name in ("statuses", "kinds", "levels", "years")
        }
        for agreement_id, values in self.facts.items():
            for name, vocabulary, value in zip(
                ("statuses", "kinds", "levels"), (Status, Kind, Level), values, strict=True
            ):
                found[name][vocabulary(value)].append(agreement_id)
        for agreement_id, key in self.signed.items():
            found["years"][int(key[:4])].append(agreement_id)
        found["parties"] = self.parties
        found["fields"] = self.fields
        return found


def _current_rows(session: Session, ids: list[int]) -> _Rows:
    facts: dict[int, tuple[Any, Any, Any]] = {}
    signed: dict[int, str] = {}
    statement = select(
        Agreement.id, Agreement.status, Agreement.kind, Agreement.level, Agreement.signed_on
    ).where(Agreement.id.in_(ids))
    for agreement_id, status, kind, level, signed_on in session.execute(statement):
        facts[agreement_id] = (status, kind, level)
        if signed_on is not None:
            signed[agreement_id] = signed_on.iso()
    parties: dict[int, list[int]] = defaultdict(list)
    statement = select(Participation.party_id, Participation.agreement_id).where(
        Participation.agreement_id.in_(ids)
    )
    for party_id, agreement_id in session.execute(statement):
        parties[party_id].append(agreement_id)
    parents: dict[int, int | None] = {
        field_id: parent for field_id, parent in session.execute(select(Field.id, Field.parent_id))
    }
    fields: dict[int, list[int]] = defaultdict(list)
    statement = select(agreement_fields.c.field_id, agreement_fields.c.agreement_id).where(
        agreement_fields.c.agreement_id.in_(ids)
    )
    for field_id, agreement_id in session.execute(statement):
        seen: set[int] = set()
        current: int | None = field_id
        while current is not None and current not in seen:  # a field and its parents
            seen.add(current)
            fields[current].append(agreement_id)
            current = parents.get(current)
    for members in fields.values():
        members[:] = sorted(set(members))  # two subfields of one field: the agreement once
    return _Rows(facts, signed, dict(parties), dict(fields))


def _remove(agreement_id: int, ids: list[int] | array[int]) -> None:
    """Take an id out of a list, if there."""
    with suppress(ValueError):
        ids.remove(agreement_id)


def _place(
    session: Session, column: SortColumn, order: _Order, ids: list[int], present: list[int]
) -> bool:
    """Take *ids* out of *order*, then put those *present* back where the database sorts them.

    Each goes right after its predecessor among the agreements that did not change (one
    indexed read each, in the database's own collation); those that share one keep the
    order the database gives them. False if a predecessor is not in the order.
    """
    leaving = set(ids)
    cut = order.missing_from
    if len(ids) > _FEW:
        head = id_array([i for i in order.ids[:cut] if i not in leaving])
        tail = id_array([i for i in order.ids[cut:] if i not in leaving])
    else:
        head, tail = order.ids[:cut], order.ids[cut:]
        for agreement_id in ids:
            _remove(agreement_id, head)
            _remove(agreement_id, tail)
    valued, empty = sorted_ids(session, AgreementFilter(), Sort(column), within=present)
    groups: dict[int | None, list[int]] = defaultdict(list)
    expression = sort_expression(column)
    for agreement_id in valued:
        groups[_predecessor(session, expression, agreement_id, leaving)].append(agreement_id)
    for before, group in groups.items():
        if before is None:
            position = 0
        else:
            try:
                position = head.index(before) + 1
            except ValueError:
                return False
        head[position:position] = id_array(group)
    for agreement_id in empty:
        insort(tail, agreement_id)
    order.ids, order.missing_from = head + tail, len(head)
    return True


def _predecessor(session: Session, expression: Any, agreement_id: int, leaving: set[int]) -> Any:
    """The agreement just before *agreement_id* in ascending order, among those not leaving."""
    value = session.scalar(select(expression).where(Agreement.id == agreement_id))
    earlier = sql_or(expression < value, sql_and(expression == value, Agreement.id < agreement_id))
    return session.scalar(
        select(Agreement.id)
        .where(earlier, Agreement.id.not_in(leaving))
        .order_by(expression.desc(), Agreement.id.desc())
        .limit(1)
    )


# ----------------------------------------------------------------- helpers


def _column(session: Session, statement: Any) -> list[int]:
    result = session.connection().execute(statement)  # a row at a time (search_rowids)
    return [row[0] for row in result.cursor] if result.cursor else []  # type: ignore[attr-defined]  # PEP 249 cursors iterate


def _joined(session: Session, column: Any) -> Any:
    """The values of *column*, in the order they come, joined by commas in one string."""
    if session.get_bind().dialect.name == "postgresql":
        return func.string_agg(cast(column, Text), ",")
    return func.group_concat(column, ",")


def _split(joined: str | None) -> list[str]:
    return joined.split(",") if joined else []


def _grouped(session: Session, key: Any, agreement_id: Any) -> Iterator[tuple[Any, list[int]]]:
    """Agreement ids per value of *key*, joined by the database into one string each.

    One value's ids at a time: at a million agreements all the links' ids as Python
    integers at once were a few hundred megabytes, for a moment.
    """
    if session.get_bind().dialect.name == "postgresql":
        joined = func.string_agg(cast(agreement_id, Text), ",")
    else:
        joined = func.group_concat(agreement_id)
    result = session.connection().execute(select(key, joined).group_by(key))
    for value, ids in result.cursor or ():  # type: ignore[union-attr]  # PEP 249 cursors iterate
        yield value, list(map(int, ids.split(",")))


def _with_subfields(session: Session, direct: dict[int, int]) -> dict[int, int]:
    """Each field's set joined with those of all its subfields."""
    children: dict[int | None, list[int]] = defaultdict(list)
    field_ids = []
    for field_id, parent_id in session.execute(select(Field.id, Field.parent_id)):
        children[parent_id].append(field_id)
        field_ids.append(field_id)
    joined: dict[int, int] = {}

    def visit(field_id: int, seen: frozenset[int]) -> int:
        if field_id not in joined:
            bits = direct.get(field_id, 0)
            for child in children[field_id]:
                if child not in seen:  # a cycle can't be saved, but never loop on one
                    bits |= visit(child, seen | {field_id})
            joined[field_id] = bits
        return joined[field_id]

    for field_id in field_ids:
        visit(field_id, frozenset())
    return joined


def _years_of(keys: list[str], listed: Sequence[int], size: int) -> array[int]:
    """Each agreement's signing year by id (0: none), from the signing-date order."""
    year_of = array("H", bytes(_YEAR_BYTES * size))
    start = 0
    while start < len(keys):  # one run of ids per year: the keys are in order
        year = keys[start][:4]
        end = bisect_left(keys, year + "~", start)
        number = int(year)
        for agreement_id in listed[start:end]:
            year_of[agreement_id] = number
        start = end
    return year_of


def _union(sets: dict[Any, int], keys: Iterable[Any]) -> int:
    return reduce(or_, (sets.get(key, 0) for key in keys), 0)


def _counts(match: int, sets: dict[Any, int]) -> dict[Any, int]:
    counts = {}
    for key, bits in sets.items():
        both = match & bits
        if both:  # an empty set is known at once; counting its bits walks all of them
            counts[key] = both.bit_count()
    return counts


def _add(counts: dict[Any, int], key: Any, number: int) -> None:
    """Add *number* to the count of *key*; a count of none is left out, as _counts does."""
    total = counts.get(key, 0) + number
    if total:
        counts[key] = total
    else:
        counts.pop(key, None)


def _moved_bits(bits: int, moves: list[tuple[int, int]], members: set[int]) -> int:
    """Bits by position in an order, after the order's moves (_patch_signed): a position
    taken out closes up; one put in opens, set if its id is among *members*."""
    for position, agreement_id in moves:
        low = bits & ((1 << position) - 1)
        if agreement_id < 0:
            bits = low | (bits >> (position + 1) << position)
        else:
            bit = int(agreement_id in members) << position
            bits = low | bit | (bits >> position << (position + 1))
    return bits


def _remember(cache: dict[Any, int], key: Any, bits: int, most: int = _CACHED_SETS) -> None:
    if len(cache) >= most:
        cache.pop(next(iter(cache)))
    cache[key] = bits

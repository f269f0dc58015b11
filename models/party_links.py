"""Each agreement's parties as one flat array: party counts of a narrow match without 304 bit sets.

The facet index counts a match per party with one AND and one population count per
party's bit set: at a million agreements 304 sets of a million bits, about 30 ms whatever
the match. For a match of a few thousand agreements it is quicker to take each matched
agreement's parties from a flat array (its links in agreement order, found by an offset
per agreement) and count those. The arrays are read once with the index and kept beside
it on disk; a patch records the changed agreements' parties beside them, never in them,
so that a copy being written to disk meanwhile stays as it was.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate
from operator import itemgetter
from typing import Any

from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from models.schema import Participation

_READ_STEP = 8_192  # agreements whose links are read and converted in one go (a few ms)
_COUNT_STEP = 512  # agreements whose links are counted in one call (a few ms at most)
_OFFSET = "I"  # byte offsets: up to 4 GB of links


class PartyLinks:
    """The parties of every agreement up to *size*: links[offsets[i]:offsets[i + 1]] as bytes."""

    def __init__(
        self,
        code: str,
        offsets: array[int],
        links: bytes,
        changed: dict[int, tuple[int, ...]] | None = None,
    ) -> None:
        self.code = code  # the array typecode of a party id: "H" while every id fits
        self.offsets = offsets  # len = agreements + 1, byte positions in links
        self.links = links
        # Agreements patched since the arrays were read: their parties now (none: deleted).
        self.changed = changed or {}

    @classmethod
    def read(
        cls, session: Session, size: int, check: Callable[[], None] = lambda: None
    ) -> PartyLinks:
        """The links of agreements 0 to size - 1, a range at a time (*check* between two)."""
        largest = session.scalar(select(func.max(Participation.party_id))) or 0
        code = "H" if largest < 1 << 16 else "I"
        width = array(code).itemsize
        offsets, parts, end = array(_OFFSET, [0]), [], 0
        for low in range(0, size, _READ_STEP):
            high = min(size, low + _READ_STEP)
            check()
            per_agreement, parties = _range(session, low, high)
            lengths = (per_agreement.get(i, 0) * width for i in range(low, high))
            running = accumulate(lengths, initial=end)
            next(running)  # the range's start, already there
            offsets.extend(running)
            parts.append(array(code, parties).tobytes())
            end = offsets[-1]
        return cls(code, offsets, b"".join(parts))

    def size(self) -> int:
        return len(self.offsets) - 1

    def patched(self, parties: dict[int, tuple[int, ...]]) -> PartyLinks:
        """A copy with these agreements' parties as given (the arrays shared, not changed)."""
        return PartyLinks(self.code, self.offsets, self.links, {**self.changed, **parties})

    def count(self, ids: Sequence[int], most: int) -> Counter[int] | None:
        """Matched agreements per party, for the agreements *ids*; None past *most* links."""
        counted: Counter[int] = Counter()
        changed, size, seen = self.changed, self.size(), 0
        if changed or (ids and ids[-1] >= size):
            for agreement_id in ids:
                if agreement_id in changed:
                    counted.update(changed[agreement_id])
            ids = [i for i in ids if i not in changed and i < size]
        for part in _parts(ids, _COUNT_STEP):
            joined = self._joined(part)
            seen += len(joined)
            if seen > most * array(self.code).itemsize:
                return None
            parties = array(self.code)
            parties.frombytes(joined)
            counted.update(parties)
        return counted

    def _joined(self, ids: list[int]) -> bytes:
        if len(ids) == 1:
            start = self.offsets[ids[0]]
            return self.links[start : self.offsets[ids[0] + 1]]
        starts = itemgetter(*ids)(self.offsets)
        ends = itemgetter(*map((1).__add__, ids))(self.offsets)
        return b"".join(map(self.links.__getitem__, map(slice, starts, ends)))

    def compacted(self, size: int) -> PartyLinks:
        """The same parties, the patched ones written into the arrays, for *size* agreements."""
        offsets, shift, done = array(_OFFSET, [0]), 0, 0
        parts: list[bytes] = []
        for agreement_id in sorted(i for i in self.changed if i < size):
            self._copy(done, agreement_id, shift, offsets, parts)
            own = array(self.code, self.changed[agreement_id]).tobytes()
            parts.append(own)
            shift += len(own) - self._length(agreement_id)
            offsets.append(offsets[-1] + len(own))
            done = agreement_id + 1
        self._copy(done, size, shift, offsets, parts)
        return PartyLinks(self.code, offsets, b"".join(parts))

    def _length(self, agreement_id: int) -> int:
        if agreement_id >= self.size():
            return 0
        return self.offsets[agreement_id + 1] - self.offsets[agreement_id]

    def _copy(
        self, start: int, end: int, shift: int, offsets: array[int], parts: list[bytes]
    ) -> None:
        """Agreements start to end - 1 as they are in the arrays (offsets moved by *shift*).

        Those past the arrays' end (added since, never patched in) have no parties.
        """
        kept = min(end, self.size())
        if start < kept:
            parts.append(self.links[self.offsets[start] : self.offsets[kept]])
            for low in range(start, kept, _READ_STEP):  # a part at a time: one map holds on
                high = min(kept, low + _READ_STEP)
                offsets.extend(map(shift.__add__, self.offsets[low + 1 : high + 1]))
        offsets.extend(array(_OFFSET, [offsets[-1]]) * max(0, end - max(start, kept)))


def _range(session: Session, low: int, high: int) -> tuple[dict[int, int], list[int]]:
    """Links per agreement low to high - 1, and their parties in agreement order."""
    within = (Participation.agreement_id >= low, Participation.agreement_id < high)
    inside = (
        select(Participation.party_id)
        .where(*within)
        .order_by(Participation.agreement_id)
        .subquery()
    )
    parties = session.scalar(select(_joined(session, inside.c.party_id)))
    # A number per agreement (8,192 at most), rather than every link's agreement id.
    grouped = (
        select(Participation.agreement_id.label("agreement"), func.count().label("links"))
        .where(*within)
        .group_by(Participation.agreement_id)
        .subquery()
    )
    agreements, numbers = session.execute(
        select(_joined(session, grouped.c.agreement), _joined(session, grouped.c.links))
    ).one()
    return dict(zip(_numbers(agreements), _numbers(numbers), strict=True)), _numbers(parties)


def _joined(session: Session, column: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return func.string_agg(cast(column, Text), ",")
    return func.group_concat(column, ",")


def _numbers(joined: str | None) -> list[int]:
    return list(map(int, joined.split(","))) if joined else []


def _parts(ids: Sequence[int], step: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), step):
        yield list(ids[start : start + step])


def inverted(parties: dict[int, list[int]], ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
    """Each of *ids* with its parties, from lists of agreements per party (none: no parties)."""
    found: dict[int, list[int]] = {agreement_id: [] for agreement_id in ids}
    for party, members in parties.items():
        for agreement_id in members:
            found.setdefault(agreement_id, []).append(party)
    return {agreement_id: tuple(sorted(own)) for agreement_id, own in found.items()}

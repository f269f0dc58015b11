"""The facet index kept on disk beside its SQLite file, so that a database opens with it ready.

At a million agreements a build reads and sorts millions of rows for seconds; reading the
same sets back from a file takes a fraction of a second. The file holds one index as it was
at one data revision: a JSON header (what it was read from, and the layout) and then the
bit sets and arrays as raw bytes, nothing that runs code when read. It is used only if it
belongs to this very file (its inode, and the newest audit line it saw still there,
unchanged) and its format and schema are current; the caller then brings it up to date
from the audit log like any index (FacetIndex.apply) or, if too much has changed, builds
a new one in the background and writes that here. A file that can't be read or written is
simply not used: it is a cache, never the data.
"""

from __future__ import annotations

import json
import logging
import mmap
import os
import struct
import zlib
from array import array
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.app_identity import app_version
from models.atomic_file import atomic_binary
from models.due_index import Days, DueIndex
from models.facet_index import FacetIndex, IndexState, snapshot
from models.index_changes import Marks
from models.party_links import PartyLinks
from models.revision import current_revision
from models.schema import Agreement, AuditEntry
from models.vocab import Kind, Level, Status

log = logging.getLogger(__name__)
SUFFIX = "-index"  # treaties.db -> treaties.db-index, as SQLite's own treaties.db-wal
_MAGIC = b"TREATY-TRACKER-INDEX\n"
# 2: the app's version and each part's CRC-32 in the header; 3: party links; 4: the first
# letters' sets and counts (FacetIndex LETTERS)
_FORMAT = 4
_INT = "i"  # every array is written as 32-bit integers
_INT_PART = 65_536  # of them converted at a time (about a millisecond)
_KEYS: dict[str, Callable[[Any], Any]] = {
    "statuses": Status,
    "kinds": Kind,
    "levels": Level,
    "years": int,
    "parties": int,
    "fields": int,
}


def index_path(database_file: Path | None) -> Path | None:
    """Where the index of an SQLite file is kept; None for a server or an in-memory database."""
    return None if database_file is None else database_file.with_name(database_file.name + SUFFIX)


def save(session: Session, index: FacetIndex, path: Path, schema: str) -> bool:
    """Write *index* to *path* if the data is still as it was read; False if not written.

    Best effort: a read-only folder or a full disk leaves the database opening as before,
    with a build in the background.
    """
    return save_state(session, kept_state(index), path, schema)


def kept_state(index: FacetIndex) -> IndexState:
    """What of *index* is kept on disk, as it is now, untouched by the patches that follow.

    The window writes it after it has the index (at a million agreements the file is a
    hundred megabytes), while saves patch the index on another thread: the parts a patch
    changes in place are copied here, on the thread that patches.
    """
    state = index.state()
    return replace(
        state,
        sets={name: dict(values) for name, values in state.sets.items()},
        signed_keys=list(state.signed_keys),
        letters=dict(state.letters),
        letter_counts=dict(state.letter_counts),
        letter_placed=dict(state.letter_placed),
    )


def save_state(session: Session, state: IndexState, path: Path, schema: str) -> bool:
    """Write *state* (from kept_state) to *path* if the data is still at its revision."""
    with snapshot(session) as reading:
        if current_revision(reading) != state.revision:
            return False  # moved on since the build: the next build writes it
        owner = _owner(reading, path, state.marks)
    if owner is None:
        return False
    header, blobs = _layout(state, owner, schema)
    try:
        with atomic_binary(path) as stream:
            _write(stream, header, blobs)
    except OSError:
        return False
    return True


def load(session: Session, path: Path, schema: str) -> FacetIndex | None:
    """The index kept at *path* if it belongs to this database; None if not (or unreadable)."""
    try:
        # Mapped, not read: the sets are copied straight into the index, and no second copy
        # of the file's hundred megabytes (at a million agreements) is held meanwhile.
        with (
            open(path, "rb") as stream,
            mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as whole,
            memoryview(whole) as view,
        ):
            header, blobs = _read(view)
            try:
                return _index(session, path, schema, header, blobs)
            finally:
                for blob in blobs:
                    blob.release()  # the map can't be closed while a slice of it is alive
    except Exception as error:  # a cache: whatever is wrong with it, build anew
        if not isinstance(error, FileNotFoundError):
            log.warning("the index kept at %s was not used: %r", path, error)
        return None  # missing, cut short, damaged or from elsewhere: built again instead


def _index(
    session: Session, path: Path, schema: str, header: dict[str, Any], blobs: list[memoryview]
) -> FacetIndex | None:
    if header.get("format") != _FORMAT or header.get("schema") != schema:
        return None
    if header.get("app") != app_version():
        return None  # another version may build its sets otherwise: built again
    marks = _marks(header["marks"])
    owner, kept = _owner(session, path, marks), header["owner"]
    if owner is None or any(owner[key] != kept[key] for key in ("inode", "audit")):
        return None
    if current_revision(session) == header["revision"] and owner != kept:
        return None  # the same revision, other agreements: not the data it was read from
    return FacetIndex.from_state(_state(header, marks, blobs))


# ----------------------------------------------------------------- whose index it is


def _owner(session: Session, path: Path, marks: Marks) -> dict[str, Any] | None:
    """What ties an index to one database file: checked before it is used.

    The file's inode (a copy, or a file put in its place, has another), and the newest
    audit line the index saw, which a database that went another way since a common copy
    holds differently or not at all. At the same revision, the agreements' number, largest
    id and latest update must be the same too (changes made without an audit line).
    """
    database_file = path.with_name(path.name.removesuffix(SUFFIX))
    try:
        inode = os.stat(database_file).st_ino
    except OSError:
        return None
    line = session.execute(
        select(AuditEntry.agreement_id, AuditEntry.changed_at).where(AuditEntry.id == marks.audit)
    ).first()
    # Three queries, each answered from an index: together they would read the whole table.
    number = session.scalar(select(func.count()).select_from(Agreement))
    largest = session.scalar(select(func.max(Agreement.id)))
    updated = session.scalar(select(func.max(Agreement.updated_at)))
    return {
        "inode": inode,
        "audit": [line[0], line[1].isoformat()] if line else None,
        "agreements": [number, largest, updated.isoformat() if updated else None],
    }


# ----------------------------------------------------------------- layout


def _layout(
    state: IndexState, owner: dict[str, Any], schema: str
) -> tuple[dict[str, Any], list[Callable[[], bytes]]]:
    blobs: list[Callable[[], bytes]] = []  # made one at a time as they are written

    def blob(data: Callable[[], bytes]) -> int:
        blobs.append(data)
        return len(blobs) - 1

    width = (state.size + 7) // 8

    written: dict[int, int] = {}  # id() of a set -> its part: a set held twice, written once

    def bits(value: int) -> int:
        if id(value) not in written:
            written[id(value)] = blob(lambda: value.to_bytes(width, "little"))
        return written[id(value)]

    def ints(values: Sequence[int]) -> int:
        return blob(lambda: _int_bytes(values))

    distinct = sorted(set(state.signed_keys))
    position = {key: number for number, key in enumerate(distinct)}
    days = state.due.days
    header = {
        "format": _FORMAT,
        "schema": schema,
        "owner": owner,
        "revision": state.revision,
        "marks": {
            "audit": state.marks.audit,
            "recent": sorted(state.marks.recent),
            "parties": list(state.marks.parties),
            "fields": list(state.marks.fields),
        },
        "size": state.size,
        "all": bits(state.every),
        "sets": {
            name: [[_plain(key), bits(value)] for key, value in values.items()]
            for name, values in state.sets.items()
        },
        "signed_keys": distinct,
        "signed_positions": ints([position[key] for key in state.signed_keys]),
        "signed_ids": ints(state.signed_ids),
        "undated": ints(state.undated),
        "due": {
            "arrays": [
                ints(values)
                for values in (days.firsts, days.lasts, days.ids, days.late_lasts, days.late_ids)
            ],
            "span": days.span,
            "stale": sorted(state.due.stale),
            "fresh": [list(row) for row in state.due.fresh],
            "fresh_late": [list(row) for row in state.due.fresh_late],
        },
    }
    if state.links is not None:
        header["links"] = _links_layout(state.links, state.size, blob)
    header["letters"] = {
        "sets": [[letter, bits(value)] for letter, value in state.letters.items()],
        "counts": [
            [letter, name, [[_plain(key), number] for key, number in counts.items()]]
            for (letter, name), counts in state.letter_counts.items()
        ],
        "party_words": state.party_words,
        "placed": [[letter, bits(value)] for letter, value in state.letter_placed.items()],
    }
    return header, blobs


def _links_layout(
    links: PartyLinks, size: int, blob: Callable[[Callable[[], bytes]], int]
) -> dict[str, Any]:
    """The party links as two parts, their patches written in (once, as the first is made)."""
    made: list[PartyLinks] = []

    def whole() -> PartyLinks:
        if not made:
            made.append(links.compacted(size) if links.changed or links.size() != size else links)
        return made[0]

    return {
        "code": links.code,
        "offsets": blob(lambda: whole().offsets.tobytes()),
        "links": blob(lambda: whole().links),
    }


def _state(header: dict[str, Any], marks: Marks, blobs: list[memoryview]) -> IndexState:
    def ints(number: int) -> array[int]:
        values = array(_INT)
        values.frombytes(blobs[number])
        return values

    read: dict[int, int] = {}

    def bits(number: int) -> int:  # a part written once for two sets is read as one again
        if number not in read:
            read[number] = int.from_bytes(blobs[number], "little")
        return read[number]

    keys = header["signed_keys"]
    links = header.get("links")
    letters = header["letters"]
    due = header["due"]
    firsts, lasts, ids, late_lasts, late_ids = (ints(number) for number in due["arrays"])
    days = Days(firsts, lasts, ids, late_lasts, late_ids, int(due["span"]))
    return IndexState(
        revision=int(header["revision"]),
        marks=marks,
        size=int(header["size"]),
        every=bits(header["all"]),
        sets={
            name: {_KEYS[name](key): bits(number) for key, number in values}
            for name, values in header["sets"].items()
        },
        signed_keys=list(map(keys.__getitem__, ints(header["signed_positions"]))),
        signed_ids=ints(header["signed_ids"]),  # kept as arrays: no million integers
        undated=ints(header["undated"]),
        due=DueIndex(
            days,
            frozenset(due["stale"]),
            tuple((int(a), int(b), int(c)) for a, b, c in due["fresh"]),
            tuple((int(a), int(b)) for a, b in due["fresh_late"]),
        ),
        links=None if links is None else _links(links, blobs),
        letters={str(letter): bits(number) for letter, number in letters["sets"]},
        letter_counts={
            (str(letter), name): {_KEYS[name](key): int(number) for key, number in counts}
            for letter, name, counts in letters["counts"]
        },
        party_words=str(letters["party_words"]),
        letter_placed={str(letter): bits(number) for letter, number in letters["placed"]},
    )


def _links(header: dict[str, Any], blobs: list[memoryview]) -> PartyLinks:
    offsets = array("I")
    offsets.frombytes(blobs[header["offsets"]])
    return PartyLinks(str(header["code"]), offsets, bytes(blobs[header["links"]]))


def _marks(data: dict[str, Any]) -> Marks:
    return Marks(
        audit=int(data["audit"]),
        recent=frozenset(data["recent"]),
        parties=(int(data["parties"][0]), int(data["parties"][1])),
        fields=(int(data["fields"][0]), int(data["fields"][1])),
    )


def _plain(key: Any) -> Any:
    """A set's key as JSON holds it: a vocabulary's value as its text."""
    return key.value if isinstance(key, (Status, Kind, Level)) else key


# ----------------------------------------------------------------- bytes


def _int_bytes(values: Sequence[int]) -> bytes:
    """*values* as 32-bit integers, made a part at a time.

    One array of a million ints is one call that holds the interpreter for tens of
    milliseconds; the window's thread, painting meanwhile, would wait that long.
    """
    step = _INT_PART
    return b"".join(
        array(_INT, values[at : at + step]).tobytes() for at in range(0, len(values), step)
    )


def _write(stream: BinaryIO, header: dict[str, Any], blobs: list[Callable[[], bytes]]) -> None:
    """The data first, then the header that says where each part ends, then its length."""
    stream.write(_MAGIC)
    sizes, sums = [], []
    for make in blobs:
        data = make()
        stream.write(data)
        sizes.append(len(data))
        sums.append(zlib.crc32(data))
    whole = {**header, "app": app_version(), "blobs": sizes, "crc32": sums}
    encoded = json.dumps(whole, separators=(",", ":")).encode()
    stream.write(encoded + struct.pack("<Q", len(encoded)))


def _read(view: memoryview) -> tuple[dict[str, Any], list[memoryview]]:
    if bytes(view[: len(_MAGIC)]) != _MAGIC or len(view) < len(_MAGIC) + 8:
        raise ValueError("not an index file")
    (length,) = struct.unpack("<Q", view[-8:])
    end = len(view) - 8 - length
    if end < len(_MAGIC):
        raise ValueError("index file cut short")
    header = json.loads(bytes(view[end:-8]).decode())
    sizes, sums = header.get("blobs"), header.get("crc32")
    # Checked before any part is taken: a part of the map still held keeps it from closing.
    if not (
        isinstance(sizes, list)
        and isinstance(sums, list)
        and len(sizes) == len(sums)
        and all(isinstance(size, int) and size >= 0 for size in sizes)
        and sum(sizes) == end - len(_MAGIC)
    ):
        raise ValueError("index file damaged")
    offset = len(_MAGIC)
    for size, crc in zip(sizes, sums, strict=True):
        with view[offset : offset + size] as part:
            intact = zlib.crc32(part) == crc  # a bad disk's flipped byte is caught here
        if not intact:
            raise ValueError("index file damaged")
        offset += size
    offset, blobs = len(_MAGIC), []
    for size in sizes:
        blobs.append(view[offset : offset + size])
        offset += size
    return header, blobs

"""Import and export of agreements as CSV and JSON: preview first, then all or nothing.

    preview = preview_import(session, path)         # reads and checks; writes nothing
    result = import_file(session, path, update=False, progress=..., cancelled=...)
    count = export_file(session, path, AgreementFilter(...) or [ids], sort=Sort())

Functions take a session and never commit: the caller owns the transaction, so a file
with a bad row, a clash or a cancel changes nothing once the caller rolls back.
A row is a duplicate when its title (case, accents and punctuation aside) and signing
date (with its precision) match a recorded agreement or an earlier row of the file.
A new row is a possible duplicate when models.duplicates finds a recorded agreement of
its date and parties with a title near in wording: skipped and listed, unless
keep_duplicates.

A file is read twice, a batch of rows (CSV) or objects (JSON) at a time (exchange_stream),
so memory does not grow with it: pass one checks and sorts every row (new, recorded,
repeated, possible duplicate; one byte and a 16-byte digest a row), pass two reads it
again and writes. A JSON file's relations are resolved between the passes, from each
object's identity digest and `id` and the relations themselves (not the objects).

The formats are set out in exchange_format; exchange_read, exchange_csv and exchange_json
read them, exchange_write writes them, and exchange_bulk stores many new agreements fast.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import os
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import history
from models.cancelled import Cancelled
from models.changes import NOTHING, Changes
from models.dates import PartialDate
from models.duplicates import DuplicateQuery, PossibleDuplicate, find_duplicates
from models.exchange_bulk import (
    CHUNK,
    BulkInserter,
    bulk_insert,
    named,
    party_key,
)
from models.exchange_format import ImportFailed, Problem, Record, RelationRef
from models.exchange_read import column_of
from models.exchange_relations import (
    Resolved,
    insert_relations,
    resolve_relations,
)
from models.exchange_stream import file_stamp, stream_records
from models.exchange_write import export_file, export_format
from models.fields import field_paths, path_key, split_path
from models.gc_pause import fewer_collections
from models.messages import IMPORT, QT_TRANSLATE_NOOP, STEP_IMPORT, Import, fill, say
from models.parties import doubtful_parties, find_identity, find_party
from models.schema import Agreement, Field, Party
from models.service import (
    DATE_FIELDS,
    AgreementInput,
    ParticipationInput,
    RelationInput,
    load_input,
    validate,
)
from models.service import update as update_agreement
from models.text import fold, search_terms, sort_key
from models.vocab import ActionType, Kind, Level, MilestoneKind, RelationType, Role, Status

__all__ = [
    "MAX_PROBLEMS",
    "NEW_PARTY",
    "ImportFailed",
    "ImportPreview",
    "ImportResult",
    "PossibleDuplicateRow",
    "Problem",
    "export_file",
    "export_format",
    "import_file",
    "preview_import",
    "title_identity",
]

_LOOKUP_CHUNK = 500
_Key = tuple[str, str]  # (title identity, signing date as recorded)
_PartyKey = tuple[str, object]  # ('party', id), ('known', 'KAZ' or 'org:EU'), ('name', folded)
_UPDATE_REPORT_EVERY = 100
NEW_PARTY = "would be a new party"  # how a doubtful new party is reported ('Uzbekistn')
DOUBTFUL_PARTY = QT_TRANSLATE_NOOP("Import", "'%1' would be a new party (did you mean '%2'?)")


@dataclass(frozen=True)
class PossibleDuplicateRow:
    """A row of the file that probably repeats a recorded agreement (not the same title)."""

    line: int | None  # CSV line
    index: int | None  # JSON index
    title: str
    resembles: PossibleDuplicate

    def describe(self) -> str:
        """ "line 5 ~ 12 'Agreement on energy cooperation'"."""
        where = f"line {self.line}" if self.line is not None else f"index {self.index}"
        return f"{where} ~ {self.resembles.agreement_id} '{self.resembles.title}'"


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do, worked out without writing anything."""

    rows: int
    new: int
    existing: int  # rows matching a recorded agreement: skipped, or updated with update=True
    repeated: int  # rows repeating an earlier row of the file: always skipped
    parties_created: tuple[str, ...]  # as they will be shown ('Russian Federation' for 'RUS')
    fields_created: tuple[str, ...]  # full paths, parents included
    # New parties whose names look like a misspelt state or organisation, with what they
    # look like: ('Uzbekistn', 'Uzbekistan'). import_file refuses them unless new_parties.
    doubtful_parties: tuple[tuple[str, str], ...] = ()
    # Rows near a recorded agreement: skipped, unless keep_duplicates (then not looked for).
    possible_duplicates: tuple[PossibleDuplicateRow, ...] = ()

    @property
    def duplicates(self) -> int:
        return self.existing + self.repeated


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    added: int
    updated: int
    skipped: int  # duplicates left alone (with update=True: repeated rows and unchanged ones)
    parties_created: tuple[str, ...]
    fields_created: tuple[str, ...]
    added_ids: tuple[int, ...] = ()
    possible_duplicates: tuple[PossibleDuplicateRow, ...] = ()  # skipped, counted in skipped
    changes: Changes = NOTHING  # what the window refreshes; the import is one undo step
    repeated: int = 0  # rows repeating an earlier row of the file: counted in skipped


def preview_import(
    session: Session,
    path: str | os.PathLike[str],
    *,
    update: bool = False,
    keep_duplicates: bool = False,
) -> ImportPreview:
    """Read and check *path* and say what importing it would do; raise ImportFailed if it can't."""
    source = Path(path)
    with fewer_collections():
        scan = _scan(session, source, update=update, keep_duplicates=keep_duplicates)
    scan.raise_problems()
    return ImportPreview(
        rows=scan.rows,
        new=scan.new,
        existing=scan.existing,
        repeated=scan.repeated,
        parties_created=_by_name(_new_parties(session, scan.party_names.values())),
        fields_created=_by_name(_new_fields(session, scan.field_paths)),
        doubtful_parties=_sorted_doubtful(scan.doubtful_names),
        possible_duplicates=tuple(scan.probable),
    )


def _sorted_doubtful(doubtful: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(doubtful.items(), key=lambda item: fold(item[0])))


def import_file(
    session: Session,
    path: str | os.PathLike[str],
    *,
    update: bool = False,
    new_parties: bool = False,
    keep_duplicates: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Record the agreements in *path*; all or nothing (the caller's transaction rolls back).

    Raises ImportFailed listing every problem, or Cancelled when *cancelled* returns
    True. With *update*, a row matching a recorded agreement overwrites the columns the
    file has (and keeps the rest); otherwise it is skipped. A new party whose name looks
    like a misspelt state or organisation ('Uzbekistn') is a problem unless *new_parties*
    (the user confirmed them). A new row that probably repeats a recorded agreement
    (models.duplicates) is skipped and listed, unless *keep_duplicates*.
    """

    with (
        fewer_collections(),
        history.step(session, fill(STEP_IMPORT, Path(path).name)) as recording,
    ):
        result = _import_file(
            session, path, update, new_parties, keep_duplicates, progress, cancelled
        )
        recording.created(result.added_ids)
    return dataclasses.replace(result, changes=recording.changes)


def _import_file(
    session: Session,
    path: str | os.PathLike[str],
    update: bool,
    new_parties: bool,
    keep_duplicates: bool,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> ImportResult:
    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled("import cancelled; nothing was imported")

    options = _Options(update, new_parties, keep_duplicates)
    return _import_stream(session, Path(path), options, progress, check)


# ----------------------------------------------------------------- streamed, in two passes

# What pass one found each row to be, kept as one byte a row: a file of two million rows
# is read twice (check, then write) rather than held in memory.
_NEW, _EXISTING, _REPEATED, _PROBABLE = 0, 1, 2, 3
# Problems listed at most; beyond these, one line says how many more there are.
MAX_PROBLEMS = 1000


@dataclass(frozen=True)
class _Options:
    update: bool = False
    new_parties: bool = False
    keep_duplicates: bool = False


@dataclass
class _Problems:
    listed: list[Problem] = dataclasses.field(default_factory=list)
    unlisted: int = 0

    def add(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if len(self.listed) < MAX_PROBLEMS:
                self.listed.append(problem)
            else:
                self.unlisted += 1

    def raise_any(self) -> None:
        if not self.listed:
            return
        more = (
            Import.tr("and %Ln more problem(s), not listed", "", self.unlisted)
            if self.unlisted
            else ""
        )
        raise ImportFailed(self.listed + ([Problem(more)] if more else []))


@dataclass
class _Scan:
    """Pass one over a CSV file: every row checked and sorted, nothing written."""

    stamp: tuple[int, int]
    rows: int = 0
    kinds: bytearray = dataclasses.field(default_factory=bytearray)  # _NEW, … per row
    matches: array[int] = dataclasses.field(default_factory=lambda: array("q"))
    new: int = 0
    repeated: int = 0
    probable: list[PossibleDuplicateRow] = dataclasses.field(default_factory=list)
    invalid: _Problems = dataclasses.field(default_factory=_Problems)
    clashes: _Problems = dataclasses.field(default_factory=_Problems)
    conflicts: _Problems = dataclasses.field(default_factory=_Problems)
    doubtful: _Problems = dataclasses.field(default_factory=_Problems)  # rows naming them
    # What the rows to be written name: party key -> first spelling, field paths, and
    # each spelling -> the state or organisation it looks misspelt from (or None).
    party_names: dict[str, str] = dataclasses.field(default_factory=dict)
    field_paths: dict[str, None] = dataclasses.field(default_factory=dict)
    suggestions: dict[str, str | None] = dataclasses.field(default_factory=dict)
    links: _Links = dataclasses.field(default_factory=lambda: _Links())  # a JSON file's relations

    @property
    def existing(self) -> int:
        return len(self.matches)

    @property
    def doubtful_names(self) -> dict[str, str]:
        return {name: like for name, like in self.suggestions.items() if like is not None}

    def raise_problems(self) -> None:
        """Every problem of the first kind found: rows, then party clashes, then updates."""
        for problems in (self.invalid, self.clashes, self.conflicts, self.links.problems):
            problems.raise_any()


def _import_stream(
    session: Session,
    source: Path,
    options: _Options,
    progress: Callable[[int, int], None] | None,
    check: Callable[[], None],
) -> ImportResult:
    """import_file for a CSV file: checked whole in pass one, written in pass two."""
    scan = _scan(
        session,
        source,
        update=options.update,
        keep_duplicates=options.keep_duplicates,
        check=check,
    )
    scan.raise_problems()
    if not options.new_parties:
        scan.doubtful.raise_any()
    last_party, last_field = _last_id(session, Party), _last_id(session, Field)
    total = scan.new + (scan.existing if options.update else 0)

    def report(done: int) -> None:
        if progress is not None:
            progress(done, total)
        check()

    report(0)
    writing = _Writing(session, source, scan, options.update, report)
    try:
        with bulk_insert(session) as inserter:
            # Checked in pass one: only reading again here (validating was most of the work).
            for batch in _batches(stream_records(source, check, validate=False), CHUNK):
                writing.batch(batch, inserter)
        writing.link(inserter.ids)
    except (ImportFailed, Cancelled):
        raise
    except Exception:
        if file_stamp(source) != scan.stamp:  # a row that was not checked: say why
            raise ImportFailed([_changed(source)]) from None
        raise
    if writing.rows != scan.rows or file_stamp(source) != scan.stamp:
        raise ImportFailed([_changed(source)])
    added = inserter.ids
    return ImportResult(
        added=len(added),
        updated=writing.updated,
        skipped=scan.rows - len(added) - writing.updated,
        parties_created=_by_name(_created_parties(session, last_party)),
        fields_created=_by_name(_created_fields(session, last_field)),
        added_ids=tuple(added),
        possible_duplicates=tuple(scan.probable),
        repeated=scan.repeated,
    )


def _changed(path: Path) -> Problem:
    changed = QT_TRANSLATE_NOOP("Import", "%1 changed while it was imported (import it again)")
    return Problem(say(changed, path.name, context=IMPORT))


class _Writing:
    """Pass two: each row read again and written as pass one decided."""

    def __init__(
        self,
        session: Session,
        path: Path,
        scan: _Scan,
        update: bool,
        report: Callable[[int], None],
    ) -> None:
        self.session, self.path, self.scan = session, path, scan
        self.update, self.report = update, report
        self.rows = 0
        self.matched = 0
        self.changes = 0
        self.updated = 0
        self.inserted = 0
        self.deferred: list[tuple[int, Record]] = []  # updates whose relations wait for ids
        self.new_rows: list[int] = []  # JSON index of each new row relations name, in order
        self.new_at: list[int] = []  # ... and its place among the new rows

    def batch(self, records: list[Record], inserter: BulkInserter) -> None:
        """Store the batch's new rows and (with update) apply its matching ones."""
        new: list[AgreementInput] = []
        for record in records:
            kind = self.scan.kinds[self.rows] if self.rows < self.scan.rows else None
            self.rows += 1
            if kind is None or record.problems:
                raise ImportFailed([_changed(self.path)])
            if kind == _NEW:
                if record.index is not None and self.scan.links.wants(record.index):
                    self.new_rows.append(record.index)
                    self.new_at.append(self.inserted + len(new))
                new.append(record.data)
            elif kind == _EXISTING:
                agreement_id = self.scan.matches[self.matched]
                self.matched += 1
                if record.index is not None:
                    self.scan.links.known(record.index, agreement_id)
                if self.update and record.index is not None and "relations" in record.given:
                    self.deferred.append((agreement_id, record))
                elif self.update:
                    self._update(agreement_id, record)
        if new:
            inserter.add(new, lambda done: self.report(self.changes + done))
            self.inserted = len(inserter.ids)

    def link(self, added: list[int]) -> None:
        """Once every row is stored: the new rows' relations, then updates that give some."""
        links = self.scan.links
        for row, place in zip(self.new_rows, self.new_at, strict=True):
            links.known(row, added[place])
        insert_relations(self.session, links.new_relations(self.new_rows))
        for agreement_id, record in self.deferred:
            self._update(agreement_id, record, links.relations_of(record.index))

    def _update(
        self, agreement_id: int, record: Record, relations: list[RelationInput] | None = None
    ) -> None:
        problems: list[Problem] = []
        change = _change(self.session, agreement_id, record, problems)
        if problems:  # pass one found none: the row is not the one checked
            raise ImportFailed([_changed(self.path)])
        if relations is not None:
            change = dataclasses.replace(
                change, merged=dataclasses.replace(change.merged, relations=relations)
            )
        if _canonical(self.session, change.merged) != _canonical(self.session, change.current):
            update_agreement(self.session, change.agreement_id, change.merged, change.version)
            self.updated += 1
        self.changes += 1
        if self.changes % _UPDATE_REPORT_EVERY == 0 or self.changes == self.scan.existing:
            self.report(self.inserted + self.changes)


def _batches(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    iterator = iter(records)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _scan(
    session: Session,
    path: Path,
    *,
    update: bool,
    keep_duplicates: bool = False,
    check: Callable[[], None] = lambda: None,
) -> _Scan:
    """Pass one: check every row and sort it (new, recorded, repeated, possible duplicate).

    Problems are gathered, not raised: see _Scan.raise_problems. Repeats across the file
    are told by a 16-byte digest of each row's identity, so memory grows by a few dozen
    bytes a row, not by the row.
    """
    scan = _Scan(file_stamp(path))
    seen: set[bytes] = set()
    identities: dict[str, _PartyKey] = {}
    party_ids: dict[str, int | None] = {}  # nothing is written in this pass: names kept
    # Nothing written in this pass: an empty database stays empty, and no row can match
    # or probably repeat a recorded agreement (an import into a new file asks nothing).
    recorded = session.execute(select(Agreement.id).limit(1)).first() is not None
    for batch in _batches(stream_records(path, check), _LOOKUP_CHUNK):
        scan.rows += len(batch)
        for record in batch:
            scan.invalid.add(record.problems)
        if scan.invalid.listed:
            continue  # only the rows' own problems are told, as for a JSON file
        scan.clashes.add(_party_clashes(session, batch, identities))
        new = _sort_rows(session, batch, scan, seen, update, recorded)
        kept = (
            _set_aside(session, new, scan, party_ids)
            if recorded and not keep_duplicates
            else [record for _, record in new]
        )
        for record in kept:
            _note_names(session, scan, record, record.data)
        scan.links.note(batch)
    if not scan.invalid.listed and scan.links.related:
        scan.links.resolve(session)
    return scan


def _sort_rows(
    session: Session,
    batch: list[Record],
    scan: _Scan,
    seen: set[bytes],
    update: bool,
    any_recorded: bool = True,
) -> list[tuple[int, Record]]:
    """Sort a batch into matches of recorded agreements, repeats and new rows (returned).

    Each new row comes with its place in scan.kinds, to mark it if it is set aside.
    """
    terms = [" ".join(search_terms(record.data.title)) for record in batch]
    recorded = _recorded(session, {words[:200] for words in terms}) if any_recorded else {}
    new = []
    for record, words in zip(batch, terms, strict=True):
        key = _identity(record.data.title, PartialDate.parse_optional(record.data.signed_on), words)
        digest = _digest(key)
        if record.index is not None:  # a JSON object: relations may name it
            scan.links.identities += digest
        if digest in seen:
            scan.kinds.append(_REPEATED)
            scan.repeated += 1
            continue
        seen.add(digest)
        if key in recorded:
            scan.kinds.append(_EXISTING)
            scan.matches.append(recorded[key])
            if update:
                problems: list[Problem] = []
                change = _change(session, recorded[key], record, problems)
                scan.conflicts.add(problems)
                _note_names(session, scan, record, change.merged)
        else:
            new.append((len(scan.kinds), record))
            scan.kinds.append(_NEW)
            scan.new += 1
    return new


def _set_aside(
    session: Session,
    new: list[tuple[int, Record]],
    scan: _Scan,
    party_ids: dict[str, int | None],
) -> list[Record]:
    """The batch's new rows less those that probably repeat a recorded agreement (listed).

    *party_ids* keeps the party names looked up by earlier batches.
    """
    queries = [
        DuplicateQuery(
            record.data.title,
            record.data.signed_on,
            tuple(item.party for item in named(record.data.parties)),
        )
        for _, record in new
    ]
    kept = []
    for (row, record), match in zip(new, find_duplicates(session, queries, party_ids), strict=True):
        if match is None:
            kept.append(record)
        else:
            scan.kinds[row] = _PROBABLE
            scan.new -= 1
            if record.index is not None:  # a relation to it means what it repeats
                scan.links.probable[record.index] = match.agreement_id
            scan.probable.append(
                PossibleDuplicateRow(record.line, record.index, record.data.title, match)
            )
    return kept


def _note_names(session: Session, scan: _Scan, record: Record, data: AgreementInput) -> None:
    """Note the parties and fields a row to be written names; a doubtful new party is a problem."""
    for item in named(data.parties):
        scan.party_names.setdefault(party_key(item.party), item.party)
        spelling = " ".join(item.party.split())
        if spelling not in scan.suggestions:
            scan.suggestions[spelling] = doubtful_parties(session, [spelling]).get(spelling)
        suggestion = scan.suggestions[spelling]
        if suggestion is not None:
            reason = say(DOUBTFUL_PARTY, item.party, suggestion, context=IMPORT)
            scan.doubtful.add([Problem(reason, record.line, record.index, "parties")])
    for path in data.fields:
        scan.field_paths.setdefault(path, None)


# ----------------------------------------------------------------- relations


class _Links:
    """A JSON file's relations across the two passes, kept small: never the objects.

    Pass one notes each object's identity (a 16-byte digest, in `identities`), its `id`
    and its relations; between the passes they are resolved to identities (of the file's
    objects or recorded agreements); pass two learns the agreement id of each identity a
    relation needs, and the relations are stored once every object is.
    """

    def __init__(self) -> None:
        self.identities = bytearray()  # 16 bytes per JSON object, in file order
        # Each object's `id` as an 8-byte hash, and its index: 16 bytes, not a dict entry.
        self.file_id_hashes = array("q")
        self.file_id_rows = array("q")
        self.related: dict[int, tuple[RelationRef, ...]] = {}  # index -> its relations
        self.probable: dict[int, int] = {}  # index set aside -> the agreement it repeats
        self.problems = _Problems()
        self.resolved: Resolved = {}
        self.ids: dict[bytes, int] = {}  # identity -> agreement id, for those relations need
        self.needed: set[bytes] = set()

    def note(self, records: list[Record]) -> None:
        for record in records:
            if record.index is None:
                continue
            if record.file_id is not None:
                self.file_id_hashes.append(_file_id_hash(record.file_id))
                self.file_id_rows.append(record.index)
            if record.relations:
                self.related[record.index] = record.relations

    def identity(self, row: int) -> bytes:
        return bytes(self.identities[row * 16 : row * 16 + 16])

    def resolve(self, session: Session) -> None:
        """Each relation's other agreement as an identity; problems for those not found."""
        refs = [ref for relations in self.related.values() for ref in relations]
        named = _recorded(session, {sort_key(ref.title) for ref in refs if ref.title})
        recorded = {_digest(key): agreement_id for key, agreement_id in named.items()}
        identities = [self.identity(row) for row in range(len(self.identities) // 16)]
        try:
            self.resolved = resolve_relations(
                self.related,
                self._by_file_id(refs),
                identities,
                set(recorded),
                lambda title, signed_on: _digest(
                    _identity(title, PartialDate.parse_optional(signed_on))
                ),
            )
        except ImportFailed as failure:
            self.problems.add(failure.problems)
            return
        self.ids = recorded
        for row, agreement_id in self.probable.items():
            self.ids.setdefault(self.identity(row), agreement_id)
        self.needed = {target for pairs in self.resolved.values() for _, target in pairs}  # type: ignore[misc]  # identities are digests
        self.needed |= {self.identity(row) for row in self.resolved}

    def _by_file_id(self, refs: list[RelationRef]) -> dict[object, list[int]]:
        """The objects with each `id` the relations name (rows of the file, in order)."""
        wanted = {_file_id_hash(ref.id): ref.id for ref in refs if ref.id is not None}
        found: dict[object, list[int]] = {}
        for number, hashed in enumerate(self.file_id_hashes):
            if hashed in wanted:
                found.setdefault(wanted[hashed], []).append(self.file_id_rows[number])
        return found

    def wants(self, row: int) -> bool:
        """Whether a relation needs the agreement id this object will get."""
        return bool(self.needed) and self.identity(row) in self.needed

    def known(self, row: int, agreement_id: int) -> None:
        """The object at *row* is (or matches) agreement *agreement_id*."""
        if self.needed:
            self.ids.setdefault(self.identity(row), agreement_id)

    def new_relations(self, rows: list[int]) -> list[tuple[int, RelationType, int]]:
        """(agreement, type, other agreement) for the relations of these new objects."""
        return [
            (self.ids[self.identity(row)], kind, self.ids[target])
            for row in rows
            for kind, target in self.resolved.get(row, [])
            if target in self.ids
        ]

    def relations_of(self, row: int | None) -> list[RelationInput]:
        """An updated object's relations, as the file gives them."""
        pairs = self.resolved.get(row, []) if row is not None else []
        return [
            RelationInput(kind.value, self.ids[target])
            for kind, target in pairs
            if target in self.ids
        ]


def _file_id_hash(file_id: object) -> int:
    """An object's `id` (text or number, as JSON gives it) as a signed 64-bit hash."""
    digest = hashlib.blake2b(repr(file_id).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def _digest(key: _Key) -> bytes:
    """An identity in 16 bytes: what repeats and relations are told by."""
    return hashlib.blake2b("\x00".join(key).encode(), digest_size=16).digest()


# ----------------------------------------------------------------- duplicates


def title_identity(title: str, terms: str | None = None) -> str:
    """A title as duplicates are compared: its folded words, punctuation and spacing aside."""
    if terms is None:
        terms = " ".join(search_terms(title))
    return terms or fold(" ".join(title.split()))


def _identity(title: str, signed_on: PartialDate | None, terms: str | None = None) -> _Key:
    return title_identity(title, terms), signed_on.iso() if signed_on else ""


def _recorded(session: Session, title_keys: set[str]) -> dict[_Key, int]:
    """Identity -> the oldest recorded agreement with it, for agreements with these title keys."""
    found: dict[_Key, int] = {}
    wanted = sorted(title_keys)
    for start in range(0, len(wanted), _LOOKUP_CHUNK):
        rows = session.execute(
            select(Agreement.id, Agreement.title, Agreement.signed_on)
            .where(Agreement.title_key.in_(wanted[start : start + _LOOKUP_CHUNK]))
            .order_by(Agreement.id)
        )
        for row in rows:
            found.setdefault(_identity(row.title, row.signed_on), row.id)
    return found


# ----------------------------------------------------------------- parties and fields


def _party_clashes(
    session: Session, records: list[Record], identities: dict[str, _PartyKey]
) -> list[Problem]:
    """Two spellings in one row that name one recorded party ('UN', 'United Nations').

    *identities* (party key -> identity) is kept from one batch of rows to the next.
    """
    problems = []
    for record in records:
        seen: dict[_PartyKey, str] = {}
        for item in named(record.data.parties):
            key = party_key(item.party)
            if key not in identities:
                identities[key] = _party_identity(session, item.party)
            identity = identities[key]
            if identity in seen and fold(seen[identity]) != fold(item.party):
                problems.append(
                    Problem(
                        say(
                            QT_TRANSLATE_NOOP("Import", "'%1' and '%2' are one party"),
                            seen[identity],
                            item.party,
                            context=IMPORT,
                        ),
                        record.line,
                        record.index,
                        "parties",
                    )
                )
            seen.setdefault(identity, item.party)
    return problems


def _party_identity(session: Session, name: str) -> _PartyKey:
    """What makes two spellings one party: a recorded party, a state, else the folded name."""
    party = find_party(session, name)
    if party is not None:
        return ("party", party.id)
    identity = find_identity(name)
    return ("known", identity.code) if identity else ("name", party_key(name))


def _new_parties(session: Session, names: Iterable[str]) -> list[str]:
    """The parties resolving these names (one spelling each) would create, as they will be shown."""
    planned: dict[_PartyKey, str] = {}
    for name in names:
        identity = _party_identity(session, name)
        if identity[0] != "party":
            found = find_identity(name)
            planned.setdefault(identity, found.name if found else " ".join(name.split()))
    return list(planned.values())


def _new_fields(session: Session, named_paths: Iterable[str]) -> list[str]:
    """The fields (and parents) these paths would create, as full paths."""
    keys = {row.id: row.key for row in session.execute(select(Field.id, Field.key))}
    paths = field_paths(session)
    known = {key: paths[field_id] for field_id, key in keys.items()}
    created = []
    for path in named_paths:
        parts = split_path(path)
        for depth in range(1, len(parts) + 1):
            key = path_key(parts[:depth])
            if key not in known:
                parent = known.get(path_key(parts[: depth - 1])) if depth > 1 else None
                known[key] = f"{parent} > {parts[depth - 1]}" if parent else parts[0]
                created.append(known[key])
    return created


def _last_id(session: Session, table: type[Party] | type[Field]) -> int:
    return session.scalar(select(func.max(table.id))) or 0


def _created_parties(session: Session, after: int) -> list[str]:
    return list(session.scalars(select(Party.name).where(Party.id > after)))


def _created_fields(session: Session, after: int) -> list[str]:
    paths = field_paths(session)
    return [
        paths[field_id] for field_id in session.scalars(select(Field.id).where(Field.id > after))
    ]


def _by_name(names: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(names, key=lambda name: (fold(name), name)))


# ----------------------------------------------------------------- updating


@dataclass(frozen=True)
class _Change:
    agreement_id: int
    version: int
    current: AgreementInput
    merged: AgreementInput
    record: Record | None = None


def _change(
    session: Session, agreement_id: int, record: Record, problems: list[Problem]
) -> _Change:
    """What a matching row would make of its recorded agreement; its problems to *problems*."""
    current, version = load_input(session, agreement_id)
    merged = _merged(session, current, record)
    kind = "csv" if record.line is not None else "json"
    for key, message in validate(merged).items():
        column = column_of(key, kind, record.plain_parties)
        keeps = QT_TRANSLATE_NOOP("Import", "%1 (with what agreement %2 keeps from before)")
        reason = say(keeps, message, agreement_id, context=IMPORT)
        problems.append(Problem(reason, record.line, record.index, column))
    return _Change(agreement_id, version, current, merged, record)


def _merged(session: Session, current: AgreementInput, record: Record) -> AgreementInput:
    """The recorded agreement with the file's columns (CSV) or keys (JSON) put over it."""
    given = record.given - {"parties", "relations"}  # relations: once the file's rows exist
    changes = {name: getattr(record.data, name) for name in given}
    if "parties" in record.given:
        # A party given by name only keeps its recorded role, signatory and actions.
        by_party = {_party_identity(session, item.party): item for item in current.parties}
        changes["parties"] = [
            by_party.get(_party_identity(session, item.party), item)
            if number in record.plain_parties
            else item
            for number, item in enumerate(record.data.parties)
        ]
    return dataclasses.replace(current, **changes)


def _canonical(session: Session, data: AgreementInput) -> tuple[object, ...]:
    """*data* as it would be stored, to tell whether an update changes anything."""

    def date(text: str) -> str:
        parsed = PartialDate.parse_optional(text)
        return parsed.iso() if parsed else ""

    def texts(values: list[str]) -> tuple[str, ...]:
        return tuple(value.strip() for value in values if value.strip())

    plain = dataclasses.replace(
        data,
        title=" ".join(data.title.split()),
        kind=Kind.parse(data.kind).value,
        level=Level.parse(data.level).value,
        status=Status.parse(data.status).value,
        parties=[],
        fields=[],
        milestones=[],
        relations=[],
        alternative_titles=[],
        languages=[],
        **{name: date(getattr(data, name)) for name in DATE_FIELDS},  # type: ignore[arg-type]  # only text columns are spread
    )
    simple = tuple(
        value.strip() if isinstance(value, str) else value for value in dataclasses.astuple(plain)
    )
    return (
        simple,
        texts(data.alternative_titles),
        texts(data.languages),
        tuple(_canonical_party(session, item) for item in named(data.parties)),
        frozenset(path_key(split_path(path)) for path in data.fields),
        tuple(
            (MilestoneKind.parse(m.kind), date(m.on), m.description.strip())
            for m in data.milestones
        ),
        tuple((r.type, r.other_id) for r in data.relations),
    )


def _canonical_party(session: Session, item: ParticipationInput) -> tuple[object, ...]:
    def date(text: str) -> str:
        parsed = PartialDate.parse_optional(text)
        return parsed.iso() if parsed else ""

    return (
        _party_identity(session, item.party),
        Role.parse(item.role),
        item.signatory_name.strip(),
        item.signatory_title.strip(),
        tuple(
            (ActionType.parse(a.type), date(a.deposited_on), date(a.effective_on), a.text.strip())
            for a in item.actions
        ),
    )

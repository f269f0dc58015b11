"""The shape of agreement files (CSV columns, JSON keys) and how their problems are told.

Shared by the readers (exchange_csv, exchange_json, exchange_read) and the writer
(exchange_write). A problem is located by CSV line (the physical line where the record
starts; the header is line 1) or JSON index (from 0), and column or key path.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.service import DATE_FIELDS, AgreementInput
from models.vocab import ActionType, Kind, Level, PartyKind, Role, Status, Vocabulary

# The columns of a CSV file, in the order export writes them (`level` last, as an extra).
CSV_COLUMNS = (
    "title",
    "kind",
    "status",
    "signed_on",
    "signed_at",
    "entry_into_force",
    "expires_on",
    "parties",
    "fields",
    "summary",
    "source_url",
    "notes",
)
# Structured terms (models.terms), optional: a file without them imports as before.
TERM_COLUMNS = ("duration_term", "renewal_term", "notice_term", "entry_into_force_term")
EXPORT_CSV_COLUMNS = (*CSV_COLUMNS, "level", *TERM_COLUMNS)
REQUIRED = ("title", "kind", "status", "parties")
# `id` is what `list --format csv|json` prints first; ids belong to one database, so it is
# never stored (a JSON file's own ids only tie its relations to its rows). `counts`
# (signatories, parties) ends a `list --format json` object: derived, so ignored.
# `attachments` (files beside an export, --with-attachments) are read by
# models.attachment_exchange once the agreements are recorded.
IGNORED = ("id", "counts", "attachments")
LIST_SEPARATOR = "; "
# JSON keys beyond the CSV columns: AgreementInput's other facts.
EXTRA_TEXT_KEYS = (
    "short_title",
    "entry_into_force_rule",
    "duration",
    "renewal",
    *TERM_COLUMNS,
    "terminated_on",
    "termination_grounds",
    "depositary",
    "un_registration",
    "source_citation",
)
JSON_KEYS = (
    *IGNORED,
    *CSV_COLUMNS,
    "level",
    *EXTRA_TEXT_KEYS,
    "alternative_titles",
    "languages",
    "binding",
    "milestones",
    "relations",
)
# `code`: the party's identity as export writes it ('KAZ', 'TMP', 'org:EU'); it wins over
# the name, so a historic state whose name now means another one comes back as itself.
PARTY_KEYS = ("name", "code", "kind", "role", "signatory_name", "signatory_title", "actions")
# Spellings of the sample file (AgreementInput's own names) read as the keys above.
PARTY_SYNONYMS = {"party": "name", "party_kind": "kind"}
ACTION_KEYS = ("type", "deposited_on", "effective_on", "text")
MILESTONE_KEYS = ("kind", "on", "description")
RELATION_KEYS = ("type", "id", "title", "signed_on")
DATE_KEYS = frozenset({*DATE_FIELDS, "on", "deposited_on", "effective_on"})


# The vocabulary of each key (its last part: 'parties.0.role' -> 'role').
VOCABULARIES: dict[str, type[Vocabulary]] = {
    "kind": Kind,
    "status": Status,
    "level": Level,
    "role": Role,
    "party_kind": PartyKind,
    "type": ActionType,
}


def one_of(vocabulary: type[Vocabulary]) -> str:
    """'(one of: draft, under negotiation, …)', to follow a missing or empty value."""
    return f"(one of: {', '.join(vocabulary.values())})"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (CSV line or JSON index, column) and why."""

    reason: str
    line: int | None = None
    index: int | None = None
    column: str = ""

    def __str__(self) -> str:
        where = (
            f"line {self.line}"
            if self.line is not None
            else f"index {self.index}"
            if self.index is not None
            else ""
        )
        if self.column:
            where = f"{where}, {self.column}" if where else self.column
        return f"{where}: {self.reason}" if where else self.reason


class ImportFailed(Exception):
    """The file can't be imported; nothing was. `problems` lists every reason, located."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}" if problems else "the file can't be imported")


@dataclass(frozen=True, slots=True)
class RelationRef:
    """A relation as a JSON file gives it: the other agreement by the file's id, or by title."""

    type: str
    id: object = None  # the `id` of another object in the same file
    title: str = ""
    signed_on: str = ""


@dataclass(slots=True)
class Record:
    """One agreement read from a file, and what the file said about it.

    Slots and shared empty defaults: a file of 100,000 rows holds 100,000 of these.
    """

    data: AgreementInput
    line: int | None = None
    index: int | None = None
    given: frozenset[str] = frozenset()  # AgreementInput attributes the file sets
    plain_parties: frozenset[int] = frozenset()  # parties given by name only (no role, actions)
    problems: tuple[Problem, ...] = ()
    readable: bool = True  # False when a JSON item is not an object at all
    skip: frozenset[str] = frozenset()  # validate() keys already reported
    file_id: object = None  # the object's own `id` in a JSON file, for relations to it
    relations: tuple[RelationRef, ...] = ()  # resolved to agreements by exchange_relations

    def problem(self, column: str, reason: str, key: str | None = None) -> None:
        self.problems = (*self.problems, Problem(reason, self.line, self.index, column))
        if key:
            self.skip = self.skip | {key}

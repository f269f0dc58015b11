"""Controlled vocabularies, after the UN Treaty Collection.

Values are stored as written here (lower case, with spaces): they are what the
command line, CSV and JSON files take. Extending a vocabulary needs a migration,
since the database checks every value.
"""

from __future__ import annotations

import difflib
from enum import StrEnum
from typing import Self

from models.messages import QT_TRANSLATE_NOOP, VALIDATION, say


class Vocabulary(StrEnum):
    """A closed list of lower-case values with a human label."""

    @property
    def label(self) -> str:
        return self.value[:1].upper() + self.value[1:]

    @classmethod
    def values(cls) -> list[str]:
        return [member.value for member in cls]

    @classmethod
    def parse(cls, text: str) -> Self:
        """Return the member named by *text* (case and spacing forgiven) or raise ValueError."""
        wanted = " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()
        member = cls._value2member_map_.get(wanted)  # a dict: iterating members is slow
        if member is not None:
            return member  # type: ignore[return-value]  # the map holds cls's own members
        raise ValueError(unknown_value_message(cls, text))


def unknown_value_message(vocabulary: type[Vocabulary], text: str) -> str:
    """'ratifed' is not a status (did you mean 'ratified'?)."""
    noun = VOCABULARY_NOUNS.get(vocabulary.__name__, vocabulary.__name__.lower())
    close = difflib.get_close_matches(text.casefold(), vocabulary.values(), n=1, cutoff=0.6)
    named = say(noun, context=VALIDATION)
    if close:  # the value suggested is one to type: it stays as it is
        if noun[:1] in "aeiou":
            return say(NOT_AN_HINTED, text, named, close[0])
        return say(NOT_A_HINTED, text, named, close[0])
    return say(NOT_AN if noun[:1] in "aeiou" else NOT_A, text, named)


class Kind(Vocabulary):
    TREATY = "treaty"
    CONVENTION = "convention"
    AGREEMENT = "agreement"
    PROTOCOL = "protocol"
    CHARTER = "charter"
    DECLARATION = "declaration"
    MEMORANDUM = "memorandum of understanding"
    EXCHANGE_OF_NOTES = "exchange of notes"
    JOINT_STATEMENT = "joint statement"
    PROGRAMME = "programme"
    ROADMAP = "roadmap"
    OTHER = "other"


class Level(Vocabulary):
    INTERSTATE = "interstate"
    INTERGOVERNMENTAL = "intergovernmental"
    INTERDEPARTMENTAL = "interdepartmental"
    UNKNOWN = "unknown"


class Status(Vocabulary):
    DRAFT = "draft"
    UNDER_NEGOTIATION = "under negotiation"
    ADOPTED = "adopted"
    SIGNED = "signed"
    RATIFIED = "ratified"
    PROVISIONALLY_APPLIED = "provisionally applied"
    IN_FORCE = "in force"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"
    EXPIRED = "expired"


class PartyKind(Vocabulary):
    STATE = "state"
    ORGANIZATION = "international organization"
    GOVERNMENT_BODY = "government body"


class Role(Vocabulary):
    NEGOTIATING_STATE = "negotiating state"
    ORIGINAL_SIGNATORY = "original signatory"
    PARTY = "party"
    OBSERVER = "observer"
    DEPOSITARY = "depositary"


class ActionType(Vocabulary):
    SIGNATURE = "signature"
    DEFINITIVE_SIGNATURE = "definitive signature"
    RATIFICATION = "ratification"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    FORMAL_CONFIRMATION = "formal confirmation"
    ACCESSION = "accession"
    SUCCESSION = "succession"
    PROVISIONAL_APPLICATION = "provisional application"
    ENTRY_INTO_FORCE = "entry into force"
    RESERVATION = "reservation"
    DECLARATION = "declaration"
    OBJECTION = "objection"
    DENUNCIATION = "denunciation"
    WITHDRAWAL = "withdrawal"


class RelationType(Vocabulary):
    PROTOCOL_TO = "protocol to"
    AMENDS = "amends"
    SUPERSEDES = "supersedes"
    SUPPLEMENTS = "supplements"
    IMPLEMENTS = "implements"
    TERMINATES = "terminates"

    @property
    def inverse(self) -> str:
        """The words for the other side: 'A protocol to B' reads 'B has protocol A'."""
        return _INVERSE_RELATIONS[self]

    @property
    def inverse_label(self) -> str:
        return self.inverse[:1].upper() + self.inverse[1:]


# Shown wherever a relation is seen from the agreement it points at. The other side of
# "supersedes" is "replaced by", the words the analysts asked for (issue #12).
_INVERSE_RELATIONS = {
    RelationType.PROTOCOL_TO: "has protocol",
    RelationType.AMENDS: "amended by",
    RelationType.SUPERSEDES: "replaced by",
    RelationType.SUPPLEMENTS: "supplemented by",
    RelationType.IMPLEMENTS: "implemented by",
    RelationType.TERMINATES: "terminated by",
}


class MilestoneKind(Vocabulary):
    SIGNED = "signed"
    RATIFIED = "ratified"
    ENTERED_INTO_FORCE = "entered into force"
    AMENDED = "amended"
    REVIEW_DUE = "review due"
    EXPIRES = "expires"
    RENEWAL_NOTICE_ENDS = "notice period for renewal ends"
    OTHER = "other"


class PartyStatus(Vocabulary):
    """What a party's own actions make of it (derived, never stored)."""

    SIGNATORY = "signatory"
    CONTRACTING = "contracting"
    PARTY = "party"
    PROVISIONALLY_APPLYING = "provisionally applying"
    WITHDRAWN = "withdrawn"


VOCABULARY_NOUNS = {
    "Kind": QT_TRANSLATE_NOOP("Validation", "kind"),
    "Level": QT_TRANSLATE_NOOP("Validation", "level"),
    "Status": QT_TRANSLATE_NOOP("Validation", "status"),
    "PartyKind": QT_TRANSLATE_NOOP("Validation", "party kind"),
    "Role": QT_TRANSLATE_NOOP("Validation", "role"),
    "ActionType": QT_TRANSLATE_NOOP("Validation", "action"),
    "RelationType": QT_TRANSLATE_NOOP("Validation", "relation"),
    "MilestoneKind": QT_TRANSLATE_NOOP("Validation", "milestone kind"),
    "PartyStatus": QT_TRANSLATE_NOOP("Validation", "party status"),
}
# A value that is no member ('%2' the noun above, '%3' a close value to type instead).
NOT_A = QT_TRANSLATE_NOOP("Validation", "'%1' is not a %2")
NOT_AN = QT_TRANSLATE_NOOP("Validation", "'%1' is not an %2")
NOT_A_HINTED = QT_TRANSLATE_NOOP("Validation", "'%1' is not a %2 (did you mean '%3'?)")
NOT_AN_HINTED = QT_TRANSLATE_NOOP("Validation", "'%1' is not an %2 (did you mean '%3'?)")

CONSENT_ACTIONS = frozenset(
    {
        ActionType.DEFINITIVE_SIGNATURE,
        ActionType.RATIFICATION,
        ActionType.ACCEPTANCE,
        ActionType.APPROVAL,
        ActionType.FORMAL_CONFIRMATION,
        ActionType.ACCESSION,
        ActionType.SUCCESSION,
    }
)
SIGNATURE_ACTIONS = frozenset({ActionType.SIGNATURE, ActionType.DEFINITIVE_SIGNATURE})
LEAVING_ACTIONS = frozenset({ActionType.DENUNCIATION, ActionType.WITHDRAWAL})
TEXT_ACTIONS = frozenset({ActionType.RESERVATION, ActionType.DECLARATION, ActionType.OBJECTION})

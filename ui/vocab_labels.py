"""The labels of vocabulary values in the window's language; the stored values stay English.

models/vocab.py keeps the values ('in force') and their English labels ('In force'), which
the command line, files and PDFs use; the window shows label(member) instead. Each label is
a literal here so that pyside6-lupdate finds it; the vocabulary's name is the
disambiguation, as one English word may be two in another language ('Declaration': a kind
of document, or a declaration made by a party).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.deadlines import DeadlineKind
from models.vocab import Vocabulary
from ui import translations

translate = QCoreApplication.translate
# (language generation, labels, inverse labels): a table of tens of lookups, built once per
# language rather than on every label (a table model asks for one per cell).
_cache: list[tuple[int, dict[tuple[str, str], str], dict[str, str]]] = []


def _tables() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    now = translations.generation()
    if not _cache or _cache[0][0] != now:
        _cache[:] = [(now, _labels(), _inverse_labels())]
    return _cache[0][1], _cache[0][2]


def _labels() -> dict[tuple[str, str], str]:
    """(vocabulary, stored value) -> label in the current language."""
    return {
        ("Kind", "treaty"): translate("Vocabulary", "Treaty", "Kind"),
        ("Kind", "convention"): translate("Vocabulary", "Convention", "Kind"),
        ("Kind", "agreement"): translate("Vocabulary", "Agreement", "Kind"),
        ("Kind", "protocol"): translate("Vocabulary", "Protocol", "Kind"),
        ("Kind", "charter"): translate("Vocabulary", "Charter", "Kind"),
        ("Kind", "declaration"): translate("Vocabulary", "Declaration", "Kind"),
        ("Kind", "memorandum of understanding"): translate(
            "Vocabulary", "Memorandum of understanding", "Kind"
        ),
        ("Kind", "exchange of notes"): translate("Vocabulary", "Exchange of notes", "Kind"),
        ("Kind", "joint statement"): translate("Vocabulary", "Joint statement", "Kind"),
        ("Kind", "programme"): translate("Vocabulary", "Programme", "Kind"),
        ("Kind", "roadmap"): translate("Vocabulary", "Roadmap", "Kind"),
        ("Kind", "other"): translate("Vocabulary", "Other", "Kind"),
        ("Level", "interstate"): translate("Vocabulary", "Interstate", "Level"),
        ("Level", "intergovernmental"): translate("Vocabulary", "Intergovernmental", "Level"),
        ("Level", "interdepartmental"): translate("Vocabulary", "Interdepartmental", "Level"),
        ("Level", "unknown"): translate("Vocabulary", "Unknown", "Level"),
        ("Status", "draft"): translate("Vocabulary", "Draft", "Status"),
        ("Status", "under negotiation"): translate("Vocabulary", "Under negotiation", "Status"),
        ("Status", "adopted"): translate("Vocabulary", "Adopted", "Status"),
        ("Status", "signed"): translate("Vocabulary", "Signed", "Status"),
        ("Status", "ratified"): translate("Vocabulary", "Ratified", "Status"),
        ("Status", "provisionally applied"): translate(
            "Vocabulary", "Provisionally applied", "Status"
        ),
        ("Status", "in force"): translate("Vocabulary", "In force", "Status"),
        ("Status", "suspended"): translate("Vocabulary", "Suspended", "Status"),
        ("Status", "terminated"): translate("Vocabulary", "Terminated", "Status"),
        ("Status", "expired"): translate("Vocabulary", "Expired", "Status"),
        ("PartyKind", "state"): translate("Vocabulary", "State", "PartyKind"),
        ("PartyKind", "international organization"): translate(
            "Vocabulary", "International organization", "PartyKind"
        ),
        ("PartyKind", "government body"): translate("Vocabulary", "Government body", "PartyKind"),
        ("Role", "negotiating state"): translate("Vocabulary", "Negotiating state", "Role"),
        ("Role", "original signatory"): translate("Vocabulary", "Original signatory", "Role"),
        ("Role", "party"): translate("Vocabulary", "Party", "Role"),
        ("Role", "observer"): translate("Vocabulary", "Observer", "Role"),
        ("Role", "depositary"): translate("Vocabulary", "Depositary", "Role"),
        ("ActionType", "signature"): translate("Vocabulary", "Signature", "ActionType"),
        ("ActionType", "definitive signature"): translate(
            "Vocabulary", "Definitive signature", "ActionType"
        ),
        ("ActionType", "ratification"): translate("Vocabulary", "Ratification", "ActionType"),
        ("ActionType", "acceptance"): translate("Vocabulary", "Acceptance", "ActionType"),
        ("ActionType", "approval"): translate("Vocabulary", "Approval", "ActionType"),
        ("ActionType", "formal confirmation"): translate(
            "Vocabulary", "Formal confirmation", "ActionType"
        ),
        ("ActionType", "accession"): translate("Vocabulary", "Accession", "ActionType"),
        ("ActionType", "succession"): translate("Vocabulary", "Succession", "ActionType"),
        ("ActionType", "provisional application"): translate(
            "Vocabulary", "Provisional application", "ActionType"
        ),
        ("ActionType", "entry into force"): translate(
            "Vocabulary", "Entry into force", "ActionType"
        ),
        ("ActionType", "reservation"): translate("Vocabulary", "Reservation", "ActionType"),
        ("ActionType", "declaration"): translate("Vocabulary", "Declaration", "ActionType"),
        ("ActionType", "objection"): translate("Vocabulary", "Objection", "ActionType"),
        ("ActionType", "denunciation"): translate("Vocabulary", "Denunciation", "ActionType"),
        ("ActionType", "withdrawal"): translate("Vocabulary", "Withdrawal", "ActionType"),
        ("RelationType", "protocol to"): translate("Vocabulary", "Protocol to", "RelationType"),
        ("RelationType", "amends"): translate("Vocabulary", "Amends", "RelationType"),
        ("RelationType", "supersedes"): translate("Vocabulary", "Supersedes", "RelationType"),
        ("RelationType", "supplements"): translate("Vocabulary", "Supplements", "RelationType"),
        ("RelationType", "implements"): translate("Vocabulary", "Implements", "RelationType"),
        ("RelationType", "terminates"): translate("Vocabulary", "Terminates", "RelationType"),
        ("MilestoneKind", "signed"): translate("Vocabulary", "Signed", "MilestoneKind"),
        ("MilestoneKind", "ratified"): translate("Vocabulary", "Ratified", "MilestoneKind"),
        ("MilestoneKind", "entered into force"): translate(
            "Vocabulary", "Entered into force", "MilestoneKind"
        ),
        ("MilestoneKind", "amended"): translate("Vocabulary", "Amended", "MilestoneKind"),
        ("MilestoneKind", "review due"): translate("Vocabulary", "Review due", "MilestoneKind"),
        ("MilestoneKind", "expires"): translate("Vocabulary", "Expires", "MilestoneKind"),
        ("MilestoneKind", "notice period for renewal ends"): translate(
            "Vocabulary", "Notice period for renewal ends", "MilestoneKind"
        ),
        ("MilestoneKind", "other"): translate("Vocabulary", "Other", "MilestoneKind"),
        ("PartyStatus", "signatory"): translate("Vocabulary", "Signatory", "PartyStatus"),
        ("PartyStatus", "contracting"): translate("Vocabulary", "Contracting", "PartyStatus"),
        ("PartyStatus", "party"): translate("Vocabulary", "Party", "PartyStatus"),
        ("PartyStatus", "provisionally applying"): translate(
            "Vocabulary", "Provisionally applying", "PartyStatus"
        ),
        ("PartyStatus", "withdrawn"): translate("Vocabulary", "Withdrawn", "PartyStatus"),
        ("DeadlineKind", "entry into force"): translate(
            "Vocabulary", "Expected entry into force", "DeadlineKind"
        ),
        ("DeadlineKind", "notice"): translate(
            "Vocabulary", "Last day to give notice", "DeadlineKind"
        ),
        ("DeadlineKind", "renewal"): translate("Vocabulary", "Renews", "DeadlineKind"),
        ("DeadlineKind", "expiry"): translate("Vocabulary", "Expires", "DeadlineKind"),
    }


def _inverse_labels() -> dict[str, str]:
    """A relation seen from the agreement it points at ('Amended by')."""
    return {
        "protocol to": translate("Vocabulary", "Has protocol", "RelationType inverse"),
        "amends": translate("Vocabulary", "Amended by", "RelationType inverse"),
        "supersedes": translate("Vocabulary", "Replaced by", "RelationType inverse"),
        "supplements": translate("Vocabulary", "Supplemented by", "RelationType inverse"),
        "implements": translate("Vocabulary", "Implemented by", "RelationType inverse"),
        "terminates": translate("Vocabulary", "Terminated by", "RelationType inverse"),
    }


def label(member: Vocabulary | DeadlineKind) -> str:
    """'Вступило в силу' for Status.IN_FORCE under Russian; the English label otherwise."""
    return _tables()[0].get((type(member).__name__, member.value), member.label)


def inverse_label(member: Vocabulary) -> str:
    """The other side of a relation ('Replaced by'), in the window's language."""
    return _tables()[1].get(member.value, getattr(member, "inverse_label", member.label))

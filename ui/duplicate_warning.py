"""The editor's warning before saving an agreement that is probably recorded already.

Kept apart from agreement_dialog: the dialog only asks `probable_duplicates_of()` and
shows `warning_text()` with its own message box.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QObject
from sqlalchemy.orm import Session, sessionmaker

from models.duplicates import PossibleDuplicate, probable_duplicates
from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from models.service import AgreementInput
from ui.translations import fill

SAVE_ANYWAY = QT_TRANSLATE_NOOP("DuplicateWarning", "Save anyway")
OPEN_EXISTING = QT_TRANSLATE_NOOP("DuplicateWarning", "Open existing")
translate = QCoreApplication.translate


def button_text(text: str) -> str:
    """SAVE_ANYWAY or OPEN_EXISTING as the button says it, in the window's language."""
    return translate("DuplicateWarning", text)


def needs_check(data: AgreementInput, original: AgreementInput, is_new: bool) -> bool:
    """A new agreement, or one whose title, signing date or parties were changed."""
    if is_new:
        return True
    return (
        " ".join(data.title.split()) != " ".join(original.title.split())
        or data.signed_on.strip() != original.signed_on.strip()
        or _party_names(data) != _party_names(original)
    )


def probable_duplicates_of(
    sessions: sessionmaker[Session], data: AgreementInput, agreement_id: int | None
) -> list[PossibleDuplicate]:
    """Recorded agreements that *data* probably repeats (not *agreement_id* itself)."""
    try:
        with sessions() as session:
            return probable_duplicates(
                session,
                data.title,
                data.signed_on.strip(),
                _party_names(data),
                exclude_id=agreement_id,
            )
    except ValueError:  # a date that is not one: validation says so when saving
        return []


def warning_text(matches: list[PossibleDuplicate]) -> tuple[str, str]:
    """The question and its details: which agreements, and what each button does."""
    listed = "\n".join(f"• {match.describe()}" for match in matches)
    text = DuplicateWarning.tr(
        "This looks like %n agreement(s) already recorded, with the same signing date and "
        "parties and a title near in wording:",
        "",
        len(matches),
    )
    details = fill(
        DuplicateWarning.tr(
            "%1 records it as a new agreement. %2 closes this one without saving and opens "
            "agreement %3."
        ),
        button_text(SAVE_ANYWAY),
        button_text(OPEN_EXISTING),
        matches[0].agreement_id,
    )
    return f"{text}\n{listed}", details


class DuplicateWarning(QObject):
    """The context of the warning's sentences (a class: lupdate reads a plural from tr())."""

    # Qt's tr works on the class too (PySide6's stubs know the method only); an annotation,
    # as a def here would hide the class's name from pyside6-lupdate.
    if TYPE_CHECKING:
        tr: ClassVar[Callable[..., str]]


def _party_names(data: AgreementInput) -> list[str]:
    return [item.party.strip() for item in data.parties if item.party.strip()]

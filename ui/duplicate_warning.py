"""The editor's warning before saving an agreement that is probably recorded already.

Kept apart from agreement_dialog: the dialog only asks `probable_duplicates_of()` and
shows `warning_text()` with its own message box.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from models.duplicates import PossibleDuplicate, probable_duplicates
from models.service import AgreementInput

SAVE_ANYWAY = "Save anyway"
OPEN_EXISTING = "Open existing"


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
    noun = "an agreement" if len(matches) == 1 else f"{len(matches)} agreements"
    text = (
        f"This looks like {noun} already recorded, with the same signing date and "
        f"parties and a title near in wording:\n{listed}"
    )
    details = (
        f"{SAVE_ANYWAY} records it as a new agreement. {OPEN_EXISTING} closes this one "
        f"without saving and opens agreement {matches[0].agreement_id}."
    )
    return text, details


def _party_names(data: AgreementInput) -> list[str]:
    return [item.party.strip() for item in data.parties if item.party.strip()]

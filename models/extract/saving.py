"""Recording reviewed drafts: all of them in the caller's transaction, or none.

The usual validation (models.service) and duplicate check (models.duplicates) apply: a
draft that looks like a recorded agreement, or like another draft of the same batch, is
refused unless the caller keeps duplicates on purpose (the dialog's user has seen the
warning and left the draft ticked).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from models import history
from models.changes import NOTHING, Changes
from models.dates import PartialDate
from models.duplicates import PossibleDuplicate, probable_duplicates, titles_alike
from models.extract.drafting import Draft
from models.parties import find_identity
from models.service import AgreementInput, ParticipationInput, ValidationError, create, validate
from models.vocab import PartyKind, Role, Status


@dataclass(frozen=True)
class SavedDrafts:
    """The ids recorded, in the drafts' order, and what changed."""

    ids: list[int]
    changes: Changes


class DuplicateDraftsError(Exception):
    """Drafts that repeat a recorded agreement or each other; nothing was saved."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def draft_input(draft: Draft) -> AgreementInput:
    """A draft as an agreement input: what it says, its notes, and where it came from."""
    signed = draft.status == Status.SIGNED.value
    parties = []
    for name in draft.parties:
        signatory = next((s for s in draft.signatories if s.party == name), None)
        identity = find_identity(name)
        parties.append(
            ParticipationInput(
                party=name,
                role=(Role.ORIGINAL_SIGNATORY if signed else Role.NEGOTIATING_STATE).value,
                signatory_name=signatory.name if signatory else "",
                signatory_title=signatory.title if signatory else "",
                party_kind=identity.kind.value if identity else PartyKind.ORGANIZATION.value,
            )
        )
    notes = " ".join(["Drafted from an article and reviewed before saving.", *draft.notes])
    return AgreementInput(
        title=draft.title,
        kind=draft.kind,
        level=draft.level,
        status=draft.status,
        signed_on=draft.signed_on,
        signed_at=draft.signed_at,
        parties=parties,
        fields=list(draft.fields),
        notes=notes,
        source_citation=draft.source_citation,
    )


def draft_duplicates(session: Session, drafts: Sequence[Draft]) -> list[list[PossibleDuplicate]]:
    """For each draft, the recorded agreements it probably repeats (oldest first)."""
    return [
        probable_duplicates(session, draft.title, draft.signed_on or None, draft.parties)
        if draft.title.strip() and _date_ok(draft.signed_on)
        else []
        for draft in drafts
    ]


def _date_ok(text: str) -> bool:
    try:
        PartialDate.parse_optional(text)
    except ValueError:
        return False  # validation names it; the duplicate check has nothing to compare
    return True


def save_drafts(
    session: Session, drafts: Sequence[Draft], *, keep_duplicates: bool = False
) -> SavedDrafts:
    """Record *drafts*; raise ValidationError or DuplicateDraftsError, recording none.

    Problems of every draft are found before anything is written, and named by the
    draft's number (1 for the first).
    """
    inputs = [draft_input(draft) for draft in drafts]
    problems = {
        f"draft {number} ({data.title or 'untitled'}) {key}": message
        for number, data in enumerate(inputs, 1)
        for key, message in validate(data).items()
    }
    if problems:
        raise ValidationError(problems)
    if not keep_duplicates:
        repeated = _repeats(session, drafts)
        if repeated:
            raise DuplicateDraftsError(repeated)
    count = len(inputs)
    label = f"{count} draft{'s' if count != 1 else ''} from an article"
    with history.step(session, label):  # saved together: one step to undo
        saved = [create(session, data) for data in inputs]
    changes = NOTHING
    for each in saved:
        changes |= each.changes
    return SavedDrafts([each.id for each in saved], changes)


def _repeats(session: Session, drafts: Sequence[Draft]) -> list[str]:
    found = []
    for number, (draft, recorded) in enumerate(
        zip(drafts, draft_duplicates(session, drafts), strict=True), 1
    ):
        if recorded:
            found.append(f"draft {number} looks like recorded agreement {recorded[0].describe()}")
        for other_number, other in enumerate(drafts[: number - 1], 1):
            same = (other.signed_on, set(other.parties)) == (draft.signed_on, set(draft.parties))
            if same and titles_alike(other.title, draft.title):
                found.append(f"draft {number} repeats draft {other_number} ('{other.title}')")
    return found

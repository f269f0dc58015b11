"""Old ids of merged agreements, and the agreement that answers for each (migration 0009)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.audit import last_change
from models.schema import Agreement, AgreementRedirect
from models.service import NotFoundError


def merged_into(session: Session, agreement_id: int) -> int | None:
    """The agreement *agreement_id* was merged into, None when it was not merged."""
    return session.scalar(
        select(AgreementRedirect.new_id).where(AgreementRedirect.old_id == agreement_id)
    )


def resolve_id(session: Session, agreement_id: int) -> tuple[int, str | None]:
    """The id that answers for *agreement_id*, and the notice to show when it is another."""
    target = merged_into(session, agreement_id)
    if target is None:
        return agreement_id, None
    return target, merged_message(agreement_id, target)


def find_agreement(session: Session, agreement_id: int) -> tuple[int, str | None]:
    """The living agreement that answers for *agreement_id*, and any 'merged into' notice.

    Raises NotFoundError saying why there is none: deleted (by whom, when), or never was.
    """
    target, notice = resolve_id(session, agreement_id)
    if session.scalar(select(Agreement.id).where(Agreement.id == target)) is None:
        deleted = last_change(session, target, "delete")
        by, at = (deleted.changed_by, deleted.changed_at) if deleted else (None, None)
        raise NotFoundError(target, by, at)
    return target, notice


def merged_message(old_id: int, new_id: int) -> str:
    return f"agreement {old_id} was merged into {new_id}"


def add_redirect(session: Session, old_id: int, new_id: int) -> None:
    """Record that *old_id* answers with *new_id*, and repoint ids that answered with old_id.

    Kept flat (every old id points straight at a living agreement), so one lookup suffices.
    """
    session.execute(
        update(AgreementRedirect).where(AgreementRedirect.new_id == old_id).values(new_id=new_id)
    )
    session.add(AgreementRedirect(old_id=old_id, new_id=new_id))
    session.flush()

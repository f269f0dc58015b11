"""The trash: deleted agreements kept whole until it is emptied (migration 0010).

Deleting moves an agreement's rows out of `agreements` into a `trash` row holding their
snapshot (models.history_state), so every query, count, export and report leaves it out
without knowing of the trash. Its id stays reserved (ids are never reused, 0003):
restoring gives back the same id with its parties, fields, milestones, relations (to and
from it, where the other end is still there) and its audit trail, which never left.
Deleting and restoring are undoable steps; emptying the trash is for good and is not.

Things kept elsewhere under an agreement's id (attachments) stay while it is in the
trash and are removed when it is emptied: add a function taking (session, ids) to
PURGE_HOOKS, and purge_agreements() calls it in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.attachments import purge_attachments
from models.audit import record_each
from models.changes import Changes
from models.history import plural, quoted, step
from models.history_state import (
    AGREEMENTS,
    LIVE,
    TRASH,
    apply_agreement_states,
    chunks,
    where_now,
)
from models.messages import QT_TRANSLATE_NOOP, STEP_DELETION, STEP_RESTORE, UNDO, Message, fill, say
from models.revision import one_revision_step
from models.schema import TrashEntry, utcnow
from models.service import ConflictError, NotFoundError
from models.users import current_user

DEFAULT_KEEP_DAYS = 30
PurgeHook = Callable[[Session, list[int]], object]
# An agreement's attachments are kept under its id while it is in the trash.
PURGE_HOOKS: list[PurgeHook] = [purge_attachments]


class NotInTrashError(LookupError):
    """An id asked to be restored is not in the trash; the message says where it is."""


@dataclass(frozen=True)
class Emptied:
    """What emptying the trash did: the agreements deleted for good, and the change."""

    ids: list[int]
    changes: Changes


@dataclass(frozen=True)
class TrashRow:
    """One trashed agreement as the trash dialog and `trash` list it."""

    id: int
    title: str
    deleted_at: datetime
    deleted_by: str


def list_trash(session: Session) -> list[TrashRow]:
    """Everything in the trash, most recently deleted first."""
    rows = session.execute(
        select(
            TRASH.c.agreement_id, TRASH.c.title, TRASH.c.deleted_at, TRASH.c.deleted_by
        ).order_by(TRASH.c.deleted_at.desc(), TRASH.c.agreement_id.desc())
    )
    return [TrashRow(*row) for row in rows]


def delete(
    session: Session,
    ids: list[int],
    versions: dict[int, int] | None = None,
    *,
    user: str | None = None,
) -> Changes:
    """Move agreements to the trash as one undoable step; return what changed.

    With *versions* (id -> version read), one someone saved since is refused with a
    ConflictError naming them; an id that is not a live agreement is a NotFoundError.
    Either way nothing moves.
    """
    user = user or current_user()
    wanted = list(dict.fromkeys(ids))
    with step(session, _label("deletion", session, wanted), user) as recording:
        recording.touch(wanted)
        states = {i: dict(recording.before[("agreement", i)] or {}) for i in wanted}
        _check_live(session, states, versions or {})
        now = utcnow().isoformat()
        for state in states.values():
            state.update(where="trash", deleted_at=now, deleted_by=user)
        _write(session, states, user, "delete")
    return recording.changes


def restore(session: Session, ids: list[int], *, user: str | None = None) -> Changes:
    """Bring agreements back from the trash under their ids, as one undoable step."""
    user = user or current_user()
    wanted = list(dict.fromkeys(ids))
    with step(session, _label("restore", session, wanted), user) as recording:
        recording.touch(wanted)
        states = {i: dict(recording.before[("agreement", i)] or {}) for i in wanted}
        for agreement_id, state in states.items():
            if state["where"] != "trash":
                raise NotInTrashError(_not_in_trash(agreement_id, state["where"]))
            state["where"] = LIVE
            state.pop("deleted_at"), state.pop("deleted_by")
        _write(session, states, user, "restore")
    return recording.changes


def empty_trash(
    session: Session,
    older_than: timedelta | None = None,
    *,
    now: datetime | None = None,
    user: str | None = None,
) -> Emptied:
    """Delete for good what is in the trash (only what was deleted *older_than* ago)."""
    query = select(TRASH.c.agreement_id)
    if older_than is not None:
        query = query.where(TRASH.c.deleted_at < (now or utcnow()) - older_than)
    ids = list(session.scalars(query.order_by(TRASH.c.agreement_id)))
    purge_agreements(session, ids, user=user)
    return Emptied(ids, Changes.of(deleted=ids))


def purge_agreements(session: Session, ids: list[int], *, user: str | None = None) -> None:
    """Remove these trashed agreements for good, with whatever PURGE_HOOKS keep for them."""
    if not ids:
        return
    user = user or current_user()
    connection = session.connection()
    for chunk in chunks(ids):
        connection.execute(sql_delete(TRASH).where(TRASH.c.agreement_id.in_(chunk)))
    for hook in PURGE_HOOKS:
        hook(session, list(ids))
    record_each(connection, ((i, {}) for i in ids), "purge", user)
    session.expire_all()


def trashed(session: Session, agreement_id: int) -> TrashRow | None:
    """The trash entry of *agreement_id*, None when it is not in the trash."""
    row = session.get(TrashEntry, agreement_id)
    if row is None:
        return None
    return TrashRow(row.agreement_id, row.title, row.deleted_at, row.deleted_by)


def _check_live(session: Session, states: dict[int, Any], versions: dict[int, int]) -> None:
    for agreement_id, state in states.items():
        if state["where"] == "trash":
            raise NotFoundError(agreement_id, state["deleted_by"], _when(state["deleted_at"]))
        if state["where"] != LIVE:
            raise NotFoundError(agreement_id)
    places = where_now(session.connection(), versions)
    for agreement_id, expected in versions.items():
        place = places.get(agreement_id)
        if place is not None and place[0] == LIVE and place[1].version != expected:
            row = place[1]
            raise ConflictError(agreement_id, expected, row.version, row.updated_at, row.updated_by)


def _write(session: Session, states: dict[int, Any], user: str, action: str) -> None:
    connection = session.connection()
    with one_revision_step(connection):
        apply_agreement_states(connection, states, user)
    titles = ((i, {"title": state["snapshot"]["row"]["title"]}) for i, state in states.items())
    record_each(connection, titles, action, user)
    session.expire_all()


# One agreement is named (a template of models.messages); more are counted.
VERBS = {"deletion": STEP_DELETION, "restore": STEP_RESTORE}


def _label(verb: str, session: Session, ids: list[int]) -> str:
    if len(ids) == 1:
        title = session.scalar(
            select(AGREEMENTS.c.title).where(AGREEMENTS.c.id == ids[0])
        ) or session.scalar(select(TRASH.c.title).where(TRASH.c.agreement_id == ids[0]))
        title = title or f"agreement {ids[0]}"
        return fill(VERBS[verb], quoted(title))
    return f"{verb} of {plural(len(ids), 'agreement')}"


def _not_in_trash(agreement_id: int, where: str) -> Message:
    if where == LIVE:
        live = QT_TRANSLATE_NOOP("Undo", "agreement %1 is not in the trash (it is in the database)")
        return say(live, agreement_id, context=UNDO)
    return say(
        QT_TRANSLATE_NOOP("Undo", "agreement %1 is not in the trash"), agreement_id, context=UNDO
    )


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text)

"""Undo and redo of every change, kept in the database (migration 0010).

A *step* is one user action: a label ("edit of 'Treaty of Friendship'"), who, when, and
per agreement, party, field or saved view it touched the state before and after, as
JSON rows (models.history_state). Undo writes the before states back, redo the after
states; both are one transaction, the caller's, and return a models.changes.Changes.

Any write becomes one undoable step by running inside `step()`:

    with history.step(session, "bulk edit of 12 agreements", user) as step:
        step.touch(ids)                 # before writing: what they are now
        ... write, through the service or not ...
        step.created(new_ids)           # agreements the write added
    window.apply_changes(step.changes)  # after the block: what the step changed

`touch(ids, kind=PARTY)` (FIELD, VIEW) does the same for the catalog. Parties and fields
a write creates on the way (a new name typed in the editor) are found by themselves.
Steps nest: the service's create and update open one each, and inside an outer step they
join it, so a bulk edit or an import of 10,000 rows is one step.

The rules:
- History is per user (on a team database, Ctrl+Z undoes your own last step) and kept in
  the database, so it survives a restart. The last KEEP_STEPS steps per user are kept.
- A new step drops that user's undone steps (no redo after a new change).
- Undo (redo) is refused with a ConflictError naming who made the newer change when an
  agreement's version moved on since the step was done (undone), and with a
  HistoryConflict when an agreement, party, field or view is not as the step left it.
- The audit log records "undo" and "redo" for every agreement they write.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from models.attachment_history import (
    agreement_of,
    apply_attachment_states,
    attachment_states,
    drop_withdrawn,
)
from models.audit import record_each
from models.changes import NOTHING, Changes
from models.dates import utc_moment
from models.fast_insert import insert_many
from models.history_patch import PATCH, apply_patches, is_patch, patch_state, read_parts
from models.history_state import (
    AGREEMENTS,
    CHUNK,
    FIELDS,
    GONE,
    LIVE,
    PARTICIPATIONS,
    TRASHED,
    VIEWS,
    State,
    agreement_states,
    apply_agreement_states,
    apply_party_states,
    apply_row_states,
    chunks,
    delete_rows,
    delete_unused_fields,
    delete_unused_parties,
    live_ids,
    party_states,
    row_states,
    where_now,
)
from models.messages import QT_TRANSLATE_NOOP, SAVING, UNDO, Message, StepLabel, say
from models.revision import one_revision_step
from models.schema import Field, HistoryItem, HistoryStep, Party, utcnow
from models.search_index import update_search_index
from models.service import ConflictError
from models.users import current_user

AGREEMENT, PARTY, FIELD, VIEW = "agreement", "party", "field", "view"
ATTACHMENT = "attachment"  # a file kept with an agreement (models.attachment_history)
# Parties and fields a write created by the way: undo deletes them if nothing uses them.
NEW_PARTY, NEW_FIELD = "new-party", "new-field"
KEEP_STEPS = 1000
# The after state of an agreement a step created, until the step is first undone.
LATER: State = {"where": LIVE, "redirect": None, "read": "when undone"}
PRUNE_EVERY = 10
LABEL_MAX = 500
_OPEN = "treaty_tracker.history_step"
_STEPS = HistoryStep.__table__
_ITEMS = HistoryItem.__table__


class NothingToUndo(Exception):
    """There is no step to undo (or redo) for this user."""


class HistoryConflict(Exception):
    """Undo or redo would overwrite a change made since; the message says which."""


@dataclass(frozen=True)
class StepInfo:
    """One step as the Edit menu and `history` show it."""

    id: int
    label: str
    user: str
    created_at: datetime
    undone: bool
    agreements: int


@dataclass(frozen=True)
class Replayed:
    """What an undo or redo did: the step's label and the change it made."""

    step_id: int
    label: str
    changes: Changes


def quoted(title: str, limit: int = 60) -> str:
    """'Treaty of …' for a label: one line, cut at *limit* characters."""
    line = " ".join(title.split())
    return f"'{line if len(line) <= limit else line[: limit - 1] + '…'}'"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'s' * (count != 1)}"


# ----------------------------------------------------------------- recording


@dataclass
class Step:
    """A step being recorded: the before states of what it touches, then the after states."""

    session: Session
    label: str
    user: str
    before: dict[tuple[str, int], State | None] = field(default_factory=dict)
    changes: Changes = NOTHING
    step_id: int | None = None
    _last_party: int = 0
    _last_field: int = 0
    # Agreements kept as patches (patch()): their before states, and what was read.
    patched_before: dict[int, State] = field(default_factory=dict)
    _patch_spec: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    _patched_after: dict[int, State] | None = None
    # Agreements the step created: their after state is read when the step is first undone.
    _created: set[int] = field(default_factory=set)

    def touch(self, ids: Iterable[int], kind: str = AGREEMENT) -> None:
        """Note what these are now, before they are written (again touching one is a no-op)."""
        new = sorted({i for i in ids if (kind, i) not in self.before})
        if not new:
            return
        self.session.flush()
        states = _read_states(self.session.connection(), kind, new)
        self.before.update({(kind, i): states[i] for i in new})

    def patch(
        self,
        before: dict[int, State],
        columns: Iterable[str],
        parts: Iterable[str],
        after: dict[int, State] | None = None,
    ) -> None:
        """Like touch(), keeping only these columns and parts of each agreement (a bulk edit).

        *before* is each live agreement's columns and parts as read (models.history_patch.
        read_parts), before writing. Undo then writes back just those, with a few
        statements per chunk of ids, instead of every agreement whole. Once per step.
        *after*, when the write only sets columns to values known now, saves reading them
        back at the end of the step.
        """
        self._patch_spec = (tuple(columns), tuple(parts))
        self.patched_before = {
            i: patch_state(part) for i, part in before.items() if (AGREEMENT, i) not in self.before
        }
        self._patched_after = after

    def created(self, ids: Iterable[int], kind: str = AGREEMENT) -> None:
        """These did not exist before the step (their before state is 'gone')."""
        gone: State | None = {"where": GONE, "redirect": None} if kind == AGREEMENT else None
        for item in ids:
            if (kind, item) not in self.before and kind == AGREEMENT:
                self._created.add(item)
            self.before.setdefault((kind, item), gone)

    def _finish(self) -> None:
        self.session.flush()
        connection = self.session.connection()
        self._note_new(connection, PARTY, NEW_PARTY, Party, self._last_party)
        self._note_new(connection, FIELD, NEW_FIELD, Field, self._last_field)
        after = self._created_after(connection)
        for kind in {kind for kind, _ in self.before}:
            ids = [i for k, i in self.before if k == kind and (k, i) not in after]
            after.update({(kind, i): s for i, s in _read_states(connection, kind, ids).items()})
        # Only the items that changed, made in one pass (an import's 100,000 at once: a
        # second dict of them all, filtered, was the import's peak memory).
        items = {}
        for key, before in self.before.items():
            if before != (now := after[key]):
                items[key] = (before, now)
        del after
        if self.patched_before:
            found = self._patched_after
            if found is None:
                found = read_parts(connection, self.patched_before, *self._patch_spec)
            for item, before in self.patched_before.items():
                now = patch_state(found[item]) if item in found else {"where": GONE}
                if (AGREEMENT, item) not in self.before and before != now:
                    items[(AGREEMENT, item)] = (before, now)
        if not items:
            return
        self.changes = _changes(items)
        versions = _versions(connection, [i for kind, i in items if kind == AGREEMENT])
        self.step_id = _save_step(connection, self.label, self.user, items, versions)

    def _created_after(self, connection: Connection) -> dict[tuple[str, int], State | None]:
        """The created agreements that are live at the end: a state saying only that.

        Their rows are read when the step is first undone (_fill_later), when they are
        exactly as the step left them (undo checks their versions first): an import of
        100,000 agreements does not copy each one into its undo step.
        """
        later = dict(LATER)  # one state for all: nothing changes it, and 100,000 copies weigh
        return {(AGREEMENT, i): later for i in live_ids(connection, self._created)}

    def _note_new(
        self, connection: Connection, kind: str, new_kind: str, table: Any, last: int
    ) -> None:
        found = connection.execute(select(table.id).where(table.id > last)).scalars()
        for item in found:
            if (kind, item) not in self.before:
                self.before[(new_kind, item)] = None


@contextmanager
def step(session: Session, label: str, user: str | None = None) -> Iterator[Step]:
    """Record what the block writes as one undoable step (joins an outer one if open)."""
    current = session.info.get(_OPEN)
    if current is not None:
        yield current
        return
    session.flush()
    connection = session.connection()
    recording = Step(
        session,
        label[:LABEL_MAX],
        user or current_user(),
        _last_party=_last_id(connection, Party),
        _last_field=_last_id(connection, Field),
    )
    session.info[_OPEN] = recording
    try:
        yield recording
        recording._finish()
    finally:
        session.info.pop(_OPEN, None)


def recording(session: Session) -> Step | None:
    """The step open on *session*, if any (a write inside it should touch what it writes)."""
    return session.info.get(_OPEN)


def _last_id(connection: Connection, table: Any) -> int:
    return connection.execute(select(func.max(table.id))).scalar() or 0


def _read_states(connection: Connection, kind: str, ids: list[int]) -> dict[int, Any]:
    if kind == AGREEMENT:
        return agreement_states(connection, ids)
    if kind in (PARTY, NEW_PARTY):
        return party_states(connection, ids)
    if kind == ATTACHMENT:
        return attachment_states(connection, ids)
    return row_states(connection, VIEWS if kind == VIEW else FIELDS, ids)


def _versions(connection: Connection, ids: list[int]) -> dict[int, int]:
    """The version of each live agreement among *ids* (a bulk edit's 100,000 at 5,000 a query)."""
    found: dict[int, int] = {}
    for chunk in chunks(ids, 5000):
        query = select(AGREEMENTS.c.id, AGREEMENTS.c.version).where(AGREEMENTS.c.id.in_(chunk))
        found.update({row[0]: row[1] for row in connection.execute(query)})
    return found


def _save_step(
    connection: Connection,
    label: str,
    user: str,
    items: dict[tuple[str, int], tuple[State | None, State | None]],
    versions: dict[int, int],
) -> int:
    _drop_undone(connection, user)
    step_id: int = connection.execute(
        insert(_STEPS)
        .values(label=label, user_name=user, created_at=utcnow(), undone=False)
        .returning(_STEPS.c.id)
    ).scalar_one()
    ordered = sorted(items.items())
    for start in range(0, len(ordered), 1000):
        # A thousand rows at a time: an import's 100,000 rows at once were its peak memory.
        rows = [
            {
                "step_id": step_id,
                "kind": kind,
                "object_id": item,
                "before": before,
                "after": after,
                "version": versions.get(item) if kind == AGREEMENT else None,
            }
            for (kind, item), (before, after) in ordered[start : start + 1000]
        ]
        insert_many(connection, _ITEMS, rows)
    if step_id % PRUNE_EVERY == 0:  # a query saved on most steps; a few more are kept
        _prune(connection, user)
    return step_id


def _drop_undone(connection: Connection, user: str) -> None:
    """A new change after an undo: the undone steps can't be redone any more.

    The attachments' versions only they could show again go with them, bytes and all.
    """
    undone = select(_STEPS.c.id).where(_STEPS.c.user_name == user, _STEPS.c.undone)
    of_attachments = select(_ITEMS.c.object_id).where(_ITEMS.c.kind == ATTACHMENT)
    attachments = set(connection.scalars(of_attachments.where(_ITEMS.c.step_id.in_(undone))))
    connection.execute(delete(_STEPS).where(_STEPS.c.user_name == user, _STEPS.c.undone))
    for chunk in chunks(attachments):
        # What the steps left (anyone's) may still undo or redo to is kept.
        left = connection.execute(
            select(_ITEMS.c.object_id, _ITEMS.c.before, _ITEMS.c.after).where(
                _ITEMS.c.kind == ATTACHMENT, _ITEMS.c.object_id.in_(chunk)
            )
        ).all()
        versions = {
            version
            for _item, *sides in left
            for state in sides
            if state
            for version, _number in state.get("versions", ())
        }
        drop_withdrawn(connection, chunk, {item for item, *_sides in left}, versions)


def _prune(connection: Connection, user: str) -> None:
    oldest_kept = connection.execute(
        select(_STEPS.c.id)
        .where(_STEPS.c.user_name == user)
        .order_by(_STEPS.c.id.desc())
        .offset(KEEP_STEPS - 1)
        .limit(1)
    ).scalar()
    if oldest_kept is not None:
        old = select(_STEPS.c.id).where(_STEPS.c.user_name == user, _STEPS.c.id < oldest_kept)
        connection.execute(delete(_ITEMS).where(_ITEMS.c.step_id.in_(old)))
        connection.execute(
            delete(_STEPS).where(_STEPS.c.user_name == user, _STEPS.c.id < oldest_kept)
        )


def _changes(items: dict[tuple[str, int], tuple[State | None, State | None]]) -> Changes:
    """The Changes of going from the first state of each item to the second."""
    created, changed, deleted = [], [], []
    for (kind, item), (start, end) in items.items():
        if kind == ATTACHMENT:  # the agreement it is kept with shows it
            # cast: an attachment's item has a state on one side at least
            changed.append(cast(int, agreement_of(start) or agreement_of(end)))
        if kind != AGREEMENT:
            continue
        was, now = start["where"] == LIVE, end["where"] == LIVE  # type: ignore[index]  # both states of an agreement item exist
        if was and now:
            changed.append(item)
        elif now:
            created.append(item)
        elif was:
            deleted.append(item)
    kinds = {kind for kind, _ in items}
    return Changes.of(
        created=created,
        changed=changed,
        deleted=deleted,
        parties=bool(kinds & {PARTY, NEW_PARTY}),
        fields=bool(kinds & {FIELD, NEW_FIELD}),
        views=VIEW in kinds,
    )


# ----------------------------------------------------------------- undo and redo


def next_undo(session: Session, user: str | None = None) -> StepInfo | None:
    """The step Undo would undo for *user*: their newest step not undone."""
    return _next(session, user or current_user(), undone=False)


def next_redo(session: Session, user: str | None = None) -> StepInfo | None:
    """The step Redo would redo for *user*: their oldest undone step."""
    return _next(session, user or current_user(), undone=True)


def _next(session: Session, user: str, undone: bool) -> StepInfo | None:
    order = _STEPS.c.id.asc() if undone else _STEPS.c.id.desc()
    row = session.execute(
        select(_STEPS).where(_STEPS.c.user_name == user, _STEPS.c.undone == undone).order_by(order)
    ).first()
    return None if row is None else _info(session, row)


def recent_steps(session: Session, limit: int = 20, user: str | None = None) -> list[StepInfo]:
    """The newest steps (of *user*, or everyone's), newest first."""
    query = select(_STEPS).order_by(_STEPS.c.id.desc()).limit(limit)
    if user is not None:
        query = query.where(_STEPS.c.user_name == user)
    return [_info(session, row) for row in session.execute(query)]


def _info(session: Session, row: Any) -> StepInfo:
    count = session.scalar(
        select(func.count()).where(_ITEMS.c.step_id == row.id, _ITEMS.c.kind == AGREEMENT)
    )
    return StepInfo(row.id, row.label, row.user_name, row.created_at, row.undone, count or 0)


def undo(session: Session, user: str | None = None) -> Replayed:
    """Undo *user*'s newest step; raises NothingToUndo, ConflictError or HistoryConflict."""
    user = user or current_user()
    info = next_undo(session, user)
    if info is None:
        raise NothingToUndo(say(QT_TRANSLATE_NOOP("Undo", "nothing to undo"), context=UNDO))
    return _replay(session, info, user, undoing=True)


def redo(session: Session, user: str | None = None) -> Replayed:
    """Redo *user*'s oldest undone step; raises NothingToUndo, ConflictError or HistoryConflict."""
    user = user or current_user()
    info = next_redo(session, user)
    if info is None:
        raise NothingToUndo(say(QT_TRANSLATE_NOOP("Undo", "nothing to redo"), context=UNDO))
    return _replay(session, info, user, undoing=False)


def _replay(session: Session, info: StepInfo, user: str, *, undoing: bool) -> Replayed:
    session.flush()
    connection = session.connection()
    rows = connection.execute(select(_ITEMS).where(_ITEMS.c.step_id == info.id)).all()
    replay = (
        QT_TRANSLATE_NOOP("Undo", "undo %1") if undoing else QT_TRANSLATE_NOOP("Undo", "redo %1")
    )
    what = say(replay, StepLabel(info.label), context=UNDO)
    _check(connection, rows, what, undoing)
    if undoing:
        rows = _fill_later(connection, rows)
    target = {(r.kind, r.object_id): (r.before if undoing else r.after) for r in rows}
    with one_revision_step(connection):
        _write(connection, target, user)
    _note_versions(connection, info.id, [r for r in rows if r.kind == AGREEMENT], undoing)
    connection.execute(update(_STEPS).where(_STEPS.c.id == info.id).values(undone=undoing))
    action = "undo" if undoing else "redo"
    # An agreement's own lines, and an attachment's on the agreement it belongs to.
    owners = [
        r.object_id if r.kind == AGREEMENT else agreement_of(r.before) or agreement_of(r.after)
        for r in rows
        if r.kind in (AGREEMENT, ATTACHMENT)
    ]
    record_each(connection, ((owner, {"step": info.label}) for owner in owners), action, user)  # type: ignore[misc]  # an attachment item has a state on one side
    session.expire_all()
    pairs = {
        (r.kind, r.object_id): ((r.after, r.before) if undoing else (r.before, r.after))
        for r in rows
    }
    return Replayed(info.id, info.label, _changes(pairs))


def _fill_later(connection: Connection, rows: Sequence[Any]) -> Sequence[Any]:
    """The rows, with each created agreement's after state read now and kept for redo."""
    later = [r.object_id for r in rows if r.kind == AGREEMENT and r.after == LATER]
    if not later:
        return rows
    states = agreement_states(connection, later)
    statement = (
        update(_ITEMS).where(_ITEMS.c.id == bindparam("_item")).values(after=bindparam("_after"))
    )
    batch = [
        {"_item": r.id, "_after": states[r.object_id]}
        for r in rows
        if r.kind == AGREEMENT and r.after == LATER
    ]
    for start in range(0, len(batch), 1000):
        connection.execute(statement, batch[start : start + 1000])
    return [
        SimpleNamespace(**{**r._mapping, "after": states[r.object_id]})
        if r.kind == AGREEMENT and r.after == LATER
        else r
        for r in rows
    ]


def _note_versions(connection: Connection, step_id: int, rows: list[Any], undoing: bool) -> None:
    """Record the versions just written where the next undo or redo of each will look.

    That is this step's item, and the step next in line for each agreement: undoing
    leaves it as the previous step (not undone) left it, redoing as the next undone one
    found it; their checks then expect the version written now.
    """
    ids = [row.object_id for row in rows]
    versions = _versions(connection, ids)
    updates = {row.id: versions.get(row.object_id) for row in rows}
    nearest: dict[int, tuple[int, int]] = {}
    wanted = set(ids)
    query = (
        select(_ITEMS.c.id, _ITEMS.c.object_id, _ITEMS.c.step_id)
        .join(_STEPS, _STEPS.c.id == _ITEMS.c.step_id)
        .where(
            _ITEMS.c.kind == AGREEMENT,
            _STEPS.c.undone == (not undoing),
            (_STEPS.c.id < step_id) if undoing else (_STEPS.c.id > step_id),
        )
    )
    # object_id has no index: one pass over the other steps' items beats a scan per chunk
    # once a step holds more than a chunk of agreements (a bulk edit of 100,000).
    searches = (
        [query]
        if len(wanted) > CHUNK
        else [query.where(_ITEMS.c.object_id.in_(chunk)) for chunk in chunks(wanted)]
    )
    for search in searches:
        for item_id, object_id, other_step in connection.execute(search):
            if object_id not in wanted:
                continue
            best = nearest.get(object_id)
            closer = best is None or (other_step > best[0] if undoing else other_step < best[0])
            if closer:
                nearest[object_id] = (other_step, item_id)
    updates.update(
        {item_id: versions.get(object_id) for object_id, (_, item_id) in nearest.items()}
    )
    statement = (
        update(_ITEMS).where(_ITEMS.c.id == bindparam("_item")).values(version=bindparam("_v"))
    )
    batch = [{"_item": item_id, "_v": version} for item_id, version in updates.items()]
    for start in range(0, len(batch), 1000):
        connection.execute(statement, batch[start : start + 1000])


def _check(connection: Connection, rows: Sequence[Any], what: str, undoing: bool) -> None:
    """Refuse when anything the step wrote is not as the step (or its undo) left it."""
    agreements = {r.object_id: r for r in rows if r.kind == AGREEMENT}
    places = where_now(connection, agreements)
    for item, row in sorted(agreements.items()):
        expected = (row.after if undoing else row.before)["where"]
        where, now = places.get(item, (GONE, None))
        if expected == LIVE and where == LIVE and now.version != row.version:
            raise UndoConflict(what, item, row.version, now.version, now.updated_at, now.updated_by)
        if expected != where:
            raise HistoryConflict(say(CANT, what, _moved(item, where, now), context=UNDO))
    kinds = ((PARTY, party_states), (ATTACHMENT, attachment_states), (FIELD, None), (VIEW, None))
    for kind, table_states in kinds:
        mine = {r.object_id: r for r in rows if r.kind == kind}
        if not mine:
            continue
        if table_states is not None:
            current = table_states(connection, mine)
        else:
            current = row_states(connection, VIEWS if kind == VIEW else FIELDS, mine)
        for item, row in sorted(mine.items()):
            if current[item] != (row.after if undoing else row.before):
                changed = QT_TRANSLATE_NOOP("Undo", "%1 was changed since")
                because = say(changed, _named(kind, item, row), context=UNDO)
                raise HistoryConflict(say(CANT, what, because, context=UNDO))


# "can't undo edit of 'Treaty': agreement 7 was moved to the trash by Тоқаев since"
CANT = QT_TRANSLATE_NOOP("Undo", "can't %1: %2")


def _moved(item: int, where: str, now: Any) -> Message:
    if where == TRASHED:
        trashed = QT_TRANSLATE_NOOP("Undo", "agreement %1 was moved to the trash by %2 since")
        return say(trashed, item, now.deleted_by, context=UNDO)
    if where == LIVE:
        back = QT_TRANSLATE_NOOP("Undo", "agreement %1 was brought back by %2 since")
        return say(back, item, now.updated_by, context=UNDO)
    gone = QT_TRANSLATE_NOOP(
        "Undo", "agreement %1 was deleted for good (the trash was emptied) since"
    )
    return say(gone, item, context=UNDO)


# What a step's catalog row or attachment is called: by its name, else by kind and id.
_NAMED = {
    PARTY: QT_TRANSLATE_NOOP("Undo", "the party '%1'"),
    FIELD: QT_TRANSLATE_NOOP("Undo", "the field '%1'"),
    VIEW: QT_TRANSLATE_NOOP("Undo", "the view '%1'"),
    ATTACHMENT: QT_TRANSLATE_NOOP("Undo", "the attachment '%1'"),
}
_NUMBERED = {
    PARTY: QT_TRANSLATE_NOOP("Undo", "party %1"),
    FIELD: QT_TRANSLATE_NOOP("Undo", "field %1"),
    VIEW: QT_TRANSLATE_NOOP("Undo", "view %1"),
    ATTACHMENT: QT_TRANSLATE_NOOP("Undo", "attachment %1"),
}


def _named(kind: str, item: int, row: Any) -> Message:
    state = row.before or row.after or {}
    name = state.get("row", {}).get("name")
    return (
        say(_NAMED[kind], name, context=UNDO) if name else say(_NUMBERED[kind], item, context=UNDO)
    )


def _write(connection: Connection, target: dict[tuple[str, int], State | None], user: str) -> None:
    """Catalog rows first, then agreements, then delete the catalog rows that go."""

    def of(*kinds: str) -> dict[int, Any]:
        return {item: state for (kind, item), state in target.items() if kind in kinds}

    parties, fields, views = of(PARTY, NEW_PARTY), of(FIELD, NEW_FIELD), of(VIEW)
    apply_party_states(connection, parties)
    apply_row_states(connection, FIELDS, fields)
    apply_row_states(connection, VIEWS, views)
    agreements = of(AGREEMENT)
    patches = {i: s[PATCH] for i, s in agreements.items() if is_patch(s)}
    whole = {i: s for i, s in agreements.items() if i not in patches}
    if whole:
        apply_agreement_states(connection, whole, user)
    apply_patches(connection, patches, user, utcnow())
    apply_attachment_states(connection, of(ATTACHMENT))
    delete_unused_fields(connection, [i for i, s in fields.items() if s is None])
    delete_unused_parties(connection, [i for i, s in parties.items() if s is None])
    delete_rows(connection, VIEWS, [i for i, s in views.items() if s is None])
    if parties:  # names are in the search index of the agreements that list them
        named: set[int] = set()
        for chunk in chunks(parties):
            query = select(PARTICIPATIONS.c.agreement_id).where(
                PARTICIPATIONS.c.party_id.in_(chunk)
            )
            named |= set(connection.execute(query).scalars())
        update_search_index(connection, named - set(agreements))


class UndoConflict(ConflictError):
    """Undo or redo refused: an agreement was saved by someone since; the message names them."""

    def __init__(
        self,
        what: str,
        agreement_id: int,
        expected: int,
        current: int,
        changed_at: datetime,
        changed_by: str | None,
    ) -> None:
        super().__init__(agreement_id, expected, current, changed_at, changed_by)
        who = changed_by or say(QT_TRANSLATE_NOOP("Saving", "someone else"), context=SAVING)
        changed = QT_TRANSLATE_NOOP("Undo", "agreement %1 was changed by %2 at %3 since")
        because = say(changed, agreement_id, who, utc_moment(changed_at), context=UNDO)
        self.args = (say(CANT, what, because, context=UNDO),)

    def __str__(self) -> str:
        return str(self.args[0])

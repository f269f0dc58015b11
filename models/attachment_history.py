"""Attachments as undo keeps them: the row and which versions show, so any change goes back.

Undoing an attach must hide the file again and redoing it show it again, with its bytes
kept in between; undoing a replace must make the version before current again. So a
version is never deleted by undo: it is *withdrawn*, its number made negative (lists,
the current version and the search index skip those), and a redo makes it positive again.
An attachment with no version showing has no state (None), as one never attached.

    {"row": {"agreement_id": 12, "label": "signed text", "removed_at": None, …},
     "versions": [[41, 1], [57, 2]]}
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, select, update

from models.attachment_schema import Attachment, AttachmentVersion
from models.attachment_search import index_version, unindex_versions
from models.history_state import State, chunks, db_values, row_json

ATTACHMENTS: Table = Attachment.__table__
VERSIONS: Table = AttachmentVersion.__table__


def attachment_states(connection: Connection, ids: Iterable[int]) -> dict[int, State | None]:
    """Each attachment's row and showing versions ([id, number]); None when none shows."""
    wanted = sorted(set(ids))
    states: dict[int, State | None] = dict.fromkeys(wanted)
    for chunk in chunks(wanted):
        rows = {
            row.id: row_json(row._mapping, skip=("id",))
            for row in connection.execute(select(ATTACHMENTS).where(ATTACHMENTS.c.id.in_(chunk)))
        }
        versions = connection.execute(
            select(VERSIONS.c.attachment_id, VERSIONS.c.id, VERSIONS.c.number)
            .where(VERSIONS.c.attachment_id.in_(chunk), VERSIONS.c.number > 0)
            .order_by(VERSIONS.c.attachment_id, VERSIONS.c.number)
        )
        shown: dict[int, list[list[int]]] = {}
        for attachment_id, version_id, number in versions:
            shown.setdefault(attachment_id, []).append([version_id, number])
        for attachment_id, listed in shown.items():
            states[attachment_id] = {"row": rows[attachment_id], "versions": listed}
    return states


def drop_withdrawn(
    connection: Connection, attachment_ids: list[int], named: set[int], versions: set[int]
) -> None:
    """Delete for good what of these attachments no undo or redo can show again.

    Their withdrawn versions but *versions* (bytes and all), and then those of them left
    with no version that no step *named*: called once the steps that withdrew them are
    gone (a change made after an undo drops the steps it undid), so that a file whose
    adding was undone is not kept, unseen, for good.
    """
    withdrawn = select(VERSIONS.c.id).where(
        VERSIONS.c.attachment_id.in_(attachment_ids), VERSIONS.c.number < 0
    )
    dropped = [version for version in connection.scalars(withdrawn) if version not in versions]
    for chunk in chunks(dropped):
        # Their bytes go with them (ON DELETE CASCADE); withdrawn versions are not searched.
        connection.execute(delete(VERSIONS).where(VERSIONS.c.id.in_(chunk)))
    some = select(VERSIONS.c.id).where(VERSIONS.c.attachment_id == ATTACHMENTS.c.id)
    unnamed = [attachment for attachment in attachment_ids if attachment not in named]
    if unnamed:
        connection.execute(delete(ATTACHMENTS).where(ATTACHMENTS.c.id.in_(unnamed), ~some.exists()))


def apply_attachment_states(connection: Connection, states: dict[int, State | None]) -> None:
    """Make each attachment as its state says: its row, and exactly those versions showing."""
    for attachment_id, state in sorted(states.items()):
        showing = {version_id for version_id, _number in (state or {}).get("versions", [])}
        query = select(VERSIONS.c.id, VERSIONS.c.number)
        versions = connection.execute(query.where(VERSIONS.c.attachment_id == attachment_id)).all()
        for version_id, number in versions:
            wanted = abs(number) if version_id in showing else -abs(number)
            if wanted != number:
                connection.execute(
                    update(VERSIONS).where(VERSIONS.c.id == version_id).values(number=wanted)
                )
        if state is not None:
            values = db_values(ATTACHMENTS, state["row"])
            values["removed_at"] = _moment(values.get("removed_at"))
            connection.execute(
                update(ATTACHMENTS).where(ATTACHMENTS.c.id == attachment_id).values(values)
            )
        _reindex(connection, attachment_id, [version_id for version_id, _n in versions])


def _reindex(connection: Connection, attachment_id: int, versions: list[int]) -> None:
    """Search the current version of a showing attachment again, and nothing else of it."""
    unindex_versions(connection, versions)
    row = connection.execute(
        select(ATTACHMENTS.c.agreement_id, ATTACHMENTS.c.removed_at).where(
            ATTACHMENTS.c.id == attachment_id
        )
    ).first()
    if row is None or row.removed_at is not None:
        return
    current = connection.execute(
        select(VERSIONS.c.id, VERSIONS.c.text)
        .where(VERSIONS.c.attachment_id == attachment_id, VERSIONS.c.number > 0)
        .order_by(VERSIONS.c.number.desc())
        .limit(1)
    ).first()
    if current is not None:
        index_version(connection, current.id, row.agreement_id, current.text)


def agreement_of(state: State | None) -> int | None:
    """The agreement an attachment state belongs to."""
    return None if state is None else state["row"]["agreement_id"]


def _moment(value: Any) -> datetime | None:
    return value if value is None or isinstance(value, datetime) else datetime.fromisoformat(value)

"""Part of an agreement as undo keeps it: only what a bulk edit writes (models.bulk_edit).

A whole snapshot (models.history_state) of each of 100,000 agreements, read before and
after a bulk edit that only sets their status, would cost minutes to take and to write
back. A *patch* state keeps only the parts the edit writes: some columns of the row, and
whichever of its fields, participations (with their actions) and milestones it changes,
in the same JSON as a snapshot:

    {"where": "live", "redirect": None, "patch": {"row": {"status": "signed"}, "fields": [3]}}

Undo and redo write a patch back with a few statements per chunk of ids: a column set
for all the ids that share its value, a list of links replaced. The agreement's version
moves on, as with any write, so an editor opened before is told on saving.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from models.deadline_store import refresh_deadlines
from models.history_state import (
    AGREEMENTS,
    LIVE,
    MILESTONES,
    PARTICIPATIONS,
    State,
    chunks,
    insert_links,
    read_fields,
    read_milestones,
    read_participations,
)
from models.schema import agreement_fields
from models.search_index import update_search_index

PATCH = "patch"
COLUMNS = ("status", "kind", "level", "notes")  # the row's columns a bulk edit may set
PARTS = ("fields", "participations", "milestones")
SEARCHED = {"notes", "participations"}  # in the search index (notes, party names)
_READERS = {
    "fields": read_fields,
    "participations": read_participations,
    "milestones": read_milestones,
}
_LINKS = {
    "fields": (agreement_fields, agreement_fields.c.agreement_id),
    "participations": (PARTICIPATIONS, PARTICIPATIONS.c.agreement_id),
    "milestones": (MILESTONES, MILESTONES.c.agreement_id),
}
# Distinct values of a column up to which ids are grouped by value (UPDATE … WHERE id IN):
# beyond it (each note different) one UPDATE per id, executed as one batch.
_GROUPED = 50


def read_parts(
    connection: Connection, ids: Iterable[int], columns: Sequence[str], parts: Sequence[str]
) -> dict[int, State]:
    """{id: {"row": {column: value}, part: [...]}} of the live agreements among *ids*."""
    found: dict[int, State] = {}
    wanted = [AGREEMENTS.c.id, *(AGREEMENTS.c[name] for name in columns)]
    for chunk in chunks(ids):
        for row in connection.execute(select(*wanted).where(AGREEMENTS.c.id.in_(chunk))):
            values = row._mapping
            found[row.id] = {"row": {name: _plain(values[name]) for name in columns}} | {
                part: [] for part in parts
            }
        present = [i for i in chunk if i in found]
        for part in parts:
            _READERS[part](connection, present, found)
    return found


def _plain(value: Any) -> Any:
    return getattr(value, "value", value)  # a vocabulary member as its text


def patch_state(part: State) -> State:
    """A live agreement's state as a patch (what undo of a bulk edit writes back)."""
    return {"where": LIVE, "redirect": None, PATCH: part}


def is_patch(state: State | None) -> bool:
    return state is not None and PATCH in state


def apply_patches(
    connection: Connection, patches: dict[int, State], user: str, now: datetime
) -> None:
    """Write each patch over its (live) agreement, and move its version on."""
    if not patches:
        return
    ids = sorted(patches)
    columns: dict[str, dict[int, Any]] = defaultdict(dict)
    for agreement_id, patch in patches.items():
        for name, value in patch.get("row", {}).items():
            columns[name][agreement_id] = value
    for name, values in columns.items():
        set_column(connection, name, values)
    bump_versions(connection, ids, user, now)
    written = {part for patch in patches.values() for part in patch if part in PARTS}
    for part in sorted(written):
        owners = [i for i in ids if part in patches[i]]
        table, column = _LINKS[part]
        for chunk in chunks(owners):
            connection.execute(delete(table).where(column.in_(chunk)))
        insert_links(connection, {i: {part: patches[i][part]} for i in owners})
    if (written | set(columns)) & SEARCHED:
        update_search_index(connection, ids)
    if "participations" in written:  # consents, and so deadlines, follow the parties
        refresh_deadlines(connection, ids)


def set_column(connection: Connection, name: str, values: dict[int, Any]) -> None:
    """Set one column of many agreements: grouped by value when few values, else per id."""
    by_value: dict[Any, list[int]] = defaultdict(list)
    for agreement_id, value in values.items():
        by_value[value].append(agreement_id)
    column = AGREEMENTS.c[name]
    if len(by_value) <= _GROUPED:
        for value, ids in by_value.items():
            for chunk in chunks(ids):
                connection.execute(
                    update(AGREEMENTS).where(AGREEMENTS.c.id.in_(chunk)).values({column: value})
                )
        return
    statement = (
        update(AGREEMENTS)
        .where(AGREEMENTS.c.id == bindparam("_id"))
        .values({column: bindparam("_value")})
    )
    rows = [{"_id": i, "_value": value} for i, value in values.items()]
    for start in range(0, len(rows), 1000):
        connection.execute(statement, rows[start : start + 1000])


def bump_versions(connection: Connection, ids: Iterable[int], user: str, now: datetime) -> None:
    """A new version for each agreement written, with who and when."""
    for chunk in chunks(ids):
        connection.execute(
            update(AGREEMENTS)
            .where(AGREEMENTS.c.id.in_(chunk))
            .values(version=AGREEMENTS.c.version + 1, updated_at=now, updated_by=user)
        )

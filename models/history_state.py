"""Row-level snapshots of agreements, parties, fields and views, and writing them back.

What undo, redo and the trash keep is the rows themselves, as JSON: an agreement's row,
its participations with their actions, its fields, milestones, its relations (and, for
bringing a deleted one back, the relations of others to it), plus where it is (live, in
the trash, gone) and the agreement its id redirects to after a merge. Rows, not the
editor's input: party and field ids are kept exactly, so undoing a merge of two parties
or a rename gives back the same rows, and restoring needs no name resolution.

    states = agreement_states(connection, ids)   # read, in chunks
    apply_agreement_states(connection, states, user)   # write them back

Only the caller's transaction is used; nothing here commits.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, exists, func, insert, select, update

from models.dates import PartialDate
from models.exchange_bulk import insert_returning
from models.schema import (
    Action,
    Agreement,
    AgreementRedirect,
    Field,
    Milestone,
    Participation,
    Party,
    PartyAlias,
    Relation,
    SavedView,
    TrashEntry,
    UTCDateTime,
    agreement_fields,
    utcnow,
)
from models.search_index import update_search_index

State = dict[str, Any]
AGREEMENTS: Table = Agreement.__table__
PARTICIPATIONS: Table = Participation.__table__
ACTIONS: Table = Action.__table__
MILESTONES: Table = Milestone.__table__
RELATIONS: Table = Relation.__table__
REDIRECTS: Table = AgreementRedirect.__table__
TRASH: Table = TrashEntry.__table__
PARTIES: Table = Party.__table__
ALIASES: Table = PartyAlias.__table__
FIELDS: Table = Field.__table__
VIEWS: Table = SavedView.__table__
# Ids per IN (...): well under SQLite's 32,766 parameters with the rows they bring.
CHUNK = 500
LIVE, TRASHED, GONE = "live", "trash", "gone"


def chunks(ids: Iterable[int], size: int = CHUNK) -> Iterator[list[int]]:
    """*ids*, sorted and without repeats, a list of at most *size* at a time."""
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]


def _json(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def row_json(mapping: Any, skip: Sequence[str] = ()) -> dict[str, Any]:
    """A row as JSON-ready values (dates as ISO text, vocabulary members as their value)."""
    return {key: _json(value) for key, value in mapping.items() if key not in skip}


def db_values(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """JSON values back into what the columns take (timestamps as datetimes)."""
    out = {}
    for name, value in values.items():
        if value is not None and isinstance(table.c[name].type, UTCDateTime):
            value = datetime.fromisoformat(value)
        out[name] = value
    return out


# ----------------------------------------------------------------- agreements, read


def agreement_snapshots(connection: Connection, ids: Iterable[int]) -> dict[int, State]:
    """The rows of each live agreement among *ids*, with its links, as JSON."""
    found: dict[int, State] = {}
    for chunk in chunks(ids):
        for row in connection.execute(select(AGREEMENTS).where(AGREEMENTS.c.id.in_(chunk))):
            found[row.id] = {
                "row": row_json(row._mapping, skip=("version",)),
                "version": row.version,
                "participations": [],
                "fields": [],
                "milestones": [],
                "relations": [],
                "incoming": [],
            }
        _read_links(connection, chunk, found)
    return found


def _read_links(connection: Connection, chunk: list[int], found: dict[int, State]) -> None:
    read_participations(connection, chunk, found)
    read_fields(connection, chunk, found)
    read_milestones(connection, chunk, found)
    relations = connection.execute(
        select(RELATIONS.c.agreement_id, RELATIONS.c.type, RELATIONS.c.other_id)
        .where(RELATIONS.c.agreement_id.in_(chunk) | RELATIONS.c.other_id.in_(chunk))
        .order_by(RELATIONS.c.id)
    )
    for source, kind, target in relations:
        if source in found:
            found[source]["relations"].append([_json(kind), target])
        if target in found:
            found[target]["incoming"].append([source, _json(kind)])


def read_participations(connection: Connection, chunk: list[int], found: dict[int, State]) -> None:
    """Each agreement's participations with their actions, into found[id]["participations"]."""
    by_participation: dict[int, State] = {}
    rows = connection.execute(
        select(PARTICIPATIONS)
        .where(PARTICIPATIONS.c.agreement_id.in_(chunk))
        .order_by(PARTICIPATIONS.c.agreement_id, PARTICIPATIONS.c.position, PARTICIPATIONS.c.id)
    )
    for row in rows:
        item = row_json(row._mapping, skip=("id", "agreement_id")) | {"actions": []}
        by_participation[row.id] = item
        found[row.agreement_id]["participations"].append(item)
    actions = connection.execute(
        select(ACTIONS)
        .join(PARTICIPATIONS, PARTICIPATIONS.c.id == ACTIONS.c.participation_id)
        .where(PARTICIPATIONS.c.agreement_id.in_(chunk))
        .order_by(ACTIONS.c.participation_id, ACTIONS.c.position, ACTIONS.c.id)
    )
    for row in actions:
        by_participation[row.participation_id]["actions"].append(
            row_json(row._mapping, skip=("id", "participation_id"))
        )


def read_fields(connection: Connection, chunk: list[int], found: dict[int, State]) -> None:
    """Each agreement's field ids, in id order, into found[id]["fields"]."""
    links = select(agreement_fields).where(agreement_fields.c.agreement_id.in_(chunk))
    for agreement_id, field_id in connection.execute(links.order_by(agreement_fields.c.field_id)):
        found[agreement_id]["fields"].append(field_id)


def read_milestones(connection: Connection, chunk: list[int], found: dict[int, State]) -> None:
    """Each agreement's milestones, in order, into found[id]["milestones"]."""
    milestones = connection.execute(
        select(MILESTONES)
        .where(MILESTONES.c.agreement_id.in_(chunk))
        .order_by(MILESTONES.c.agreement_id, MILESTONES.c.position, MILESTONES.c.id)
    )
    for row in milestones:
        found[row.agreement_id]["milestones"].append(
            row_json(row._mapping, skip=("id", "agreement_id"))
        )


def agreement_states(connection: Connection, ids: Iterable[int]) -> dict[int, State]:
    """Where each agreement is (live, in the trash, gone), with its snapshot and redirect."""
    wanted = sorted(set(ids))
    live = agreement_snapshots(connection, wanted)
    trashed: dict[int, Any] = {}
    redirects: dict[int, int] = {}
    for chunk in chunks(set(wanted) - set(live)):  # a live one is neither (the usual case)
        for row in connection.execute(select(TRASH).where(TRASH.c.agreement_id.in_(chunk))):
            trashed[row.agreement_id] = row
        query = select(REDIRECTS).where(REDIRECTS.c.old_id.in_(chunk))
        redirects.update({row.old_id: row.new_id for row in connection.execute(query)})
    states = {}
    for agreement_id in wanted:
        if agreement_id in live:
            state: State = {"where": LIVE, "snapshot": live[agreement_id]}
        elif agreement_id in trashed:
            entry = trashed[agreement_id]
            state = {
                "where": TRASHED,
                "snapshot": entry.snapshot,
                "deleted_at": _json(entry.deleted_at),
                "deleted_by": entry.deleted_by,
            }
        else:
            state = {"where": GONE}
        state["redirect"] = redirects.get(agreement_id)
        states[agreement_id] = state
    return states


def where_now(connection: Connection, ids: Iterable[int]) -> dict[int, tuple[str, Any]]:
    """Each agreement's place now: (live, its row's version and author), (trash, row), gone."""
    places: dict[int, tuple[str, Any]] = {}
    for chunk in chunks(ids, 5000):  # ids alone in IN (…): an undo of 100,000 in 20 queries
        query = select(
            AGREEMENTS.c.id,
            AGREEMENTS.c.version,
            AGREEMENTS.c.updated_at,
            AGREEMENTS.c.updated_by,
        ).where(AGREEMENTS.c.id.in_(chunk))
        places.update({row.id: (LIVE, row) for row in connection.execute(query)})
        query = select(TRASH.c.agreement_id, TRASH.c.deleted_at, TRASH.c.deleted_by).where(
            TRASH.c.agreement_id.in_(chunk)
        )
        places.update({row.agreement_id: (TRASHED, row) for row in connection.execute(query)})
    return places


def live_ids(connection: Connection, ids: Iterable[int]) -> set[int]:
    """Those of *ids* that are live agreements (where_now's LIVE) and nothing else: an
    import's 100,000 new agreements without a row object each (the import's peak memory)."""
    live: set[int] = set()
    for chunk in chunks(ids, 5000):
        live.update(
            connection.execute(select(AGREEMENTS.c.id).where(AGREEMENTS.c.id.in_(chunk))).scalars()
        )
        trashed = select(TRASH.c.agreement_id).where(TRASH.c.agreement_id.in_(chunk))
        live.difference_update(connection.execute(trashed).scalars())
    return live


# ----------------------------------------------------------------- agreements, write


def apply_agreement_states(connection: Connection, states: dict[int, State], user: str) -> None:
    """Make each agreement what its state says: live with those rows, trashed, or gone.

    A live agreement that stays live keeps the relations of others to it (they belong to
    those agreements); one that comes back gets those of its snapshot whose other end is
    live. Its version moves on, so an editor opened before is told on saving.
    """
    ids = sorted(states)
    live_now = {row[0] for row in _select_ids(connection, AGREEMENTS.c.id, ids)}
    for chunk in chunks(ids):
        connection.execute(delete(TRASH).where(TRASH.c.agreement_id.in_(chunk)))
        connection.execute(delete(REDIRECTS).where(REDIRECTS.c.old_id.in_(chunk)))
    wanted_live = {i for i in ids if states[i]["where"] == LIVE}
    for chunk in chunks(live_now - wanted_live):
        connection.execute(delete(AGREEMENTS).where(AGREEMENTS.c.id.in_(chunk)))
    staying = sorted(live_now & wanted_live)
    for chunk in chunks(staying):
        for table, column in (
            (PARTICIPATIONS, PARTICIPATIONS.c.agreement_id),
            (agreement_fields, agreement_fields.c.agreement_id),
            (MILESTONES, MILESTONES.c.agreement_id),
            (RELATIONS, RELATIONS.c.agreement_id),
        ):
            connection.execute(delete(table).where(column.in_(chunk)))
    now = utcnow()
    _rewrite_rows(connection, [states[i]["snapshot"] for i in staying], now, user)
    arriving = sorted(wanted_live - live_now)
    rows = [
        db_values(AGREEMENTS, states[i]["snapshot"]["row"])
        | {"version": states[i]["snapshot"]["version"], "updated_at": now, "updated_by": user}
        for i in arriving
    ]
    for start in range(0, len(rows), CHUNK):
        connection.execute(insert(AGREEMENTS), rows[start : start + CHUNK])
    insert_links(connection, {i: states[i]["snapshot"] for i in sorted(wanted_live)})
    _insert_relations(connection, states, wanted_live, set(arriving))
    _insert_trash(connection, {i: s for i, s in states.items() if s["where"] == TRASHED})
    redirects = [{"old_id": i, "new_id": s["redirect"]} for i, s in states.items() if s["redirect"]]
    if redirects:
        connection.execute(insert(REDIRECTS), redirects)
    update_search_index(connection, ids)


def _select_ids(connection: Connection, column: Any, ids: Iterable[int]) -> list[Any]:
    found: list[Any] = []
    for chunk in chunks(ids):
        found.extend(connection.execute(select(column).where(column.in_(chunk))).all())
    return found


def _rewrite_rows(connection: Connection, snapshots: list[State], now: datetime, user: str) -> None:
    if not snapshots:
        return
    columns = [name for name in snapshots[0]["row"] if name != "id"]
    statement = (
        update(AGREEMENTS)
        .where(AGREEMENTS.c.id == bindparam("_id"))
        .values(
            {name: bindparam(f"_{name}") for name in columns}
            | {
                "version": AGREEMENTS.c.version + 1,
                "updated_at": bindparam("_now"),
                "updated_by": bindparam("_user"),
            }
        )
    )
    rows = []
    for snapshot in snapshots:
        values = db_values(AGREEMENTS, snapshot["row"])
        rows.append(
            {f"_{name}": values[name] for name in columns}
            | {"_id": values["id"], "_now": now, "_user": user}
        )
    connection.execute(statement, rows)


def insert_links(connection: Connection, snapshots: dict[int, State]) -> None:
    """Insert the participations (with actions), fields and milestones each snapshot lists.

    A part a snapshot leaves out (a bulk edit's patch keeps only what it changed) is skipped.
    """
    participations, actions = [], []
    fields, milestones = [], []
    for agreement_id, snapshot in snapshots.items():
        for item in snapshot.get("participations", ()):
            row = {key: value for key, value in item.items() if key != "actions"}
            participations.append(row | {"agreement_id": agreement_id})
            actions.append(item["actions"])
        fields += [
            {"agreement_id": agreement_id, "field_id": f} for f in snapshot.get("fields", ())
        ]
        milestones += [
            db_values(MILESTONES, item) | {"agreement_id": agreement_id}
            for item in snapshot.get("milestones", ())
        ]
    action_rows = []
    for start in range(0, len(participations), CHUNK):
        new_ids = insert_returning(
            connection, PARTICIPATIONS, participations[start : start + CHUNK]
        )
        for new_id, acts in zip(new_ids, actions[start : start + CHUNK], strict=True):
            action_rows += [db_values(ACTIONS, a) | {"participation_id": new_id} for a in acts]
    for table, rows in (
        (ACTIONS, action_rows),
        (agreement_fields, fields),
        (MILESTONES, milestones),
    ):
        for start in range(0, len(rows), CHUNK):
            connection.execute(insert(table), rows[start : start + CHUNK])


def _insert_relations(
    connection: Connection, states: dict[int, State], live: set[int], arriving: set[int]
) -> None:
    """Outgoing relations of every live one, incoming ones of those that came back."""
    links: dict[tuple[int, str, int], None] = {}
    for agreement_id in sorted(live):
        snapshot = states[agreement_id]["snapshot"]
        for kind, other in snapshot["relations"]:
            links[(agreement_id, kind, other)] = None
        if agreement_id in arriving:
            for source, kind in snapshot["incoming"]:
                if source not in states or source in live:
                    links[(source, kind, agreement_id)] = None
    ends = {end for source, _kind, target in links for end in (source, target)}
    existing = {row[0] for row in _select_ids(connection, AGREEMENTS.c.id, ends)}
    present = set()
    for chunk in chunks(arriving):  # relations of others kept to one that stayed live
        query = select(RELATIONS.c.agreement_id, RELATIONS.c.type, RELATIONS.c.other_id).where(
            RELATIONS.c.other_id.in_(chunk)
        )
        present |= {(a, _json(k), o) for a, k, o in connection.execute(query)}
    rows = [
        {"agreement_id": source, "type": kind, "other_id": target}
        for source, kind, target in links
        if source in existing and target in existing and (source, kind, target) not in present
    ]
    for start in range(0, len(rows), CHUNK):
        connection.execute(insert(RELATIONS), rows[start : start + CHUNK])


def _insert_trash(connection: Connection, states: dict[int, State]) -> None:
    rows = [
        {
            "agreement_id": agreement_id,
            "title": state["snapshot"]["row"]["title"],
            "deleted_at": datetime.fromisoformat(state["deleted_at"]),
            "deleted_by": state["deleted_by"],
            "snapshot": state["snapshot"],
        }
        for agreement_id, state in sorted(states.items())
    ]
    for start in range(0, len(rows), CHUNK):
        connection.execute(insert(TRASH), rows[start : start + CHUNK])


# ----------------------------------------------------------------- parties, fields, views


def party_states(connection: Connection, ids: Iterable[int]) -> dict[int, State | None]:
    """Each party's row and spellings, None for one that does not exist."""
    wanted = sorted(set(ids))
    states: dict[int, State | None] = dict.fromkeys(wanted)
    for chunk in chunks(wanted):
        for row in connection.execute(select(PARTIES).where(PARTIES.c.id.in_(chunk))):
            states[row.id] = {"row": row_json(row._mapping), "aliases": []}
        aliases = select(ALIASES.c.party_id, ALIASES.c.alias, ALIASES.c.key).where(
            ALIASES.c.party_id.in_(chunk)
        )
        for party_id, alias, key in connection.execute(aliases.order_by(ALIASES.c.key)):
            states[party_id]["aliases"].append([alias, key])  # type: ignore[index]  # read just above
    return states


def row_states(connection: Connection, table: Table, ids: Iterable[int]) -> dict[int, State | None]:
    """Each field's or view's row, None for one that does not exist."""
    wanted = sorted(set(ids))
    states: dict[int, State | None] = dict.fromkeys(wanted)
    for chunk in chunks(wanted):
        for row in connection.execute(select(table).where(table.c.id.in_(chunk))):
            states[row.id] = {"row": row_json(row._mapping)}
    return states


def apply_party_states(connection: Connection, states: dict[int, State | None]) -> None:
    """Write the parties that exist in *states* (deleting comes after the agreements)."""
    ids = sorted(states)
    if not ids:
        return
    existing = {row[0] for row in _select_ids(connection, PARTIES.c.id, ids)}
    connection.execute(delete(ALIASES).where(ALIASES.c.party_id.in_(ids)))
    # Codes are unique: cleared first, so that a code moving between two parties fits.
    keep = [i for i in ids if states[i] is not None]
    connection.execute(
        update(PARTIES).where(PARTIES.c.id.in_(keep)).values(iso3=None, org_code=None)
    )
    aliases = []
    for party_id in keep:
        state = states[party_id]
        assert state is not None
        values = db_values(PARTIES, state["row"])
        if party_id in existing:
            connection.execute(update(PARTIES).where(PARTIES.c.id == party_id).values(values))
        else:
            connection.execute(insert(PARTIES).values(values))
        aliases += [{"party_id": party_id, "alias": a, "key": k} for a, k in state["aliases"]]
    if aliases:
        connection.execute(insert(ALIASES), aliases)


def delete_unused_parties(connection: Connection, ids: Iterable[int]) -> None:
    """Delete these parties where no agreement names them (a colleague's may, since)."""
    for chunk in chunks(ids):
        used = exists().where(PARTICIPATIONS.c.party_id == PARTIES.c.id)
        connection.execute(delete(PARTIES).where(PARTIES.c.id.in_(chunk), ~used))


def apply_row_states(connection: Connection, table: Table, states: dict[int, State | None]) -> None:
    """Write the fields or views that exist in *states*, parents before children."""
    keep = [i for i, state in states.items() if state is not None]
    if not keep:
        return
    unique = "key" if table is FIELDS else "name"
    existing = {row[0] for row in _select_ids(connection, table.c.id, keep)}
    # Keys and names are unique: moved aside first, so that two can swap.
    for item in sorted(existing):
        connection.execute(update(table).where(table.c.id == item).values({unique: f"\x01{item}"}))

    def depth(item: int) -> int:
        return str(states[item]["row"].get("key", "")).count(" > ")  # type: ignore[index]  # kept: not None

    for item in sorted(keep, key=depth):
        values = db_values(table, states[item]["row"])  # type: ignore[index]  # kept: not None
        if item in existing:
            connection.execute(update(table).where(table.c.id == item).values(values))
        else:
            connection.execute(insert(table).values(values))


def delete_unused_fields(connection: Connection, ids: Iterable[int]) -> None:
    """Delete these fields, deepest first, where no agreement and no subfield uses them."""
    rows = _select_ids(connection, FIELDS.c.id, ids)
    keys = (
        {
            row.id: row.key
            for row in connection.execute(
                select(FIELDS.c.id, FIELDS.c.key).where(FIELDS.c.id.in_([r[0] for r in rows]))
            )
        }
        if rows
        else {}
    )
    for item in sorted(keys, key=lambda i: -keys[i].count(" > ")):
        used = connection.execute(
            select(func.count())
            .select_from(agreement_fields)
            .where(agreement_fields.c.field_id == item)
        ).scalar()
        below = connection.execute(
            select(func.count()).select_from(FIELDS).where(FIELDS.c.parent_id == item)
        ).scalar()
        if not used and not below:
            connection.execute(delete(FIELDS).where(FIELDS.c.id == item))


def delete_rows(connection: Connection, table: Table, ids: Iterable[int]) -> None:
    for chunk in chunks(ids):
        connection.execute(delete(table).where(table.c.id.in_(chunk)))

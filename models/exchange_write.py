"""Writing agreements to CSV (the table's columns) or JSON (everything), streamed in batches.

The file is written next to the target under a temporary name and renamed into place
only when complete, so a failed or cancelled export never leaves half a file behind
and never spoils an earlier export of the same name.
"""

from __future__ import annotations

import itertools
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import agreement_record
from models.agreement_record import TERM_COLUMNS
from models.atomic_file import atomic_text
from models.cancelled import Cancelled
from models.dates import PartialDate
from models.fields import field_paths
from models.parties import exchange_code
from models.query import AgreementFilter, Sort, agreement_ids, fetch_rows
from models.schema import (
    Action,
    Agreement,
    Milestone,
    Participation,
    Party,
    Relation,
    agreement_fields,
)
from models.text import fold

BATCH = 500
FORMATS = {".csv": "csv", ".json": "json"}
EVERYTHING = AgreementFilter()
BY_SIGNING_DATE = Sort()


# "For Excel": a byte-order mark, without which Excel reads UTF-8 as the system's code page
# (Тоқаев as mojibake), and Windows line ends.
EXCEL = ("utf-8-sig", "\r\n")


def export_format(path: Path) -> str:
    """'csv' or 'json' from the file's suffix; ValueError for anything else."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"can't tell the format of '{path.name}': name it .csv or .json")
    return kind


def export_file(
    session: Session,
    path: str | os.PathLike[str],
    selection: AgreementFilter | Sequence[int] = EVERYTHING,
    *,
    sort: Sort = BY_SIGNING_DATE,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    attachments: Path | None = None,
    excel: bool = False,
) -> int:
    """Write the agreements a filter matches (or these ids, in order) to *path*; return how many.

    CSV or JSON by the suffix; *excel* makes a CSV Excel opens right (see EXCEL). Raises
    Cancelled (leaving *path* untouched) when *cancelled* returns True between batches.
    *attachments*: a folder the agreements' attachments are written to, each JSON record
    referring to its files.
    """
    target = Path(path)
    kind = export_format(target)
    if excel and kind != "csv":
        raise ValueError(f"'for Excel' applies to CSV files, and '{target.name}' is JSON")
    if isinstance(selection, AgreementFilter):
        ids = agreement_ids(session, selection, sort)
    else:
        ids = list(selection)
    batches = _batches(session, ids, kind, progress, cancelled)
    if attachments is not None and kind == "json":
        from models.attachment_exchange import add_attachment_refs

        base = target.absolute().parent
        batches = (add_attachment_refs(session, batch, attachments, base) for batch in batches)
    encoding, line_end = EXCEL if excel else ("utf-8", "\n")
    with atomic_text(target, encoding) as out:
        if kind == "json":
            return write_json(batches, out)
        return write_csv(batches, out, agreement_record.party_cells(session), line_end)


def _batches(
    session: Session,
    ids: list[int],
    kind: str,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[list[Any]]:
    fetch = fetch_rows if kind == "csv" else fetch_records
    done = 0
    for start in range(0, len(ids), BATCH):
        if cancelled is not None and cancelled():
            raise Cancelled("export cancelled; no file was written")
        batch = ids[start : start + BATCH]
        yield fetch(session, batch)
        done += len(batch)
        if progress is not None:
            progress(done, len(ids))
    if progress is not None and not ids:
        progress(0, 0)


def _iso(value: PartialDate | None) -> str | None:
    return value.iso() if value else None


# ----------------------------------------------------------------- CSV


def write_csv(
    batches: Iterator[list[Any]],
    out: IO[str],
    party_cells: dict[str, str] | None = None,
    line_end: str = "\n",
) -> int:
    """The columns of models.agreement_record (as `list --format csv` writes them)."""
    return agreement_record.write_csv(
        itertools.chain.from_iterable(batches), out, party_cells, line_end=line_end
    )


# ----------------------------------------------------------------- JSON


def write_json(batches: Iterator[list[dict[str, Any]]], out: IO[str]) -> int:
    """A list of objects, written one at a time so memory stays flat on big exports."""
    written = 0
    out.write("[")
    for records in batches:
        for record in records:
            out.write(("," if written else "") + "\n" + json_object(record))
            written += 1
    out.write("\n]\n" if written else "]\n")
    return written


def json_object(record: dict[str, Any]) -> str:
    """One agreement, a key per line and a party or milestone per line.

    Laid out by hand: json.dumps with indent= runs in pure Python, several times slower
    than the C encoder used here for each value.
    """
    lines = []
    for key, value in record.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            items = ",\n".join(f"      {_compact(item)}" for item in value)
            text = f"[\n{items}\n    ]"
        else:
            text = _compact(value)
        lines.append(f'    "{key}": {text}')  # keys are plain ASCII names
    return "  {\n" + ",\n".join(lines) + "\n  }"


_compact = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, made once


def fetch_records(session: Session, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The agreements as JSON objects holding every fact, in the order of *ids*."""
    participations = _participations(session, ids)
    fields = _fields(session, ids)
    milestones: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in session.execute(
        select(Milestone.agreement_id, Milestone.kind, Milestone.on, Milestone.description)
        .where(Milestone.agreement_id.in_(ids))
        .order_by(Milestone.agreement_id, Milestone.position, Milestone.id)
    ):
        milestones[row.agreement_id].append(
            {"kind": row.kind.value, "on": _iso(row.on), "description": row.description}
        )
    found = {}
    for row in session.execute(select(Agreement.__table__).where(Agreement.id.in_(ids))):
        found[row.id] = _agreement_record(
            row, participations[row.id], fields[row.id], milestones[row.id]
        )
    for agreement_id, relations in _relations(session, ids).items():
        if agreement_id in found:
            found[agreement_id]["relations"] = relations
    return [found[agreement_id] for agreement_id in ids if agreement_id in found]


def _relations(session: Session, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """Each agreement's own relations (not those pointing at it: the other side writes those).

    The other agreement goes by id, for a file that holds it too, and by title and date,
    for a database that holds it already.
    """
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in session.execute(
        select(
            Relation.agreement_id,
            Relation.type,
            Agreement.id,
            Agreement.title,
            Agreement.signed_on,
        )
        .join(Agreement, Agreement.id == Relation.other_id)
        .where(Relation.agreement_id.in_(ids))
        .order_by(Relation.agreement_id, Relation.id)
    ):
        found[row.agreement_id].append(
            {
                "type": row.type.value,
                "id": row.id,
                "title": row.title,
                "signed_on": _iso(row.signed_on),
            }
        )
    return found


def _agreement_record(
    row: Any, parties: list[dict[str, Any]], fields: list[str], milestones: list[dict[str, Any]]
) -> dict[str, Any]:
    """The keys of `list --format json` first, then what only JSON carries."""
    return {
        **agreement_record.record_of(row, parties, fields),
        "short_title": row.short_title,
        "alternative_titles": list(row.alternative_titles or []),
        "binding": row.binding,
        "entry_into_force_rule": row.entry_into_force_rule,
        "duration": row.duration,
        "renewal": row.renewal,
        **{name: getattr(row, name) for name in TERM_COLUMNS},
        "terminated_on": _iso(row.terminated_on),
        "termination_grounds": row.termination_grounds,
        "depositary": row.depositary,
        "languages": list(row.languages or []),
        "un_registration": row.un_registration,
        "source_citation": row.source_citation,
        "milestones": milestones,
        "relations": [],
    }


def _participations(session: Session, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    rows = session.execute(
        select(
            Participation.id,
            Participation.agreement_id,
            Participation.role,
            Participation.signatory_name,
            Participation.signatory_title,
            Party.name,
            Party.kind,
            Party.iso3,
            Party.org_code,
        )
        .join(Party, Party.id == Participation.party_id)
        .where(Participation.agreement_id.in_(ids))
        .order_by(Participation.agreement_id, Participation.position, Participation.id)
    ).all()
    actions: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for action in session.execute(
        select(
            Action.participation_id,
            Action.type,
            Action.deposited_on,
            Action.effective_on,
            Action.text,
        )
        .join(Participation, Participation.id == Action.participation_id)
        .where(Participation.agreement_id.in_(ids))
        .order_by(Action.participation_id, Action.position, Action.id)
    ):
        actions[action.participation_id].append(
            {
                "type": action.type.value,
                "deposited_on": _iso(action.deposited_on),
                "effective_on": _iso(action.effective_on),
                "text": action.text,
            }
        )
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        found[row.agreement_id].append(
            {
                "name": row.name,
                "code": exchange_code(row.iso3, row.org_code),
                "kind": row.kind.value,
                "role": row.role.value,
                "signatory_name": row.signatory_name,
                "signatory_title": row.signatory_title,
                "actions": actions[row.id],
            }
        )
    return found


def _fields(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    paths = field_paths(session)
    found: dict[int, list[str]] = defaultdict(list)
    for agreement_id, field_id in session.execute(
        select(agreement_fields.c.agreement_id, agreement_fields.c.field_id).where(
            agreement_fields.c.agreement_id.in_(ids)
        )
    ):
        found[agreement_id].append(paths[field_id])
    order = {path: fold(path) for path in paths.values()}  # fold once per field, not per link
    for values in found.values():
        values.sort(key=order.__getitem__)
    return found

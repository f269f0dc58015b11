"""`list --format json` on the quick path: each agreement's JSON text straight from SQLite rows.

ui.cli.listing.write_json lays out agreement_record.record() of each AgreementRow as
json.dumps(indent=2) would. For 1,209 agreements with 46,410 party links (`--party KAZ` at
250,000) building those rows and dicts, and walking them again to write, was half the
command's time. This module writes the same text from the rows SQLite gives: only the
columns the output shows, each party's name encoded once, a link list read as one column
and cut per agreement, and one format string per agreement. The counts are
models.sqlite_listing's (the same tallies and rules). tests/test_cli_quick_list.py holds
the output to the full path's, byte for byte, over random filters; tests/test_sqlite_json.py
to write_json's for awkward text.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date

from models.dates import PartialDate, is_canonical
from models.field_names import path_from
from models.safe_output import json_controls
from models.sqlite_listing import (
    BATCH,
    acts_by_party,
    parties_that_left,
    placeholders,
    stored_date,
    tallies_of,
)
from models.status import tallied_counts
from models.text import fold
from models.vocab import Role, Status

_text = json.encoder.encode_basestring  # json.dumps(ensure_ascii=False) of a str, in C
_LIST = ",\n      "  # between two members of an agreement's list, as indent=2 lays them out
_STATUSES = {member.value: member for member in Status}
_COLUMNS = (
    "id, title, kind, level, status, signed_on, signed_at, entry_into_force, expires_on,"
    " summary, source_url, notes"
)
# The party ids of some agreements, in order: one column, cut per agreement by _LINK_COUNTS.
_LINKS = (
    "SELECT party_id FROM participations WHERE agreement_id IN ({})"
    " ORDER BY agreement_id, position, id"
)
# Each agreement's number of links and of original signatories, in the same agreement order.
_LINK_COUNTS = (
    f"SELECT agreement_id, count(*), sum(role = '{Role.ORIGINAL_SIGNATORY.value}')"
    " FROM participations WHERE agreement_id IN ({}) GROUP BY agreement_id ORDER BY agreement_id"
)
# agreement_record.record() with counts, as ui.cli.listing.write_json lays it out.
_OBJECT = (
    "{{\n"
    '    "id": {},\n'
    '    "title": {},\n'
    '    "kind": {},\n'
    '    "level": {},\n'
    '    "status": {},\n'
    '    "signed_on": {},\n'
    '    "signed_at": {},\n'
    '    "entry_into_force": {},\n'
    '    "expires_on": {},\n'
    '    "parties": {},\n'
    '    "fields": {},\n'
    '    "summary": {},\n'
    '    "source_url": {},\n'
    '    "notes": {},\n'
    '    "counts": {{\n'
    '      "signatories": {},\n'
    '      "parties": {},\n'
    '      "withdrawn": {}\n'
    "    }}\n"
    "  }}"
)


def json_batches(connection: sqlite3.Connection, ids: Sequence[int], today: date) -> Iterator[str]:
    """The JSON objects of *ids* in order, with their counts on *today*: BATCH agreements at
    a time, each batch one text of objects joined as write_json joins them."""
    # Row tuples as keys: the link query's one-column rows find their name without unpacking.
    names = {
        (key,): _text(name) for key, name in connection.execute("SELECT id, name FROM parties")
    }
    fields = _field_texts(connection)
    for start in range(0, len(ids), BATCH):
        yield _batch(connection, ids[start : start + BATCH], names, fields, today)


def _field_texts(connection: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    """Every field's path by id: its sort key (folded) and its JSON text."""
    rows = {row[0]: row for row in connection.execute("SELECT id, name, parent_id FROM fields")}
    found = {}
    for key, row in rows.items():
        path = path_from(row, lambda child: rows.get(child[2]), lambda node: node[1])
        found[key] = (fold(path), _text(path))
    return found


def _batch(
    connection: sqlite3.Connection,
    ids: Sequence[int],
    names: dict[tuple[int], str],
    field_texts: dict[int, tuple[str, str]],
    today: date,
) -> str:
    marks = placeholders(ids)
    links = connection.execute(_LINKS.format(marks), ids).fetchall()
    parties: dict[int, str] = {}
    counted: dict[int, int] = {}
    signatories: dict[int, int] = defaultdict(int)  # tallies_of asks of every agreement
    at = 0
    for agreement, number, original in connection.execute(_LINK_COUNTS.format(marks), ids):
        parties[agreement] = _list(_LIST.join(map(names.__getitem__, links[at : at + number])))
        counted[agreement] = number
        signatories[agreement] = original
        at += number
    fields: dict[int, list[tuple[str, str]]] = {}
    for agreement, field in connection.execute(
        f"SELECT agreement_id, field_id FROM agreement_fields WHERE agreement_id IN ({marks})", ids
    ):
        fields.setdefault(agreement, []).append(field_texts[field])
    rows = {
        row[0]: row
        for row in connection.execute(
            f"SELECT {_COLUMNS} FROM agreements WHERE id IN ({marks})", ids
        )
    }
    signed = {key: row[5] is not None for key, row in rows.items()}
    tallies = tallies_of(acts_by_party(connection, list(rows)), counted, signatories, signed)
    left = parties_that_left(connection, [key for key, tally in tallies.items() if tally[4]])
    objects = []
    for key in ids:
        row = rows.get(key)
        if row is None:
            continue
        _, title, kind, level, status, signed_on, signed_at, in_force, expires, *notes = row
        leavers = left[key]
        # The signing date matters only for parties that left: most agreements have none.
        signing = stored_date(signed_on) if leavers else None
        counts = tallied_counts(
            (_STATUSES[status], stored_date(in_force), signing), tallies[key], leavers, today
        )
        objects.append(
            _OBJECT.format(
                key,
                _text(title),
                _vocabulary(kind),
                _vocabulary(level),
                _vocabulary(status),
                _iso(signed_on),
                _optional(signed_at),
                _iso(in_force),
                _iso(expires),
                parties.get(key, "[]"),
                _fields(fields.get(key)),
                _text(notes[0]),
                _optional(notes[1]),
                _text(notes[2]),
                counts.signatories,
                counts.parties,
                counts.withdrawn,
            )
        )
    # DEL and C1 controls escaped as write_json escapes them: the same, a batch at a time.
    return json_controls(",\n  ".join(objects))


def _list(items: str) -> str:
    """A list of JSON texts already joined, as indent=2 lays it out inside an agreement."""
    return "[\n      " + items + "\n    ]" if items else "[]"


def _fields(found: list[tuple[str, str]] | None) -> str:
    """An agreement's field paths as write_json writes them: sorted by their folded text."""
    if not found:
        return "[]"
    found.sort(key=_first)
    return _list(_LIST.join([text for _, text in found]))


def _first(pair: tuple[str, str]) -> str:
    return pair[0]


@functools.cache  # a handful of kinds, levels and statuses
def _vocabulary(value: str) -> str:
    return _text(value)


def _optional(value: str | None) -> str:
    return "null" if value is None else _text(value)


@functools.cache  # a listing meets the same dates over and over
def _iso(stored: str | None) -> str:
    """A stored date as write_json writes it: the PartialDate's ISO text, or null."""
    if stored is None:
        return "null"
    if is_canonical(stored):  # ASCII digits and hyphens: nothing to escape
        return '"' + stored + '"'
    return _text(PartialDate.parse(stored).iso())

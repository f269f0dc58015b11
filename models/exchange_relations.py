"""Relations in a JSON file: each names its other agreement by the file's own `id`, or by
title and signing date, and is resolved before anything is written.

An agreement is known here by its identity (title words and signing date, the key that
tells duplicates apart): a row of the file and a recorded agreement with the same
identity are one agreement, so a relation to either lands on the same record.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence

from sqlalchemy import insert
from sqlalchemy.orm import Session

from models.exchange_format import ImportFailed, Problem, RelationRef
from models.messages import IMPORT, QT_TRANSLATE_NOOP, Message, say
from models.schema import Relation
from models.vocab import RelationType

# (relation type, identity of the other agreement), per row index of the file.
Resolved = dict[int, list[tuple[RelationType, Hashable]]]


def resolve_relations(
    related: Mapping[int, Sequence[RelationRef]],
    by_file_id: Mapping[object, list[int]],
    identities: Sequence[Hashable],
    recorded: set[Hashable],
    identity: Callable[[str, str], Hashable],
) -> Resolved:
    """Every relation's other agreement, as an identity; ImportFailed listing all that can't be.

    *related* holds each object's relations by its index in the file, *by_file_id* the
    indexes of the objects with each `id`, *identities* the objects' own (in file order),
    *recorded* those of agreements in the database; *identity* makes one from a title and
    a signing date.
    """
    # Files merged from two databases may repeat an id: only a relation to it is in doubt.
    problems: list[Problem] = []
    known = set(identities) | recorded
    resolved: Resolved = {}
    for row, relations in sorted(related.items()):
        seen: dict[tuple[RelationType, Hashable], int] = {}
        for number, ref in enumerate(relations):
            problem, target = _target(ref, by_file_id, identities, known, identity)
            if target is not None and target == identities[row]:
                problem = _say(QT_TRANSLATE_NOOP("Import", "relates the agreement to itself"))
            kind = RelationType.parse(ref.type)
            if problem is None and (kind, target) in seen:
                same = QT_TRANSLATE_NOOP("Import", "the same relation as relations[%1]")
                problem = _say(same, seen[kind, target])
            if problem is not None:
                problems.append(Problem(problem, index=row, column=f"relations[{number}]"))
                continue
            seen[kind, target] = number
            resolved.setdefault(row, []).append((kind, target))
    if problems:
        raise ImportFailed(problems)
    return resolved


def _target(
    ref: RelationRef,
    by_id: Mapping[object, list[int]],
    identities: Sequence[Hashable],
    known: set[Hashable],
    identity: Callable[[str, str], Hashable],
) -> tuple[str | None, Hashable | None]:
    """(None, identity) of the agreement *ref* names, or (why not, None)."""
    rows = by_id.get(ref.id, []) if ref.id is not None else []
    if len({identities[row] for row in rows}) > 1:
        twice = QT_TRANSLATE_NOOP(
            "Import", "id %1 is the id of two agreements in the file (index %2 and index %3)"
        )
        return _say(twice, repr(ref.id), rows[0], rows[1]), None
    if rows:
        return None, identities[rows[0]]
    if ref.title.strip():
        wanted = identity(ref.title, ref.signed_on)
        if wanted in known:
            return None, wanted
    none = QT_TRANSLATE_NOOP("Import", "no agreement %1 in the file or the database")
    return _say(none, _described(ref)), None


def _described(ref: RelationRef) -> Message:
    """ "with id 12 or titled 'Treaty' signed 2021-12-06", as the file names it."""
    parts = []
    if ref.id is not None:
        parts.append(_say(QT_TRANSLATE_NOOP("Import", "with id %1"), repr(ref.id)))
    if ref.title.strip():
        title = " ".join(ref.title.split())
        if ref.signed_on.strip():
            signed = QT_TRANSLATE_NOOP("Import", "titled '%1' signed %2")
            parts.append(_say(signed, title, ref.signed_on))
        else:
            unsigned = QT_TRANSLATE_NOOP("Import", "titled '%1' with no signing date")
            parts.append(_say(unsigned, title))
    if len(parts) == 2:
        return _say(QT_TRANSLATE_NOOP("Import", "%1 or %2"), *parts)
    return parts[0] if parts else _say("%1", "")


def _say(template: str, *args: object) -> Message:
    return say(template, *args, context=IMPORT)


def insert_relations(session: Session, rows: list[tuple[int, RelationType, int]]) -> None:
    """Store (agreement, type, other agreement) triples for newly imported agreements."""
    if rows:
        session.connection().execute(
            insert(Relation.__table__),
            [{"agreement_id": a, "type": kind, "other_id": b} for a, kind, b in rows],
        )

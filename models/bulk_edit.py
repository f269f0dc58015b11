"""One edit applied to many agreements: previewed first, then saved all or nothing.

An edit sets the status, kind or level, adds or removes a field, adds or removes a party
(with its role), adds a note or a milestone. `plan_bulk_edit` says what it would do
(how many agreements change and how, the first ones by title, which stay as they are and
why); `apply_bulk_edit` saves it through models.service, so every agreement gets its new
version, its validation and its audit row, in the caller's one transaction. One agreement
that can't take the edit refuses the whole edit, naming it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models import history, service
from models.changes import Changes
from models.fields import find_field, split_path
from models.parties import find_identity, find_party, misspelt, party_reference, suggest_parties
from models.query import FieldNode, field_tree
from models.schema import Agreement, Participation
from models.service import AgreementInput, MilestoneInput, ParticipationInput
from models.text import fold, sort_key
from models.vocab import Kind, Level, MilestoneKind, Role, Status

Check = Callable[[], None]  # raises to stop a long plan or apply (the user cancelled)
PREVIEW_FIRST = 10  # agreements listed by title in a preview; the rest are counted
_BATCH = 200  # agreements read at a time: their parties, fields and milestones in 4 queries


class BulkEditError(Exception):
    """The edit can't be applied; every problem at once, and nothing was changed."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("nothing was changed: " + "; ".join(self.problems))


@dataclass(frozen=True)
class BulkEdit:
    """What to do to every agreement; empty parts are left alone."""

    status: str = ""
    kind: str = ""
    level: str = ""
    add_fields: tuple[str, ...] = ()
    remove_fields: tuple[str, ...] = ()
    add_parties: tuple[tuple[str, str], ...] = ()  # (name, role)
    remove_parties: tuple[str, ...] = ()
    add_note: str = ""
    milestone: MilestoneInput | None = None

    def __bool__(self) -> bool:
        return any(getattr(self, item.name) for item in dataclasses.fields(self))


@dataclass(frozen=True)
class AgreementChange:
    """One agreement in a preview: what the edit does to it, or why it stays as it is."""

    id: int
    title: str
    what: tuple[str, ...]  # 'status: signed → ratified', 'field + Energy'; empty: unchanged
    why_unchanged: str = ""


@dataclass(frozen=True)
class BulkPlan:
    """What an edit would do to a set of agreements."""

    changing: int
    unchanged: int
    first_changing: tuple[AgreementChange, ...]  # the first PREVIEW_FIRST by title
    first_unchanged: tuple[AgreementChange, ...]
    counts: dict[str, int]  # each kind of change -> agreements it applies to
    problems: tuple[str, ...]  # agreements that can't take the edit: it would be refused
    new_parties: tuple[str, ...] = ()
    new_fields: tuple[str, ...] = ()
    missing: tuple[int, ...] = ()

    def lines(self) -> list[str]:
        """The preview in words, one line each (the command line prints them)."""
        lines = [f"{_count(self.changing, 'agreement')} would change"]
        lines += [f"  {what}: {number}" for what, number in self.counts.items()]
        lines += [f"  {_title_line(item)}: {'; '.join(item.what)}" for item in self.first_changing]
        if self.changing > len(self.first_changing):
            lines.append(f"  … and {self.changing - len(self.first_changing)} more")
        if self.unchanged:
            lines.append(f"{_count(self.unchanged, 'agreement')} would stay as they are")
            lines += [
                f"  {_title_line(item)}: {item.why_unchanged}" for item in self.first_unchanged
            ]
            if self.unchanged > len(self.first_unchanged):
                lines.append(f"  … and {self.unchanged - len(self.first_unchanged)} more")
        if self.new_parties:
            lines.append(f"New parties: {', '.join(self.new_parties)}")
        if self.new_fields:
            lines.append(f"New fields: {', '.join(self.new_fields)}")
        if self.missing:
            lines.append(f"Not found (deleted?): {', '.join(map(str, self.missing))}")
        lines += [f"Refused: {problem}" for problem in self.problems]
        return lines


@dataclass
class _Resolved:
    """The edit with its names resolved against the database (recorded party and field ids)."""

    edit: BulkEdit
    add_fields: list[tuple[str, int | None]] = field(default_factory=list)  # path, id if recorded
    remove_fields: list[tuple[str, set[int]]] = field(default_factory=list)
    add_parties: list[tuple[str, str, int | None]] = field(default_factory=list)  # ref, role, id
    remove_parties: list[tuple[str, int]] = field(default_factory=list)


# ----------------------------------------------------------------- public


def plan_bulk_edit(
    session: Session, ids: Sequence[int], edit: BulkEdit, check: Check | None = None
) -> BulkPlan:
    """What *edit* would do to the agreements *ids* (reads only); BulkEditError for a bad edit.

    *check* is called between batches: it may raise to stop (a newer preview is wanted).
    """
    resolved = _resolve(session, edit)
    changing: list[AgreementChange] = []
    unchanged: list[AgreementChange] = []
    counts: dict[str, int] = {}
    problems: list[str] = []
    found: set[int] = set()
    for agreement, after, what in _edited(session, ids, resolved, check):
        found.add(agreement.id)
        if not what:
            why = _why_unchanged(resolved)
            unchanged.append(AgreementChange(agreement.id, agreement.title, (), why))
            continue
        changing.append(AgreementChange(agreement.id, agreement.title, tuple(what)))
        for item in what:
            counts[_summary(item)] = counts.get(_summary(item), 0) + 1
        problems += _problems(agreement, after)
    return BulkPlan(
        changing=len(changing),
        unchanged=len(unchanged),
        first_changing=tuple(sorted(changing, key=_by_title)[:PREVIEW_FIRST]),
        first_unchanged=tuple(sorted(unchanged, key=_by_title)[:PREVIEW_FIRST]),
        counts=counts,
        problems=tuple(problems),
        new_parties=tuple(ref for ref, _role, known in resolved.add_parties if known is None),
        new_fields=tuple(path for path, known in resolved.add_fields if known is None),
        missing=tuple(sorted(set(ids) - found)),
    )


def apply_bulk_edit(
    session: Session,
    ids: Sequence[int],
    edit: BulkEdit,
    *,
    user: str | None = None,
    check: Check | None = None,
    before_write: Callable[[], None] | None = None,
) -> Changes:
    """Apply *edit* to the agreements *ids* in the caller's transaction, all or nothing.

    *before_write* (a backup) is called once the edit has been checked and something will
    be written: a refused or empty edit makes no backup.

    Each changed agreement is saved by service.update (a new version, validation, an audit
    row); a problem with any of them raises BulkEditError naming every one, and the
    caller's transaction rolls back. Ids that no longer exist refuse the edit as well.
    *check* is called between agreements: raising there (a cancel) rolls it all back.
    """
    resolved = _resolve(session, edit)
    pending: list[tuple[int, AgreementInput, int]] = []
    problems: list[str] = []
    found: set[int] = set()
    for agreement, after, what in _edited(session, ids, resolved, check):
        found.add(agreement.id)
        if what:
            problems += _problems(agreement, after)
            pending.append((agreement.id, after, agreement.version))
    missing = sorted(set(ids) - found)
    problems += [
        f"agreement {number} does not exist (it may have been deleted)" for number in missing
    ]
    if problems:
        raise BulkEditError(problems)
    if pending and before_write is not None:
        before_write()
    count = len(pending)
    label = f"bulk edit of {count} agreement{'s' if count != 1 else ''}"
    with history.step(session, label, user) as recording:  # one step to undo, however many
        for agreement_id, data, version in pending:
            if check is not None:
                check()
            service.update(session, agreement_id, data, version, user=user)
    return recording.changes | Changes.of(
        changed=[agreement_id for agreement_id, _data, _version in pending],
        parties=bool(pending and (edit.add_parties or edit.remove_parties)),
        fields=bool(pending and (edit.add_fields or edit.remove_fields)),
    )


# ----------------------------------------------------------------- resolving names


def _resolve(session: Session, edit: BulkEdit) -> _Resolved:
    """Check the edit's values, find its parties and fields; BulkEditError names what is wrong."""
    if not edit:
        raise BulkEditError(["the edit changes nothing: give at least one change"])
    problems: list[str] = []
    for name, vocabulary in (("status", Status), ("kind", Kind), ("level", Level)):
        value = getattr(edit, name)
        if value:
            try:
                vocabulary.parse(value)
            except ValueError as error:
                problems.append(str(error))
    resolved = _Resolved(edit)
    nodes = field_tree(session) if edit.add_fields or edit.remove_fields else []
    for name in edit.add_fields:
        matches = _fields_named(session, name, nodes)
        if len(matches) > 1:
            problems.append(f"field '{name}' is ambiguous: give the full path")
        elif matches:
            resolved.add_fields.append((matches[0][1], matches[0][0]))
        elif split_path(name):
            resolved.add_fields.append((" > ".join(split_path(name)), None))
        else:
            problems.append("a field to add needs a name")
    for name in edit.remove_fields:
        matches = _fields_named(session, name, nodes)
        if matches:
            resolved.remove_fields.append((name, {field_id for field_id, _path in matches}))
        else:
            problems.append(f"no field '{name}' is recorded")
    for name, role in edit.add_parties:
        try:
            role_value = Role.parse(role or Role.PARTY.value).value
        except ValueError as error:
            problems.append(str(error))
            continue
        party = find_party(session, name)
        if party is None and not " ".join(name.split()):
            problems.append("a party to add needs a name")
            continue
        close = misspelt(name) if party is None and find_identity(name) is None else None
        if close:  # as an import refuses it: a typo must not become a new party
            problems.append(f"'{name}' is not a recorded party (did you mean '{close}'?)")
            continue
        reference = (
            party_reference(party.name, party.iso3, party.org_code)
            if party
            else " ".join(name.split())
        )
        resolved.add_parties.append((reference, role_value, party.id if party else None))
    for name in edit.remove_parties:
        party = find_party(session, name)
        if party is None:
            close = suggest_parties(session, name)
            hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
            problems.append(f"no party '{name}' is recorded{hint}")
        else:
            resolved.remove_parties.append((party.name, party.id))
    if edit.milestone is not None:
        try:
            MilestoneKind.parse(edit.milestone.kind)
        except ValueError as error:
            problems.append(str(error))
    if problems:
        raise BulkEditError(problems)
    return resolved


def _fields_named(session: Session, name: str, nodes: Sequence[FieldNode]) -> list[tuple[int, str]]:
    """(id, path) of the fields *name* means: exactly ('Transport > Rail'), else by its end."""
    exact = find_field(session, name)
    if exact is not None:
        return [(exact.id, next(node.path for node in nodes if node.id == exact.id))]
    wanted = [fold(part) for part in split_path(name)]
    if not wanted:
        return []
    return [
        (node.id, node.path)
        for node in nodes
        if [fold(part) for part in split_path(node.path)][-len(wanted) :] == wanted
    ]


# ----------------------------------------------------------------- editing each agreement


def _agreements(
    session: Session, ids: Sequence[int], check: Check | None = None
) -> Iterator[Agreement]:
    """The agreements *ids*, a batch at a time, with what an edit reads of them."""
    wanted = list(dict.fromkeys(ids))
    for start in range(0, len(wanted), _BATCH):
        if check is not None:
            check()
        batch = wanted[start : start + _BATCH]
        yield from session.scalars(
            select(Agreement)
            .where(Agreement.id.in_(batch))
            .options(
                selectinload(Agreement.participations).selectinload(Participation.actions),
                selectinload(Agreement.participations).selectinload(Participation.party),
                selectinload(Agreement.fields),
                selectinload(Agreement.milestones),
                selectinload(Agreement.relations),
            )
        )
        session.expunge_all()  # a quarter of a million agreements must not pile up here


def _edited(
    session: Session, ids: Sequence[int], resolved: _Resolved, check: Check | None = None
) -> Iterator[tuple[Agreement, AgreementInput, list[str]]]:
    """(agreement, its input after the edit, what changed in words) for each agreement found."""
    for agreement in _agreements(session, ids, check):
        after, what = _edit_one(agreement, service.to_input(agreement), resolved)
        yield agreement, after, what


def _edit_one(
    agreement: Agreement, before: AgreementInput, resolved: _Resolved
) -> tuple[AgreementInput, list[str]]:
    edit = resolved.edit
    after = dataclasses.replace(
        before,
        parties=[dataclasses.replace(p) for p in before.parties],
        fields=list(before.fields),
        milestones=list(before.milestones),
    )
    what: list[str] = []
    for name in ("status", "kind", "level"):
        wanted = getattr(edit, name)
        if wanted:
            value = {"status": Status, "kind": Kind, "level": Level}[name].parse(wanted).value
            if getattr(before, name) != value:
                setattr(after, name, value)
                what.append(f"{name}: {getattr(before, name)} → {value}")
    _edit_fields(agreement, after, resolved, what)
    _edit_parties(agreement, after, resolved, what)
    if edit.add_note.strip():
        note = edit.add_note.strip()
        after.notes = f"{before.notes.strip()}\n\n{note}" if before.notes.strip() else note
        what.append("note added")
    if edit.milestone is not None:
        milestone = MilestoneInput(
            MilestoneKind.parse(edit.milestone.kind).value,
            edit.milestone.on.strip(),
            edit.milestone.description.strip(),
        )
        if milestone not in before.milestones:
            after.milestones.append(milestone)
            what.append(f"milestone + {milestone.kind}")
    return after, what


def _edit_fields(
    agreement: Agreement, after: AgreementInput, resolved: _Resolved, what: list[str]
) -> None:
    # to_input lists the fields in the order of agreement.fields: their ids line up.
    ids = [item.id for item in agreement.fields]
    for name, gone in resolved.remove_fields:
        keep = [i for i, field_id in enumerate(ids) if field_id not in gone]
        if len(keep) != len(ids):
            after.fields = [after.fields[i] for i in keep]
            ids = [ids[i] for i in keep]
            what.append(f"field − {name}")
    for path, field_id in resolved.add_fields:
        if field_id is None or field_id not in ids:
            after.fields.append(path)
            ids.append(field_id)  # type: ignore[arg-type]
            what.append(f"field + {path}")


def _edit_parties(
    agreement: Agreement, after: AgreementInput, resolved: _Resolved, what: list[str]
) -> None:
    ids = [p.party_id for p in agreement.participations]
    for name, party_id in resolved.remove_parties:
        keep = [i for i, known in enumerate(ids) if known != party_id]
        if len(keep) != len(ids):
            after.parties = [after.parties[i] for i in keep]
            ids = [ids[i] for i in keep]
            what.append(f"party − {name}")
    for reference, role, party_id in resolved.add_parties:
        if party_id is not None and party_id in ids:
            current = after.parties[ids.index(party_id)]
            if current.role != role:
                what.append(f"role of {reference}: {current.role} → {role}")
                current.role = role
            continue
        after.parties.append(ParticipationInput(party=reference, role=role))
        ids.append(party_id)  # type: ignore[arg-type]
        what.append(f"party + {reference} ({role})")


def _problems(agreement: Agreement, after: AgreementInput) -> list[str]:
    """Why the edited agreement can't be saved, one line naming it per problem."""
    errors = service.validate(after)
    return [
        f"agreement {agreement.id} '{agreement.title}': {message}" for message in errors.values()
    ]


def _why_unchanged(resolved: _Resolved) -> str:
    """Why an agreement the edit leaves alone: it already is as the edit would make it."""
    edit = resolved.edit
    if edit.add_parties or edit.add_fields or edit.status or edit.kind or edit.level:
        return "already as the edit would make it"
    return "nothing to remove"


def _summary(item: str) -> str:
    """A change without its old value, to count alike: 'status → ratified'."""
    if " → " not in item:
        return item
    name, _colon, values = item.partition(": ")
    return f"{name} → {values.split(' → ')[-1]}"


def _by_title(item: AgreementChange) -> tuple[str, int]:
    return sort_key(item.title), item.id


def _title_line(item: AgreementChange) -> str:
    return f"{item.id} {item.title}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"

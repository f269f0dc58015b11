"""One edit applied to many agreements: previewed first, then saved all or nothing.

An edit sets the status, kind or level, adds or removes a field, adds or removes a party
(with its role), adds a note or a milestone. `plan_bulk_edit` says what it would do
(how many agreements change and how, the first ones by title, which stay as they are and
why); `apply_bulk_edit` writes it for all of them at once (models.bulk_write), so every
agreement gets its new version and its audit row, in the caller's one transaction, as one
undo step. One agreement that can't take the edit refuses the whole edit, naming it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from models import history, service
from models.bulk_write import (
    CHANGED,
    Edited,
    Resolved,
    after_states,
    before_states,
    edited,
    write_edit,
    written_parts,
)
from models.changes import NOTHING, Changes
from models.fields import find_field, join_path, split_path
from models.messages import (
    BULK_EDIT,
    NOT_FOUND,
    QT_TRANSLATE_NOOP,
    SAVING,
    BulkEditPreview,
    Message,
    joined,
    message_of,
    say,
)
from models.parties import find_identity, find_party, misspelt, party_reference, suggest_parties
from models.query import FieldNode, field_tree
from models.service import AgreementInput, MilestoneInput, ParticipationInput
from models.text import fold, sort_key
from models.users import current_user
from models.vocab import Kind, Level, MilestoneKind, Role, Status

Check = Callable[[], None]  # raises to stop a long plan or apply (the user cancelled)
PREVIEW_FIRST = 10  # agreements listed by title in a preview; the rest are counted
# The layout of a preview's lines: not for translation (their parts are translated).
INDENTED = "  %1"
COUNTED = "%1: %2"  # a kind of change: how many agreements it applies to
TITLED = "%1 %2: %3"  # an agreement (id, title): what the edit does to it, or why not
NAMED = QT_TRANSLATE_NOOP(
    "BulkEditPreview", "agreement %1 '%2': %3"
)  # what can't be saved, and why


class BulkEditError(Exception):
    """The edit can't be applied; every problem at once, and nothing was changed."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        nothing = QT_TRANSLATE_NOOP("BulkEditPreview", "nothing was changed: %1")
        super().__init__(_say(nothing, joined("; ", self.problems)))


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
        lines: list[str] = [BulkEditPreview.tr("%Ln agreement(s) would change", "", self.changing)]
        lines += [
            _say(INDENTED, _say(COUNTED, what, number)) for what, number in self.counts.items()
        ]
        lines += [
            _say(INDENTED, _say(TITLED, item.id, item.title, joined("; ", item.what)))
            for item in self.first_changing
        ]
        if self.changing > len(self.first_changing):
            more = self.changing - len(self.first_changing)
            lines.append(_say(INDENTED, BulkEditPreview.tr("… and %Ln more", "", more)))
        if self.unchanged:
            lines.append(
                BulkEditPreview.tr("%Ln agreement(s) would stay as they are", "", self.unchanged)
            )
            lines += [
                _say(INDENTED, _say(TITLED, item.id, item.title, item.why_unchanged))
                for item in self.first_unchanged
            ]
            if self.unchanged > len(self.first_unchanged):
                more = self.unchanged - len(self.first_unchanged)
                lines.append(_say(INDENTED, BulkEditPreview.tr("… and %Ln more", "", more)))
        if self.new_parties:
            new_parties = QT_TRANSLATE_NOOP("BulkEditPreview", "New parties: %1")
            lines.append(_say(new_parties, ", ".join(self.new_parties)))
        if self.new_fields:
            lines.append(
                _say(
                    QT_TRANSLATE_NOOP("BulkEditPreview", "New fields: %1"),
                    ", ".join(self.new_fields),
                )
            )
        if self.missing:
            missing = QT_TRANSLATE_NOOP("BulkEditPreview", "Not found (deleted?): %1")
            lines.append(_say(missing, ", ".join(map(str, self.missing))))
        refused = QT_TRANSLATE_NOOP("BulkEditPreview", "Refused: %1")
        lines += [_say(refused, problem) for problem in self.problems]
        return lines


# ----------------------------------------------------------------- public


def plan_bulk_edit(
    session: Session, ids: Sequence[int], edit: BulkEdit, check: Check | None = None
) -> BulkPlan:
    """What *edit* would do to the agreements *ids* (reads only); BulkEditError for a bad edit.

    *check* is called between chunks: it may raise to stop (a newer preview is wanted).
    """
    resolved = _resolve(session, edit)
    found = edited(session, ids, resolved, check)
    changing: list[AgreementChange] = []
    unchanged: list[AgreementChange] = []
    counts: dict[str, int] = {}
    for item in found.items:
        if not item.what:
            why = _why_unchanged(resolved)
            unchanged.append(AgreementChange(item.id, item.title, (), why))
            continue
        changing.append(AgreementChange(item.id, item.title, tuple(item.what)))
        for what in item.what:
            counts[_summary(what)] = counts.get(_summary(what), 0) + 1
    return BulkPlan(
        changing=len(changing),
        unchanged=len(unchanged),
        first_changing=tuple(sorted(changing, key=_by_title)[:PREVIEW_FIRST]),
        first_unchanged=tuple(sorted(unchanged, key=_by_title)[:PREVIEW_FIRST]),
        counts=counts,
        problems=tuple(_problems(found, resolved)),
        new_parties=tuple(ref for ref, _role, known in resolved.add_parties if known is None),
        new_fields=tuple(path for path, known in resolved.add_fields if known is None),
        missing=found.missing,
    )


def apply_bulk_edit(
    session: Session,
    ids: Sequence[int],
    edit: BulkEdit,
    *,
    user: str | None = None,
    check: Check | None = None,
    before_write: Callable[[], object] | None = None,
) -> Changes:
    """Apply *edit* to the agreements *ids* in the caller's transaction, all or nothing.

    Set-based (models.bulk_write): a few statements per kind of change and chunk of ids,
    each changed agreement with a new version and an audit row, the whole one undo step.
    A problem with any agreement raises BulkEditError naming every one, and the caller's
    transaction rolls back; ids that no longer exist refuse the edit as well. *check* is
    called between chunks: raising there (a cancel) rolls it all back.

    *before_write* (a backup) is called once the edit has been checked and something will
    be written: a refused or empty edit makes no backup.
    """
    resolved = _resolve(session, edit)
    found = edited(session, ids, resolved, check)
    problems = _problems(found, resolved)
    problems += [say(NOT_FOUND, number, context=SAVING) for number in found.missing]
    if problems:
        raise BulkEditError(problems)
    pending = [item for item in found.items if item.what]
    if not pending:
        return NOTHING
    if before_write is not None:
        before_write()
    user = user or current_user()
    label = f"bulk edit of {len(pending)} agreement{'s' if len(pending) != 1 else ''}"
    with history.step(session, label, user) as recording:  # one step to undo, however many
        recording.patch(
            before_states(pending, resolved),
            *written_parts(resolved),
            after=after_states(pending, resolved),
        )
        write_edit(session, pending, resolved, found.catalog, user, check)
    return recording.changes | Changes.of(changed=[item.id for item in pending])


# ----------------------------------------------------------------- resolving names


def _resolve(session: Session, edit: BulkEdit) -> Resolved:
    """Check the edit's values, find its parties and fields; BulkEditError names what is wrong."""
    if not edit:
        nothing = QT_TRANSLATE_NOOP(
            "BulkEditPreview", "the edit changes nothing: give at least one change"
        )
        raise BulkEditError([_say(nothing)])
    problems: list[str] = []
    for name, vocabulary in (("status", Status), ("kind", Kind), ("level", Level)):
        value = getattr(edit, name)
        if value:
            try:
                vocabulary.parse(value)
            except ValueError as error:
                problems.append(message_of(error))
    resolved = Resolved(edit)
    nodes = field_tree(session) if edit.add_fields or edit.remove_fields else []
    for name in edit.add_fields:
        matches = _fields_named(session, name, nodes)
        if len(matches) > 1:
            ambiguous = QT_TRANSLATE_NOOP(
                "BulkEditPreview", "field '%1' is ambiguous: give the full path"
            )
            problems.append(_say(ambiguous, name))
        elif matches:
            resolved.add_fields.append((matches[0][1], matches[0][0]))
        elif split_path(name):
            resolved.add_fields.append((join_path(split_path(name)), None))
        else:
            problems.append(
                _say(QT_TRANSLATE_NOOP("BulkEditPreview", "a field to add needs a name"))
            )
    for name in edit.remove_fields:
        matches = _fields_named(session, name, nodes)
        if matches:
            resolved.remove_fields.append((name, {field_id for field_id, _path in matches}))
        else:
            problems.append(
                _say(QT_TRANSLATE_NOOP("BulkEditPreview", "no field '%1' is recorded"), name)
            )
    for name, role in edit.add_parties:
        try:
            role_value = Role.parse(role or Role.PARTY.value).value
        except ValueError as error:
            problems.append(message_of(error))
            continue
        party = find_party(session, name)
        if party is None and not " ".join(name.split()):
            problems.append(
                _say(QT_TRANSLATE_NOOP("BulkEditPreview", "a party to add needs a name"))
            )
            continue
        close = misspelt(name) if party is None and find_identity(name) is None else None
        if close:  # as an import refuses it: a typo must not become a new party
            unknown = QT_TRANSLATE_NOOP(
                "BulkEditPreview", "'%1' is not a recorded party (did you mean '%2'?)"
            )
            problems.append(_say(unknown, name, close))
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
            if close:
                hinted = QT_TRANSLATE_NOOP(
                    "BulkEditPreview", "no party '%1' is recorded (did you mean %2?)"
                )
                # 'A' or 'B': the names as they are recorded.
                problems.append(_say(hinted, name, " or ".join(repr(c) for c in close)))
            else:
                problems.append(
                    _say(QT_TRANSLATE_NOOP("BulkEditPreview", "no party '%1' is recorded"), name)
                )
        else:
            resolved.remove_parties.append((party.name, party.id))
    if edit.milestone is not None:
        try:
            MilestoneKind.parse(edit.milestone.kind)
        except ValueError as error:
            problems.append(message_of(error))
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


# ----------------------------------------------------------------- problems


def _problems(found: Edited, resolved: Resolved) -> list[str]:
    """Why edited agreements can't be saved, one line naming the agreement per problem.

    What the edit adds (a field, a party, a milestone) is checked once, as service.validate
    checks it, and each agreement it is added to is named with the problem; an agreement
    left without a party is named too. The rest of each agreement was checked when saved.
    """
    added = _added_problems(resolved)
    problems: list[str] = []
    for item in found.items:
        if not item.what:
            continue
        messages: list[str] = []
        if not item.after_parties and (resolved.remove_parties or resolved.add_parties):
            messages.append(say(QT_TRANSLATE_NOOP("Validation", "at least one party is required")))
        messages += [message for key, message in added if key in item.added]
        problems += [_say(NAMED, item.id, item.title, message) for message in messages]
    return problems


def _added_problems(resolved: Resolved) -> list[tuple[str, str]]:
    """(what is added: 'field:0', 'party:1', 'milestone'; message) for each problem with it."""
    milestone = resolved.milestone()
    probe = AgreementInput(
        title="probe",
        parties=[ParticipationInput(ref, role) for ref, role, _known in resolved.add_parties],
        fields=[path for path, _known in resolved.add_fields],
        milestones=[milestone] if milestone is not None else [],
    )
    found = []
    for key, message in service.validate(probe).items():
        kind, _dot, rest = key.partition(".")
        number = rest.partition(".")[0]
        if kind == "parties" and number:
            found.append((f"party:{number}", message))
        elif kind == "fields" and number:
            found.append((f"field:{number}", message))
        elif kind == "milestones":
            found.append(("milestone", message))
    return found


# ----------------------------------------------------------------- in words


def _why_unchanged(resolved: Resolved) -> str:
    """Why an agreement the edit leaves alone: it already is as the edit would make it."""
    edit = resolved.edit
    if edit.add_parties or edit.add_fields or edit.status or edit.kind or edit.level:
        return _say(QT_TRANSLATE_NOOP("BulkEditPreview", "already as the edit would make it"))
    return _say(QT_TRANSLATE_NOOP("BulkEditPreview", "nothing to remove"))


def _summary(item: str) -> str:
    """A change without its old value, to count alike: 'status → ratified'."""
    if not isinstance(item, Message) or " → " not in item:
        return item
    name, _old, new = item.args
    if item.template == CHANGED:
        return _say(QT_TRANSLATE_NOOP("BulkEditPreview", "%1 → %2"), name, new)
    return _say(QT_TRANSLATE_NOOP("BulkEditPreview", "role of %1 → %2"), name, new)


def _by_title(item: AgreementChange) -> tuple[str, int]:
    return sort_key(item.title), item.id


def _say(template: str, *args: object) -> Message:
    return say(template, *args, context=BULK_EDIT)

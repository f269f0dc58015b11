"""Merging two records of one agreement into one, field by field, keeping everything else.

    plan = merge_plan(session, keep_id, other_id)      # both sides, for the dialog
    result = merge_agreements(session, keep_id, other_id, choices, versions=plan.versions)

The kept agreement takes, per field, the value of the side chosen; parties, fields,
milestones, alternative titles and languages are united; relations from and to the other
agreement move to the kept one; the other is deleted and its id answers with the kept one
from then on (models.redirects), its audit trail read with the kept one's.
One transaction, the caller's; a version read before someone else's save is refused.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import history
from models.attachments import attachment_ids, move_attachments
from models.audit import record
from models.changes import NOTHING, Changes
from models.fields import path_key, split_path
from models.messages import STEP_MERGE, fill
from models.parties import find_country, find_party
from models.redirects import add_redirect
from models.schema import Agreement, AgreementRedirect, AuditEntry, Relation
from models.search_index import update_search_index
from models.service import (
    AgreementInput,
    ConflictError,
    NotFoundError,
    ParticipationInput,
    RelationInput,
    ValidationError,
    load_input,
    update,
)
from models.text import fold
from models.users import current_user

Side = Literal["keep", "other"]

# The facts chosen one side or the other, in the order the dialog shows them.
FIELD_LABELS: dict[str, str] = {
    "title": "Title",
    "short_title": "Short title",
    "kind": "Kind",
    "binding": "Binding",
    "level": "Level",
    "status": "Status",
    "signed_on": "Signed on",
    "signed_at": "Signed at",
    "entry_into_force": "Entry into force",
    "entry_into_force_rule": "Entry-into-force rule",
    "expires_on": "Expires on",
    "duration": "Duration",
    "renewal": "Renewal",
    "terminated_on": "Terminated on",
    "termination_grounds": "Termination grounds",
    "depositary": "Depositary",
    "un_registration": "UN registration",
    "summary": "Summary",
    "notes": "Notes",
    "source_citation": "Source",
    "source_url": "Source URL",
}


@dataclass(frozen=True)
class FieldChoice:
    """One row of the merge dialog: both values as text and the side chosen by default."""

    name: str
    label: str
    keep_text: str
    other_text: str
    default: Side

    @property
    def differs(self) -> bool:
        return self.keep_text != self.other_text


@dataclass(frozen=True)
class MergePlan:
    """Both agreements side by side, as plain data for the merge dialog."""

    keep_id: int
    other_id: int
    rows: tuple[FieldChoice, ...]
    parties: tuple[str, ...]  # the united parties, as they will be listed
    fields: tuple[str, ...]  # the united field paths
    versions: dict[int, int]  # id -> version read, for merge_agreements

    def default_choices(self) -> dict[str, Side]:
        return {row.name: row.default for row in self.rows}


@dataclass(frozen=True)
class MergeResult:
    """What a merge changed: the kept agreement's new version and which facts moved."""

    kept_id: int
    merged_id: int
    version: int
    changed: tuple[str, ...]  # the kept agreement's facts that changed
    relations_moved: int  # relations of other agreements that now point at the kept one
    changes: Changes = NOTHING  # for the window: the kept one changed, the other deleted


def merge_plan(session: Session, keep_id: int, other_id: int) -> MergePlan:
    """Both agreements' facts side by side, each defaulting to the non-empty, else newer, one."""
    _check_two(keep_id, other_id)
    keep, keep_version = load_input(session, keep_id)
    other, other_version = load_input(session, other_id)
    newer: Side = (
        "other" if _updated_at(session, other_id) > _updated_at(session, keep_id) else "keep"
    )
    rows = []
    for name, label in FIELD_LABELS.items():
        mine, theirs = _text(getattr(keep, name)), _text(getattr(other, name))
        if not mine and theirs:
            default: Side = "other"
        elif mine and not theirs:
            default = "keep"
        else:
            default = newer if mine != theirs else "keep"
        rows.append(FieldChoice(name, label, mine, theirs, default))
    united = merged_input(session, keep, other, {}, keep_id, other_id)
    return MergePlan(
        keep_id,
        other_id,
        tuple(rows),
        tuple(item.party for item in united.parties),
        tuple(united.fields),
        {keep_id: keep_version, other_id: other_version},
    )


def merge_agreements(
    session: Session,
    keep_id: int,
    other_id: int,
    choices: Mapping[str, Side],
    *,
    versions: Mapping[int, int] | None = None,
    user: str | None = None,
) -> MergeResult:
    """Merge *other_id* into *keep_id*; raise ConflictError if either changed since *versions*.

    *choices* maps a fact (a key of FIELD_LABELS) to the side whose value is kept; facts
    not named keep the kept agreement's value. Raises ValidationError when the chosen
    values do not go together, NotFoundError when either agreement is gone.
    """
    _check_two(keep_id, other_id)
    unknown = sorted(set(choices) - set(FIELD_LABELS))
    if unknown:
        raise ValueError(f"can't choose {', '.join(unknown)} in a merge")
    user = user or current_user()
    keep, keep_version = load_input(session, keep_id)
    other, other_version = load_input(session, other_id)
    for agreement_id, version in ((keep_id, keep_version), (other_id, other_version)):
        expected = (versions or {}).get(agreement_id, version)
        if expected != version:
            raise _conflict(session, agreement_id, expected)
    merged = merged_input(session, keep, other, choices, keep_id, other_id)
    label = fill(STEP_MERGE, history.quoted(other.title), history.quoted(keep.title))
    with history.step(session, label, user) as recording:
        pointing = select(Relation.agreement_id).where(Relation.other_id == other_id)
        earlier = select(AgreementRedirect.old_id).where(AgreementRedirect.new_id == other_id)
        recording.touch([keep_id, other_id, *session.scalars(pointing), *session.scalars(earlier)])
        moved = _move_incoming(session, keep_id, other_id)
        # Undo gives the merged agreement its attachments back.
        recording.touch(attachment_ids(session, other_id), kind=history.ATTACHMENT)
        move_attachments(session, other_id, keep_id)
        session.execute(delete(Agreement).where(Agreement.id == other_id))
        session.expire_all()
        update_search_index(session.connection(), [other_id])
        new_version = update(session, keep_id, merged, keep_version, user=user).version
        changed = _mark_merge(session, keep_id, other_id, user)
        add_redirect(session, other_id, keep_id)
    result = MergeResult(keep_id, other_id, new_version, changed, moved)
    return dataclasses.replace(result, changes=recording.changes)


def merged_input(
    session: Session,
    keep: AgreementInput,
    other: AgreementInput,
    choices: Mapping[str, Side],
    keep_id: int,
    other_id: int,
) -> AgreementInput:
    """The kept agreement with the chosen facts of the other and the lists of both united."""
    chosen = {name: getattr(other, name) for name, side in choices.items() if side == "other"}
    title = chosen.get("title", keep.title)
    dropped_title = other.title if title == keep.title else keep.title
    return dataclasses.replace(
        keep,
        **chosen,
        alternative_titles=_unite_texts(
            [*keep.alternative_titles, *other.alternative_titles, dropped_title], exclude=title
        ),
        languages=_unite_texts([*keep.languages, *other.languages]),
        parties=_unite_parties(session, keep.parties, other.parties),
        fields=_unite_fields(keep.fields, other.fields),
        milestones=_unite(keep.milestones, other.milestones, _milestone_key),
        relations=_unite_relations(keep.relations, other.relations, keep_id, other_id),
    )


# ----------------------------------------------------------------- uniting lists


def _unite(first: list, second: list, key) -> list:  # type: ignore[no-untyped-def,type-arg]
    """*first*, then what of *second* is not in it by *key*."""
    seen = {key(item) for item in first}
    united = list(first)
    for item in second:
        if key(item) not in seen:
            seen.add(key(item))
            united.append(item)
    return united


def _unite_texts(values: list[str], exclude: str = "") -> list[str]:
    skip = {fold(" ".join(exclude.split()))}
    return _unite(
        [], [v for v in values if v.strip() and fold(" ".join(v.split())) not in skip], _fold_key
    )


def _fold_key(text: str) -> str:
    return fold(" ".join(text.split()))


def _milestone_key(milestone: object) -> tuple[str, str, str]:
    return (milestone.kind, milestone.on, _fold_key(milestone.description))  # type: ignore[attr-defined]


def _unite_fields(keep: list[str], other: list[str]) -> list[str]:
    return _unite(keep, other, lambda path: path_key(split_path(path)))


def _unite_parties(
    session: Session, keep: list[ParticipationInput], other: list[ParticipationInput]
) -> list[ParticipationInput]:
    """Every party of both; one on both sides keeps its participation and gains new actions."""

    def identity(item: ParticipationInput) -> object:
        party = find_party(session, item.party)
        if party is not None:
            return ("party", party.id)
        country = find_country(item.party)
        return ("state", country.iso3) if country else ("name", _fold_key(item.party))

    united = {identity(item): item for item in keep if item.party.strip()}
    for item in other:
        if not item.party.strip():
            continue
        key = identity(item)
        mine = united.get(key)
        if mine is None:
            united[key] = item
        else:
            actions = _unite(mine.actions, item.actions, dataclasses.astuple)
            united[key] = dataclasses.replace(mine, actions=actions)
    return list(united.values())


def _unite_relations(
    keep: list[RelationInput], other: list[RelationInput], keep_id: int, other_id: int
) -> list[RelationInput]:
    """Both sides' outgoing relations, none from the kept agreement to itself, none twice."""
    moved = [
        RelationInput(r.type, keep_id if r.other_id == other_id else r.other_id)
        for r in [*keep, *other]
    ]
    return _unite([], [r for r in moved if r.other_id != keep_id], lambda r: (r.type, r.other_id))


def _move_incoming(session: Session, keep_id: int, other_id: int) -> int:
    """Point other agreements' relations to *other_id* at *keep_id*; return how many moved."""
    incoming = session.scalars(
        select(Relation).where(
            Relation.other_id == other_id, Relation.agreement_id.not_in([keep_id, other_id])
        )
    ).all()
    existing = set(
        session.execute(
            select(Relation.agreement_id, Relation.type).where(Relation.other_id == keep_id)
        ).all()
    )
    moved = 0
    for relation in incoming:
        if (relation.agreement_id, relation.type) in existing:
            session.delete(relation)  # the same link to the kept agreement is there already
        else:
            existing.add((relation.agreement_id, relation.type))
            relation.other_id = keep_id
            moved += 1
    session.flush()
    return moved


# ----------------------------------------------------------------- helpers


def _mark_merge(session: Session, keep_id: int, other_id: int, user: str) -> tuple[str, ...]:
    """Note the merge in the kept agreement's newest audit line (the update's); its fields."""
    entry = session.scalar(
        select(AuditEntry)
        .where(AuditEntry.agreement_id == keep_id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    )
    if entry is None or entry.action != "update":  # pragma: no cover - update always records
        record(session, keep_id, "update", {"merged_from": [None, other_id]}, user)
        return ()
    changed = tuple(entry.changes)
    entry.changes = {"merged_from": [None, other_id], **entry.changes}
    session.flush()
    return changed


def _check_two(keep_id: int, other_id: int) -> None:
    if keep_id == other_id:
        raise ValidationError({"merge": f"agreement {keep_id} can't be merged into itself"})


def _conflict(session: Session, agreement_id: int, expected: int) -> ConflictError:
    row = session.execute(
        select(Agreement.version, Agreement.updated_at, Agreement.updated_by).where(
            Agreement.id == agreement_id
        )
    ).one()
    return ConflictError(agreement_id, expected, row.version, row.updated_at, row.updated_by)


def _updated_at(session: Session, agreement_id: int) -> datetime:
    moment = session.scalar(select(Agreement.updated_at).where(Agreement.id == agreement_id))
    if moment is None:
        raise NotFoundError(agreement_id)
    return moment


def _text(value: object) -> str:
    """A fact as the dialog shows it: '' when empty, 'yes'/'no' for binding."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).strip()

"""Create, update and delete agreements, with validation and optimistic versions.

Functions take a session and never commit: the caller owns the transaction
(`with database.sessions.begin() as session:`), so one user action is one transaction
and a refused save changes nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlparse

from sqlalchemy import delete as sql_delete
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from models import limits, messages
from models.audit import changes_between, input_record, last_change, record
from models.changes import Changes
from models.dates import PartialDate, utc_moment
from models.dates import utc_text as utc_text  # re-exported: known from here too
from models.deadline_store import refresh_deadlines
from models.fields import field_path, resolve_field, split_path
from models.limits import (
    MILESTONE_MAX,
    SIGNATORY_MAX,
    TITLE_MAX,
    agreement_limit,
    field_path_problem,
    party_name_problem,
    surrogate_problem,
    too_long,
)
from models.messages import NOT_FOUND, QT_TRANSLATE_NOOP, SAVING, fill, message_of, say
from models.parties import party_identity, party_reference, resolve_party
from models.schema import (
    Action,
    Agreement,
    Field,
    Milestone,
    Participation,
    Party,
    Relation,
    utcnow,
)
from models.search_index import update_search_index
from models.terms import TERM_FIELDS, canonical, term_errors
from models.text import fold, not_utf8, sort_key
from models.users import current_user
from models.vocab import (
    ActionType,
    Kind,
    Level,
    MilestoneKind,
    PartyKind,
    RelationType,
    Role,
    Status,
    Vocabulary,
)


@dataclass
class ActionInput:
    type: str
    deposited_on: str = ""
    effective_on: str = ""
    text: str = ""


@dataclass
class ParticipationInput:
    party: str
    role: str = Role.PARTY.value
    signatory_name: str = ""
    signatory_title: str = ""
    actions: list[ActionInput] = field(default_factory=list)
    party_kind: str = PartyKind.ORGANIZATION.value  # for a new party that is not a state


@dataclass
class MilestoneInput:
    kind: str
    on: str = ""
    description: str = ""


@dataclass
class RelationInput:
    type: str
    other_id: int


@dataclass
class AgreementInput:
    """An agreement as a user enters it: text everywhere, checked by validate()."""

    title: str
    kind: str = Kind.AGREEMENT.value
    level: str = Level.UNKNOWN.value
    status: str = Status.SIGNED.value
    binding: bool | None = None
    short_title: str = ""
    alternative_titles: list[str] = field(default_factory=list)
    signed_on: str = ""
    signed_at: str = ""
    entry_into_force: str = ""
    entry_into_force_rule: str = ""
    expires_on: str = ""
    duration: str = ""
    renewal: str = ""
    # Structured terms (models.terms): '5 years', 'automatic for 5 years', '6 months', …
    duration_term: str = ""
    renewal_term: str = ""
    notice_term: str = ""
    entry_into_force_term: str = ""
    terminated_on: str = ""
    termination_grounds: str = ""
    depositary: str = ""
    languages: list[str] = field(default_factory=list)
    un_registration: str = ""
    summary: str = ""
    notes: str = ""
    source_citation: str = ""
    source_url: str = ""
    parties: list[ParticipationInput] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    milestones: list[MilestoneInput] = field(default_factory=list)
    relations: list[RelationInput] = field(default_factory=list)


@dataclass(frozen=True)
class Saved:
    """What a save did: the agreement's id, its version now, and the change for the window.

    `changes` names the agreement (created or changed), the agreements whose 'replaced by'
    moved with it, and whether a new party or field was recorded on the way.
    """

    id: int
    version: int
    changes: Changes


class ValidationError(Exception):
    """Every problem with an input at once, as field -> message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{key}: {message}" for key, message in errors.items()))


class ConflictError(Exception):
    """The agreement changed since it was read; saving would overwrite that change.

    Names who changed it and when (UTC), as the database recorded it.
    """

    def __init__(
        self,
        agreement_id: int,
        expected: int,
        current: int,
        changed_at: datetime,
        changed_by: str | None = None,
    ) -> None:
        self.agreement_id = agreement_id
        self.expected_version = expected
        self.current_version = current
        self.changed_at = changed_at
        self.changed_by = changed_by
        who = changed_by or say(QT_TRANSLATE_NOOP("Saving", "someone else"), context=SAVING)
        super().__init__(
            say(
                QT_TRANSLATE_NOOP(
                    "Saving",
                    "agreement %1 was changed by %2 at %3 after you opened it (version %4, "
                    "you opened version %5); reload it to see the change",
                ),
                agreement_id,
                who,
                utc_moment(changed_at),
                current,
                expected,
                context=SAVING,
            )
        )


class NotFoundError(Exception):
    def __init__(
        self,
        agreement_id: int,
        deleted_by: str | None = None,
        deleted_at: datetime | None = None,
    ) -> None:
        self.agreement_id = agreement_id
        self.deleted_by = deleted_by
        self.deleted_at = deleted_at
        if deleted_by and deleted_at:
            message = say(
                QT_TRANSLATE_NOOP("Saving", "agreement %1 was deleted by %2 at %3"),
                agreement_id,
                deleted_by,
                utc_moment(deleted_at),
                context=SAVING,
            )
        else:
            message = say(NOT_FOUND, agreement_id, context=SAVING)
        super().__init__(message)


# ----------------------------------------------------------------- validation


DATE_FIELDS = ("signed_on", "entry_into_force", "expires_on", "terminated_on")
# Free-text facts stored as NULL when blank (title, summary and notes have rules of their own).
OPTIONAL_TEXT_FIELDS = (
    "short_title",
    "signed_at",
    "entry_into_force_rule",
    "duration",
    "renewal",
    "termination_grounds",
    "depositary",
    "un_registration",
    "source_citation",
    "source_url",
)


def validate(data: AgreementInput, *, surrogates: bool = True) -> dict[str, str]:
    """Every problem with *data*, as field -> message; empty when it can be saved.

    surrogates=False leaves out the search for lone surrogates, for texts that can't hold
    one: read from a file through a strict UTF-8 decoder (a CSV import).
    """
    errors: dict[str, str] = {}
    title = data.title.strip()
    if not title:
        errors["title"] = say(QT_TRANSLATE_NOOP("Validation", "title is required"))
    elif len(title) > TITLE_MAX:
        errors["title"] = too_long(len(title), TITLE_MAX, limits.TITLE)
    for name, vocabulary in (("kind", Kind), ("level", Level), ("status", Status)):
        _check_vocabulary(errors, name, vocabulary, getattr(data, name))
    dates = {name: _check_date(errors, name, getattr(data, name)) for name in DATE_FIELDS}
    for later, earlier, template in _DATE_ORDER:
        _check_order(errors, dates, later, earlier, template)
    if data.source_url.strip():
        parsed = urlparse(data.source_url.strip())
        if parsed.scheme not in ("http", "https", "ftp") or not parsed.netloc:
            errors["source_url"] = say(
                QT_TRANSLATE_NOOP("Validation", "'%1' is not a web address (http:// or https://)"),
                data.source_url,
            )
    errors.update(term_errors({name: getattr(data, name) for name, _, _ in TERM_FIELDS}))
    _validate_parties(errors, data.parties)
    for index, path in enumerate(data.fields):
        if not split_path(path):
            errors[f"fields.{index}"] = say(QT_TRANSLATE_NOOP("Validation", "field name is empty"))
    for index, milestone in enumerate(data.milestones):
        _check_vocabulary(errors, f"milestones.{index}.kind", MilestoneKind, milestone.kind)
        _check_date(errors, f"milestones.{index}.on", milestone.on)
    for index, relation in enumerate(data.relations):
        _check_vocabulary(errors, f"relations.{index}.type", RelationType, relation.type)
    _check_lengths(errors, data)
    if surrogates:
        _check_surrogates(errors, data)
    return errors


@lru_cache(maxsize=65536)
def _party_facts(name: str) -> tuple[str, str, str | None]:
    """A party name's folded key, identity and length problem: an import names the same
    few hundred parties 100,000 times, and each is worked out once."""
    key = fold(" ".join(name.split()))
    if not key:
        return key, "", None
    return key, party_identity(name), party_name_problem(" ".join(name.split()), key)


def _validate_parties(errors: dict[str, str], parties: list[ParticipationInput]) -> None:
    named = [p for p in parties if p.party.strip()]
    if not named:
        errors["parties"] = say(QT_TRANSLATE_NOOP("Validation", "at least one party is required"))
    seen: dict[str, int] = {}
    for index, participation in enumerate(parties):
        key, same, problem = _party_facts(participation.party)
        if not key:
            if named:
                errors[f"parties.{index}.party"] = say(
                    QT_TRANSLATE_NOOP("Validation", "party name is empty")
                )
            continue
        # same: 'Russia', 'RUS', 'Россия' are one party
        if same in seen:
            errors[f"parties.{index}.party"] = say(
                QT_TRANSLATE_NOOP("Validation", "'%1' is listed twice (also party %2)"),
                participation.party,
                seen[same] + 1,
            )
        seen.setdefault(same, index)
        if problem:
            errors.setdefault(f"parties.{index}.party", problem)
        if not _known_role_and_kind(participation.role, participation.party_kind):
            prefix = f"parties.{index}"
            _check_vocabulary(errors, f"{prefix}.role", Role, participation.role)
            _check_vocabulary(errors, f"{prefix}.party_kind", PartyKind, participation.party_kind)
        for number, action in enumerate(participation.actions):
            where = f"parties.{index}.actions.{number}"
            _check_vocabulary(errors, f"{where}.type", ActionType, action.type)
            deposited = _check_date(errors, f"{where}.deposited_on", action.deposited_on)
            effective = _check_date(errors, f"{where}.effective_on", action.effective_on)
            if deposited and effective and effective.certainly_before(deposited):
                errors[f"{where}.effective_on"] = say(
                    QT_TRANSLATE_NOOP(
                        "Validation", "takes effect (%1) before it was deposited (%2)"
                    ),
                    effective,
                    deposited,
                )


@lru_cache(maxsize=4096)
def _known_role_and_kind(role: str, kind: str) -> bool:
    """Whether a participation's role and party kind are both values of their vocabularies
    (remembered: an import's 100,000 rows repeat a handful of pairs)."""
    try:
        _parsed(Role, role)
        _parsed(PartyKind, kind)
    except ValueError:
        return False
    return True


# Read once: looking a column's type up costs more than the check itself.
_TEXT_LIMITS = {name: agreement_limit(name) for name in OPTIONAL_TEXT_FIELDS}


def _check_lengths(errors: dict[str, str], data: AgreementInput) -> None:
    """Every text that goes into a VARCHAR column fits it, as stored (trimmed, folded).

    Party names are measured in _validate_parties(), which folds them anyway.
    """
    for name, limit in _TEXT_LIMITS.items():
        value = getattr(data, name)
        if len(value) > limit and len(value.strip()) > limit:  # stored trimmed
            errors.setdefault(name, too_long(len(value.strip()), limit))
    for index, participation in enumerate(data.parties):
        for attribute, limit in SIGNATORY_MAX.items():
            value = getattr(participation, attribute)
            if len(value) > limit and len(value.strip()) > limit:  # stored trimmed
                length = len(value.strip())
                errors.setdefault(f"parties.{index}.{attribute}", too_long(length, limit))
    for index, path in enumerate(data.fields):
        problem = _field_path_problem(path)
        if problem:
            errors.setdefault(f"fields.{index}", problem)
    for index, milestone in enumerate(data.milestones):
        length = len(milestone.description.strip())
        if length > MILESTONE_MAX:
            problem = too_long(length, MILESTONE_MAX)
            errors.setdefault(f"milestones.{index}.description", problem)


@lru_cache(maxsize=65536)
def _field_path_problem(path: str) -> str | None:
    """limits.field_path_problem, remembered: a file names a few dozen paths many times."""
    return field_path_problem(path)


def _check_surrogates(errors: dict[str, str], data: AgreementInput) -> None:
    """No text holds a lone surrogate: it can't be stored, and the key says where it is."""
    if not _any_surrogate(data):  # the usual case, checked in one pass for a fast import
        return
    for key, value in _texts(data, ""):
        problem = surrogate_problem(value)
        if problem:
            errors[key] = problem


def _any_surrogate(data: AgreementInput) -> bool:
    texts: list[str] = []
    _non_ascii_texts(data, texts)
    return not_utf8("".join(texts))


def _non_ascii_texts(item: object, found: list[str]) -> None:
    """Collect the texts of an input that could hold a surrogate: isascii() is O(1)."""
    for value in vars(item).values():
        if value.__class__ is str:
            if not value.isascii():
                found.append(value)
        elif value.__class__ is list:
            for entry in value:
                if entry.__class__ is str:
                    if not entry.isascii():
                        found.append(entry)
                else:
                    _non_ascii_texts(entry, found)  # a party, action, milestone or relation


def _texts(value: object, key: str) -> Iterator[tuple[str, str]]:
    """(key, text) for every text in an input, keyed as validate() keys its errors."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{key}.{index}")
    elif hasattr(value, "__dict__"):  # an input dataclass; vars() is much faster than fields()
        for name, item in vars(value).items():
            yield from _texts(item, f"{key}.{name}" if key else name)


def _check_vocabulary(
    errors: dict[str, str], name: str, vocabulary: type[Vocabulary], value: str
) -> None:
    try:
        _parsed(vocabulary, value)
    except ValueError as error:
        errors[name] = message_of(error)


@lru_cache(maxsize=4096)
def _parsed(vocabulary: type[Vocabulary], value: str) -> Vocabulary:
    """Vocabulary.parse, remembered (a wrong value raises each time: nothing is kept)."""
    return vocabulary.parse(value)


def _check_date(errors: dict[str, str], name: str, value: str) -> PartialDate | None:
    try:
        return parsed_date(value)
    except ValueError as error:
        errors[name] = message_of(error)
        return None


@lru_cache(maxsize=65536)
def parsed_date(text: str) -> PartialDate | None:
    """PartialDate.parse_optional, remembered: dates repeat a lot in a file, and a
    PartialDate never changes once made (a wrong date raises each time)."""
    return PartialDate.parse_optional(text)


def _check_order(
    errors: dict[str, str],
    dates: dict[str, PartialDate | None],
    later: str,
    earlier: str,
    template: str,
) -> None:
    late, early = dates.get(later), dates.get(earlier)
    if late and early and late.certainly_before(early) and later not in errors:
        errors[later] = say(template, late, early)


# Dates that can't come before another: (later, earlier, message with both dates).
_DATE_ORDER = (
    (
        "entry_into_force",
        "signed_on",
        QT_TRANSLATE_NOOP("Validation", "entry into force (%1) is before signature (%2)"),
    ),
    (
        "expires_on",
        "signed_on",
        QT_TRANSLATE_NOOP("Validation", "expiry (%1) is before signature (%2)"),
    ),
    (
        "expires_on",
        "entry_into_force",
        QT_TRANSLATE_NOOP("Validation", "expiry (%1) is before entry into force (%2)"),
    ),
    (
        "terminated_on",
        "signed_on",
        QT_TRANSLATE_NOOP("Validation", "termination (%1) is before signature (%2)"),
    ),
)


# ----------------------------------------------------------------- saving


def create(
    session: Session,
    data: AgreementInput,
    *,
    agreement_id: int | None = None,
    user: str | None = None,
    action: str = "create",
    replaced_by: list[int] | None = None,
) -> Saved:
    """Record a new agreement; return its id and version. Raises ValidationError, changing nothing.

    *user* (default: models.users.current_user()) is recorded as its author and in the log;
    *replaced_by* lists the agreements that supersede it (see set_replaced_by).
    """
    from models import history  # it reads the service's errors: imported here, not above

    _raise_if_invalid(session, data, agreement_id, replaced_by)
    user = user or current_user()
    catalog = _catalog_ends(session)
    with history.step(
        session, fill(messages.STEP_CREATION, history.quoted(data.title)), user
    ) as recording:
        agreement_id = _insert(session, data, agreement_id, user, action, replaced_by)
        recording.created([agreement_id])
    version = session.scalar(select(Agreement.version).where(Agreement.id == agreement_id))
    return Saved(
        agreement_id,
        version or 1,
        _saved_changes(session, catalog, created=[agreement_id], changed=replaced_by or []),
    )


def _catalog_ends(session: Session) -> tuple[int, int]:
    """The highest party and field ids now: any above them after a save were made by it."""
    session.flush()
    party = session.scalar(select(func.max(Party.id))) or 0
    field_id = session.scalar(select(func.max(Field.id))) or 0
    return party, field_id


def _saved_changes(
    session: Session,
    before: tuple[int, int],
    *,
    created: Iterable[int] = (),
    changed: Iterable[int] = (),
) -> Changes:
    """What a save changed, with parties/fields set only when it recorded a new one."""
    party, field_id = _catalog_ends(session)
    return Changes.of(
        created=created,
        changed=changed,
        parties=party > before[0],
        fields=field_id > before[1],
    )


def _insert(
    session: Session,
    data: AgreementInput,
    agreement_id: int | None,
    user: str,
    action: str,
    replaced_by: list[int] | None,
) -> int:
    now = utcnow()
    agreement = Agreement(
        id=agreement_id, created_at=now, updated_at=now, created_by=user, updated_by=user
    )
    _apply(session, agreement, data)
    session.add(agreement)
    session.flush()
    update_search_index(session.connection(), [agreement.id])
    refresh_deadlines(session.connection(), [agreement.id])
    changes = changes_between(None, input_record(data))
    if replaced_by:
        changes["replaced_by"] = [[], set_replaced_by(session, agreement.id, replaced_by, user)]
    record(session, agreement.id, action, changes, user)
    return agreement.id


def update(
    session: Session,
    agreement_id: int,
    data: AgreementInput,
    version: int,
    *,
    user: str | None = None,
    replaced_by: list[int] | None = None,
) -> Saved:
    """Save *data* over the agreement read at *version*; return the new version and the change.

    *replaced_by* (None: leave as they are) lists the agreements that supersede this one.
    Raises ConflictError when someone saved it since, NotFoundError when it was deleted.
    """
    agreement = _load(session, agreement_id)
    if agreement.version != version:
        raise _conflict(agreement, version)
    from models import history  # it reads the service's errors: imported here, not above

    _raise_if_invalid(session, data, agreement_id, replaced_by)
    user = user or current_user()
    catalog = _catalog_ends(session)
    successors_before = successors(session, agreement_id)
    with history.step(
        session, fill(messages.STEP_EDIT, history.quoted(agreement.title)), user
    ) as recording:
        recording.touch([agreement_id])
        new_version = _rewrite(session, agreement, data, version, user, replaced_by)
    # The agreements whose 'replaced by' link came or went got a new version too.
    moved = set(successors_before) ^ set(successors(session, agreement_id))
    changes = _saved_changes(session, catalog, changed=[agreement_id, *moved])
    return Saved(agreement_id, new_version, changes)


def _rewrite(
    session: Session,
    agreement: Agreement,
    data: AgreementInput,
    version: int,
    user: str,
    replaced_by: list[int] | None,
) -> int:
    agreement_id = agreement.id
    before = input_record(to_input(agreement))
    successors_before = successors(session, agreement_id)
    try:
        # Old links go first: new ones may repeat a (agreement, party) pair that is unique.
        agreement.participations.clear()
        agreement.milestones.clear()
        agreement.relations.clear()
        session.flush()
        _apply(session, agreement, data)
        agreement.updated_at = utcnow()
        agreement.updated_by = user
        session.flush()
    except StaleDataError:
        # Someone saved between our read and our write: a versioned UPDATE (or the DELETE
        # of links they replaced) matched no row.
        # This session must roll back (the caller's block does); their version is read aside.
        with session.get_bind().connect() as aside:  # type: ignore[union-attr]  # bound to an Engine
            row = aside.execute(
                select(Agreement.version, Agreement.updated_at, Agreement.updated_by).where(
                    Agreement.id == agreement_id
                )
            ).first()
        if row is None:
            raise NotFoundError(agreement_id) from None
        raise ConflictError(
            agreement_id, version, row.version, row.updated_at, row.updated_by
        ) from None
    update_search_index(session.connection(), [agreement_id])
    refresh_deadlines(session.connection(), [agreement_id])
    changes = changes_between(before, input_record(to_input(agreement)))
    if replaced_by is not None:
        after = set_replaced_by(session, agreement_id, replaced_by, user)
        if after != successors_before:
            changes["replaced_by"] = [successors_before, after]
    record(session, agreement_id, "update", changes, user)
    return agreement.version


def successors(session: Session, agreement_id: int) -> list[int]:
    """The agreements recorded as superseding this one ('replaced by'), in the order added."""
    return list(
        session.scalars(
            select(Relation.agreement_id)
            .where(Relation.other_id == agreement_id, Relation.type == RelationType.SUPERSEDES)
            .order_by(Relation.id)
        )
    )


def set_replaced_by(
    session: Session, agreement_id: int, replaced_by: list[int], user: str
) -> list[int]:
    """Make *replaced_by* exactly the agreements that supersede this one; return them.

    Each is stored as it is read, "X supersedes this", one row on X's side. X's version
    moves on and its log records the change of its relations, so an editor of X opened
    before is told of the change on saving instead of silently putting the old list back.
    """
    current = successors(session, agreement_id)
    wanted = list(dict.fromkeys(replaced_by))
    touched = sorted(set(current) ^ set(wanted))
    if not touched:
        return current
    from models import history  # it reads the service's errors: imported here, not above

    recording = history.recording(session)
    if recording is not None:
        recording.touch(touched)
    before = {other: _relation_records(session, other) for other in touched}
    session.execute(
        sql_delete(Relation).where(
            Relation.other_id == agreement_id,
            Relation.type == RelationType.SUPERSEDES,
            Relation.agreement_id.in_(set(current) - set(wanted)),
        )
    )
    for other in wanted:
        if other not in current:
            session.add(
                Relation(agreement_id=other, type=RelationType.SUPERSEDES, other_id=agreement_id)
            )
    session.flush()
    now = utcnow()
    for other in touched:
        holder = session.get(Agreement, other, populate_existing=True)
        if holder is not None:  # checked by relation_errors; a version bump tells its editors
            holder.updated_at, holder.updated_by = now, user
        changes = {"relations": [before[other], _relation_records(session, other)]}
        record(session, other, "update", changes, user)
    session.flush()
    return successors(session, agreement_id)


def _relation_records(session: Session, agreement_id: int) -> list[dict[str, object]]:
    """An agreement's own relations as its log shows them ({type, other_id})."""
    rows = session.execute(
        select(Relation.type, Relation.other_id)
        .where(Relation.agreement_id == agreement_id)
        .order_by(Relation.id)
    )
    return [{"type": kind.value, "other_id": other} for kind, other in rows]


def _conflict(agreement: Agreement, expected: int) -> ConflictError:
    return ConflictError(
        agreement.id, expected, agreement.version, agreement.updated_at, agreement.updated_by
    )


class DeletedAgreement(NamedTuple):
    """What undo needs to bring an agreement back: its id, its input, and links to it."""

    id: int
    data: AgreementInput
    incoming: tuple[tuple[int, str], ...] = ()  # (agreement that pointed here, relation type)


def delete(
    session: Session,
    ids: list[int],
    versions: dict[int, int] | None = None,
    *,
    user: str | None = None,
) -> list[DeletedAgreement]:
    """Delete agreements for good; return snapshots from which restore() can bring them back.

    Not what a user's delete does: that moves them to the trash as an undoable step
    (models.trash.delete).

    With *versions* (id -> version read), an agreement someone saved since is refused
    with a ConflictError naming them, and nothing is deleted.
    """
    user = user or current_user()
    snapshots = []
    for agreement_id in ids:
        agreement = _load(session, agreement_id)
        expected = (versions or {}).get(agreement_id, agreement.version)
        if agreement.version != expected:
            raise _conflict(agreement, expected)
        incoming = session.execute(
            select(Relation.agreement_id, Relation.type).where(Relation.other_id == agreement_id)
        ).all()
        snapshots.append(
            DeletedAgreement(
                agreement_id,
                to_input(agreement),
                tuple((other, kind.value) for other, kind in incoming),
            )
        )
    if ids:
        session.execute(sql_delete(Agreement).where(Agreement.id.in_(ids)))
        session.expire_all()
        update_search_index(session.connection(), ids)
    for deleted in snapshots:
        changes = changes_between(input_record(deleted.data), None)
        record(session, deleted.id, "delete", changes, user)
    return snapshots


def restore(
    session: Session, snapshots: list[DeletedAgreement], *, user: str | None = None
) -> list[int]:
    """Undo a delete: record the agreements again under their old ids, with their relations.

    Relations are added last, so that agreements deleted together can point at each other;
    a relation to an agreement that is gone since is left out.
    """
    restored = []
    for snapshot in snapshots:
        data = dataclasses.replace(snapshot.data, relations=[])
        restored.append(
            create(session, data, agreement_id=snapshot.id, user=user, action="restore").id
        )
    existing = set(session.scalars(select(Agreement.id)))
    links = {
        (snapshot.id, RelationType.parse(relation.type), relation.other_id)
        for snapshot in snapshots
        for relation in snapshot.data.relations
    } | {
        (other, RelationType.parse(kind), snapshot.id)
        for snapshot in snapshots
        for other, kind in snapshot.incoming
    }
    for source, kind, target in sorted(links):
        if source in existing and target in existing:
            session.add(Relation(agreement_id=source, type=kind, other_id=target))
    session.flush()
    return restored


def load_input(session: Session, agreement_id: int) -> tuple[AgreementInput, int]:
    """The agreement as an editable input, with the version it was read at."""
    agreement = _load(session, agreement_id)
    return to_input(agreement), agreement.version


def _load(session: Session, agreement_id: int) -> Agreement:
    agreement = session.scalar(
        select(Agreement)
        .where(Agreement.id == agreement_id)
        .options(
            selectinload(Agreement.participations).selectinload(Participation.actions),
            selectinload(Agreement.fields),
            selectinload(Agreement.milestones),
            selectinload(Agreement.relations),
        )
        .execution_options(populate_existing=True)
    )
    if agreement is None:
        deleted = last_change(session, agreement_id, "delete")
        by, at = (deleted.changed_by, deleted.changed_at) if deleted else (None, None)
        raise NotFoundError(agreement_id, by, at)
    return agreement


def _raise_if_invalid(
    session: Session,
    data: AgreementInput,
    agreement_id: int | None = None,
    replaced_by: list[int] | None = None,
) -> None:
    errors = validate(data)
    errors.update(relation_errors(session, data.relations, agreement_id))
    if replaced_by:
        successors = [RelationInput(RelationType.SUPERSEDES.value, i) for i in replaced_by]
        found = relation_errors(session, successors, agreement_id)
        errors.update({key.replace("relations.", "replaced_by.", 1): m for key, m in found.items()})
    if errors:
        raise ValidationError(errors)


def relation_errors(
    session: Session, relations: list[RelationInput], agreement_id: int | None = None
) -> dict[str, str]:
    """Relations that can't be saved (to itself, to no agreement, twice), as field -> message.

    Checked against the database, so a relation to an agreement deleted since the editor
    opened is a message beside it, not a foreign-key error.
    """
    errors: dict[str, str] = {}
    if not relations:
        return {}
    wanted = {relation.other_id for relation in relations}
    found = set(session.scalars(select(Agreement.id).where(Agreement.id.in_(wanted))))
    seen: dict[tuple[str, int], int] = {}
    for index, relation in enumerate(relations):
        key = f"relations.{index}.other_id"
        if agreement_id is not None and relation.other_id == agreement_id:
            errors[key] = "an agreement can't be related to itself"
        elif relation.other_id not in found:
            errors[key] = f"agreement {relation.other_id} does not exist (it may have been deleted)"
        try:
            same = (RelationType.parse(relation.type).value, relation.other_id)
        except ValueError:
            continue  # validate() names the type; a pair with an unknown type is no repeat
        if same in seen and key not in errors:
            errors[key] = f"the same relation is listed twice (also relation {seen[same] + 1})"
        seen.setdefault(same, index)
    return errors


def _text(value: str) -> str | None:
    cleaned = value.strip()
    return cleaned or None


def _apply(session: Session, agreement: Agreement, data: AgreementInput) -> None:
    title = " ".join(data.title.split())
    agreement.title = title
    agreement.title_key = sort_key(title)
    agreement.alternative_titles = [t.strip() for t in data.alternative_titles if t.strip()]
    agreement.kind = Kind.parse(data.kind)
    agreement.level = Level.parse(data.level)
    agreement.status = Status.parse(data.status)
    agreement.binding = data.binding
    for name in DATE_FIELDS:
        setattr(agreement, name, PartialDate.parse_optional(getattr(data, name)))
    for name in OPTIONAL_TEXT_FIELDS:
        setattr(agreement, name, _text(getattr(data, name)))
    for name, _, _ in TERM_FIELDS:
        setattr(agreement, name, canonical(name, getattr(data, name)))
    agreement.languages = [language.strip() for language in data.languages if language.strip()]
    agreement.summary = data.summary.strip()
    agreement.notes = data.notes.strip()
    with session.no_autoflush:
        agreement.participations = [
            _participation(session, position, item)
            for position, item in enumerate(p for p in data.parties if p.party.strip())
        ]
        fields = [resolve_field(session, path) for path in data.fields]
        agreement.fields = list({id(f): f for f in fields}.values())
    agreement.milestones = [
        Milestone(
            kind=MilestoneKind.parse(m.kind),
            on=PartialDate.parse_optional(m.on),
            description=m.description.strip(),
            position=position,
        )
        for position, m in enumerate(data.milestones)
    ]
    agreement.relations = [
        Relation(type=RelationType.parse(r.type), other_id=r.other_id) for r in data.relations
    ]


def _participation(session: Session, position: int, item: ParticipationInput) -> Participation:
    party = resolve_party(session, item.party, PartyKind.parse(item.party_kind))
    return Participation(
        party=party,
        role=Role.parse(item.role),
        signatory_name=_text(item.signatory_name),
        signatory_title=_text(item.signatory_title),
        position=position,
        actions=[
            Action(
                type=ActionType.parse(action.type),
                deposited_on=PartialDate.parse_optional(action.deposited_on),
                effective_on=PartialDate.parse_optional(action.effective_on),
                text=_text(action.text),
                position=number,
            )
            for number, action in enumerate(item.actions)
        ],
    )


def to_input(agreement: Agreement) -> AgreementInput:
    """The stored agreement as an input (for editing, duplicating and undoing a delete)."""

    def iso(value: PartialDate | None) -> str:
        return value.iso() if value else ""

    return AgreementInput(
        title=agreement.title,
        kind=agreement.kind.value,
        level=agreement.level.value,
        status=agreement.status.value,
        binding=agreement.binding,
        short_title=agreement.short_title or "",
        alternative_titles=list(agreement.alternative_titles or []),
        signed_on=iso(agreement.signed_on),
        signed_at=agreement.signed_at or "",
        entry_into_force=iso(agreement.entry_into_force),
        entry_into_force_rule=agreement.entry_into_force_rule or "",
        expires_on=iso(agreement.expires_on),
        duration=agreement.duration or "",
        renewal=agreement.renewal or "",
        duration_term=agreement.duration_term or "",
        renewal_term=agreement.renewal_term or "",
        notice_term=agreement.notice_term or "",
        entry_into_force_term=agreement.entry_into_force_term or "",
        terminated_on=iso(agreement.terminated_on),
        termination_grounds=agreement.termination_grounds or "",
        depositary=agreement.depositary or "",
        languages=list(agreement.languages or []),
        un_registration=agreement.un_registration or "",
        summary=agreement.summary,
        notes=agreement.notes,
        source_citation=agreement.source_citation or "",
        source_url=agreement.source_url or "",
        parties=[
            ParticipationInput(
                party=party_reference(p.party.name, p.party.iso3, p.party.org_code),
                role=p.role.value,
                signatory_name=p.signatory_name or "",
                signatory_title=p.signatory_title or "",
                party_kind=p.party.kind.value,
                actions=[
                    ActionInput(
                        type=a.type.value,
                        deposited_on=iso(a.deposited_on),
                        effective_on=iso(a.effective_on),
                        text=a.text or "",
                    )
                    for a in p.actions
                ],
            )
            for p in agreement.participations
        ],
        fields=[field_path(f) for f in agreement.fields],
        milestones=[
            MilestoneInput(kind=m.kind.value, on=iso(m.on), description=m.description)
            for m in agreement.milestones
        ],
        relations=[
            RelationInput(type=r.type.value, other_id=r.other_id) for r in agreement.relations
        ],
    )

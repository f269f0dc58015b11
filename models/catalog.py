"""Looking after parties and fields: rename, merge two spellings into one, delete unused."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from models.changes import Changes
from models.fields import PATH_SEPARATOR, SEPARATOR
from models.history import FIELD, PARTY, plural, quoted, step
from models.limits import (
    FIELD_NAME_MAX,
    field_key_problem,
    name_problem,
    party_name_problem,
    surrogate_problem,
)
from models.messages import (
    STEP_FIELD_DELETION,
    STEP_FIELD_MERGE,
    STEP_FIELD_RENAME,
    STEP_PARTY_DELETION,
    STEP_PARTY_MERGE,
    STEP_PARTY_RENAME,
    fill,
)
from models.parties import add_alias
from models.schema import Field, Participation, Party, PartyAlias, agreement_fields
from models.search_index import update_search_index
from models.text import fold


class CatalogError(ValueError):
    """A rename, merge or delete that can't be done; the message says why."""


def party_usage(session: Session, party_id: int) -> int:
    statement = select(func.count()).where(Participation.party_id == party_id)
    return session.scalar(statement) or 0


def rename_party(session: Session, party_id: int, name: str) -> Changes:
    """Give a party a new name; the old name stays an alias, so imports still find it."""
    party = _party(session, party_id)
    with step(session, fill(STEP_PARTY_RENAME, quoted(party.name))) as recording:
        recording.touch([party_id], PARTY)
        _rename_party(session, party, name)
    return recording.changes


def _rename_party(session: Session, party: Party, name: str) -> None:
    party_id = party.id
    cleaned = " ".join(name.split())
    if not cleaned:
        raise CatalogError("a party needs a name")
    problem = surrogate_problem(cleaned) or party_name_problem(cleaned)
    if problem:
        raise CatalogError(problem)
    owner = session.scalar(select(PartyAlias.party_id).where(PartyAlias.key == fold(cleaned)))
    if owner is not None and owner != party_id:
        other = _party(session, owner)
        raise CatalogError(
            f"'{cleaned}' already names the party '{other.name}'; merge them instead"
        )
    party.name = cleaned
    add_alias(session, party, cleaned)
    session.flush()
    _reindex_party(session, party_id)


def merge_parties(session: Session, source_id: int, target_id: int) -> Changes:
    """Fold *source* into *target*: its links, actions and spellings move; source is deleted."""
    if source_id == target_id:
        raise CatalogError("a party can't be merged into itself")
    source, target = _party(session, source_id), _party(session, target_id)
    label = fill(STEP_PARTY_MERGE, quoted(source.name), quoted(target.name))
    with step(session, label) as recording:
        recording.touch([source_id, target_id], PARTY)
        recording.touch(_agreements_of_party(session, source_id))
        _merge_parties(session, source, target)
    return recording.changes


def _merge_parties(session: Session, source: Party, target: Party) -> None:
    source_id, target_id = source.id, target.id
    if source.iso3 and target.iso3:
        raise CatalogError(f"'{source.name}' and '{target.name}' are two different states")
    if source.org_code and target.org_code:
        raise CatalogError(f"'{source.name}' and '{target.name}' are two different organisations")
    if (source.iso3 and target.org_code) or (source.org_code and target.iso3):
        raise CatalogError(f"'{source.name}' and '{target.name}': a state and an organisation")
    shared = select(Participation.agreement_id).where(Participation.party_id == target_id)
    both = session.scalar(
        select(func.count()).where(
            Participation.party_id == source_id, Participation.agreement_id.in_(shared)
        )
    )
    if both:
        raise CatalogError(
            f"'{source.name}' and '{target.name}' both take part in {plural(both, 'agreement')}; "
            "edit those first so that only one of them is listed"
        )
    affected = _agreements_of_party(session, source_id)
    session.execute(
        update(Participation).where(Participation.party_id == source_id).values(party_id=target_id)
    )
    session.execute(
        update(PartyAlias).where(PartyAlias.party_id == source_id).values(party_id=target_id)
    )
    # The identity (a state's ISO code, a known organisation's code) moves with the party,
    # so that every spelling of it still finds the merged one.
    if target.iso3 is None and source.iso3:
        target.iso3, target.kind, target.name = source.iso3, source.kind, source.name
        source.iso3 = None
        session.flush()
    if target.org_code is None and source.org_code:
        target.org_code, target.kind, target.name = source.org_code, source.kind, source.name
        source.org_code = None
        session.flush()
    session.expire_all()
    session.execute(delete(Party).where(Party.id == source_id))
    session.flush()
    update_search_index(session.connection(), affected)


def delete_party(session: Session, party_id: int) -> Changes:
    party = _party(session, party_id)
    used = party_usage(session, party_id)
    if used:
        raise CatalogError(
            f"'{party.name}' takes part in {plural(used, 'agreement')}; it can't be deleted"
        )
    with step(session, fill(STEP_PARTY_DELETION, quoted(party.name))) as recording:
        recording.touch([party_id], PARTY)
        session.delete(party)
    return recording.changes


def field_usage(session: Session, field_id: int) -> int:
    statement = select(func.count()).where(agreement_fields.c.field_id == field_id)
    return session.scalar(statement) or 0


def rename_field(session: Session, field_id: int, name: str) -> Changes:
    item = _field(session, field_id)
    with step(session, fill(STEP_FIELD_RENAME, quoted(item.name))) as recording:
        below = Field.key.startswith(item.key + PATH_SEPARATOR, autoescape=True)
        recording.touch([field_id, *session.scalars(select(Field.id).where(below))], FIELD)
        _rename_field(session, item, name)
    return recording.changes


def _rename_field(session: Session, item: Field, name: str) -> None:
    field_id = item.id
    cleaned = " ".join(name.replace(SEPARATOR, " ").split())
    problem = name_problem(cleaned, FIELD_NAME_MAX, "field")
    if problem:
        raise CatalogError(problem)
    prefix = item.key.rsplit(PATH_SEPARATOR, 1)[0] + PATH_SEPARATOR if item.parent_id else ""
    new_key = prefix + fold(cleaned)
    clash = session.scalar(select(Field).where(Field.key == new_key, Field.id != field_id))
    if clash is not None:
        raise CatalogError(f"a field named '{cleaned}' already exists there; merge them instead")
    old_key = item.key
    # autoescape: '_' in a name is no wildcard.
    below = Field.key.startswith(old_key + PATH_SEPARATOR, autoescape=True)
    children = list(session.scalars(select(Field).where(below)))
    # The longest path below grows with the name: it must still fit its column.
    longest = max([new_key, *(new_key + child.key[len(old_key) :] for child in children)], key=len)
    problem = field_key_problem(longest, longest)
    if problem:
        raise CatalogError(problem)
    item.name, item.key = cleaned, new_key
    for child in children:
        child.key = new_key + child.key[len(old_key) :]
    session.flush()


def merge_fields(session: Session, source_id: int, target_id: int) -> Changes:
    """Move every agreement of *source* to *target*, then delete *source* (with no subfields)."""
    if source_id == target_id:
        raise CatalogError("a field can't be merged into itself")
    source, target = _field(session, source_id), _field(session, target_id)
    if session.scalar(select(func.count()).where(Field.parent_id == source_id)):
        raise CatalogError(f"'{source.name}' has subfields; move or merge them first")
    label = fill(STEP_FIELD_MERGE, quoted(source.name), quoted(target.name))
    with step(session, label) as recording:
        recording.touch([source_id, target_id], FIELD)
        users = select(agreement_fields.c.agreement_id).where(
            agreement_fields.c.field_id == source_id
        )
        recording.touch(session.scalars(users))
        _merge_fields(session, source_id, target)
    return recording.changes


def _merge_fields(session: Session, source_id: int, target: Field) -> None:
    target_id = target.id
    already = select(agreement_fields.c.agreement_id).where(
        agreement_fields.c.field_id == target_id
    )
    session.execute(
        delete(agreement_fields).where(
            agreement_fields.c.field_id == source_id, agreement_fields.c.agreement_id.in_(already)
        )
    )
    session.execute(
        update(agreement_fields)
        .where(agreement_fields.c.field_id == source_id)
        .values(field_id=target.id)
    )
    session.expire_all()
    session.execute(delete(Field).where(Field.id == source_id))


def delete_field(session: Session, field_id: int) -> Changes:
    item = _field(session, field_id)
    used = field_usage(session, field_id)
    if used:
        raise CatalogError(
            f"'{item.name}' is the field of {plural(used, 'agreement')}; it can't be deleted"
        )
    if session.scalar(select(func.count()).where(Field.parent_id == field_id)):
        raise CatalogError(f"'{item.name}' has subfields; delete them first")
    with step(session, fill(STEP_FIELD_DELETION, quoted(item.name))) as recording:
        recording.touch([field_id], FIELD)
        session.delete(item)
    return recording.changes


def _party(session: Session, party_id: int) -> Party:
    party = session.get(Party, party_id)
    if party is None:
        raise CatalogError(f"party {party_id} no longer exists")
    return party


def _field(session: Session, field_id: int) -> Field:
    item = session.get(Field, field_id)
    if item is None:
        raise CatalogError(f"field {field_id} no longer exists")
    return item


def _agreements_of_party(session: Session, party_id: int) -> list[int]:
    return list(
        session.scalars(
            select(Participation.agreement_id).where(Participation.party_id == party_id)
        )
    )


def _reindex_party(session: Session, party_id: int) -> None:
    update_search_index(session.connection(), _agreements_of_party(session, party_id))

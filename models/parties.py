"""Resolving what users type ('Russia', 'RUS', 'Германия', 'EU') to one party each.

States come from ISO 3166 through pycountry, by alpha-2 or alpha-3 code (historic codes
such as TMP and SUN too), official, common and short names, the usual short forms and
the names pycountry's translations give them (Russian, Kazakh, Uzbek, Turkish, French …).
International organisations come from a curated list (models.organisations). Either is
one party whatever spelling it arrives in; anything else becomes a party of its own.
"""

from __future__ import annotations

import difflib
import gettext
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeVar

import pycountry
from sqlalchemy import Connection, Table, delete, insert, select
from sqlalchemy.orm import Session

from models.fields import insert_ignoring
from models.organisations import CODE_PREFIX, Organisation, organisation_keys, organisations
from models.schema import Party, PartyAlias, utcnow
from models.text import fold
from models.vocab import PartyKind

_T = TypeVar("_T")

# Short forms in everyday and diplomatic use that pycountry does not carry.
USUAL_NAMES: dict[str, tuple[str, ...]] = {
    "RUS": ("Russia",),
    "TUR": ("Turkey", "Turkiye"),
    "GBR": ("UK", "Great Britain", "Britain"),
    "USA": ("US", "United States of America", "America"),
    "KOR": ("Korea, South", "ROK", "Republic of Korea"),
    "PRK": ("Korea, North", "DPRK"),
    "IRN": ("Iran",),
    "SYR": ("Syria",),
    "CZE": ("Czech Republic",),
    "CIV": ("Ivory Coast",),
    "CPV": ("Cape Verde",),
    "SWZ": ("Swaziland",),
    "MKD": ("Macedonia", "FYROM"),
    "MMR": ("Burma",),
    "VAT": ("Holy See", "Vatican"),
    "PSE": ("Palestine",),
    "COD": ("DR Congo", "DRC", "Democratic Republic of the Congo", "Congo-Kinshasa"),
    "COG": ("Republic of the Congo", "Congo-Brazzaville"),
    "FSM": ("Micronesia",),
    "MDA": ("Moldova",),
    "VEN": ("Venezuela",),
    "NLD": ("Holland",),
    "ARE": ("UAE", "Emirates"),
    "TLS": ("East Timor",),
    "KAZ": ("Qazaqstan", "Қазақстан", "Казахстан"),
    "UZB": ("Oʻzbekiston", "Ўзбекистон", "Узбекистан"),
    "KGZ": ("Kyrgyz Republic",),
    "SUN": ("USSR", "Soviet Union", "СССР", "Советский Союз"),
}
# How a state is shown when pycountry's name reads like an index entry ('Congo, The …').
DISPLAY_NAMES: dict[str, str] = {
    "COD": "Democratic Republic of the Congo",
    "VAT": "Holy See",
    "PSE": "State of Palestine",
    "FSM": "Micronesia (Federated States of)",
    "SUN": "USSR",
    "YUG": "Yugoslavia",
    "CSK": "Czechoslovakia",
    "DDR": "German Democratic Republic",
}


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    spellings: tuple[str, ...]


@cache
def countries() -> dict[str, Country]:
    """Every ISO 3166 state (current and historic), by alpha-3 code."""
    found: dict[str, Country] = {}
    for record in [*pycountry.countries, *pycountry.historic_countries]:
        iso3 = record.alpha_3
        if iso3 in found:
            continue
        common = getattr(record, "common_name", None)
        official = getattr(record, "official_name", None)
        name = DISPLAY_NAMES.get(iso3) or common or record.name
        if "," in name and official:
            name = official
        spellings = [iso3, record.name, name, *USUAL_NAMES.get(iso3, ())]
        alpha_2 = getattr(record, "alpha_2", None)
        if alpha_2:
            spellings.append(alpha_2)
        spellings.extend(spelling for spelling in (common, official) if spelling)
        found[iso3] = Country(iso3, name, tuple(dict.fromkeys(spellings)))
    return found


# Languages whose ISO 3166 names (pycountry's gettext catalogs) resolve to states: those
# of the region the app was made for, the UN's official ones, and the big European ones.
TRANSLATED = (
    "ru", "kk", "uz", "ky", "tg", "tk", "az", "uk", "be", "tr",
    "fr", "de", "es", "it", "pt", "ar", "fa", "zh_CN",
)  # fmt: skip
_NAME_ATTRIBUTES = ("name", "official_name", "common_name")


def _key(name: str) -> str:
    return fold(" ".join(name.split()))


@cache
def _country_keys() -> dict[str, str]:
    """Folded English spelling or code -> alpha-3 code."""
    keys: dict[str, str] = {}
    for country in countries().values():
        for spelling in country.spellings:
            keys.setdefault(_key(spelling), country.iso3)
    return keys


@cache
def _translated_keys() -> dict[str, str]:
    """Folded name in another language -> alpha-3, built on first use (about 0.1 s).

    English spellings and codes come first; a current state before a historic one
    ('Восточный Тимор' is Timor-Leste, not TMP); a name two states of the same kind
    share in different languages is left out rather than guessed.
    """
    english = _country_keys()
    current = list(pycountry.countries)
    historic = [record for record in pycountry.historic_countries if record.alpha_3 not in english]
    catalogs = [_catalog(language) for language in TRANSLATED]
    found: dict[str, str] = {}
    for records in (current, [r for r in historic if r.alpha_3 in countries()]):
        tier: dict[str, str] = {}
        shared: set[str] = set()
        for catalog in filter(None, catalogs):
            for record in records:
                for spelling in _translations(catalog, record):
                    key = _key(spelling)
                    if key in english or key in found:
                        continue
                    if tier.setdefault(key, record.alpha_3) != record.alpha_3:
                        shared.add(key)
        found.update((key, iso3) for key, iso3 in tier.items() if key not in shared)
    return found


def _catalog(language: str) -> gettext.NullTranslations | None:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return None  # a pycountry without this language


def _translations(catalog: gettext.NullTranslations, record: Any) -> Iterable[str]:
    """The record's names in the catalog's language, leaving out those it does not translate."""
    for attribute in _NAME_ATTRIBUTES:
        english = getattr(record, attribute, None)
        translated = catalog.gettext(english) if english else english
        if translated and translated != english:  # an English name is a key already
            yield translated


# ----------------------------------------------------------------- identities


@dataclass(frozen=True)
class Identity:
    """A party the app knows before anyone records it: an ISO state or a curated organisation."""

    code: str  # what files write: 'KAZ', 'TMP' or 'org:EU'
    name: str  # how it is shown
    kind: PartyKind
    spellings: tuple[str, ...]
    iso3: str | None = None
    org_code: str | None = None


def _state(country: Country) -> Identity:
    return Identity(country.iso3, country.name, PartyKind.STATE, country.spellings, country.iso3)


def _organisation(organisation: Organisation) -> Identity:
    return Identity(
        organisation.exchange_code,
        organisation.name,
        PartyKind.ORGANIZATION,
        organisation.spellings,
        org_code=organisation.code,
    )


@lru_cache(maxsize=65536)  # a file of 100,000 rows names a few hundred parties, over and over
def find_identity(name: str) -> Identity | None:
    """The state or curated organisation a name, abbreviation or code means, or None.

    English names and ISO codes first, then organisations, then state names in other
    languages. A two-letter ISO code gives way to an organisation's abbreviation: in
    treaty work 'AU' is the African Union (Australia is AUS).
    """
    key = _key(name)
    if not key:
        return None
    code = organisation_keys().get(key)
    organisation = organisations()[code] if code else None
    iso3 = _country_keys().get(key)
    if iso3 is not None and not (organisation is not None and len(key) == 2):
        return _state(countries()[iso3])
    if organisation is not None:
        return _organisation(organisation)
    iso3 = _translated_keys().get(key)
    return _state(countries()[iso3]) if iso3 else None


def identity_of(code: str) -> Identity | None:
    """The identity an exported code names ('TMP', 'org:EU'), or None for an unknown code."""
    text = code.strip()
    if text[: len(CODE_PREFIX)].lower() == CODE_PREFIX:
        organisation = organisations().get(text[len(CODE_PREFIX) :].upper())
        return _organisation(organisation) if organisation else None
    country = countries().get(text.upper())
    return _state(country) if country else None


def party_identity(name: str) -> str:
    """What makes two spellings one party before anything is recorded: a code, else the name."""
    identity = find_identity(name)
    return identity.code if identity else _key(name)


def find_country(name: str) -> Country | None:
    """The state a name (in any language pycountry translates) or ISO code means, or None."""
    identity = find_identity(name)
    return countries()[identity.iso3] if identity and identity.iso3 else None


def exchange_code(iso3: str | None, org_code: str | None) -> str | None:
    """The code a file writes for a recorded party's identity, or None if it has none."""
    return iso3 or (f"{CODE_PREFIX}{org_code}" if org_code else None)


def party_reference(name: str, iso3: str | None, org_code: str | None) -> str:
    """What to write for a recorded party so that it reads back as itself.

    Its name, or its code where the name alone would mean another party (or none): the
    historic state TMP is called 'East Timor', which today is Timor-Leste.
    """
    code = exchange_code(iso3, org_code)
    if code is None:
        return name
    named = find_identity(name)
    return name if named is not None and named.code == code else code


# ----------------------------------------------------------------- recorded parties


def find_party(session: Session, name: str) -> Party | None:
    """The recorded party a spelling or code names, without creating anything."""
    key = _key(name)
    if not key:
        return None
    party = session.scalar(select(Party).join(PartyAlias).where(PartyAlias.key == key))
    if party is None:
        alias = _pending(session, PartyAlias, "key", key)
        party = alias.party if alias is not None else None
    if party is not None:
        return party
    identity = find_identity(name)
    return recorded_party(session, identity) if identity else None


def recorded_party(session: Session, identity: Identity) -> Party | None:
    """The party recorded for a state or organisation, if there is one."""
    attribute = "iso3" if identity.iso3 else "org_code"
    value = identity.iso3 or identity.org_code
    found = session.scalar(select(Party).where(getattr(Party, attribute) == value))
    return found or _pending(session, Party, attribute, value)  # type: ignore[arg-type]  # an identity has a code


def _pending(session: Session, kind: type[_T], attribute: str, value: str) -> _T | None:
    """A party or alias added in this session and not yet flushed (by a rename or merge).

    Services resolve parties with autoflush off, so a query alone would miss it.
    """
    pending = (item for item in session.new if isinstance(item, kind))
    return next((item for item in pending if getattr(item, attribute) == value), None)


def resolve_party(session: Session, name: str, kind: PartyKind = PartyKind.ORGANIZATION) -> Party:
    """The party for *name* (or an exported code), created with its spellings if it is new.

    A state or curated organisation is recognized whatever its spelling; an unknown
    name becomes a party of *kind*, never a second party for a state. A party another
    session creates at the same moment is used, not created twice (see _insert_party).
    """
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValueError("a party needs a name")
    with session.no_autoflush:
        party = find_party(session, cleaned)
        if party is None:
            return _create_party(session, cleaned, kind, find_identity(cleaned))
        if _key(cleaned) in {alias.key for alias in party.aliases}:
            return party
        if party.id is None:  # made a moment ago by a rename or merge, not yet stored
            add_alias(session, party, cleaned)
        elif _claim_aliases(session.connection(), party.id, [cleaned]):
            session.expire(party, ["aliases"])
    return party


def _create_party(
    session: Session, cleaned: str, kind: PartyKind, identity: Identity | None
) -> Party:
    connection = session.connection()
    if identity is not None:
        values: dict[str, Any] = {"name": identity.name, "kind": identity.kind}
        values |= {"iso3": identity.iso3, "org_code": identity.org_code}
        # A spelling that names another party is not this one's: the historic state TMP is
        # called 'East Timor', which today means Timor-Leste (TLS), as validate() has it.
        spellings = [
            spelling
            for spelling in (*identity.spellings, cleaned)
            if (other := find_identity(spelling)) is None or other.code == identity.code
        ]
        party_id = _insert_party(connection, values, spellings)
    else:
        party_id = _insert_party(connection, {"name": cleaned, "kind": kind}, (cleaned,))
    party = session.get(Party, party_id)
    assert party is not None
    return party


_PARTIES: Table = Party.__table__
_ALIASES: Table = PartyAlias.__table__


def _insert_party(connection: Connection, values: dict[str, Any], spellings: Iterable[str]) -> int:
    """Insert a party and its spellings now; if another session just did, use theirs.

    INSERT … ON CONFLICT DO NOTHING waits for the other transaction (PostgreSQL: on the
    unique key; SQLite: for the write lock) and then does nothing, so two saves that
    create the same party at the same moment both succeed. No savepoint: Python's
    sqlite3 would commit the transaction when the outermost one is released.
    """
    row = {**values, "created_at": utcnow()}
    identity = next((name for name in ("iso3", "org_code") if values.get(name)), None)
    if identity:
        connection.execute(insert_ignoring(connection, _PARTIES).values(row))
        column = _PARTIES.c[identity]
        party_id: int = connection.execute(
            select(_PARTIES.c.id).where(column == values[identity])
        ).scalar_one()
        _claim_aliases(connection, party_id, spellings)
        return party_id
    party_id = connection.execute(
        insert(_PARTIES).values(row).returning(_PARTIES.c.id)
    ).scalar_one()
    name_key = _key(values["name"])
    if not _claim_aliases(connection, party_id, [values["name"]]):
        # Another session recorded this name a moment ago: drop ours and use theirs.
        connection.execute(delete(_PARTIES).where(_PARTIES.c.id == party_id))
        theirs: int = connection.execute(
            select(_ALIASES.c.party_id).where(_ALIASES.c.key == name_key)
        ).scalar_one()
        return theirs
    _claim_aliases(connection, party_id, spellings)
    return party_id


def _claim_aliases(connection: Connection, party_id: int, spellings: Iterable[str]) -> int:
    """Record the spellings no party holds yet as *party_id*'s; return how many were new."""
    rows = {_key(spelling): spelling for spelling in reversed(list(spellings)) if _key(spelling)}
    added = 0
    for key, spelling in reversed(rows.items()):
        statement = insert_ignoring(connection, _ALIASES).values(
            party_id=party_id, alias=spelling, key=key
        )
        added += connection.execute(statement).rowcount
    return added


def add_alias(session: Session, party: Party, spelling: str) -> None:
    """Record another spelling of *party*, unless it already names a party."""
    key = _key(spelling)
    if not key or key in {alias.key for alias in party.aliases}:
        return
    with session.no_autoflush:
        taken = session.scalar(select(PartyAlias).where(PartyAlias.key == key))
    if taken is None and _pending(session, PartyAlias, "key", key) is None:
        party.aliases.append(PartyAlias(alias=spelling, key=key))


# ----------------------------------------------------------------- suggestions


def suggest_parties(session: Session, name: str, limit: int = 3) -> list[str]:
    """Close spellings among recorded parties, ISO states and organisations, for 'did you mean'."""
    recorded = {
        fold(alias): party
        for alias, party in session.execute(select(PartyAlias.alias, Party.name).join(Party))
    }
    candidates = {**_known_names(), **recorded}
    close = difflib.get_close_matches(fold(name), list(candidates), n=limit * 3, cutoff=0.6)
    return list(dict.fromkeys(candidates[key] for key in close))[:limit]


def known_names() -> list[str]:
    """The names of every state and curated organisation, to offer as completions."""
    return list(dict.fromkeys(_known_names().values()))


@cache
def _known_names() -> dict[str, str]:
    """Folded spelling -> display name of every state and curated organisation.

    Names only, no codes or abbreviations: 'RUS' is no misspelling of 'RUA'.
    """
    names: dict[str, str] = {}
    known: list[Country | Organisation] = [*countries().values(), *organisations().values()]
    for item in known:
        for spelling in item.spellings:
            if len(spelling) > 5 and not spelling.startswith(CODE_PREFIX):
                names.setdefault(fold(spelling), item.name)
    for item in known:
        names[fold(item.name)] = item.name
    return names


# A name this close to a state's or organisation's (difflib's ratio) and resolving to
# nothing is taken for a misspelling: 'Uzbekistn' (0.95), 'Rusia' (0.91), but not the
# African Development Fund for the African Development Bank (0.88): both are real.
MISSPELT = 0.9


def misspelt(name: str) -> str | None:
    """The state or organisation *name* looks like a misspelling of, or None."""
    key = _key(name)
    if len(key) < 4 or find_identity(name) is not None:
        return None
    names = _known_names()
    close = difflib.get_close_matches(key, list(names), n=1, cutoff=MISSPELT)
    return names[close[0]] if close else None


def doubtful_parties(session: Session, names: Iterable[str]) -> dict[str, str]:
    """Names that would become new parties but look misspelt: name -> 'did you mean' name."""
    found: dict[str, str] = {}
    for name in names:
        cleaned = " ".join(name.split())
        if not cleaned or cleaned in found:
            continue
        suggestion = misspelt(cleaned)
        if suggestion is not None and find_party(session, cleaned) is None:
            found[cleaned] = suggestion
    return found

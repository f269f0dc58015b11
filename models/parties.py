"""Resolving what users type ('Russia', 'RUS', 'Türkiye', 'UN') to one party each.

States come from ISO 3166 through pycountry, by alpha-2 or alpha-3 code, official,
common and short names, and the usual short forms. One state is one party whatever
spelling it arrives in; anything else becomes an organization or government body.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

import pycountry
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.schema import Party, PartyAlias
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
    "SUN": ("USSR", "Soviet Union"),
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


@cache
def _country_keys() -> dict[str, str]:
    """Folded spelling -> alpha-3 code."""
    keys: dict[str, str] = {}
    for country in countries().values():
        for spelling in country.spellings:
            keys.setdefault(fold(spelling).strip(), country.iso3)
    return keys


def find_country(name: str) -> Country | None:
    """The state a name or ISO code means, or None."""
    iso3 = _country_keys().get(" ".join(fold(name).split()))
    return countries()[iso3] if iso3 else None


def find_party(session: Session, name: str) -> Party | None:
    """The recorded party a spelling or code names, without creating anything."""
    key = fold(name).strip()
    if not key:
        return None
    party = session.scalar(select(Party).join(PartyAlias).where(PartyAlias.key == key))
    if party is None:
        alias = _pending(session, PartyAlias, "key", key)
        party = alias.party if alias is not None else None
    if party is not None:
        return party
    country = find_country(name)
    if country is not None:
        found = session.scalar(select(Party).where(Party.iso3 == country.iso3))
        return found or _pending(session, Party, "iso3", country.iso3)
    return None


def _pending(session: Session, kind: type[_T], attribute: str, value: str) -> _T | None:
    """A party or alias added in this session and not yet flushed.

    Services resolve parties with autoflush off, so a query alone would miss a party made
    a moment ago for another spelling, and a second party for the same state would follow.
    """
    pending = (item for item in session.new if isinstance(item, kind))
    return next((item for item in pending if getattr(item, attribute) == value), None)


def resolve_party(session: Session, name: str, kind: PartyKind = PartyKind.ORGANIZATION) -> Party:
    """The party for *name*, created (with its spellings as aliases) if it is new.

    A state is recognized whatever its spelling; an unknown name becomes a party of
    *kind*, never a second party for a state.
    """
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValueError("a party needs a name")
    party = find_party(session, cleaned)
    if party is None:
        country = find_country(cleaned)
        if country is not None:
            party = Party(name=country.name, kind=PartyKind.STATE, iso3=country.iso3)
            spellings: tuple[str, ...] = country.spellings
        else:
            party = Party(name=cleaned, kind=kind, iso3=None)
            spellings = (cleaned,)
        session.add(party)
        for spelling in (*spellings, cleaned):
            add_alias(session, party, spelling)
    elif fold(cleaned).strip() not in {alias.key for alias in party.aliases}:
        add_alias(session, party, cleaned)
    return party


def add_alias(session: Session, party: Party, spelling: str) -> None:
    """Record another spelling of *party*, unless it already names a party."""
    key = fold(spelling).strip()
    if not key or key in {alias.key for alias in party.aliases}:
        return
    with session.no_autoflush:
        taken = session.scalar(select(PartyAlias).where(PartyAlias.key == key))
    if taken is None and _pending(session, PartyAlias, "key", key) is None:
        party.aliases.append(PartyAlias(alias=spelling, key=key))


def suggest_parties(session: Session, name: str, limit: int = 3) -> list[str]:
    """Close spellings among recorded parties and ISO states, for 'did you mean …?'."""
    recorded = {
        fold(alias): party
        for alias, party in session.execute(select(PartyAlias.alias, Party.name).join(Party))
    }
    candidates = {**{fold(c.name): c.name for c in countries().values()}, **recorded}
    close = difflib.get_close_matches(fold(name), list(candidates), n=limit * 3, cutoff=0.6)
    return list(dict.fromkeys(candidates[key] for key in close))[:limit]

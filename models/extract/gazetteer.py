"""Parties and places named in an article: states, organisations, capitals and cities.

States come from pycountry (English names, the usual short forms models.parties knows,
and the Russian names of its translations) and models/data/gazetteer.json (adjectives,
Russian forms, capitals and major cities); organisations from models/data/organisations.json.
Russian words change their endings ('Казахстан', 'Казахстана', 'в Казахстане'): a spelling
ending in '*' matches its stem with up to four more letters.
"""

from __future__ import annotations

import gettext
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycountry

from models.organisations import organisations
from models.parties import USUAL_NAMES, countries
from models.text import fold

DATA = Path(__file__).parent.parent / "data" / "gazetteer.json"
_APOSTROPHES = re.compile("[ʻʼ'’‘`´ʹ]")
_JOINERS = re.compile("[-‐‑‒–—]")
# Abbreviations are matched in the text as written: 'US' is a state, 'us' a pronoun.
_ACRONYM = re.compile(r"^[A-ZА-Я.]{2,6}$")


def norm(text: str) -> str:
    """Folded text, apostrophes and hyphens as spaces ('Kazakhstan’s' -> 'kazakhstan s')."""
    return fold(_JOINERS.sub(" ", _APOSTROPHES.sub(" ", text)))


@lru_cache(maxsize=1024)  # a sentence is read for parties, places, documents and dates
def norm_aligned(text: str) -> str:
    """norm() letter by letter, so a position in the result is the same in *text*."""
    return "".join(_norm_char(char) for char in text)


@lru_cache(maxsize=4096)
def _norm_char(char: str) -> str:
    folded = norm(char)
    return folded[:1] if folded else " "


@dataclass(frozen=True)
class Place:
    """A city of the gazetteer: its name as shown, its state, and whether it is the capital."""

    name: str
    iso3: str
    capital: bool


@dataclass(frozen=True)
class Mention:
    """A party or place named in a (normalised) sentence, with where and how."""

    party: str  # the party's name as Treaty Tracker shows it ('Kazakhstan', 'European Union')
    how: str  # 'name', 'adjective', 'organisation' or 'city'
    start: int
    end: int
    place: Place | None = None


def _russian_stem(name: str) -> str:
    """'Казахстан' -> 'Казахстан*', 'Турция' -> 'Турци*': a pycountry name as it declines."""
    words = []
    for word in name.split():
        if len(word) > 5 and word[-2:] in ("ий", "ый", "ой", "ая", "ое", "ые", "ие"):
            word = word[:-2]
        elif len(word) > 4 and word[-1] in "аяйьое":
            word = word[:-1]
        words.append(word + "*")
    return " ".join(words)


@cache
def _russian_names() -> dict[str, list[str]]:
    try:
        catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:
        return {}
    found: dict[str, list[str]] = {}
    for record in pycountry.countries:
        for attribute in ("name", "common_name"):
            english = getattr(record, attribute, None)
            translated = catalog.gettext(english) if english else None
            if translated and translated != english and "," not in translated:
                found.setdefault(record.alpha_3, []).append(_russian_stem(translated))
    return found


@cache
def _gazetteer() -> dict[str, dict[str, Any]]:
    states: dict[str, dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))["states"]
    return states


@cache
def places() -> dict[str, Place]:
    """Every gazetteer city by its name as shown."""
    found = {}
    for iso3, entry in _gazetteer().items():
        for number, name in enumerate(entry.get("cities", {})):
            found[name] = Place(name, iso3, capital=number == 0 or name == "Nur-Sultan")
    return found


@dataclass(frozen=True)
class _Entry:
    party: str
    how: str
    place: Place | None
    capital: bool = (
        True  # written with a capital letter ('Turkey', not 'turkey'; 'Того', not 'того')
    )


_TOKEN = re.compile(r"[^\W_]+")
# A stem ('казахстан*') is looked up by its first letters; shorter stems are exact words.
_STEM_KEY = 3


@dataclass(frozen=True)
class _Spelling:
    """A spelling as words of norm() text; a word ending in '*' is a stem (up to 4 more letters)."""

    words: tuple[str, ...]
    entry: _Entry

    def matches(self, tokens: list[str]) -> bool:
        if len(tokens) < len(self.words):
            return False
        for word, token in zip(self.words, tokens, strict=False):
            if word.endswith("*"):
                stem = word[:-1]
                if not (token.startswith(stem) and len(token) - len(stem) <= 4):
                    return False
            elif token != word:
                return False
        return True


@dataclass
class _Index:
    exact: dict[str, list[_Spelling]]
    stems: dict[str, list[_Spelling]]
    acronyms: re.Pattern[str]
    acronym_entries: dict[str, _Entry]


@cache
def _index() -> _Index:
    """Every spelling by its first word (or stem), and one pattern for abbreviations."""
    exact: dict[str, list[_Spelling]] = {}
    stems: dict[str, list[_Spelling]] = {}
    acronyms: list[tuple[str, _Entry]] = []
    for spelling, entry in _spellings():
        if _ACRONYM.match(spelling):
            acronyms.append((re.escape(spelling), entry))
            continue
        if len(spelling) <= 3:
            continue
        words = tuple(
            token + ("*" if raw.endswith("*") else "")
            for raw in norm(spelling).split()
            for token in _TOKEN.findall(raw)
        )
        if not words:
            continue
        item = _Spelling(words, entry)
        first = words[0]
        if first.endswith("*") and len(first) > _STEM_KEY:
            stems.setdefault(first[:_STEM_KEY], []).append(item)
        else:
            exact.setdefault(first.rstrip("*"), []).append(item)
    for items in (*exact.values(), *stems.values()):
        items.sort(key=lambda item: -len(item.words))  # 'United States of America' first
    pattern, entries = _compile(acronyms)
    return _Index(exact, stems, pattern, entries)


def _spellings() -> list[tuple[str, _Entry]]:
    found: list[tuple[str, _Entry]] = []
    states = countries()
    russian = _russian_names()
    gazetteer = _gazetteer()
    for iso3, country in states.items():
        record = pycountry.countries.get(alpha_3=iso3)
        if record is None:
            continue  # historic states (USSR) are not parties to what is signed today
        entry = _Entry(country.name, "name", None)
        spellings = [*country.spellings, *USUAL_NAMES.get(iso3, ()), *russian.get(iso3, [])]
        for spelling in dict.fromkeys(spellings):
            # Codes are left out: 'IN', 'TO' and 'ME' are words in a headline in capitals.
            if "," not in spelling and spelling not in (iso3, record.alpha_2):
                found.append((spelling, entry))
        extra = gazetteer.get(iso3, {})
        for spelling in extra.get("adjectives", []):
            found.append((spelling, _Entry(country.name, "adjective", None)))
        for spelling in extra.get("ru", []):
            lower = spelling[:1].islower()  # Russian adjectives: 'казахстанский'
            how = "adjective" if lower else "name"
            found.append((spelling, _Entry(country.name, how, None, not lower)))
        for city, aliases in extra.get("cities", {}).items():
            place = places()[city]
            for spelling in (city, *aliases):
                found.append((spelling, _Entry(country.name, "city", place)))
    for organisation in organisations().values():
        entry = _Entry(organisation.name, "organisation", None)
        for spelling in organisation.spellings:
            if not spelling.startswith("org:"):
                plain = _ACRONYM.match(spelling)
                found.append((spelling if plain else _russian_or_plain(spelling), entry))
    return found


def _russian_or_plain(spelling: str) -> str:
    """Russian organisation names decline too ('Европейского союза')."""
    return _russian_stem(spelling) if re.search("[а-яА-Я]", spelling) else spelling


def _compile(items: list[tuple[str, _Entry]]) -> tuple[re.Pattern[str], dict[str, _Entry]]:
    items = sorted(items, key=lambda item: -len(item[0]))
    entries = {f"g{number}": entry for number, (_, entry) in enumerate(items)}
    body = "|".join(f"(?P<g{number}>{pattern})" for number, (pattern, _) in enumerate(items))
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_.])"), entries


def mentions(text: str) -> list[Mention]:
    """Every state, organisation and city named in *text*, in order, with positions in it."""
    return list(_mentions(text))


@lru_cache(maxsize=1024)  # each sentence is asked about parties, places and signatories
def _mentions(text: str) -> tuple[Mention, ...]:
    index = _index()
    folded = norm_aligned(text)
    tokens = list(_TOKEN.finditer(folded))
    words = [token.group() for token in tokens]
    found: list[Mention] = []
    position = 0
    while position < len(tokens):
        word = words[position]
        candidates = [*index.exact.get(word, ()), *index.stems.get(word[:_STEM_KEY], ())]
        rest = words[position : position + 6]
        best = max(
            (c for c in candidates if c.matches(rest) and _cased(text, tokens[position], c)),
            key=lambda c: len(c.words),
            default=None,
        )
        if best is None:
            position += 1
            continue
        last = tokens[position + len(best.words) - 1]
        entry = best.entry
        found.append(
            Mention(entry.party, entry.how, tokens[position].start(), last.end(), entry.place)
        )
        position += len(best.words)
    for match in index.acronyms.finditer(text):  # abbreviations as written: 'US', not 'us'
        entry = index.acronym_entries[match.lastgroup or ""]
        found.append(Mention(entry.party, entry.how, match.start(), match.end(), entry.place))
    return tuple(sorted(found, key=lambda mention: mention.start))


def _cased(text: str, token: re.Match[str], spelling: _Spelling) -> bool:
    return text[token.start()].isupper() or not spelling.entry.capital

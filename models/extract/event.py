"""Who signed, where: the parties, the place and the signatories a sentence names.

A state counts as a party when the sentence names it, calls someone by its adjective
('the Turkish foreign minister') or uses its capital for its government ('Ankara and
Baku signed'); not when it only attends ('in the presence of …'), is the source ('according
to …') or is where something is ('in Tashkent', 'Kazakhstan’s city of Turkistan').
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from models.extract.gazetteer import Mention, mentions, norm_aligned

# Spans whose states are not parties: witnesses, sources, places on the way.
_ASIDE = re.compile(
    r"(?:in the presence of|witnessed by|attended by|mediated by|brokered by|hosted by|"
    r"according to|said in|told|summit of|sidelines of|session of|meeting of|conference of|"
    r"в присутствии|при участии|при посредничестве|по словам|сообщает|сообщили в|"
    r"саммит[а-я]*|заседани[а-я]*|на полях)[^,;.]*"
)
# The word before a state or organisation that makes it a place ('a visit to Kazakhstan').
_LOCATION_WORDS = frozenset(
    [
        "in",
        "at",
        "to",
        "from",
        "into",
        "through",
        "via",
        "across",
        "during",
        "в",
        "во",
        "из",
        "через",
    ]
)
# The last word before a city that makes it a place, not a government ('in Baku').
_PLACE_WORDS = frozenset(
    [
        "in",
        "at",
        "to",
        "from",
        "near",
        "via",
        "between",
        "of",
        "capital",
        "city",
        "town",
        "region",
        "province",
        "port",
        "в",
        "во",
        "из",
        "на",
        "до",
        "между",
        "под",
        "города",
        "столице",
        "столицы",
        "столица",
        "городе",
    ]
)
_WHERE_WORDS = frozenset(["in", "at", "в", "во"])
EVENT_WORDS = re.compile(
    r"visit|talks|summit|meeting|ceremony|welcomed|hosted|forum|session|conference|"
    r"negotiations|arrived|визит|переговор|саммит|встреч|церемони|заседани|форум|прибыл"
)
_DATELINE = re.compile(
    r"^\s*([A-ZА-ЯЁ][\w .'’-]{2,30}?)\s*(?:,[^–—()\n]{0,30})?\s*(?:\([^)]{1,30}\))?\s*[–—]\s"
    r"|^\s*([A-ZА-ЯЁ][A-ZА-ЯЁ .'’]{2,30}?)\s*(?:,[^–—()\n]{0,30})?\s*(?:\([^)]{1,30}\))?\s*-+\s"
)


@dataclass(frozen=True)
class Signatory:
    """Who signed for a party, as the text names them."""

    party: str
    name: str
    title: str


def dateline_end(sentence: str) -> int:
    """Where an opening 'ANKARA (AA) –' or 'TASHKENT, Dec 6 (Reuters) -' ends, else 0."""
    match = _DATELINE.match(sentence)
    return match.end() if match else 0


def dateline_city(sentence: str) -> Mention | None:
    """The city of the sentence's dateline, if it opens with one ('ANKARA (AA) –'), or of a
    header line that is only a city and a date ('Samarkand, 11 November 2022')."""
    end = dateline_end(sentence)
    if not end and _HEADER_LINE.match(sentence):
        end = sentence.index(",")
    return next((m for m in mentions(sentence[:end]) if m.how == "city"), None)


_HEADER_LINE = re.compile(r"^[^\W\d][^,\d]{1,40},\s*[^,]{0,30}\d[^,]{0,30}$")


def _asides(folded: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ASIDE.finditer(folded)]


def _word_before(folded: str, position: int) -> str:
    words = re.findall(r"[^\W\d_]+", folded[:position])
    return words[-1] if words else ""


def party_mentions(sentence: str, skip: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """The mentions in *sentence* that name a party (outside *skip* spans and asides)."""
    folded = norm_aligned(sentence)
    spans = [*_asides(folded), *skip, (0, dateline_end(sentence)), *place_country_spans(sentence)]
    found = []
    for mention in mentions(sentence):
        if any(start <= mention.start < end for start, end in spans):
            continue
        if mention.how == "city" and _word_before(folded, mention.start) in _PLACE_WORDS:
            continue
        if mention.how == "city" and _possessed(folded, mention):
            continue
        if mention.how in ("name", "organisation") and _located(folded, mention.start):
            continue
        found.append(mention)
    return found


def _located(folded: str, position: int) -> bool:
    words = re.findall(r"[^\W\d_]+", folded[:position])[-2:]
    if words and words[-1] == "the":
        words = words[:-1]
    return bool(words) and words[-1] in _LOCATION_WORDS


def signing_parties(sentence: str, verb_start: int, skip: list[tuple[int, int]]) -> list[str]:
    """The parties of a signing: its subject's ('Kazakhstan and Uzbekistan signed'), with
    those it signed 'with' or 'between'; the whole sentence's when the subject names none."""
    found = party_mentions(sentence, skip)
    subject = [m for m in found if m.start < verb_start]
    if not subject:
        return list(dict.fromkeys(m.party for m in found))
    folded = norm_aligned(sentence)
    partners = [
        m
        for m in found
        if m.start > verb_start
        and re.search(r"(?:^|\s)(?:with|between|между|с|со)\s", folded[verb_start : m.start])
    ]
    return list(dict.fromkeys(m.party for m in [*subject, *partners]))


def _possessed(folded: str, mention: Mention) -> bool:
    """'Kazakhstan's city of Turkistan', 'Uzbekistan's Uchquduq city': a place, not a party."""
    before = folded[max(0, mention.start - 12) : mention.start]
    after = folded[mention.end : mention.end + 6]
    return bool(re.search(r"\ss\s+$", before) or re.match(r"\s+city\b", after))


def parties_named(sentence: str, skip: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The distinct parties a sentence names, in order."""
    return list(dict.fromkeys(m.party for m in party_mentions(sentence, skip)))


_IN_CITY_COUNTRY = re.compile(
    r"\b(?:in|at)\s+([A-Z][\w'’-]+(?:[ -][A-Za-z][\w'’-]+){0,3}),\s+([A-Z][a-z]+)"
)


@lru_cache(maxsize=512)
def place_named(sentence: str, event: bool = False) -> str:
    """The city a sentence says something happened in ('in Tashkent', 'in the capital Nur Sultan').

    In a sentence about a visit or talks the city after 'in the capital' or 'a visit to'
    counts too; the dateline and cities that documents are about ('a railway to Tashkent')
    do not. A city the gazetteer lacks counts when the text names its state: 'in Sharm
    el-Sheikh, Egypt'.
    """
    folded = norm_aligned(sentence)
    skip_to = dateline_end(sentence)
    for mention in mentions(sentence):
        if mention.how != "city" or mention.start < skip_to or mention.place is None:
            continue
        words = re.findall(r"[^\W\d_]+", folded[: mention.start])[-8:]
        nearest = next((w for w in reversed(words[-4:]) if w in _PLACE_WORDS), "")
        if nearest in _WHERE_WORDS:
            return mention.place.name
        if event and nearest == "to" and any(w.startswith(("visit", "trip")) for w in words):
            return mention.place.name
        if event and words and words[-1] in ("visited", "visiting", "посетил", "посетила"):
            return mention.place.name
        after_capital = words and words[-1] in ("capital", "столице")
        if event and after_capital and any(w in _WHERE_WORDS for w in words[-4:]):
            return mention.place.name
    for match in _IN_CITY_COUNTRY.finditer(sentence, skip_to):
        state = mentions(match.group(2))
        if state and state[0].how == "name" and not mentions(match.group(1)):
            return match.group(1)
    return ""


def place_country_spans(sentence: str) -> list[tuple[int, int]]:
    """The state after a city in 'in Sharm el-Sheikh, Egypt': a place, not a party."""
    return [(m.start(2), m.end(2)) for m in _IN_CITY_COUNTRY.finditer(sentence)]


# Capital letters of the Latin and Cyrillic alphabets ('Ç', 'Ş', 'Ә' as well as 'A').
_UPPER = "".join(char for char in map(chr, range(0x41, 0x530)) if char.isupper())
_NAME = rf"[{_UPPER}][\w’'-]+(?:\s+[{_UPPER}][\w’'-]+){{1,2}}"
_TITLE = (
    r"(?:First\s+)?(?:Deputy\s+|Vice\s+|Vice-)?(?:Prime\s+Minister|President|Foreign\s+Minister|"
    r"Minister\s+of\s+[A-Z][\w-]+(?:\s+and\s+[A-Z][\w-]+)?|[A-Z][a-z]+\s+Minister|Minister|"
    r"Ambassador|Secretary[- ]General|Chairman|Chairwoman|Chair|Governor|Mayor|Commissioner)"
)
_SIGNER = re.compile(rf"(?P<adjective>[A-Z][a-z]+)\s+(?P<title>{_TITLE})\s+(?P<name>{_NAME})")
_COUNTERPART = re.compile(
    rf"(?:his|her)\s+(?P<adjective>[A-Z][a-z]+)\s+counterpart,?\s+(?P<name>{_NAME})"
)
# 'signed by …', 'signed in Ankara on Thursday by …'
_SIGNED_BY = re.compile(r"\bsigned\b[^.;]{0,40}?\bby\b", re.IGNORECASE)


def signatories(sentence: str, verb_start: int) -> list[Signatory]:
    """Who signed, when the sentence names them as its subject or after 'signed by'."""
    by = _SIGNED_BY.search(sentence)
    area = (by.end(), len(sentence)) if by else (dateline_end(sentence), verb_start)
    found: list[Signatory] = []
    title = ""
    for pattern in (_SIGNER, _COUNTERPART):
        for match in pattern.finditer(sentence, *area):
            party = next(
                (
                    m.party
                    for m in mentions(match.group("adjective"))
                    if m.how in ("adjective", "name")
                ),
                "",
            )
            if not party or any(s.party == party for s in found):
                continue
            groups = match.groupdict()
            title = " ".join((groups.get("title") or title).split())
            found.append(Signatory(party, match.group("name").strip(), title))
    return found

"""The words of treaty work: kinds of document, what happened to them, and their fields.

Patterns are matched on norm() text (lower case, no accents, hyphens as spaces); Russian
stems end in '*' as in the gazetteer, standing for an ending of up to four letters.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from models.extract.gazetteer import norm


def _pattern(spellings: str) -> str:
    """'memorandum of understanding|меморандум*' -> one regex, alternatives longest first."""
    parts = []
    for spelling in sorted(spellings.split("|"), key=len, reverse=True):
        words = []
        for word in norm(spelling).split():
            star = word.endswith("*")
            stem = re.escape(word.rstrip("*"))
            words.append(stem + (r"[^\W\d_]{0,4}" if star else ""))
        parts.append(r"\s+".join(words))
    return "(?:" + "|".join(parts) + ")"


# ----------------------------------------------------------------- kinds

# (kind, singular spellings, plural spellings); generic nouns ('documents') have kind ''.
_KINDS = (
    ("memorandum of understanding",
     "memorandum of understanding|memorandum|mou|меморандум о взаимопонимании|меморандум*",
     "memoranda of understanding|memorandums of understanding|memoranda|memorandums|mous"),
    ("joint statement", "joint statement|joint communique|communique|совместн* заявлени*|коммюнике",
     "joint statements"),
    ("exchange of notes", "exchange of notes|exchanged notes|обмен нотами|обменялись нотами",
     "exchanges of notes"),
    ("declaration", "joint declaration|declaration|декларац*", "declarations"),
    ("roadmap", "roadmap|road map|дорожн* карт*", "roadmaps|road maps"),
    ("programme", "programme|program|action plan|plan of action|программ*|план* действий",
     "programmes|programs|action plans"),
    ("protocol", "protocol|протокол*", "protocols"),
    ("convention", "convention|конвенци*", "conventions"),
    ("treaty", "treaty|договор*", "treaties"),
    ("charter", "charter|хартия|хартию|устав*", "charters"),
    # A 'pact' in the press is any agreement (a defence pact, a trade pact).
    ("agreement", "agreement|accord|pact|соглашени*", "agreements|accords|pacts|deals"),
    ("", "", "documents|papers|instruments|документ*"),
)  # fmt: skip
# Russian nouns are the same word in both numbers here; which one it is, the ending says.
_RUSSIAN_PLURAL = re.compile(r"(ы|и|ов|ам|ами|ах|ия|ий|ям|ями)$")


@dataclass(frozen=True)
class KindWord:
    """A document noun found in a sentence: its kind ('' for 'documents'), number and span."""

    kind: str
    plural: bool
    start: int
    end: int


@cache
def _kind_patterns() -> list[tuple[str, bool, re.Pattern[str]]]:
    found = []
    for kind, singular, plural in _KINDS:
        if plural:
            found.append((kind, True, re.compile(rf"(?<![^\W_]){_pattern(plural)}(?![^\W_])")))
        if singular:
            found.append((kind, False, re.compile(rf"(?<![^\W_]){_pattern(singular)}(?![^\W_])")))
    return found


def kind_words(folded: str) -> list[KindWord]:
    """Every document noun in a norm()ed sentence, in order, the longest where two overlap."""
    found: list[KindWord] = []
    for kind, plural, pattern in _kind_patterns():
        for match in pattern.finditer(folded):
            if any(w.start < match.end() and match.start() < w.end for w in found):
                continue
            word = match.group()
            if re.search("[а-я]", word):
                plural = (
                    bool(_RUSSIAN_PLURAL.search(word.split()[0])) and kind != "exchange of notes"
                )
                if word.startswith(("документ", "меморандум", "протокол", "договор")):
                    plural = bool(re.search(r"(ы|ов|ам|ами|ах)$", word.split()[0]))
            found.append(KindWord(kind, plural, match.start(), match.end()))
    return sorted(found, key=lambda w: w.start)


# ----------------------------------------------------------------- what happened

SIGNED = "signed"
ADOPTED = "adopted"
UNDER_NEGOTIATION = "under negotiation"
INITIALLED = "initialled"  # a text settled and authenticated, not signed: status 'adopted'

_ACTS = (
    (SIGNED, "sign|signs|signed|signing|inked|concluded|exchanged notes|обменялись нотами|"
     "подписал*|подписан*|подписани*|подпишут"
     "|заключил*|заключен*"),
    (INITIALLED, "initialled|initialed|initialling|initial|парафировал*|парафирован*"),
    (ADOPTED, "adopted|approved|issued|приняли|принят*|утвердил*|утвержден*"),
)  # fmt: skip
_AGREED_TO_SIGN = re.compile(
    _pattern("agreed to sign|договорились подписать|договорились о подписании")
)
# Words just before a verb that make it a plan or a wish, not a signing.
_PLANNED = re.compile(
    r"(?<![^\W_])"
    + _pattern(
        "will|would|could|might|shall|to be|are to|is to|plan to|plans to|planned to|"
        "planning to|expected to|expect to|expects to|set to|intend to|intends to|aim to|"
        "aims to|ready to|hope to|hopes to|hoped to|upcoming|future|not|yet to|never|failed to|"
        "планиру*|намерен*|намерены|будет|будут|ожидается|предстоящ*|готов*|не|могут|"
        "может|должны"
    )
    + r"(?![^\W_])"
)
# A sentence about what is yet to come ('the next summit will be held in Astana').
PLANNED_WORDS = re.compile(
    r"(?<![^\W_])"
    + _pattern(
        "will|next|plan to|plans to|planned|expected to|is to be|are to be|"
        "будет|будут|следующ*|планиру*"
    )
    + r"(?![^\W_])"
)
# A word right before the verb that makes it talk about a signing ('discussed signing').
_TALK = re.compile(
    r"(?<![^\W_])"
    + _pattern(
        "discuss|discussed|discussing|negotiate|negotiated|negotiating|consider|considered|"
        "considering|propose|proposed|prepare|prepared|preparing|draft|обсудил*|обсуждал*|"
        "рассмотрел*|предлож*|проект*|подготов*"
    )
    + r"$"
)
# Words after a verb that place the signing before this occasion.
_EARLIER = re.compile(
    r"(?<![^\W_])"
    + _pattern(
        "last year|years ago|a year ago|previously|earlier this year|in the past|back in|"
        "postponed|delayed|cancelled|canceled|put off|"
        "ранее|в прошлом году|год назад|лет назад|прежде|перенесен*|отложен*|отменен*"
    )
    + r"(?![^\W_])"
)


@dataclass(frozen=True)
class Act:
    """A verb reporting what happened to documents: what it was, and where it stands."""

    what: str  # signed, initialled, adopted, or 'under negotiation' (agreed to sign)
    start: int
    end: int

    @property
    def status(self) -> str:
        """The agreement status it implies (an initialled text is adopted, not signed)."""
        return ADOPTED if self.what == INITIALLED else self.what

    @property
    def dated(self) -> bool:
        """Whether its date is a signing date (adoption of a statement counts as one)."""
        return self.what in (SIGNED, ADOPTED)


@cache
def _act_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (status, re.compile(rf"(?<![^\W_]){_pattern(words)}(?![^\W_])")) for status, words in _ACTS
    ]


def acts(folded: str) -> list[Act]:
    """The verbs of a norm()ed sentence that report a signing (or initialling, adoption) now.

    A verb after 'will', 'plan to', 'discussed' … is a plan or talk; one followed by 'last
    year' or 'previously' is history; 'agreed to sign' is a draft under negotiation.
    """
    found = []
    for match in _AGREED_TO_SIGN.finditer(folded):
        found.append(Act(UNDER_NEGOTIATION, match.start(), match.end()))
    for status, pattern in _act_patterns():
        for match in pattern.finditer(folded):
            if any(a.start <= match.start() < a.end for a in found):
                continue
            before = " ".join(folded[: match.start()].split()[-5:])
            after = " ".join(folded[match.end() :].split()[:4])
            earlier = _EARLIER.search(after) or _EARLIER.search(before)
            if _PLANNED.search(before) or _TALK.search(before) or earlier:
                continue
            if match.group() in ("подпишут",):
                continue
            if status == ADOPTED and match.group() == "issued" and "statement" not in after:
                continue
            found.append(Act(status, match.start(), match.end()))
    return sorted(found, key=lambda a: a.start)


# ----------------------------------------------------------------- fields


FOREIGN_POLICY = "Foreign policy"


@dataclass(frozen=True)
class Topic:
    """A field of treaty work: its path in the built-in tree and the names a user might give it."""

    path: str
    names: tuple[str, ...]
    pattern: re.Pattern[str]


TOPICS_FILE = Path(__file__).parent.parent / "data" / "field_topics.json"


@cache
def topics() -> tuple[Topic, ...]:
    """The built-in field list, most specific first ('Energy > Electricity' before 'Energy')."""
    found = []
    for entry in json.loads(TOPICS_FILE.read_text(encoding="utf-8"))["topics"]:
        path = entry["path"]
        leaf = path.split(">")[-1].strip()
        pattern = re.compile(rf"(?<![^\W_]){_pattern('|'.join(entry['words']))}(?![^\W_])")
        found.append(Topic(path, (leaf, *entry["names"]), pattern))
    return tuple(found)


def topics_in(folded: str) -> list[Topic]:
    """The fields a norm()ed phrase is about, a compound or a child masking its parts.

    'trade and investment' is one field; 'the high-speed rail line' is Transport > Rail
    and not Transport as well.
    """
    found: list[Topic] = []
    masked = folded
    for topic in topics():
        match = topic.pattern.search(masked)
        if match:
            found.append(topic)
            masked = topic.pattern.sub(lambda m: " " * len(m.group()), masked)
    if len(found) > 1:
        # 'a strategic partnership on raw materials' is about raw materials.
        found = [topic for topic in found if topic.path != FOREIGN_POLICY]
    paths = {topic.path for topic in found}
    return [
        topic for topic in found if not any(other.startswith(topic.path + " >") for other in paths)
    ]


def field_path(topic: Topic, user_paths: list[str]) -> str:
    """The user's own field for *topic* when one has one of its names, else the built-in path."""
    wanted = {norm(name) for name in topic.names} | {norm(topic.path)}
    for path in user_paths:
        leaf = path.split(">")[-1]
        if norm(" ".join(leaf.split())) in wanted or norm(path) in wanted:
            return path
    return topic.path

"""The rows of synthetic agreements, a chunk at a time, as plain tuples (no database here).

Each chunk draws from a random generator of its own, seeded by the run's seed and the
chunk's number, so chunks can be made in any order, in other processes, and still give
the same rows. Folded search text and deadlines come from the app's own functions
(models.text, models.deadlines.compute), as a save would store them.
"""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache, lru_cache

from models.dates import PartialDate
from models.deadlines import DeadlineSource, compute
from models.terms import Terms
from models.text import index_text, sort_key
from models.vocab import Kind, Level, Status

ORGANIZATIONS = [
    "United Nations",
    "European Union",
    "African Union",
    "ASEAN",
    "NATO",
    "OSCE",
    "Organization of Turkic States",
    "Shanghai Cooperation Organisation",
    "Eurasian Economic Union",
    "World Health Organization",
    "World Bank",
    "IAEA",
    "OPEC",
    "Council of Europe",
    "Commonwealth of Independent States",
    "Mercosur",
    "League of Arab States",
    "Organisation of Islamic Cooperation",
    "G20",
    "OECD",
    "International Committee of the Red Cross",
    "UNESCO",
    "FAO",
    "IMO",
    "ICAO",
]
TOPIC_TREE = {
    "Energy": ["Electricity", "Oil and gas", "Nuclear", "Renewables"],
    "Transport": ["Rail", "Roads", "Aviation", "Maritime", "Transit"],
    "Trade and investment": ["Customs", "Investment protection", "Free trade"],
    "Environment": ["Climate", "Water", "Biodiversity", "Pollution"],
    "Security": ["Arms control", "Counter-terrorism", "Border"],
    "Outer space": [],
    "Emergency management": [],
    "Health": ["Pandemics", "Pharmaceuticals"],
    "Education and culture": ["Higher education", "Heritage"],
    "Justice": ["Extradition", "Legal assistance"],
    "Agriculture": ["Fisheries", "Food safety"],
    "Telecommunications": [],
    "Labour and migration": [],
    "Taxation": ["Double taxation"],
    "Finance": [],
    "Tourism": [],
    "Industry": [],
    "Science and technology": [],
    "Human rights": [],
    "Foreign policy": [],
}
KINDS = Kind.values()  # in the vocabulary's order, which the weights follow
KIND_WEIGHTS = [6, 5, 40, 10, 1, 6, 18, 5, 4, 2, 1, 2]
STATUSES = Status.values()
STATUS_WEIGHTS = [1, 2, 2, 25, 8, 2, 45, 1, 7, 7]
# random.choices accumulates its weights on every call unless handed them accumulated.
KIND_CUMULATIVE = list(itertools.accumulate(KIND_WEIGHTS))
STATUS_CUMULATIVE = list(itertools.accumulate(STATUS_WEIGHTS))
LEVELS = Level.values()
TITLE_TEMPLATES = [
    "{kind} between {a} and {b} on cooperation in {topic}",
    "{kind} on {topic} between the Government of {a} and the Government of {b}",
    "Соглашение между {a} и {b} о сотрудничестве в области {topic}",
    "{a} ile {b} arasında {topic} alanında işbirliği anlaşması",
    "Accord entre {a} et {b} relatif à {topic}",
    "Қазақстан мен {b} арасындағы {topic} саласындағы ынтымақтастық туралы келісім",
    "Oʻzbekiston va {b} oʻrtasida {topic} sohasida hamkorlik toʻgʻrisida bitim",
]
MULTI_TEMPLATES = [
    "{kind} on {topic}",
    "International {kind} for the protection of {topic}",
    "Multilateral {kind} on {topic} ({place})",
    "Конвенция о {topic}",
]
PLACES = [
    "Geneva",
    "New York",
    "Vienna",
    "Astana",
    "Nur-Sultan",
    "Tashkent",
    "İstanbul",
    "Ankara",
    "Moscow",
    "Paris",
    "Brussels",
    "Beijing",
    "Almaty",
    "Samarqand",
    "Bakı",
    "Bishkek",
    "Dushanbe",
    "Ashgabat",
    "Rome",
    "São Paulo",
    "Zürich",
]
SIGNATORIES = [
    "Қасым-Жомарт Тоқаев",
    "Shavkat Mirziyoyev",
    "Recep Tayyip Erdoğan",
    "Sergey Lavrov",
    "Ursula von der Leyen",
    "Mukhtar Tileuberdi",
    "Bakhtiyor Saidov",
    "Hakan Fidan",
    "Jean-Yves Le Drian",
    "Mevlüt Çavuşoğlu",
]
# Structured terms (duration, renewal, notice, entry into force) for one agreement in ten.
TERMS = (
    ("5 years", "automatic for 5 years", "6 months", None),
    ("10 years", "tacit", "1 year", None),
    ("3 years", "none", None, None),
    ("indefinite", None, "6 months", None),
    (None, None, None, "30 days after last notification"),
)
NO_TERMS: tuple[str | None, ...] = (None, None, None, None)
# One fixed moment for every timestamp, so that the same seed gives the same file.
RECORDED_AT = datetime(2026, 1, 1, tzinfo=UTC).isoformat(" ")
LANGUAGES = json.dumps(["en"])
TABLES = ("agreements", "participations", "actions", "fields", "milestones", "deadlines", "search")


@dataclass(frozen=True)
class Party:
    """A recorded party as the rows need it; *words*: its name and spellings, folded."""

    id: int
    name: str
    words: str


@dataclass(frozen=True)
class Catalog:
    """What every chunk draws from: parties with their weights (accumulated), and fields."""

    parties: list[Party]
    cumulative: list[float]
    fields: list[tuple[int, str]]


@dataclass
class Chunk:
    """The rows of one chunk, table by table.

    Participation and action ids count from 1 within the chunk (the writer adds the
    chunk's offset); an action's participation id is the chunk's too.
    """

    rows: dict[str, list[tuple[object, ...]]] = field(
        default_factory=lambda: {name: [] for name in TABLES}
    )


def party_count(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.75:
        return 2
    if roll < 0.93:
        return rng.randint(3, 8)
    if roll < 0.995:
        return rng.randint(9, 40)
    return rng.randint(41, 190)


def partial_date(rng: random.Random, year: int) -> str:
    roll = rng.random()
    if roll < 0.08:
        return f"{year:04d}"
    month = rng.randint(1, 12)
    if roll < 0.20:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{rng.randint(1, 28):02d}"


def chunk_rng(seed: int, number: int) -> random.Random:
    """The chunk's own generator (a string seed is hashed the same way in every process)."""
    return random.Random(f"{seed}/{number}")


def make_chunk(catalog: Catalog, seed: int, number: int, first: int, last: int) -> Chunk:
    """The rows of agreements *first* to *last* (inclusive), chunk *number* of the run."""
    rng = chunk_rng(seed, number)
    chunk = Chunk()
    participation_ids, action_ids = itertools.count(1), itertools.count(1)
    for agreement_id in range(first, last + 1):
        _agreement(chunk, rng, catalog, agreement_id, participation_ids, action_ids)
    return chunk


def _agreement(
    chunk: Chunk,
    rng: random.Random,
    catalog: Catalog,
    agreement_id: int,
    participation_ids: itertools.count[int],
    action_ids: itertools.count[int],
) -> None:
    """One agreement's row, parties, fields, milestone, deadlines and search text."""
    rows = chunk.rows
    chosen = _choose(rng, catalog, party_count(rng))
    names = [party.name for party in chosen]
    field_choice = rng.sample(catalog.fields, rng.choice((1, 1, 1, 2, 2, 3)))
    topic = field_choice[0][1].lower()
    kind = rng.choices(KINDS, cum_weights=KIND_CUMULATIVE)[0]
    place = rng.choice(PLACES)
    template = rng.choice(TITLE_TEMPLATES) if len(chosen) == 2 else rng.choice(MULTI_TEMPLATES)
    title = template.format(
        kind=kind.capitalize(), a=names[0], b=names[1], topic=topic, place=place
    )
    year = rng.randint(1826, 2025)
    signed = partial_date(rng, year) if rng.random() > 0.03 else None
    in_force = (
        partial_date(rng, min(year + rng.randint(0, 3), 2026)) if rng.random() < 0.5 else None
    )
    if in_force and signed and in_force < signed:
        in_force = signed
    expires = f"{year + rng.choice((5, 10, 25, 50)):04d}" if rng.random() < 0.1 else None
    summary = (
        f"{kind.capitalize()} on {topic} signed at {place} by {', '.join(names[:3])}"
        f"{' and others' if len(names) > 3 else ''}."
    )
    signatory = rng.choice(SIGNATORIES) if rng.random() < 0.4 else None
    terms = rng.choice(TERMS) if rng.random() < 0.1 else NO_TERMS
    rows["agreements"].append(
        (
            agreement_id,
            title,
            sort_key(title),
            kind,
            rng.choice(LEVELS),
            rng.choices(STATUSES, cum_weights=STATUS_CUMULATIVE)[0],
            signed,
            place,
            in_force,
            expires,
            LANGUAGES,
            summary,
            "Synthetic benchmark record",
            RECORDED_AT,
            RECORDED_AT,
            *terms,
        )
    )
    for position, party in enumerate(chosen):
        participation_id = next(participation_ids)
        name = signatory if position == 0 else None
        rows["participations"].append((participation_id, agreement_id, party.id, name, position))
        if signed and rng.random() < 0.3:
            rows["actions"].append((next(action_ids), participation_id, "signature", signed, 0))
            if rng.random() < 0.5:
                # Undated: the consent is recorded, not when it was given.
                rows["actions"].append(
                    (next(action_ids), participation_id, "ratification", None, 1)
                )
    rows["fields"].extend((agreement_id, field_id) for field_id, _ in field_choice)
    rows["milestones"].append((agreement_id, "signed", signed))
    if terms is not NO_TERMS or expires is not None:
        rows["deadlines"].extend(_deadlines(agreement_id, terms, signed, in_force, expires, names))
    rows["search"].append(
        (
            agreement_id,
            index_text(title),
            index_text(summary),
            _folded(place),
            _party_words(chosen, signatory),
        )
    )


def _choose(rng: random.Random, catalog: Catalog, number: int) -> list[Party]:
    chosen: dict[int, Party] = {}
    while len(chosen) < number:
        for party in rng.choices(
            catalog.parties, cum_weights=catalog.cumulative, k=number - len(chosen)
        ):
            chosen[party.id] = party
    return list(chosen.values())


@lru_cache(maxsize=1024)  # places and signatories: a few dozen texts, over and over
def _folded(text: str) -> str:
    return index_text(text)


def _party_words(chosen: list[Party], signatory: str | None) -> str:
    """The folded words the app indexes for the parties: names, the signatory, spellings.

    Folding is word by word, so each party's words are folded once for the run; the app
    folds the same words in one text (tests/benchmarks/test_generate.py compares them).
    """
    words = [party.words for party in chosen]
    if signatory:
        words.append(_folded(signatory))
    return " ".join(words)


@cache
def _terms(texts: tuple[str | None, ...]) -> Terms:
    return Terms.from_texts(*texts)


def _deadlines(
    agreement_id: int,
    terms: tuple[str | None, ...],
    signed: str | None,
    in_force: str | None,
    expires: str | None,
    names: list[str],
) -> list[tuple[object, ...]]:
    """The agreement_deadlines rows a save would store (models.deadline_store's, as tuples).

    Only an agreement with terms or a recorded expiry has any. Every party consents by a
    ratification generated without a date, so no consent is dated.
    """
    parse = PartialDate.parse_optional
    source = DeadlineSource(
        terms=_terms(terms),
        signed_on=parse(signed),
        entry_into_force=parse(in_force),
        expires_on=parse(expires),
        consents=dict.fromkeys(names),
    )
    return [
        (
            agreement_id,
            deadline.kind.value,
            deadline.on.iso(),
            deadline.first_day.isoformat(),
            deadline.last_day.isoformat(),
            deadline.how[:1000],
            deadline.recorded,
        )
        for deadline in compute(source).deadlines
    ]

"""A realistic synthetic database at any size, the same for the same seed.

    .venv/bin/python -m benchmarks.generate --agreements 250000 OUT.db [--seed 1]

~250 parties (every ISO state and ~25 organisations), ~60 fields in a tree, party
counts per agreement from 2 to 190 with a long tail (about 4.6 on average: a million
links at 250,000 agreements), dates over two centuries of which a fifth are partial,
titles and summaries in English, Russian, Kazakh, Turkish, French and Uzbek, signature
and ratification actions, and milestones. Rows are written with plain executemany
inside one transaction on a schema made by the real migrations, and the search index is
filled from the same folded text the app writes.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from models.database import open_database
from models.deadline_store import refresh_deadlines
from models.parties import countries
from models.text import fold, index_text, sort_key
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
CHUNK = 20_000
# One fixed moment for every timestamp, so that the same seed gives the same file.
RECORDED_AT = datetime(2026, 1, 1, tzinfo=UTC).isoformat(" ")


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


def generate(out: Path, agreements: int, seed: int = 1) -> dict[str, int]:
    """Write a new database at *out* with this many agreements; return row counts."""
    if out.exists():
        raise SystemExit(f"{out} exists; choose a new file")
    open_database(out).close()  # the real schema, by the real migrations
    rng = random.Random(seed)
    connection = sqlite3.connect(out)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = OFF")
    with connection:
        parties = _parties(connection)
        fields = _fields(connection)
        counts = _agreements(connection, rng, agreements, parties, fields)
        _terms(connection, random.Random(seed + 1))
    connection.close()
    _deadlines(out)
    connection = sqlite3.connect(out)
    connection.execute("PRAGMA optimize")
    connection.execute("ANALYZE")
    connection.close()
    return counts


TERMS = (
    ("5 years", "automatic for 5 years", "6 months", None),
    ("10 years", "tacit", "1 year", None),
    ("3 years", "none", None, None),
    ("indefinite", None, "6 months", None),
    (None, None, None, "30 days after last notification"),
)


def _terms(connection: sqlite3.Connection, rng: random.Random) -> None:
    """Structured terms for one agreement in ten (own generator: the rest stays as it was)."""
    ids = [row[0] for row in connection.execute("SELECT id FROM agreements ORDER BY id")]
    connection.executemany(
        "UPDATE agreements SET duration_term = ?, renewal_term = ?, notice_term = ?, "
        "entry_into_force_term = ? WHERE id = ?",
        [(*rng.choice(TERMS), agreement_id) for agreement_id in ids if rng.random() < 0.1],
    )


def _deadlines(out: Path) -> None:
    """Fill agreement_deadlines as the app does on every save."""
    database = open_database(out, create=False)
    with database.engine.begin() as connection:
        ids = [row[0] for row in connection.exec_driver_sql("SELECT id FROM agreements")]
        refresh_deadlines(connection, ids)
    database.close()


def _parties(connection: sqlite3.Connection) -> list[tuple[int, str]]:
    now = RECORDED_AT
    rows = [(c.name, "state", c.iso3) for c in countries().values() if len(c.iso3) == 3]
    rows += [(name, "international organization", None) for name in ORGANIZATIONS]
    found = []
    for name, kind, iso3 in rows:
        cursor = connection.execute(
            "INSERT INTO parties (name, kind, iso3, created_at) VALUES (?, ?, ?, ?)",
            (name, kind, iso3, now),
        )
        party_id = cursor.lastrowid
        spellings = {name, *(countries()[iso3].spellings if iso3 else ())}
        for spelling in spellings:
            connection.execute(
                "INSERT OR IGNORE INTO party_aliases (party_id, alias, key) VALUES (?, ?, ?)",
                (party_id, spelling, fold(spelling).strip()),
            )
        found.append((party_id, name))
    return found


def _fields(connection: sqlite3.Connection) -> list[tuple[int, str]]:
    found = []
    for top, children in TOPIC_TREE.items():
        cursor = connection.execute(
            "INSERT INTO fields (name, parent_id, key) VALUES (?, NULL, ?)", (top, fold(top))
        )
        parent = cursor.lastrowid
        found.append((parent, top))
        for child in children:
            cursor = connection.execute(
                "INSERT INTO fields (name, parent_id, key) VALUES (?, ?, ?)",
                (child, parent, f"{fold(top)} > {fold(child)}"),
            )
            found.append((cursor.lastrowid, child))
    return found


def _agreements(
    connection: sqlite3.Connection,
    rng: random.Random,
    total: int,
    parties: list[tuple[int, str]],
    fields: list[tuple[int, str]],
) -> dict[str, int]:
    counts = dict.fromkeys(("agreements", "participations", "actions", "fields", "milestones"), 0)
    # States sign far more than organisations, and some states far more than others.
    weights = [1.0 / (rank + 5) for rank in range(len(parties))]
    rng.shuffle(weights)
    participation_id = action_id = 0
    for start in range(1, total + 1, CHUNK):
        batch = _batch(rng, range(start, min(start + CHUNK, total + 1)), parties, weights, fields)
        connection.executemany(
            "INSERT INTO agreements (id, title, title_key, alternative_titles, kind, level, "
            "status, signed_on, signed_at, entry_into_force, expires_on, languages, summary, "
            "notes, source_citation, created_at, updated_at, version) "
            "VALUES (?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, 1)",
            batch["agreements"],
        )
        participations, actions = [], []
        for agreement_id, party_ids, signed, signatory in batch["links"]:
            for position, party_id in enumerate(party_ids):
                participation_id += 1
                name = signatory if position == 0 else None
                participations.append((participation_id, agreement_id, party_id, position, name))
                if signed and rng.random() < 0.3:
                    action_id += 1
                    actions.append((action_id, participation_id, "signature", signed, 0))
                    if rng.random() < 0.5:
                        action_id += 1
                        actions.append((action_id, participation_id, "ratification", None, 1))
        connection.executemany(
            "INSERT INTO participations (id, agreement_id, party_id, role, signatory_name, "
            "position) VALUES (?, ?, ?, 'party', ?, ?)",
            [(pid, aid, party, name, pos) for pid, aid, party, pos, name in participations],
        )
        connection.executemany(
            "INSERT INTO actions (id, participation_id, type, deposited_on, position) "
            "VALUES (?, ?, ?, ?, ?)",
            actions,
        )
        connection.executemany(
            "INSERT INTO agreement_fields (agreement_id, field_id) VALUES (?, ?)",
            batch["fields"],
        )
        connection.executemany(
            'INSERT INTO milestones (agreement_id, kind, "on", description, position) '
            "VALUES (?, ?, ?, '', 0)",
            batch["milestones"],
        )
        connection.executemany(
            "INSERT INTO agreement_search (rowid, title, body, place, parties) "
            "VALUES (?, ?, ?, ?, ?)",
            batch["search"],
        )
        counts["agreements"] += len(batch["agreements"])
        counts["participations"] += len(participations)
        counts["actions"] += len(actions)
        counts["fields"] += len(batch["fields"])
        counts["milestones"] += len(batch["milestones"])
        print(f"  {counts['agreements']:,} agreements", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    return counts


def _batch(rng, ids, parties, weights, fields) -> dict[str, list]:  # type: ignore[no-untyped-def]
    now = RECORDED_AT
    batch: dict[str, list] = {
        k: [] for k in ("agreements", "links", "fields", "milestones", "search")
    }
    for agreement_id in ids:
        chosen = _choose(rng, parties, weights, party_count(rng))
        names = [name for _, name in chosen]
        field_choice = rng.sample(fields, rng.choice((1, 1, 1, 2, 2, 3)))
        topic = field_choice[0][1].lower()
        kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
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
        batch["agreements"].append(
            (
                agreement_id,
                title,
                sort_key(title),
                kind,
                rng.choice(LEVELS),
                rng.choices(STATUSES, STATUS_WEIGHTS)[0],
                signed,
                place,
                in_force,
                expires,
                json.dumps(["en"]),
                summary,
                "Synthetic benchmark record",
                now,
                now,
            )
        )
        batch["links"].append((agreement_id, [pid for pid, _ in chosen], signed, signatory))
        batch["fields"].extend((agreement_id, fid) for fid, _ in field_choice)
        batch["milestones"].append((agreement_id, "signed", signed))
        batch["search"].append(
            (
                agreement_id,
                index_text(title),
                index_text(summary),
                index_text(place),
                index_text(" ".join([*names, signatory or ""])),
            )
        )
    return batch


def _choose(rng: random.Random, parties, weights, number: int):  # type: ignore[no-untyped-def]
    chosen: dict[int, tuple[int, str]] = {}
    while len(chosen) < number:
        for party in rng.choices(parties, weights, k=number - len(chosen)):
            chosen[party[0]] = party
    return list(chosen.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--agreements", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = generate(args.out, args.agreements, args.seed)
    took = time.perf_counter() - started
    print(", ".join(f"{k}: {v:,}" for k, v in counts.items()) + f" ({took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

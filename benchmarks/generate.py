"""A realistic synthetic database at any size, the same for the same seed.

    .venv/bin/python -m benchmarks.generate --agreements 250000 OUT.db [--seed 1] [--workers 2]

~250 parties (every ISO state and ~25 organisations), ~60 fields in a tree, party
counts per agreement from 2 to 190 with a long tail (about 4.6 on average: a million
links at 250,000 agreements), dates over two centuries of which a fifth are partial,
titles and summaries in English, Russian, Kazakh, Turkish, French and Uzbek, signature
and ratification actions, milestones, and structured terms for one agreement in ten.

The schema is made by the real migrations. Worker processes make the rows a chunk at a
time (benchmarks/synthetic.py: deadlines and folded search text by the app's own
functions); this one writes them in one transaction, many rows to an INSERT, with no
journal, the secondary indexes and revision triggers dropped until the end and the search
index merged once. 1,000,000 agreements take about 4 minutes of CPU (12 before).
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import resource
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context
from pathlib import Path

from benchmarks.synthetic import (
    ORGANIZATIONS,
    RECORDED_AT,
    TOPIC_TREE,
    Catalog,
    Chunk,
    Party,
    make_chunk,
)
from models.database import open_database
from models.parties import countries
from models.search_index import SEARCH_TABLE
from models.text import fold, index_text

CHUNK = 20_000
# Processes making rows while this one writes them; more than the cores only adds switching.
WORKERS = min(2, os.cpu_count() or 1)
# Filled in bulk: their secondary indexes are built once at the end (one sort each instead
# of a million random B-tree inserts) and their revision triggers are replaced by one count.
BULK_TABLES = (
    "parties",
    "party_aliases",
    "fields",
    "agreements",
    "participations",
    "actions",
    "agreement_fields",
    "milestones",
    "agreement_deadlines",
)
FTS5_AUTOMERGE = 4  # SQLite's default, which the app leaves as it is
CACHE_KIB = 256 * 1024  # SQLite's page cache while loading: the indexes being built fit in it


def generate(
    out: Path, agreements: int, seed: int = 1, *, chunk: int = CHUNK, workers: int = WORKERS
) -> dict[str, int]:
    """Write a new database at *out* with this many agreements; return row counts.

    *workers* processes make the chunks' rows (0: this one does); the database is the
    same whatever their number.
    """
    if out.exists():
        raise SystemExit(f"{out} exists; choose a new file")
    phases = Phases()
    with phases("schema"):
        open_database(out).close()  # the real schema, by the real migrations
    # Autocommit mode: the one transaction below is ours, not the sqlite3 module's guess.
    connection = sqlite3.connect(out, isolation_level=None)
    try:
        # A new file nobody else has open: a crash half-way leaves a file to delete, not data
        # to save, so no journal and no syncing until it is done.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        connection.execute("BEGIN")
        with bulk_load(connection, BULK_TABLES, phases), search_load(connection, phases):
            catalog = Catalog(*_weighted(_parties(connection), seed), _fields(connection))
            with phases("rows"):
                counts = _agreements(connection, catalog, seed, agreements, chunk, workers)
        with phases("commit, statistics"):
            connection.execute("COMMIT")
            connection.execute("ANALYZE")
            connection.execute("PRAGMA optimize")
            connection.execute("PRAGMA journal_mode = WAL")  # as the app keeps every database
    finally:
        connection.close()
    print(phases, file=sys.stderr)
    return counts


class Phases:
    """Wall and CPU seconds of each step of a run (CPU: this process's, not its workers')."""

    def __init__(self) -> None:
        self.spent: list[tuple[str, float, float]] = []

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started, cpu = time.perf_counter(), time.process_time()
        yield
        self.spent.append((name, time.perf_counter() - started, time.process_time() - cpu))

    def __str__(self) -> str:
        return "; ".join(f"{name} {wall:.1f} s ({cpu:.1f} s CPU)" for name, wall, cpu in self.spent)


@contextmanager
def bulk_load(
    connection: sqlite3.Connection, tables: Sequence[str], phases: Phases
) -> Iterator[None]:
    """Fill empty *tables* without their secondary indexes and triggers, then restore both.

    The indexes come back from their own CREATE statements, so the schema ends as the
    migrations made it; the data revision ends where one trigger run per row would have
    left it (every row of these tables is new).
    """
    marks = ", ".join("?" * len(tables))
    saved = connection.execute(
        f"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name IN ({marks}) "
        "AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
        tables,
    ).fetchall()
    triggered = sorted({table for kind, _, table, _ in saved if kind == "trigger"})
    for kind, name, _, _ in saved:
        connection.execute(f'DROP {kind.upper()} "{name}"')
    yield
    with phases("indexes"):
        for *_, sql in saved:
            connection.execute(sql)
    inserted = sum(
        connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in triggered
    )
    connection.execute("UPDATE data_revision SET value = value + ? WHERE id = 1", (inserted,))


@contextmanager
def search_load(connection: sqlite3.Connection, phases: Phases) -> Iterator[None]:
    """Fill the search table without merging its segments as it grows, then merge them once.

    FTS5 merges a few segments after each flush by default ('automerge' 4): a million rows
    merged over and over cost more than one 'optimize' at the end, which also leaves the
    index in one segment, the quickest to search. The default comes back afterwards.
    """
    command = f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}, rank) VALUES (?, ?)"
    connection.execute(command, ("automerge", 0))
    yield
    with phases("search index"):
        connection.execute(f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}) VALUES ('optimize')")
    connection.execute(command, ("automerge", FTS5_AUTOMERGE))


def _parties(connection: sqlite3.Connection) -> list[Party]:
    """Every ISO state and the organisations, with their spellings."""
    rows: list[tuple[str, str, str | None]] = [
        (c.name, "state", c.iso3) for c in countries().values() if len(c.iso3) == 3
    ]
    rows += [(name, "international organization", None) for name in ORGANIZATIONS]
    found = []
    for name, kind, iso3 in rows:
        cursor = connection.execute(
            "INSERT INTO parties (name, kind, iso3, created_at) VALUES (?, ?, ?, ?)",
            (name, kind, iso3, RECORDED_AT),
        )
        party_id = cursor.lastrowid
        assert party_id is not None
        # In a fixed order (a set's changes from run to run), so the same spelling wins a
        # key that two parties share every time.
        kept = []
        for spelling in dict.fromkeys((name, *(countries()[iso3].spellings if iso3 else ()))):
            cursor = connection.execute(
                "INSERT OR IGNORE INTO party_aliases (party_id, alias, key) VALUES (?, ?, ?)",
                (party_id, spelling, fold(spelling).strip()),
            )
            kept += [spelling] * cursor.rowcount
        # What the search indexes for a party: its name and every spelling it holds.
        found.append(Party(party_id, name, index_text(" ".join([name, *kept]))))
    return found


def _weighted(parties: list[Party], seed: int) -> tuple[list[Party], list[float]]:
    """States sign far more than organisations, and some states far more than others."""
    weights = [1.0 / (rank + 5) for rank in range(len(parties))]
    random.Random(seed).shuffle(weights)
    return parties, list(itertools.accumulate(weights))


def _fields(connection: sqlite3.Connection) -> list[tuple[int, str]]:
    found = []
    for top, children in TOPIC_TREE.items():
        cursor = connection.execute(
            "INSERT INTO fields (name, parent_id, key) VALUES (?, NULL, ?)", (top, fold(top))
        )
        parent = cursor.lastrowid
        assert parent is not None
        found.append((parent, top))
        for child in children:
            cursor = connection.execute(
                "INSERT INTO fields (name, parent_id, key) VALUES (?, ?, ?)",
                (child, parent, f"{fold(top)} > {fold(child)}"),
            )
            assert cursor.lastrowid is not None
            found.append((cursor.lastrowid, child))
    return found


# Each table's INSERT and the VALUES of one row. Participation and action ids are the
# chunk's own, shifted by the rows written before it.
INSERTS = {
    "agreements": (
        "INSERT INTO agreements (id, title, title_key, alternative_titles, kind, level, status, "
        "signed_on, signed_at, entry_into_force, expires_on, languages, summary, notes, "
        "source_citation, created_at, updated_at, version, duration_term, renewal_term, "
        "notice_term, entry_into_force_term)",
        "(?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, 1, ?, ?, ?, ?)",
    ),
    "participations": (
        "INSERT INTO participations (id, agreement_id, party_id, role, signatory_name, position)",
        "(? + {participations}, ?, ?, 'party', ?, ?)",
    ),
    "actions": (
        "INSERT INTO actions (id, participation_id, type, deposited_on, position)",
        "(? + {actions}, ? + {participations}, ?, ?, ?)",
    ),
    "fields": ("INSERT INTO agreement_fields (agreement_id, field_id)", "(?, ?)"),
    "milestones": (
        'INSERT INTO milestones (agreement_id, kind, "on", description, position)',
        "(?, ?, ?, '', 0)",
    ),
    "deadlines": (
        'INSERT INTO agreement_deadlines (agreement_id, kind, "on", first_day, last_day, how, '
        "recorded)",
        "(?, ?, ?, ?, ?, ?, ?)",
    ),
    "search": (
        "INSERT INTO agreement_search (rowid, title, body, place, parties)",
        "(?, ?, ?, ?, ?)",
    ),
}
# Rows per INSERT statement: many rows in one VALUES list cost a third of one statement run
# per row (agreements: 0.36 s against 1.39 s for 20,000), within SQLite's bound on
# parameters.
ROWS_PER_INSERT = 500


def _agreements(
    connection: sqlite3.Connection,
    catalog: Catalog,
    seed: int,
    total: int,
    size: int,
    workers: int,
) -> dict[str, int]:
    """Write every chunk's rows, in order, as they are made."""
    counts = dict.fromkeys(("agreements", *list(INSERTS)[1:]), 0)
    for chunk in _chunks(catalog, seed, total, size, workers):
        offsets = {"participations": counts["participations"], "actions": counts["actions"]}
        for name, (head, values) in INSERTS.items():
            insert_rows(connection, head, values.format(**offsets), chunk.rows[name])
            counts[name] += len(chunk.rows[name])
        print(f"  {counts['agreements']:,} agreements", file=sys.stderr, end="\r")
    print(file=sys.stderr)
    del counts["search"]
    return counts


def insert_rows(
    connection: sqlite3.Connection, head: str, values: str, rows: Sequence[tuple[object, ...]]
) -> None:
    """INSERT *rows* (tuples of the parameters of *values*), many to a statement."""
    if not rows:
        return
    limit = connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(ROWS_PER_INSERT, limit // len(rows[0])))
    statement = f"{head} VALUES {', '.join([values] * per)}"
    whole = len(rows) - len(rows) % per
    for start in range(0, whole, per):
        connection.execute(
            statement, list(itertools.chain.from_iterable(rows[start : start + per]))
        )
    if whole < len(rows):
        rest = rows[whole:]
        tail = f"{head} VALUES {', '.join([values] * len(rest))}"
        connection.execute(tail, list(itertools.chain.from_iterable(rest)))


def _chunks(catalog: Catalog, seed: int, total: int, size: int, workers: int) -> Iterator[Chunk]:
    """The chunks in order; with workers, a few made ahead while the last is written."""
    spans = [
        (seed, number, first, min(first + size - 1, total))
        for number, first in enumerate(range(1, total + 1, size))
    ]
    if workers < 1 or len(spans) < 2:
        for span in spans:
            yield make_chunk(catalog, *span)
        return
    # Spawned, not forked: a fork of a process holding Qt's or SQLite's threads and locks
    # (the tests') may hang; each worker imports only the row-making modules.
    context = get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: deque[Future[Chunk]] = deque()
        for span in spans:
            pending.append(pool.submit(make_chunk, catalog, *span))
            if len(pending) > workers:  # bounded: made chunks wait in memory, not on disk
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--agreements", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--workers", type=int, default=WORKERS, help="processes making rows (0: none)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = generate(args.out, args.agreements, args.seed, workers=args.workers)
    took = time.perf_counter() - started
    cpu = time.process_time() + _children_cpu()
    summary = ", ".join(f"{k}: {v:,}" for k, v in counts.items())
    print(f"{summary} ({took:.1f} s, {cpu:.1f} s CPU with the workers')")
    return 0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sys.exit(main())

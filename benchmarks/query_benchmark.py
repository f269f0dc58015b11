"""Query-path timings on one generated database, each beside the plainest hand-written SQL.

    .venv/bin/python -m benchmarks.query_benchmark DB [--runs 7] [--compare 300]

Prints one Markdown table row per operation: the app's median and p95 (ms) on the path
the window takes (the in-memory FacetIndex, models/facet_index.py), the median of the SQL
path it falls back to while the index is rebuilt after a change, the median of
hand-written SQL computing the same ordered ids on the same file, and the ratio of the
app's median to the hand-written one. Each filter is timed three times: its ordered ids
alone (compared with the SQL), with all the window needs for it (the total and every facet
count), and with the first page of rows too (the window's whole job). Then come the time
to build the index, to keep it beside the database (DB-index) and read it back, and to
fetch a page of table rows; then the index's memory (tracemalloc), and the index compared
with SQL on random filters (the count of differences, 0 when all is well).
"""

from __future__ import annotations

import argparse
import gc
import random
import sqlite3
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from models import index_file
from models.database import SCHEMA_REVISION, open_database
from models.dates import PartialDate
from models.facet_index import SHORT_TERM, FacetIndex
from models.fields import find_field
from models.index_file import index_path
from models.parties import find_party
from models.query import (
    AgreementFilter,
    Sort,
    SortColumn,
    agreement_ids,
    count,
    facet_counts,
    fetch_rows,
    field_tree,
    party_list,
)
from models.text import search_terms
from models.vocab import Kind, Level, Status

PAGE = 200  # the table's page (ui.agreement_table_model), read with the ids


@dataclass(frozen=True)
class Timing:
    name: str
    median_ms: float
    p95_ms: float
    fallback_ms: float | None = None
    sql_ms: float | None = None
    cpu_ms: float | None = None  # the app's median processor time

    def row(self) -> str:
        def number(value: float | None) -> str:
            return f"{value:.1f}" if value is not None else "–"

        ratio = f"{self.median_ms / self.sql_ms:.2f}×" if self.sql_ms else "–"
        return (
            f"| {self.name} | {self.median_ms:.1f} | {self.p95_ms:.1f} | "
            f"{number(self.fallback_ms)} | {number(self.sql_ms)} | {ratio} | "
            f"{number(self.cpu_ms)} |"
        )


HEADER = (
    "| operation | app median ms | app p95 ms | SQL fallback median ms | "
    "hand SQL median ms | app ÷ hand SQL | app CPU median ms |\n|---|---|---|---|---|---|---|"
)


def _time(work: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median and p95 wall time, and median processor time (the machine is shared), in ms."""
    work()  # warm the page cache, as a second query in a running app would find it
    samples, cpu = [], []
    for _ in range(runs):
        started, processor = time.perf_counter(), time.process_time()
        work()
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - processor) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    return statistics.median(samples), p95, statistics.median(cpu)


def run(path: Path, runs: int) -> list[Timing]:
    database = open_database(path, create=False)
    raw = sqlite3.connect(path)
    timings = []
    with database.sessions() as session:
        kaz, uzb = find_party(session, "KAZ"), find_party(session, "UZB")
        energy = find_field(session, "Energy")
        assert kaz and uzb and energy, "generate the database with benchmarks.generate"
        newest = Sort(SortColumn.SIGNED_ON, descending=True)
        cases = [
            (
                "filter: one party",
                AgreementFilter(parties=(kaz.id,)),
                "SELECT a.id FROM agreements a JOIN participations p ON p.agreement_id = a.id "
                f"WHERE p.party_id = {kaz.id} ORDER BY a.signed_on DESC",
            ),
            (
                "filter: between two parties",
                AgreementFilter(parties=(kaz.id, uzb.id)),
                "SELECT a.id FROM agreements a WHERE a.id IN (SELECT agreement_id FROM "
                f"participations WHERE party_id = {kaz.id}) AND a.id IN (SELECT agreement_id FROM "
                f"participations WHERE party_id = {uzb.id}) ORDER BY a.signed_on DESC",
            ),
            (
                "filter: field, status, dates",
                AgreementFilter(
                    fields=(energy.id,),
                    statuses=(Status.IN_FORCE,),
                    signed_from=PartialDate(1990),
                    signed_to=PartialDate(2020),
                ),
                "SELECT DISTINCT a.id FROM agreements a JOIN agreement_fields f "
                "ON f.agreement_id = a.id JOIN fields x ON x.id = f.field_id "
                f"WHERE (x.id = {energy.id} OR x.parent_id = {energy.id}) "
                "AND a.status = 'in force' AND a.signed_on >= '1990' "
                "AND a.signed_on < '2020~' ORDER BY a.signed_on DESC",
            ),
            (
                "search: 'energy'",
                AgreementFilter(text="energy"),
                "SELECT a.id FROM agreements a WHERE a.id IN (SELECT rowid FROM agreement_search "
                "WHERE agreement_search MATCH '\"energy\"*') ORDER BY a.signed_on DESC",
            ),
            (
                "search: one letter 'k'",
                AgreementFilter(text="k"),
                "SELECT a.id FROM agreements a WHERE a.id IN (SELECT rowid FROM agreement_search "
                "WHERE agreement_search MATCH '\"k\"*') ORDER BY a.signed_on DESC",
            ),
            ("no filter", AgreementFilter(), "SELECT id FROM agreements ORDER BY signed_on DESC"),
        ]
        builds, build_cpu = [], []
        for _ in range(3):
            started, processor = time.perf_counter(), time.process_time()
            index = FacetIndex.build(session)
            builds.append((time.perf_counter() - started) * 1000)
            build_cpu.append((time.process_time() - processor) * 1000)
        assert index is not None
        for name, wanted, sql in cases:

            def ids(wanted: AgreementFilter = wanted) -> object:
                index.forget_searches()  # each run is a new search, as typing makes
                return index.ids(session, wanted, newest)

            def window(wanted: AgreementFilter = wanted) -> object:
                index.forget_searches()
                return (
                    index.ids(session, wanted, newest),
                    index.total,
                    index.facets(session, wanted),
                )

            def whole_job(wanted: AgreementFilter = wanted) -> object:
                # What the window waits for: the ids, every count and the first page's rows.
                index.forget_searches()
                found = index.ids(session, wanted, newest)
                return (
                    found,
                    index.total,
                    index.facets(session, wanted),
                    fetch_rows(session, found[:PAGE]),
                )

            def fallback(wanted: AgreementFilter = wanted) -> object:
                return agreement_ids(session, wanted, newest)

            def fallback_window(wanted: AgreementFilter = wanted) -> object:
                return (fallback(wanted), count(session), facet_counts(session, wanted))

            first = _first_search(session, index, wanted) if _short(wanted) else None
            sql_median, *_ = _time(lambda sql=sql: raw.execute(sql).fetchall(), runs)
            median, p95, cpu = _time(ids, runs)
            slow, *_ = _time(fallback, runs)
            timings.append(Timing(name, median, p95, slow, sql_median, cpu))
            median, p95, cpu = _time(window, runs)
            slow, *_ = _time(fallback_window, max(1, runs // 3))
            timings.append(
                Timing(f"{name}, with total and facet counts", median, p95, slow, None, cpu)
            )
            median, p95, cpu = _time(whole_job, runs)
            timings.append(
                Timing(f"{name}, whole job with the first page", median, p95, None, None, cpu)
            )
            if first is not None:
                wall, processor = first
                timings.append(
                    Timing(f"{name}, with counts, first time", wall, wall, None, None, processor)
                )
        for column, sql in (
            (SortColumn.SIGNED_ON, "SELECT id FROM agreements ORDER BY signed_on"),
            (SortColumn.TITLE, "SELECT id FROM agreements ORDER BY title_key"),
        ):
            sort = Sort(column)
            # The first sort by a column reads its order from SQL into the index.
            fresh = FacetIndex.build(session)
            assert fresh is not None
            started = time.perf_counter()
            fresh.ids(session, AgreementFilter(), sort)
            first = (time.perf_counter() - started) * 1000
            median, p95, cpu = _time(
                lambda sort=sort: index.ids(session, AgreementFilter(), sort), runs
            )
            slow, *_ = _time(
                lambda sort=sort: agreement_ids(session, AgreementFilter(), sort), runs
            )
            sql_median, *_ = _time(lambda sql=sql: raw.execute(sql).fetchall(), runs)
            timings.append(
                Timing(f"sort all by {column.value}", median, p95, slow, sql_median, cpu)
            )
            timings.append(
                Timing(f"sort all by {column.value}, first time", first, first, None, None)
            )
        builds.sort()
        timings.append(
            Timing(
                "build the index (in the background)",
                builds[1],
                builds[-1],
                cpu_ms=statistics.median(build_cpu),
            )
        )
        timings += _kept_index(session, path, index)
        ids = agreement_ids(session, AgreementFilter(), newest)
        step = max(1, len(ids) // 20)
        pages = [ids[start : start + 200] for start in range(0, len(ids), step)][:20]
        samples = []
        for chunk in pages:
            started = time.perf_counter()
            fetch_rows(session, chunk)
            samples.append((time.perf_counter() - started) * 1000)
        samples.sort()
        timings.append(
            Timing(
                "table page of 200 rows (scrolling)",
                statistics.median(samples),
                samples[int(len(samples) * 0.95)],
                None,
                None,
            )
        )
    raw.close()
    database.close()
    return timings


def _short(wanted: AgreementFilter) -> bool:
    """A search of one short word: its set and counts are kept with the index once asked."""
    terms = search_terms(wanted.text)
    return len(terms) == 1 and len(terms[0]) <= SHORT_TERM


def _first_search(
    session: Session, index: FacetIndex, wanted: AgreementFilter
) -> tuple[float, float]:
    """Wall and processor ms of a short word's first search with counts (nothing kept yet)."""
    fresh = FacetIndex.from_state(index.state())
    started, processor = time.perf_counter(), time.process_time()
    fresh.ids(session, wanted, Sort(SortColumn.SIGNED_ON, descending=True))
    fresh.facets(session, wanted)
    return (time.perf_counter() - started) * 1000, (time.process_time() - processor) * 1000


def _kept_index(session: Session, path: Path, index: FacetIndex) -> list[Timing]:
    """Writing the index beside the database, and reading it back as a window opening does."""
    kept = index_path(path)
    assert kept is not None
    saves, loads, cpu = [], [], []
    for _ in range(3):
        started = time.perf_counter()
        assert index_file.save(session, index, kept, SCHEMA_REVISION)
        saves.append((time.perf_counter() - started) * 1000)
        started, processor = time.perf_counter(), time.process_time()
        assert index_file.load(session, kept, SCHEMA_REVISION) is not None
        loads.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - processor) * 1000)
    saves.sort()
    loads.sort()
    size = kept.stat().st_size / 2**20
    return [
        Timing(f"keep the index beside the database ({size:.0f} MiB)", saves[1], saves[-1]),
        Timing(
            "read the kept index back (opening the window)",
            loads[1],
            loads[-1],
            cpu_ms=statistics.median(cpu),
        ),
    ]


def memory(path: Path) -> list[str]:
    """The index's memory: what a build leaves allocated, and the most it held meanwhile."""
    database = open_database(path, create=False)
    lines = []
    with database.sessions() as session:
        for label, make in (
            ("built", lambda: FacetIndex.build(session)),
            ("read back", lambda: index_file.load(session, index_path(path), SCHEMA_REVISION)),  # type: ignore[arg-type]
        ):
            gc.collect()
            tracemalloc.start()
            index = make()
            held, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            assert index is not None
            mib = f"{held / 2**20:.0f} / {peak / 2**20:.0f} MiB"
            lines.append(f"| index memory, {label}: held / peak (tracemalloc) | {mib} |")
            del index
    database.close()
    return lines


def compare(path: Path, number: int, seed: int = 20) -> str:
    """The index beside SQL on *number* random filters: ids in every sort, and the counts."""
    database = open_database(path, create=False)
    rng = random.Random(seed)
    differences = counted = 0
    with database.sessions() as session:
        index = FacetIndex.build(session)
        assert index is not None
        choices = {
            "fields": [node.id for node in field_tree(session)],
            "parties": [entry.id for entry in party_list(session)],
        }
        for number_done in range(number):
            wanted = _random_filter(rng, choices)
            sort = Sort(rng.choice(list(SortColumn)), rng.random() < 0.5)
            if index.ids(session, wanted, sort) != agreement_ids(session, wanted, sort):
                differences += 1
            elif number_done % 10 == 0:  # SQL's counts take seconds at a million: one in ten
                counted += 1
                if index.facets(session, wanted) != facet_counts(session, wanted):
                    differences += 1
    database.close()
    return (
        f"| random filters compared with SQL (ordered ids; all counts for {counted}) "
        f"| {number}, {differences} differences |"
    )


def _random_filter(rng: random.Random, choices: dict[str, list[int]]) -> AgreementFilter:
    def some(values: list[Any], most: int) -> tuple[Any, ...]:
        return tuple(rng.sample(values, rng.randint(0, min(most, len(values)))))

    def day() -> PartialDate | None:
        if rng.random() < 0.7:
            return None
        return PartialDate(rng.randint(1900, 2030), rng.choice([None, rng.randint(1, 12)]))

    return AgreementFilter(
        fields=some(choices["fields"], 2),
        parties=some(choices["parties"], 3),
        any_party=rng.random() < 0.3,
        statuses=some(list(Status), 3),
        kinds=some(list(Kind), 2),
        levels=some(list(Level), 1),
        signed_from=day(),
        signed_to=day(),
        text=rng.choice(["", "", "", "energy", "k", "Türkiye", "оқ", "oʻzbek"]),
        due_within=rng.choice([None, None, None, 30, 365]),
        due_overdue=rng.random() < 0.1,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--compare", type=int, default=300, help="random filters compared with SQL (0: none)"
    )
    args = parser.parse_args(argv)
    print(HEADER)
    for timing in run(args.database, args.runs):
        print(timing.row(), flush=True)
    print("\n| the index | |\n|---|---|")
    for line in memory(args.database):
        print(line, flush=True)
    if args.compare:
        print(compare(args.database, args.compare), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Query-path timings on one generated database, each beside the plainest hand-written SQL.

    .venv/bin/python -m benchmarks.query_benchmark DB [--runs 7]

Prints one Markdown table row per operation: the app's median and p95 (ms) on the path
the window takes (the in-memory FacetIndex, models/facet_index.py), the median of the SQL
path it falls back to while the index is rebuilt after a change, the median of
hand-written SQL computing the same ordered ids on the same file, and the ratio of the
app's median to the hand-written one. Each filter is timed twice: its ordered ids alone
(compared with the SQL), and with all the window needs for it (the total and every facet
count). Last come the time to build the index and to fetch a page of table rows.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.database import open_database
from models.dates import PartialDate
from models.facet_index import FacetIndex
from models.fields import find_field
from models.parties import find_party
from models.query import (
    AgreementFilter,
    Sort,
    SortColumn,
    agreement_ids,
    count,
    facet_counts,
    fetch_rows,
)
from models.vocab import Status


@dataclass(frozen=True)
class Timing:
    name: str
    median_ms: float
    p95_ms: float
    fallback_ms: float | None
    sql_ms: float | None

    def row(self) -> str:
        def number(value: float | None) -> str:
            return f"{value:.1f}" if value is not None else "–"

        ratio = f"{self.median_ms / self.sql_ms:.2f}×" if self.sql_ms else "–"
        return (
            f"| {self.name} | {self.median_ms:.1f} | {self.p95_ms:.1f} | "
            f"{number(self.fallback_ms)} | {number(self.sql_ms)} | {ratio} |"
        )


HEADER = (
    "| operation | app median ms | app p95 ms | SQL fallback median ms | "
    "hand SQL median ms | app ÷ hand SQL |\n|---|---|---|---|---|---|"
)


def _time(work: Callable[[], object], runs: int) -> tuple[float, float]:
    work()  # warm the page cache, as a second query in a running app would find it
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


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
        builds = []
        for _ in range(3):
            started = time.perf_counter()
            index = FacetIndex.build(session)
            builds.append((time.perf_counter() - started) * 1000)
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

            def fallback(wanted: AgreementFilter = wanted) -> object:
                return agreement_ids(session, wanted, newest)

            def fallback_window(wanted: AgreementFilter = wanted) -> object:
                return (fallback(wanted), count(session), facet_counts(session, wanted))

            sql_median, _ = _time(lambda sql=sql: raw.execute(sql).fetchall(), runs)
            median, p95 = _time(ids, runs)
            slow, _ = _time(fallback, runs)
            timings.append(Timing(name, median, p95, slow, sql_median))
            median, p95 = _time(window, runs)
            slow, _ = _time(fallback_window, max(1, runs // 3))
            timings.append(Timing(f"{name}, with total and facet counts", median, p95, slow, None))
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
            median, p95 = _time(lambda sort=sort: index.ids(session, AgreementFilter(), sort), runs)
            slow, _ = _time(lambda sort=sort: agreement_ids(session, AgreementFilter(), sort), runs)
            sql_median, _ = _time(lambda sql=sql: raw.execute(sql).fetchall(), runs)
            timings.append(Timing(f"sort all by {column.value}", median, p95, slow, sql_median))
            timings.append(
                Timing(f"sort all by {column.value}, first time", first, first, None, None)
            )
        builds.sort()
        timings.append(
            Timing("build the index (in the background)", builds[1], builds[-1], None, None)
        )
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    print(HEADER)
    for timing in run(args.database, args.runs):
        print(timing.row(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

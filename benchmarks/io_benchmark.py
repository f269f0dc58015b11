"""How fast CSV import and export are: 100,000 rows in, then out again.

    .venv/bin/python -m benchmarks.io_benchmark [--rows 100000] [--runs 3]
    .venv/bin/python -m benchmarks.io_benchmark --memory-rows 2000000   # peak memory only
    .venv/bin/python -m benchmarks.io_benchmark --generated 100000 [--database DB] [--runs 3]
    .venv/bin/python -m benchmarks.io_benchmark --generated 100000 --export-only   # no import

With --generated N (what `make bench` runs): a database of N agreements made by
benchmarks.generate (kept in build/bench/) is exported to CSV and to JSON, and the CSV is
imported into a fresh database, each step in a process of its own; it prints each step's
median wall time, median CPU time (user + system, the step alone) and the process's peak
resident memory, and whether exporting the imported database gives the same CSV again.
With --export-only it runs the two exports alone (no import, no round-trip check).
The targets (issue #20): import of 100,000 rows under 20 s and 200 MB, export under 5 s.

Without --generated it generates a CSV with ~200 distinct party spellings (ISO codes,
names, organizations) and ~60 field paths, imports it into a fresh temporary database,
exports it back (CSV, then JSON), and prints the median of each step over the runs, with
rows per second.
The targets (issue "Import and export"): import under 60 s, export under 20 s.
With --memory-rows N it instead imports an N-row file (and checks it with a dry run)
in a process of its own each, and prints each one's time and peak resident memory:
the target is under 1 GB whatever the size of the file.
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import itertools
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pycountry

from models.agreement_record import CSV_COLUMNS, EXPORT_CSV_COLUMNS
from models.database import open_database
from models.exchange import export_file, import_file, preview_import
from models.vocab import Kind, Level, Status

TOPICS = (
    "Energy",
    "Transport",
    "Trade and investment",
    "Outer space",
    "Emergency management",
    "Water",
    "Education",
    "Health",
    "Culture",
    "Defence",
    "Agriculture",
    "Digital",
)
SUBTOPICS = ("Rail", "Roads", "Oil and gas", "Customs", "Research")
ORGANIZATIONS = (
    *(f"Regional Commission No. {number}" for number in range(1, 31)),
    "United Nations",
    "European Union",
    "Shanghai Cooperation Organisation",
    "Organisation of Turkic States",
    "World Bank",
    "Eurasian Economic Union",
    "Ministry of Energy of the Republic of Kazakhstan",
    "Oʻzbekiston Temir Yoʻllari",
    "Türkiye Cumhuriyeti Dışişleri Bakanlığı",
    "Министерство иностранных дел",
)
TEXTS = (
    'Тоқаев and Mirziyoyev agreed, in principle, to "deepen" ties',
    "Oʻzbekiston; Türkiye; Kazakhstan",
    "A summary with a line break\nand a second line",
    "",
)


def party_names() -> list[str]:
    """~200 spellings: 110 ISO alpha-3 codes, 50 country names, 40 organizations."""
    countries = sorted(pycountry.countries, key=lambda country: country.alpha_3)
    codes = [country.alpha_3 for country in countries[:110]]
    names = [country.name for country in countries[110:160]]
    return codes + names + list(ORGANIZATIONS)


def field_paths() -> list[str]:
    """60 paths: 12 topics, each alone and with 4 subtopics."""
    paths = []
    for number, topic in enumerate(TOPICS):
        paths.append(topic)
        paths.extend(f"{topic} > {sub}" for sub in SUBTOPICS[number % 2 : number % 2 + 4])
    return paths


def partial_date(rng: random.Random, year: int) -> str:
    precision = rng.random()
    if precision < 0.2:
        return str(year)
    if precision < 0.4:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def write_csv(path: Path, rows: int, seed: int = 2021) -> None:
    rng = random.Random(seed)
    parties, fields = party_names(), field_paths()
    kinds, statuses, levels = Kind.values(), Status.values(), Level.values()
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow((*CSV_COLUMNS, "level"))
        for number in range(rows):
            year = rng.randint(1950, 2024)
            writer.writerow(
                (
                    f"Agreement No. {number} on {rng.choice(TOPICS).lower()}, between parties",
                    rng.choice(kinds),
                    rng.choice(statuses),
                    partial_date(rng, year),
                    rng.choice(("Nur-Sultan", "Tashkent", "Ankara", "Geneva", "")),
                    partial_date(rng, year + 1) if rng.random() < 0.5 else "",
                    partial_date(rng, year + 30) if rng.random() < 0.2 else "",
                    "; ".join(rng.sample(parties, rng.randint(1, 4))),
                    "; ".join(rng.sample(fields, rng.randint(1, 3))),
                    rng.choice(TEXTS),
                    f"https://treaties.example.org/{number}" if rng.random() < 0.3 else "",
                    rng.choice(TEXTS),
                    rng.choice(levels),
                )
            )


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run_once(folder: Path, source: Path, number: int) -> dict[str, float]:
    database = open_database(folder / f"run{number}.db")
    try:
        times = {}

        def import_all() -> None:
            with database.sessions.begin() as session:
                import_file(session, source, new_parties=True)  # its names are made up on purpose

        times["import CSV"] = timed(import_all)
        for suffix in ("csv", "json"):

            def export_all(suffix: str = suffix) -> None:
                with database.sessions.begin() as session:
                    export_file(session, folder / f"run{number}.{suffix}")

            times[f"export {suffix.upper()}"] = timed(export_all)
        return times
    finally:
        database.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory-rows", type=int, help="measure the peak memory of N rows")
    parser.add_argument("--generated", type=int, help="export and import a generated database")
    parser.add_argument("--database", type=Path, help="with --generated: this database")
    parser.add_argument(
        "--export-only", action="store_true", help="with --generated: the exports alone"
    )
    parser.add_argument("--child", nargs=3, metavar=("STEP", "FILE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_step(*args.child)
    if args.memory_rows:
        return measure_memory(args.memory_rows)
    if args.generated:
        return measure_generated(args.generated, args.database, args.runs, args.export_only)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "agreements.csv"
        write_csv(source, args.rows)
        size = source.stat().st_size / 1e6
        print(
            f"{args.rows} rows, {size:.1f} MB, {len(party_names())} party spellings, "
            f"{len(field_paths())} field paths; {args.runs} runs"
        )
        runs = [run_once(folder, source, number) for number in range(args.runs)]
    for step in runs[0]:
        median = statistics.median(run[step] for run in runs)
        print(
            f"{step:<11} median {median:6.2f} s  {args.rows / median:9,.0f} rows/s  "
            f"(runs: {', '.join(f'{run[step]:.2f}' for run in runs)})"
        )
    print(f"peak memory {peak_memory()}")
    return 0


def measure_memory(rows: int) -> int:
    """A dry run and an import of *rows* rows, each in a fresh process: time and peak RSS."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source = folder / "agreements.csv"
        write_csv(source, rows)
        print(f"{rows:,} rows, {source.stat().st_size / 1e6:,.0f} MB")
        for step in ("dry-run", "import"):
            done = child(step, source, folder / "memory.db")
            print(f"{step:<8} {done['wall']:7.0f} s  peak memory {done['peak_mib']:,.0f} MiB")
    return 0


def measure_generated(
    size: int, database: Path | None, runs: int, export_only: bool = False
) -> int:
    """Export a generated database to CSV and JSON and import the CSV afresh, *runs* times
    (the exports alone with *export_only*)."""
    if database is None:
        from benchmarks.suite import database as generated

        database = generated(size)
    steps: dict[str, list[dict[str, float]]] = {}
    print(f"{size:,} generated agreements ({database.name}); {runs} runs", flush=True)
    print("each step in a process of its own: wall and CPU (user + system), peak RSS")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        exported, again = folder / "export.csv", folder / "again.csv"
        for number in range(runs):
            fresh = folder / f"import{number}.db"
            for step, source, target in (
                ("export CSV", exported, database),
                ("export JSON", folder / "export.json", database),
                *([] if export_only else [("import CSV", exported, fresh)]),
            ):
                done = child(step.split()[0].lower(), source, target)
                steps.setdefault(step, []).append(done)
                print(f"  run {number + 1}: {_figures(step, [done])}", flush=True)
            if export_only:
                continue
            if number == 0:
                child("export", again, fresh)
                verdict = same_agreements(exported, again)
                print(f"  CSV file {exported.stat().st_size / 1e6:.0f} MB", flush=True)
            fresh.unlink()
    for step, done in steps.items():
        walls = ", ".join(f"{d['wall']:.2f}" for d in done)
        print(f"{_figures(step, done)}  (wall: {walls})")
    if export_only:
        return 0
    print(f"export → import → export gives the same CSV: {verdict}")
    return 0 if verdict.startswith("yes") else 1


def same_agreements(first: Path, second: Path) -> str:
    """'yes' when the files are the same, or the same but for what the import is meant to
    change: how some parties are spelt, and rows repeating an earlier row of the file.

    benchmarks.generate names some organisations by their short names ('ASEAN', 'FAO'),
    which the app records under their full names (Association of Southeast Asian
    Nations): those cells name the same parties in other words. It also gives a few
    agreements the title and signing date of an earlier one (13 in 20,000): the import
    skips such a row as a repeat, and says so.
    """
    if filecmp.cmp(first, second, shallow=False):
        return "yes"
    from models.exchange import title_identity
    from models.parties import party_identity

    column = EXPORT_CSV_COLUMNS.index("parties")
    signed = EXPORT_CSV_COLUMNS.index("signed_on")
    respelt = repeats = 0
    seen: set[tuple[str, str]] = set()

    def unrepeated(rows: Iterator[list[str]]) -> Iterator[list[str]]:
        nonlocal repeats
        yield next(rows)  # the header
        for row in rows:
            identity = (title_identity(row[0]), row[signed])
            if identity in seen:
                repeats += 1
                continue
            seen.add(identity)
            yield row

    with (
        first.open(encoding="utf-8", newline="") as one,
        second.open(encoding="utf-8", newline="") as two,
    ):
        for a, b in itertools.zip_longest(unrepeated(csv.reader(one)), csv.reader(two)):
            if a == b:
                continue
            if a is None or b is None or len(a) != len(b):
                return "NO (rows differ)"
            others = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
            names = [[party_identity(n) for n in row[column].split("; ")] for row in (a, b)]
            if others != [column] or names[0] != names[1]:
                return f"NO (first difference: {a[0]!r})"
            respelt += 1
    return (
        f"yes, but for {respelt:,} rows whose parties the generator names by short names"
        f" and {repeats:,} rows skipped as repeats of an earlier row"
    )


def _figures(step: str, done: list[dict[str, float]]) -> str:
    """'import CSV   wall  12.00 s  CPU  11.00 s  peak  150 MiB': medians, the largest peak."""
    wall = statistics.median(d["wall"] for d in done)
    cpu = statistics.median(d["cpu"] for d in done)
    peak = max(d["peak_mib"] for d in done)
    return f"{step:<11}  wall {wall:6.2f} s  CPU {cpu:6.2f} s  peak {peak:4.0f} MiB"


def child(step: str, path: Path, database: Path) -> dict[str, float]:
    """Run one step in a fresh process; its wall time, CPU time and peak memory."""
    command = [sys.executable, "-m", "benchmarks.io_benchmark", "--child", step]
    done = subprocess.run(
        [*command, str(path), str(database)], check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.splitlines()[-1])


def child_step(step: str, path: str, target: str) -> int:
    """One step: a dry run or import of *path* into *target*, or an export of *target* to
    *path*; prints its wall time, CPU time and peak memory as one line of JSON."""
    database = open_database(Path(target))
    try:
        start, cpu = time.perf_counter(), time.process_time()
        with database.sessions.begin() as session:
            if step == "dry-run":
                preview_import(session, path)
            elif step == "import":
                import_file(session, path, new_parties=True)  # its names are made up on purpose
            else:
                export_file(session, path)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        database.close()
    print(json.dumps({"wall": elapsed, "cpu": cpu, "peak_mib": peak_mib()}), flush=True)
    return 0


def peak_memory() -> str:
    """The process's largest resident size so far, where the system tells it."""
    peak = peak_mib()
    return f"{peak:,.0f} MiB" if peak else "not measured here"


def peak_mib() -> float:
    """The process's largest resident size so far in MiB (0 where the system can't tell)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


if __name__ == "__main__":
    sys.exit(main())

"""How long a short command takes, whole process, beside a hand-written script doing the same.

    .venv/bin/python -m benchmarks.cli_benchmark DB [--party KAZ] [--search Тоқаев] [--runs 9]
        [--app DIR]

Runs `treaty-tracker list --party CODE --format json` and `list --search WORDS --format
json` (as `python main.py`: start-up, imports, the query and the output), `treaty-tracker
--version`, the imports `list` can't do without (its floor), and benchmarks/hand_list.py
(sqlite3 and json only) on the same file, each in a fresh process, taking turns so that a
busy machine weighs on them alike. Prints a Markdown table: median and p95 wall time,
median CPU time (user + system), and the ratio to the hand-written script. The party
listing's answer is compared with the script's first: the same agreements, keys and values.
--app DIR runs the main.py of another checkout of the app (an older commit, for a before
and after with the same benchmark and the same Python); --before DIR --before-db PATH runs
that checkout's cases on its own copy of the database (one at its schema) in the same
rounds, taking turns with this one's, so that both meet the same load. Each checkout's
modules are compiled to bytecode first, as installing the app does (pip compiles them; this
machine's PYTHONDONTWRITEBYTECODE=1 would otherwise have every run compile them anew):
--no-compile leaves them as they are. The target (issue #20): `list` under 0.3 s at
250,000 agreements.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Case:
    name: str
    command: list[str]
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    cwd: Path = ROOT

    def run(self) -> bytes:
        """One fresh process; its wall and CPU time (user + system) are recorded."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(self.command, cwd=self.cwd, capture_output=True, check=True)
        self.wall.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        return done.stdout

    def p95(self) -> float:
        ordered = sorted(self.wall)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def cases(path: Path, party: str, search: str, app: Path, label: str = "") -> list[Case]:
    python = sys.executable
    listing = [python, "main.py", "--db", str(path), "list", "--format", "json"]
    # What `list` can't do without: on an SQLite file, the command line and the quick path's
    # modules (models.sqlite_listing); before it (an older --app), SQLAlchemy and the schema.
    # JSON written from SQLite's rows (models.sqlite_json) where the checkout has it.
    quick = (app / "models" / "sqlite_listing.py").exists()
    rows = ", models.sqlite_json" if (app / "models" / "sqlite_json.py").exists() else ""
    floor = "import " + (
        f"ui.cli.running, ui.cli.listing, models.sqlite_listing, models.sqlite_file{rows}"
        if quick
        else "models.query, models.participation_counts"
    )
    return [
        Case(f"{label}`list --party {party} --format json`", [*listing, "--party", party], cwd=app),
        Case(
            f"{label}`list --search {search} --format json`",
            [*listing, "--search", search],
            cwd=app,
        ),
        Case(f"{label}`--version`", [python, "main.py", "--version"], cwd=app),
        Case(f"{label}its floor: the modules `list` loads", [python, "-c", floor], cwd=app),
        Case(
            f"{label}hand-written script, the party listing's answer (sqlite3, json)",
            [python, str(ROOT / "benchmarks" / "hand_list.py"), str(path), party],
        ),
    ]


def compile_app(app: Path) -> None:
    """The app's modules as bytecode, as an installed copy holds them (see the docstring)."""
    sources = [name for name in ("main.py", "models", "ui", "reports") if (app / name).exists()]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *sources], cwd=app, check=True)


def same_answer(app: bytes, hand: bytes) -> int:
    """How many agreements both printed; AssertionError if the answers differ."""
    ours, theirs = json.loads(app), json.loads(hand)
    assert ours == theirs, "the app and the hand-written script disagree"
    return len(ours)


def table(measured: list[Case], hand: Case, runs: int) -> str:
    lines = [
        f"| whole process (median of {runs} runs) | median | p95 | CPU | ÷ hand-written |",
        "|---|---|---|---|---|",
    ]
    yardstick = statistics.median(hand.wall)
    for case in measured:
        median = statistics.median(case.wall)
        lines.append(
            f"| {case.name} | {median:.2f} s | {case.p95():.2f} s | "
            f"{statistics.median(case.cpu):.2f} s | {median / yardstick:.2f}× |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--party", default="KAZ")
    parser.add_argument("--search", default="Тоқаев")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--app", type=Path, default=ROOT, help="the checkout whose main.py runs")
    parser.add_argument("--before", type=Path, help="another checkout, run in the same rounds")
    parser.add_argument("--before-db", type=Path, help="its copy of the database")
    parser.add_argument("--no-compile", action="store_true", help="leave bytecode as it is")
    args = parser.parse_args(argv)
    measured = cases(args.db, args.party, args.search, args.app.resolve())
    before = (
        cases(args.before_db or args.db, args.party, args.search, args.before.resolve(), "before: ")
        if args.before
        else []
    )
    for checkout in [args.app, *([args.before] if args.before else [])]:
        if not args.no_compile:
            compile_app(checkout.resolve())
    app, searching, version, _floor, hand = measured
    # Once untimed: the file in the page cache, as every run after the first finds it.
    number = same_answer(app.run(), hand.run())
    if before:
        same_answer(before[0].run(), hand.run())
    for case in (searching, version, *before):
        case.run()
    for case in [*measured, *before]:
        case.wall.clear()
        case.cpu.clear()
    for _ in range(args.runs):
        for pair in itertools.zip_longest(measured, before):
            for case in pair:
                if case is not None:
                    case.run()
    print(table([*measured, *before], hand, args.runs))
    print(f"\n{number:,} agreements listed; load average {os.getloadavg()[0]:.1f} at the end.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

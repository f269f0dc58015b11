"""`make bench`: every benchmark at 10k, 50k and 250k agreements, results in one Markdown file.

    .venv/bin/python -m benchmarks.suite [--sizes 10000,50000,250000] [--out benchmarks/RESULTS.md]

Generated databases are kept in build/bench/ (seeded, so they are the same every time)
and reused by later runs. Each GUI measurement runs in a fresh process, so its start-up
is a cold one.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
from datetime import datetime
from pathlib import Path

FOLDER = Path("build/bench")


def _run(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, check=True)
    return done.stdout


def database(size: int) -> Path:
    path = FOLDER / f"agreements-{size}.db"
    if not path.exists():
        FOLDER.mkdir(parents=True, exist_ok=True)
        print(f"generating {path} …", file=sys.stderr)
        _run("benchmarks.generate", "--agreements", str(size), str(path))
    return path


GUI_RUNS = 3
WINDOW_ROWS = (
    ("first page of the table from process start", "first_page_ms", "ms"),
    ("all rows listed (scroll bar complete)", "all_rows_ms", "ms"),
    ("facet counts shown (index built) from process start", "counts_ms", "ms"),
    ("event-loop stall while typing, index being rebuilt: max", "stall_building_max_ms", "ms"),
    ("event-loop stall while typing, index being rebuilt: p95", "stall_building_p95_ms", "ms"),
    ("event-loop stall while typing: max", "stall_max_ms", "ms"),
    ("event-loop stall while typing: p95", "stall_p95_ms", "ms"),
    ("peak memory with the database open", "peak_mb", "MB"),
)


CHANGE_ROWS = (
    ("a save committed → counts current: median", "save_to_counts_median_ms", "ms"),
    ("a save committed → counts current: longest", "save_to_counts_max_ms", "ms"),
    ("event-loop stall while typing with a save every 300 ms: max", "stall_saving_max_ms", "ms"),
    ("event-loop stall while typing with a save every 300 ms: p95", "stall_saving_p95_ms", "ms"),
    ("event-loop stall in the 2 s after the saves: max", "stall_after_saves_max_ms", "ms"),
    ("index builds (1: only at start; each save patched it)", "index_builds", ""),
)


def change_table(path: Path) -> str:
    """Medians over GUI_RUNS processes of what change_benchmark measures."""
    runs = [json.loads(_run("benchmarks.change_benchmark", str(path))) for _ in range(GUI_RUNS)]
    lines = [f"| saves applied in place (median of {GUI_RUNS} runs) | |", "|---|---|"]
    for label, key, unit in CHANGE_ROWS:
        value = statistics.median(run[key] for run in runs)
        lines.append(f"| {label} | {f'{value:.0f} {unit}'.strip()} |")
    return "\n".join(lines) + "\n"


def window_table(path: Path) -> str:
    """Medians over GUI_RUNS cold processes of what gui_benchmark measures."""
    runs = [json.loads(_run("benchmarks.gui_benchmark", str(path))) for _ in range(GUI_RUNS)]
    lines = [f"| window (median of {GUI_RUNS} cold starts) | |", "|---|---|"]
    for label, key, unit in WINDOW_ROWS:
        lines.append(f"| {label} | {statistics.median(run[key] for run in runs):.0f} {unit} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000,250000")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/RESULTS.md"))
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    lines = [
        "# Benchmark results",
        "",
        f"Made by `make bench` on {datetime.now():%Y-%m-%d %H:%M}, {platform.machine()}, "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"SQLite {__import__('sqlite3').sqlite_version}. Medians of repeated runs.",
    ]
    for size in sizes:
        path = database(size)
        print(f"{size:,} agreements …", file=sys.stderr)
        lines += ["", f"## {size:,} agreements", "", _run("benchmarks.query_benchmark", str(path))]
        lines += [window_table(path), change_table(path)]
    print("reports and files …", file=sys.stderr)
    lines += ["", "## Reports", "", "```", _run("benchmarks.report_benchmark").strip(), "```"]
    lines += ["", "## Import and export", "", "```", _run("benchmarks.io_benchmark").strip(), "```"]
    print("attachments …", file=sys.stderr)
    lines += ["", "## Attachments", "", _run("benchmarks.attachment_benchmark").strip()]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

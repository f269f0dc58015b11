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
    (
        "index ready from opening (read back from DB-index after the first run)",
        "index_ready_ms",
        "ms",
    ),
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


SCROLL_ROWS = (
    ("event-loop stall dragging the scroll bar top to bottom: max", "stall_max_ms", "ms"),
    ("event-loop stall dragging the scroll bar top to bottom: p95", "stall_p95_ms", "ms"),
    ("pages of rows read during the drag", "pages_read", ""),
    ("rows in view shown after the drag ends", "rows_in_view_after_drag_ms", "ms"),
)


def _median_table(
    module: str, title: str, rows: tuple[tuple[str, str, str], ...], path: Path
) -> str:
    """Medians over GUI_RUNS fresh processes of what *module* measures on *path*."""
    runs = [json.loads(_run(module, str(path))) for _ in range(GUI_RUNS)]
    lines = [f"| {title} (median of {GUI_RUNS} runs) | |", "|---|---|"]
    for label, key, unit in rows:
        value = statistics.median(run[key] for run in runs)
        lines.append(f"| {label} | {f'{value:.0f} {unit}'.strip()} |")
    return "\n".join(lines) + "\n"


def window_tables(path: Path) -> list[str]:
    """The window: a cold start, saves applied in place, scrolling the table."""
    return [
        _median_table("benchmarks.gui_benchmark", "window, cold starts", WINDOW_ROWS, path),
        _median_table("benchmarks.change_benchmark", "saves applied in place", CHANGE_ROWS, path),
        _median_table("benchmarks.scroll_benchmark", "scrolling the table", SCROLL_ROWS, path),
    ]


def bulk_table(path: Path) -> str:
    """Bulk edit and its undo on up to 10,000 and 100,000 agreements (medians of 3 runs)."""
    figures = json.loads(_run("benchmarks.change_benchmark", str(path), "--bulk"))
    lines = ["| bulk edit: set the status (median of 3 runs) | wall | CPU |", "|---|---|---|"]
    for size in (10_000, 100_000):
        for step in ("apply", "undo"):
            wall = figures[f"bulk_{size}_{step}_median_s"]
            cpu = figures[f"bulk_{size}_{step}_cpu_median_s"]
            changed = figures[f"bulk_{size}_changed"]
            lines.append(f"| {step} on {changed:,} agreements | {wall:.1f} s | {cpu:.1f} s |")
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
        lines += window_tables(path)
    lines.append(bulk_table(path))  # the largest database only: minutes at 250,000
    lines += ["", "## Command line", "", _run("benchmarks.cli_benchmark", str(path))]
    print("reports and files …", file=sys.stderr)
    lines += ["", "## Reports", "", "```", _run("benchmarks.report_benchmark").strip(), "```"]
    exchange = _run("benchmarks.io_benchmark", "--generated", "100000").strip()
    lines += ["", "## Import and export", "", "```", exchange, "```"]
    print("attachments …", file=sys.stderr)
    lines += ["", "## Attachments", "", _run("benchmarks.attachment_benchmark").strip()]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

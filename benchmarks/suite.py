"""`make bench`: every benchmark at 10k, 50k and 250k agreements, results in one Markdown file.

    .venv/bin/python -m benchmarks.suite [--sizes 10000,50000,250000] [--out benchmarks/RESULTS.md]

Generated databases are kept in build/bench/ (seeded, so they are the same every time)
and reused by later runs. Each GUI measurement runs in a fresh process, so its start-up
is a cold one.
"""

from __future__ import annotations

import argparse
import platform
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
        lines += ["| window | |", "|---|---|", _run("benchmarks.gui_benchmark", str(path))]
    print("reports and files …", file=sys.stderr)
    lines += ["", "## Reports", "", "```", _run("benchmarks.report_benchmark").strip(), "```"]
    lines += ["", "## Import and export", "", "```", _run("benchmarks.io_benchmark").strip(), "```"]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Attach and search times for 1,000 attachments on 10,000 agreements; a 50 MB PDF's cost.

    .venv/bin/python -m benchmarks.attachment_benchmark [--attachments 1000] [--agreements 10000]

Generates the agreements (benchmarks.generate), then 1,000 files of the kinds analysts
attach — 400 PDFs of three pages, 300 DOCX, 200 text files, 100 HTML pages, each some
2,000 words drawn from a treaty vocabulary with a word of its own — and attaches them one
transaction each, as the window does. Then times searches that reach into them (through
the window's index and through SQL) against the same searches before any attachment,
the "found only in an attachment" passage, opening the database, and one 50 MB PDF
attached in a process of its own with its peak memory. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from models.attachment_hits import search_hits
from models.attachments import attach_file, save_copy
from models.database import Database, open_database
from models.facet_index import FacetIndex
from models.query import AgreementFilter, Sort, agreement_ids, count

WORDS = [
    "treaty",
    "convention",
    "party",
    "parties",
    "article",
    "paragraph",
    "ratification",
    "accession",
    "signature",
    "implementation",
    "cooperation",
    "energy",
    "transport",
    "pipeline",
    "railway",
    "hydropower",
    "water",
    "border",
    "customs",
    "investment",
    "protocol",
    "annex",
    "depositary",
    "notification",
    "amendment",
    "withdrawal",
    "dispute",
    "settlement",
    "arbitration",
    "territory",
    "obligations",
    "provisions",
    "reservation",
    "Kazakhstan",
    "Oʻzbekiston",
    "Türkiye",
    "Тоқаев",
    "Ташкент",
    "Астана",
    "cooperation",
    "commission",
    "secretariat",
]
KINDS = (("pdf", 400), ("docx", 300), ("txt", 200), ("html", 100))
SEARCHES = (
    ("a word in every attachment and many records: 'energy'", "energy"),
    ("a word only in one attachment: 'zq0050'", "zq0050"),
    ("two words, one in attachments only: 'pipeline hydropower'", "pipeline hydropower"),
    ("one letter: 'k'", "k"),
    ("Cyrillic, folded: 'токаев'", "токаев"),
)


def text_of(number: int, words: int = 2000) -> list[str]:
    """Lines of treaty-like words, with a word of this file's own ('zq0042')."""
    pick = random.Random(number)
    body = [pick.choice(WORDS) for _ in range(words)]
    body[pick.randrange(words)] = f"zq{number:04d}"
    return [" ".join(body[start : start + 14]) for start in range(0, words, 14)]


def make_file(folder: Path, kind: str, number: int) -> Path:
    lines = text_of(number)
    path = folder / f"attachment-{number:04d}.{kind}"
    if kind == "pdf":
        canvas = Canvas(str(path), pagesize=A4, invariant=1)
        for index, line in enumerate(lines):
            if index and index % 50 == 0:
                canvas.showPage()
            canvas.drawString(
                40, 800 - (index % 50) * 15, line.encode("latin-1", "replace").decode("latin-1")
            )
        canvas.save()
    elif kind == "docx":
        body = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in lines)
        namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(
                "word/document.xml",
                f'<w:document xmlns:w="{namespace}"><w:body>{body}</w:body></w:document>',
            )
    elif kind == "html":
        paragraphs = "".join(f"<p>{escape(line)}</p>" for line in lines)
        path.write_text(f"<html><body>{paragraphs}</body></html>", encoding="utf-8")
    else:
        path.write_text("\n".join(lines), encoding="utf-8")
    return path


def timed(action: Callable[[], object], runs: int = 5) -> tuple[float, float]:
    """Median and worst of *runs* calls, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def search_times(database: Database, words: str) -> tuple[float, float, int]:
    """Through the window's index (ids and count) and through SQL; and how many matched."""
    with database.sessions() as session:
        index = FacetIndex.build(session)
        assert index is not None
        wanted = AgreementFilter(text=words)

        def indexed() -> None:
            index.forget_searches()
            index.ids(session, wanted, Sort())
            index.count(session, wanted)

        window, _ = timed(indexed)
        sql, _ = timed(lambda: agreement_ids(session, wanted, Sort()))
        return window, sql, count(session, wanted)


def open_time(db: Path) -> float:
    """Milliseconds to open the database and count its agreements (median of 5)."""

    def open_and_count() -> None:
        database = open_database(db)
        with database.sessions() as session:
            count(session, AgreementFilter())
        database.close()

    return timed(open_and_count)[0]


def big_pdf(path: Path, megabytes: int = 50) -> Path:
    """A PDF of about *megabytes* MB: 20 pages of text, then a scan-like photo of noise."""
    from PIL import Image

    side = int((megabytes * 1_000_000 * 2 / 3) ** 0.5)  # noise JPEGs take ~1.5 bytes a pixel
    noise = Image.frombytes("RGB", (side, side), random.Random(1).randbytes(side * side * 3))
    photo = path.with_suffix(".jpg")
    noise.save(photo, quality=95)  # a JPEG is embedded as it is: no slow re-encoding
    canvas = Canvas(str(path), pagesize=A4)
    for page in range(20):
        for index, line in enumerate(text_of(page, 700)[:50]):
            canvas.drawString(
                40, 800 - index * 15, line.encode("latin-1", "replace").decode("latin-1")
            )
        canvas.showPage()
    canvas.drawImage(str(photo), 0, 0, width=A4[0], height=A4[1])
    canvas.showPage()
    canvas.save()
    photo.unlink()
    return path


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not its parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_big_attach(db: str, pdf: str) -> None:
    """In a process of its own: attach the 50 MB PDF, save it back; time and peak memory."""
    database = open_database(db)
    start = time.perf_counter()
    with database.sessions.begin() as session:
        attached = attach_file(session, 1, Path(pdf), label="signed text")
    stored = time.perf_counter() - start
    start = time.perf_counter()
    with database.sessions() as session:
        save_copy(session, attached.version.id, Path(pdf).with_suffix(".copy.pdf"))
    saved = time.perf_counter() - start
    peak = peak_mb()
    print(f"{stored * 1000:.0f} {saved * 1000:.0f} {peak:.0f} {attached.version.text_status}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attachments", type=int, default=1000)
    parser.add_argument("--agreements", type=int, default=10000)
    parser.add_argument("--big", nargs=2, metavar=("DB", "PDF"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.big:
        one_big_attach(*args.big)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        run(Path(folder), args.agreements, args.attachments)
    return 0


def run(folder: Path, agreements: int, attachments: int) -> None:
    db = folder / "bench.db"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.generate", "--agreements", str(agreements), str(db)],
        check=True,
        capture_output=True,
    )
    opened_before = open_time(db)
    database = open_database(db)
    before = {words: search_times(database, words) for _label, words in SEARCHES}
    size_before = db.stat().st_size
    files = folder / "files"
    files.mkdir()
    plan = [kind for kind, share in KINDS for _ in range(share * attachments // 1000)]
    pick = random.Random(7)
    times: dict[str, list[float]] = {kind: [] for kind, _share in KINDS}
    for number, kind in enumerate(plan):
        path = make_file(files, kind, number)
        agreement = pick.randrange(1, agreements + 1)
        start = time.perf_counter()
        with database.sessions.begin() as session:
            attach_file(session, agreement, path, label="text")
        times[kind].append((time.perf_counter() - start) * 1000)
    database.close()
    opened = open_time(db)
    database = open_database(db)
    print(f"{agreements:,} agreements, {len(plan):,} attachments (~2,000 words each)\n")
    print("| attach (one transaction each) | median ms | p95 ms | files |")
    print("|---|---|---|---|")
    every = [value for values in times.values() for value in values]
    for kind, values in (*times.items(), ("all", every)):
        if values:
            p95 = statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]
            print(f"| {kind} | {statistics.median(values):.1f} | {p95:.1f} | {len(values):,} |")
    print(f"| total for {len(every):,} files | {sum(every) / 1000:.1f} s | | |")
    print()
    print(
        "| search | window index ms (before → after) | SQL ms (before → after) | "
        "agreements found (before → after) |"
    )
    print("|---|---|---|---|")
    for label, words in SEARCHES:
        window, sql, found = search_times(database, words)
        old_window, old_sql, old_found = before[words]
        print(
            f"| {label} | {old_window:.1f} → {window:.1f} | {old_sql:.1f} → {sql:.1f} | "
            f"{old_found:,} → {found:,} |"
        )
    with database.sessions() as session:
        (target,) = agreement_ids(session, AgreementFilter(text="zq0050"))
        passage, _ = timed(lambda: search_hits(session, target, "zq0050"))
    print()
    print("| other | |")
    print("|---|---|")
    print(f"| passage for 'found only in an attachment' (detail pane) | {passage:.1f} ms |")
    print(
        "| open the database and count every agreement (before → after) | "
        f"{opened_before:.0f} → {opened:.0f} ms |"
    )
    growth = (db.stat().st_size - size_before) / 1_000_000
    stored = sum(p.stat().st_size for p in files.iterdir()) / 1_000_000
    print(f"| database growth for {stored:.0f} MB of files | {growth:.0f} MB |")
    database.close()
    pdf = big_pdf(folder / "big.pdf")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.attachment_benchmark", "--big", str(db), str(pdf)],
        check=True,
        capture_output=True,
        text=True,
    )
    stored_ms, saved_ms, peak, status = done.stdout.split()
    print(f"| attach a 50 MB PDF (stored, text extracted: {status}) | {stored_ms} ms |")
    print(f"| save that PDF back to a file | {saved_ms} ms |")
    print(f"| peak memory of that process | {peak} MB |")


if __name__ == "__main__":
    sys.exit(main())

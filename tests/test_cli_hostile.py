"""The command line under hostile input: one clear line and a set status, never a traceback.

Bytes that are not UTF-8 reach Python's argv and environment as lone surrogates
(os.fsdecode), so the in-process tests pass them that way; a subprocess test sends real
bytes, and one sends a real Ctrl-C (SIGINT).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from main import main
from models.database import Database
from models.service import AgreementInput, ParticipationInput, create
from tests.cli import ROOT, failure

NOT_UTF8 = os.fsdecode(b"Uzbek\xffistan")  # what argv holds for the bytes 'Uzbek\xffistan'


def agreements(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM agreements").fetchone()[0]


# ----------------------------------------------------------------- bytes that are not UTF-8


@pytest.mark.parametrize(
    ("command", "option"),
    [
        ("list", "--party"),
        ("list", "--field"),
        ("list", "--search"),
        ("list", "--kind"),
        ("export", "--party"),
        ("report", "--title"),
        ("report", "--author"),
    ],
)
def test_an_option_with_bytes_that_are_not_utf8_is_named(
    capsys: pytest.CaptureFixture[str], sample_db: Path, command: str, option: str
) -> None:
    target = {"list": [], "export": ["out.json"], "report": ["out.pdf"]}[command]
    line = failure(capsys, command, *target, "--db", str(sample_db), option, NOT_UTF8)
    assert line == (
        f"treaty-tracker {command}: argument {option}: 'Uzbek\\xffistan' has bytes that are "
        "not UTF-8 (is the terminal set to UTF-8?)"
    )


def test_real_bytes_on_a_real_command_line(sample_db: Path) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "--db", str(sample_db), "list", "--party", b"T\xfcrkiye"],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr == (
        b"treaty-tracker list: argument --party: 'T\\xfcrkiye' has bytes that are not UTF-8 "
        b"(is the terminal set to UTF-8?)\n"
    )


def test_a_file_name_that_is_not_utf8_is_still_a_file_name(
    capsys: pytest.CaptureFixture[str], sample_db: Path, tmp_path: Path
) -> None:
    """File names are bytes on Linux: any may be exported to and imported from."""
    target = tmp_path / os.fsdecode(b"T\xfcrkiye.json")
    assert main(["export", str(target), "--db", str(sample_db), "--party", "UZB"]) == 0
    assert "Exported 8 agreements" in capsys.readouterr().out
    assert len(json.loads(target.read_bytes())) == 8


def test_a_server_url_with_bytes_that_are_not_utf8_is_refused_without_echoing_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, sample_db: Path
) -> None:
    url = os.fsdecode(b"postgresql://alice:s\xe9cret@127.0.0.1:9/treaties")
    reason = (
        "is a URL with bytes that are not UTF-8: a server's address, user and database name "
        "must be UTF-8 text"
    )
    assert failure(capsys, "--db", url, "list") == f"treaty-tracker: --db {reason}"
    line = failure(capsys, "--db", str(sample_db), "copy", "--to", url)
    assert line == f"treaty-tracker: --to {reason}"
    monkeypatch.setenv("TREATY_TRACKER_DB", url)
    assert failure(capsys, "list") == f"treaty-tracker: $TREATY_TRACKER_DB {reason}"


def test_a_database_file_name_that_is_not_utf8_is_still_a_file_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = str(tmp_path / os.fsdecode(b"\xc7ok.db"))
    assert main(["--db", path, "load-sample"]) == 0
    assert main(["--db", path, "list", "--party", "UZB", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out.split("\n", 1)[1])) == 8


@pytest.mark.parametrize("variable", ["TREATY_TRACKER_USER", "LOGNAME"])
def test_a_user_name_that_is_not_utf8_is_refused_before_anything_is_written(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    sample_db: Path,
    tmp_path: Path,
    variable: str,
) -> None:
    monkeypatch.delenv("TREATY_TRACKER_USER")
    monkeypatch.setenv(variable, os.fsdecode(b"Ren\xe9"))
    source = tmp_path / "new.csv"
    source.write_text("title,kind,status,parties\nRail protocol,protocol,signed,KAZ\n")
    line = failure(capsys, "import", str(source), "--db", str(sample_db))
    where = (
        "$TREATY_TRACKER_USER"
        if variable == "TREATY_TRACKER_USER"
        else "the user name from the operating system"
    )
    assert line.startswith(f"treaty-tracker: {where} has bytes that are not UTF-8 ('Ren\\xe9')")
    assert agreements(sample_db) == 8
    # A report names its maker only when asked to (--show-source).
    out = str(tmp_path / "out.pdf")
    assert "Ren" in failure(capsys, "report", out, "--db", str(sample_db), "--show-source")
    assert not (tmp_path / "out.pdf").exists()


# ----------------------------------------------------------------- numbers out of range


@pytest.mark.parametrize(
    "number", ["2147483648", "9223372036854775808", "0", "-1", "1e3", "9" * 5000]
)
def test_report_id_out_of_range_is_refused(
    capsys: pytest.CaptureFixture[str], sample_db: Path, tmp_path: Path, number: str
) -> None:
    line = failure(
        capsys, "report", str(tmp_path / "a.pdf"), "--db", str(sample_db), "--id", number
    )
    assert line.startswith("treaty-tracker report: argument --id: '")
    assert line.endswith("is not an agreement id (a whole number from 1 to 2147483647)")


def test_the_largest_id_is_looked_up_on_both_back_ends(
    capsys: pytest.CaptureFixture[str], database: Database, tmp_path: Path
) -> None:
    url = database.url.render_as_string(hide_password=False)
    line = failure(capsys, "--db", url, "report", str(tmp_path / "a.pdf"), "--id", str(2**31 - 1))
    assert line == "treaty-tracker: agreement 2147483647 does not exist (it may have been deleted)"


# ----------------------------------------------------------------- JSON and files


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("[" * 100_000 + "]" * 100_000, "bad.json nests lists or objects too deeply"),
        (
            '[{"title": "A", "kind": "treaty", "status": "signed", "parties": ["KAZ"], '
            f'"notes": {"7" * 5000}}}]',
            "index 0, notes: must be text, not a number",
        ),
        (
            '[{"title": "A\\ud800", "kind": "treaty", "status": "signed", "parties": ["KAZ"]}]',
            "index 0, title: 'A\\ud800' holds a lone surrogate",
        ),
    ],
    ids=["deep", "digits", "surrogate"],
)
def test_hostile_json_is_refused_in_two_lines(
    capsys: pytest.CaptureFixture[str], sample_db: Path, tmp_path: Path, content: str, problem: str
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(content, encoding="utf-8")
    assert main(["import", str(source), "--db", str(sample_db)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"treaty-tracker: {source}: {problem}")
    assert err[1:] == ["treaty-tracker: nothing was imported"]
    assert agreements(sample_db) == 8


def test_import_of_a_device_or_a_fifo_is_refused_at_once(
    capsys: pytest.CaptureFixture[str], sample_db: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "agreements.json"
    os.mkfifo(fifo)
    for source, kind in (("/dev/zero", "a device"), (str(fifo), "a pipe (FIFO)")):
        assert main(["import", source, "--db", str(sample_db)]) == 2
        assert capsys.readouterr().err.splitlines() == [
            f"treaty-tracker: {source}: {source} is {kind}, not a file to import",
            "treaty-tracker: nothing was imported",
        ]


def test_export_never_overwrites_a_sqlite_database(
    capsys: pytest.CaptureFixture[str], sample_db: Path, tmp_path: Path
) -> None:
    other = tmp_path / "colleague.json"
    other.write_bytes(sample_db.read_bytes())
    before = other.read_bytes()
    line = failure(capsys, "export", str(other), "--db", str(sample_db))
    assert line == (
        f"treaty-tracker: {other} is a SQLite database, which the export would overwrite: "
        "choose another file name"
    )
    assert other.read_bytes() == before


def test_export_never_overwrites_the_database_it_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    database = tmp_path / "treaties.json"  # a database whose name looks like an export
    assert main(["load-sample", "--db", str(database)]) == 0
    link = tmp_path / "latest.json"
    link.symlink_to(database)
    capsys.readouterr()
    for target in (database, link):
        line = failure(capsys, "export", str(target), "--db", str(database))
        assert line == (
            f"treaty-tracker: {target} is the database being exported: choose another file name"
        )
    assert agreements(database) == 8


# ----------------------------------------------------------------- Ctrl-C and the unexpected


def test_ctrl_c_exits_130_with_one_line_and_changes_nothing(
    sample_db: Path, tmp_path: Path
) -> None:
    source = tmp_path / "many.csv"
    rows = (
        f"Agreement {n},treaty,signed,KAZ; Türkiye,Energy > Oil {n % 50}" for n in range(40_000)
    )
    source.write_text("title,kind,status,parties,fields\n" + "\n".join(rows), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(sample_db), "import", str(source)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # The import reads, checks and writes 40,000 rows for seconds; interrupt it once main()
    # runs, which the database's write-ahead log appearing shows.
    wal = sample_db.with_name(sample_db.name + "-wal")
    deadline = time.monotonic() + 60
    while not wal.exists() and time.monotonic() < deadline:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=0.02)
    assert process.poll() is None, "the import ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.decode() == "treaty-tracker: interrupted\n"
    assert out == b""
    assert agreements(sample_db) == 8


def test_ctrl_c_while_the_program_loads_is_one_line_too(sample_db: Path) -> None:
    """Most of a short command's life is Python loading modules: Ctrl-C then is caught too."""
    process = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(sample_db), "list"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # Interrupt as soon as the first compiled module the command line needs is loaded
    # (sqlite3's, by main.py's imports; `list` loads no SQLAlchemy on an SQLite file).
    maps = Path(f"/proc/{process.pid}/maps")
    deadline = time.monotonic() + 60
    while "_sqlite3" not in maps.read_text() and time.monotonic() < deadline:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=0.005)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert (process.returncode, err, out) == (130, b"treaty-tracker: interrupted\n", b"")


def test_an_unexpected_error_is_one_line_with_a_hint(
    capsys: pytest.CaptureFixture[str], sample_db: Path
) -> None:
    """A row changed behind the app's back (a date no version of it writes) is not bad input."""
    with sqlite3.connect(sample_db) as connection:
        connection.execute("UPDATE agreements SET signed_on = 'someday' WHERE id = 1")
    line = failure(capsys, "list", "--db", str(sample_db), status=1)
    assert line.startswith("treaty-tracker: unexpected error: ValueError: 'someday' is not a date")
    assert line.endswith("(run again with --debug to see where, and report it)")


def test_debug_shows_the_traceback(sample_db: Path) -> None:
    with sqlite3.connect(sample_db) as connection:
        connection.execute("UPDATE agreements SET signed_on = 'someday' WHERE id = 1")
    for arguments in (["--debug", "list"], ["list", "--debug"]):
        result = subprocess.run(
            [sys.executable, "main.py", "--db", str(sample_db), *arguments],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1
        # --debug puts the log on stderr too: the command's line, then the traceback once.
        assert result.stderr.count("Traceback (most recent call last):") == 1
        assert "\nTraceback (most recent call last):" in result.stderr
        assert "ValueError: 'someday' is not a date" in result.stderr


def test_debug_is_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "--debug" in capsys.readouterr().out


def test_a_value_too_long_for_its_column_is_refused_on_both_back_ends(
    capsys: pytest.CaptureFixture[str], database: Database, tmp_path: Path
) -> None:
    with database.sessions.begin() as session:
        create(session, AgreementInput("Alliance", parties=[ParticipationInput("KAZ")]))
    source = tmp_path / "long.json"
    source.write_text(
        json.dumps(
            [
                {
                    "title": "Oʻzbekiston–Türkiye rail",
                    "kind": "protocol",
                    "status": "signed",
                    "parties": [{"name": "UZB", "signatory_title": "Т" * 301}],
                    "un_registration": "I-" + "5" * 99,
                }
            ]
        ),
        encoding="utf-8",
    )
    url = database.url.render_as_string(hide_password=False)
    assert main(["--db", url, "import", str(source)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"treaty-tracker: {source}: index 0, un_registration: too long: 101 characters "
        "(the limit is 100)",
        f"treaty-tracker: {source}: index 0, parties[0].signatory_title: too long: 301 "
        "characters (the limit is 300)",
        "treaty-tracker: nothing was imported",
    ]
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM agreements")).scalar() == 1

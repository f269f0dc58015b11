"""The command line: load-sample and list with filters, output formats and clear errors.

A handful of tests run the real script in a subprocess (exit status, stderr, the console
encoding, no Qt); the rest call main() in-process, which is the same code and much faster.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from main import main
from models.agreement_record import EXPORT_CSV_COLUMNS, RECORD_KEYS
from models.database import open_database
from models.service import AgreementInput, ParticipationInput, create
from tests.cli import ROOT, failure, listed, run, titles
from ui.cli.parser import BUILT_WITH, COMMAND_GROUPS, build_parser

DECLARATION = (
    "Declaration on Allied Relations between the Republic of Kazakhstan and the Republic of "
    "Uzbekistan"
)
RAIL = "Construction of the Turkistan–Tashkent high-speed rail line (Kazakhstan–Uzbekistan)"
ROAD = "Kyzylorda–Uchquduq highway (Kazakhstan–Uzbekistan)"


@pytest.fixture
def more_db(sample_db: Path) -> Path:
    """The sample plus three agreements with partial dates and other parties."""
    database = open_database(sample_db)
    extra = [
        ("Treaty on Eternal Friendship", "1998", ("Kazakhstan", "Uzbekistan"), "treaty"),
        ("Kazakhstan–Russia programme on rail freight", "2020-03", ("KAZ", "Russia"), "programme"),
        ("Türkiye–Uzbekistan roadmap on trade", "2022-05-14", ("Türkiye", "UZB"), "roadmap"),
    ]
    with database.sessions.begin() as session:
        for title, signed_on, parties, kind in extra:
            create(
                session,
                AgreementInput(
                    title=title,
                    kind=kind,
                    signed_on=signed_on,
                    status="in force" if kind == "treaty" else "signed",
                    parties=[ParticipationInput(party=name) for name in parties],
                    fields=["Transport > Rail"] if "rail" in title else [],
                ),
            )
    database.close()
    return sample_db


# ----------------------------------------------------------------- as a user runs it


def test_script_loads_the_sample_once_and_lists_it_as_json(db_path: Path) -> None:
    first = run("load-sample", "--db", str(db_path))
    assert (first.returncode, first.stdout, first.stderr) == (0, "Added 8 agreements\n", "")
    again = run("--db", str(db_path), "load-sample")
    assert (again.returncode, again.stdout) == (0, "Already present: 8\n")

    listing = run("list", "--db", str(db_path), "--format", "json", "--search", "Oʻzbekiston")
    assert listing.returncode == 0, listing.stderr
    records = json.loads(listing.stdout)
    assert len(records) == 8
    assert all(list(record) == [*RECORD_KEYS, "counts"] for record in records)
    assert all(record["parties"] == ["Kazakhstan", "Uzbekistan"] for record in records)
    assert "Тоқаев" not in listing.stdout  # signatories are not part of a list row
    assert "Қазақстан" in listing.stdout  # and Cyrillic prints whatever the locale


def test_script_never_loads_qt_for_a_command(sample_db: Path) -> None:
    code = (
        "import sys, main\n"
        f"status = main.main(['list', '--db', {str(sample_db)!r}, '--format', 'csv'])\n"
        "print(status, 'PySide6' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.stderr.strip() == "0 False"


# What only some commands need: the window, PDFs, dates in words, attachments, drafts,
# calendars, migrations. A short command that loads them pays for it on every call.
HEAVY = (
    "PySide6",
    "shiboken6",
    "reportlab",
    "reports",
    "babel",
    "alembic",
    "icalendar",
    "models.attachments",
    "models.attachment_exchange",
    "models.extract",
    "models.exchange",
    "models.history",
)


def loaded_by(*arguments: str) -> set[str]:
    """The modules a run of main() with *arguments* leaves in sys.modules, in a fresh process."""
    code = (
        "import json, sys, main\n"
        "try:\n"
        f"    main.main({list(arguments)!r})\n"
        "finally:\n"
        "    print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def heavy_in(modules: set[str], heavy: tuple[str, ...] = HEAVY) -> list[str]:
    """The modules of *heavy*, and those inside them, among *modules*."""
    inside = tuple(f"{package}." for package in heavy)
    return sorted(name for name in modules if name in heavy or name.startswith(inside))


def test_a_short_command_loads_only_what_it_needs(sample_db: Path) -> None:
    """`list` and `--version` run on every call of a script: nothing heavy is loaded for them."""
    listing = loaded_by("--db", str(sample_db), "list", "--party", "KAZ", "--format", "json")
    assert "models.sqlite_listing" in listing
    assert heavy_in(listing) == []
    assert heavy_in(loaded_by("--db", str(sample_db), "list", "--format", "csv")) == []
    # --version, --help and the shell's TAB completion build the parser only: no database.
    version = loaded_by("--version")
    assert "ui.cli.parser" in version
    assert heavy_in(version, (*HEAVY, "sqlalchemy", "models.database", "models.schema")) == []
    # Nor the other commands' modules: `list` builds its own group's parser, --version none.
    groups = {f"ui.cli.{group}" for group in COMMAND_GROUPS}
    assert groups & listing == {"ui.cli.listing"}
    assert groups & version == set()


def test_list_on_sqlite_answers_without_sqlalchemy(sample_db: Path) -> None:
    """`list` on an SQLite file at the current schema reads it with sqlite3 alone: loading
    SQLAlchemy and the schema took longer than the query (issue #20)."""
    database_code = ("sqlalchemy", "models.database", "models.schema", "models.query")
    for output in ("json", "table"):
        listing = loaded_by(
            "--db", str(sample_db), "list", "--party", "KAZ", "--search", "Oʻzbekiston",
            "--format", output,
        )  # fmt: skip
        assert heavy_in(listing, database_code) == [], output
    # What it can't resolve exactly (a misspelt party) goes the full way, with its message.
    assert "sqlalchemy" in loaded_by("--db", str(sample_db), "list", "--party", "Uzbekistn")
    # `backups` works on the file alone, and `trash` reads it as `list` does.
    assert heavy_in(loaded_by("--db", str(sample_db), "backups"), database_code) == []
    assert heavy_in(loaded_by("--db", str(sample_db), "trash"), database_code) == []


def test_the_version_is_read_without_importlib_metadata() -> None:
    """Every command logs its version: read from our .dist-info as importlib.metadata reads it,
    without loading the email package it needs for that."""
    from importlib import metadata

    from models.app_identity import app_version

    assert app_version() == metadata.version("treaty-tracker")
    assert "importlib.metadata" not in loaded_by("--version")


def test_script_unknown_party_is_one_line_with_a_suggestion(sample_db: Path) -> None:
    result = run("list", "--db", str(sample_db), "--party", "KAZ", "--party", "Uzbekistn")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "treaty-tracker: unknown party 'Uzbekistn' (did you mean 'Uzbekistan'?)\n"
    )


def test_script_bad_date_names_the_option(sample_db: Path) -> None:
    result = run("list", "--db", str(sample_db), "--signed-from", "2021-02-30")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "--signed-from" in result.stderr and "February 2021 has no day 30" in result.stderr
    assert "Traceback" not in result.stderr


def test_script_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("Minutes of the meeting, Tashkent\n", encoding="utf-8")
    before = notes.read_bytes()
    result = run("load-sample", "--db", str(notes))
    assert result.returncode == 2
    assert result.stderr == (
        f"treaty-tracker: {notes} is not a Treaty Tracker database (not an SQLite file)\n"
    )
    assert notes.read_bytes() == before
    # Nothing beside it; "data" is the user data folder (conftest), where the log goes.
    assert sorted(path.name for path in tmp_path.iterdir() if path.name != "data") == ["notes.db"]


# ----------------------------------------------------------------- list: what it shows


def test_json_rows_hold_the_recorded_values(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = {record["title"]: record for record in listed(capsys, sample_db)}
    declaration = records[DECLARATION]
    assert declaration["kind"] == "declaration"
    assert declaration["level"] == "interstate"
    assert declaration["status"] == "signed"
    assert declaration["signed_on"] == "2021-12-06"
    assert declaration["signed_at"] == "Nur-Sultan"
    assert declaration["entry_into_force"] is None and declaration["expires_on"] is None
    assert declaration["parties"] == ["Kazakhstan", "Uzbekistan"]
    assert declaration["fields"] == ["Foreign policy"]
    assert declaration["source_url"] is None
    assert "Oʻzbekiston" in declaration["summary"]
    assert records[RAIL]["fields"] == ["Transport > Rail"]
    assert records[RAIL]["level"] == "unknown"


def test_json_rows_count_signatories_and_parties_apart(
    more_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counts = {record["title"]: record["counts"] for record in listed(capsys, more_db)}
    both_signed = {"signatories": 2, "parties": 0, "withdrawn": 0}
    nobody = {"signatories": 0, "parties": 0, "withdrawn": 0}
    sample = [title for title in counts if "(Kazakhstan–Uzbekistan)" in title or "Allied" in title]
    assert len(sample) == 8 and all(counts[title] == both_signed for title in sample)
    # Listed as plain parties with no act recorded: nobody is counted as having signed.
    assert counts["Treaty on Eternal Friendship"] == nobody


def test_a_json_listing_imports_into_an_empty_database(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "listing.json"
    listing.write_text(json.dumps(listed(capsys, sample_db)), encoding="utf-8")
    empty = tmp_path / "empty.db"
    assert main(["import", str(listing), "--db", str(empty)]) == 0, capsys.readouterr().err
    assert "Added 8 agreements" in capsys.readouterr().out


def test_json_is_laid_out_as_json_dumps_with_an_indent_of_two(
    more_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Written with the C encoder value by value, for speed, but as it always was laid out."""
    assert main(["list", "--db", str(more_db), "--format", "json"]) == 0
    printed = capsys.readouterr().out
    objects = [
        "\n  " + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        for record in json.loads(printed)
    ]
    assert printed == "[" + ",".join(objects) + "\n]\n"
    assert "Қазақстан" in printed  # as written, not \u escaped


def test_json_dates_are_shown_as_recorded(
    more_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dates = {record["title"]: record["signed_on"] for record in listed(capsys, more_db)}
    assert dates["Treaty on Eternal Friendship"] == "1998"
    assert dates["Kazakhstan–Russia programme on rail freight"] == "2020-03"
    assert dates["Türkiye–Uzbekistan roadmap on trade"] == "2022-05-14"


def test_csv_reads_back_with_the_csv_module(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--db", str(sample_db), "--format", "csv", "--sort", "title"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 8
    assert list(rows[0]) == list(EXPORT_CSV_COLUMNS)  # export's columns, so it imports again
    assert "counts" not in EXPORT_CSV_COLUMNS and "id" not in EXPORT_CSV_COLUMNS
    assert [row["title"] for row in rows] == sorted(row["title"] for row in rows)
    assert {row["parties"] for row in rows} == {"Kazakhstan; Uzbekistan"}
    assert {row["signed_on"] for row in rows} == {"2021-12-06"}
    assert {row["source_url"] for row in rows} == {""}
    declaration = next(row for row in rows if row["kind"] == "declaration")
    assert "Қазақстан" in declaration["summary"]  # a comma-laden summary survives quoting


def test_table_is_readable_and_counts_the_rows(
    sample_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    assert main(["list", "--db", str(sample_db), "--field", "Transport"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "Signed", "Title", "Kind", "Status", "Parties", "Fields"]
    assert all(len(line) <= 120 for line in lines)
    assert "Transport > Rail" in lines[2] and "…" in lines[2]  # the long title is clipped
    assert "Kyzylorda–Uchquduq highway" in lines[3]
    assert lines[-1] == "2 agreements"


def test_table_says_when_nothing_matches(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--db", str(sample_db), "--status", "in force"]) == 0
    assert capsys.readouterr().out == "No agreements match.\n"


def test_sort_and_descending(more_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    signed = [record["signed_on"] for record in listed(capsys, more_db, "--desc")]
    assert signed == ["2022-05-14", *["2021-12-06"] * 8, "2020-03", "1998"]
    ordered = [record["title"] for record in listed(capsys, more_db, "--sort", "title")]
    assert ordered[0] == "Construction of the Turkistan–Tashkent high-speed rail line " + (
        "(Kazakhstan–Uzbekistan)"
    )
    assert ordered[-1] == "Türkiye–Uzbekistan roadmap on trade"


# ----------------------------------------------------------------- list: filters


def test_parties_by_name_or_code_and_between_them(
    more_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    between = titles(capsys, more_db, "--party", "KAZ", "--party", "Uzbekistan")
    assert len(between) == 9 and DECLARATION in between  # the sample and the 1998 treaty
    assert len(titles(capsys, more_db, "--party", "Қазақстан")) == 10
    russia = titles(capsys, more_db, "--party", "Russia")
    assert russia == titles(capsys, more_db, "--party", "RUS")
    assert russia == {"Kazakhstan–Russia programme on rail freight"}
    turkey = titles(capsys, more_db, "--party", "Turkey", "--party", "Oʻzbekiston")
    assert (
        turkey
        == titles(capsys, more_db, "--party", "Türkiye")
        == {"Türkiye–Uzbekistan roadmap on trade"}
    )
    either = titles(capsys, more_db, "--any-party", "--party", "RUS", "--party", "TUR")
    assert len(either) == 2


def test_fields_include_subfields_and_take_short_names(
    more_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    transport = titles(capsys, more_db, "--field", "Transport")
    assert transport == {RAIL, ROAD, "Kazakhstan–Russia programme on rail freight"}
    rail = titles(capsys, more_db, "--field", "rail")
    assert rail == titles(capsys, more_db, "--field", "Transport > Rail")
    assert rail == {RAIL, "Kazakhstan–Russia programme on rail freight"}
    assert titles(capsys, more_db, "--field", "Roads", "--field", "Outer space") == {
        ROAD,
        "Cooperation in the exploration and use of outer space for peaceful purposes "
        "(Kazakhstan–Uzbekistan)",
    }


def test_search_in_any_script(more_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert len(titles(capsys, more_db, "--search", "ozbekiston")) == 10
    assert titles(capsys, more_db, "--search", "Тоқаев") == {DECLARATION}
    assert titles(capsys, more_db, "--search", "TURKISTAN") == {RAIL}


def test_status_kind_and_level(more_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert titles(capsys, more_db, "--status", "in force") == {"Treaty on Eternal Friendship"}
    assert len(titles(capsys, more_db, "--status", "signed")) == 10
    assert titles(capsys, more_db, "--kind", "declaration") == {DECLARATION}
    assert len(titles(capsys, more_db, "--kind", "Declaration", "--kind", "treaty")) == 2
    assert titles(capsys, more_db, "--level", "interstate") == {DECLARATION}
    assert titles(capsys, more_db, "--kind", "agreement", "--field", "Transport") == {RAIL, ROAD}


def test_signed_dates_with_partial_bounds(
    more_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def signed(*args: str) -> list[str]:
        return sorted(record["signed_on"] for record in listed(capsys, more_db, *args))

    assert signed("--signed-from", "2020", "--signed-to", "2020-12") == ["2020-03"]
    assert signed("--signed-to", "2020-03") == ["1998", "2020-03"]
    assert signed("--signed-from", "2021-12-06", "--signed-to", "2021-12") == ["2021-12-06"] * 8
    assert signed("--signed-from", "2022-05") == ["2022-05-14"]
    assert signed("--signed-from", "2021-12-07", "--signed-to", "2022-05-13") == []


# ----------------------------------------------------------------- the database


def test_db_comes_from_the_environment_or_either_side_of_the_command(
    sample_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TREATY_TRACKER_DB", str(sample_db))
    assert main(["list", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 8
    other = tmp_path / "other.db"
    assert main(["--db", str(other), "load-sample"]) == 0
    assert capsys.readouterr().out == "Added 8 agreements\n"
    assert other.exists()
    empty = tmp_path / "empty.db"
    open_database(empty).close()
    assert main(["--db", str(sample_db), "list", "--db", str(empty), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == [",".join(EXPORT_CSV_COLUMNS)]  # the empty one


def test_list_does_not_create_a_mistyped_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "treaties-typo.db"
    line = failure(capsys, "list", "--db", str(missing))
    assert line.startswith(f"treaty-tracker: no database at {missing}")
    assert not missing.exists()


def test_another_programs_database_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "contacts.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.commit()
    connection.close()
    before = other.read_bytes()
    line = failure(capsys, "load-sample", "--db", str(other))
    assert "not a Treaty Tracker database" in line
    assert other.read_bytes() == before


def test_a_newer_database_is_refused(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    connection = sqlite3.connect(sample_db)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    line = failure(capsys, "list", "--db", str(sample_db))
    assert "newer version of Treaty Tracker" in line


def test_an_unknown_database_url_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    line = failure(capsys, "list", "--db", "nosuchdialect://server/treaties")
    assert line.startswith("treaty-tracker: ")


# ----------------------------------------------------------------- bad input


def test_unknown_field_suggests_close_paths(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = failure(capsys, "list", "--db", str(sample_db), "--field", "Rial")
    assert line == "treaty-tracker: unknown field 'Rial' (did you mean 'Transport > Rail'?)"
    line = failure(capsys, "list", "--db", str(sample_db), "--field", "Energy > Electrcity")
    assert "did you mean 'Energy > Electricity'?" in line


def test_an_ambiguous_short_field_name_asks_for_the_path(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_database(sample_db)
    with database.sessions.begin() as session:
        create(
            session,
            AgreementInput(
                title="Agreement on rail tariffs",
                parties=[ParticipationInput(party="KAZ")],
                fields=["Trade and investment > Rail"],
            ),
        )
    database.close()
    line = failure(capsys, "list", "--db", str(sample_db), "--field", "Rail")
    assert "'Rail' is ambiguous" in line
    assert "'Trade and investment > Rail'" in line and "'Transport > Rail'" in line


def test_a_state_with_no_agreements_is_named(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = failure(capsys, "list", "--db", str(sample_db), "--party", "RUS")
    assert (
        line == "treaty-tracker: no agreement with Russian Federation is recorded (--party 'RUS')"
    )


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--status", "ratifed", "argument --status: 'ratifed' is not a status (did you mean"),
        ("--kind", "tready", "argument --kind: 'tready' is not a kind (did you mean 'treaty'?)"),
        ("--level", "national", "argument --level: 'national' is not a level"),
        ("--signed-to", "6 December 2021", "argument --signed-to: '6 December 2021' is not a date"),
        ("--sort", "titel", "argument --sort: invalid choice: 'titel'"),
        ("--format", "xml", "argument --format: invalid choice: 'xml'"),
    ],
)
def test_bad_values_name_the_option(
    sample_db: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, expected: str
) -> None:
    line = failure(capsys, "list", "--db", str(sample_db), option, value)
    assert line.startswith(f"treaty-tracker list: {expected}")


def test_reversed_date_range_is_refused(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["list", "--db", str(sample_db), "--signed-from", "2022", "--signed-to", "2021-12"]
    assert (
        failure(capsys, *args) == "treaty-tracker: --signed-to 2021-12 is before --signed-from 2022"
    )


def test_a_unique_beginning_of_a_kind_is_enough(
    more_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert titles(capsys, more_db, "--kind", "prog") == {
        "Kazakhstan–Russia programme on rail freight"
    }


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("treaty-tracker ")
    assert main(["list", "--help"]) == 0
    help_text = capsys.readouterr().out
    for option in ("--field", "--party", "--any-party", "--signed-from", "--search", "--sort"):
        assert option in help_text


# ----------------------------------------------------------------- the window


def test_no_command_opens_the_window_on_the_given_database(
    sample_db: Path, tmp_path: Path, qapp: object
) -> None:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    # The window remembers things in QSettings: keep them in tmp_path, not the user's.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qt"))
    shown: list[str] = []

    def close_windows() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                shown.append(widget.windowTitle())
                widget.close()

    QTimer.singleShot(0, close_windows)  # runs once the window's event loop has started
    assert main(["--db", str(sample_db)]) == 0
    assert len(shown) == 1 and sample_db.name in shown[0]


def test_starting_does_not_load_reportlab() -> None:
    """ReportLab takes a quarter of a second to import: only a PDF command loads it."""
    import subprocess
    import sys

    code = "import sys, main, ui.main_window; print('reportlab' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_list_by_id_follows_merges_and_names_unknown_ids(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from models.merge import merge_agreements

    database = open_database(sample_db)
    try:
        with database.sessions.begin() as session:
            merge_agreements(session, 2, 3, {})
    finally:
        database.close()

    rows = listed(capsys, sample_db, "--id", "3", "--id", "1", "--sort", "id", "--desc")
    assert [row["id"] for row in rows] == [2, 1]
    # --id 3 answers with 2; the notice goes to stderr, so stdout stays parseable.
    assert main(["list", "--db", str(sample_db), "--id", "3", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "treaty-tracker: agreement 3 was merged into 2\n"
    assert [row["title"] for row in csv.DictReader(io.StringIO(captured.out))] == [rows[0]["title"]]
    # Other filters still narrow: agreement 1 (the press release) is no treaty.
    assert listed(capsys, sample_db, "--id", "1", "--kind", "treaty") == []
    assert failure(capsys, "list", "--db", str(sample_db), "--id", "99") == (
        "treaty-tracker: --id 99: agreement 99 does not exist (it may have been deleted)"
    )
    assert "--id: 'Oʻzbekiston' is not an agreement id" in failure(
        capsys, "list", "--db", str(sample_db), "--id", "Oʻzbekiston"
    )


def test_each_command_group_adds_the_commands_the_parser_expects_of_it() -> None:
    """A command line that names a command builds that group alone, found by this table."""
    for group in COMMAND_GROUPS:
        built = BUILT_WITH.get(group, (group,))
        commands = argparse.ArgumentParser().add_subparsers()
        for module in built:
            importlib.import_module(f"ui.cli.{module}").register(commands)
        assert list(commands.choices) == [name for one in built for name in COMMAND_GROUPS[one]]


def _parsed(parser: argparse.ArgumentParser, argv: list[str]) -> object:
    """What argparse makes of *argv*: the arguments, or the exit status and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            parsed = vars(parser.parse_args(argv))
        except SystemExit as exit_request:
            return exit_request.code, out.getvalue(), err.getvalue()
    # A handler may be made anew with each parser (a lambda): the same code is the same.
    return {key: getattr(value, "__code__", value) for key, value in parsed.items()}


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "x.db", "list", "--party", "KAZ", "--format", "json"],
        ["--db=x.db", "--debug", "--lang", "ru", "export", "out.csv"],
        ["export", "deadlines.ics", "--within", "30", "--party", "Türkiye"],
        ["due", "--within", "90", "--format", "json"],
        ["import", "--help"],
        ["--lang=en", "backups"],
        ["--db", "list", "trash"],
        ["--db", "--version"],
        ["--version"],
        ["--debug", "--version", "list"],
        ["--help"],
        ["--he"],
        ["--de", "list"],
        ["lsit"],
        ["--bogus", "list"],
        ["list", "--bogus"],
        ["list", "--help"],
        ["list", "--format", "xml"],
        ["Тоқаев"],
        ["--db", "Türkiye.db", "delete", "Oʻzbekiston"],
    ],
)
def test_a_command_line_means_the_same_to_its_own_group_and_to_every_group(
    argv: list[str],
) -> None:
    """The same arguments, or the same help, version or one-line error and status."""
    assert _parsed(build_parser(argv), argv) == _parsed(build_parser(), argv)

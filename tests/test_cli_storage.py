"""The command line on files and servers in trouble: damaged, busy, held, read-only.

What a user sees is one line naming the file and what is wrong, exit status 2, and the file
exactly as it was; a command that can wait for another program waits.
"""

from __future__ import annotations

import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import URL, text

from main import main
from models.database import Database, open_database
from tests.backends import migrated_postgres_database, read_only_role
from tests.cli import run
from tests.damage import (
    digest,
    healthy_file,
    other_program,
    overwrite_page,
    page_count,
    root_page,
    without_root_powers,
)

ROOT = Path(__file__).resolve().parents[1]
CSV = (
    "title,kind,status,parties\n"
    "Türkiye–Oʻzbekiston customs memorandum,memorandum of understanding,signed,TUR; UZB\n"
)


def one_line_failure(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run a command that must fail with status 2; its single stderr line."""
    assert main(list(args)) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "new.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


# ----------------------------------------------------------------- damaged files


@pytest.fixture
def damaged(db_path: Path) -> Path:
    """Header, schema and alembic_version intact; a page in the middle overwritten."""
    healthy_file(db_path)
    overwrite_page(db_path, page_count(db_path) // 2)
    return db_path


def test_writing_commands_refuse_a_damaged_file_and_leave_it_byte_identical(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(damaged)
    source = csv_file(tmp_path)
    for command in (["load-sample"], ["import", str(source)], ["copy", "--from", "x.db"]):
        line = one_line_failure(capsys, "--db", str(damaged), *command)
        assert line.startswith(f"treaty-tracker: {damaged} is damaged"), line
        assert "nothing was written to it" in line
        assert digest(damaged) == before


def test_copying_a_damaged_file_away_is_refused(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = one_line_failure(capsys, "--db", str(damaged), "copy", "--to", str(tmp_path / "c.db"))
    assert f"{damaged} is damaged" in line


def test_a_read_that_hits_damage_ends_with_the_same_line_not_a_traceback(
    db_path: Path,
) -> None:
    healthy_file(db_path)
    overwrite_page(db_path, root_page(db_path, "agreements"))
    listing = subprocess.run(
        [sys.executable, "main.py", "--db", str(db_path), "list", "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert listing.returncode == 2
    assert listing.stderr.splitlines() == [listing.stderr.strip()]
    assert listing.stderr.startswith(f"treaty-tracker: {db_path} is damaged")
    assert "Traceback" not in listing.stderr


# ----------------------------------------------------------------- other programs


def test_import_waits_for_another_programs_write_instead_of_failing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "load-sample"]) == 0
    # The other program holds the write lock for a second, well within the busy timeout.
    hold = """
        connection.execute('BEGIN IMMEDIATE')
        connection.execute('UPDATE data_revision SET value = value + 1')
    """
    release = "import time; time.sleep(1); connection.execute('COMMIT'); sys.stdin.readline()"
    with other_program(db_path, hold, end=release):
        assert main(["--db", str(db_path), "import", str(csv_file(tmp_path))]) == 0
    assert "Added 1 agreement" in capsys.readouterr().out
    assert main(["--db", str(db_path), "list", "--party", "TUR", "--format", "csv"]) == 0
    assert "customs memorandum" in capsys.readouterr().out


def test_a_file_held_by_another_program_is_named_as_locked(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--db", str(db_path), "load-sample"]) == 0
    capsys.readouterr()
    monkeypatch.setattr("models.database.BUSY_TIMEOUT_MS", 100)
    hold = """
        connection.execute('PRAGMA locking_mode = EXCLUSIVE')
        connection.execute('UPDATE data_revision SET value = value + 1')
    """
    with other_program(db_path, hold):
        line = one_line_failure(capsys, "--db", str(db_path), "list")
    assert line == (
        f"treaty-tracker: {db_path} is locked by another program (it holds the database for "
        "itself): close that program, then try again"
    )


# ----------------------------------------------------------------- read-only folders


def run_without_write_access(*args: str) -> subprocess.CompletedProcess[str]:
    """The real script, as a user who may not write the folder (root's powers dropped)."""
    return run(*args, preexec_fn=without_root_powers)


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A WAL database, closed, in a folder nobody may write to."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "treaties.db"
    assert main(["--db", str(path), "load-sample"]) == 0
    folder.chmod(0o555)
    try:
        yield path
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("how", ["path", "mode=ro"])
def test_a_database_in_a_read_only_folder_opens_read_only(read_only_folder: Path, how: str) -> None:
    path = read_only_folder
    target = str(path) if how == "path" else f"sqlite:///{path}?mode=ro"
    before = digest(path)
    listing = run_without_write_access("--db", target, "list", "--party", "UZB", "--format", "csv")
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.count("\n") == 9  # the header and the eight sample agreements
    refused = run_without_write_access("--db", target, "load-sample")
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        f"treaty-tracker: {path} is read-only for this connection (its folder is read-only): "
        "'load-sample' would change it, so nothing was done"
    )
    assert "damaged" not in listing.stderr + refused.stderr
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


# ----------------------------------------------------------------- PostgreSQL rights


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Database]:
    """A team database on the test server holding the sample agreements."""
    with migrated_postgres_database() as database:
        assert main(["--db", rendered(database.url), "load-sample"]) == 0
        yield database


def rendered(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def test_a_read_only_user_copies_the_team_database_into_an_offline_file(
    team: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    offline = tmp_path / "offline.db"
    capsys.readouterr()
    with read_only_role(team) as reader:  # the README's grants: USAGE and SELECT only
        assert main(["--db", str(offline), "copy", "--from", rendered(reader)]) == 0
    assert re.search(r"\n  agreements +8\n", capsys.readouterr().out)
    assert main(["--db", str(offline), "list", "--party", "KAZ", "--format", "csv"]) == 0
    assert capsys.readouterr().out.count("\n") == 9


@pytest.fixture
def partial_role(team: Database) -> Iterator[URL]:
    """A role that may change agreements (and use the sequences) but nothing else."""
    name = f"partial_{uuid.uuid4().hex[:8]}"
    schema = team.url.query["options"].split("=", 1)[1]
    grants = (
        f"CREATE ROLE {name} LOGIN PASSWORD 'partial-pw'",
        f"GRANT USAGE ON SCHEMA {schema} TO {name}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {name}",
        f"GRANT INSERT, UPDATE, DELETE ON {schema}.agreements TO {name}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO {name}",
    )
    with team.engine.begin() as connection:
        for grant in grants:
            connection.execute(text(grant))
    try:
        yield team.url.set(username=name, password="partial-pw")
    finally:
        with team.engine.begin() as connection:
            for kind in ("TABLES", "SEQUENCES"):
                connection.execute(text(f"REVOKE ALL ON ALL {kind} IN SCHEMA {schema} FROM {name}"))
            connection.execute(text(f"REVOKE USAGE ON SCHEMA {schema} FROM {name}"))
            connection.execute(text(f"DROP ROLE {name}"))


def test_a_role_with_partial_rights_is_refused_as_read_only(
    team: Database, partial_role: URL, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    line = one_line_failure(
        capsys, "--db", rendered(partial_role), "import", str(csv_file(tmp_path))
    )
    assert f"is read-only for user '{partial_role.username}' (no INSERT right on " in line
    assert "'import' would change it, so nothing was done" in line
    assert "partial-pw" not in line
    database = open_database(partial_role)
    try:
        assert not database.can_write
    finally:
        database.close()

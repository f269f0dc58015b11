"""Shared fixtures: a real database per test on each back end, and settings out of the user's home.

`database` is parametrized over SQLite and PostgreSQL (tests/backends.py), so every test
that uses it answers for both; a test or folder tied to SQLite overrides `backend`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.database import Database
from tests.backends import BACKENDS, drop_spare_schemas, open_test_database


def pytest_sessionfinish() -> None:
    """The PostgreSQL schemas this test process kept for the next test go with it."""
    drop_spare_schemas()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "treaties.db"


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database(backend: str, db_path: Path) -> Iterator[Database]:
    with open_test_database(backend, db_path.parent) as database:
        yield database


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's real database, settings or data folder."""
    monkeypatch.delenv("TREATY_TRACKER_DB", raising=False)
    monkeypatch.setenv("TREATY_TRACKER_USER", "tester")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    # Tables on the command line as wide as on a 120-column terminal, whichever runs the tests
    # (a narrow one, or none at all under pytest-xdist's workers).
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("LINES", raising=False)


@pytest.fixture
def sample_db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database file with the eight sample agreements, recorded by the command line."""
    from main import main

    assert main(["load-sample", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out == "Added 8 agreements\n"
    return db_path

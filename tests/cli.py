"""Helpers for the command-line tests: the real script, main() in-process, its one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from main import main

ROOT = Path(__file__).resolve().parents[1]


def run(
    *args: str, preexec_fn: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real script, as a user runs it (*preexec_fn* runs in the child before it starts)."""
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        preexec_fn=preexec_fn,
    )


def listed(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> list[dict]:
    """`list --format json` with *args*, parsed."""
    assert main(["list", "--db", str(db), "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def titles(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> set[str]:
    return {record["title"] for record in listed(capsys, db, *args)}


def failure(capsys: pytest.CaptureFixture[str], *args: str, status: int = 2) -> str:
    """Run a command that must fail (bad input: status 2); return its single stderr line."""
    assert main(list(args)) == status
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]

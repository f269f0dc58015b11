"""The command line as an installed desktop program: shell completion and the log file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from main import main
from tests.cli import ROOT


def log_file(tmp_path: Path) -> Path:
    """Where the log goes under the test's own data folder (conftest sets XDG_DATA_HOME)."""
    return tmp_path / "data" / "TreatyTracker" / "logs" / "treaty-tracker.log"


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete "), ("zsh", "compdef"), ("fish", "complete --command treaty-tracker")],
)
def test_completion_prints_the_shells_script_without_a_database(
    shell: str, marker: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert marker in script and "treaty-tracker" in script
    assert not (tmp_path / "data" / "TreatyTracker" / "treaties.db").exists()


def test_completion_refuses_an_unknown_shell(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "tcsh"]) == 2
    assert "invalid choice: 'tcsh'" in capsys.readouterr().err


def complete(line: str, tmp_path: Path) -> list[str]:
    """What the shell gets on TAB at the end of *line*, asked as the scripts ask."""
    answer = tmp_path / "completions"
    environment = {
        **os.environ,
        "_ARGCOMPLETE": "1",
        "_ARGCOMPLETE_IFS": "\n",
        "_ARGCOMPLETE_STDOUT_FILENAME": str(answer),
        "COMP_LINE": line,
        "COMP_POINT": str(len(line)),
    }
    subprocess.run([sys.executable, "main.py"], cwd=ROOT, env=environment, check=True, timeout=120)
    return answer.read_text(encoding="utf-8").split("\n")


def test_tab_completes_commands_and_options(tmp_path: Path) -> None:
    assert complete("treaty-tracker lo", tmp_path) == ["load-sample "]
    assert "--status " in complete("treaty-tracker list --st", tmp_path)
    assert complete("treaty-tracker list --sort ti", tmp_path) == ["title "]
    assert complete("treaty-tracker completion f", tmp_path) == ["fish "]


def test_every_command_is_logged_by_name_only(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", f"{sample_db}", "list", "--party", "Тоқаев"]) == 2
    capsys.readouterr()
    text = log_file(tmp_path).read_text(encoding="utf-8")
    assert "INFO treaty_tracker: treaty-tracker " in text and text.rstrip().endswith(": list")
    assert "Тоқаев" not in text and str(sample_db) not in text


def test_debug_shows_the_log_on_stderr_too(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--debug", "--db", str(sample_db), "list"]) == 0
    assert "INFO treaty_tracker: treaty-tracker" in capsys.readouterr().err
    assert main(["--db", str(sample_db), "list"]) == 0
    assert capsys.readouterr().err == ""

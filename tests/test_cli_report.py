"""`report` on the command line: no path or user name unless asked, the register alone."""

from __future__ import annotations

import getpass
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from main import main
from reports.summary_report import estimate_pages
from tests.cli import failure


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_a_report_names_no_database_or_user_unless_asked(
    sample_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TREATY_TRACKER_USER", "Aigerim Тоқаева")
    plain, sourced = tmp_path / "plain.pdf", tmp_path / "sourced.pdf"
    assert main(["report", str(plain), "--db", str(sample_db)]) == 0
    words = pdf_text(plain)
    assert sample_db.name not in words and str(tmp_path) not in " ".join(words.split())
    assert "Prepared by" not in words and "Тоқаева" not in words
    assert getpass.getuser() not in words.split()
    assert main(["report", str(sourced), "--db", str(sample_db), "--show-source"]) == 0
    words = pdf_text(sourced)
    assert sample_db.name in words and "Prepared by Aigerim Тоқаева" in words
    capsys.readouterr()


def test_an_author_given_is_named_without_the_source(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "signed.pdf"
    assert (
        main(["report", str(out), "--db", str(sample_db), "--author", "Dilnoza Oʻrinboyeva"]) == 0
    )
    words = pdf_text(out)
    assert "Prepared by Dilnoza Oʻrinboyeva" in words and sample_db.name not in words
    capsys.readouterr()


def test_register_only_gives_just_the_register(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "register.pdf"
    assert main(["report", str(out), "--db", str(sample_db), "--register-only"]) == 0
    assert "1 page, 8 agreements" in capsys.readouterr().out
    words = pdf_text(out)
    assert "Register" in words and "Kyzylorda–Uchquduq highway" in words
    assert "Summary" not in words and "Parties 2 parties listed" not in words


def test_register_only_is_refused_for_a_fact_sheet(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sheet.pdf"
    message = failure(
        capsys, "report", str(out), "--db", str(sample_db), "--id", "1", "--register-only"
    )
    assert "--register-only is for a summary" in message and not out.exists()


def test_the_default_title_is_the_filter_in_words(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "transport.pdf"
    args = ["--field", "Transport", "--party", "KAZ", "--party", "UZB", "--signed-from", "2021"]
    assert main(["report", str(out), "--db", str(sample_db), *args, "--signed-to", "2021"]) == 0
    metadata = PdfReader(out).metadata
    assert metadata is not None
    assert metadata.title == "Agreements between Kazakhstan and Uzbekistan in Transport, 2021"
    capsys.readouterr()


@pytest.fixture(scope="module")
def long_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,001 generated agreements: one more than a report makes without asking."""
    from benchmarks.generate import generate

    path = tmp_path_factory.mktemp("long") / "long.db"
    generate(path, 2001)
    return path


class Terminal(io.StringIO):
    """Standard input as a terminal that answers *text*."""

    def isatty(self) -> bool:
        return True


def test_a_long_report_without_a_terminal_is_refused_unless_yes_is_given(
    long_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "long.pdf"
    line = failure(capsys, "report", str(out), "--db", str(long_db))
    pages = estimate_pages(2001)
    assert f"2,001 agreements, about {pages:,} pages" in line and "--yes" in line
    assert not out.exists()
    # The register alone is short: no question.
    assert main(["report", str(out), "--db", str(long_db), "--register-only"]) == 0
    assert "2001 agreements" in capsys.readouterr().out


def test_a_long_report_asks_at_a_terminal_and_no_writes_nothing(
    long_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "long.pdf"
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    assert main(["report", str(out), "--db", str(long_db)]) == 1
    err = capsys.readouterr().err
    pages = estimate_pages(2001)
    assert f"2,001 agreements, about {pages:,} pages. Continue? [y/N]" in err
    assert "nothing written" in err and not out.exists()
    monkeypatch.setattr("sys.stdin", Terminal("\n"))  # Enter alone is no
    assert main(["report", str(out), "--db", str(long_db)]) == 1
    assert not out.exists()
    capsys.readouterr()


def test_a_long_report_with_yes_is_written(
    long_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "long.pdf"
    assert main(["report", str(out), "--db", str(long_db), "--yes"]) == 0
    assert "2001 agreements" in capsys.readouterr().out and out.exists()

"""Long text in reports: a summary of one unbroken 200,000-character run renders whole, its
characters measured once each, not again and again (tests/models/test_atomic_file.py: it
reaches its file only once on disk)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from models.database import Database, open_database
from reports.fonts import FontSet
from reports.kit import text_pieces
from reports.prose import break_lines, break_measured
from tests.builders import agreement, save
from tests.reports.conftest import pages_text, summary


@pytest.fixture
def sqlite_database(db_path: Path) -> Iterator[Database]:
    """One back end is enough: the text never reaches SQL."""
    database = open_database(db_path)
    yield database
    database.close()


def test_an_unbroken_run_is_cut_into_lines_that_fit_and_keep_every_character() -> None:
    font = FontSet().regular
    run = "Тоқаев" * 5_000 + "Oʻzbekiston" * 5_000 + "Türkiye" * 5_000
    lines = break_lines(f"Summary: {run} ends here", font, 9.5, 300)
    assert "".join(lines).replace(" ", "") == f"Summary:{run}endshere"
    assert all(stringWidth(line, font, 9.5) <= 300 for line in lines)
    assert lines[0] == "Summary:"


def test_an_unbroken_run_is_measured_a_character_at_a_time_not_rest_after_rest() -> None:
    """The old breaking measured ever shorter rests of the run: 27 s for 200,000
    characters, 99 s and 1.1 GB for 400,000. The time itself is the benchmark's to show."""
    font = FontSet().regular
    measured: list[int] = []

    def width_of(text: str) -> float:
        measured.append(len(text))
        return stringWidth(text, font, 9.5)

    run = "Тоқаев" * 20_000 + "Oʻzbekiston" * 10_000
    lines = break_measured(run, width_of, 300)
    assert "".join(lines) == run
    assert sum(measured) <= 3 * len(run)


@pytest.mark.parametrize("character", ["x", "中"])
def test_a_summary_of_200000_unbroken_characters_renders_whole(
    sqlite_database: Database, tmp_path: Path, character: str
) -> None:
    # "中" is not in the main font: it goes through Paragraph and its fallback fonts (where
    # no installed font has it, the report says so and draws a blank box for each).
    run = character * 200_000
    save(sqlite_database, agreement("Oʻzbekiston–Türkiye data", summary=run))
    target = tmp_path / "long.pdf"
    result = summary(sqlite_database, target)
    assert result.pages > 40
    if character == "x":
        assert "".join("".join(pages_text(target)).split()).count("x") >= 200_000


def test_long_text_for_paragraphs_is_cut_at_spaces_and_nothing_is_lost() -> None:
    text = ("Қазақстан and Oʻzbekiston " * 400) + "中" * 5_000
    pieces = text_pieces(text, 2000)
    assert "".join(pieces) == text
    assert all(len(piece) <= 2000 for piece in pieces)
    assert all(piece.endswith(" ") for piece in pieces[:4])

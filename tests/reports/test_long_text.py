"""Long text in reports: a summary of one unbroken 200,000-character run renders in seconds,
whole (tests/models/test_atomic_file.py: it reaches its file only once on disk)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from models.database import Database, open_database
from reports.fonts import FontSet
from reports.kit import text_pieces
from reports.prose import break_lines
from tests.builders import agreement, save
from tests.reports.conftest import pages_text, summary

# Seconds; the old line breaking took 27 s for 200,000 characters (99 s and 1.1 GB for
# 400,000), the new one well under 2 s on a loaded 2-core machine.
BUDGET = 10.0


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


@pytest.mark.parametrize("character", ["x", "中"])
def test_a_summary_of_200000_unbroken_characters_renders_in_seconds_and_whole(
    sqlite_database: Database, tmp_path: Path, character: str
) -> None:
    # "中" is not in the main font: it goes through Paragraph and its fallback fonts (where
    # no installed font has it, the report says so and draws a blank box for each).
    run = character * 200_000
    save(sqlite_database, agreement("Oʻzbekiston–Türkiye data", summary=run))
    target = tmp_path / "long.pdf"
    start = time.perf_counter()
    result = summary(sqlite_database, target)
    elapsed = time.perf_counter() - start
    assert elapsed < BUDGET, f"{elapsed:.1f} s"
    assert result.pages > 40
    if character == "x":
        assert "".join("".join(pages_text(target)).split()).count("x") >= 200_000


def test_long_text_for_paragraphs_is_cut_at_spaces_and_nothing_is_lost() -> None:
    text = ("Қазақстан and Oʻzbekiston " * 400) + "中" * 5_000
    pieces = text_pieces(text, 2000)
    assert "".join(pieces) == text
    assert all(len(piece) <= 2000 for piece in pieces)
    assert all(piece.endswith(" ") for piece in pieces[:4])

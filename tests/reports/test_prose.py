"""Plain text wrapping: every word kept, no line wider than its column, long words cut."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from models.database import Database
from reports.fonts import FontSet
from reports.prose import break_lines
from tests.builders import agreement, save
from tests.reports.conftest import assert_within_page, summary, text


def test_lines_break_at_spaces_and_keep_every_word() -> None:
    font = FontSet().regular
    words = "Kazakhstan (Қазақстан) and Uzbekistan (Oʻzbekiston) declare their relations " * 5
    lines = break_lines(words, font, 9.5, 200)
    assert len(lines) > 3
    assert " ".join(lines).split() == words.split()
    assert all(stringWidth(line, font, 9.5) <= 200 for line in lines)


def test_line_breaks_in_the_text_are_kept_and_long_words_are_cut() -> None:
    font = FontSet().regular
    assert break_lines("first line\nsecond line", font, 9.5, 500) == ["first line", "second line"]
    url = "https://treaties.example.org/" + "a" * 200
    lines = break_lines(url, font, 9.5, 150)
    assert "".join(lines) == url
    assert all(stringWidth(line, font, 9.5) <= 150 for line in lines)


def test_a_summary_longer_than_a_page_flows_onto_the_next(
    database: Database, tmp_path: Path
) -> None:
    summary_text = " ".join(
        f"Sentence {n} of the summary, in Қазақ and Oʻzbek." for n in range(600)
    )
    save(database, agreement("Long summary", summary=summary_text))
    target = tmp_path / "long-summary.pdf"
    summary(database, target)
    words = text(target)
    assert "Sentence 0 of the summary" in words and "Sentence 599 of the summary" in words
    assert_within_page(target)

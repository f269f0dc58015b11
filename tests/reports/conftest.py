"""Report fixtures: the sample agreements in a real database, a summary made, PDFs read back."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pypdf
import pytest

from models.database import Database
from models.query import AgreementFilter
from models.sample import load_sample
from reports import ReportResult, write_summary

GENERATED = datetime(2025, 3, 6, 9, 30, tzinfo=UTC)


@pytest.fixture
def sample(database: Database) -> Database:
    """The eight Kazakhstan–Uzbekistan agreements of 6 December 2021."""
    with database.sessions.begin() as session:
        assert load_sample(session).added == 8
    return database


def summary(
    database: Database, target: Path, wanted: AgreementFilter | None = None, **kw: Any
) -> ReportResult:
    kw.setdefault("generated_at", GENERATED)
    return write_summary(database.sessions, wanted or AgreementFilter(), target, **kw)


def pages_text(path: Path) -> list[str]:
    """Each page's text, whitespace collapsed (form XObjects come out on lines of their own)."""
    reader = pypdf.PdfReader(path)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def text(path: Path) -> str:
    return " ".join(pages_text(path))


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(level, title, page number) of every outline entry, in order."""
    reader = pypdf.PdfReader(path)
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def text_runs(path: Path) -> list[tuple[int, float, float, str]]:
    """(page, left, right, text) of every run of text, measured in the face it is set in."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reports.fonts import FontSet

    fonts = FontSet()
    reader = pypdf.PdfReader(path)
    runs: list[tuple[int, float, float, str]] = []
    for number, page in enumerate(reader.pages, start=1):

        def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
            if not text.strip() or font is None:
                return
            if list(cm) == [1, 0, 0, 1, 0, 0] and tm[4] <= 0:
                return  # a page-number form, which pypdf reports in the form's own space
            base = str(font.get("/BaseFont", ""))
            face = fonts.bold if "Bold" in base else fonts.regular
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            width = stringWidth(text.strip("\n"), face, size * (tm[0] * cm[0] or 1.0))
            runs.append((number, x, x + width, text))  # noqa: B023 - used at once

        page.extract_text(visitor_text=visit)
    return runs


def assert_within_page(path: Path, width: float = 595.27) -> None:
    """Every run of text starts and ends inside the page's margins (A4, 18 mm each side)."""
    runs = text_runs(path)
    assert runs
    for page, left, right, words in runs:
        assert left >= 45, f"page {page}: {words!r} starts at {left:.0f}"
        assert right <= width - 45, f"page {page}: {words!r} runs to {right:.0f} of {width:.0f}"

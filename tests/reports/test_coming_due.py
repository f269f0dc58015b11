"""The summary report's "Coming due" section: there when the agreements have deadlines."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from models.database import Database
from models.query import AgreementFilter
from tests.builders import agreement, save
from tests.reports.conftest import outline, summary, text

MADE = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)  # "Coming due" counts from the report's day


def test_a_report_with_deadlines_has_a_coming_due_section(
    database: Database, tmp_path: Path
) -> None:
    save(
        database,
        agreement(
            "Agreement on transit through Oʻzbekiston",
            ("Kazakhstan", "Uzbekistan"),
            status="in force",
            entry_into_force="2022-03-01",
            duration_term="5 years",
            renewal_term="automatic for 5 years",
            notice_term="6 months",
        ),
    )
    save(database, agreement("Memorandum with Türkiye", ("Türkiye",), expires_on="2027-01"))
    save(database, agreement("Treaty signed by Тоқаев", status="in force", expires_on="2026-11"))
    target = tmp_path / "summary.pdf"
    summary(database, target, generated_at=MADE)
    words = text(target)
    assert "Coming due" in [title for _, title, _ in outline(target)]
    assert "November 2026 Expires (overdue) Treaty signed by Тоқаев" in words
    assert "January 2027 Expires Memorandum with Türkiye" in words
    assert "1 March 2027 Renews Agreement on transit through Oʻzbekiston" in words
    assert "renewed automatically for 5 years" in words
    # The notice day of 1 September 2026 has passed: it is not listed.
    assert "Last day to give notice" not in words


MADE = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)  # "Coming due" counts from the report's day


def test_a_report_without_deadlines_has_no_such_section(database: Database, tmp_path: Path) -> None:
    save(database, agreement("Memorandum with Türkiye", ("Türkiye",), expires_on="2027-01"))
    save(database, agreement("Declaration on Oʻzbekiston", ("Uzbekistan",)))
    target = tmp_path / "summary.pdf"
    summary(database, target, AgreementFilter(text="Declaration"), generated_at=MADE)
    assert "Coming due" not in text(target)

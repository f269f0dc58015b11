"""The English of counted messages is what the command line printed before they were marked."""

from __future__ import annotations

from models.messages import Catalog, Deadlines, Import


def test_counts_of_agreements_and_problems_keep_their_thousands_separators() -> None:
    assert Catalog.tr("'%1' takes part in %Ln agreement(s)", "", 1234, "Türkiye") == (
        "'Türkiye' takes part in 1,234 agreements"
    )
    assert Import.tr("and %Ln more problem(s), not listed", "", 2500) == (
        "and 2,500 more problems, not listed"
    )
    assert Catalog.tr("%Ln agreement(s)", "", 1) == "1 agreement"


def test_terms_count_days_as_they_are_written_and_read_back() -> None:
    assert Deadlines.tr("%Ln day(s)", "", 1825) == "1825 days"  # parsed again as a term

"""Signing years and date ranges from the index: each way of counting them agrees with SQL."""

from __future__ import annotations

import dataclasses

import pytest

from models import facet_index
from models.database import Database
from models.dates import PartialDate
from models.facet_index import FacetIndex
from models.parties import find_party
from models.query import AgreementFilter, Sort, SortColumn, agreement_ids, facet_counts
from models.service import load_input, update
from tests.builders import agreement, save

# Dates as people record them: a year alone, a month, a day, and none, 1800 to 2049.
SIGNED = [
    ("Treaty on Oʻzbekiston", "2019-12-31", ("Kazakhstan", "Uzbekistan")),
    ("Тоқаев protocol", "2020", ("Kazakhstan",)),
    ("Türkiye memorandum", "2020-01", ("Türkiye", "Kazakhstan")),
    ("Energy charter", "2020-06-15", ("Uzbekistan",)),
    ("Rail agreement", "2021-01-01", ("Türkiye",)),
    ("Customs accord", "2022", ("Kazakhstan", "Türkiye")),
    ("Water convention", None, ("Uzbekistan",)),
    ("Border treaty", "2049-03", ("Kazakhstan",)),
    ("Trade act", "1800-02-01", ("Türkiye",)),
    ("Transit pact", "2020-12-31", ("Uzbekistan", "Türkiye")),
]

RANGES = [
    (PartialDate(2020), PartialDate(2020)),  # one whole year, from its year-only date on
    (PartialDate(2020, 6), PartialDate(2021)),  # cut inside a year, then a whole one
    (PartialDate(2019, 12, 31), PartialDate(2020, 1)),  # a day, then part of a year
    (None, PartialDate(2020, 1)),
    (PartialDate(2021), None),
    (PartialDate(1700), PartialDate(2100)),
    (PartialDate(2023), PartialDate(2047)),  # no agreement at all
]


def _filters(database: Database) -> list[AgreementFilter]:
    with database.sessions() as session:
        kazakhstan = find_party(session, "Kazakhstan")
        assert kazakhstan is not None
        party = (kazakhstan.id,)
    found = [AgreementFilter(signed_from=start, signed_to=end) for start, end in RANGES]
    found += [AgreementFilter(parties=party, signed_from=s, signed_to=e) for s, e in RANGES]
    return [*found, AgreementFilter(parties=party), AgreementFilter(text="treaty")]


def _same_as_sql(database: Database, index: FacetIndex) -> None:
    newest = Sort(SortColumn.SIGNED_ON, descending=True)
    with database.sessions() as session:
        for wanted in _filters(database):
            assert index.ids(session, wanted, newest) == agreement_ids(session, wanted, newest)
            assert index.facets(session, wanted) == facet_counts(session, wanted), wanted


@pytest.fixture
def as_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every match's years counted as bytes (not only those up to a quarter of the ids)."""
    monkeypatch.setattr(facet_index, "_YEAR_BYTES_SHARE", 1)


@pytest.mark.parametrize(
    "sparse_limit", [0, 10**9, None], ids=["years as bytes", "years looked up", "year sets"]
)
def test_date_ranges_and_year_counts_match_the_sql(
    database: Database, sparse_limit: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if sparse_limit is not None:
        monkeypatch.setattr(facet_index, "_YEAR_BYTES_SHARE", 1)
    else:  # neither looked up nor as bytes: each year's set counted
        monkeypatch.setattr(facet_index, "_YEAR_BYTES_SHARE", 10**9)
        sparse_limit = 0
    for title, signed_on, parties in SIGNED:
        save(database, agreement(title, parties, signed_on=signed_on))
    with database.sessions() as session:
        index = FacetIndex.build(session)
    assert index is not None
    index.sparse_limit = sparse_limit
    _same_as_sql(database, index)
    with database.sessions() as session:
        counted = index.facets(session, AgreementFilter(parties=_filters(database)[-2].parties))
    assert counted.years == {2049: 1, 2022: 1, 2020: 2, 2019: 1}


def test_years_follow_a_patched_signing_date(database: Database, as_bytes: None) -> None:
    ids = [save(database, agreement(t, p, signed_on=s)) for t, s, p in SIGNED]
    with database.sessions() as session:
        index = FacetIndex.build(session)
    assert index is not None
    index.sparse_limit = 0
    _same_as_sql(database, index)  # the years' bytes are made here, then must be made again
    for agreement_id, signed_on in ((ids[1], "2049-05"), (ids[7], None), (ids[6], "2021-07")):
        with database.sessions.begin() as session:
            data, version = load_input(session, agreement_id)
            update(session, agreement_id, dataclasses.replace(data, signed_on=signed_on), version)
        with database.sessions() as session:
            assert index.apply(session, [agreement_id], known=True)
        _same_as_sql(database, index)


def test_years_a_byte_can_not_tell_apart_are_counted_from_their_sets(
    database: Database, as_bytes: None
) -> None:
    """2048's low byte is that of "no date", and 1792 and 2048 share it: counted right."""
    for title, signed_on, parties in SIGNED:
        save(database, agreement(title, parties, signed_on=signed_on))
    for title, signed_on in (("Border treaty", "2048-03"), ("Old treaty", "1792")):
        save(database, agreement(title, ("Kazakhstan",), signed_on=signed_on))
    with database.sessions() as session:
        index = FacetIndex.build(session)
    assert index is not None
    index.sparse_limit = 0
    _same_as_sql(database, index)
    with database.sessions() as session:
        counted = index.facets(session, AgreementFilter(parties=_filters(database)[-2].parties))
    assert counted.years == {2049: 1, 2048: 1, 2022: 1, 2020: 2, 2019: 1, 1792: 1}

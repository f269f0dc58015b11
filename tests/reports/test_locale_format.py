"""Dates and numbers for a PDF in the window's locale, without Qt (reports/locale_format.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from models.database import Database
from models.dates import PartialDate
from models.query import AgreementFilter
from models.sample import load_sample
from models.schema import Agreement
from reports import write_fact_sheet, write_summary
from reports.locale_format import current, number, partial_date, report_locale, timestamp

NNBSP, NBSP = "\N{NARROW NO-BREAK SPACE}", "\N{NO-BREAK SPACE}"
RUSSIAN = report_locale("ru_RU")


@pytest.mark.parametrize(
    ("text", "russian", "english"),
    [
        ("2021-12-06", f"6 декабря 2021{NNBSP}г.", "6 December 2021"),
        ("2021-12", f"декабрь 2021{NNBSP}г.", "December 2021"),
        ("2021", "2021", "2021"),
    ],
)
def test_a_date_keeps_its_precision_in_either_language(
    text: str, russian: str, english: str
) -> None:
    value = PartialDate.parse(text)
    assert partial_date(value, RUSSIAN) == russian
    assert partial_date(value, report_locale("en_US")) == english  # the reports' own form


def test_numbers_are_grouped_as_the_locale_groups_them() -> None:
    assert number(1234567, RUSSIAN) == f"1{NBSP}234{NBSP}567"
    assert number(1234567, report_locale("tr_TR")) == "1.234.567"
    assert number(1234567, report_locale("en")) == "1,234,567"


def test_a_stored_time_is_said_in_utc() -> None:
    moment = datetime(2021, 12, 6, 14, 3, tzinfo=UTC)
    assert timestamp(moment, RUSSIAN) == f"6 декабря 2021{NNBSP}г., 14:03 UTC"
    assert timestamp(moment, report_locale("C")) == "6 December 2021, 14:03 UTC"


@pytest.mark.parametrize("code", ["ru_RU.UTF-8", "ru-RU", "ru", "RU_ru"])
def test_the_window_locale_names_reach_the_report(code: str) -> None:
    assert report_locale(code).language == "ru"


@pytest.mark.parametrize("code", [None, "", "C", "POSIX", "xx_YY", "not a locale"])
def test_a_locale_that_names_nothing_known_is_english(code: str | None) -> None:
    assert report_locale(code).language == "en"


def test_kazakh_uzbek_and_turkish_dates_follow_their_own_order() -> None:
    day = PartialDate.parse("2021-12-06")
    assert partial_date(day, report_locale("kk_KZ")) == f"2021{NNBSP}ж. 6 желтоқсан"
    assert partial_date(day, report_locale("uz_Latn_UZ")) == "6-dekabr, 2021"
    assert partial_date(day, report_locale("tr_TR")) == "6 Aralık 2021"


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_the_report_builders_write_dates_in_the_locale_given(
    database: Database, tmp_path: Path
) -> None:
    """The window passes its locale; the command line passes none and stays English."""
    with database.sessions.begin() as session:
        load_sample(session)
        first = min(session.scalars(select(Agreement.id)))
    moment = datetime(2026, 12, 1, 14, 3, tzinfo=UTC)
    for locale, signed in ((None, "6 December 2021"), ("ru_RU", "6 декабря 2021 г.")):
        summary, sheet = tmp_path / f"{locale}-summary.pdf", tmp_path / f"{locale}-sheet.pdf"
        write_summary(database.sessions, AgreementFilter(), summary, locale=locale)
        write_fact_sheet(database.sessions, first, sheet, generated_at=moment, locale=locale)
        assert f"All 8 signed on {signed}." in _text(summary)
        assert signed in _text(sheet)
    assert current().language == "en"  # a build's locale ends with it

"""How long a summary is and what its first page says: short ones short, long ones with a cover."""

from __future__ import annotations

from pathlib import Path

import pypdf
from reportlab.graphics.shapes import Drawing

from benchmarks.generate import generate
from models.database import Database, open_database
from models.dates import PartialDate
from models.fields import find_field
from models.parties import find_party
from models.query import AgreementFilter
from reports.cover import Provenance
from reports.document import PageNumbers
from reports.fonts import FontSet
from reports.kit import StoryKit
from reports.styles import make_styles
from reports.summary_report import build_story, plan_summary
from tests.builders import agreement, save
from tests.reports.conftest import GENERATED, outline, pages_text, summary, text


def two_of_the_sample(sample: Database) -> AgreementFilter:
    with sample.sessions.begin() as session:
        transport = find_field(session, "Transport")
        kaz, uzb = find_party(session, "KAZ"), find_party(session, "UZB")
        assert transport and kaz and uzb
    return AgreementFilter(
        fields=(transport.id,),
        parties=(kaz.id, uzb.id),
        signed_from=PartialDate(2021),
        signed_to=PartialDate(2021),
    )


def test_two_agreements_make_a_short_pdf_with_the_register_on_its_first_page(
    sample: Database, tmp_path: Path
) -> None:
    target = tmp_path / "two.pdf"
    result = summary(sample, target, two_of_the_sample(sample))
    pages = pages_text(target)
    assert result.agreements == 2 and result.pages == len(pages) <= 3
    first = pages[0]
    title = "Agreements between Kazakhstan and Uzbekistan in Transport, 2021"
    assert first.count(title) == 2  # the running header and the title itself
    assert "Agreements in Transport between Kazakhstan and Uzbekistan, signed in 2021" in first
    assert "2 agreements, 2 parties. Both signed on 6 December 2021. By status: 2 signed." in first
    assert "Register" in first and "Kyzylorda–Uchquduq highway" in first
    assert [entry for level, entry, _page in outline(target) if level == 0] == [
        title,
        "Register",
        "Agreements",
    ]
    assert "Contents" not in text(target)
    # The 'Agreements' heading is never left alone at the foot of a page.
    entries = outline(target)
    heading_page = next(page for level, entry, page in entries if entry == "Agreements")
    assert heading_page == next(page for level, _entry, page in entries if level == 1)
    metadata = pypdf.PdfReader(target).metadata
    assert metadata is not None and metadata.title == title


def test_twenty_five_agreements_stay_short_and_keep_each_section_on_one_page(
    database: Database, tmp_path: Path
) -> None:
    for number in range(25):
        save(database, agreement(f"Transit protocol {number}", ("Kazakhstan", "Oʻzbekiston")))
    target = tmp_path / "25.pdf"
    result = summary(database, target)
    pages = pages_text(target)
    assert result.pages == len(pages) <= 12, result.pages
    assert "Contents" not in text(target) and "Register" in pages[0]
    for number in range(25):
        heading = f"{number + 1}. Transit protocol {number} "
        page = next(page for page in pages if heading in page)
        section = page[page.index(heading) :].split(f"{number + 2}. Transit protocol")[0]
        assert "Not recorded:" in section, heading  # the section ends on the page it starts on


def test_a_long_report_has_a_cover_with_headline_numbers_then_contents(
    sample: Database, tmp_path: Path
) -> None:
    target = tmp_path / "long.pdf"
    summary(sample, target, short_limit=0)
    cover = pages_text(target)[0]
    for words in (
        "Agreements 8",
        "Parties 2",
        "Period signed 2021",
        "By status 8 signed",
    ):
        assert words in cover, cover
    assert [entry for level, entry, _page in outline(target) if level == 0][1] == "Contents"


def test_a_one_bar_chart_is_not_drawn(sample: Database) -> None:
    """Every sample agreement was signed in 2021: one year, so no chart of years."""
    fonts = FontSet()
    kit = StoryKit(make_styles(fonts), PageNumbers())
    with sample.sessions.begin() as session:
        plan = plan_summary(session, AgreementFilter(), short_limit=0)
        story = list(build_story(session, plan, kit, Provenance(GENERATED, "", "", None)))
    charts = [part for part in story if isinstance(part, Drawing)]
    assert len(charts) == 1  # fields: several bars; years: one bar, left out


def test_the_register_alone(sample: Database, tmp_path: Path) -> None:
    target = tmp_path / "register.pdf"
    result = summary(sample, target, register_only=True)
    words = text(target)
    assert result.pages == 1 and "Register" in words and "Kyzylorda–Uchquduq highway" in words
    assert "Summary" not in words and "Agreements" not in [e for _l, e, _p in outline(target)]


def test_no_database_name_or_author_unless_asked(sample: Database, tmp_path: Path) -> None:
    plain, sourced = tmp_path / "plain.pdf", tmp_path / "sourced.pdf"
    summary(sample, plain, database_name="/home/aigerim/treaties.db")
    summary(sample, sourced, database_name="/home/aigerim/treaties.db", show_source=True)
    assert "treaties.db" not in text(plain) and "Prepared by" not in text(plain)
    assert "Database /home/aigerim/treaties.db" in text(sourced)


def test_the_pdf_opens_with_its_bookmarks_shown_and_every_font_embedded(
    sample: Database, tmp_path: Path
) -> None:
    target = tmp_path / "summary.pdf"
    summary(sample, target)
    reader = pypdf.PdfReader(target)
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            assert "/FontFile2" in descendant["/FontDescriptor"], font["/BaseFont"]


def test_a_thousand_agreements_take_at_most_1_2_pages_each(tmp_path: Path) -> None:
    path = tmp_path / "thousand.db"
    generate(path, 1000)
    database = open_database(path)
    try:
        result = summary(database, tmp_path / "thousand.pdf")
    finally:
        database.close()
    assert result.agreements == 1000
    assert result.pages <= 1200, result.pages

"""The summary report, read back from the PDF the way a reader (or pypdf) sees it."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from models.cancelled import Cancelled
from models.database import Database
from models.dates import PartialDate
from models.detail import load_detail
from models.fields import find_field
from models.parties import find_party
from models.query import AgreementFilter, Sort, SortColumn, agreement_ids, party_list
from models.service import ActionInput, ParticipationInput, RelationInput, delete
from reports import styles as st
from reports import write_summary
from reports.document import PageNumbers
from reports.fonts import FontSet
from reports.grid import Grid, Runs, Text, Wrapped
from reports.kit import StoryKit
from reports.section import PARTY_COLUMNS, details_grid
from reports.styles import make_styles
from reports.summary_report import plan_summary
from tests.builders import agreement, save
from tests.reports.conftest import assert_within_page, outline, pages_text, summary, text

DECLARATION = (
    "Declaration on Allied Relations between the Republic of Kazakhstan and the Republic of "
    "Uzbekistan"
)


def ids(database: Database, wanted: AgreementFilter = AgreementFilter()) -> list[int]:  # noqa: B008
    with database.sessions.begin() as session:
        return agreement_ids(session, wanted)


def test_the_sample_report_shows_every_name_in_its_own_script(
    sample: Database, tmp_path: Path
) -> None:
    target = tmp_path / "summary.pdf"
    result = summary(
        sample, target, author="Aigerim Тоқаева", database_name="treaties.db", show_source=True
    )
    words = text(target)
    assert result.agreements == 8 and result.warnings == []
    assert DECLARATION in words
    assert "Kyzylorda–Uchquduq highway (Kazakhstan–Uzbekistan)" in words
    for name in ("Тоқаев", "Қазақстан", "Oʻzbekiston", "Aigerim Тоқаева", "treaties.db"):
        assert name in words
    assert "2 signatories, none bound as a party yet." in words
    assert "Signed 6 December 2021" in words


def test_turkish_letters_come_out_as_written(database: Database, tmp_path: Path) -> None:
    save(
        database,
        agreement(
            "İstanbul Protocol on rail freight",
            ("Türkiye", "Kazakhstan"),
            signed_at="İstanbul",
            summary="Ilısu, Iğdır, Şırnak and Çorum.",
        ),
    )
    target = tmp_path / "turkish.pdf"
    assert summary(database, target).warnings == []
    words = text(target)
    for name in ("Türkiye", "İstanbul Protocol", "Place İstanbul", "Ilısu, Iğdır, Şırnak"):
        assert name in words


def test_every_page_has_the_title_above_and_page_x_of_y_below(
    sample: Database, tmp_path: Path
) -> None:
    target = tmp_path / "summary.pdf"
    result = summary(sample, target, title="Central Asia: Қазақстан and Oʻzbekiston")
    pages = pages_text(target)
    assert result.pages == len(pages) > 5
    for number, page in enumerate(pages, start=1):
        assert page.startswith("Central Asia: Қазақстан and Oʻzbekiston")
        assert f"Page {number} of {len(pages)}" in page


def test_outline_has_the_sections_and_one_entry_per_agreement(
    sample: Database, tmp_path: Path
) -> None:
    target = tmp_path / "summary.pdf"
    summary(sample, target, title="Alliance documents", short_limit=0)
    entries = outline(target)
    top = [title for level, title, _page in entries if level == 0]
    assert top == ["Alliance documents", "Contents", "Overview", "Register", "Agreements"]
    agreements = [(title, page) for level, title, page in entries[-8:] if level == 1]
    assert len(agreements) == 8
    assert agreements[0][0] == f"1. {DECLARATION}"
    overview = [title for level, title, _page in entries if level == 1][:4]
    assert overview == [
        "Agreements per field",
        "Agreements per party",
        "Agreements per status",
        "Agreements per year signed",
    ]


def test_contents_give_the_page_each_agreement_starts_on_and_link_to_it(
    sample: Database, tmp_path: Path
) -> None:
    target = tmp_path / "summary.pdf"
    summary(sample, target, short_limit=0)
    pages = pages_text(target)
    contents = pages[1]
    listed = 0
    for level, title, page in outline(target):
        if title in ("Overview", "Register", "Agreements") or (level == 1 and title[0].isdigit()):
            assert f"{title} {page}" in contents  # the number printed in the contents
            assert title[:25] in pages[page - 1]  # is the page the heading is on
            listed += 1
    assert listed == 11
    links = pypdf.PdfReader(target).pages[1]["/Annots"]
    assert len(links) >= 11  # three sections and eight agreements, each clickable


def test_metadata_names_title_subject_author_and_creator(sample: Database, tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    with sample.sessions.begin() as session:
        energy = find_field(session, "Energy")
        kazakhstan = find_party(session, "KAZ")
        assert energy and kazakhstan
        wanted = AgreementFilter(fields=(energy.id,), parties=(kazakhstan.id,))
    summary(sample, target, wanted, title="Energy", author="Dilnoza Oʻrinboyeva")
    info = pypdf.PdfReader(target).metadata
    assert info is not None
    assert info.title == "Energy"
    assert info.subject == "Agreements in Energy involving Kazakhstan"
    assert info.author == "Dilnoza Oʻrinboyeva"
    assert info.creator == "Treaty Tracker"


def test_only_the_embedded_unicode_font_is_used_and_it_has_every_character(
    sample: Database, tmp_path: Path
) -> None:
    target = tmp_path / "summary.pdf"
    summary(sample, target)
    reader = pypdf.PdfReader(target)
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    family = FontSet()
    assert all("+" in name for name in fonts), fonts  # subsets of an embedded TrueType font
    covered = family.covered(family.regular) | family.covered(family.bold)
    characters = set(text(target)) - {" "}
    assert characters <= covered, characters - covered


def test_the_cover_spells_out_the_filter_sort_maker_source_and_as_of_date(
    sample: Database, tmp_path: Path
) -> None:
    with sample.sessions.begin() as session:
        energy, transport = find_field(session, "Energy"), find_field(session, "Transport")
        kaz, uzb = find_party(session, "Kazakhstan"), find_party(session, "Uzbekistan")
        assert energy and transport and kaz and uzb
    wanted = AgreementFilter(
        fields=(energy.id, transport.id),
        parties=(kaz.id, uzb.id),
        signed_from=PartialDate(2020),
        signed_to=PartialDate(2024),
    )
    target = tmp_path / "energy.pdf"
    result = summary(
        sample,
        target,
        wanted,
        sort=Sort(SortColumn.TITLE),
        author="A. Analyst",
        database_name="team.db",
        show_source=True,
    )
    cover = pages_text(target)[0]
    assert result.agreements == 3
    assert (
        "Agreements in Energy and Transport between Kazakhstan and Uzbekistan, signed 2020–2024"
        in cover
    )
    assert "3 agreements" in cover
    assert "Order Title, A to Z" in cover
    assert "Generated 6 March 2025" in cover
    assert "Prepared by A. Analyst" in cover and "Database team.db" in cover
    assert "Data as of" in cover and "UTC (the latest change to these agreements)" in cover


def test_counts_by_field_party_status_and_year(sample: Database, tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    summary(sample, target, short_limit=0)
    words = text(target)
    assert "Transport 2" in words and "Transport > Rail 1" in words
    assert "Kazakhstan 8" in words and "Uzbekistan 8" in words
    assert "Signed 8" in words and "2021 8" in words


def test_counts_of_a_selection_match_those_of_the_same_filter(sample: Database) -> None:
    everything = ids(sample)
    with sample.sessions.begin() as session:
        by_filter = plan_summary(session, AgreementFilter())
        by_selection = plan_summary(session, AgreementFilter(), agreement_ids=everything)
    assert by_selection.overview == by_filter.overview
    assert by_selection.covers == "The 8 selected agreements"
    assert by_filter.covers == "All agreements"


def test_selected_agreements_come_in_the_order_given(sample: Database, tmp_path: Path) -> None:
    chosen = ids(sample)[::-1][:3]
    with sample.sessions.begin() as session:
        delete(session, [chosen[1]])
    target = tmp_path / "selected.pdf"
    result = summary(sample, target, agreement_ids=chosen)
    assert result.agreements == 2  # the deleted one is left out
    cover = pages_text(target)[0]
    assert "The 2 selected agreements" in cover and "In the order selected" in cover
    titles = [title for level, title, _p in outline(target) if title[:2] in ("1.", "2.")]
    assert titles[0].startswith("1. Kyzylorda–Uchquduq highway")


def test_partial_dates_are_shown_as_recorded_and_missing_ones_as_not_recorded(
    database: Database, tmp_path: Path
) -> None:
    for title, signed in (
        ("Year only", "2019"),
        ("Month", "2020-07"),
        ("Day", "2021-12-06"),
        ("Undated", ""),
    ):
        save(database, agreement(title, signed_on=signed))
    target = tmp_path / "dates.pdf"
    summary(database, target, short_limit=0)
    words = text(target)
    for shown in (
        "Signed 2019",
        "Signed July 2020",
        "Signed 6 December 2021",
        "Signed not recorded",
        "Not recorded: binding, place, entry into force, expiry",
    ):
        assert shown in words
    assert "Date not recorded 1" in words
    assert "1 with no signing date recorded" in words


def test_the_status_the_actions_imply_is_shown_beside_a_disagreeing_one(
    database: Database, tmp_path: Path
) -> None:
    data = agreement(
        "Grid treaty", status="draft", signed_on="2019-05-10", entry_into_force="2020-01-01"
    )
    save(database, data)
    target = tmp_path / "status.pdf"
    summary(database, target)
    assert "Draft (the recorded dates and actions imply: in force)" in text(target)


def test_the_implied_status_is_one_line_of_plain_text_in_the_warning_colour(
    database: Database,
) -> None:
    """Drawn without a Paragraph (800 of them in a report of 1,000): the same words, colours
    and line as before, none of the parsing."""
    data = agreement(
        "Grid treaty", status="draft", signed_on="2019-05-10", entry_into_force="2020-01-01"
    )
    agreement_id = save(database, data)
    with database.sessions.begin() as session:
        detail = load_detail(session, agreement_id)
    kit = StoryKit(make_styles(FontSet()), PageNumbers())
    grid = details_grid(kit, detail)
    status = next(row[1] for row in grid.rows if row[0].text == "Status")
    assert isinstance(status, Runs)
    assert [(item.text, item.style.textColor) for item in status.items] == [
        ("Draft ", kit.styles.cell.textColor),
        ("(the recorded dates and actions imply: in force)", st.WARNING),
    ]


def placed_lines(pdf: bytes) -> list[tuple[float, float, str]]:
    """(x, y, text) of every line of text on the first page: where a reader sees it."""
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if text.strip():
            found.append((round(tm[4] * cm[0] + cm[4], 2), round(tm[5] * cm[3] + cm[5], 2), text))

    pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return sorted((x, y, text.strip()) for x, y, text in found)


def test_a_party_whose_note_wraps_is_plain_text_where_its_paragraph_put_it() -> None:
    """480 parties of a long report have a note that wraps: drawn as plain text, not a
    Paragraph, with the same lines at the same places, and split between pages alike."""
    kit = StoryKit(make_styles(FontSet()), PageNumbers())
    styles = kit.styles
    lines = [
        ("Oʻzbekiston Temir Yoʻllari", styles.cell_bold),
        ("international organization; signatory, ratified (Тоқаев, Türkiye)", styles.cell_note),
    ]
    cell = kit.stack(lines, PARTY_COLUMNS[0])
    assert isinstance(cell, Wrapped)
    paragraph = cell.paragraph()
    assert [item.text for item in cell.items] == [
        "Oʻzbekiston Temir",
        "Yoʻllari",
        "international organization;",
        "signatory, ratified (Тоқаев,",
        "Türkiye)",
    ]
    drawn = []
    for party in (cell, paragraph):
        out = io.BytesIO()
        row = [party, Text("Kassym-Jomart Tokayev", styles.cell)]
        SimpleDocTemplate(out).build([Grid([row], PARTY_COLUMNS[:2])])
        drawn.append(placed_lines(out.getvalue()))
    assert drawn[0] == drawn[1] and len(drawn[0]) == 6
    canvas = Canvas(io.BytesIO())
    for room in (30.0, 45.0, 60.0):  # too little for the row, part of it, all of it
        heights = [
            [
                part.wrapOn(canvas, PARTY_COLUMNS[0], 1e6)
                for part in Grid([[party]], PARTY_COLUMNS[:1]).splitOn(
                    canvas, PARTY_COLUMNS[0], room
                )
            ]
            for party in (cell, paragraph)
        ]
        assert heights[0] == heights[1]


def test_no_matching_agreement_still_gives_a_pdf_that_says_so(
    sample: Database, database: Database, tmp_path: Path
) -> None:
    target = tmp_path / "none.pdf"
    result = summary(sample, target, AgreementFilter(text="zzzz nothing"))
    assert result.agreements == 0 and result.pages == 1
    words = text(target)
    assert "No agreements match this filter." in words
    assert "matching the search “zzzz nothing”" in words
    assert "Page 1 of 1" in words


def test_an_empty_database_reports_all_agreements_as_none(
    database: Database, tmp_path: Path
) -> None:
    target = tmp_path / "empty.pdf"
    result = summary(database, target)
    assert result.pages == 1
    assert "All agreements" in text(target) and "No agreements match" in text(target)


def test_a_300_character_title_wraps_and_stays_on_the_page(
    database: Database, tmp_path: Path
) -> None:
    words = "Agreement on the coordination of transboundary water, energy and transport policy"
    title = (words + " ") * 4
    title = title[:300].strip()
    save(database, agreement(title, ("Kazakhstan", "Uzbekistan")))
    target = tmp_path / "long.pdf"
    result = summary(database, target, title=title)
    assert len(title) >= 295 and result.warnings == []
    assert title in text(target)
    assert_within_page(target)


def test_sixty_parties_all_listed_in_a_table_that_wraps_across_pages(
    database: Database, tmp_path: Path
) -> None:
    import pycountry

    names = sorted(country.name for country in pycountry.countries)[:60]
    parties = [
        ParticipationInput(
            party=name,
            role="original signatory",
            signatory_name="Ambassador and Plenipotentiary Representative to the Conference",
            actions=[ActionInput("signature", "2020-03-04"), ActionInput("ratification", "2021")],
        )
        for name in names
    ]
    data = agreement("Multilateral convention", entry_into_force="2022")
    data.parties = parties
    save(database, data)
    with database.sessions.begin() as session:
        recorded = [entry.name for entry in party_list(session)]  # as the states are named
    target = tmp_path / "sixty.pdf"
    summary(database, target)
    pages = pages_text(target)
    words = " ".join(pages)
    assert len(recorded) == 60
    assert [name for name in recorded if name not in words] == []
    assert "60 parties listed (multilateral): 60 signatories, 60 parties." in words
    assert "and 48 more" in words  # the register cell; the section lists every one
    continued = [page for page in pages if "Party Role Signatory Actions" in page]
    assert len(continued) >= 2  # the header row is repeated on the next page
    assert_within_page(target)


def test_a_reservation_longer_than_a_page_continues_overleaf(
    database: Database, tmp_path: Path
) -> None:
    reservation = " ".join(f"Paragraph {n} of the reservation applies." for n in range(400))
    data = agreement("Convention with a long reservation")
    data.parties[0].actions = [ActionInput("reservation", "2020", text=reservation)]
    save(database, data)
    target = tmp_path / "reservation.pdf"
    summary(database, target)
    words = text(target)
    assert "Paragraph 0 of the reservation" in words and "Paragraph 399 of the" in words
    assert_within_page(target)


def test_a_character_no_font_has_is_named_in_a_warning_and_the_pdf_still_comes_out(
    database: Database, tmp_path: Path
) -> None:
    save(database, agreement("Protocol \U0010fffd on private use"))
    target = tmp_path / "missing.pdf"
    result = summary(database, target)
    assert target.exists() and result.pages >= 1
    assert any("U+10FFFD" in warning for warning in result.warnings), result.warnings
    assert "Protocol" in text(target)


def test_progress_counts_the_agreements(sample: Database, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    summary(sample, tmp_path / "p.pdf", progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 8) and seen[-1] == (8, 8)
    assert [done for done, _ in seen] == list(range(9))


def test_cancelling_leaves_no_file_and_keeps_an_older_one(sample: Database, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"an older report")
    seen: list[int] = []
    with pytest.raises(Cancelled):
        summary(
            sample,
            target,
            progress=lambda done, _total: seen.append(done),
            cancelled=lambda: len(seen) > 3,
        )
    assert target.read_bytes() == b"an older report"
    assert [path.name for path in tmp_path.iterdir() if "report" in path.name] == ["report.pdf"]
    fresh = tmp_path / "fresh.pdf"
    with pytest.raises(Cancelled):
        summary(sample, fresh, cancelled=lambda: True)
    assert not fresh.exists()


def test_writes_to_a_stream_and_takes_a_session_too(sample: Database) -> None:
    stream = io.BytesIO()
    with sample.sessions.begin() as session:
        result = write_summary(session, AgreementFilter(), stream)
    assert stream.getvalue().startswith(b"%PDF-")
    assert len(pypdf.PdfReader(stream).pages) == result.pages


def test_invariant_reports_are_byte_identical(sample: Database, tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    summary(sample, first, invariant=True)
    summary(sample, second, invariant=True)
    assert first.read_bytes() == second.read_bytes()


def test_an_empty_selection_says_nothing_was_selected(sample: Database, tmp_path: Path) -> None:
    target = tmp_path / "nothing.pdf"
    result = summary(sample, target, agreement_ids=[])
    assert result.agreements == 0
    assert "No agreements were selected." in text(target)


def test_relations_show_both_ways_in_the_summary(database: Database, tmp_path: Path) -> None:
    treaty = save(database, agreement("Treaty on the Aral Sea", ("Türkiye",)))
    save(
        database,
        agreement("Amendment signed by Тоқаев", relations=[RelationInput("amends", treaty)]),
    )
    target = tmp_path / "related.pdf"
    summary(database, target)
    words = text(target)
    assert "Related Amends: Treaty on the Aral Sea" in words
    assert "Related Amended by: Amendment signed by Тоқаев" in words


def test_every_sample_agreement_reads_signatories_two(sample: Database, tmp_path: Path) -> None:
    target = tmp_path / "sample.pdf"
    summary(sample, target)
    words = text(target)
    assert words.count("2 signatories, none bound as a party yet.") == 8
    assert "no action recorded" not in words and "no signatories" not in words
    assert "signature: deposited" not in words
    assert words.count("(the agreement's signing date)") == 14  # the seven with no act typed

"""The fact sheet: one agreement, its timeline, outline, contents and metadata."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from models.database import Database
from models.query import AgreementFilter, agreement_ids
from models.service import ActionInput, MilestoneInput, NotFoundError, RelationInput
from reports import write_fact_sheet
from tests.builders import agreement, save
from tests.reports.conftest import GENERATED, outline, pages_text, text


def first_sample(database: Database) -> int:
    with database.sessions.begin() as session:
        return agreement_ids(session, AgreementFilter())[0]


def test_the_fact_sheet_holds_the_agreement_and_says_who_made_it(
    sample: Database, tmp_path: Path
) -> None:
    target = tmp_path / "fact.pdf"
    with sample.sessions.begin() as session:
        result = write_fact_sheet(
            session,
            first_sample(sample),
            target,
            author="Тоқаев аппараты",
            database_name="treaties.db",
            generated_at=GENERATED,
            show_source=True,
        )
    words = text(target)
    assert result.agreements == 1 and result.warnings == []
    assert "Declaration on Allied Relations between the Republic of Kazakhstan" in words
    assert "Prepared by Тоқаев аппараты" in words and "Database treaties.db" in words
    assert "Қасым-Жомарт Тоқаев" in words and "Oʻzbekiston" in words
    assert "(when this agreement last changed)" in words
    info = pypdf.PdfReader(target).metadata
    assert info is not None and info.creator == "Treaty Tracker"
    assert info.title.startswith("Fact sheet: Declaration on Allied Relations")
    assert info.subject == (
        "Declaration, interstate; signed 6 December 2021; Kazakhstan and Uzbekistan"
    )
    assert info.author == "Тоқаев аппараты"


def test_outline_and_contents_list_every_section_with_its_page(
    sample: Database, tmp_path: Path
) -> None:
    target = tmp_path / "fact.pdf"
    result = write_fact_sheet(sample.sessions, first_sample(sample), target)
    entries = outline(target)
    assert [title for _level, title, _page in entries][1:] == [
        "Details",
        "Parties",
        "Timeline",
        "Summary",
        "Notes",
        "Source",
    ]
    pages = pages_text(target)
    assert len(pages) == result.pages
    for _level, title, page in entries[1:]:
        assert f"{title} {page}" in pages[0]  # the contents, on the first page
    for number, page in enumerate(pages, start=1):
        assert page.startswith("Fact sheet: Declaration on Allied Relations")
        assert f"Page {number} of {len(pages)}" in page


def test_the_timeline_runs_oldest_first_with_undated_events_last(
    database: Database, tmp_path: Path
) -> None:
    data = agreement(
        "Water treaty",
        ("Kazakhstan", "Uzbekistan"),
        signed_on="2019-05",
        signed_at="Tashkent",
        entry_into_force="2020",
    )
    data.parties[1].actions = [ActionInput("ratification", "2019-11-30")]
    data.milestones = [
        MilestoneInput("review due", "2025", "First review"),
        MilestoneInput("other", "", "Translation awaited"),
    ]
    agreement_id = save(database, data)
    target = tmp_path / "water.pdf"
    write_fact_sheet(database.sessions, agreement_id, target)
    words = text(target)
    timeline = words[words.index("Date Event") :]
    order = [
        "May 2019 Signed at Tashkent",
        "30 November 2019 Uzbekistan: ratification",
        "2020 Entered into force",
        "2025 Review due: First review",
        "date not recorded Other: Translation awaited",
    ]
    positions = [timeline.index(event) for event in order]
    assert positions == sorted(positions)


def test_an_agreement_that_does_not_exist_writes_nothing(
    database: Database, tmp_path: Path
) -> None:
    target = tmp_path / "gone.pdf"
    with pytest.raises(NotFoundError):
        write_fact_sheet(database.sessions, 404, target)
    assert list(tmp_path.glob("*.pdf")) == [] and not list(tmp_path.glob(".*part"))


def test_relations_show_on_both_fact_sheets_each_in_its_own_words(
    database: Database, tmp_path: Path
) -> None:
    treaty = save(database, agreement("Treaty on Oʻzbekiston–Türkiye transit", ("Türkiye",)))
    old = save(database, agreement("Transit agreement of 1992", ("Türkiye",)))
    protocol = save(
        database,
        agreement(
            "Protocol on Тоқаев's transit fees",
            ("Kazakhstan",),
            relations=[RelationInput("protocol to", treaty), RelationInput("supersedes", old)],
        ),
    )
    sheets = {}
    for agreement_id in (treaty, old, protocol):
        write_fact_sheet(database.sessions, agreement_id, tmp_path / f"{agreement_id}.pdf")
        sheets[agreement_id] = text(tmp_path / f"{agreement_id}.pdf")
    assert "Related Protocol to: Treaty on Oʻzbekiston–Türkiye transit" in sheets[protocol]
    assert "Supersedes: Transit agreement of 1992" in sheets[protocol]
    assert "Related Has protocol: Protocol on Тоқаев's transit fees" in sheets[treaty]
    assert "Related Replaced by: Protocol on Тоқаев's transit fees" in sheets[old]


def rail_line(database: Database) -> int:
    with database.sessions.begin() as session:
        return agreement_ids(session, AgreementFilter(text="Turkistan"))[0]


def test_a_sample_document_counts_both_signatories_and_lists_its_signing_once(
    sample: Database, tmp_path: Path
) -> None:
    target = tmp_path / "rail.pdf"
    write_fact_sheet(sample.sessions, rail_line(sample), target)
    words = text(target)
    assert "2 parties listed (bilateral): 2 signatories, none bound as a party yet." in words
    assert "No action recorded" not in words
    assert words.count("signature: signed 6 December 2021 (the agreement's signing date)") == 2
    timeline = words[words.index("Date Event") : words.index("Summary", words.index("Date Event"))]
    assert timeline.count("6 December 2021") == 1
    assert "6 December 2021 Signed at Nur-Sultan by Kazakhstan and Uzbekistan;" in timeline


def test_a_signature_is_signed_and_a_ratification_deposited(
    database: Database, tmp_path: Path
) -> None:
    data = agreement("Energy charter", ("Kazakhstan", "Türkiye"), signed_on="2019-05")
    data.parties[0].actions = [
        ActionInput("signature", "2019-06-01"),
        ActionInput("ratification", "2020-02-03", "2020-03-04"),
    ]
    data.parties[1].actions = [ActionInput("withdrawal", "2024-01-15")]
    target = tmp_path / "charter.pdf"
    write_fact_sheet(database.sessions, save(database, data), target)
    words = text(target)
    assert "signature: signed 1 June 2019" in words
    assert "ratification: deposited 3 February 2020, effective 4 March 2020" in words
    assert "withdrawal: notified 15 January 2024" in words
    assert "signature: deposited" not in words


def test_the_fact_sheet_lists_the_attachments(sample: Database, tmp_path: Path) -> None:
    from models.attachments import attach_file, replace_file
    from tests.attachment_files import pdf_file, scanned_pdf

    agreement_id = first_sample(sample)
    signed = pdf_file(tmp_path / "signed-kk.pdf", "Тоқаев")
    with sample.sessions.begin() as session:
        first = attach_file(session, agreement_id, signed, label="signed text", language="Kazakh")
        replace_file(session, first.attachment_id, signed)
        attach_file(session, agreement_id, scanned_pdf(tmp_path / "scan.pdf"), label="Türkiye")
    target = tmp_path / "fact.pdf"
    write_fact_sheet(sample.sessions, agreement_id, target)
    words = text(target)
    assert "Attachments" in [title for _level, title, _page in outline(target)]
    assert "signed text (Kazakh)" in words and "signed-kk.pdf" in words
    assert "v2 (+1)" in words and "text searched" in words
    assert "scanned: no text layer" in words

"""The fact sheet: one agreement on its own, with its timeline, ready to hand over."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer
from sqlalchemy.orm import Session, sessionmaker

from models.attachments import AttachmentView, list_attachments
from models.detail import AgreementDetail, load_detail
from reports import locale_format
from reports.attachment_list import attachments_block
from reports.cover import Provenance, facts_table, provenance_rows
from reports.describe import date_text, join_words, local_time_text
from reports.document import DocumentInfo, PageNumbers, render
from reports.fonts import FontSet
from reports.kit import StoryKit
from reports.output import ReportResult, atomic_output, session_scope
from reports.section import agreement_key, agreement_section, also_known_as
from reports.styles import make_styles

SECTIONS = (
    ("Details", "details"),
    ("Parties", "parties"),
    ("Timeline", "timeline"),
    ("Summary", "summary"),
    ("Notes", "notes"),
    ("Source", "source"),
)


def fact_sheet_title(detail: AgreementDetail) -> str:
    return f"Fact sheet: {detail.short_title or detail.title}"


def fact_sheet_subject(detail: AgreementDetail) -> str:
    """'Declaration, interstate; signed 6 December 2021; Kazakhstan and Uzbekistan'."""
    parties = join_words([party.name for party in detail.parties]) or "no parties recorded"
    signed = f"signed {date_text(detail.signed_on)}"
    return f"{detail.kind.label}, {detail.level.value}; {signed}; {parties}"


def build_story(
    detail: AgreementDetail,
    kit: StoryKit,
    provenance: Provenance,
    attachments: Sequence[AttachmentView] = (),
) -> Iterator[Flowable]:
    """The title, who made the sheet, its contents, then the agreement's full section."""
    styles = kit.styles
    key = agreement_key(detail.id)
    yield Spacer(1, 4 * mm)
    yield kit.para("Fact sheet", styles.muted)
    yield kit.heading(detail.title, styles.title, key=key, level=0)
    yield from also_known_as(kit, detail)
    yield facts_table(kit, provenance_rows(provenance))
    yield Spacer(1, 4 * mm)
    yield kit.para("Contents", styles.h3)
    extra = (("Attachments", "attachments"),) if attachments else ()
    for text, section in (*SECTIONS, *extra):
        yield kit.toc_line(text, f"{key}-{section}", 1)
    yield Spacer(1, 4 * mm)

    def heading(text: str, section: str) -> Flowable:
        return kit.heading(text, styles.h2, key=f"{key}-{section}", level=1)

    yield from agreement_section(kit, detail, None, heading, timeline=True)
    if attachments:
        yield from attachments_block(kit, attachments, heading)


def write_fact_sheet(
    session: Session | sessionmaker[Session],
    agreement_id: int,
    out: Path | BinaryIO,
    *,
    author: str = "",
    database_name: str = "",
    font: Path | None = None,
    generated_at: datetime | None = None,
    invariant: bool = False,
    show_source: bool = False,
    locale: str | None = None,
) -> ReportResult:
    """Write one agreement's fact sheet. Raises NotFoundError if it does not exist.

    The database's name is printed only with *show_source*; dates and numbers follow
    *locale* ('ru_RU'; English by default)."""
    with locale_format.using(locale):
        return _write_fact_sheet(
            session,
            agreement_id,
            out,
            author,
            database_name,
            font,
            generated_at,
            invariant,
            show_source,
        )


def _write_fact_sheet(
    session: Session | sessionmaker[Session],
    agreement_id: int,
    out: Path | BinaryIO,
    author: str,
    database_name: str,
    font: Path | None,
    generated_at: datetime | None,
    invariant: bool,
    show_source: bool,
) -> ReportResult:
    with session_scope(session) as scope:
        detail = load_detail(scope, agreement_id)
        attachments = list_attachments(scope, agreement_id)
    fonts = FontSet(font)
    kit = StoryKit(make_styles(fonts), PageNumbers())
    moment = generated_at or datetime.now(UTC)
    provenance = Provenance(
        moment,
        author,
        database_name if show_source else "",
        detail.updated_at,
        "when this agreement last changed",
    )
    info = DocumentInfo(
        title=fact_sheet_title(detail),
        subject=fact_sheet_subject(detail),
        author=author.strip(),
        footer=f"Treaty Tracker · generated {local_time_text(moment)}",
    )
    with atomic_output(out) as stream:
        pages = render(
            build_story(detail, kit, provenance, attachments),
            stream,
            info,
            kit.styles,
            kit.numbers,
            invariant=invariant,
        )
    return ReportResult(pages=pages, agreements=1, warnings=fonts.warnings())

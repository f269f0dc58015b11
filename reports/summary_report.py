"""The summary report: short (up to 25 agreements: one first page with the title, counts and
register, then the sections, each kept on a page where it fits) or long (cover with headline
numbers, contents, overview with charts, register, one section per agreement); or the
register alone.

Three steps, each testable: plan_summary() reads the plain data (one streamed pass over
the rows), build_story() yields flowables (loading one agreement at a time while the
pages are laid out), and render() writes the PDF, which lands in place only when whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
)
from reportlab.platypus.flowables import HRFlowable
from sqlalchemy.orm import Session, sessionmaker

from models.deadline_store import DueItem
from models.detail import AgreementDetail, load_details
from models.query import (
    AgreementFilter,
    AgreementRow,
    Sort,
    facet_counts,
    fetch_rows,
    field_tree,
    iter_rows,
    matching_ids,
    party_list,
)
from reports import locale_format
from reports import styles as st
from reports.charts import fields_chart, years_chart
from reports.coming_due import coming_due, coming_due_story
from reports.cover import Provenance, facts_table, provenance_rows
from reports.describe import (
    NOT_RECORDED,
    counted,
    describe_filter,
    describe_selection,
    describe_sort,
    local_time_text,
)
from reports.document import DocumentInfo, PageNumbers, render
from reports.fonts import FontSet
from reports.grid import PLAIN, Cell, Grid, Text
from reports.headline import SignedDates, period_words, report_title, statuses_words
from reports.kit import StoryKit
from reports.locale_format import count
from reports.output import ReportResult, atomic_output, checkpoint, session_scope
from reports.overview import (
    Overview,
    RegisterRow,
    RowCounts,
    overview_from_facets,
    register_row,
)
from reports.section import agreement_key, agreement_section
from reports.styles import make_styles

DEFAULT_SORT = Sort()
# Up to this many agreements a report is short: no cover, no contents, no charts.
SHORT_REPORT = 25
# Above this many the window asks before making the PDF (see estimate_pages).
LARGE_REPORT = 2000
BATCH = 200
REGISTER_COLUMNS = (10 * mm, 52 * mm, 22 * mm, 20 * mm, 32 * mm, st.FRAME_WIDTH - 136 * mm)
COUNT_COLUMNS = (95 * mm, 25 * mm)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SummaryPlan:
    """Everything the report says before its agreement sections, as plain data."""

    title: str
    covers: str
    order: str
    agreement_ids: tuple[int, ...]
    register: tuple[RegisterRow, ...]
    overview: Overview
    as_of: datetime | None
    selected: bool
    requested: int = 0
    signed: str = ""
    register_only: bool = False
    short_limit: int = SHORT_REPORT
    coming_due: tuple[DueItem, ...] = ()  # overdue and next year's deadlines (coming_due.py)
    due_as_of: date | None = None

    @property
    def short(self) -> bool:
        """A short report starts with its register on page one and has no contents."""
        return len(self.agreement_ids) <= self.short_limit

    def headline(self) -> str:
        """'8 agreements, 2 parties. All 8 signed on 6 December 2021. By status: 8 signed.'"""
        overview = self.overview
        number = len(self.agreement_ids)
        if not number:
            return ""
        text = (
            f"{counted(number, 'agreement', 'agreements')}, "
            f"{counted(len(overview.parties), 'party', 'parties')}."
        )
        if self.signed:
            text += f" {self.signed}"
        if overview.statuses:
            text += f" By status: {statuses_words(overview.statuses)}."
        return text


def plan_summary(
    session: Session,
    wanted: AgreementFilter,
    *,
    sort: Sort = DEFAULT_SORT,
    agreement_ids: Sequence[int] | None = None,
    title: str | None = None,
    register_only: bool = False,
    short_limit: int = SHORT_REPORT,
    cancelled: Callable[[], bool] | None = None,
    due_as_of: date | None = None,
) -> SummaryPlan:
    """Read the register, counts and as-of time, streaming the rows in batches.

    *due_as_of* (default: today) is the day "Coming due" counts from.
    """
    selected = agreement_ids is not None
    rows = (
        _selected_rows(session, agreement_ids)
        if agreement_ids is not None
        else iter_rows(session, wanted, sort)
    )
    register: list[RegisterRow] = []
    counts = RowCounts()
    signed = SignedDates()
    latest: datetime | None = None
    for row in rows:
        if len(register) % BATCH == 0:
            checkpoint(cancelled)
        register.append(register_row(len(register) + 1, row))
        latest = row.updated_at if latest is None else max(latest, row.updated_at)
        signed.add(row.signed_on)
        if selected:
            counts.add(row)
    fields, parties = field_tree(session), party_list(session)
    field_names = {node.id: node.path for node in fields}
    party_names = {p.id: p.name for p in parties}
    if selected:
        overview = counts.overview()
        covers = describe_selection(len(register))
        order = "In the order selected"
    else:
        facets = facet_counts(session, wanted, exclude_own=False)
        overview = overview_from_facets(facets, len(register), fields, parties)
        covers = describe_filter(wanted, field_names, party_names)
        order = describe_sort(sort)
    made_up = default_title(wanted, field_names, party_names, len(register) if selected else None)
    due_as_of = due_as_of or date.today()
    scope = list(dict.fromkeys(agreement_ids or ())) if selected else matching_ids(session, wanted)
    return SummaryPlan(
        title=" ".join((title or "").split()) or made_up,
        covers=covers,
        order=order,
        agreement_ids=tuple(entry.agreement_id for entry in register),
        register=tuple(register),
        overview=overview,
        as_of=latest,
        selected=selected,
        requested=len(agreement_ids or ()),
        signed=signed.sentence(),
        register_only=register_only,
        short_limit=short_limit,
        coming_due=coming_due(session, scope, due_as_of) if register else (),
        due_as_of=due_as_of,
    )


def default_title(
    wanted: AgreementFilter,
    field_names: dict[int, str],
    party_names: dict[int, str],
    selected: int | None = None,
) -> str:
    """The title a report gets when none is given: its filter in words, never a generic
    'summary report'; hand-picked agreements say how many were picked."""
    if selected is None:
        return report_title(wanted, field_names, party_names)
    picked = counted(selected, "selected agreement", "selected agreements")
    picked = picked[:1].upper() + picked[1:]
    if wanted.is_empty():
        return picked
    return f"{report_title(wanted, field_names, party_names)}: {picked.lower()}"


def title_for(session: Session, wanted: AgreementFilter, selected: int | None = None) -> str:
    """The title a summary of *wanted* (or of *selected* hand-picked agreements) gets by
    default, for the Export PDF dialog to suggest."""
    field_names = {node.id: node.path for node in field_tree(session)}
    party_names = {p.id: p.name for p in party_list(session)}
    return default_title(wanted, field_names, party_names, selected)


def estimate_pages(agreements: int) -> int:
    """About how many pages a summary of this many agreements runs to (measured on generated
    data: 823 pages for 1,000 agreements), for the question asked before a very long one."""
    if agreements <= SHORT_REPORT:
        return max(1, round(agreements * 0.7) + 1)
    return round(agreements * 0.83) + 4


def _selected_rows(session: Session, ids: Sequence[int]) -> Iterator[AgreementRow]:
    """The chosen agreements in the order given, once each; deleted ones are left out."""
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), BATCH):
        yield from fetch_rows(session, unique[start : start + BATCH])


# ----------------------------------------------------------------- the story


def build_story(
    session: Session,
    plan: SummaryPlan,
    kit: StoryKit,
    provenance: Provenance,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Flowable]:
    """Every flowable of the report, in order. Agreements are loaded a batch at a time as
    the pages fill, and the report stops between agreements once cancelled() is true."""
    due = (
        [coming_due_story(plan.coming_due, kit, plan.due_as_of or date.today())]
        if plan.coming_due
        else []
    )
    if plan.register_only or plan.short:
        yield from first_page(plan, kit, provenance)
        if not plan.agreement_ids:
            return
        yield from register_story(plan, kit)
        if plan.register_only:
            return
        for part in due:
            yield CondPageBreak(90 * mm)
            yield from part
        yield CondPageBreak(90 * mm)
    else:
        yield from cover(plan, kit, provenance)
        for part in (
            contents(plan, kit),
            overview_story(plan.overview, kit),
            register_story(plan, kit),
            *due,
        ):
            checkpoint(cancelled)
            yield PageBreak()
            yield from part
        yield PageBreak()
    heading = kit.heading("Agreements", kit.styles.h1, key="agreements", level=0)
    # A short report keeps the heading with the first section, never alone at a page foot.
    lead: Flowable | None = heading if plan.short else None
    if lead is None:
        yield heading
    total = len(plan.agreement_ids)
    if progress:
        progress(0, total)
    details = load_details(session, plan.agreement_ids)
    for number, (agreement_id, detail) in enumerate(
        zip(plan.agreement_ids, details, strict=True), start=1
    ):
        checkpoint(cancelled)
        yield from agreement_story(
            kit, number, agreement_id, detail, together=plan.short, lead=lead
        )
        lead = None
        if progress:
            progress(number, total)
    checkpoint(cancelled)


def first_page(plan: SummaryPlan, kit: StoryKit, provenance: Provenance) -> Iterator[Flowable]:
    """A short report's top: title, the filter in words, the headline counts, who and when."""
    styles = kit.styles
    yield kit.heading(plan.title, styles.title, key="cover", level=0)
    yield kit.para(plan.covers, styles.subtitle)
    if plan.agreement_ids:
        yield kit.para(plan.headline(), styles.body)
    rows = [("Order", plan.order)] if plan.agreement_ids else []
    yield facts_table(kit, [*rows, *provenance_rows(provenance)])
    yield Spacer(1, 4 * mm)
    if not plan.agreement_ids:
        yield kit.para(_nothing_words(plan), styles.h2)


def cover(plan: SummaryPlan, kit: StoryKit, provenance: Provenance) -> Iterator[Flowable]:
    """A long report's cover: title, filter, the headline numbers, then who and when."""
    styles = kit.styles
    overview = plan.overview
    yield Spacer(1, 20 * mm)
    yield kit.heading(plan.title, styles.title, key="cover", level=0)
    yield kit.para(plan.covers, styles.subtitle)
    period = period_words(overview.years)
    if overview.undated:
        period += f" ({count(overview.undated)} with no signing date recorded)"
    numbers = [
        ("Agreements", count(len(plan.agreement_ids))),
        ("Parties", count(len(overview.parties))),
        ("Period signed", period),
        ("By status", statuses_words(overview.statuses) or "none"),
    ]
    yield headline_table(kit, numbers)
    yield Spacer(1, 8 * mm)
    yield facts_table(kit, [("Order", plan.order), *provenance_rows(provenance)])


def headline_table(kit: StoryKit, numbers: list[tuple[str, str]]) -> Grid:
    """The cover's numbers, large enough to read across a desk."""
    styles = kit.styles
    label_width = 40 * mm
    value_width = st.FRAME_WIDTH - label_width
    rows: list[list[Cell]] = [
        [Text(label, styles.headline_label), kit.cell(value, styles.headline, value_width)]
        for label, value in numbers
    ]
    grid = Grid(rows, (label_width, value_width), look=PLAIN)
    grid.spaceBefore = 6
    return grid


def _nothing_words(plan: SummaryPlan) -> str:
    if not plan.selected:
        return "No agreements match this filter."
    if plan.requested:
        return "None of the selected agreements is recorded any more."
    return "No agreements were selected."


def contents(plan: SummaryPlan, kit: StoryKit) -> Iterator[Flowable]:
    """The clickable table of contents: sections, then every agreement."""
    yield kit.heading("Contents", kit.styles.h1, key="contents", level=0)
    for text, key in (("Overview", "overview"), ("Register", "register")):
        yield kit.toc_line(text, key, 0)
    if plan.coming_due:
        yield kit.toc_line("Coming due", "coming-due", 0)
    yield kit.toc_line("Agreements", "agreements", 0)
    for row in plan.register:
        yield kit.toc_line(f"{row.number}. {row.title}", agreement_key(row.agreement_id), 1)


def overview_story(overview: Overview, kit: StoryKit) -> Iterator[Flowable]:
    """Counts per field, party, status and year, as tables, with bar charts."""
    styles = kit.styles
    yield kit.heading("Overview", styles.h1, key="overview", level=0)
    yield kit.para(_overview_sentence(overview))
    yield kit.heading("Agreements per field", styles.h2, key="per-field", level=1)
    if not overview.fields:
        yield kit.para("No fields are recorded for these agreements.", styles.muted)
    else:
        if len(overview.top_fields()) > 1:  # a one-bar chart says nothing the table does not
            yield fields_chart(overview.top_fields(), kit.styles.fonts, st.FRAME_WIDTH)
        yield count_table(kit, "Field", [(name, n) for name, n in overview.fields])
    yield kit.heading("Agreements per party", styles.h2, key="per-party", level=1)
    yield count_table(kit, "Party", list(overview.parties))
    yield kit.heading("Agreements per status", styles.h2, key="per-status", level=1)
    yield count_table(kit, "Status", [(status.label, n) for status, n in overview.statuses])
    yield kit.heading("Agreements per year signed", styles.h2, key="per-year", level=1)
    if len(overview.years) > 1:
        yield years_chart(overview.years, kit.styles.fonts, st.FRAME_WIDTH)
    years = [(str(year), n) for year, n in overview.years]
    if overview.undated:
        years.append(("Date not recorded", overview.undated))
    yield count_table(kit, "Year", years)


def _overview_sentence(overview: Overview) -> str:
    total = overview.total
    text = f"{total} agreement{'s' if total != 1 else ''}"
    if overview.years:
        first, last = overview.years[0][0], overview.years[-1][0]
        text += f", signed {first}" if first == last else f", signed between {first} and {last}"
    if overview.undated:
        text += f"; {overview.undated} with no signing date recorded"
    return text + ". An agreement in several fields or with several parties counts in each."


def count_table(kit: StoryKit, label: str, rows: list[tuple[str, int]]) -> Grid:
    styles = kit.styles
    header = [Text(label, styles.header_cell), Text("Agreements", styles.header_cell_number)]
    body = [
        [kit.cell(name, styles.cell, COUNT_COLUMNS[0]), Text(str(n), styles.cell_number)]
        for name, n in rows
    ]
    table = Grid(body, COUNT_COLUMNS, header=header)
    table.spaceBefore, table.spaceAfter = 4, 6
    return table


def register_story(plan: SummaryPlan, kit: StoryKit) -> Iterator[Flowable]:
    """Every agreement on a line; the header row repeats on every page of the table."""
    styles = kit.styles
    first_page_register = plan.short or plan.register_only
    yield kit.heading(
        "Register", styles.h2 if first_page_register else styles.h1, key="register", level=0
    )
    words = "Every agreement in this report, in report order."
    if not plan.register_only:
        words += " Titles link to their sections."
    yield kit.para(words, styles.muted)
    names = ("No.", "Title", "Kind", "Status", "Signed", "Parties")
    header: list[Cell] = [Text(name, styles.header_cell) for name in names]
    header[0] = Text("No.", styles.header_cell_number)
    yield Grid(
        [_register_cells(kit, row) for row in plan.register], REGISTER_COLUMNS, header=header
    )


def _register_cells(kit: StoryKit, row: RegisterRow) -> list[Cell]:
    styles = kit.styles
    widths = REGISTER_COLUMNS
    return [
        Text(str(row.number), styles.cell_number),
        kit.para(row.title, styles.cell, link=_link(kit, row.agreement_id)),
        kit.cell(row.kind, styles.cell, widths[2]),
        kit.cell(row.status, styles.cell, widths[3]),
        kit.cell(
            row.signed,
            styles.cell_missing if row.signed == NOT_RECORDED else styles.cell,
            widths[4],
        ),
        kit.cell(row.parties, styles.cell, widths[5]),
    ]


def _link(kit: StoryKit, agreement_id: int) -> str | None:
    """The register links a title to its section, when the report has sections."""
    return agreement_key(agreement_id) if agreement_id in kit.linked_agreements else None


def agreement_story(
    kit: StoryKit,
    number: int,
    agreement_id: int,
    detail: AgreementDetail | None,
    *,
    together: bool = False,
    lead: Flowable | None = None,
) -> list[Flowable]:
    """One agreement's section, headed by its register number and title; *together* keeps
    it on one page where it fits (a short report), else a long report only makes sure a
    section does not start at the foot of a page."""
    styles = kit.styles
    key = agreement_key(agreement_id)
    before = [lead] if lead is not None else []  # the 'Agreements' heading, first time
    if detail is None:
        text = f"{number}. Agreement {agreement_id} was deleted while the report was being made."
        return [*before, kit.heading(text, styles.h2, key=key, level=1)]
    title = kit.heading(f"{number}. {detail.title}", styles.agreement_title, key=key, level=1)

    def subheading(text: str, _key: str) -> Flowable:
        return kit.line(text, styles.subheading)

    section = agreement_section(kit, detail, title, subheading, compact=True)
    rule = HRFlowable(width="100%", thickness=0.6, color=st.RULE, spaceBefore=6, spaceAfter=10)
    if together:
        kept = [part for part in section if not isinstance(part, CondPageBreak)]
        return [KeepTogether([*before, *kept]), rule]
    return [*before, CondPageBreak(75 * mm), *section, rule]


# ----------------------------------------------------------------- writing


def write_summary(
    sessions_or_session: Session | sessionmaker[Session],
    wanted: AgreementFilter,
    out: Path | BinaryIO,
    *,
    title: str | None = None,
    sort: Sort = DEFAULT_SORT,
    author: str = "",
    database_name: str = "",
    agreement_ids: list[int] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    font: Path | None = None,
    generated_at: datetime | None = None,
    invariant: bool = False,
    register_only: bool = False,
    show_source: bool = False,
    short_limit: int = SHORT_REPORT,
    locale: str | None = None,
) -> ReportResult:
    """Write the summary report of *wanted* (or of exactly *agreement_ids*, in that order).

    Up to *short_limit* agreements make a short report (no cover, contents or charts).
    The database's name is printed only with *show_source*; the author only when given.
    Raises models.cancelled.Cancelled when cancelled() turns true; *out* is then left untouched.
    Dates and numbers follow *locale* ('ru_RU'; English by default), the words stay English.
    """
    checkpoint(cancelled)
    with locale_format.using(locale), session_scope(sessions_or_session) as session:
        moment = generated_at or datetime.now(UTC)
        plan = plan_summary(
            session,
            wanted,
            sort=sort,
            agreement_ids=agreement_ids,
            title=title,
            register_only=register_only,
            short_limit=short_limit,
            cancelled=cancelled,
            due_as_of=moment.date(),
        )
        fonts = FontSet(font)
        linked = set() if register_only else set(plan.agreement_ids)
        kit = StoryKit(make_styles(fonts), PageNumbers(), linked)
        provenance = Provenance(
            moment,
            author,
            database_name if show_source else "",
            plan.as_of,
        )
        info = DocumentInfo(
            title=plan.title,
            subject=plan.covers,
            author=author.strip(),
            footer=f"Treaty Tracker · generated {local_time_text(provenance.generated_at)}",
        )
        story = build_story(session, plan, kit, provenance, progress=progress, cancelled=cancelled)
        with atomic_output(out) as stream:
            pages = render(story, stream, info, kit.styles, kit.numbers, invariant=invariant)
    return ReportResult(pages=pages, agreements=len(plan.agreement_ids), warnings=fonts.warnings())

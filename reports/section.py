"""One agreement as a report section: details, parties, summary, notes, source (and timeline).

The summary report gives every agreement this section; the fact sheet is one of them
with its timeline. Missing data is written as missing, never filled in.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from models.dates import PartialDate
from models.detail import AgreementDetail, PartyView, RelationView
from models.vocab import PartyKind, PartyStatus
from reports import styles as st
from reports.describe import (
    NOT_RECORDED,
    action_text,
    binding_text,
    parties_summary,
    party_status_text,
)
from reports.grid import PAD_X, PLAIN, Cell, Grid, Runs, Text
from reports.kit import StoryKit
from reports.locale_format import day

LABEL_WIDTH = 34 * mm
VALUE_WIDTH = st.FRAME_WIDTH - LABEL_WIDTH
PARTY_COLUMNS = (40 * mm, 31 * mm, 42 * mm, st.FRAME_WIDTH - 113 * mm)
TIMELINE_COLUMNS = (36 * mm, st.FRAME_WIDTH - 36 * mm)
# Space a sub-heading needs below it, or it starts the next page (no heading is left alone).
HEADING_ROOM = 22 * mm

# A heading maker: (text, key suffix) -> flowable. The summary report uses plain
# sub-headings; the fact sheet makes each one an outline entry.
HeadingMaker = Callable[[str, str], Flowable]


def missing(words: str = NOT_RECORDED) -> str:
    """Markup for absent data: muted italics, so it is never mistaken for a value."""
    return f'<font color="{st.hex_color(st.MUTED)}"><i>{escape(words)}</i></font>'


def agreement_key(agreement_id: int) -> str:
    """The bookmark of an agreement's section, for links from the register and contents."""
    return f"agreement-{agreement_id}"


def agreement_section(
    kit: StoryKit,
    detail: AgreementDetail,
    title: Flowable | None,
    heading: HeadingMaker,
    *,
    timeline: bool = False,
    compact: bool = False,
) -> list[Flowable]:
    """Every flowable of one agreement: its *title* heading (if given, with other titles),
    details, parties, then the timeline when asked for, summary, notes and source.
    Without a title the details get a heading of their own (the fact sheet).

    *compact* (the summary report) names everything not recorded on one line instead of
    a row or heading each, so a sparse record takes a third of a page, not half."""
    story: list[Flowable] = [title, *also_known_as(kit, detail)] if title else []
    if title is None:
        story.append(heading("Details", "details"))
    absent: list[str] = []
    story.append(details_grid(kit, detail, absent if compact else None))
    story += parties_block(kit, detail, heading)
    if timeline:
        story += timeline_block(kit, detail, heading)
    for name, key, text in (
        ("Summary", "summary", detail.summary),
        ("Notes", "notes", detail.notes),
    ):
        if compact and not text.strip():
            absent.append(name.lower())
        else:
            story += text_block(kit, name, key, text, heading)
    if compact and not (detail.source_citation or detail.source_url):
        absent.append("source")
    else:
        story += source_block(kit, detail, heading)
    if absent:
        words = "Not recorded: " + ", ".join(absent) + "."
        story.append(kit.para(words, kit.styles.missing))
    return story


def also_known_as(kit: StoryKit, detail: AgreementDetail) -> list[Flowable]:
    """The short title and alternative titles, under the title, when there are any."""
    also = [t for t in (detail.short_title, *detail.alternative_titles) if t]
    return [kit.para("Also known as: " + "; ".join(also), kit.styles.muted)] if also else []


# ----------------------------------------------------------------- details


# Rows a compact section leaves out when empty, named in its "Not recorded" line instead.
_OPTIONAL_ROWS = {
    "Binding": "binding",
    "Place": "place",
    "Entry into force": "entry into force",
    "Expires": "expiry",
}


def details_grid(kit: StoryKit, detail: AgreementDetail, absent: list[str] | None = None) -> Grid:
    """Label and value: kind, level, status, dates, place; optional facts only when recorded.
    With *absent*, empty optional rows are left out and their names added to it."""
    rows: list[tuple[str, Cell]] = [
        ("Kind", _plain(kit, detail.kind.label)),
        ("Level", _plain(kit, detail.level.label)),
        (
            "Binding",
            _plain(kit, binding_text(detail.binding) if detail.binding is not None else None),
        ),
        ("Status", _status(kit, detail)),
        ("Signed", _date(kit, detail.signed_on)),
        ("Place", _plain(kit, detail.signed_at)),
        ("Entry into force", _date(kit, detail.entry_into_force, detail.entry_into_force_rule)),
        ("Expires", _expiry(kit, detail)),
    ]
    if absent is not None:
        empty = {
            name for name, cell in rows if isinstance(cell, Text) and cell.text == NOT_RECORDED
        }
        absent.extend(
            _OPTIONAL_ROWS[name] for name, _cell in rows if name in empty & _OPTIONAL_ROWS.keys()
        )
        rows = [(name, cell) for name, cell in rows if name not in empty & _OPTIONAL_ROWS.keys()]
    if detail.terminated_on or detail.termination_grounds:
        rows.append(("Terminated", _date(kit, detail.terminated_on, detail.termination_grounds)))
    for label, value in (
        ("Depositary", detail.depositary),
        ("Languages", ", ".join(detail.languages)),
        ("UN registration", detail.un_registration),
    ):
        if value:
            rows.append((label, _plain(kit, value)))
    rows.append(("Fields", _plain(kit, "; ".join(detail.fields), "none recorded")))
    if detail.relations:
        lines = [_relation(kit, relation) for relation in detail.relations]
        rows.append(("Related", Paragraph("<br/>".join(lines), kit.styles.cell)))
    label = kit.styles.label
    grid = Grid(
        [[Text(name, label), value] for name, value in rows], (LABEL_WIDTH, VALUE_WIDTH), look=PLAIN
    )
    grid.spaceAfter = 4
    return grid


def _plain(kit: StoryKit, text: str | None, absent: str = NOT_RECORDED) -> Cell:
    """A value cell, or the absence said in muted italics."""
    if text and text.strip():
        return kit.cell(text, kit.styles.cell, VALUE_WIDTH)
    return Text(absent, kit.styles.cell_missing)


def _date(kit: StoryKit, on: PartialDate | None, note: str | None = None) -> Cell:
    """'6 December 2021', 'December 2021', '2021' as recorded, and any note beside it."""
    if not note:
        return _plain(kit, day(on) if on else None)
    date = escape(day(on)) if on else missing()
    return Paragraph(f"{date}; {kit.markup(note)}", kit.styles.cell)


def _status(kit: StoryKit, detail: AgreementDetail) -> Cell:
    """The recorded status, and what the dates and actions imply where they disagree."""
    if not (detail.status_disagrees and detail.implied_status is not None):
        return _plain(kit, detail.status.label)
    note = f"(the recorded dates and actions imply: {detail.implied_status.value})"
    styles = kit.styles
    if kit.fits(f"{detail.status.label} {note}", styles.cell, VALUE_WIDTH - 2 * PAD_X):
        return Runs((Text(f"{detail.status.label} ", styles.cell), Text(note, styles.cell_implied)))
    implied = escape(detail.implied_status.value)
    color = st.hex_color(st.WARNING)
    return Paragraph(
        f'{escape(detail.status.label)} <font color="{color}">'
        f"(the recorded dates and actions imply: {implied})</font>",
        kit.styles.cell,
    )


def _expiry(kit: StoryKit, detail: AgreementDetail) -> Cell:
    notes = []
    if detail.duration:
        notes.append(f"duration: {detail.duration}")
    if detail.renewal:
        notes.append(f"renewal: {detail.renewal}")
    return _date(kit, detail.expires_on, "; ".join(notes))


def _relation(kit: StoryKit, relation: RelationView) -> str:
    other = kit.markup(relation.other_title)
    if relation.other_id in kit.linked_agreements:
        other = f'<a href="#{agreement_key(relation.other_id)}">{other}</a>'
    # Each side in its own words: a protocol is 'Protocol to' its treaty, which 'Has protocol' it.
    words = relation.type.label if relation.outgoing else relation.type.inverse_label
    return f"{escape(words)}: {other}"


# ----------------------------------------------------------------- parties


def parties_block(kit: StoryKit, detail: AgreementDetail, heading: HeadingMaker) -> list[Flowable]:
    """The UN-style count, then one row per party with role, signatory and dated actions."""
    styles = kit.styles
    count = kit.line(parties_summary(detail), styles.body)
    story: list[Flowable] = [CondPageBreak(HEADING_ROOM), heading("Parties", "parties"), count]
    if not detail.parties:
        return story
    header = [Text(text, styles.header_cell) for text in ("Party", "Role", "Signatory", "Actions")]
    rows = [_party_row(kit, party) for party in detail.parties]
    story.append(Grid(rows, PARTY_COLUMNS, header=header))
    return story


def _party_row(kit: StoryKit, party: PartyView) -> list[Cell]:
    styles = kit.styles
    notes = [party_status_text(party)]
    if party.kind != PartyKind.STATE:
        notes.insert(0, party.kind.value)
    note_style = styles.cell_warning if party.status == PartyStatus.WITHDRAWN else styles.cell_note
    name = kit.stack(
        [(party.name, styles.cell_bold), ("; ".join(notes), note_style)], PARTY_COLUMNS[0]
    )
    signatory_lines = [
        (text, style)
        for text, style in (
            (party.signatory_name, styles.cell),
            (party.signatory_title, styles.cell_note),
        )
        if text
    ]
    signatory = (
        kit.stack(signatory_lines, PARTY_COLUMNS[2])
        if signatory_lines
        else Text(NOT_RECORDED, styles.cell_missing)
    )
    actions = (
        kit.stack([(action_text(a), styles.cell) for a in party.actions], PARTY_COLUMNS[3])
        if party.actions
        else Text("none recorded", styles.cell_missing)
    )
    return [name, kit.cell(party.role.label, styles.cell, PARTY_COLUMNS[1]), signatory, actions]


# ----------------------------------------------------------------- timeline, text, source


def timeline_block(kit: StoryKit, detail: AgreementDetail, heading: HeadingMaker) -> list[Flowable]:
    """Every dated event, oldest first; undated milestones last."""
    styles = kit.styles
    events = detail.timeline()
    story: list[Flowable] = [CondPageBreak(HEADING_ROOM), heading("Timeline", "timeline")]
    if not events:
        story.append(kit.line("No dated events recorded.", styles.missing))
        return story
    header = [Text("Date", styles.header_cell), Text("Event", styles.header_cell)]
    rows = [
        [
            kit.cell(day(event.on), styles.cell, TIMELINE_COLUMNS[0])
            if event.on
            else Text("date not recorded", styles.cell_missing),
            kit.cell(event.what, styles.cell, TIMELINE_COLUMNS[1]),
        ]
        for event in events
    ]
    story.append(Grid(rows, TIMELINE_COLUMNS, header=header))
    return story


def text_block(
    kit: StoryKit, title: str, key: str, text: str, heading: HeadingMaker
) -> list[Flowable]:
    """A heading and the text's paragraphs (blank lines separate them), or 'not recorded'."""
    story: list[Flowable] = [CondPageBreak(HEADING_ROOM), heading(title, key)]
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    if not paragraphs:
        return [*story, kit.line(NOT_RECORDED, kit.styles.missing)]
    return story + [piece for part in paragraphs for piece in kit.paras(part)]


def source_block(kit: StoryKit, detail: AgreementDetail, heading: HeadingMaker) -> list[Flowable]:
    """The citation, and the address as a link."""
    story: list[Flowable] = [CondPageBreak(HEADING_ROOM), heading("Source", "source")]
    if detail.source_citation:
        story.extend(kit.paras(detail.source_citation, kit.styles.source))
    if detail.source_url:
        story.append(kit.link(detail.source_url, kit.styles.link))
    if not (detail.source_citation or detail.source_url):
        story.append(kit.line(NOT_RECORDED, kit.styles.missing))
    return [*story, Spacer(1, 6)]

"""The detail pane: every recorded fact of the selected agreement, and what is missing."""

from __future__ import annotations

import re
from datetime import UTC
from html import escape
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

from models.audit import AuditRecord
from models.dates import MONTHS, PartialDate
from models.detail import ActionView, AgreementDetail, PartyView, RelationView
from models.vocab import ActionType, PartyStatus
from ui.colours import muted as muted_colour

EMPTY_TEXT = (
    "Select an agreement to see its details: dates, parties and what each has done, "
    "fields, terms and deadlines, summary, source and history."
)
NO_HISTORY = (
    "No change recorded yet: every save, undo and restore will be listed here, newest "
    "first, with who made it, when, and the old and new value of each field."
)
# The grey of labels and notes when no palette is at hand (tests, a report); the pane
# passes one made from its own palette (ui/colours.py), readable light or dark.
MUTED = "#5f6368"
SECTION = "margin-top:14px; margin-bottom:4px"


def _date(value: PartialDate | None, missing: str) -> str:
    return escape(value.display()) if value else f"<i>{escape(missing)}</i>"


def _text(value: str | None) -> str:
    return escape(value) if value else ""


def _heading(text: str) -> str:
    return f"<h4 style='{SECTION}'>{escape(text)}</h4>"


def _facts(rows: list[tuple[str, str]], muted: str) -> str:
    """Label and value in two aligned columns; the labels quiet, the values plain."""
    cells = "".join(
        f"<tr><td valign='top' style='color:{muted}; padding-right:10px'>"
        f"<nobr>{escape(label)}</nobr></td><td valign='top'>{value}</td></tr>"
        for label, value in rows
    )
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"


def _act(action: ActionView | None, usual: ActionType | None = None) -> str:
    """A date cell: '6 December 2021'; the act's name too when it is not the column's own
    ('accession 3 May 2022'); an implied signature marked with an asterisk."""
    if action is None:
        return ""
    on = action.effective_on if action.type is ActionType.ENTRY_INTO_FORCE else None
    on = on or action.deposited_on or action.effective_on
    when = escape(on.display()) if on else "<i>date not recorded</i>"
    if usual is not None and action.type is not usual:
        when = f"{escape(action.type.value)} {when}"
    return when + ("*" if action.implied else "")


# The parties' table: its columns, each left out when no party has anything in it.
_PARTY_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("Signed", lambda p: _act(p.signature(), ActionType.SIGNATURE)),
    ("Ratified", lambda p: _act(p.consent(), ActionType.RATIFICATION)),
    ("In force", lambda p: _act(p.in_force())),
)


def _parties(detail: AgreementDetail, muted: str) -> str:
    """The count in the UN's words, then one aligned row per party: name (and who signed
    for it), role, and the dates of its signature, consent and entry into force."""
    html = [_heading("Parties"), f"<p>{escape(detail.counts.words().capitalize())}.</p>"]
    if not detail.parties:
        return "".join(html)
    columns = [
        (name, cell) for name, cell in _PARTY_COLUMNS if any(cell(p) for p in detail.parties)
    ]
    rule = f"border-bottom:1px solid {muted}"
    head = "".join(
        f"<th align='left' style='{rule}; color:{muted}'>{escape(name)}</th>"
        for name in ("Party", "Role", *(name for name, _cell in columns))
    )
    rows = [f"<tr>{head}</tr>"]
    span = 2 + len(columns)
    for party in detail.parties:
        cells = [_party_name(party), escape(party.role.label)]
        cells += [cell(party) for _name, cell in columns]
        rows.append("<tr>" + "".join(f"<td valign='top'>{c}</td>" for c in cells) + "</tr>")
        notes = _party_notes(party)
        if notes:
            # Under the row, across the table: a signatory's name and title are long.
            rows.append(
                f"<tr><td colspan='{span}' style='color:{muted}; padding-left:12px'>"
                f"<small>{notes}</small></td></tr>"
            )
    html.append(
        "<table width='100%' cellspacing='0' cellpadding='2' style='border-collapse:collapse'>"
        + "".join(rows)
        + "</table>"
    )
    if any(a.implied for p in detail.parties for a in p.actions):
        html.append(
            f"<p style='color:{muted}'><small>* the agreement's signing date: no signature "
            "of its own is recorded.</small></p>"
        )
    others = [(party, action) for party in detail.parties for action in party.other_actions()]
    if others:
        html.append("<ul style='margin-top:4px'>")
        for party, action in others:
            text = f" — “{escape(action.text)}”" if action.text else ""
            html.append(
                f"<li>{escape(party.name)}: {escape(action.type.value)}, "
                f"{escape(action.dates_text())}{text}</li>"
            )
        html.append("</ul>")
    return "".join(html)


def _party_name(party: PartyView) -> str:
    """'<b>Kazakhstan</b>' (its code goes on the line below: a narrow pane has no room)."""
    return f"<b>{escape(party.name)}</b>"


def _party_notes(party: PartyView) -> str:
    """Its code, what its acts make of it, and who signed for it: 'KAZ; signatory; signed
    by …'."""
    notes = [escape(party.iso3)] if party.iso3 else []
    if party.status:
        marker = " ⚠" if party.status is PartyStatus.WITHDRAWN else ""
        notes.append(f"{escape(party.status.value)}{marker}")
    if party.signatory_name:
        title = f", {escape(party.signatory_title)}" if party.signatory_title else ""
        notes.append(f"signed by {escape(party.signatory_name)}{title}")
    return "; ".join(notes)


def _relation(relation: RelationView) -> str:
    """'Protocol to <i>Treaty</i>' on the protocol, 'Has protocol <i>Protocol</i>' on the treaty."""
    words = relation.type.label if relation.outgoing else relation.type.inverse_label
    return f"{escape(words)}: <i>{escape(relation.other_title)}</i>"


def _paragraphs(text: str) -> str:
    """Blank lines part paragraphs; a single line break stays a line break."""
    parts = [part.strip() for part in text.split("\n\n") if part.strip()]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in parts)


def render_detail(detail: AgreementDetail, muted: str = MUTED) -> str:
    """The agreement as a page: title, facts, parties, then each section that has something
    to say; what is not recorded is named once, never filled in."""
    absent: list[str] = []
    html = [f"<h3 style='margin-bottom:2px'>{escape(detail.title)}</h3>"]
    also = [t for t in (detail.short_title, *detail.alternative_titles) if t]
    if also:
        html.append(f"<p style='color:{muted}'>Also known as {escape('; '.join(also))}</p>")
    html.append(_facts(_fact_rows(detail, absent), muted))
    html.append(_parties(detail, muted))
    if detail.relations:
        html.append(_heading("Related agreements") + "<ul>")
        html.extend(f"<li>{_relation(relation)}</li>" for relation in detail.relations)
        html.append("</ul>")
    html.append(render_deadlines(detail, muted))
    timeline = detail.timeline()
    if timeline:
        rows = [
            (event.on.display() if event.on else "date not recorded", escape(event.what))
            for event in timeline
        ]
        html.append(_heading("Timeline") + _dated(rows, muted))
    for name, text in (("Summary", detail.summary), ("Notes", detail.notes)):
        if text.strip():
            html.append(_heading(name) + _paragraphs(text))
        else:
            absent.append(name.lower())
    html.append(_source(detail, absent))
    if absent:
        html.append(
            f"<p style='color:{muted}'><i>Not recorded: {escape(', '.join(absent))}.</i></p>"
        )
    html.append(_record_line(detail, muted))
    html.append(render_history(detail.history))
    return "".join(html)


def _fact_rows(detail: AgreementDetail, absent: list[str]) -> list[tuple[str, str]]:
    """Kind, level, status and dates; a fact not recorded goes to *absent* instead of a row."""
    status = escape(detail.status.label)
    if detail.status_disagrees and detail.implied_status:
        implied = escape(detail.implied_status.value)
        status += f"<br/><i>the recorded dates and actions suggest: {implied}</i>"
    signed = _date(detail.signed_on, "date not recorded") if detail.signed_on else ""
    if detail.signed_at:
        signed = (
            f"{signed}, {escape(detail.signed_at)}" if signed else f"at {escape(detail.signed_at)}"
        )
    in_force = escape(detail.entry_into_force.display()) if detail.entry_into_force else ""
    if detail.entry_into_force_rule:
        rule = escape(detail.entry_into_force_rule)
        in_force = f"{in_force}<br/>{rule}" if in_force else rule
    binding = {True: "binding", False: "non-binding", None: ""}[detail.binding]
    rows = [
        ("Kind", f"{escape(detail.kind.label)}, {detail.lateral}"),
        ("Level", escape(detail.level.label)),
        ("Status", status),
        ("Binding", binding),
        ("Signed", signed),
        ("In force", in_force),
        ("Expires", _date(detail.expires_on, "") if detail.expires_on else ""),
        ("Duration", _text(detail.duration)),
        ("Renewal", _text(detail.renewal)),
        ("Terminated", _date(detail.terminated_on, "") if detail.terminated_on else ""),
        ("Grounds", _text(detail.termination_grounds)),
        ("Depositary", _text(detail.depositary)),
        ("Languages", escape(", ".join(detail.languages))),
        ("UN registration", _text(detail.un_registration)),
        ("Fields", escape("; ".join(detail.fields))),
    ]
    # Named when missing, as the PDFs do: the facts an analyst expects to find.
    expected = {
        "Binding": "binding",
        "Signed": "date and place signed",
        "In force": "entry into force",
        "Fields": "fields",
    }
    absent.extend(expected[label] for label, value in rows if not value and label in expected)
    return [(label, value) for label, value in rows if value]


def _dated(rows: list[tuple[str, str]], muted: str) -> str:
    """Date and event side by side, the dates in one column."""
    cells = "".join(
        f"<tr><td valign='top' style='padding-right:10px'><nobr>{escape(on)}</nobr></td>"
        f"<td valign='top'>{what}</td></tr>"
        for on, what in rows
    )
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"


def _source(detail: AgreementDetail, absent: list[str]) -> str:
    """The citation and the address as a link; 'source' goes to *absent* when neither is."""
    if not detail.source_citation and not detail.source_url:
        absent.append("source")
        return ""
    html = [_heading("Source")]
    if detail.source_citation:
        html.append(f"<p>{escape(detail.source_citation)}</p>")
    if detail.source_url:
        url = escape(detail.source_url, quote=True)
        html.append(f"<p><a href='{url}'>{_breakable(detail.source_url)}</a></p>")
    return "".join(html)


def _breakable(url: str) -> str:
    """An address that may wrap after each '/', '?', '&' or '=' (a zero-width space there):
    a long one would otherwise hold the pane wider than the window."""
    return re.sub(r"([/?&=])(?=.)", "\\1\u200b", escape(url))


def _record_line(detail: AgreementDetail, muted: str) -> str:
    """'Record 8, version 2. Created 6 December 2021, 14:03 by aigerim; last changed …'."""
    created = _when(detail.created_at) + (
        f" by {escape(detail.created_by)}" if detail.created_by else ""
    )
    changed = _when(detail.updated_at) + (
        f" by {escape(detail.updated_by)}" if detail.updated_by else ""
    )
    return (
        f"<p style='color:{muted}; margin-top:12px'><small>Record {detail.id}, version "
        f"{detail.version}. Created {created}; last changed {changed}.</small></p>"
    )


def render_deadlines(detail: AgreementDetail, muted: str = MUTED) -> str:
    """The structured terms, the coming deadlines with how each was found, and any doubts."""
    if not detail.terms and not detail.deadlines and not detail.deadline_notes:
        return ""
    html = [_heading("Terms and deadlines")]
    if detail.terms:
        html.append(_facts([(label, escape(value)) for label, value in detail.terms], muted))
    if detail.deadlines:
        rows = []
        for deadline in detail.deadlines:
            how = "" if deadline.recorded else f"<br/><small>{escape(deadline.how)}</small>"
            rows.append((deadline.on.display(), escape(deadline.kind.label) + how))
        html.append(_dated(rows, muted))
    for note in detail.deadline_notes:
        html.append(f"<p><i>{escape(note[:1].upper() + note[1:])}.</i></p>")
    return "".join(html)


def _when(moment: Any) -> str:
    """'6 December 2021, 14:03' in the user's own time: a date in words, as everywhere."""
    # Stored times are UTC; one read back without its zone (SQLite) is UTC too.
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone()
    return escape(f"{local.day} {MONTHS[local.month]} {local.year}, {local:%H:%M}")


VALUE_LIMIT = 120


def _value(value: Any) -> str:
    """A recorded old or new value, short enough to read in a list."""
    if value in (None, "", [], {}):
        return "<i>empty</i>"
    text = _plain(value)
    if len(text) > VALUE_LIMIT:
        text = text[: VALUE_LIMIT - 1] + "…"
    return f"“{escape(text)}”"


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(_plain(item) for item in value.values() if item not in (None, "", []))
    if isinstance(value, list):
        return "; ".join(_plain(item) for item in value)
    return str(value)


def _entry_line(entry: AuditRecord) -> str:
    """'1 December 2026, 17:07, aigerim: update (title, status)', the time in the user's own."""
    fields = f" ({escape(', '.join(entry.changes))})" if entry.action == "update" else ""
    return f"{_when(entry.changed_at)}, {escape(entry.changed_by)}: {escape(entry.action)}{fields}"


def render_history(history: tuple[AuditRecord, ...] | list[AuditRecord]) -> str:
    """Who did what when, newest first, with the old and new value of each changed field."""
    if not history:
        return _heading("History") + f"<p><i>{escape(NO_HISTORY)}</i></p>"
    html = [_heading("History"), "<ul>"]
    for entry in history:
        html.append(f"<li>{_entry_line(entry)}")
        if entry.action == "update" and entry.changes:
            html.append("<br/><small>")
            html.append(
                "<br/>".join(
                    f"{escape(name.replace('_', ' '))}: {_value(old)} → {_value(new)}"
                    for name, (old, new) in entry.changes.items()
                )
            )
            html.append("</small>")
        html.append("</li>")
    html.append("</ul>")
    return "".join(html)


class DetailPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName("Agreement details")
        self.setOpenExternalLinks(True)
        # Words whole (QTextEdit breaks anywhere by default: 'Kazakhst-an' in a narrow
        # table column); addresses get their own break points (_breakable).
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.document().setDocumentMargin(10)
        self._shown: AgreementDetail | None = None
        self.show_nothing()

    def show_detail(self, detail: AgreementDetail) -> None:
        self._shown = detail
        self.setHtml(render_detail(detail, muted_colour(self).name()))

    def show_nothing(self, message: str = EMPTY_TEXT) -> None:
        self._shown = None
        self.setHtml(f"<p style='color:{muted_colour(self).name()}'><i>{escape(message)}</i></p>")

    def show_deleted(self, history: list[AuditRecord]) -> None:
        """A deleted agreement: who deleted it, and the rest of its trail (it outlives it)."""
        self._shown = None
        self.setHtml("<p><i>This agreement has been deleted.</i></p>" + render_history(history))

    def changeEvent(self, event: QEvent) -> None:
        """A theme switched while the pane shows an agreement: its greys follow."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown is not None:
            self.setHtml(render_detail(self._shown, muted_colour(self).name()))

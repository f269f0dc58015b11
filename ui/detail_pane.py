"""The detail pane: every recorded fact of the selected agreement, and what is missing."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QWidget

from models.audit import AuditRecord
from models.dates import PartialDate
from models.detail import AgreementDetail, PartyView, RelationView

EMPTY_TEXT = "Select an agreement to see its details."


def _date(value: PartialDate | None, missing: str) -> str:
    return escape(value.display()) if value else f"<i>{escape(missing)}</i>"


def _row(label: str, value: str) -> str:
    return f"<tr><th align='left' valign='top'>{escape(label)}</th><td>{value}</td></tr>"


def _text(value: str | None) -> str:
    return escape(value) if value else ""


def _party(party: PartyView) -> str:
    parts = [f"<b>{escape(party.name)}</b>"]
    if party.iso3:
        parts.append(f" ({escape(party.iso3)})")
    parts.append(f" — {escape(party.role.label)}")
    if party.status:
        marker = " ⚠" if party.status.value == "withdrawn" else ""
        parts.append(f"; <i>{escape(party.status.value)}{marker}</i>")
    if party.signatory_name:
        title = f", {escape(party.signatory_title)}" if party.signatory_title else ""
        parts.append(f"<br/>Signed by {escape(party.signatory_name)}{title}")
    for action in party.actions:
        # As the PDFs word it: 'Signature: signed 6 December 2021', 'Ratification: deposited …'
        when = escape(action.dates_text())
        text = f"; “{escape(action.text)}”" if action.text else ""
        parts.append(f"<br/>&nbsp;&nbsp;• {escape(action.type.label)}: {when}{text}")
    return "<li>" + "".join(parts) + "</li>"


def _relation(relation: RelationView) -> str:
    """'Protocol to <i>Treaty</i>' on the protocol, 'Has protocol <i>Protocol</i>' on the treaty."""
    words = relation.type.label if relation.outgoing else relation.type.inverse_label
    return f"{escape(words)}: <i>{escape(relation.other_title)}</i>"


def render_detail(detail: AgreementDetail) -> str:
    """The agreement as HTML; missing facts are shown as missing, never filled in."""
    status = escape(detail.status.label)
    if detail.status_disagrees and detail.implied_status:
        implied = escape(detail.implied_status.value)
        status += f" <i>(the recorded dates and actions suggest: {implied})</i>"
    binding = {True: "binding", False: "non-binding", None: "not recorded"}[detail.binding]
    rows = [
        _row("Kind", f"{escape(detail.kind.label)}, {detail.lateral}"),
        _row("Level", escape(detail.level.label)),
        _row("Binding", binding),
        _row("Status", status),
        _row(
            "Signed",
            _date(detail.signed_on, "date not recorded")
            + (f" at {escape(detail.signed_at)}" if detail.signed_at else ""),
        ),
        _row(
            "Entry into force",
            _date(detail.entry_into_force, "not recorded")
            + (
                f"<br/>{escape(detail.entry_into_force_rule)}"
                if detail.entry_into_force_rule
                else ""
            ),
        ),
    ]
    optional = [
        ("Short title", _text(detail.short_title)),
        ("Also known as", escape("; ".join(detail.alternative_titles))),
        ("Expires", _date(detail.expires_on, "") if detail.expires_on else ""),
        ("Duration", _text(detail.duration)),
        ("Renewal", _text(detail.renewal)),
        ("Terminated", _date(detail.terminated_on, "") if detail.terminated_on else ""),
        ("Grounds", _text(detail.termination_grounds)),
        ("Depositary", _text(detail.depositary)),
        ("Languages", escape(", ".join(detail.languages))),
        ("UN registration", _text(detail.un_registration)),
    ]
    rows.extend(_row(label, value) for label, value in optional if value)
    rows.append(_row("Fields", escape("; ".join(detail.fields)) or "<i>none recorded</i>"))
    html = [f"<h3>{escape(detail.title)}</h3>", "<table cellspacing='3'>", *rows, "</table>"]
    html.append(f"<h4>Parties</h4><p>{escape(detail.counts.words().capitalize() + '.')}</p><ul>")
    html.extend(_party(party) for party in detail.parties)
    html.append("</ul>")
    if detail.relations:
        html.append("<h4>Related agreements</h4><ul>")
        for relation in detail.relations:
            html.append(f"<li>{_relation(relation)}</li>")
        html.append("</ul>")
    html.append(render_deadlines(detail))
    timeline = detail.timeline()
    if timeline:
        html.append("<h4>Timeline</h4><table cellspacing='3'>")
        for event in timeline:
            when = escape(event.on.display()) if event.on else "<i>date not recorded</i>"
            html.append(f"<tr><td valign='top'>{when}</td><td>{escape(event.what)}</td></tr>")
        html.append("</table>")
    if detail.summary:
        html.append(f"<h4>Summary</h4><p>{escape(detail.summary)}</p>")
    if detail.notes:
        html.append(f"<h4>Notes</h4><p>{escape(detail.notes)}</p>")
    html.append("<h4>Source</h4>")
    if detail.source_citation:
        html.append(f"<p>{escape(detail.source_citation)}</p>")
    if detail.source_url:
        url = escape(detail.source_url, quote=True)
        html.append(f"<p><a href='{url}'>{escape(detail.source_url)}</a></p>")
    if not detail.source_citation and not detail.source_url:
        html.append("<p><i>source not recorded</i></p>")
    created = _when(detail.created_at) + (
        f" by {escape(detail.created_by)}" if detail.created_by else ""
    )
    changed = _when(detail.updated_at) + (
        f" by {escape(detail.updated_by)}" if detail.updated_by else ""
    )
    html.append(
        f"<p><small>Record {detail.id}, version {detail.version}. "
        f"Created {created}; last changed {changed}.</small></p>"
    )
    html.append(render_history(detail.history))
    return "".join(html)


def render_deadlines(detail: AgreementDetail) -> str:
    """The structured terms, the coming deadlines with how each was found, and any doubts."""
    if not detail.terms and not detail.deadlines and not detail.deadline_notes:
        return ""
    html = ["<h4>Terms and deadlines</h4>"]
    if detail.terms:
        html.append("<table cellspacing='3'>")
        html.extend(_row(label, escape(value)) for label, value in detail.terms)
        html.append("</table>")
    if detail.deadlines:
        html.append("<table cellspacing='3'>")
        for deadline in detail.deadlines:
            label = escape(deadline.kind.label)
            how = "" if deadline.recorded else f"<br/><small>{escape(deadline.how)}</small>"
            html.append(
                f"<tr><td valign='top'>{escape(deadline.on.display())}</td>"
                f"<td>{label}{how}</td></tr>"
            )
        html.append("</table>")
    for note in detail.deadline_notes:
        html.append(f"<p><i>{escape(note[:1].upper() + note[1:])}.</i></p>")
    return "".join(html)


def _when(moment: Any) -> str:
    return escape(moment.astimezone().strftime("%Y-%m-%d %H:%M"))


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


def render_history(history: tuple[AuditRecord, ...] | list[AuditRecord]) -> str:
    """Who did what when, newest first, with the old and new value of each changed field."""
    if not history:
        return ""
    html = ["<h4>History</h4><ul>"]
    for entry in history:
        html.append(f"<li>{escape(entry.describe())}")
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
        self.show_nothing()

    def show_detail(self, detail: AgreementDetail) -> None:
        self.setHtml(render_detail(detail))

    def show_nothing(self, message: str = EMPTY_TEXT) -> None:
        self.setHtml(f"<p><i>{escape(message)}</i></p>")

    def show_deleted(self, history: list[AuditRecord]) -> None:
        """A deleted agreement: who deleted it, and the rest of its trail (it outlives it)."""
        self.setHtml("<p><i>This agreement has been deleted.</i></p>" + render_history(history))

"""The detail pane: every recorded fact of the selected agreement, and what is missing."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtGui import QDesktopServices, QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

from models.audit import AuditRecord
from models.dates import PartialDate
from models.detail import (
    SIGNERS_NAMED,
    ActionView,
    AgreementDetail,
    PartyView,
    RelationView,
    TimelineWords,
)
from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from models.status import ParticipationCounts, date_word
from models.vocab import ActionType, MilestoneKind, PartyStatus, Vocabulary
from ui import locale_text
from ui.colours import muted as muted_colour
from ui.model_messages import message_text
from ui.translations import fill
from ui.vocab_labels import inverse_label, label

translate = QCoreApplication.translate
CONTEXT = "DetailPane"
EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "DetailPane",
    "Select an agreement to see its details: dates, parties and what each has done, "
    "fields, terms and deadlines, summary, source and history.",
)
NO_HISTORY = QT_TRANSLATE_NOOP(
    "DetailPane",
    "No change recorded yet: every save, undo and restore will be listed here, newest "
    "first, with who made it, when, and the old and new value of each field.",
)
# Words models/ hands over in English (structured terms' labels, the audit log's actions,
# how a date of an act is named): marked here, said in the window's language by _say().
MARKED = (
    QT_TRANSLATE_NOOP("DetailPane", "Duration"),
    QT_TRANSLATE_NOOP("DetailPane", "Renewal"),
    QT_TRANSLATE_NOOP("DetailPane", "Notice period"),
    QT_TRANSLATE_NOOP("DetailPane", "Entry into force"),
    QT_TRANSLATE_NOOP("DetailPane", "create"),
    QT_TRANSLATE_NOOP("DetailPane", "update"),
    QT_TRANSLATE_NOOP("DetailPane", "delete"),
    QT_TRANSLATE_NOOP("DetailPane", "restore"),
    QT_TRANSLATE_NOOP("DetailPane", "merge"),
    QT_TRANSLATE_NOOP("DetailPane", "signed"),
    QT_TRANSLATE_NOOP("DetailPane", "deposited"),
    QT_TRANSLATE_NOOP("DetailPane", "notified"),
    QT_TRANSLATE_NOOP("DetailPane", "made"),
    QT_TRANSLATE_NOOP("DetailPane", "dated"),
)


def _say(text: str) -> str:
    """A word marked in MARKED (or a heading below) in the window's language."""
    return translate(CONTEXT, text)


def _lower(text: str) -> str:
    """A label inside a sentence: 'accession', 'присоединение'."""
    return text[:1].lower() + text[1:]


def _name(member: Vocabulary) -> str:
    """A vocabulary value inside a sentence, in the window's language."""
    return _lower(label(member))


# The grey of labels and notes when no palette is at hand (tests, a report); the pane
# passes one made from its own palette (ui/colours.py), readable light or dark.
MUTED = "#5f6368"
SECTION = "margin-top:14px; margin-bottom:4px"
PARTIES_PER_TABLE = 10  # parties to a table: the pane lays out a table at a time
# Parties listed at first; a link shows them all. A list of 130 held the window 60-80 ms
# each time the agreement was shown (after each save of it, say); 20, with the rest of the
# page and its paint, 28 ms at most at 250,000.
PARTIES_SHOWN = 20
EVERY_PARTY = "treaty-tracker:every-party"  # the link's address
_PARTY_TABLE = (
    "<table width='100%' cellspacing='0' cellpadding='2' style='border-collapse:collapse'>"
)


def _date(value: PartialDate | None, missing: str) -> str:
    return escape(locale_text.partial_date(value)) if value else f"<i>{escape(missing)}</i>"


def _not_recorded() -> str:
    return translate("DetailPane", "date not recorded")


def _text(value: str | None) -> str:
    return escape(value) if value else ""


def _heading(text: str) -> str:
    return f"<h4 style='{SECTION}'>{escape(text)}</h4>"


def _facts(rows: list[tuple[str, str]], muted: str | None = None) -> str:
    """Label and value in two aligned columns; the labels quiet (*muted*) or, for dates
    beside events, plain."""
    colour = f"color:{muted}; " if muted else ""
    cells = "".join(
        f"<tr><td valign='top' style='{colour}padding-right:10px'>"
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
    when = escape(locale_text.partial_date(on)) if on else f"<i>{escape(_not_recorded())}</i>"
    if usual is not None and action.type is not usual:
        when = f"{escape(_name(action.type))} {when}"
    return when + ("*" if action.implied else "")


# The parties' table: its columns, each left out when no party has anything in it.
_PARTY_COLUMNS: tuple[tuple[str, Any], ...] = (
    (
        QT_TRANSLATE_NOOP("DetailPane", "Signed"),
        lambda p: _act(p.signature(), ActionType.SIGNATURE),
    ),
    (
        QT_TRANSLATE_NOOP("DetailPane", "Ratified"),
        lambda p: _act(p.consent(), ActionType.RATIFICATION),
    ),
    (QT_TRANSLATE_NOOP("DetailPane", "In force"), lambda p: _act(p.in_force())),
)


def counts_words(counts: ParticipationCounts) -> str:
    """'12 signatories, 9 parties' (models.status's words) in the window's language."""
    signatories, parties = counts.signatories, counts.parties
    withdrawn, no_action = counts.withdrawn, counts.no_action
    words = [
        DetailPane.tr("%Ln signatory(ies)", "", signatories)
        if signatories
        else translate("DetailPane", "no signatories"),
        DetailPane.tr("%Ln party(ies)", "", parties)
        if parties
        else translate("DetailPane", "none bound as a party yet"),
    ]
    if withdrawn:
        words.append(DetailPane.tr("%Ln withdrawn", "", withdrawn))
    if no_action:
        words.append(DetailPane.tr("%Ln with no action recorded", "", no_action))
    return translate("DetailPane", ", ").join(words)


def _lateral(detail: AgreementDetail) -> str:
    """Bilateral or multilateral, as follows from the parties (AgreementDetail.lateral)."""
    return {
        "bilateral": translate("DetailPane", "bilateral"),
        "multilateral": translate("DetailPane", "multilateral"),
        "unilateral": translate("DetailPane", "unilateral"),
    }[detail.lateral]


def dates_text(action: ActionView) -> str:
    """'deposited 3 March 2022, effective 2 April 2022' (ActionView.dates_text) translated."""
    dates = []
    if action.deposited_on:
        word = _say(date_word(action.type))
        dates.append(f"{word} {locale_text.partial_date(action.deposited_on)}")
    if action.effective_on:
        effective = translate("DetailPane", "effective %1")
        dates.append(fill(effective, locale_text.partial_date(action.effective_on)))
    text = ", ".join(dates) if dates else _not_recorded()
    if action.implied:
        return fill(translate("DetailPane", "%1 (the agreement's signing date)"), text)
    return text


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C' in the window's language."""
    if len(names) == 1:
        return names[0]
    return fill(translate("DetailPane", "%1 and %2"), ", ".join(names[:-1]), names[-1])


class PaneTimelineWords(TimelineWords):
    """The timeline's words (models.detail.TimelineWords) in the window's language."""

    def signed(self, place: str | None, signers: list[str]) -> str:
        count = len(signers)
        if count > SIGNERS_NAMED and place:
            text = DetailPane.tr("Signed at %1 by %Ln signatory(ies)", "", count)
            return fill(text, place)
        if count > SIGNERS_NAMED:
            return DetailPane.tr("Signed by %Ln signatory(ies)", "", count)
        if signers and place:
            return fill(translate("DetailPane", "Signed at %1 by %2"), place, join_names(signers))
        if signers:
            return fill(translate("DetailPane", "Signed by %1"), join_names(signers))
        if place:
            return fill(translate("DetailPane", "Signed at %1"), place)
        return translate("DetailPane", "Signed", "timeline")

    def entered_into_force(self) -> str:
        return translate("DetailPane", "Entered into force")

    def expires(self) -> str:
        return translate("DetailPane", "Expires")

    def terminated(self) -> str:
        return translate("DetailPane", "Terminated")

    def act(self, party: str, action: ActionType) -> str:
        return f"{party}: {_name(action)}"

    def milestone(self, kind: MilestoneKind) -> str:
        return label(kind)


def _parties(detail: AgreementDetail, muted: str, every_party: bool = False) -> str:
    """The count in the UN's words, then one aligned row per party: name (and who signed
    for it), role, and the dates of its signature, consent and entry into force.

    The first PARTIES_SHOWN parties, and a link to show them all, unless *every_party*.
    """
    counted = counts_words(detail.counts)
    html = [
        _heading(translate("DetailPane", "Parties")),
        f"<p>{escape(counted[:1].upper() + counted[1:])}.</p>",
    ]
    if not detail.parties:
        return "".join(html)
    listed = detail.parties if every_party else detail.parties[:PARTIES_SHOWN]
    columns = [(name, cell) for name, cell in _PARTY_COLUMNS if any(cell(p) for p in listed)]
    widths = _party_widths(len(columns))
    rule = f"border-bottom:1px solid {muted}"
    head = "".join(
        f"<th align='left' width='{width}%' style='{rule}; color:{muted}'>{escape(name)}</th>"
        for width, name in zip(
            widths,
            (
                translate("DetailPane", "Party"),
                translate("DetailPane", "Role"),
                *(_say(name) for name, _cell in columns),
            ),
            strict=True,
        )
    )
    span = 2 + len(columns)
    # A table of a few parties at a time, the columns of each as wide as the first's: the
    # pane lays out what is in view and the rest after, where one table of 130 parties held
    # the window for 60 ms or more.
    rows = [f"<tr>{head}</tr>"]
    for number, party in enumerate(listed):
        if number and not number % PARTIES_PER_TABLE:
            rows.append(f"</table>{_PARTY_TABLE}")
            sized = [f" width='{width}%'" for width in widths]  # this table's first row
        else:
            sized = [""] * span
        cells = [_party_name(party), escape(label(party.role))]
        cells += [cell(party) for _name, cell in columns]
        rows.append(
            "<tr>"
            + "".join(
                f"<td valign='top'{size}>{c}</td>" for size, c in zip(sized, cells, strict=True)
            )
            + "</tr>"
        )
        notes = _party_notes(party)
        if notes:
            # Under the row, across the table: a signatory's name and title are long.
            rows.append(
                f"<tr><td colspan='{span}' style='color:{muted}; padding-left:12px'>"
                f"<small>{notes}</small></td></tr>"
            )
    html.append(_PARTY_TABLE + "".join(rows) + "</table>")
    if len(listed) < len(detail.parties):
        more = DetailPane.tr("Show all %Ln parties", "", len(detail.parties))
        html.append(f"<p><a href='{EVERY_PARTY}'>{escape(more)}</a></p>")
    if any(a.implied for p in listed for a in p.actions):
        implied = translate(
            "DetailPane", "* the agreement's signing date: no signature of its own is recorded."
        )
        html.append(f"<p style='color:{muted}'><small>{escape(implied)}</small></p>")
    others = [(party, action) for party in detail.parties for action in party.other_actions()]
    if others:
        html.append("<ul style='margin-top:4px'>")
        for party, action in others:
            text = f" — “{escape(action.text)}”" if action.text else ""
            html.append(
                f"<li>{escape(party.name)}: {escape(_name(action.type))}, "
                f"{escape(dates_text(action))}{text}</li>"
            )
        html.append("</ul>")
    return "".join(html)


def _party_widths(dates: int) -> list[int]:
    """Per cent of the pane for the name, the role and each of *dates* date columns."""
    if not dates:
        return [60, 40]
    name, role = 30, 20
    each = (100 - name - role) // dates
    return [name, role, *[each] * dates]


def _party_name(party: PartyView) -> str:
    """'<b>Kazakhstan</b>' (its code goes on the line below: a narrow pane has no room)."""
    return f"<b>{escape(party.name)}</b>"


def _party_notes(party: PartyView) -> str:
    """Its code, what its acts make of it, and who signed for it: 'KAZ; signatory; signed
    by …'."""
    notes = [escape(party.iso3)] if party.iso3 else []
    if party.status:
        marker = " ⚠" if party.status is PartyStatus.WITHDRAWN else ""
        notes.append(f"{escape(_name(party.status))}{marker}")
    if party.signatory_name:
        who = party.signatory_name
        if party.signatory_title:
            who = f"{who}, {party.signatory_title}"
        notes.append(escape(fill(translate("DetailPane", "signed by %1"), who)))
    return "; ".join(notes)


def _relation(relation: RelationView) -> str:
    """'Protocol to <i>Treaty</i>' on the protocol, 'Has protocol <i>Protocol</i>' on the treaty."""
    words = label(relation.type) if relation.outgoing else inverse_label(relation.type)
    return f"{escape(words)}: <i>{escape(relation.other_title)}</i>"


def _paragraphs(text: str) -> str:
    """Blank lines part paragraphs; a single line break stays a line break."""
    parts = [part.strip() for part in text.split("\n\n") if part.strip()]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in parts)


def render_detail(detail: AgreementDetail, muted: str = MUTED, every_party: bool = False) -> str:
    """The agreement as a page: title, facts, parties, then each section that has something
    to say; what is not recorded is named once, never filled in.

    The parties past the first PARTIES_SHOWN only with *every_party* (else a link to them).
    """
    absent: list[str] = []
    html = [f"<h3 style='margin-bottom:2px'>{escape(detail.title)}</h3>"]
    also = [t for t in (detail.short_title, *detail.alternative_titles) if t]
    if also:
        known = fill(translate("DetailPane", "Also known as %1"), "; ".join(also))
        html.append(f"<p style='color:{muted}'>{escape(known)}</p>")
    html.append(_facts(_fact_rows(detail, absent), muted))
    html.append(_parties(detail, muted, every_party))
    if detail.relations:
        html.append(_heading(translate("DetailPane", "Related agreements")) + "<ul>")
        html.extend(f"<li>{_relation(relation)}</li>" for relation in detail.relations)
        html.append("</ul>")
    html.append(render_deadlines(detail, muted))
    timeline = detail.timeline(PaneTimelineWords())
    if timeline:
        rows = [
            (locale_text.partial_date(event.on, _not_recorded()), escape(event.what))
            for event in timeline
        ]
        html.append(_heading(translate("DetailPane", "Timeline")) + _facts(rows))
    for name, missing, text in (
        (translate("DetailPane", "Summary"), translate("DetailPane", "summary"), detail.summary),
        (translate("DetailPane", "Notes"), translate("DetailPane", "notes"), detail.notes),
    ):
        if text.strip():
            html.append(_heading(name) + _paragraphs(text))
        else:
            absent.append(missing)
    html.append(_source(detail, absent))
    if absent:
        missing = fill(translate("DetailPane", "Not recorded: %1."), ", ".join(absent))
        html.append(f"<p style='color:{muted}'><i>{escape(missing)}</i></p>")
    html.append(_record_line(detail, muted))
    html.append(render_history(detail.history))
    return "".join(html)


def _fact_rows(detail: AgreementDetail, absent: list[str]) -> list[tuple[str, str]]:
    """Kind, level, status and dates; a fact not recorded goes to *absent* instead of a row."""
    status = escape(label(detail.status))
    if detail.status_disagrees and detail.implied_status:
        suggest = translate("DetailPane", "the recorded dates and actions suggest: %1")
        status += f"<br/><i>{escape(fill(suggest, _name(detail.implied_status)))}</i>"
    signed = _date(detail.signed_on, _not_recorded()) if detail.signed_on else ""
    if detail.signed_at:
        at = escape(fill(translate("DetailPane", "at %1"), detail.signed_at))
        signed = f"{signed}, {escape(detail.signed_at)}" if signed else at
    in_force = _date(detail.entry_into_force, "") if detail.entry_into_force else ""
    if detail.entry_into_force_rule:
        rule = escape(detail.entry_into_force_rule)
        in_force = f"{in_force}<br/>{rule}" if in_force else rule
    binding = {
        True: translate("DetailPane", "binding"),
        False: translate("DetailPane", "non-binding"),
        None: "",
    }[detail.binding]
    rows = [
        ("Kind", f"{escape(label(detail.kind))}, {escape(_lateral(detail))}"),
        ("Level", escape(label(detail.level))),
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
        "Binding": translate("DetailPane", "binding", "not recorded"),
        "Signed": translate("DetailPane", "date and place signed"),
        "In force": translate("DetailPane", "entry into force"),
        "Fields": translate("DetailPane", "fields"),
    }
    absent.extend(expected[name] for name, value in rows if not value and name in expected)
    return [(_fact_label(name), value) for name, value in rows if value]


def _fact_label(name: str) -> str:
    """A fact's label in the window's language (the English names are its keys above)."""
    return {
        "Kind": translate("DetailPane", "Kind"),
        "Level": translate("DetailPane", "Level"),
        "Status": translate("DetailPane", "Status"),
        "Binding": translate("DetailPane", "Binding"),
        "Signed": translate("DetailPane", "Signed"),
        "In force": translate("DetailPane", "In force"),
        "Expires": translate("DetailPane", "Expires"),
        "Duration": translate("DetailPane", "Duration"),
        "Renewal": translate("DetailPane", "Renewal"),
        "Terminated": translate("DetailPane", "Terminated"),
        "Grounds": translate("DetailPane", "Grounds"),
        "Depositary": translate("DetailPane", "Depositary"),
        "Languages": translate("DetailPane", "Languages"),
        "UN registration": translate("DetailPane", "UN registration"),
        "Fields": translate("DetailPane", "Fields"),
    }[name]


def _source(detail: AgreementDetail, absent: list[str]) -> str:
    """The citation and the address as a link; 'source' goes to *absent* when neither is."""
    if not detail.source_citation and not detail.source_url:
        absent.append(translate("DetailPane", "source"))
        return ""
    html = [_heading(translate("DetailPane", "Source"))]
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
    by = translate("DetailPane", "%1 by %2")
    created = fill(by, _when(detail.created_at), detail.created_by)
    changed = fill(by, _when(detail.updated_at), detail.updated_by)
    line = fill(
        translate("DetailPane", "Record %1, version %2. Created %3; last changed %4."),
        detail.id,
        detail.version,
        created if detail.created_by else _when(detail.created_at),
        changed if detail.updated_by else _when(detail.updated_at),
    )
    return f"<p style='color:{muted}; margin-top:12px'><small>{escape(line)}</small></p>"


def render_deadlines(detail: AgreementDetail, muted: str = MUTED) -> str:
    """The structured terms, the coming deadlines with how each was found, and any doubts."""
    if not detail.terms and not detail.deadlines and not detail.deadline_notes:
        return ""
    html = [_heading(translate("DetailPane", "Terms and deadlines"))]
    if detail.terms:
        terms = [(_say(name), escape(message_text(value))) for name, value in detail.terms]
        html.append(_facts(terms, muted))
    if detail.deadlines:
        rows = []
        for deadline in detail.deadlines:
            how = message_text(deadline.how)
            how = "" if deadline.recorded else f"<br/><small>{escape(how)}</small>"
            on = locale_text.partial_date(deadline.on)
            rows.append((on, escape(label(deadline.kind)) + how))
        html.append(_facts(rows))
    for note in map(message_text, detail.deadline_notes):
        html.append(f"<p><i>{escape(note[:1].upper() + note[1:])}.</i></p>")
    return "".join(html)


def _when(moment: Any) -> str:
    """'6 December 2021, 14:03' in the user's own time: a date in words, as everywhere."""
    local = locale_text.local_time(moment)
    day = locale_text.partial_date(PartialDate(local.year, local.month, local.day))
    return f"{day}, {local:%H:%M}"


VALUE_LIMIT = 120


def _value(value: Any) -> str:
    """A recorded old or new value, short enough to read in a list."""
    if value in (None, "", [], {}):
        empty = translate("DetailPane", "empty")
        return f"<i>{escape(empty)}</i>"
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
    when = escape(_when(entry.changed_at))
    return f"{when}, {escape(entry.changed_by)}: {escape(_say(entry.action))}{fields}"


def _history() -> str:
    return translate("DetailPane", "History")


def render_history(history: tuple[AuditRecord, ...] | list[AuditRecord]) -> str:
    """Who did what when, newest first, with the old and new value of each changed field."""
    if not history:
        return _heading(_history()) + f"<p><i>{escape(_say(NO_HISTORY))}</i></p>"
    html = [_heading(_history()), "<ul>"]
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
    # Qt's tr works on the class too (PySide6's stubs know the method only); an annotation,
    # as a def here would hide the class's name from pyside6-lupdate.
    if TYPE_CHECKING:
        tr: ClassVar[Callable[..., str]]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName(self.tr("Agreement details"))
        # Links are followed here: the source's address in the browser, "Show all parties"
        # in the pane itself (clicked, or Tab to it and Enter).
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._follow)
        # Words whole (QTextEdit breaks anywhere by default: 'Kazakhst-an' in a narrow
        # table column); addresses get their own break points (_breakable).
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.document().setDocumentMargin(10)
        self._shown: AgreementDetail | None = None
        self._html: str | None = None
        self._every_party_of: int | None = None  # the agreement whose parties are all shown
        self.show_nothing()

    def show_detail(self, detail: AgreementDetail) -> None:
        self._shown = detail
        self._show_html(self._render(detail))

    def _render(self, detail: AgreementDetail) -> str:
        every_party = detail.id == self._every_party_of
        return render_detail(detail, muted_colour(self).name(), every_party)

    def _follow(self, url: QUrl) -> None:
        if url.toString() != EVERY_PARTY:
            QDesktopServices.openUrl(url)
            return
        if self._shown is None:
            return
        self._every_party_of = self._shown.id
        bar = self.verticalScrollBar()
        kept = bar.value()  # the reader stays at the link, now followed by the rest
        self._show_html(self._render(self._shown))
        bar.setValue(kept)

    def show_nothing(self, message: str = EMPTY_TEXT) -> None:
        """*message* (marked for translation, or already in the window's language)."""
        message = _say(message)
        self._shown = None
        self._show_html(
            f"<p style='color:{muted_colour(self).name()}'><i>{escape(message)}</i></p>"
        )

    def show_deleted(self, history: list[AuditRecord]) -> None:
        """A deleted agreement: who deleted it, and the rest of its trail (it outlives it)."""
        self._shown = None
        deleted = escape(self.tr("This agreement has been deleted."))
        self._show_html(f"<p><i>{deleted}</i></p>" + render_history(history))

    def _show_html(self, html: str) -> None:
        """Show *html*, unless the pane shows it already.

        Each search that keeps the selected agreement reads its details again. Set again,
        the same text went back to the top while the user was reading it, and its layout
        took the window 10 ms or more, a stall while typing.
        """
        if html != self._html:
            self._html = html
            self.setHtml(html)

    def changeEvent(self, event: QEvent) -> None:
        """A theme switched while the pane shows an agreement: its greys follow."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown is not None:
            self._show_html(self._render(self._shown))

"""Plain words for what a report shows: the filter, the sort, dates, statuses and actions.

Pure functions of plain data, so every sentence a reader sees can be tested on its own.
Missing data is said to be missing ("not recorded"); nothing is filled in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from models.dates import PartialDate, Precision
from models.detail import ActionView, AgreementDetail, PartyView
from models.query import AgreementFilter, Sort, SortColumn
from models.vocab import Kind, Level, PartyStatus, Status
from reports.locale_format import count, day, stamp

NOT_RECORDED = "not recorded"
ALL_AGREEMENTS = "All agreements"

_KIND_PLURALS = {
    Kind.TREATY: "treaties",
    Kind.MEMORANDUM: "memoranda of understanding",
    Kind.EXCHANGE_OF_NOTES: "exchanges of notes",
    Kind.OTHER: "other documents",
}
_SORT_NAMES = {
    SortColumn.TITLE: "title",
    SortColumn.KIND: "kind",
    SortColumn.LEVEL: "level",
    SortColumn.STATUS: "status",
    SortColumn.SIGNED_ON: "date signed",
    SortColumn.SIGNED_AT: "place signed",
    SortColumn.ENTRY_INTO_FORCE: "entry into force",
    SortColumn.EXPIRES_ON: "expiry",
    SortColumn.PARTIES: "first party",
    SortColumn.FIELDS: "first field",
    SortColumn.UPDATED_AT: "last change",
    SortColumn.CREATED_AT: "date recorded",
    SortColumn.ID: "record number",
}
_DATE_COLUMNS = {
    SortColumn.SIGNED_ON,
    SortColumn.ENTRY_INTO_FORCE,
    SortColumn.EXPIRES_ON,
    SortColumn.UPDATED_AT,
    SortColumn.CREATED_AT,
}


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def counted(number: int, one: str, many: str) -> str:
    """'1 agreement', '12 agreements', 'no agreements': the noun agrees with its number."""
    if number == 0:
        return f"no {many}"
    return f"{count(number)} {one if number == 1 else many}"


def kind_plural(kind: Kind) -> str:
    return _KIND_PLURALS.get(kind, f"{kind.value}s")


def date_text(value: PartialDate | None) -> str:
    """'2021', 'December 2021', '6 December 2021' as recorded, or 'not recorded'."""
    return day(value) if value else NOT_RECORDED


def describe_filter(
    wanted: AgreementFilter, field_names: Mapping[int, str], party_names: Mapping[int, str]
) -> str:
    """The filter as one sentence: 'Agreements in Energy and Transport between Kazakhstan
    and Uzbekistan, signed 2020–2024'; 'All agreements' when nothing is chosen."""
    if wanted.is_empty():
        return ALL_AGREEMENTS
    head = [_kinds_phrase(wanted.kinds)]
    if wanted.fields:
        head.append("in " + join_words([_name(field_names, i, "field") for i in wanted.fields]))
    if wanted.parties:
        head.append(_parties_phrase(wanted, party_names))
    tail = [
        phrase
        for phrase in (
            _levels_phrase(wanted.levels),
            _statuses_phrase(wanted.statuses),
            signed_phrase(wanted.signed_from, wanted.signed_to),
            _text_phrase(wanted.text),
        )
        if phrase
    ]
    return ", ".join([" ".join(head), *tail])


def describe_selection(number: int) -> str:
    """What a report of hand-picked agreements covers."""
    if number == 0:
        return "No agreements selected"
    if number == 1:
        return "The selected agreement"
    return f"The {number} selected agreements"


def _kinds_phrase(kinds: Sequence[Kind]) -> str:
    if not kinds:
        return "Agreements"
    words = join_words([kind_plural(kind) for kind in kinds])
    return words[:1].upper() + words[1:]


def _parties_phrase(wanted: AgreementFilter, party_names: Mapping[int, str]) -> str:
    names = [_name(party_names, i, "party") for i in wanted.parties]
    if len(names) == 1:
        return f"involving {names[0]}"
    if wanted.any_party:
        return f"involving any of {join_words(names, 'or')}"
    return f"between {join_words(names)}"


def _levels_phrase(levels: Sequence[Level]) -> str:
    if not levels:
        return ""
    noun = "level" if len(levels) == 1 else "levels"
    return f"at {join_words([level.value for level in levels], 'or')} {noun}"


def _statuses_phrase(statuses: Sequence[Status]) -> str:
    if not statuses:
        return ""
    return f"with status {join_words([status.value for status in statuses], 'or')}"


def _text_phrase(text: str) -> str:
    words = " ".join(text.split())
    return f"matching the search “{words}”" if words else ""


def signed_phrase(start: PartialDate | None, end: PartialDate | None) -> str:
    """'signed 2020–2024', 'signed in December 2021', 'signed on or after 6 December 2021'."""
    if start and end:
        if start == end:
            preposition = "on" if start.precision == Precision.DAY else "in"
            return f"signed {preposition} {day(start)}"
        dash = " – " if " " in day(start) + day(end) else "–"
        return f"signed {day(start)}{dash}{day(end)}"
    if start:
        if start.precision == Precision.DAY:
            return f"signed on or after {day(start)}"
        return f"signed in {day(start)} or later"
    if end:
        if end.precision == Precision.DAY:
            return f"signed on or before {day(end)}"
        return f"signed in {day(end)} or earlier"
    return ""


def _name(names: Mapping[int, str], key: int, noun: str) -> str:
    return names.get(key) or f"{noun} #{key} (no longer recorded)"


def describe_sort(sort: Sort) -> str:
    """'Date signed, earliest first': the order a reader will find the agreements in."""
    name = _SORT_NAMES.get(sort.column, sort.column.value)
    if sort.column in _DATE_COLUMNS:
        direction = "latest first" if sort.descending else "earliest first"
    elif sort.column == SortColumn.ID:
        direction = "highest first" if sort.descending else "lowest first"
    else:
        direction = "Z to A" if sort.descending else "A to Z"
    return f"{name[:1].upper()}{name[1:]}, {direction}; missing values last"


# ----------------------------------------------------------------- one agreement


def binding_text(binding: bool | None) -> str:
    if binding is None:
        return NOT_RECORDED
    return "Legally binding" if binding else "Not legally binding"


def party_status_text(party: PartyView) -> str:
    """What the party's own actions make of it: 'signatory', 'withdrawn' …"""
    if party.status is None:
        return "no action recorded"
    if party.status == PartyStatus.WITHDRAWN:
        return "withdrawn"
    return party.status.value


def action_text(action: ActionView) -> str:
    """'ratification: deposited 3 March 2022, effective 2 April 2022; “text”'."""
    text = f"{action.type.value}: {action.dates_text(day)}"
    if action.text:
        text += f"; “{action.text}”"
    return text


def parties_summary(detail: AgreementDetail) -> str:
    """'2 parties listed (bilateral): 2 signatories, none bound as a party yet.'"""
    listed = counted(len(detail.parties), "party", "parties")
    return f"{listed[:1].upper()}{listed[1:]} listed ({detail.lateral}): " + (
        detail.counts.words() + "."
    )


# ----------------------------------------------------------------- timestamps


def timestamp_text(moment: datetime) -> str:
    """'6 December 2021, 14:03 UTC': a stored time, always given in UTC."""
    moment = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return stamp(moment)


def local_time_text(moment: datetime) -> str:
    """'6 March 2025, 10:42 (UTC+01:00)': when the report was made, in the maker's time."""
    local = moment.astimezone()
    offset = local.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "local time"
    return f"{day(PartialDate(local.year, local.month, local.day))}, {local:%H:%M} ({zone})"

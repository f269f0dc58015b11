"""Dates that follow from other dates: expiry, notice, renewal and entry into force.

Pure date arithmetic over plain values (no session): what models/deadline_store.py keeps
in the database and what the detail pane, the Due panel and the calendar show.
Computed dates never replace a recorded one; where the two disagree, `disagreements`
says so. A date known only to the month or year gives a result known to the month or
year (an expiry of 'March 2027' is shown as such), never an invented day.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from models.dates import PartialDate
from models.messages import DEADLINES, QT_TRANSLATE_NOOP, Message, say
from models.terms import EntryKind, EntryRule, Period, RenewalKind, Terms


def _say(template: str, *args: object) -> Message:
    return say(template, *args, context=DEADLINES)


ENTRY = QT_TRANSLATE_NOOP("Deadlines", "entry into force %1")

# Renewals are listed up to this year, or this many of them, whichever comes first: far
# enough for any register, and a bound on what a one-month automatic renewal can write.
HORIZON_YEAR = 2200
MAX_RENEWALS = 300
# A calendar's reminder before each deadline (models.calendar_export, `export FILE.ics`): two
# weeks, time to prepare a note verbale before a notice deadline.
REMIND_DAYS = 14


class DeadlineKind(StrEnum):
    ENTRY_INTO_FORCE = "entry into force"
    NOTICE = "notice"
    RENEWAL = "renewal"
    EXPIRY = "expiry"

    @property
    def label(self) -> str:
        return {
            DeadlineKind.ENTRY_INTO_FORCE: "Expected entry into force",
            DeadlineKind.NOTICE: "Last day to give notice",
            DeadlineKind.RENEWAL: "Renews",
            DeadlineKind.EXPIRY: "Expires",
        }[self]


# Deadlines that, once passed, ask for something to be recorded (the expiry or the entry
# into force); a passed notice day or renewal is simply past.
OVERDUE_KINDS = (DeadlineKind.EXPIRY, DeadlineKind.ENTRY_INTO_FORCE)


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    on: PartialDate
    how: str  # "5 years from entry into force on 1 March 2022, renewed automatically"
    recorded: bool = False

    @property
    def first_day(self) -> date:
        return self.on.first_day()

    @property
    def last_day(self) -> date:
        return self.on.last_day()


@dataclass(frozen=True)
class DeadlineSource:
    """What an agreement's deadlines follow from, as plain values."""

    terms: Terms = field(default_factory=Terms)
    signed_on: PartialDate | None = None
    entry_into_force: PartialDate | None = None
    expires_on: PartialDate | None = None
    terminated_on: PartialDate | None = None
    # The date each party that must consent gave its consent (None: not yet recorded).
    consents: dict[str, PartialDate | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Computed:
    """The deadlines of one agreement, and what the terms say beside the recorded dates."""

    deadlines: list[Deadline]
    entry_into_force: Deadline | None  # computed, even where one is recorded
    expiry: Deadline | None  # the first expiry the terms give, even where one is recorded
    notes: list[str]  # why a date could not be computed, disagreements


# ----------------------------------------------------------------- date arithmetic


def add_months(day: date, months: int) -> date:
    """The same day *months* later (or earlier); the month's last day where it has no such day.

    31 January + 1 month is 28 (or 29) February; 29 February + 12 months is 28 February.
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(on: PartialDate, period: Period, sign: int = 1) -> PartialDate | None:
    """*on* moved by *period*, to the precision *on* is known to.

    A month moved by months stays a month ('March 2022' + 5 years = 'March 2027'), a year
    by whole years stays a year; a move that would smear the date across a boundary
    ('2021' + 18 months, 'March 2022' + 30 days) has no honest answer and gives None.
    """
    if on.day is not None:
        start = on.first_day()
        if period.days:
            moved = start + timedelta(days=sign * period.days)
        else:
            moved = add_months(start, sign * period.months)
        return PartialDate(moved.year, moved.month, moved.day)
    if period.days:
        return None
    if on.month is not None:
        moved = add_months(on.first_day(), sign * period.months)
        return PartialDate(moved.year, moved.month)
    if period.months % 12:
        return None
    year = on.year + sign * period.months // 12
    return PartialDate(year) if 1 <= year <= 9999 else None


def _safe_shift(on: PartialDate, period: Period, sign: int = 1) -> PartialDate | None:
    try:
        return shift(on, period, sign)
    except (ValueError, OverflowError):  # beyond year 9999 or before year 1
        return None


# ----------------------------------------------------------------- computing


def compute(source: DeadlineSource) -> Computed:
    """Every deadline of one agreement, each with how it was found."""
    notes: list[str] = []
    deadlines: list[Deadline] = []
    entry = _entry_into_force(source, notes)
    if entry is not None and source.entry_into_force is None:
        deadlines.append(entry)
    start, start_how = _start(source, entry)
    expiry = _first_expiry(source, start, start_how, notes)
    deadlines.extend(_term_deadlines(source, expiry, notes))
    if source.expires_on is not None:
        deadlines.append(
            Deadline(
                DeadlineKind.EXPIRY,
                source.expires_on,
                _say(QT_TRANSLATE_NOOP("Deadlines", "expiry as recorded")),
                recorded=True,
            )
        )
    notes.extend(disagreements(source, entry, expiry))
    if source.terminated_on is not None:
        end = source.terminated_on.last_day()
        deadlines = [d for d in deadlines if d.first_day <= end]
    deadlines.sort(key=lambda d: (d.first_day, d.last_day, d.kind.value))
    return Computed(deadlines, entry, expiry, notes)


def _entry_into_force(source: DeadlineSource, notes: list[str]) -> Deadline | None:
    rule = source.terms.entry
    if rule is None:
        return None
    how = _say(ENTRY, rule.words())
    if rule.kind is EntryKind.ON_SIGNATURE:
        if source.signed_on is None:
            notes.append(
                _say(
                    QT_TRANSLATE_NOOP(
                        "Deadlines",
                        "entry into force on signature: the signing date is not recorded",
                    )
                )
            )
            return None
        return Deadline(DeadlineKind.ENTRY_INTO_FORCE, source.signed_on, how)
    if rule.kind is EntryKind.ON_DATE:
        assert rule.on is not None
        return Deadline(DeadlineKind.ENTRY_INTO_FORCE, rule.on, how)
    base = _consent_date(source, rule, notes)
    if base is None:
        return None
    on = _safe_shift(base, Period(days=rule.days)) if rule.days else base
    if on is None:
        notes.append(
            _say(
                QT_TRANSLATE_NOOP("Deadlines", "entry into force %1: %2 is not known to the day"),
                rule.words(),
                base,
            )
        )
        return None
    return Deadline(
        DeadlineKind.ENTRY_INTO_FORCE,
        on,
        _say(QT_TRANSLATE_NOOP("Deadlines", "entry into force %1 (%2)"), rule.words(), base),
    )


def _consent_date(source: DeadlineSource, rule: EntryRule, notes: list[str]) -> PartialDate | None:
    """The notification or ratification the rule counts from, once enough are recorded."""
    dates = sorted(on for on in source.consents.values() if on is not None)
    if rule.kind is EntryKind.AFTER_RATIFICATIONS:
        if len(dates) < rule.count:
            notes.append(
                _say(
                    QT_TRANSLATE_NOOP("Deadlines", "entry into force %1: %2 of %3 recorded so far"),
                    rule.words(),
                    len(dates),
                    rule.count,
                )
            )
            return None
        return dates[rule.count - 1]
    waiting = sorted(name for name, on in source.consents.items() if on is None)
    if waiting or not dates:
        who = ", ".join(waiting) if waiting else _say(QT_TRANSLATE_NOOP("Deadlines", "any party"))
        notes.append(
            _say(
                QT_TRANSLATE_NOOP("Deadlines", "entry into force %1: waiting for %2"),
                rule.words(),
                who,
            )
        )
        return None
    return dates[-1]


def _start(source: DeadlineSource, entry: Deadline | None) -> tuple[PartialDate | None, str]:
    if source.entry_into_force is not None:
        recorded = source.entry_into_force
        return recorded, _say(QT_TRANSLATE_NOOP("Deadlines", "entry into force on %1"), recorded)
    if entry is not None:
        expected = QT_TRANSLATE_NOOP("Deadlines", "the expected entry into force on %1")
        return entry.on, _say(expected, entry.on)
    return None, ""


def _first_expiry(
    source: DeadlineSource, start: PartialDate | None, start_how: str, notes: list[str]
) -> Deadline | None:
    duration = source.terms.duration
    if duration is None or duration.period is None:
        return None
    if start is None:
        notes.append(
            _say(
                QT_TRANSLATE_NOOP(
                    "Deadlines", "expiry after %1: the entry into force is not recorded"
                ),
                duration.period.words(),
            )
        )
        return None
    on = _safe_shift(start, duration.period)
    if on is None:
        notes.append(
            _say(
                QT_TRANSLATE_NOOP("Deadlines", "expiry after %1: %2 is too vague to count from"),
                duration.period.words(),
                start,
            )
        )
        return None
    how = _say(QT_TRANSLATE_NOOP("Deadlines", "%1 from %2"), duration.period.words(), start_how)
    return Deadline(DeadlineKind.EXPIRY, on, how)


def _renewal_period(terms: Terms) -> Period | None:
    renewal = terms.renewal
    if renewal is None:
        return None
    if renewal.kind is RenewalKind.AUTOMATIC:
        return renewal.period
    if renewal.kind is RenewalKind.TACIT and terms.duration and terms.duration.period:
        return terms.duration.period
    return None


def _term_deadlines(
    source: DeadlineSource, expiry: Deadline | None, notes: list[str]
) -> list[Deadline]:
    """The computed expiry, or with automatic renewal each renewal and its notice day."""
    terms = source.terms
    period = _renewal_period(terms)
    if period is None:
        # A recorded expiry is the deadline; the computed one is only compared with it.
        return [expiry] if expiry is not None and source.expires_on is None else []
    # Renewals run from the recorded expiry where there is one: it wins over the terms.
    first = source.expires_on or (expiry.on if expiry else None)
    if first is None:
        return []
    renewal = terms.renewal
    assert renewal is not None
    renewed = (
        _say(QT_TRANSLATE_NOOP("Deadlines", "renewed tacitly"))
        if renewal.kind is RenewalKind.TACIT
        else _say(QT_TRANSLATE_NOOP("Deadlines", "renewed automatically"))
    )
    base_how = (
        expiry.how
        if expiry and source.expires_on is None
        else _say(QT_TRANSLATE_NOOP("Deadlines", "the recorded expiry"))
    )
    found: list[Deadline] = []
    # The same for every renewal: made once (a renewal every month to 2200 makes hundreds).
    first_how = _say(
        QT_TRANSLATE_NOOP("Deadlines", "%1, %2 for %3"), base_how, renewed, period.words()
    )
    notice_words = terms.notice.words() if terms.notice is not None else None
    on: PartialDate | None = first
    for number in range(MAX_RENEWALS):
        if on is None or on.year > HORIZON_YEAR:
            break
        how = first_how
        if number:
            how = _say(QT_TRANSLATE_NOOP("Deadlines", "%1 (%2 renewal)"), how, _ordinal(number + 1))
        found.append(Deadline(DeadlineKind.RENEWAL, on, how))
        if terms.notice is not None:
            notice = _safe_shift(on, terms.notice, -1)
            if notice is not None:
                found.append(
                    Deadline(
                        DeadlineKind.NOTICE,
                        notice,
                        _say(
                            QT_TRANSLATE_NOOP("Deadlines", "%1 before the renewal on %2"),
                            notice_words,
                            on,
                        ),
                    )
                )
            elif number == 0:
                notes.append(
                    _say(
                        QT_TRANSLATE_NOOP("Deadlines", "notice %1 before %2: not known to the day"),
                        notice_words,
                        on,
                    )
                )
        on = _safe_shift(on, period)
    return found


# English ordinals, each its own message (other languages write them in their own way).
_ORDINALS = {
    "st": QT_TRANSLATE_NOOP("Deadlines", "%1st"),
    "nd": QT_TRANSLATE_NOOP("Deadlines", "%1nd"),
    "rd": QT_TRANSLATE_NOOP("Deadlines", "%1rd"),
    "th": QT_TRANSLATE_NOOP("Deadlines", "%1th"),
}


def _ordinal(number: int) -> Message:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return _say(_ORDINALS[suffix], number)


def disagreements(
    source: DeadlineSource, entry: Deadline | None, expiry: Deadline | None
) -> list[str]:
    """Where a recorded date and the one the terms give differ (the recorded one stands)."""
    found: list[str] = []
    if entry is not None and source.entry_into_force not in (None, entry.on):
        assert source.entry_into_force is not None
        found.append(
            _say(
                QT_TRANSLATE_NOOP(
                    "Deadlines", "entry into force is recorded as %1; the rule gives %2"
                ),
                source.entry_into_force,
                entry.on,
            )
        )
    if expiry is not None and source.expires_on not in (None, expiry.on):
        assert source.expires_on is not None
        found.append(
            _say(
                QT_TRANSLATE_NOOP("Deadlines", "expiry is recorded as %1; the terms give %2 (%3)"),
                source.expires_on,
                expiry.on,
                expiry.how,
            )
        )
    return found


# ----------------------------------------------------------------- windows


def is_overdue(kind: DeadlineKind, deadline_last: date, as_of: date) -> bool:
    return kind in OVERDUE_KINDS and deadline_last < as_of

"""Structured terms of an agreement: duration, renewal, notice period, entry-into-force rule.

Each term is kept beside the text as written (which stays) in a short canonical form
that people can read and type: '5 years', 'automatic for 5 years', '6 months',
'30 days after last notification'. The same text is what the database, CSV, JSON and
the editor hold, so one parser checks every way in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeGuard

from models.dates import PartialDate
from models.messages import DEADLINES, QT_TRANSLATE_NOOP, TERMS, Deadlines, Message, message_of, say

# What a refused term is, as its message names it.
DURATION = say(QT_TRANSLATE_NOOP("Terms", "duration"), context=TERMS)
RENEWAL = say(QT_TRANSLATE_NOOP("Terms", "renewal"), context=TERMS)
NOTICE_PERIOD = say(QT_TRANSLATE_NOOP("Terms", "notice period"), context=TERMS)
ENTRY_INTO_FORCE = say(QT_TRANSLATE_NOOP("Terms", "entry into force"), context=TERMS)
TOO_LONG = QT_TRANSLATE_NOOP("Terms", "%1: '%2' is longer than a thousand years")


@dataclass(frozen=True)
class Period:
    """A length of time in months or in days (never both: a month has no fixed length)."""

    months: int = 0
    days: int = 0

    def text(self) -> str:
        if self.days:
            return _plural(self.days, "day")
        years, months = divmod(self.months, 12)
        parts = [_plural(years, "year")] if years else []
        parts += [_plural(months, "month")] if months else []
        return " ".join(parts)

    def words(self) -> Message:
        """The period as text() gives it, kept for translation ('5 лет 6 месяцев')."""
        if self.days:
            return Deadlines.tr("%Ln day(s)", "", self.days)
        years, months = divmod(self.months, 12)
        if years and months:
            return say(
                QT_TRANSLATE_NOOP("Deadlines", "%1 %2"),
                Deadlines.tr("%Ln year(s)", "", years),
                Deadlines.tr("%Ln month(s)", "", months),
                context=DEADLINES,
            )
        if years:
            return Deadlines.tr("%Ln year(s)", "", years)
        return Deadlines.tr("%Ln month(s)", "", months)


def _plural(number: int, unit: str) -> str:
    return f"{number} {unit}{'' if number == 1 else 's'}"


_PERIOD = re.compile(
    r"^(?:(\d+)\s*(?:years?|y))?\s*(?:(\d+)\s*(?:months?|m))?$|^(\d+)\s*(?:days?|d)$"
)
_LIMIT_MONTHS = 12 * 1000  # a thousand years: a typo, not a treaty term
_LIMIT_DAYS = 36_600
_LIMIT_COUNT = 1000  # ratifications: more than every state and organisation there is


def parse_period(text: str, what: str | Message) -> Period:
    """'5 years', '2 years 6 months', '18 months' or '90 days'; ValueError naming *what*."""
    cleaned = " ".join(text.casefold().split())
    match = _PERIOD.match(cleaned)
    if not cleaned or not match or not any(match.groups()):
        raise ValueError(
            say(
                QT_TRANSLATE_NOOP(
                    "Terms",
                    "%1: '%2' is not a period (write e.g. '5 years', '18 months' or '90 days')",
                ),
                what,
                text,
                context=TERMS,
            )
        )
    years, months, days = (int(part) if part else 0 for part in match.groups())
    period = Period(months=years * 12 + months, days=days)
    if period.months > _LIMIT_MONTHS or period.days > _LIMIT_DAYS:
        raise ValueError(say(TOO_LONG, what, text, context=TERMS))
    if not period.months and not period.days:
        raise ValueError(
            say(
                QT_TRANSLATE_NOOP("Terms", "%1: '%2' is a period of no length"),
                what,
                text,
                context=TERMS,
            )
        )
    return period


# ----------------------------------------------------------------- the four terms


@dataclass(frozen=True)
class Duration:
    """How long the agreement runs from its entry into force; None: indefinitely."""

    period: Period | None

    def text(self) -> str:
        return "indefinite" if self.period is None else self.period.text()

    def words(self) -> Message:
        """As text() gives it, kept for translation."""
        if self.period is None:
            return say(QT_TRANSLATE_NOOP("Deadlines", "indefinite"), context=DEADLINES)
        return self.period.words()


class RenewalKind(StrEnum):
    NONE = "none"
    AUTOMATIC = "automatic"
    TACIT = "tacit"
    BY_AGREEMENT = "by agreement"


@dataclass(frozen=True)
class Renewal:
    """Whether and how the agreement renews at its expiry; tacit renewal repeats the duration."""

    kind: RenewalKind
    period: Period | None = None  # for AUTOMATIC

    def text(self) -> str:
        if self.kind is RenewalKind.AUTOMATIC and self.period:
            return f"automatic for {self.period.text()}"
        return self.kind.value

    def words(self) -> Message:
        """As text() gives it, kept for translation."""
        if self.kind is RenewalKind.AUTOMATIC and self.period:
            automatic = QT_TRANSLATE_NOOP("Deadlines", "automatic for %1")
            return say(automatic, self.period.words(), context=DEADLINES)
        return say(_RENEWAL_WORDS[self.kind], context=DEADLINES)


_RENEWAL_WORDS = {
    RenewalKind.NONE: QT_TRANSLATE_NOOP("Deadlines", "none"),
    RenewalKind.AUTOMATIC: QT_TRANSLATE_NOOP("Deadlines", "automatic"),
    RenewalKind.TACIT: QT_TRANSLATE_NOOP("Deadlines", "tacit"),
    RenewalKind.BY_AGREEMENT: QT_TRANSLATE_NOOP("Deadlines", "by agreement"),
}


class EntryKind(StrEnum):
    ON_SIGNATURE = "on signature"
    ON_DATE = "on date"
    AFTER_LAST_NOTIFICATION = "after last notification"
    AFTER_LAST_RATIFICATION = "after last ratification"
    AFTER_RATIFICATIONS = "after ratifications"


@dataclass(frozen=True)
class EntryRule:
    """When the agreement enters into force, as a rule the dates can be computed from."""

    kind: EntryKind
    days: int = 0  # after the notification or ratification
    count: int = 0  # ratifications needed, for AFTER_RATIFICATIONS
    on: PartialDate | None = None  # for ON_DATE

    def text(self) -> str:
        if self.kind is EntryKind.ON_SIGNATURE:
            return "on signature"
        if self.kind is EntryKind.ON_DATE:
            assert self.on is not None
            return f"on {self.on.iso()}"
        after = f"{_plural(self.days, 'day')} after" if self.days else "on"
        if self.kind is EntryKind.AFTER_RATIFICATIONS:
            after = after if self.days else "after"
            return f"{after} {_plural(self.count, 'ratification')}"
        noun = "notification" if self.kind is EntryKind.AFTER_LAST_NOTIFICATION else "ratification"
        return f"{after} last {noun}"

    def words(self) -> Message:
        """The rule as text() gives it, kept for translation."""
        if self.kind is EntryKind.ON_SIGNATURE:
            return say(QT_TRANSLATE_NOOP("Deadlines", "on signature"), context=DEADLINES)
        if self.kind is EntryKind.ON_DATE:
            assert self.on is not None
            return say(QT_TRANSLATE_NOOP("Deadlines", "on %1"), self.on.iso(), context=DEADLINES)
        if self.kind is EntryKind.AFTER_RATIFICATIONS:
            if not self.days:
                return Deadlines.tr("after %Ln ratification(s)", "", self.count)
            days = Deadlines.tr("%Ln day(s)", "", self.days)
            return Deadlines.tr("%1 after %Ln ratification(s)", "", self.count, days)
        if self.kind is EntryKind.AFTER_LAST_NOTIFICATION:
            if not self.days:
                return say(
                    QT_TRANSLATE_NOOP("Deadlines", "on last notification"), context=DEADLINES
                )
            return Deadlines.tr("%Ln day(s) after last notification", "", self.days)
        if not self.days:
            return say(QT_TRANSLATE_NOOP("Deadlines", "on last ratification"), context=DEADLINES)
        return Deadlines.tr("%Ln day(s) after last ratification", "", self.days)


_ENTRY = re.compile(
    r"^(?:(\d+)\s*days?\s+after|on)\s+(?:the\s+)?"
    r"(?:last\s+(notification|ratification)s?|(\d+)\s*(?:ratifications?|instruments?))$"
)


def parse_duration(text: str) -> Duration:
    cleaned = " ".join(text.casefold().split())
    if cleaned in ("indefinite", "indefinitely", "unlimited"):
        return Duration(None)
    return Duration(parse_period(text, DURATION))


def parse_renewal(text: str) -> Renewal:
    """'none', 'tacit', 'by agreement' or 'automatic for 5 years'."""
    cleaned = " ".join(text.casefold().split())
    for kind in (RenewalKind.NONE, RenewalKind.TACIT, RenewalKind.BY_AGREEMENT):
        if cleaned == kind.value:
            return Renewal(kind)
    match = re.match(r"^automatic(?:ally)?(?:\s+for)?\s+(.+)$", cleaned)
    if match:
        return Renewal(RenewalKind.AUTOMATIC, parse_period(match.group(1), RENEWAL))
    raise ValueError(
        say(
            QT_TRANSLATE_NOOP(
                "Terms",
                "renewal: '%1' is not a renewal (write 'none', 'tacit', 'by agreement' "
                "or e.g. 'automatic for 5 years')",
            ),
            text,
            context=TERMS,
        )
    )


def parse_notice(text: str) -> Period:
    return parse_period(text, NOTICE_PERIOD)


def parse_entry_rule(text: str) -> EntryRule:
    """'on signature', 'on 2022-03-01', '30 days after last notification', 'after 22 ratifications'.

    'the 30th day after …' is not read: write '30 days after …' (the rule as written in
    the treaty stays in the free text beside it).
    """
    cleaned = " ".join(text.casefold().split())
    if cleaned == "on signature":
        return EntryRule(EntryKind.ON_SIGNATURE)
    if cleaned.startswith("on ") and cleaned[3:4].isdigit() and "ratification" not in cleaned:
        try:
            return EntryRule(EntryKind.ON_DATE, on=PartialDate.parse(cleaned[3:]))
        except ValueError as error:
            raise ValueError(
                say(
                    QT_TRANSLATE_NOOP("Terms", "entry into force: %1"),
                    message_of(error),
                    context=TERMS,
                )
            ) from None
    if cleaned.startswith("after "):
        cleaned = "on " + cleaned[len("after ") :]
    match = _ENTRY.match(cleaned)
    if not match:
        raise ValueError(
            say(
                QT_TRANSLATE_NOOP(
                    "Terms",
                    "entry into force: '%1' is not a rule (write 'on signature', 'on 2022-03-01', "
                    "'30 days after last notification', '30 days after last ratification' "
                    "or '30 days after 22 ratifications')",
                ),
                text,
                context=TERMS,
            )
        )
    days = int(match.group(1) or 0)
    if days > _LIMIT_DAYS:
        raise ValueError(say(TOO_LONG, ENTRY_INTO_FORCE, text, context=TERMS))
    if match.group(3):
        count = int(match.group(3))
        if count < 1:
            raise ValueError(
                say(
                    QT_TRANSLATE_NOOP(
                        "Terms", "entry into force: '%1' needs at least one ratification"
                    ),
                    text,
                    context=TERMS,
                )
            )
        if count > _LIMIT_COUNT:
            raise ValueError(
                say(
                    QT_TRANSLATE_NOOP(
                        "Terms", "entry into force: '%1' counts more states than there are"
                    ),
                    text,
                    context=TERMS,
                )
            )
        return EntryRule(EntryKind.AFTER_RATIFICATIONS, days=days, count=count)
    kind = (
        EntryKind.AFTER_LAST_NOTIFICATION
        if match.group(2) == "notification"
        else EntryKind.AFTER_LAST_RATIFICATION
    )
    return EntryRule(kind, days=days)


@dataclass(frozen=True)
class Terms:
    """The structured terms of one agreement; None where a term is not recorded."""

    duration: Duration | None = None
    renewal: Renewal | None = None
    notice: Period | None = None
    entry: EntryRule | None = None

    @classmethod
    def from_texts(
        cls, duration: str | None, renewal: str | None, notice: str | None, entry: str | None
    ) -> Terms:
        """Read stored or typed texts (blank: not recorded); ValueError on the first bad one."""
        return cls(
            duration=parse_duration(duration) if _given(duration) else None,
            renewal=parse_renewal(renewal) if _given(renewal) else None,
            notice=parse_notice(notice) if _given(notice) else None,
            entry=parse_entry_rule(entry) if _given(entry) else None,
        )


def _given(text: str | None) -> TypeGuard[str]:
    return text is not None and bool(text.strip())


# Each term: its input/column name, its parser, and the label users see.
TERM_FIELDS = (
    ("duration_term", parse_duration, "duration (structured)"),
    ("renewal_term", parse_renewal, "renewal (structured)"),
    ("notice_term", parse_notice, "notice period"),
    ("entry_into_force_term", parse_entry_rule, "entry into force (structured)"),
)


def canonical(name: str, text: str) -> str | None:
    """The stored form of a term typed as *text* (blank: None); ValueError when it is wrong."""
    if not text.strip():
        return None
    parser = next(parse for field, parse, _ in TERM_FIELDS if field == name)
    return parser(text).text()


def term_words(name: str, text: str) -> str:
    """A stored term (*name* as in TERM_FIELDS) as a Message the window translates; a text
    that does not parse (written before a rule changed) stays as it is."""
    parser = next(parse for field, parse, _ in TERM_FIELDS if field == name)
    try:
        return parser(text).words()
    except ValueError:
        return text


def term_errors(values: dict[str, str]) -> dict[str, str]:
    """Every term that cannot be read, as field -> message."""
    errors = {}
    for name, _, _ in TERM_FIELDS:
        try:
            canonical(name, values.get(name, "") or "")
        except ValueError as error:
            errors[name] = message_of(error)
    return errors

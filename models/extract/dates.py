"""Dates in an article: written dates, and relative words resolved against the publication date.

Hand rules rather than a library: articles state a signing date in a handful of shapes
(6 December 2021, December 6, 6 декабря 2021 года, 06.12.2021, Monday, в понедельник,
yesterday, this week), and each rule below says which shape it reads, so a value on a
draft can always be traced to the words behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

_MONTH_NAMES = (
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
)
MONTHS = {
    **{name: number for names in _MONTH_NAMES for number, name in enumerate(names.split(), 1)},
    "sept": 9,
}
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|-?го|-?е)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WRITTEN = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?", re.IGNORECASE),
    re.compile(rf"\b(?:in\s+|в\s+)?{_MONTH}\s+{_YEAR}", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mm>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mm>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
]
WEEKDAYS = {
    **{name: number for number, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])},
    **{name: number for number, name in enumerate(
        ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"])},
}  # fmt: skip
_WEEKDAY = re.compile(r"\b(?:(?:on|last|в|во)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_RELATIVE = {
    "yesterday": -1,
    "вчера": -1,
    "today": 0,
    "сегодня": 0,
    "earlier today": 0,
}
_RELATIVE_RE = re.compile(r"\b(" + "|".join(_RELATIVE) + r")\b", re.IGNORECASE)
_THIS_WEEK = re.compile(r"\b(this week|earlier this week|на этой неделе)\b", re.IGNORECASE)
# A year on its own ('in 2019', 'в 2019 году'): not a signing date, but it dates the sentence.
YEAR_ALONE = re.compile(r"\b(?:in|since|of|в|с)\s+((?:19|20)\d\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class WrittenDate:
    """A date as written: year, month and day as far as the text gives them."""

    year: int | None
    month: int
    day: int | None
    words: str

    def resolved(self, published: date | None) -> str:
        """ISO text ('2021-12-06', '2021-12'); a day without a year takes the publication's."""
        year = self.year
        if year is None:
            if published is None or self.day is None:
                return ""
            year = published.year
            if _valid(year, self.month, self.day) and date(year, self.month, self.day) > published:
                year -= 1  # 'on 28 December', read in January: last year's
        if self.day is None:
            return f"{year:04d}-{self.month:02d}"
        return (
            date(year, self.month, self.day).isoformat()
            if _valid(year, self.month, self.day)
            else ""
        )


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def written_dates(text: str) -> list[WrittenDate]:
    """Every date written out in *text*, in order, without overlaps."""
    found: list[tuple[int, int, WrittenDate]] = []
    for pattern in _WRITTEN:
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end, _ in found):
                continue
            written = _written(match)
            if written is not None:
                found.append((match.start(), match.end(), written))
    return [written for _, _, written in sorted(found, key=lambda item: item[0])]


def _written(match: re.Match[str]) -> WrittenDate | None:
    groups = match.groupdict()
    month = int(groups["mm"]) if groups.get("mm") else MONTHS.get(groups["month"].lower())
    year = int(groups["year"]) if groups.get("year") else None
    day = int(groups["day"]) if groups.get("day") else None
    if not month or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if day is None and year is None:
        return None
    if groups.get("month") and groups["month"].lower() == "may" and day is None:
        return None  # 'may 2021' is almost never a date in prose; 'in May 2021' still is
    return WrittenDate(year, month, day, match.group().strip())


def published_date(text: str) -> date | None:
    """The date in the article's header or dateline (its first 400 characters), if any."""
    for written in written_dates(text[:400]):
        if written.year and written.day and _valid(written.year, written.month, written.day):
            return date(written.year, written.month, written.day)
    marked = re.search(r"(?:published|updated|опубликовано)[:\s]+(.{6,40})", text, re.IGNORECASE)
    for written in written_dates(marked.group(1)) if marked else []:
        if written.year and written.day and _valid(written.year, written.month, written.day):
            return date(written.year, written.month, written.day)
    return None


@dataclass(frozen=True)
class SigningDate:
    """A signing date read from a sentence: ISO text ('' when unresolved), the words, a note."""

    iso: str
    words: str
    note: str = ""


@lru_cache(maxsize=512)  # every document of a sentence asks for the same
def signing_date(sentence: str, published: date | None) -> SigningDate | None:
    """The date a sentence gives for what it reports, or None when it names no date."""
    for written in written_dates(sentence):
        iso = written.resolved(published)
        if iso:
            return SigningDate(iso, written.words)
        return SigningDate("", written.words, _unresolved(written.words))
    relative = _RELATIVE_RE.search(sentence)
    weekday = _WEEKDAY.search(sentence)
    if relative or weekday:
        words = (relative or weekday).group()  # type: ignore[union-attr]  # one matched
        if published is None:
            return SigningDate("", words, _unresolved(words))
        if relative:
            offset = _RELATIVE[relative.group(1).lower()]
        else:
            day = WEEKDAYS[weekday.group(1).lower()]  # type: ignore[union-attr]  # weekday matched
            offset = -((published.weekday() - day) % 7)  # the last such day, or the day itself
        return SigningDate(
            (published + timedelta(days=offset)).isoformat(),
            words,
            f"The article says '{words}'; read against its publication date "
            f"{published.isoformat()}.",
        )
    week = _THIS_WEEK.search(sentence)
    if week:
        if published is None:
            return SigningDate("", week.group(), _unresolved(week.group()))
        monday = published - timedelta(days=published.weekday())
        if monday.month != published.month:
            return SigningDate(
                "",
                week.group(),
                f"The article says '{week.group()}', a week across two months; "
                "the day is not given.",
            )
        return SigningDate(
            published.isoformat()[:7],
            week.group(),
            f"The article says '{week.group()}' (the week of {published.isoformat()}); "
            "the day is not given.",
        )
    return None


def _unresolved(words: str) -> str:
    return (
        f"The article says '{words}' but gives no publication date to read it against "
        "(give one with --published or in the dialog); the signing date is left empty."
    )


def year_mentioned(sentence: str) -> int | None:
    """A year the sentence names on its own ('in 2019'), else None."""
    match = YEAR_ALONE.search(sentence)
    return int(match.group(1)) if match else None

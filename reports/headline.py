"""The words a reader sees first: a report's title made from its filter, and its headline counts.

Pure functions of plain data. Numbers are said the way a person says them: "Both signed on
6 December 2021", "12 signatories, 9 parties", never "agreement(s)".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from models.dates import PartialDate, Precision
from models.query import AgreementFilter
from models.vocab import Status
from reports.describe import join_words, kind_plural
from reports.locale_format import count, day

# ----------------------------------------------------------------- the title


def report_title(
    wanted: AgreementFilter, field_names: Mapping[int, str], party_names: Mapping[int, str]
) -> str:
    """'Agreements between Kazakhstan and Uzbekistan in Transport, 2021': the filter as a
    title a reader can file; 'All recorded agreements' when nothing is chosen."""
    if wanted.is_empty():
        return "All recorded agreements"
    kinds = join_words([kind_plural(kind) for kind in wanted.kinds]) or "agreements"
    words = [kinds[:1].upper() + kinds[1:]]
    if wanted.statuses:
        words.append(join_words([status.value for status in wanted.statuses], "or"))
    parties = [party_names.get(i, f"party #{i}") for i in wanted.parties]
    if len(parties) == 1:
        words.append(f"involving {parties[0]}")
    elif parties:
        words.append(
            f"involving any of {join_words(parties, 'or')}"
            if wanted.any_party
            else f"between {join_words(parties)}"
        )
    if wanted.fields:
        words.append("in " + join_words([field_names.get(i, f"field #{i}") for i in wanted.fields]))
    title = " ".join(_status_first(words, wanted.statuses))
    tail = [part for part in (_period(wanted), _search(wanted.text)) if part]
    return ", ".join([title, *tail])


def _status_first(words: list[str], statuses: Sequence[Status]) -> list[str]:
    """'Agreements in force between …': a status reads best right after the noun."""
    if not statuses:
        return words
    noun, status, *rest = words
    return [f"{noun} {status}", *rest]


def _period(wanted: AgreementFilter) -> str:
    """'2021', '2020–2024', 'from March 2020', 'to 2024': the years a title mentions."""
    start, end = wanted.signed_from, wanted.signed_to
    if start and end:
        if start == end or (start.year == end.year and _whole_year(start, end)):
            return day(start) if start == end else str(start.year)
        dash = " – " if " " in day(start) + day(end) else "–"
        first = str(start.year) if _whole_year(start, end) else day(start)
        last = str(end.year) if _whole_year(start, end) else day(end)
        return f"{first}{dash}{last}"
    if start:
        return f"from {day(start)}"
    if end:
        return f"to {day(end)}"
    return ""


def _whole_year(start: PartialDate, end: PartialDate) -> bool:
    return start.precision == Precision.YEAR and end.precision == Precision.YEAR


def _search(text: str) -> str:
    words = " ".join(text.split())
    return f"matching “{words}”" if words else ""


# ----------------------------------------------------------------- the headline counts


@dataclass
class SignedDates:
    """The signing dates of a report's agreements, gathered a row at a time in constant room."""

    dated: int = 0
    undated: int = 0
    earliest: PartialDate | None = None
    latest: PartialDate | None = None
    distinct: set[PartialDate] = field(default_factory=set)

    def add(self, on: PartialDate | None) -> None:
        if on is None:
            self.undated += 1
            return
        self.dated += 1
        self.earliest = on if self.earliest is None else min(self.earliest, on)
        self.latest = on if self.latest is None else max(self.latest, on)
        if len(self.distinct) < 2:  # only "all on one day" is ever asked
            self.distinct.add(on)

    def sentence(self) -> str:
        """'Both signed on 6 December 2021', 'Signed between 2019 and 6 March 2024; 3 with no
        signing date recorded'."""
        total = self.dated + self.undated
        if not self.dated:
            return "No signing date is recorded." if total else ""
        if len(self.distinct) == 1 and not self.undated:
            on = self.earliest
            assert on is not None
            when = f"{'on' if on.precision == Precision.DAY else 'in'} {day(on)}"
            if total == 1:
                return f"Signed {when}."
            if total == 2:
                return f"Both signed {when}."
            return f"All {count(total)} signed {when}."
        assert self.earliest is not None and self.latest is not None
        text = (
            f"Signed {'on' if self.earliest.precision == Precision.DAY else 'in'} "
            f"{day(self.earliest)}"
            if self.earliest == self.latest
            else f"Signed between {day(self.earliest)} and {day(self.latest)}"
        )
        if self.undated:
            text += f"; {count(self.undated)} with no signing date recorded"
        return text + "."


def statuses_words(statuses: Sequence[tuple[Status, int]]) -> str:
    """'6 in force, 2 signed': how many agreements stand at each status, most first."""
    ordered = sorted(statuses, key=lambda item: -item[1])
    return ", ".join(f"{count(number)} {status.value}" for status, number in ordered)


def period_words(years: Sequence[tuple[int, int]]) -> str:
    """'2021', '2015–2024', or 'not recorded'."""
    if not years:
        return "not recorded"
    first, last = years[0][0], years[-1][0]
    return str(first) if first == last else f"{first}–{last}"

"""Reading a CSV file of agreements: delimiter, header, and one Record per row.

The first line names the columns, in any order. Parties and fields are listed in one cell,
separated by '; '. Line numbers are physical lines: a quoted cell may span several, and a
record is reported at the line where it starts.
"""

from __future__ import annotations

import csv
import difflib
import io
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from models.agreement_record import CSV_COLUMNS, TERM_COLUMNS
from models.exchange_format import (
    IGNORED,
    REQUIRED,
    ImportFailed,
    Problem,
    Record,
)
from models.messages import IMPORT, QT_TRANSLATE_NOOP, Import, Message, say
from models.safe_output import read_csv_cell, shown
from models.service import AgreementInput, ParticipationInput
from models.vocab import Level

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


# The most characters one cell may hold: far beyond any summary or note (the csv module's
# default, 131,072, is less than some exported summaries), and a bound on what a quote
# that is never closed can make the reader hold before it says so.
CELL_LIMIT = 10_000_000
# Unknown columns named in the message; a header of 100,000 of them is still one line.
NAMED_UNKNOWN = 10
_NAME_WIDTH = 60


def sniff_delimiter(text: str) -> str:
    """',' or ';' (or a tab), whichever the header line uses most: spreadsheets vary by locale."""
    header = _LINE_BREAK.split(text.lstrip(), maxsplit=1)[0]
    counts = {delimiter: header.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def csv_records(source: str | Iterable[str]) -> Iterator[Record]:
    """A Record per non-blank row; ImportFailed at once for a wrong header or bad quoting.

    *source* is the whole text, or its lines (a file opened with newline=""), read as they
    come so that memory does not grow with the file.
    """
    lines = iter(io.StringIO(source, newline="") if isinstance(source, str) else source)
    blank, header_line = _header_line(lines)
    csv.field_size_limit(CELL_LIMIT)
    reader = csv.reader(
        itertools.chain(itertools.repeat("\n", blank), [header_line], lines),
        delimiter=sniff_delimiter(header_line),
        strict=True,
    )
    rows = _numbered_rows(reader)
    header_line_number, header = next(rows)
    columns = _header_columns(header_line_number, header)
    given = frozenset(column for column in columns if column)
    # Where each cell an agreement is read from is in a row (-1: not in this file).
    positions = tuple(columns.index(name) if name in columns else -1 for name in _READ)
    # One input per party name, shared by every row naming it: nothing changes an input
    # once read, and a file of 100,000 rows names the same few hundred parties.
    parties: dict[str, ParticipationInput] = {}
    for line, cells in rows:
        count = len(cells)
        values = [read_csv_cell(cells[at]) if -1 < at < count else "" for at in positions]
        record = _csv_record(line, values, given, parties)
        # Even empty extra cells are refused: they are how a separator inside an unquoted
        # cell shows ("Türkiye; Қазақстан" split in two shifts every cell after it).
        if len(cells) > len(columns):
            record.problem(
                "",
                Import.tr(
                    "%Ln cell(s), but the header names %1 columns "
                    "(is a cell holding the separator not in quotes?)",
                    "",
                    len(cells),
                    len(columns),
                ),
            )
        yield record


def _header_line(lines: Iterator[str]) -> tuple[int, str]:
    """How many blank lines come first, and the first line that is not blank."""
    blank = 0
    for line in lines:
        if line.strip():
            return blank, line
        blank += 1
    return blank, ""


def _numbered_rows(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Non-blank rows with the physical line each starts on (quoted cells may span lines)."""
    previous = 0
    while True:
        start = previous + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            reason: str = str(error)
            if "unexpected end of data" in reason:
                reason = _say(
                    QT_TRANSLATE_NOOP(
                        "Import", 'a quoted cell that starts here is never closed (a missing ")'
                    )
                )
            elif "field larger than field limit" in reason:
                reason = _say(
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "a cell longer than %1 characters, the most one cell may hold "
                        '(or a quoted cell that is never closed: a missing ")',
                    ),
                    f"{CELL_LIMIT:,}",
                )
            badly = _say(QT_TRANSLATE_NOOP("Import", "badly quoted cell: %1"), reason)
            raise ImportFailed([Problem(badly, line=start)]) from None
        previous = reader.line_num
        if "".join(cells).strip():
            yield start, cells


def _column_key(cell: str) -> str:
    return "_".join(cell.strip().casefold().replace("-", " ").split())


def _header_columns(line: int, header: list[str]) -> list[str | None]:
    """The column each header cell names (None: ignored); ImportFailed on a wrong header."""
    known = (*CSV_COLUMNS, "level", *TERM_COLUMNS, *IGNORED)
    keys = [_column_key(cell) for cell in header]
    expected = ",".join(CSV_COLUMNS)
    optional = ", ".join(TERM_COLUMNS)
    if not any(key in known for key in keys):
        raise ImportFailed(
            [
                Problem(
                    _say(
                        QT_TRANSLATE_NOOP(
                            "Import",
                            "this is not a header: the first line must name the columns (%1)",
                        ),
                        expected,
                    ),
                    line,
                )
            ]
        )
    problems = []
    unknown = [cell for cell, key in zip(header, keys, strict=True) if key not in known]
    if unknown:
        # Suggestions for the first few only: difflib for each of 100,000 cells takes minutes.
        named = ", ".join(_with_suggestion(cell, known) for cell in unknown[:NAMED_UNKNOWN])
        if len(unknown) > NAMED_UNKNOWN:
            named = _say(
                QT_TRANSLATE_NOOP("Import", "%1 and %2 more"),
                named,
                f"{len(unknown) - NAMED_UNKNOWN:,}",
            )
        problems.append(
            Problem(
                Import.tr(
                    "unknown column(s) %1 (the columns are %2, level, %3)",
                    "",
                    len(unknown),
                    named,
                    expected,
                    optional,
                ),
                line,
            )
        )
    counts = Counter(key for key in keys if key in known)
    for key, count in counts.items():
        if count > 1:
            appears = Import.tr("column '%1' appears %Ln time(s)", "", count, key)
            problems.append(Problem(appears, line))
    missing = [key for key in REQUIRED if key not in keys]
    if missing:
        named = ", ".join(f"'{key}'" for key in missing)
        no_column = QT_TRANSLATE_NOOP("Import", "no %1 column (every file needs %2)")
        problems.append(Problem(_say(no_column, named, ", ".join(REQUIRED)), line))
    if problems:
        raise ImportFailed(problems)
    return [None if key in IGNORED else key for key in keys]


def _with_suggestion(cell: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(_column_key(cell), known, n=1, cutoff=0.6)
    named = shown(cell if len(cell) <= _NAME_WIDTH else cell[: _NAME_WIDTH - 1] + "…")
    if close:
        return _say(QT_TRANSLATE_NOOP("Import", "'%1' (did you mean '%2'?)"), named, close[0])
    return f"'{named}'"


def _say(template: str, *args: object) -> Message:
    return say(template, *args, context=IMPORT)


def split_list(cell: str) -> list[str]:
    """'Kazakhstan; UZB' -> ['Kazakhstan', 'UZB']; a bare ';' separates too, blanks drop."""
    return [item.strip() for item in cell.split(";") if item.strip()]


# The cells an agreement is read from, in the order _csv_record unpacks their values: listed
# here, not taken from RECORD_KEYS, whose order is list --format json's.
_READ = (
    "title",
    "kind",
    "level",
    "status",
    "signed_on",
    "signed_at",
    "entry_into_force",
    "expires_on",
    "parties",
    "fields",
    "summary",
    "source_url",
    "notes",
    *TERM_COLUMNS,
)


def _csv_record(
    line: int,
    values: list[str],
    given: frozenset[str],
    known: dict[str, ParticipationInput],
) -> Record:
    """The record of one row, from the values of its cells in _READ's order ('' if absent)."""
    (
        title,
        kind,
        level,
        status,
        signed_on,
        signed_at,
        entry_into_force,
        expires_on,
        party_cell,
        field_cell,
        summary,
        source_url,
        notes,
        duration_term,
        renewal_term,
        notice_term,
        entry_into_force_term,
    ) = values
    parties = split_list(party_cell)
    data = AgreementInput(
        title=title,
        kind=kind,
        level=level.strip() or Level.UNKNOWN.value,
        status=status,
        signed_on=signed_on,
        signed_at=signed_at,
        entry_into_force=entry_into_force,
        expires_on=expires_on,
        parties=[
            known.get(name) or known.setdefault(name, ParticipationInput(name)) for name in parties
        ],
        fields=split_list(field_cell),
        summary=summary,
        source_url=source_url,
        notes=notes,
        duration_term=duration_term,
        renewal_term=renewal_term,
        notice_term=notice_term,
        entry_into_force_term=entry_into_force_term,
    )
    return Record(data, line=line, given=given, plain_parties=_first(len(parties)))


@lru_cache(maxsize=256)
def _first(count: int) -> frozenset[int]:
    return frozenset(range(count))

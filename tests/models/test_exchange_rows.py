"""Exports read with Core (models.exchange_rows) write what the ORM-read rows wrote, and an
import's first pass looks each party name up once, however long the file.

On SQLite and PostgreSQL: a CSV export is byte for byte what `list --format csv` writes
for the same agreements, and export → import into an empty database → export gives the
same file again (CSV, and JSON but for the ids each database gives), with Kazakh
Cyrillic, Uzbek Latin and Turkish names, a historic state written by its code, formulas
defused, a lone carriage return, partial dates, terms, acts, milestones and relations.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event, text

from models import agreement_record
from models.database import Database
from models.dates import PartialDate
from models.exchange import export_file, import_file
from models.exchange_rows import JsonRecords
from models.query import AgreementFilter, Sort, agreement_ids, fetch_rows
from models.service import (
    ActionInput,
    AgreementInput,
    MilestoneInput,
    ParticipationInput,
    RelationInput,
    create,
)
from tests.backends import open_test_database


def _agreements() -> list[AgreementInput]:
    return [
        AgreementInput(
            title="Тоқаев мен Mirziyoyev: стратегиялық әріптестік туралы шарт",
            kind="treaty",
            status="in force",
            level="interstate",
            signed_on="2021-12-06",
            signed_at="Nur-Sultan",
            entry_into_force="2022-03",
            duration_term="10 years",
            renewal_term="automatic for 5 years",
            notice_term="6 months",
            summary="=SUM(A1) looks like a formula",
            notes="a lone\rcarriage return",
            source_url="https://akorda.kz/treaty",
            alternative_titles=["Alliance declaration"],
            languages=["kk", "uz"],
            binding=True,
            parties=[
                ParticipationInput(
                    "Қазақстан",
                    role="original signatory",
                    signatory_name="Тоқаев",
                    actions=[
                        ActionInput("ratification", deposited_on="2022-01", effective_on=""),
                    ],
                ),
                ParticipationInput("Oʻzbekiston", role="party"),
            ],
            fields=["Transport > Rail", "Energy", "Ärger > Öl"],
            milestones=[MilestoneInput("review due", "2026", "Oʻzbekiston asks for a review")],
        ),
        AgreementInput(
            title="Türkiye–Oʻzbekiston protocol on customs",
            kind="protocol",
            status="signed",
            signed_on="2019",
            parties=[ParticipationInput("Türkiye"), ParticipationInput("UZB")],
            fields=["Trade and investment"],
            notes="-minus first, and 'quoted",
        ),
        AgreementInput(
            title="Timor memorandum",
            kind="memorandum of understanding",
            status="terminated",
            signed_on="1999-05",
            terminated_on="2002",
            parties=[ParticipationInput("TMP"), ParticipationInput("Timor-Leste")],
            fields=[],
        ),
        AgreementInput(title="Undated declaration", kind="declaration", status="adopted",
                       parties=[ParticipationInput("EU")]),
    ]  # fmt: skip


def _record(database: Database) -> None:
    with database.sessions.begin() as session:
        ids = [create(session, data).id for data in _agreements()]
        second = _agreements()[1]
        second.relations = [RelationInput("protocol to", ids[0])]
        second.title += " (amended)"
        create(session, second)


def test_a_csv_export_is_what_list_writes(database: Database, tmp_path: Path) -> None:
    _record(database)
    path = tmp_path / "export.csv"
    with database.sessions.begin() as session:
        assert export_file(session, path) == 5
        listed = io.StringIO()
        ids = agreement_ids(session, AgreementFilter(), Sort())
        agreement_record.write_csv(
            fetch_rows(session, ids), listed, agreement_record.party_cells(session)
        )
    written = path.read_bytes().decode("utf-8")  # as written: no line ends translated
    assert written == listed.getvalue()
    rows = list(csv.reader(io.StringIO(written, newline="")))
    assert "TMP" in {cell for row in rows for cell in row[7].split("; ")}  # East Timor's code
    assert "'=SUM(A1) looks like a formula" in {row[9] for row in rows}


def test_a_json_export_is_byte_for_byte_what_the_dictionary_writer_wrote(
    database: Database, tmp_path: Path
) -> None:
    """The JSON export, now written as text straight from the rows, is the file the writer
    that built a dictionary per agreement wrote (data/export_before.json, made by it)."""
    _record(database)
    path = tmp_path / "export.json"
    with database.sessions.begin() as session:
        assert export_file(session, path) == 5
    assert path.read_bytes() == (Path(__file__).parent / "data" / "export_before.json").read_bytes()


@contextmanager
def _second(database: Database, folder: Path) -> Iterator[Database]:
    backend = "postgresql" if database.engine.dialect.name == "postgresql" else "sqlite"
    with open_test_database(backend, folder) as other:
        yield other


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_export_import_export_gives_the_same_file(
    database: Database, tmp_path: Path, suffix: str
) -> None:
    _record(database)
    first, again = tmp_path / f"first.{suffix}", tmp_path / f"again.{suffix}"
    with database.sessions.begin() as session:
        export_file(session, first)
    with _second(database, tmp_path / "second") as other:
        with other.sessions.begin() as session:
            result = import_file(session, first, new_parties=True)
        assert result.added == 5
        with other.sessions.begin() as session:
            export_file(session, again)

    def without_ids(path: Path) -> str:
        return re.sub(r'"id": \d+', '"id": _', path.read_bytes().decode("utf-8"))

    assert without_ids(again) == without_ids(first)
    if suffix == "json":
        text = first.read_text("utf-8")
        for expected in ('"signatory_name": "Тоқаев"', '"code": "TMP"', '"type": "protocol to"'):
            assert expected in text


def _csv_file(path: Path, rows: int) -> Path:
    parties = ["Қазақстан", "Oʻzbekiston", "Türkiye", "Regional Commission No. 7", "EU"]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["title", "kind", "status", "signed_on", "parties"])
        for number in range(rows):
            named = "; ".join(parties[number % 5 : number % 5 + 2] or parties[:2])
            writer.writerow([f"Agreement No. {number}", "treaty", "signed", "2021", named])
    return path


def _party_lookups(database: Database, path: Path) -> int:
    """How many statements looking a party up by spelling an import of *path* runs."""
    seen: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        if "JOIN party_aliases" in statement:  # models.parties.find_party
            seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    session = database.sessions()
    try:
        assert import_file(session, path, new_parties=True).added > 0
    finally:
        session.rollback()  # the next file is imported into the same empty database
        session.close()
        event.remove(database.engine, "before_cursor_execute", count)
    return len(seen)


def test_a_longer_file_looks_its_party_names_up_no_more_often(
    database: Database, tmp_path: Path
) -> None:
    # Pass one reads rows 500 at a time: one batch and then four.
    short = _party_lookups(database, _csv_file(tmp_path / "short.csv", 400))
    long = _party_lookups(database, _csv_file(tmp_path / "long.csv", 1800))
    assert long == short


def _stored(database: Database, statement: str) -> None:
    """Change stored text behind the app's back, as an older version or another tool might."""
    with database.sessions.begin() as session:
        session.execute(text(statement))


def test_dates_stored_in_other_forms_export_as_the_app_writes_them(
    database: Database, tmp_path: Path
) -> None:
    """Dates already written the app's way are exported as stored, without reading each
    one; any other stored form is still read, and written the app's way."""
    _record(database)
    _stored(
        database,
        "UPDATE agreements SET signed_on = '２０２１-12-06' WHERE signed_on = '2021-12-06'",
    )
    _stored(
        database,
        "UPDATE agreements SET entry_into_force = ' 2022-03' WHERE entry_into_force = '2022-03'",
    )
    _stored(database, "UPDATE milestones SET \"on\" = '٢٠٢٦'")
    with database.sessions.begin() as session:
        export_file(session, tmp_path / "export.csv")
        export_file(session, tmp_path / "export.json")
    rows = list(csv.reader(io.StringIO(tmp_path.joinpath("export.csv").read_text("utf-8"))))
    first = next(row for row in rows if row[0].startswith("Тоқаев"))
    assert (first[3], first[5]) == ("2021-12-06", "2022-03")
    written = tmp_path.joinpath("export.json").read_text("utf-8")
    assert '"signed_on": "2021-12-06"' in written
    assert '"entry_into_force": "2022-03"' in written
    assert '"on": "2026"' in written
    assert "２" not in written and "٢" not in written and '" 2022' not in written


@pytest.mark.parametrize("stored", ["2021-02-29", "2021-13", "0000", "2021-1-05"])
def test_an_impossible_stored_date_stops_the_export_naming_it(
    database: Database, tmp_path: Path, stored: str
) -> None:
    _record(database)
    _stored(database, f"UPDATE agreements SET signed_on = '{stored}' WHERE signed_on = '2019'")
    for suffix in ("csv", "json"):
        with database.sessions.begin() as session, pytest.raises(ValueError, match=stored):
            export_file(session, tmp_path / f"export.{suffix}")
        assert not (tmp_path / f"export.{suffix}").exists()


_DATE_LIKE = st.text(alphabet="0123456789-２٠ ", max_size=12) | st.from_regex(
    r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True
)


@given(stored=_DATE_LIKE)
def test_a_stored_date_is_exported_as_partial_date_writes_it(stored: str) -> None:
    """Whatever the stored text, the export writes what PartialDate writes, or fails as it does."""
    try:
        expected: str | None = PartialDate.parse(stored).iso()
    except ValueError:
        expected = None
    dates = JsonRecords.__new__(JsonRecords)  # its dates alone: no session needed
    dates.dates = {}
    try:
        written: str | None = dates.optional_date(stored)
    except ValueError:
        written = None
    assert written == expected

"""CSV "for Excel": a byte-order mark and Windows line ends, read back by import unchanged."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from models.database import Database
from models.exchange import export_file, import_file
from models.query import AgreementFilter, agreement_ids, fetch_rows
from models.service import delete
from tests.builders import agreement, save

EVERYTHING = AgreementFilter()


def build(database: Database) -> None:
    save(
        database,
        agreement(
            "Тоқаев–Mirziyoyev declaration",
            ("Kazakhstan", "Oʻzbekiston"),
            signed_on="2021-12-06",
            summary="first line\nsecond, line",
        ),
    )
    save(database, agreement("Türkiye memorandum", ("Türkiye",), signed_on="2020"))


def test_a_csv_for_excel_starts_with_a_bom_and_ends_lines_with_crlf(
    database: Database, tmp_path: Path
) -> None:
    build(database)
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    with database.sessions.begin() as session:
        assert export_file(session, plain) == 2
        assert export_file(session, excel, excel=True) == 2
    data = excel.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert not plain.read_bytes().startswith(codecs.BOM_UTF8)
    rows = data[len(codecs.BOM_UTF8) :].split(b"\r\n")
    assert rows[0].startswith(b"title,kind,") and rows[-1] == b""
    assert "Тоқаев–Mirziyoyev".encode() in data
    # The line break inside a cell stays as it was: only rows end in CRLF.
    assert b"first line\nsecond, line" in data
    assert data.count(b"\r\n") == 3 and plain.read_bytes().count(b"\r") == 0


def test_a_csv_for_excel_imports_back_the_same(database: Database, tmp_path: Path) -> None:
    build(database)
    target = tmp_path / "excel.csv"
    with database.sessions.begin() as session:
        export_file(session, target, excel=True)
        before = [row.title for row in fetch_rows(session, agreement_ids(session, EVERYTHING))]
        delete(session, agreement_ids(session, EVERYTHING))
    with database.sessions.begin() as session:
        assert import_file(session, target).added == 2
        after = fetch_rows(session, agreement_ids(session, EVERYTHING))
    assert sorted(row.title for row in after) == sorted(before)
    assert {row.summary for row in after} >= {"first line\nsecond, line"}


def test_for_excel_is_refused_for_json(database: Database, tmp_path: Path) -> None:
    with database.sessions.begin() as session, pytest.raises(ValueError, match="is JSON"):
        export_file(session, tmp_path / "out.json", excel=True)
    assert not (tmp_path / "out.json").exists()

"""`export` and `import` on the command line: round trips, all-or-nothing, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from main import main
from tests.cli import listed


def test_export_then_import_into_an_empty_database(
    sample_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "all.json"
    assert main(["export", str(out), "--db", str(sample_db)]) == 0
    assert capsys.readouterr().out == f"Exported 8 agreements to {out}\n"
    records = json.loads(out.read_text(encoding="utf-8"))
    assert len(records) == 8
    empty = tmp_path / "copy.db"
    assert main(["import", str(out), "--db", str(empty)]) == 0
    assert "Added 8 agreements" in capsys.readouterr().out
    before = {r["title"]: r for r in listed(capsys, sample_db)}
    after = {r["title"]: r for r in listed(capsys, empty)}
    assert before.keys() == after.keys()
    for title, record in before.items():
        assert {k: v for k, v in record.items() if k != "id"} == {
            k: v for k, v in after[title].items() if k != "id"
        }
    assert main(["import", str(out), "--db", str(empty)]) == 0
    assert "Skipped 8 duplicates" in capsys.readouterr().out


def test_export_with_filters_to_csv(
    sample_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "transport.csv"
    assert main(["export", str(out), "--field", "Transport", "--db", str(sample_db)]) == 0
    capsys.readouterr()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("title,kind,status,signed_on")
    assert len(lines) == 3


def test_list_csv_is_what_export_writes(
    sample_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """One definition of a row: the same header and lines, party codes, terms and formulas."""
    source = tmp_path / "more.json"
    more = [
        {
            "title": "=Timor Gap Treaty",  # a formula to a spreadsheet: written with a "'"
            "kind": "treaty",
            "status": "in force",
            "signed_on": "1989-12",
            # East Timor (TMP) is written as its code: the name now means Timor-Leste.
            "parties": [{"name": "East Timor", "code": "TMP"}, {"name": "Türkiye"}],
            "duration_term": "5 years",
            "summary": "Тоқаев, Oʻzbekiston; Türkiye",
        }
    ]
    source.write_text(json.dumps(more, ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(source), "--db", str(sample_db)]) == 0
    out = tmp_path / "all.csv"
    assert main(["export", str(out), "--db", str(sample_db), "--sort", "title"]) == 0
    capsys.readouterr()
    assert main(["list", "--db", str(sample_db), "--format", "csv", "--sort", "title"]) == 0
    printed = capsys.readouterr().out
    assert printed == out.read_text(encoding="utf-8")
    assert len(printed.splitlines()) == 10  # the header and nine agreements
    assert "\n'=Timor Gap Treaty,treaty,in force,1989-12,,,,TMP; Türkiye," in printed
    assert ",5 years,,," in printed


def test_a_bad_import_lists_every_problem_and_changes_nothing(
    sample_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "title,kind,status,signed_on,parties\n"
        "Good one,treaty,signed,2020,France\n"
        ",treaty,signed,2020,France\n"
        "Third,treaty,ratifed,2021-13-45,France\n",
        encoding="utf-8",
    )
    assert main(["import", str(bad), "--db", str(sample_db)]) == 2
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert any("line 3" in line and "title" in line for line in err)
    assert any(
        "line 4, status: 'ratifed' is not a status (did you mean 'ratified'?)" in line
        for line in err
    )
    assert any("line 4, signed_on: '2021-13-45' is not a date" in line for line in err)
    assert err[-1] == "treaty-tracker: nothing was imported"
    assert len(listed(capsys, sample_db)) == 8


def test_a_misspelt_party_is_refused_unless_new_parties_are_confirmed(
    sample_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    file = tmp_path / "typo.csv"
    file.write_text(
        "title,kind,status,parties\n"
        "Water agreement,agreement,signed,Kazakhstan; Uzbekistn\n"
        "Gas agreement,agreement,signed,Almanya; Özbekistan; EU\n",
        encoding="utf-8",
    )
    assert main(["import", str(file), "--dry-run", "--db", str(sample_db)]) == 2
    assert (
        "'Uzbekistn' would be a new party (did you mean 'Uzbekistan'?)" in capsys.readouterr().err
    )
    assert main(["import", str(file), "--db", str(sample_db)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"treaty-tracker: {file}: line 2, parties: 'Uzbekistn' would be a new party "
        "(did you mean 'Uzbekistan'?)",
        "treaty-tracker: if they are new parties, not misspellings, import with --new-parties",
        "treaty-tracker: nothing was imported",
    ]
    assert len(listed(capsys, sample_db)) == 8
    assert main(["import", str(file), "--new-parties", "--db", str(sample_db)]) == 0
    out = capsys.readouterr().out
    assert "Added 2 agreements" in out
    # 'Almanya' is Germany and 'Özbekistan' the recorded Uzbekistan; 'EU' the European Union.
    assert "New parties (3): European Union, Germany, Uzbekistn" in out
    assert [r["title"] for r in listed(capsys, sample_db, "--party", "EU")] == ["Gas agreement"]
    uzbek = {r["title"] for r in listed(capsys, sample_db, "--party", "Oʻzbekiston")}
    assert "Gas agreement" in uzbek and "Water agreement" not in uzbek


def test_one_party_in_two_languages_is_listed_twice(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "twice.csv"
    file.write_text(
        "title,kind,status,parties\nA,treaty,signed,Германия; Germany\n"
        "B,treaty,signed,Union européenne; EU\n",
        encoding="utf-8",
    )
    assert main(["import", str(file), "--db", str(sample_db)]) == 2
    err = capsys.readouterr().err
    assert "line 2, parties: 'Germany' is listed twice (also party 1)" in err
    assert "line 3, parties: 'EU' is listed twice (also party 1)" in err


def test_export_refuses_an_unknown_suffix(
    sample_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["export", str(tmp_path / "out.xlsx"), "--db", str(sample_db)]) == 2
    assert "name it .csv or .json" in capsys.readouterr().err
    assert not (tmp_path / "out.xlsx").exists()


def test_report_of_a_filter_and_a_fact_sheet(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "transport.pdf"
    args = ["report", str(out), "--field", "Transport", "--party", "KAZ", "--db", str(sample_db)]
    assert main([*args, "--title", "Transport between Kazakhstan and Uzbekistan"]) == 0
    assert "2 agreements" in capsys.readouterr().out
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Turkistan–Tashkent" in text and "Kyzylorda–Uchquduq" in text
    assert "Agreements in Transport involving Kazakhstan" in " ".join(text.split())
    sheet = tmp_path / "declaration.pdf"
    assert main(["report", str(sheet), "--id", "1", "--db", str(sample_db)]) == 0
    capsys.readouterr()
    sheet_text = " ".join(page.extract_text() for page in PdfReader(sheet).pages)
    assert "Тоқаев" in sheet_text


def test_report_with_no_match_is_still_a_pdf_and_bad_ids_are_refused(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "none.pdf"
    assert main(["report", str(out), "--search", "zzzz", "--db", str(sample_db)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert main(["report", str(tmp_path / "x.pdf"), "--id", "99", "--db", str(sample_db)]) == 2
    assert "agreement 99 does not exist" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


POSSIBLE_DUPLICATES_CSV = (
    "title,kind,status,signed_on,parties\n"
    "Cooperation in electricity between Kazakhstan and Uzbekistan,agreement,signed,"
    "2021-12-06,KAZ; Oʻzbekiston\n"
    "Cooperation in electricity,agreement,signed,2021-12-07,KAZ; UZB\n"
    "Cooperation in the field of water (Kazakhstan–Uzbekistan),agreement,signed,"
    "2021-12-06,Қазақстан; UZB\n"
)


def test_import_skips_and_lists_possible_duplicates_unless_kept(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "near.csv"
    source.write_text(POSSIBLE_DUPLICATES_CSV, encoding="utf-8")
    electricity = next(
        row["id"] for row in listed(capsys, sample_db) if "electricity" in row["title"]
    )
    expected = (
        f"Possible duplicates (1): line 2 ~ {electricity} "
        "'Cooperation in the field of electricity (Kazakhstan–Uzbekistan)'"
    )
    assert main(["import", str(source), "--db", str(sample_db), "--dry-run"]) == 0
    assert f"{expected} (would skip; --keep-duplicates imports them)" in capsys.readouterr().out
    assert main(["import", str(source), "--db", str(sample_db)]) == 0
    out = capsys.readouterr().out
    assert "Added 2 agreements" in out
    assert "Skipped 1 duplicate" in out
    assert f"{expected} (skipped; --keep-duplicates imports them)" in out
    assert len(listed(capsys, sample_db)) == 10
    again = tmp_path / "again.csv"
    again.write_text(
        POSSIBLE_DUPLICATES_CSV.splitlines(keepends=True)[0]
        + POSSIBLE_DUPLICATES_CSV.splitlines(keepends=True)[1],
        encoding="utf-8",
    )
    assert main(["import", str(again), "--db", str(sample_db), "--keep-duplicates"]) == 0
    out = capsys.readouterr().out
    assert "Added 1 agreement" in out and "Possible duplicates" not in out
    assert len(listed(capsys, sample_db)) == 11


def test_a_fact_sheet_of_a_merged_id_is_the_kept_agreement(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from models.database import open_database
    from models.merge import merge_agreements

    database = open_database(sample_db)
    try:
        with database.sessions.begin() as session:
            merge_agreements(session, 2, 3, {})
    finally:
        database.close()
    out = tmp_path / "sheet.pdf"
    assert main(["report", str(out), "--id", "3", "--db", str(sample_db)]) == 0
    captured = capsys.readouterr()
    assert "agreement 3 was merged into 2" in captured.err
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "emergency" in text


def test_a_header_of_100000_unknown_columns_exits_2_at_once(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wide = tmp_path / "wide.csv"
    unknown = ",".join(f"column{number}" for number in range(100_000))
    wide.write_text(f"title,kind,status,parties,{unknown}\nA,treaty,signed,KAZ\n", encoding="utf-8")
    assert main(["import", str(wide), "--db", str(sample_db)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and len(lines[0]) < 1_000  # not 100,000 names
    assert "unknown columns 'column0'" in lines[0] and "and 99,990 more" in lines[0]
    assert lines[1] == "treaty-tracker: nothing was imported"


def test_formulas_in_list_csv_are_text_and_import_back(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        "title,kind,status,parties,summary\n"
        "'=HYPERLINK(\"http://evil.example\") Тоқаев,treaty,signed,Türkiye,'@Oʻzbekiston\n",
        encoding="utf-8",
    )
    assert main(["import", str(source), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["list", "--db", str(db_path), "--format", "csv"]) == 0
    printed = capsys.readouterr().out
    assert "\n\"'=HYPERLINK" in printed and ",'@Oʻzbekiston" in printed
    copy = tmp_path / "listed.csv"
    copy.write_text(printed, encoding="utf-8")
    other = tmp_path / "other.db"
    assert main(["import", str(copy), "--db", str(other)]) == 0
    capsys.readouterr()
    (record,) = listed(capsys, other)
    assert record["title"] == '=HYPERLINK("http://evil.example") Тоқаев'
    assert record["summary"] == "@Oʻzbekiston"


def test_list_prints_control_characters_escaped(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.json"
    title = "Тоқаев \x1b]0;owned\x07 Türkiye \x9b2J"
    source.write_text(
        json.dumps([{"title": title, "kind": "treaty", "status": "signed", "parties": ["KAZ"]}]),
        encoding="utf-8",
    )
    assert main(["import", str(source), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["list", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    assert "Тоқаев \\x1b]0;owned\\x07 Türkiye \\x9b2J" in out
    (record,) = listed(capsys, db_path)
    assert record["title"] == title

"""`extract`: drafts from an article on the command line, printed or saved all at once."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from main import main
from tests.cli import listed, run

ARTICLES = Path(__file__).parent / "extract_articles"
SEED = ARTICLES / "01-aa-kazakhstan-uzbekistan-alliance.txt"
SAMPLE_FIELDS = [
    "Foreign policy",
    "Emergency management",
    "Outer space",
    "Energy > Electricity",
    "Trade and investment",
    "Industry",
    "Transport > Rail",
    "Transport > Roads",
]


def extract_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> list[dict]:
    assert main(["extract", "--db", str(db), "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_seed_gives_eight_drafts_with_the_keys_of_list_and_evidence(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    drafts = extract_json(capsys, db_path, str(SEED), "--published", "2021-12-06")
    assert len(drafts) == 8
    assert {tuple(d["parties"]) for d in drafts} == {("Kazakhstan", "Uzbekistan")}
    assert {(d["signed_on"], d["signed_at"]) for d in drafts} == {("2021-12-06", "Nur-Sultan")}
    assert [f for d in drafts for f in d["fields"]] == SAMPLE_FIELDS
    assert drafts[0]["evidence"]["signed_on"].startswith("ANKARA (AA) – Kazakhstan and Uzbekistan")
    assert "Nur Sultan" in drafts[0]["evidence"]["signed_at"]
    assert drafts[0]["id"] is None
    assert listed(capsys, db_path) == []  # printing drafts records nothing


def test_json_keys_are_those_of_list_then_signatories_and_evidence(
    capsys: pytest.CaptureFixture[str], sample_db: Path
) -> None:
    (recorded, *_) = listed(capsys, sample_db)
    (draft, *_) = extract_json(capsys, sample_db, str(SEED), "--published", "2021-12-06")
    assert list(draft) == [*(key for key in recorded if key != "counts"), "signatories", "evidence"]


def test_save_records_all_and_prints_the_ids(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    args = ["extract", "--db", str(db_path), str(SEED), "--published", "2021-12-06", "--save"]
    assert main(args) == 0
    assert capsys.readouterr().out == "Saved 8 agreements: 1, 2, 3, 4, 5, 6, 7, 8\n"
    records = listed(capsys, db_path)
    assert sorted(r["id"] for r in records) == list(range(1, 9))
    assert {r["signed_at"] for r in records} == {"Nur-Sultan"}


def test_saving_again_is_refused_as_duplicates_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    args = ["extract", "--db", str(db_path), str(SEED), "--published", "2021-12-06", "--save"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("treaty-tracker: draft 1 looks like recorded agreement 1")
    assert err[-1] == (
        "treaty-tracker: nothing saved: 8 problems (--keep-duplicates records them anyway)"
    )
    assert len(listed(capsys, db_path)) == 8
    assert main([*args, "--keep-duplicates"]) == 0
    assert capsys.readouterr().out == "Saved 8 agreements: 9, 10, 11, 12, 13, 14, 15, 16\n"
    assert len(listed(capsys, db_path)) == 16


def test_the_table_shows_recorded_look_alikes_and_notes(
    capsys: pytest.CaptureFixture[str], sample_db: Path
) -> None:
    assert main(["extract", "--db", str(sample_db), str(SEED), "--published", "2021-12-06"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == [
        "#", "Title", "Kind", "Status", "Signed", "At", "Parties", "Fields"
    ]  # fmt: skip
    assert "Looks like recorded agreement 4 'Cooperation in the field of electricity" in out
    assert "The article says 'Monday'; read against its publication date 2021-12-06." in out


def test_without_a_publication_date_the_signing_date_stays_empty_and_says_why(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    drafts = extract_json(capsys, db_path, str(SEED))
    assert {d["signed_on"] for d in drafts} == {None}
    assert "gives no publication date" in drafts[0]["notes"]


def test_an_article_with_no_signing_or_an_empty_file_gives_no_drafts_and_status_0(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for article in (ARTICLES / "06-no-signing-talks.txt", empty):
        assert main(["extract", "--db", str(db_path), str(article), "--save"]) == 0
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "No drafts: the article reports no document signed" in captured.err
    assert listed(capsys, db_path) == []


def test_unreadable_input_is_refused_with_status_2(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert main(["extract", "--db", str(db_path), str(binary), "--save"]) == 2
    assert "photo.jpg is a binary file, not an article" in capsys.readouterr().err
    assert main(["extract", "--db", str(db_path), str(tmp_path / "missing.txt")]) == 2
    assert "can't read" in capsys.readouterr().err
    assert main(["extract", "--db", str(db_path), str(SEED), "--published", "6/12/21"]) == 2
    assert "'6/12/21' is not a date (use YYYY-MM-DD)" in capsys.readouterr().err


def test_standard_input_and_html(
    capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (ARTICLES / "13-html-mfa-turkmenistan.html").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(page)))
    drafts = extract_json(capsys, db_path, "-")
    assert [(d["kind"], d["signed_on"], d["signed_at"]) for d in drafts] == [
        ("memorandum of understanding", "2023-02-18", "Kabul"),
        ("agreement", "2023-02-18", "Kabul"),
    ]


def test_the_script_itself_in_every_script(tmp_path: Path) -> None:
    article = tmp_path / "статья.txt"
    article.write_text(
        "Астана, 3 сентября 2023 года\n\nВчера в Астане Президент Казахстана Қасым-Жомарт Тоқаев "
        "и глава МИД "
        "Oʻzbekiston подписали соглашение о туризме. Türkiye не участвовала.\n",
        encoding="utf-8",
    )
    result = run("--db", str(tmp_path / "t.db"), "extract", str(article), "--format", "json")
    assert result.returncode == 0, result.stderr
    (draft,) = json.loads(result.stdout)
    assert (draft["parties"], draft["signed_on"], draft["signed_at"]) == (
        ["Kazakhstan", "Uzbekistan"],
        "2023-09-02",
        "Astana",
    )
    assert draft["title"] == "Соглашение о туризме (Kazakhstan–Uzbekistan)"

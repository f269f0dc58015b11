"""The attachment commands, and export/import with attachments, on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from main import main
from tests.attachment_files import docx_file, pdf_file, scanned_pdf
from tests.cli import failure, listed


def test_attach_list_search_save_replace_remove(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(sample_db)]
    text = pdf_file(tmp_path / "signed.pdf", "Turkistan hydropower cascade, Тоқаев")
    scan = scanned_pdf(tmp_path / "scan.pdf")
    assert main(["attach", "1", str(text), str(scan), "--label", "signed text", *db]) == 0
    out = capsys.readouterr().out
    assert "Attached 'signed.pdf' to agreement 1 as attachment 1" in out
    assert "Attached 'scan.pdf' to agreement 1 as attachment 2" in out
    assert "  note: a scanned PDF: it has no text layer to search" in out
    assert [r["id"] for r in listed(capsys, sample_db, "--search", "hydropower cascade")] == [1]

    assert main(["attachments", "1", *db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. signed text\n   v1  signed.pdf  ")
    assert "text searched" in out and "scanned PDF: no text layer to search" in out

    newer = docx_file(tmp_path / "signed-v2.docx", "Amended text about railways")
    assert main(["attachment", "replace", "1", str(newer), *db]) == 0
    assert "Attachment 1 is now version 2" in capsys.readouterr().out
    assert [r["id"] for r in listed(capsys, sample_db, "--search", "railways amended")] == [1]
    assert listed(capsys, sample_db, "--search", "hydropower cascade") == []

    copy = tmp_path / "copy.pdf"
    assert main(["attachment", "save", "1", str(copy), "--version", "1", *db]) == 0
    assert copy.read_bytes() == text.read_bytes()
    capsys.readouterr()

    assert main(["attachment", "remove", "1", *db]) == 0
    assert "Removed attachment 1 (signed text: 'signed-v2.docx')" in capsys.readouterr().out
    assert listed(capsys, sample_db, "--search", "railways amended") == []
    assert main(["attachments", "1", "--removed", *db]) == 0
    assert capsys.readouterr().out.startswith("1. signed text\n")


def test_bad_attachments_are_refused_in_one_line_and_nothing_is_attached(
    sample_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = ["--db", str(sample_db)]
    good = tmp_path / "good.txt"
    good.write_text("fine")
    missing = str(tmp_path / "missing.pdf")
    message = failure(capsys, "attach", "1", str(good), missing, *db)
    assert message == "treaty-tracker: 'missing.pdf' is not a file; nothing was attached"
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF" + b"0" * 1_500_000)
    monkeypatch.setenv("TREATY_TRACKER_ATTACHMENT_LIMIT_MB", "1")
    assert "is 1.5 MB, over the limit of 1.0 MB" in failure(capsys, "attach", "1", str(big), *db)
    assert "agreement 99 does not exist" in failure(capsys, "attach", "99", str(good), *db)
    assert failure(capsys, "attachment", "remove", "7", *db) == (
        "treaty-tracker: attachment 7 does not exist"
    )
    assert main(["attachments", "1", *db]) == 0
    assert capsys.readouterr().out == "No attachments\n"


def test_export_with_attachments_and_import_them_back(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = pdf_file(tmp_path / "signed.pdf", "Oʻzbekiston hydropower cascade")
    assert main(["attach", "2", str(text), "--db", str(sample_db)]) == 0
    out = tmp_path / "export" / "all.json"
    out.parent.mkdir()
    files = out.parent / "files"
    assert main(["export", str(out), "--with-attachments", str(files), "--db", str(sample_db)]) == 0
    assert (files / "2" / "1-v1-signed.pdf").read_bytes() == text.read_bytes()
    capsys.readouterr()
    empty = tmp_path / "copy.db"
    assert main(["import", str(out), "--db", str(empty)]) == 0
    assert "Attached 1 file" in capsys.readouterr().out
    (found,) = listed(capsys, empty, "--search", "ozbekiston cascade")
    assert found["title"] == listed(capsys, sample_db, "--id", "2")[0]["title"]
    csv = failure(
        capsys,
        "export",
        str(tmp_path / "a.csv"),
        "--with-attachments",
        str(files),
        "--db",
        str(empty),
    )
    assert "--with-attachments needs a .json file" in csv


def test_import_dry_run_names_a_missing_attachment_file_and_its_record(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = pdf_file(tmp_path / "Тоқаев.pdf", "Oʻzbekiston hydropower cascade")
    assert main(["attach", "2", str(text), "--db", str(sample_db)]) == 0
    out = tmp_path / "export" / "all.json"
    out.parent.mkdir()
    files = out.parent / "files"
    assert main(["export", str(out), "--with-attachments", str(files), "--db", str(sample_db)]) == 0
    (files / "2" / "1-v1-Тоқаев.pdf").unlink()
    capsys.readouterr()
    empty = tmp_path / "copy.db"
    assert main(["import", str(out), "--dry-run", "--db", str(empty)]) == 2
    errors = capsys.readouterr().err.splitlines()
    title = listed(capsys, sample_db, "--id", "2")[0]["title"]
    assert errors == [
        f"treaty-tracker: {out}: index 1, attachments[0].versions[0]: the file "
        f"files/2/1-v1-Тоқаев.pdf is missing (the attachments of '{title}')",
        "treaty-tracker: nothing was imported",
    ]

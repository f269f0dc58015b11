"""JSON export with attachments, and import reading them back: bytes, versions, text, search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from models import history
from models.attachment_exchange import import_attachments, import_with_attachments
from models.attachments import attach_file, list_attachments, read_chunks, replace_file
from models.database import Database
from models.exchange import import_file
from models.exchange_format import ImportFailed
from models.exchange_write import export_file
from models.query import AgreementFilter, agreement_ids
from tests.attachment_files import docx_file, pdf_file
from tests.backends import open_test_database
from tests.builders import agreement, save


def exported(database: Database, tmp_path: Path) -> tuple[int, Path]:
    """A treaty with a two-version PDF and a DOCX, exported with its attachments."""
    treaty = save(database, agreement("Treaty on Allied Relations", ("Kazakhstan", "Uzbekistan")))
    draft = pdf_file(tmp_path / "draft.pdf", "A draft of the treaty")
    final = pdf_file(tmp_path / "final.pdf", "Тоқаев signed the Oʻzbekiston treaty")
    note = docx_file(tmp_path / "note: analysis?.docx", "Türkiye observes the hydropower plan")
    with database.sessions.begin() as session:
        first = attach_file(session, treaty, draft, label="signed text", language="Kazakh")
        replace_file(session, first.attachment_id, final)
        attach_file(session, treaty, note, label="analysis")
    target = tmp_path / "out" / "treaties.json"
    target.parent.mkdir()
    with database.sessions.begin() as session:
        export_file(session, target, attachments=target.parent / "files")
    return treaty, target


def test_export_writes_the_files_and_import_reads_them_back(
    database: Database, tmp_path: Path
) -> None:
    treaty, target = exported(database, tmp_path)
    (record,) = json.loads(target.read_text(encoding="utf-8"))
    signed, analysis = record["attachments"]
    assert [v["file"] for v in signed["versions"]] == [
        f"files/{treaty}/1-v1-draft.pdf",
        f"files/{treaty}/1-v2-final.pdf",
    ]
    assert analysis["versions"][0]["file"] == f"files/{treaty}/2-v1-note_ analysis_.docx"
    assert analysis["versions"][0]["filename"] == "note: analysis?.docx"
    with open_test_database("sqlite", tmp_path / "other") as other:
        with other.sessions.begin() as session:
            result = import_file(session, target)
            read = import_attachments(session, target)
        assert (result.added, read.attached) == (1, 3)
        with other.sessions.begin() as session:
            (new_id,) = agreement_ids(session, AgreementFilter(text="токаев"))
            listed = list_attachments(session, new_id)
            assert [(a.label, a.language, len(a.versions)) for a in listed] == [
                ("signed text", "Kazakh", 2),
                ("analysis", None, 1),
            ]
            assert listed[0].versions[0].added_by == "tester"
            data = b"".join(read_chunks(session, listed[0].current.id))
            assert data == (tmp_path / "final.pdf").read_bytes()
            assert agreement_ids(session, AgreementFilter(text="turkiye hydropower")) == [new_id]
        with other.sessions.begin() as session:  # the same file again: nothing doubled
            again = import_attachments(session, target)
        assert (again.attached, again.present) == (0, 2)


def test_a_missing_or_changed_file_fails_the_import_and_nothing_is_recorded(
    database: Database, tmp_path: Path
) -> None:
    treaty, target = exported(database, tmp_path)
    (target.parent / "files" / str(treaty) / "1-v1-draft.pdf").unlink()
    (target.parent / "files" / str(treaty) / "2-v1-note_ analysis_.docx").write_bytes(b"other")
    with open_test_database("sqlite", tmp_path / "other") as other:
        with pytest.raises(ImportFailed) as failure, other.sessions.begin() as session:
            import_file(session, target)
            import_attachments(session, target)
        reasons = [str(problem) for problem in failure.value.problems]
        assert any("1-v1-draft.pdf is missing" in reason for reason in reasons)
        assert any("its checksum differs" in reason for reason in reasons)
        with other.sessions.begin() as session:
            assert agreement_ids(session, AgreementFilter()) == []


def test_an_import_and_the_files_it_attaches_are_one_undo_step(
    database: Database, tmp_path: Path
) -> None:
    _treaty, target = exported(database, tmp_path)
    with open_test_database("sqlite", tmp_path / "other") as other:
        save(other, agreement("Treaty on Allied Relations", ("Kazakhstan", "Uzbekistan")))
        with other.sessions.begin() as session:  # the agreement is there: only files come
            result, files = import_with_attachments(session, target)
        assert (result.added, result.skipped, files.attached) == (0, 1, 3)
        (recorded,) = result.changes.changed
        with other.sessions.begin() as session:
            assert history.next_undo(session).label == "import of treaties.json"
            history.undo(session)
        with other.sessions.begin() as session:
            assert list_attachments(session, recorded) == []
            assert agreement_ids(session, AgreementFilter(text="turkiye hydropower")) == []
            history.redo(session)
        with other.sessions.begin() as session:
            assert [a.label for a in list_attachments(session, recorded)] == [
                "signed text",
                "analysis",
            ]
            history.undo(session)
        save(other, agreement("Treaty on Türkiye rail", ("Türkiye",)))  # no redo from here
        with other.engine.connect() as connection:  # the files' bytes are gone with it
            for table in ("attachments", "attachment_versions", "attachment_chunks"):
                assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0

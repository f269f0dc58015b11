"""Attachments: attach, version, remove, search their text, read them back, refuse bad files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from models import history, trash
from models.attachment_hits import search_hits
from models.attachment_text import TextStatus, extract_text
from models.attachments import (
    AttachmentError,
    attach_file,
    list_attachments,
    purge_attachments,
    read_chunks,
    remove_attachment,
    replace_file,
    restore_attachment,
    save_copy,
    version_of,
)
from models.audit import audit_trail
from models.database import Database
from models.query import AgreementFilter, agreement_ids
from models.service import NotFoundError
from tests.attachment_files import docx_file, encrypted_pdf, odt_file, pdf_file, scanned_pdf
from tests.builders import agreement, save

ARTICLE = (
    "Тоқаев and Mirziyoyev agreed that Oʻzbekiston and Kazakhstan shall build the "
    "Turkistan hydropower cascade together, with Türkiye as an observer."
)


def search(database: Database, words: str) -> list[int]:
    with database.sessions.begin() as session:
        return agreement_ids(session, AgreementFilter(text=words))


def attach(database: Database, agreement_id: int, path: Path, **options: object):  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        return attach_file(session, agreement_id, path, **options)  # type: ignore[arg-type]


@pytest.fixture
def treaty(database: Database) -> int:
    return save(database, agreement("Treaty on Allied Relations", ("Kazakhstan", "Uzbekistan")))


def test_attach_records_label_language_size_checksum(
    database: Database, treaty: int, tmp_path: Path
) -> None:
    path = tmp_path / "signed.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    attached = attach(database, treaty, path, label="signed text", language="Kazakh")
    assert attached.changes.changed == {treaty}
    with database.sessions.begin() as session:
        (listed,) = list_attachments(session, treaty)
    assert (listed.label, listed.language) == ("signed text", "Kazakh")
    assert listed.current.filename == "signed.txt"
    assert listed.current.size == path.stat().st_size
    assert listed.current.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert listed.current.text_status is TextStatus.TEXT
    assert listed.current.added_by == "tester"


@pytest.mark.parametrize("kind", ["pdf", "docx", "odt", "txt", "html"])
def test_the_text_of_an_attachment_is_searched_with_folding(
    database: Database, treaty: int, tmp_path: Path, kind: str
) -> None:
    """'токаев', 'ozbekiston', 'turkiye' find the words of the file as they find a title's."""
    other = save(database, agreement("Agreement on Rail Transport"))
    path = tmp_path / f"text.{kind}"
    if kind == "pdf":
        pdf_file(path, *ARTICLE.split(", "))
    elif kind == "docx":
        docx_file(path, ARTICLE)
    elif kind == "odt":
        odt_file(path, ARTICLE)
    elif kind == "html":
        path.write_text(f"<html><script>var hidden;</script><p>{ARTICLE}</p></html>")
    else:
        path.write_text(ARTICLE, encoding="utf-8")
    assert search(database, "cascade") == []
    attach(database, treaty, path)
    assert search(database, "cascade") == [treaty]
    assert search(database, "токаев hydropower") == [treaty]
    assert search(database, "ozbekiston") == [treaty]
    assert search(database, "TURKIYE") == [treaty]
    assert search(database, "rail") == [other]  # the records are searched as before
    if kind == "html":
        assert search(database, "hidden") == []  # scripts are not text


def test_a_hit_only_in_an_attachment_says_so_with_the_passage(
    database: Database, treaty: int, tmp_path: Path
) -> None:
    path = docx_file(tmp_path / "analysis.docx", "Preamble.", ARTICLE)
    attach(database, treaty, path, label="analysis")
    with database.sessions.begin() as session:
        hits = search_hits(session, treaty, "hydropower")
        own = search_hits(session, treaty, "allied")
    assert hits.only_in_attachments
    (hit,) = hits.attachments
    assert (hit.label, hit.filename) == ("analysis", "analysis.docx")
    assert "Turkistan hydropower cascade" in hit.passage
    assert own.in_record and not own.attachments


def test_a_new_version_is_searched_and_the_earlier_ones_stay_listed(
    database: Database, treaty: int, tmp_path: Path
) -> None:
    first = tmp_path / "draft.txt"
    first.write_text("draft on pipelines", encoding="utf-8")
    second = tmp_path / "final.txt"
    second.write_text("final text on railways", encoding="utf-8")
    attached = attach(database, treaty, first, label="text")
    with database.sessions.begin() as session:
        replaced = replace_file(session, attached.attachment_id, second)
    assert replaced.version.number == 2
    with database.sessions.begin() as session:
        (listed,) = list_attachments(session, treaty)
        old = version_of(session, attached.attachment_id, 1)
        assert b"".join(read_chunks(session, old.id)) == b"draft on pipelines"
    assert [v.filename for v in listed.versions] == ["draft.txt", "final.txt"]
    assert listed.current.filename == "final.txt"
    assert search(database, "railways") == [treaty]
    assert search(database, "pipelines") == []  # only the current version is searched


def test_remove_hides_and_unsearches_restore_brings_back_purge_deletes(
    database: Database, treaty: int, tmp_path: Path
) -> None:
    path = tmp_path / "press.txt"
    path.write_text("press release about hydropower", encoding="utf-8")
    attached = attach(database, treaty, path, label="press release")
    with database.sessions.begin() as session:
        remove_attachment(session, attached.attachment_id)
    with database.sessions.begin() as session:
        assert list_attachments(session, treaty) == []
        assert [a.label for a in list_attachments(session, treaty, removed=True)] == [
            "press release"
        ]
    assert search(database, "hydropower") == []
    with database.sessions.begin() as session:
        restore_attachment(session, attached.attachment_id)
    assert search(database, "hydropower") == [treaty]
    with database.sessions.begin() as session:
        assert purge_attachments(session, [treaty]) == 1
    assert search(database, "hydropower") == []
    with database.engine.connect() as connection:
        for table in ("attachments", "attachment_versions", "attachment_chunks"):
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0


def test_a_large_file_is_stored_in_chunks_and_saved_back_whole(
    database: Database, treaty: int, tmp_path: Path
) -> None:
    path = tmp_path / "annex.bin"
    data = bytes(range(256)) * (3 * 4096 + 17)  # a little over 3 MB: four chunks
    path.write_bytes(data)
    seen: list[int] = []
    with database.sessions.begin() as session:
        attached = attach_file(
            session, treaty, path, label="annex", progress=lambda done, _total: seen.append(done)
        )
    assert seen[-1] == len(data) and len(seen) == 4
    assert attached.version.text_status is TextStatus.NONE
    copy = tmp_path / "out" / "annex.bin"
    copy.parent.mkdir()
    with database.sessions.begin() as session:
        save_copy(session, attached.version.id, copy)
    assert copy.read_bytes() == data


def test_a_file_over_the_limit_is_refused_and_nothing_is_written(
    database: Database, treaty: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 2_100_000)
    monkeypatch.setenv("TREATY_TRACKER_ATTACHMENT_LIMIT_MB", "2")
    with pytest.raises(AttachmentError, match=r"'big.pdf' is 2.1 MB, over the limit of 2.0 MB"):
        attach(database, treaty, path)
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM attachments")).scalar_one() == 0


def test_attaching_to_a_missing_agreement_is_refused(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x")
    with pytest.raises(NotFoundError, match="agreement 99 does not exist"):
        attach(database, 99, path)


def test_a_cancelled_attach_leaves_nothing(database: Database, treaty: int, tmp_path: Path) -> None:
    path = tmp_path / "annex.bin"
    path.write_bytes(b"x" * 3_000_000)

    class Stop(Exception):
        pass

    calls = []

    def check() -> None:
        calls.append(1)
        if len(calls) == 2:
            raise Stop

    with pytest.raises(Stop):
        attach(database, treaty, path, check=check)
    with database.engine.connect() as connection:
        for table in ("attachments", "attachment_chunks"):
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0


def test_unreadable_files_attach_with_a_note(tmp_path: Path) -> None:
    """Encrypted, damaged and scanned files attach; their status says why nothing is searched."""
    scan = extract_text(scanned_pdf(tmp_path / "scan.pdf"))
    assert scan.status is TextStatus.SCANNED and "no text layer" in scan.note
    locked = extract_text(encrypted_pdf(tmp_path / "locked.pdf", "secret words"))
    assert locked.status is TextStatus.UNREADABLE and "encrypted" in locked.note
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 this is not really a PDF")
    assert extract_text(broken).status is TextStatus.UNREADABLE
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip")
    assert "not a zip archive" in extract_text(fake).note
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n")
    assert extract_text(photo).status is TextStatus.NONE


def test_a_scanned_pdf_is_marked_when_attached(
    database: Database, treaty: int, tmp_path: Path
) -> None:
    attached = attach(database, treaty, scanned_pdf(tmp_path / "scan.pdf"), label="text")
    assert attached.version.text_status is TextStatus.SCANNED
    with database.sessions.begin() as session:
        (listed,) = list_attachments(session, treaty)
    assert listed.current.text_note == "a scanned PDF: it has no text layer to search"


def test_the_window_index_finds_attachment_text_and_notices_a_new_one(
    database: Database, treaty: int, tmp_path: Path
) -> None:
    """The facet index (the window's fast path) answers attachment words as SQL does."""
    from models.facet_index import FacetIndex
    from models.query import Sort

    with database.sessions() as session:
        index = FacetIndex.build(session)
        assert index is not None
    path = tmp_path / "note.txt"
    path.write_text("Oʻzbekiston hydropower", encoding="utf-8")
    attach(database, treaty, path)
    with database.sessions() as session:
        assert not index.is_current(session)  # an attachment moves the data revision on
        fresh = FacetIndex.build(session)
        assert fresh is not None
        assert fresh.ids(session, AgreementFilter(text="hydropow"), Sort()) == [treaty]
        assert fresh.count(session, AgreementFilter(text="ozbekiston")) == 1


def test_a_merge_gives_the_merged_agreements_attachments_to_the_kept_one_until_undone(
    database: Database, treaty: int, tmp_path: Path
) -> None:
    from models.merge import merge_agreements

    other = save(database, agreement("Treaty of Allied Relations", ("Kazakhstan", "Uzbekistan")))
    mine, theirs = tmp_path / "mine.txt", tmp_path / "theirs.txt"
    mine.write_text("signed original", encoding="utf-8")
    theirs.write_text("Oʻzbekiston translation", encoding="utf-8")
    attach(database, treaty, mine, label="signed text")
    attach(database, other, theirs, label="translation")
    with database.sessions.begin() as session:
        merge_agreements(session, treaty, other, {})
    with database.sessions.begin() as session:
        labels = [a.label for a in list_attachments(session, treaty)]
    assert labels == ["signed text", "translation"]
    assert search(database, "ozbekiston translation") == [treaty]
    with database.sessions.begin() as session:
        history.undo(session)
    with database.sessions.begin() as session:
        assert [a.label for a in list_attachments(session, treaty)] == ["signed text"]
        assert [a.label for a in list_attachments(session, other)] == ["translation"]
    assert search(database, "ozbekiston translation") == [other]
    with database.sessions.begin() as session:
        history.redo(session)
    with database.sessions.begin() as session:
        labels = [a.label for a in list_attachments(session, treaty)]
        assert labels == ["signed text", "translation"]
        assert list_attachments(session, other) == []
    assert search(database, "ozbekiston translation") == [treaty]


def test_an_agreement_in_the_trash_keeps_its_attachments_until_the_trash_is_emptied(
    database: Database, treaty: int, tmp_path: Path
) -> None:
    path = tmp_path / "text.txt"
    path.write_text("Oʻzbekiston hydropower treaty text", encoding="utf-8")
    attach(database, treaty, path, label="text")
    with database.sessions.begin() as session:
        trash.delete(session, [treaty])
    with database.sessions.begin() as session:
        trash.restore(session, [treaty])
    with database.sessions.begin() as session:
        assert [item.label for item in list_attachments(session, treaty)] == ["text"]
        trash.delete(session, [treaty])
    with database.sessions.begin() as session:
        assert trash.empty_trash(session).ids == [treaty]
    with database.engine.connect() as connection:
        for table in ("attachments", "attachment_versions", "attachment_chunks"):
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0


# ----------------------------------------------------------------- undo and the audit trail


def _undo(database: Database) -> str:
    with database.sessions.begin() as session:
        return history.undo(session).label


def _redo(database: Database) -> str:
    with database.sessions.begin() as session:
        return history.redo(session).label


def _files(database: Database, agreement_id: int, removed: bool = False) -> list[str]:
    with database.sessions.begin() as session:
        listed = list_attachments(session, agreement_id, removed=removed)
    return [view.current.filename for view in listed]


def test_attach_replace_remove_and_restore_are_steps_to_undo_and_redo(
    database: Database, treaty: int, tmp_path: Path
) -> None:
    first, second = tmp_path / "Тоқаев.txt", tmp_path / "Türkiye.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text("Oʻzbekiston ratified the hydropower protocol.", encoding="utf-8")
    attached = attach(database, treaty, first, label="signed text")
    assert _undo(database) == "attach 'Тоқаев.txt' to 'Treaty on Allied Relations'"
    assert _files(database, treaty) == [] and search(database, "Turkistan") == []
    assert _files(database, treaty, removed=True) == []  # as if never attached
    _redo(database)
    assert _files(database, treaty) == ["Тоқаев.txt"] and search(database, "Turkistan") == [treaty]
    with database.sessions.begin() as session:
        replace_file(session, attached.attachment_id, second)
    assert _undo(database).startswith("new version 'Türkiye.txt' of 'signed text'")
    assert _files(database, treaty) == ["Тоқаев.txt"]  # the version before is current again
    assert search(database, "Turkistan") == [treaty] and search(database, "ratified") == []
    _redo(database)
    assert search(database, "ratified") == [treaty] and search(database, "Turkistan") == []
    with database.sessions.begin() as session:
        remove_attachment(session, attached.attachment_id)
    assert _undo(database).startswith("removal of 'Türkiye.txt (signed text)'")
    assert _files(database, treaty) == ["Türkiye.txt"] and search(database, "ratified") == [treaty]
    with database.sessions.begin() as session:
        remove_attachment(session, attached.attachment_id)
        restore_attachment(session, attached.attachment_id)
    assert _undo(database).startswith("restore of 'Türkiye.txt (signed text)'")
    assert _files(database, treaty, removed=True) == ["Türkiye.txt"]
    with database.sessions.begin() as session:
        trail = [entry.changes.get("attachment") for entry in audit_trail(session, treaty)]
    assert ["", "Тоқаев.txt (signed text)"] in trail  # the attach, in the agreement's history
    assert ["Türkiye.txt (signed text)", "removed"] in trail


def _stored(database: Database) -> tuple[int, int, int]:
    """Attachments, versions and megabyte chunks of bytes in the file, hidden ones too."""
    with database.engine.connect() as connection:
        return tuple(  # type: ignore[return-value]
            connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("attachments", "attachment_versions", "attachment_chunks")
        )


def test_a_file_whose_attaching_was_undone_goes_for_good_with_the_next_change(
    database: Database, treaty: int, tmp_path: Path
) -> None:
    """Kept while a redo can bring it back; not kept unseen for ever once none can."""
    kept, dropped = tmp_path / "Türkiye.txt", tmp_path / "Тоқаев.txt"
    kept.write_text("Oʻzbekiston ratified the hydropower protocol.", encoding="utf-8")
    dropped.write_text(ARTICLE, encoding="utf-8")
    first = attach(database, treaty, kept, label="signed text")
    attach(database, treaty, dropped, label="analysis")
    with database.sessions.begin() as session:  # a new version, undone: the first stays
        replace_file(session, first.attachment_id, dropped)
    _undo(database)
    _undo(database)
    assert _stored(database) == (2, 3, 3)  # hidden, for the redo
    _redo(database)
    _undo(database)
    save(database, agreement("Treaty on Türkiye rail", ("Türkiye",)))  # no redo from here
    assert _stored(database) == (1, 1, 1)
    assert _files(database, treaty) == ["Türkiye.txt"] and search(database, "Turkistan") == []
    with database.sessions.begin() as session:
        assert history.next_redo(session) is None
        assert history.next_undo(session).label == "creation of 'Treaty on Türkiye rail'"
        history.undo(session)
    _undo(database)  # the first attach is still a step to undo, and to redo
    assert _files(database, treaty) == []
    _redo(database)
    assert _files(database, treaty) == ["Türkiye.txt"]

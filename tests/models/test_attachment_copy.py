"""`copy` carries attachments between SQLite and PostgreSQL: bytes, versions, text, search."""

from __future__ import annotations

import hashlib
from pathlib import Path

from models.attachments import attach_file, list_attachments, read_chunks, replace_file
from models.database_copy import copy_database
from models.query import AgreementFilter, agreement_ids
from tests.attachment_files import pdf_file
from tests.backends import open_test_database
from tests.builders import agreement, save


def test_attachments_go_to_postgresql_and_back_whole_and_searchable(tmp_path: Path) -> None:
    annex = tmp_path / "annex.bin"
    annex.write_bytes(bytes(range(256)) * 9000)  # over two chunks
    text = pdf_file(tmp_path / "text.pdf", "Тоқаев signed the Oʻzbekiston hydropower treaty")
    with open_test_database("sqlite", tmp_path / "one") as one:
        treaty = save(one, agreement("Treaty on Allied Relations", ("Kazakhstan", "Uzbekistan")))
        with one.sessions.begin() as session:
            first = attach_file(session, treaty, annex, label="annex", language="Russian")
            attach_file(session, treaty, text, label="signed text")
            replace_file(session, first.attachment_id, annex)
        with (
            open_test_database("postgresql", tmp_path / "pg") as pg,
            open_test_database("sqlite", tmp_path / "two") as two,
        ):
            counts = copy_database(one, pg).counts
            assert (counts["attachments"], counts["attachment_versions"]) == (2, 3)
            copy_database(pg, two)
            for database in (pg, two):
                with database.sessions.begin() as session:
                    listed = list_attachments(session, treaty)
                    assert [(a.label, len(a.versions)) for a in listed] == [
                        ("annex", 2),
                        ("signed text", 1),
                    ]
                    data = b"".join(read_chunks(session, listed[0].current.id))
                    assert hashlib.sha256(data).hexdigest() == listed[0].current.sha256
                    assert data == annex.read_bytes()
                    found = agreement_ids(session, AgreementFilter(text="токаев hydropower"))
                    assert found == [treaty]

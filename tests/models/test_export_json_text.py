"""A JSON export writes any stored text as json.dumps(ensure_ascii=False) writes it, and on
SQLite reads the database file through a memory map, leaving the connection as it was.

The text is stored as another program (or an older version) may have left it, past the
service's clean-up: quotes, backslashes, control characters, DEL and C1 controls, the line
and paragraph separators U+2028 / U+2029, a character beyond the BMP, Kazakh Cyrillic,
Uzbek Latin and Turkish, in every kind of place an agreement's object holds text.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.database import Database
from models.exchange import export_file
from models.exchange_write import EXPORT_MAP_BYTES
from models.service import (
    ActionInput,
    AgreementInput,
    MilestoneInput,
    ParticipationInput,
    RelationInput,
    create,
)
from tests.backends import open_test_database

AWKWARD = (
    'Тоқаев said "yes" \\ no\t\x01\x08\x0c\x1f\x7f\x85\x9f \u2028 \u2029 😀 Oʻzbekiston Türkiye\r\n'
)


def _stored(database: Database) -> tuple[int, int]:
    """Two agreements, the second a protocol to the first, their text then made awkward."""
    with database.sessions.begin() as session:
        first = create(
            session,
            AgreementInput(
                title="First",
                kind="treaty",
                status="in force",
                signed_on="2021-12",
                duration_term="10 years",
                parties=[
                    ParticipationInput(
                        "Kazakhstan",
                        role="original signatory",
                        signatory_name="Someone",
                        signatory_title="Someone's title",
                        actions=[ActionInput("reservation", "2022", "", text="A reservation")],
                    ),
                    ParticipationInput("Uzbekistan"),
                ],
                fields=["Energy"],
                milestones=[MilestoneInput("review due", "2026-01-31", "A review")],
            ),
        ).id
        second = create(
            session,
            AgreementInput(
                title="Second",
                kind="protocol",
                status="signed",
                signed_on="2022",
                parties=[ParticipationInput("Türkiye")],
                relations=[RelationInput("protocol to", first)],
            ),
        ).id
        for statement in (
            "UPDATE agreements SET title = :t, summary = :t, notes = :t, signed_at = :t,"
            " source_url = :t, short_title = :t, renewal = :t, depositary = :t,"
            " notice_term = :t",
            "UPDATE participations SET signatory_name = :t, signatory_title = :t",
            'UPDATE actions SET "text" = :t',
            "UPDATE milestones SET description = :t",
            "UPDATE parties SET name = :t WHERE iso3 = 'KAZ'",
            "UPDATE fields SET name = :t",
        ):
            # One parameter for columns of two types: PostgreSQL asks which it is.
            session.execute(text(statement.replace(":t", "CAST(:t AS TEXT)")), {"t": AWKWARD})
        if database.engine.dialect.name == "sqlite":  # PostgreSQL's text can't hold NUL
            session.execute(text("UPDATE agreements SET notes = :t"), {"t": AWKWARD + "\x00"})
    return first, second


def test_awkward_stored_text_is_written_as_json_dumps_writes_it(
    database: Database, tmp_path: Path
) -> None:
    _stored(database)
    path = tmp_path / "export.json"
    with database.sessions.begin() as session:
        assert export_file(session, path) == 2
    written = path.read_bytes().decode("utf-8")
    first, second = json.loads(written)  # strict: no raw control character in a string
    nul = "\x00" if database.engine.dialect.name == "sqlite" else ""
    for key in ("title", "summary", "signed_at", "source_url", "short_title", "renewal"):
        assert first[key] == AWKWARD, key
    assert first["notes"] == AWKWARD + nul
    assert (first["depositary"], first["notice_term"]) == (AWKWARD, AWKWARD)
    kazakhstan = first["parties"][0]
    assert (kazakhstan["name"], kazakhstan["code"]) == (AWKWARD, "KAZ")
    assert kazakhstan["signatory_name"] == kazakhstan["signatory_title"] == AWKWARD
    assert kazakhstan["actions"] == [
        {"type": "reservation", "deposited_on": "2022", "effective_on": None, "text": AWKWARD}
    ]
    assert first["fields"] == [AWKWARD]
    assert first["milestones"] == [
        {"kind": "review due", "on": "2026-01-31", "description": AWKWARD}
    ]
    assert first["signed_on"] == "2021-12" and second["signed_on"] == "2022"
    assert second["relations"] == [
        {"type": "protocol to", "id": first["id"], "title": AWKWARD, "signed_on": "2021-12"}
    ]
    # Byte for byte as the standard library writes each string: U+2028, DEL and C1 raw.
    quoted = json.dumps(AWKWARD, ensure_ascii=False)
    assert f'"title": {quoted},\n' in written
    assert "\\u2028" not in written and "\u2028" in written
    assert f'"notes": {json.dumps(AWKWARD + nul, ensure_ascii=False)},\n' in written


def test_a_sqlite_export_reads_the_file_mapped_and_leaves_the_connection_as_it_was(
    tmp_path: Path,
) -> None:
    with open_test_database("sqlite", tmp_path) as database:
        _stored(database)
        for before in (0, EXPORT_MAP_BYTES + (64 << 20)):  # SQLite's own limit is 2 GiB
            with database.sessions.begin() as session:
                session.execute(text(f"PRAGMA mmap_size = {before}"))
                seen = _mapped_during(session, tmp_path / "export.json")
                assert seen == [max(before, EXPORT_MAP_BYTES)]
                assert session.execute(text("PRAGMA mmap_size")).scalar_one() == before


def _mapped_during(session: Session, path: Path) -> list[int]:
    """The connection's mmap_size each time an export of *path* reports its progress."""
    seen: list[int] = []

    def mapped(done: int, total: int) -> None:
        seen.append(session.execute(text("PRAGMA mmap_size")).scalar_one())

    export_file(session, path, progress=mapped)
    return seen

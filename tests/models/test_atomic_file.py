"""Every file written for the user reaches its name only once on disk, and the rename lasts.

Exports, the calendar, a saved attachment and a PDF each write through models.atomic_file:
the temporary file is fsynced, renamed over the name, and the folder fsynced, so after a
power cut the name holds the whole new file or the old one. A failure leaves the old file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from models import atomic_file
from models.atomic_file import atomic_binary
from models.attachments import attach_file, save_copy
from models.calendar_export import write_calendar
from models.cancelled import Cancelled
from models.database import Database, open_database
from models.exchange import export_file
from models.query import AgreementFilter
from reports import write_summary
from tests.builders import agreement, save

ARTICLE = "Тоқаев and Mirziyoyev: Oʻzbekiston and Kazakhstan, with Türkiye as an observer."


@pytest.fixture
def sqlite_database(db_path: Path) -> Iterator[Database]:
    """One back end is enough: what is checked happens in the file system."""
    database = open_database(db_path)
    yield database
    database.close()


def _export(database: Database, target: Path) -> None:
    with database.sessions.begin() as session:
        export_file(session, target)


def _calendar(_database: Database, target: Path) -> None:
    write_calendar(target, [])


def _attachment(database: Database, target: Path) -> None:
    source = target.parent.parent / "signed.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    treaty = save(database, agreement("Treaty on Allied Relations", ("Kazakhstan", "Uzbekistan")))
    with database.sessions.begin() as session:
        version = attach_file(session, treaty, source, label="signed text").version.id
        save_copy(session, version, target)


def _pdf(database: Database, target: Path) -> None:
    treaty = save(database, agreement("Türkiye–Kazakhstan accord", ("Türkiye", "Kazakhstan")))
    write_summary(database.sessions, AgreementFilter(), target, agreement_ids=[treaty])


WRITERS: dict[str, tuple[str, Callable[[Database, Path], None]]] = {
    "export": ("agreements.csv", _export),
    "calendar": ("deadlines.ics", _calendar),
    "attachment copy": ("signed.txt", _attachment),
    "PDF": ("report.pdf", _pdf),
}


@pytest.mark.parametrize("writer", WRITERS)
def test_a_file_is_on_disk_before_it_takes_its_name_and_the_rename_is_kept(
    writer: str, sqlite_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name, write = WRITERS[writer]
    folder = tmp_path / "Құжаттар"  # the user's folder, in Kazakh
    folder.mkdir()
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        events.append("fsync " + Path(os.readlink(f"/proc/self/fd/{descriptor}")).name)
        real_fsync(descriptor)

    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        events.append(f"rename to {Path(target).name}")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write(sqlite_database, folder / name)
    ours = [event for event in events if name in event or event == f"fsync {folder.name}"]
    assert len(ours) == 3, events
    assert ours[0].startswith(f"fsync .{name}.") and ours[0].endswith(".part")
    assert ours[1:] == [f"rename to {name}", f"fsync {folder.name}"]
    assert [path.name for path in folder.iterdir()] == [name]


def test_a_write_that_stops_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "Oʻzbekiston.pdf"
    target.write_bytes(b"the old report")
    with pytest.raises(Cancelled), atomic_binary(target) as stream:
        stream.write(b"half of the new one")
        raise Cancelled
    assert target.read_bytes() == b"the old report"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("writer", WRITERS)
def test_a_folder_that_cannot_be_synced_does_not_fail_a_written_file(
    writer: str, sqlite_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A folder of mode 733, or a network mount that refuses to sync a folder: the file has
    # taken its name already, so saying "can't write" would be untrue.
    def refused(folder: Path) -> None:
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(atomic_file, "fsync_folder", refused)
    name, write = WRITERS[writer]
    target = tmp_path / "out" / name
    target.parent.mkdir()
    write(sqlite_database, target)
    assert target.stat().st_size > 0
    assert [path.name for path in target.parent.iterdir()] == [name]

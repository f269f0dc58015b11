"""SQLite's file: URIs for Windows shares, mapped drives and names in any script, on any OS."""

from __future__ import annotations

import sqlite3
from pathlib import Path, PureWindowsPath

from sqlalchemy import URL

from models.database import open_database, sqlite_uri


def test_a_windows_share_is_the_uri_path_not_its_host() -> None:
    # Path.as_uri() gives file://fileserver/…, which SQLite refuses ("invalid uri authority").
    share = PureWindowsPath(r"\\fileserver\Analysts\Тоқаев\treaties.db")
    assert sqlite_uri(share) == (
        "file:////fileserver/Analysts/%D0%A2%D0%BE%D2%9B%D0%B0%D0%B5%D0%B2/treaties.db"
    )


def test_a_mapped_drive_keeps_its_letter() -> None:
    drive = PureWindowsPath(r"Z:\Oʻzbekiston\Türkiye treaties.db")
    assert sqlite_uri(drive) == "file:///Z:/O%CA%BBzbekiston/T%C3%BCrkiye%20treaties.db"


def test_a_file_named_in_any_script_with_uri_characters_opens(tmp_path: Path) -> None:
    folder = tmp_path / "Тоқаев Oʻzbekiston Türkiye #1 ?x %41"
    folder.mkdir()
    path = folder / "treaties.db"
    open_database(path).close()
    # Read-only opens and the checks on every open go through the URI.
    database = open_database(URL.create("sqlite", database=str(path), query={"mode": "ro"}))
    assert database.can_write is False
    database.close()
    with sqlite3.connect(f"{sqlite_uri(path)}?mode=ro", uri=True) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] != 0

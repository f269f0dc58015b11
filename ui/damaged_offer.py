"""The offer made when a database file turns out damaged: restore its latest good backup.

After an unclean shutdown the open runs SQLite's check of every page (models.database);
when that fails, the window asks whether to put the latest good backup in the file's
place (the damaged file is kept, copied aside whole, by models.backups.restore_backup).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from models.backups import BackupError, latest_good_backup, restore_backup
from models.database import (
    DamagedDatabaseError,
    Database,
    DatabaseError,
    open_database,
    resolve_url,
    sqlite_path,
)


def offer_latest_backup(
    parent: QWidget | None, target: str, error: DamagedDatabaseError
) -> Database | None:
    """Ask to restore *target*'s latest good backup; the database restored, or None if not."""
    try:
        path = sqlite_path(resolve_url(target))
    except DatabaseError:
        return None
    latest = latest_good_backup(path) if path is not None else None
    if path is None or latest is None:
        return None
    damage = str(error).split("; the latest good backup", 1)[0]
    answer = QMessageBox.question(
        parent,
        "The database is damaged",
        f"{damage}.\n\nRestore the latest good backup, made {latest.made_at:%Y-%m-%d %H:%M} "
        f"with {latest.agreements:,} agreements? The damaged file is kept beside the backups.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        restore_backup(path, latest.path)
        return open_database(path)
    except (BackupError, DatabaseError) as failure:
        QMessageBox.warning(parent, "Not restored", str(failure))
        return None

"""The offer made when a database file turns out damaged: restore its latest good backup.

After an unclean shutdown the open runs SQLite's check of every page (models.database);
when that fails, the window asks whether to put the latest good backup in the file's
place (the damaged file is kept, copied aside whole, by models.backups.restore_backup).

Finding the backup and restoring it read and write files (seconds for a big one): the
window runs `find_offer` and `restore` on a worker and only asks (`ask`) on the GUI
thread; `offer_latest_backup` does all three in turn, for the start before any window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from models.backups import BackupError, BackupInfo, latest_good_backup, restore_backup
from models.database import (
    DamagedDatabaseError,
    Database,
    DatabaseError,
    open_database,
    resolve_url,
    sqlite_path,
)
from models.messages import Message, message_of
from ui import locale_text
from ui.model_messages import message_text
from ui.translations import fill

translate = QCoreApplication.translate


class DamagedOffer(QObject):
    """The translation context of these words: pyside6-lupdate reads DamagedOffer.tr calls."""

    # Qt's tr works on the class too (PySide6's stubs know the method only); an annotation,
    # as a def here would hide the class's name from pyside6-lupdate.
    if TYPE_CHECKING:
        tr: ClassVar[Callable[..., str]]


@dataclass(frozen=True)
class BackupOffer:
    """A damaged file and the latest good backup that could take its place."""

    path: Path
    latest: BackupInfo


def find_offer(target: str) -> BackupOffer | None:
    """The latest good backup of *target*, if it is a file that has one (reads the backups)."""
    try:
        path = sqlite_path(resolve_url(target))
    except DatabaseError:
        return None
    latest = latest_good_backup(path) if path is not None else None
    return None if path is None or latest is None else BackupOffer(path, latest)


def ask(parent: QWidget | None, offer: BackupOffer, error: DamagedDatabaseError) -> bool:
    """Ask whether to restore the offered backup in place of the damaged file."""
    damage = _damage(error)
    latest = offer.latest
    agreements = latest.agreements
    question = DamagedOffer.tr(
        "%1.\n\nRestore the latest good backup, made %2 with %Ln agreement(s)? "
        "The damaged file is kept beside the backups.",
        "",
        agreements,
    )
    answer = QMessageBox.question(
        parent,
        translate("DamagedOffer", "The database is damaged"),
        fill(question, damage, locale_text.moment(latest.made_at)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def restore(offer: BackupOffer) -> Database:
    """Put the backup in the file's place and open it; BackupError or DatabaseError if not."""
    restore_backup(offer.path, offer.latest.path)
    return open_database(offer.path)


def offer_latest_backup(
    parent: QWidget | None, target: str, error: DamagedDatabaseError
) -> Database | None:
    """Ask to restore *target*'s latest good backup; the database restored, or None if not."""
    offer = find_offer(target)
    if offer is None or not ask(parent, offer, error):
        return None
    try:
        return restore(offer)
    except (BackupError, DatabaseError) as failure:
        QMessageBox.warning(
            parent, translate("DamagedOffer", "Not restored"), message_text(failure)
        )
        return None


def _damage(error: DamagedDatabaseError) -> str:
    """What is wrong with the file, without the hint to restore a backup (the question asks)."""
    message = message_of(error)
    if isinstance(message, Message) and message.template == "%1%2":  # damage, then the hint
        return message_text(message.args[0])
    return message_text(error).split("; the latest good backup", 1)[0]

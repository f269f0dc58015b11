"""The words a confirmation uses to name what it acts on: the agreement itself, or how many."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QObject

from models.query import AgreementRow
from ui.translations import fill

translate = QCoreApplication.translate


class Confirmations(QObject):
    """The translation context of these words: pyside6-lupdate reads Confirmations.tr calls."""

    # Qt's tr works on the class too (PySide6's stubs know the method only); an annotation,
    # as a def here would hide the class's name from pyside6-lupdate.
    if TYPE_CHECKING:
        tr: ClassVar[Callable[..., str]]


TITLE_LIMIT = 80  # a longer title is cut with '…' in a question


def agreements_named(ids: Sequence[int], row_of: Callable[[int], AgreementRow | None]) -> str:
    """'“Agreement on the Kyzylorda–Uchquduq highway”' for one, 'these 3 agreements' for more."""
    if len(ids) != 1:
        return Confirmations.tr("these %Ln agreement(s)", "", len(ids))
    row = row_of(ids[0])
    if row is None:
        return fill(translate("Confirmations", "agreement %1"), ids[0])
    title = " ".join(row.title.split())
    if len(title) > TITLE_LIMIT:
        title = title[: TITLE_LIMIT - 1].rstrip() + "…"
    return fill(translate("Confirmations", "“%1”"), title)

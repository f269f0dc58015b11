"""An attachment's text status and note in the window's language.

models.attachment_text keeps its note in the database as English text (as undo steps are
kept): here each known note is read back against its template and translated, its
details (a parser's own words, a file kind) as they were written. A note of no known
shape stays as it is.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from models.attachment_text import TextStatus
from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from ui.translations import fill

_STATUS = {
    TextStatus.TEXT: QT_TRANSLATE_NOOP("AttachmentNotes", "text searched"),
    TextStatus.SCANNED: QT_TRANSLATE_NOOP(
        "AttachmentNotes", "scanned PDF: no text layer to search"
    ),
    TextStatus.UNREADABLE: QT_TRANSLATE_NOOP("AttachmentNotes", "text could not be read"),
    TextStatus.NONE: QT_TRANSLATE_NOOP("AttachmentNotes", "no text to search"),
}
# Most specific first: 'not a readable %1 file (it has no %2)' before '… (%2)'.
_NOTES = (
    QT_TRANSLATE_NOOP("AttachmentNotes", "a scanned PDF: it has no text layer to search"),
    QT_TRANSLATE_NOOP("AttachmentNotes", "an encrypted PDF: its text could not be read"),
    QT_TRANSLATE_NOOP("AttachmentNotes", "an encrypted %1 file: its text could not be read"),
    QT_TRANSLATE_NOOP("AttachmentNotes", "not a readable PDF (%1)"),
    QT_TRANSLATE_NOOP("AttachmentNotes", "not a readable %1 file (it is not a zip archive)"),
    QT_TRANSLATE_NOOP("AttachmentNotes", "not a readable %1 file (it has no %2)"),
    QT_TRANSLATE_NOOP("AttachmentNotes", "not a readable %1 file (%2)"),
    QT_TRANSLATE_NOOP("AttachmentNotes", "its text could not be read (%1)"),
)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"%\d", template)
    return re.compile("(.+?)".join(re.escape(part) for part in parts) + r"\Z", re.DOTALL)


_PATTERNS = [(template, _pattern(template)) for template in _NOTES]


def text_tip(note: str | None, status: TextStatus) -> str:
    """The tooltip of a version's text column: its note, else what its status means."""
    if not note:
        return QCoreApplication.translate("AttachmentNotes", _STATUS[status])
    for template, pattern in _PATTERNS:
        if found := pattern.match(note):
            return fill(QCoreApplication.translate("AttachmentNotes", template), *found.groups())
    return note

"""What the models say (validation messages, undo step labels) in the window's language.

models/ is Qt-free: its messages are `models.messages.Message` values (English text that
keeps its template and arguments) and its undo labels are stored as English text; here the
templates are translated and filled again. Text with no template stays as it is (English).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QCoreApplication, QObject

from models import messages
from models.dates import PartialDate, UtcMoment
from models.vocab import Vocabulary
from ui import locale_text, vocab_labels
from ui.translations import fill

translate = QCoreApplication.translate


def message_text(value: object) -> str:
    """A Message (or an exception raised with one) translated; anything else as str()."""
    if isinstance(value, BaseException):
        value = messages.message_of(value)
    if not isinstance(value, messages.Message) or not value.template:
        return str(value)
    args = [_argument(arg) for arg in value.args]
    if value.counted is not None:  # Qt picks the plural form and puts the count for %Ln
        return fill(translate(value.context, value.template, "", value.counted), *args)
    return fill(translate(value.context, value.template), *args)


def _argument(value: object) -> str:
    """A message's argument as the window shows it: a date in the window's locale, a
    vocabulary value by its label where the language has one ('ratified' stays as it is
    in English, where the message's own words are the English)."""
    if isinstance(value, PartialDate):
        return locale_text.partial_date(value)
    if isinstance(value, UtcMoment):  # in the user's own time, as the trash shows it
        return locale_text.stored_moment(value.moment)
    if isinstance(value, messages.StepLabel):
        return step_label(value)
    if isinstance(value, Vocabulary):
        shown = vocab_labels.label(value)
        return value.value if shown == value.label else shown
    return message_text(value)


def _pattern(template: str) -> re.Pattern[str]:
    """'edit of %1' -> a pattern whose groups are the filled-in values."""
    parts = re.split(r"%\d", template)
    return re.compile("(.+?)".join(re.escape(part) for part in parts) + r"\Z", re.DOTALL)


_STEPS = [(template, _pattern(template)) for template in messages.STEP_LABELS]
# Labels that count agreements (their plural is Qt's %n, so the words are in step_label).
_COUNTED = re.compile(r"(deletion|restore|bulk edit) of ([\d,]+) agreements?\Z")
_DRAFTS = re.compile(r"([\d,]+) drafts? from an article\Z")


class History(QObject):
    """The context of the step labels that count agreements (Qt's %n plural: lupdate reads
    a plural from a class's tr(), not from QCoreApplication.translate)."""

    # Qt's tr works on the class too (PySide6's stubs know the method only); an annotation,
    # as a def here would hide the class's name from pyside6-lupdate.
    if TYPE_CHECKING:
        tr: ClassVar[Callable[..., str]]


def _counted(label: str) -> str | None:
    """'deletion of 3 agreements' in the window's language; None for another label."""
    if found := _COUNTED.match(label):
        count = int(found.group(2).replace(",", ""))
        verb = found.group(1)
        if verb == "deletion":
            return History.tr("deletion of %Ln agreement(s)", "", count)
        if verb == "restore":
            return History.tr("restore of %Ln agreement(s)", "", count)
        return History.tr("bulk edit of %Ln agreement(s)", "", count)
    if found := _DRAFTS.match(label):
        count = int(found.group(1).replace(",", ""))
        return History.tr("%Ln draft(s) from an article", "", count)
    return None


def step_label(label: str) -> str:
    """An undo step's stored English label ("edit of 'Treaty…'") in the window's language."""
    counted = _counted(label)
    if counted is not None:
        return counted
    matches = [(template, found) for template, pattern in _STEPS if (found := pattern.match(label))]
    # A title may hold a template's words ("restore of 'Protocol to the Treaty'" also reads
    # as "restore of %1 to %2"): the reading whose values are each one quoted title wins.
    matches.sort(key=lambda match: not all(_quoted(value) for value in match[1].groups()))
    for template, found in matches[:1]:
        return fill(translate("History", template), *found.groups())
    return label


def _quoted(value: str) -> bool:
    return len(value) >= 2 and value[0] == value[-1] == "'"

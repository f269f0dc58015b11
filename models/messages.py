"""Messages the models give in English, marked so the window can show them translated.

Qt-free: QT_TRANSLATE_NOOP here only returns its text, but pyside6-lupdate finds it by name
(`make translations` scans this file and the models files that use it). A `Message` is the
English text (a str, so the command line and every comparison read it as before) that also
keeps its template and arguments: the window translates the template and fills them in.
Undo steps are stored as English text, so the window reads a stored label back against
STEP_LABELS (ui/model_messages.py).
"""

from __future__ import annotations

import re

VALIDATION = "Validation"  # the context of the editor's messages in the catalogs
HISTORY = "History"  # the context of the undo step labels
# The contexts of the other messages the window shows (each a group in the catalogs).
SAVING = "Saving"  # a save refused: changed or deleted by someone else meanwhile
TERMS = "Terms"  # a structured term that can't be read
LIMITS = "Limits"  # a text too long for its column, or not text at all
IMPORT = "Import"  # what is wrong with a file to import, and where
CATALOG = "Catalog"  # the catalogs of parties, fields and views
DEADLINES = "Deadlines"  # how a deadline was computed, and why one could not be
BULK_EDIT = "BulkEditPreview"  # a bulk edit's preview and refusals
MERGE = "Merge"  # the merge's facts
ATTACHMENTS = "Attachments"  # an attachment refused (too large, not readable …)
UNDO = "Undo"  # an undo, redo or restore refused because of a later change
DATABASE = "Database"  # a database or a backup that can't be opened, written or restored


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark *text* for translation in *context*; it stays English here."""
    return text


_PLACE = re.compile(r"%(\d)")
_COUNT = re.compile(r"%L?n")


def fill(template: str, *values: object) -> str:
    """'%1 is before %2' with each %N replaced by the Nth value, in one pass (a date as
    its display(): '6 December 2021')."""
    return _PLACE.sub(lambda found: _shown(values[int(found.group(1)) - 1]), template)


def _shown(value: object) -> str:
    display = getattr(value, "display", None)
    return str(display()) if callable(display) else str(value)


class Message(str):
    """English text that also keeps its template, arguments and context for translation.

    A counted one (`counted` not None) is translated with Qt's plural forms (%Ln).
    """

    context: str = VALIDATION
    template: str = ""
    args: tuple[object, ...] = ()
    counted: int | None = None  # not `count`: that is str.count


class StepLabel(str):
    """An undo step's label as the database keeps it (English), as a message's argument:
    the window reads it in its own language (ui/model_messages.step_label)."""


def say(template: str, *args: object, context: str = VALIDATION) -> Message:
    """The Message *template* filled with *args* (themselves Messages or plain text)."""
    message = Message(fill(template, *args))
    message.context, message.template, message.args = context, template, args
    return message


def joined(separator: str, items: list[str] | tuple[str, ...]) -> Message:
    """*items* joined by *separator* ('; ') as one Message, each item translated in turn."""
    if not items:
        return Message("")
    found = say("%1", items[0], context="")
    for item in items[1:]:
        found = say(f"%1{separator}%2", found, item, context="")
    return found


def shown_as(text: str, value: object, context: str = VALIDATION) -> Message:
    """*text* as it is in English, shown in the window as *value* is (a date in the
    window's locale, a vocabulary value by its label): '2021-12-06' read '6 декабря 2021 г.'."""
    message = Message(text)
    message.context, message.template, message.args = context, "%1", (value,)
    return message


class Counted:
    """A context for counted messages: `Deadlines.tr("%Ln year(s)", "", years)`.

    Named and called as a Qt class's tr() so that pyside6-lupdate reads the plural (it
    takes the class's name as the context, and reads no plural from QT_TRANSLATE_NOOP);
    here it only makes the English: %Ln is the count and '(s)' an 's' unless it is one.
    """

    grouped = False  # the English count with thousands separators (1,234), as it was

    @classmethod
    def tr(cls, template: str, disambiguation: str = "", count: int = 1, *args: object) -> Message:
        """The Message counting *count* (the window picks the plural form), with *args*."""
        number = f"{count:,}" if cls.grouped else str(count)
        english = _COUNT.sub(number, template).replace("(s)", "" if count == 1 else "s")
        message = Message(fill(english, *args))
        message.context, message.template, message.args = cls.__name__, template, args
        message.counted = count
        return message


class Saving(Counted):
    """Counted messages of a refused save."""


class Limits(Counted):
    """Counted messages of a text too long."""


class Import(Counted):
    """Counted messages of an import."""

    grouped = True


class Catalog(Counted):
    """Counted messages of the catalogs."""

    grouped = True


class Deadlines(Counted):
    """Counted messages of the deadlines and terms."""


class BulkEditPreview(Counted):
    """Counted messages of a bulk edit."""


# Undo step labels (the English is what the database keeps; %1 is a quoted title or name).
STEP_CREATION = QT_TRANSLATE_NOOP("History", "creation of %1")
STEP_EDIT = QT_TRANSLATE_NOOP("History", "edit of %1")
STEP_DELETION = QT_TRANSLATE_NOOP("History", "deletion of %1")
STEP_RESTORE = QT_TRANSLATE_NOOP("History", "restore of %1")
STEP_MERGE = QT_TRANSLATE_NOOP("History", "merge of %1 into %2")
STEP_SAMPLE = QT_TRANSLATE_NOOP("History", "loading of the sample agreements")
STEP_IMPORT = QT_TRANSLATE_NOOP("History", "import of %1")
STEP_ATTACH = QT_TRANSLATE_NOOP("History", "attach %1 to %2")
STEP_NEW_VERSION = QT_TRANSLATE_NOOP("History", "new version %1 of %2 on %3")
STEP_REMOVAL = QT_TRANSLATE_NOOP("History", "removal of %1 from %2")
STEP_RESTORE_TO = QT_TRANSLATE_NOOP("History", "restore of %1 to %2")
STEP_PARTY_RENAME = QT_TRANSLATE_NOOP("History", "rename of party %1")
STEP_PARTY_MERGE = QT_TRANSLATE_NOOP("History", "merge of party %1 into %2")
STEP_PARTY_DELETION = QT_TRANSLATE_NOOP("History", "deletion of party %1")
STEP_FIELD_RENAME = QT_TRANSLATE_NOOP("History", "rename of field %1")
STEP_FIELD_MERGE = QT_TRANSLATE_NOOP("History", "merge of field %1 into %2")
STEP_FIELD_DELETION = QT_TRANSLATE_NOOP("History", "deletion of field %1")
STEP_VIEW_SAVING = QT_TRANSLATE_NOOP("History", "saving of view %1")
STEP_VIEW_RENAME = QT_TRANSLATE_NOOP("History", "rename of view %1")
STEP_VIEW_DELETION = QT_TRANSLATE_NOOP("History", "deletion of view %1")
# Most specific first: 'merge of party X into Y' before 'merge of X into Y'.
STEP_LABELS = (
    STEP_SAMPLE,
    STEP_PARTY_RENAME,
    STEP_PARTY_MERGE,
    STEP_PARTY_DELETION,
    STEP_FIELD_RENAME,
    STEP_FIELD_MERGE,
    STEP_FIELD_DELETION,
    STEP_VIEW_SAVING,
    STEP_VIEW_RENAME,
    STEP_VIEW_DELETION,
    STEP_NEW_VERSION,
    STEP_REMOVAL,
    STEP_RESTORE_TO,
    STEP_ATTACH,
    STEP_MERGE,
    STEP_CREATION,
    STEP_EDIT,
    STEP_DELETION,
    STEP_RESTORE,
    STEP_IMPORT,
)


def message_of(error: BaseException) -> str:
    """The Message an exception was raised with (kept for translation), else its text."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Message) else str(error)


# The editor's validation messages that name a date (%1 a date or text, %2 the reason).
NOT_A_DATE = QT_TRANSLATE_NOOP("Validation", "'%1' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
NOT_A_DATE_BECAUSE = QT_TRANSLATE_NOOP("Validation", "'%1' is not a date: %2")

# An agreement asked for that is not there (a save, a bulk edit).
NOT_FOUND = QT_TRANSLATE_NOOP("Saving", "agreement %1 does not exist (it may have been deleted)")

# An import's file-level messages, shared by the whole-file and the streaming readers.
NOT_UTF8 = QT_TRANSLATE_NOOP("Import", "%1 is not UTF-8 text (save it as %2)")
EMPTY_FILE = QT_TRANSLATE_NOOP("Import", "%1 is empty")
A_FOLDER = QT_TRANSLATE_NOOP("Import", "%1 is a folder, not a file")
CANT_READ = QT_TRANSLATE_NOOP("Import", "can't read %1: %2")

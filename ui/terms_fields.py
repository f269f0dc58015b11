"""The editor's Terms tab: structured duration, renewal, notice and entry-into-force rule.

Each term is a line the user types in the short form models.terms reads ('5 years',
'automatic for 5 years', …); a grey hint beside it reads it back as stored, or says what
to write, while it is typed. The free text on the Dates tab stays as written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from models.terms import canonical
from ui.translations import fill

# (key, caption with its mnemonic, placeholder), in tab order; marked for pyside6-lupdate
# here, translated where they are shown (translate("TermsFields", caption)). The terms
# themselves are typed in English: models.terms reads them.
TERM_ROWS = (
    (
        "duration_term",
        QT_TRANSLATE_NOOP("TermsFields", "&Duration"),
        QT_TRANSLATE_NOOP("TermsFields", "e.g. 5 years, 18 months, indefinite"),
    ),
    (
        "renewal_term",
        QT_TRANSLATE_NOOP("TermsFields", "&Renewal"),
        QT_TRANSLATE_NOOP(
            "TermsFields", "none, tacit, by agreement, or e.g. automatic for 5 years"
        ),
    ),
    (
        "notice_term",
        QT_TRANSLATE_NOOP("TermsFields", "&Notice period"),
        QT_TRANSLATE_NOOP("TermsFields", "e.g. 6 months, 90 days"),
    ),
    (
        "entry_into_force_term",
        QT_TRANSLATE_NOOP("TermsFields", "&Entry into force"),
        QT_TRANSLATE_NOOP(
            "TermsFields",
            "on signature, on 2022-03-01, 30 days after last notification, after 22 ratifications",
        ),
    ),
)
TERM_KEYS = tuple(key for key, _, _ in TERM_ROWS)
TERM_WIDTH = 300  # pixels: '30 days after last notification' and room to spare
INTRO = QT_TRANSLATE_NOOP(
    "TermsFields",
    "Terms the deadlines are computed from (the Due panel, the calendar export). "
    "The text as written stays on the Dates tab.",
)
translate = QCoreApplication.translate


def term_rows() -> list[tuple[str, str, str]]:
    """TERM_ROWS in the window's language (for the editor's Terms tab)."""
    return [
        (key, translate("TermsFields", caption), translate("TermsFields", placeholder))
        for key, caption, placeholder in TERM_ROWS
    ]


def term_hint(key: str, edit: QLineEdit, parent: QWidget) -> QLabel:
    """A grey label beside a term that reads it back as it will be stored."""
    hint = QLabel(parent)
    hint.setObjectName(edit.objectName().replace("Edit", "Hint"))
    hint.setEnabled(False)
    hint.setWordWrap(True)

    def update(text: str) -> None:
        try:
            stored = canonical(key, text)
        except ValueError as error:
            # models.terms says what it expected in English: the hint says so in a word.
            reason = str(error).split(": ", 1)[-1].split(" (", 1)[0]
            hint.setText(fill(translate("TermsFields", "%1 yet"), reason))
            return
        if stored:
            hint.setText(fill(translate("TermsFields", "reads as: %1"), stored))
        else:
            hint.setText(translate("TermsFields", "not recorded"))

    edit.textChanged.connect(update)
    update(edit.text())
    return hint

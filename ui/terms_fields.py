"""The editor's Terms tab: structured duration, renewal, notice and entry-into-force rule.

Each term is a line the user types in the short form models.terms reads ('5 years',
'automatic for 5 years', …); a grey hint beside it reads it back as stored, or says what
to write, while it is typed. The free text on the Dates tab stays as written.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from models.terms import canonical

# (key, caption with its mnemonic, placeholder), in tab order.
TERM_ROWS = (
    ("duration_term", "&Duration", "e.g. 5 years, 18 months, indefinite"),
    ("renewal_term", "&Renewal", "none, tacit, by agreement, or e.g. automatic for 5 years"),
    ("notice_term", "&Notice period", "e.g. 6 months, 90 days"),
    (
        "entry_into_force_term",
        "&Entry into force",
        "on signature, on 2022-03-01, 30 days after last notification, after 22 ratifications",
    ),
)
TERM_KEYS = tuple(key for key, _, _ in TERM_ROWS)
TERM_WIDTH = 300  # pixels: '30 days after last notification' and room to spare
INTRO = (
    "Terms the deadlines are computed from (the Due panel, the calendar export). "
    "The text as written stays on the Dates tab."
)


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
            hint.setText(str(error).split(": ", 1)[-1].split(" (", 1)[0] + " yet")
            return
        hint.setText(f"reads as: {stored}" if stored else "not recorded")

    edit.textChanged.connect(update)
    update(edit.text())
    return hint

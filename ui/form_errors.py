"""Validation messages beside the fields of a form: red borders, red labels, nested keys in words.

`models.service` names each problem by a dotted key ('parties.1.actions.0.deposited_on');
the dialogs (agreement, relations, fields) show it next to the widget it concerns.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from ui.colours import Role as ColourRole
from ui.colours import error_colour, error_style

# How nested validation keys ('parties.1.actions.0.deposited_on') are put into words.
# Marked for pyside6-lupdate; attribute_words() gives them in the window's language. The
# context stays "PartyEditor", where the catalogs (ui/i18n) have always kept these words.
ATTRIBUTE_WORDS = {
    "party": QT_TRANSLATE_NOOP("PartyEditor", "name"),
    "role": QT_TRANSLATE_NOOP("PartyEditor", "role"),
    "party_kind": QT_TRANSLATE_NOOP("PartyEditor", "party kind"),
    "signatory_name": QT_TRANSLATE_NOOP("PartyEditor", "signatory"),
    "signatory_title": QT_TRANSLATE_NOOP("PartyEditor", "signatory's title"),
    "type": QT_TRANSLATE_NOOP("PartyEditor", "type"),
    "deposited_on": QT_TRANSLATE_NOOP("PartyEditor", "date (signed / deposited)"),
    "effective_on": QT_TRANSLATE_NOOP("PartyEditor", "effective on"),
    "text": QT_TRANSLATE_NOOP("PartyEditor", "text"),
    "kind": QT_TRANSLATE_NOOP("PartyEditor", "kind"),
    "on": QT_TRANSLATE_NOOP("PartyEditor", "date"),
    "description": QT_TRANSLATE_NOOP("PartyEditor", "description"),
}


def attribute_words(attribute: str) -> str:
    """'signatory's title' for signatory_title, in the window's language."""
    words = ATTRIBUTE_WORDS.get(attribute)
    return QCoreApplication.translate("PartyEditor", words) if words else attribute


def nested_errors(errors: dict[str, str], prefix: str) -> dict[int, dict[str, str]]:
    """'parties.1.role' -> {1: {'role': message}}; deeper keys keep their tail ('actions.0.to')."""
    found: dict[int, dict[str, str]] = {}
    for key, message in errors.items():
        parts = key.split(".", 2)
        if parts[0] == prefix and len(parts) == 3 and parts[1].isdigit():
            found.setdefault(int(parts[1]), {})[parts[2]] = message
    return found


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Draw (or remove) a red border around *widget*, and only around it, not its children."""
    # A style sheet of its own rather than a dynamic property and style().unpolish():
    # PySide6 6.12's QStyle.unpolish(QWidget) loses a reference to None on every call,
    # which crashes the interpreter once enough validation rounds have run.
    red = error_colour(widget, ColourRole.Base).name()
    sheet = f"#{widget.objectName()} {{ border: 1px solid {red}; }}" if invalid else ""
    if widget.styleSheet() == sheet:
        return
    if invalid and isinstance(widget, QLineEdit):
        widget.setMinimumHeight(
            widget.sizeHint().height()
        )  # a style sheet drops the frame's height
    widget.setStyleSheet(sheet)


def error_label(object_name: str) -> QLabel:
    """A hidden red label that shows a validation message under its widget."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(error_style(label))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    """Show *text* in the error label, or hide the label when there is nothing to say."""
    label.setText(text)
    label.setVisible(bool(text))

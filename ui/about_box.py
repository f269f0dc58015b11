"""Help › About: what this copy is (version, Qt, Python), its licence, and where its files are."""

from __future__ import annotations

import platform
from html import escape

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from models.app_identity import app_version, data_dir, log_path


def about_text() -> str:
    """The box's text (rich text): the facts a bug report or a support call asks for first."""
    facts = [
        ("Version", app_version()),
        ("Qt", f"{qVersion()} (PySide6 {PySide6.__version__})"),
        ("Python", platform.python_version()),
        ("Data folder", str(data_dir())),
        ("Log", str(log_path())),
    ]
    rows = "".join(
        f"<tr><td>{name}:&nbsp;</td><td>{escape(value)}</td></tr>" for name, value in facts
    )
    return (
        "<h3>Treaty Tracker</h3>"
        "<p>Record international agreements by field and party, filter them, and export "
        "PDF summaries.</p>"
        f"<table>{rows}</table>"
        "<p>Free software under the MIT licence. Qt is used under the LGPL.</p>"
    )


def show_about(parent: QWidget) -> QMessageBox:
    """Open the About box (not modal to the app: the window stays usable behind it)."""
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle("About Treaty Tracker")
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setText(about_text())
    box.open()
    return box

"""What an empty database shows: what to do next (a new agreement, a file to import, the
sample), or, on a database the user may only read, that there is nothing to show yet."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str

WRITABLE_TEXT = QT_TRANSLATE_NOOP(
    "WelcomePage",
    "This database holds no agreements yet. "
    "<b>Add an agreement</b> (Ctrl+N), <b>import</b> a CSV or JSON file (File › Import…, "
    "or drop the file on the window), or <b>load the sample</b>: the Kazakhstan–Uzbekistan "
    "Declaration on Allied Relations of 6 December 2021 and the seven documents signed "
    "with it, to look around.",
)
READ_ONLY_TEXT = QT_TRANSLATE_NOOP(
    "WelcomePage",
    "This database holds no agreements yet, and your user may only read it: once someone "
    "with the right to write adds agreements, they appear here (View › Refresh, F5).",
)
TEXT_WIDTH = 480


def _words(text: str) -> str:
    """One of the texts above in the window's language."""
    return QCoreApplication.translate("WelcomePage", text)


class WelcomePage(QWidget):
    new_requested = Signal()
    load_sample_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        welcome = self.tr("Welcome to Treaty Tracker")
        title = QLabel(f"<h2>{welcome}</h2>", self)
        self.text = QLabel(_words(WRITABLE_TEXT), self)
        self.text.setObjectName("welcomeText")
        self.text.setWordWrap(True)
        self.text.setFixedWidth(TEXT_WIDTH)
        self.new_button = self._button(
            "newAgreementButton", self.tr("New agreement…"), self.tr("Add an agreement")
        )
        self.new_button.clicked.connect(self.new_requested)
        self.import_button = self._button(
            "importButton", self.tr("Import CSV or JSON…"), self.tr("Import agreements from a file")
        )
        self.import_button.clicked.connect(self.import_requested)
        self.sample_button = self._button(
            "loadSampleButton", self.tr("Load the sample"), self.tr("Load sample agreements")
        )
        self.sample_button.clicked.connect(self.load_sample_requested)
        self.new_button.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.import_button, self.sample_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, self.text):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        self.row = QWidget(self)
        self.row.setLayout(buttons)
        layout.addWidget(self.row, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self._fit_text()

    def _button(self, name: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        return button

    def _fit_text(self) -> None:
        # Centred in a box layout, a wrapped label is given one width's worth of height too few.
        self.text.setMinimumHeight(self.text.heightForWidth(TEXT_WIDTH))

    def set_read_only(self, read_only: bool) -> None:
        """A database the user may only read: no buttons that would write, and why."""
        self.text.setText(_words(READ_ONLY_TEXT if read_only else WRITABLE_TEXT))
        self.row.setVisible(not read_only)
        self._fit_text()

"""What an empty database shows: a way in, with sample agreements or a file to import."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    load_sample_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel("<h2>Welcome to Treaty Tracker</h2>", self)
        text = QLabel(
            "This database holds no agreements yet.<br/>"
            "Record one with <b>New agreement</b> (Ctrl+N), bring in a spreadsheet with "
            "<b>Import…</b>, or look around with eight sample agreements: the Kazakhstan–"
            "Uzbekistan Declaration on Allied Relations of 6 December 2021 and the documents "
            "signed with it.",
            self,
        )
        text.setWordWrap(True)
        text.setFixedWidth(480)
        # Centred in a box layout, a wrapped label is given one width's worth of height too few.
        text.setMinimumHeight(text.heightForWidth(480))
        self.sample_button = QPushButton("Load sample agreements", self)
        self.sample_button.setObjectName("loadSampleButton")
        self.sample_button.setAccessibleName("Load sample agreements")
        self.sample_button.clicked.connect(self.load_sample_requested)
        self.import_button = QPushButton("Import…", self)
        self.import_button.setObjectName("importButton")
        self.import_button.setAccessibleName("Import agreements from a file")
        self.import_button.clicked.connect(self.import_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sample_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, text):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QWidget(self)
        row.setLayout(buttons)
        layout.addWidget(row, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

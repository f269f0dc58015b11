"""File > Connect to team database…: the PostgreSQL server a team shares.

The password is used for this connection only and never saved: leave it empty to let
the server's own mechanisms supply it (~/.pgpass, PGPASSWORD, or a trusted login).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url

from models.users import system_user
from ui.colours import error_style

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432


def remembered_name(url: URL) -> str:
    """How a team database is remembered (recent list, settings): never with its password."""
    without = URL.create(
        url.drivername, url.username, None, url.host, url.port, url.database, url.query
    )
    return without.render_as_string(hide_password=False)


class ConnectDialog(QDialog):
    def __init__(self, last: str | None = None, parent: QWidget | None = None) -> None:
        """*last*: the team database connected to before (a URL without password), if any."""
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to team database"))
        self.host = QLineEdit(self, objectName="hostEdit", placeholderText="db.example.org")  # type: ignore[call-overload]  # Qt properties as keywords
        self.port = QSpinBox(self, objectName="portEdit", minimum=1, maximum=65535)  # type: ignore[call-arg]  # Qt properties as keywords
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self, objectName="databaseEdit", placeholderText="treaties")  # type: ignore[call-overload]  # Qt properties as keywords
        self.user = QLineEdit(self, objectName="userEdit")  # type: ignore[call-overload]  # Qt properties as keywords
        self.password = QLineEdit(self, objectName="passwordEdit")  # type: ignore[call-overload]  # Qt properties as keywords
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("not saved; empty: ~/.pgpass or PGPASSWORD"))
        for widget, name in (
            (self.host, self.tr("Server")),
            (self.port, self.tr("Port")),
            (self.database, self.tr("Database")),
            (self.user, self.tr("User")),
            (self.password, self.tr("Password")),
        ):
            widget.setAccessibleName(name)
        self._fill(last)
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("P&ort:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        self.problem = QLabel(self, objectName="connectProblem")  # type: ignore[call-overload]  # Qt properties as keywords
        self.problem.setStyleSheet(error_style(self))
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _fill(self, last: str | None) -> None:
        try:
            url = make_url(last) if last and last.startswith("postgresql") else None
        except Exception:  # a damaged setting: start from the defaults
            url = None
        self.host.setText(url.host or "" if url else "")
        self.port.setValue(url.port or DEFAULT_PORT if url else DEFAULT_PORT)
        self.database.setText(url.database or "" if url else "")
        self.user.setText(url.username or "" if url and url.username else system_user(""))

    def url(self) -> URL:
        return URL.create(
            DRIVER,
            username=self.user.text().strip() or None,
            password=self.password.text() or None,
            host=self.host.text().strip() or None,
            port=self.port.value(),
            database=self.database.text().strip(),
        )

    def _accept(self) -> None:
        no_host, no_database = not self.host.text().strip(), not self.database.text().strip()
        if no_host or no_database:
            if no_host and no_database:
                text = self.tr("Give the server and the database.")
            elif no_host:
                text = self.tr("Give the server.")
            else:
                text = self.tr("Give the database.")
            self.problem.setText(text)
            self.problem.show()
            (self.host if not self.host.text().strip() else self.database).setFocus()
            return
        self.accept()

"""Edit › Bulk edit…: one edit to the selected agreements (or all the filter matches), previewed.

Every change of a control asks the worker for a new preview (models.bulk_edit.plan_bulk_edit,
debounced); Apply runs the edit on the worker in one transaction, after a backup of an
SQLite file, and emits applied(changes). A refusal is shown in the dialog, which stays open.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from models.backups import BEFORE_BULK_EDIT, Rotation, backup_before
from models.bulk_edit import BulkEdit, BulkEditError, BulkPlan, apply_bulk_edit, plan_bulk_edit
from models.cancelled import Cancelled
from models.changes import Changes
from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from models.service import MilestoneInput
from models.vocab import Kind, Level, MilestoneKind, Role, Status, Vocabulary
from ui import vocab_labels
from ui.colours import error_style
from ui.model_messages import message_text
from ui.translations import fill
from ui.workers import Job, Worker, run_with_progress

PREVIEW_DELAY_MS = 250
LEAVE = QT_TRANSLATE_NOOP("BulkEditDialog", "(leave as it is)")
NONE = QT_TRANSLATE_NOOP("BulkEditDialog", "(none)")


def _choices(vocabulary: type[Vocabulary], blank: str = LEAVE) -> QComboBox:
    combo = QComboBox()
    combo.addItem(QCoreApplication.translate("BulkEditDialog", blank), "")
    for member in vocabulary:
        combo.addItem(vocab_labels.label(member), member.value)
    return combo


class BulkEditDialog(QDialog):
    """One edit to *selected* agreements or to all *matching* ones, with a live preview."""

    preview_ready = Signal(object)  # BulkPlan, or None when the edit is empty or refused
    applied = Signal(object)  # Changes
    failed = Signal(str)

    def __init__(
        self,
        sessions: sessionmaker[Session],
        url: URL,
        worker: Worker,
        selected: Sequence[int],
        matching: Sequence[int],
        rotation: Rotation | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sessions, self._url, self._worker = sessions, url, worker
        self._selected, self._matching = list(selected), list(matching)
        self._rotation = rotation
        self._generation = 0
        self._preview_job: Job | None = None
        self.progress: QProgressDialog | None = None
        self.plan: BulkPlan | None = None
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(self.tr("Bulk edit"))
        self.resize(720, 620)
        layout = QVBoxLayout(self)
        layout.addLayout(self._scope())
        layout.addLayout(self._controls())
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("bulkPreview")
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(self.tr("Choose a change: what it does shows here."))
        layout.addWidget(QLabel(self.tr("Preview:"), self))
        layout.addWidget(self.preview, 1)
        self.error = QLabel("", self)
        self.error.setObjectName("bulkError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style(self))
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(
            self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)

    # ------------------------------------------------------------- building

    def _scope(self) -> QHBoxLayout:
        row = QHBoxLayout()
        selected, matching = len(self._selected), len(self._matching)
        self.selected_button = QRadioButton(self.tr("The %Ln selected", "", selected), self)
        self.selected_button.setObjectName("scopeSelected")
        self.matching_button = QRadioButton(
            self.tr("All %Ln matching the filter", "", matching), self
        )
        self.matching_button.setObjectName("scopeMatching")
        (self.selected_button if self._selected else self.matching_button).setChecked(True)
        self.selected_button.setEnabled(bool(self._selected))
        for button in (self.selected_button, self.matching_button):
            button.toggled.connect(self._changed)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _controls(self) -> QFormLayout:
        form = QFormLayout()
        self.status = _choices(Status)
        self.kind = _choices(Kind)
        self.level = _choices(Level)
        self.add_field, self.remove_field = QLineEdit(self), QLineEdit(self)
        self.add_party, self.remove_party = QLineEdit(self), QLineEdit(self)
        self.role = QComboBox(self)
        for member in Role:
            self.role.addItem(vocab_labels.label(member), member.value)
        self.role.setCurrentIndex(self.role.findData(Role.PARTY.value))
        self.note = QLineEdit(self)
        self.milestone_kind = _choices(MilestoneKind, blank=NONE)
        self.milestone_on, self.milestone_text = QLineEdit(self), QLineEdit(self)
        self.add_field.setPlaceholderText(self.tr("e.g. Energy, or Transport > Rail"))
        self.add_party.setPlaceholderText(self.tr("e.g. Türkiye, KAZ, Oʻzbekiston"))
        self.milestone_on.setPlaceholderText(self.tr("date: YYYY, YYYY-MM or YYYY-MM-DD"))
        self.milestone_text.setPlaceholderText(self.tr("description"))
        names = (
            ("status", self.status),
            ("kind", self.kind),
            ("level", self.level),
            ("addField", self.add_field),
            ("removeField", self.remove_field),
            ("addParty", self.add_party),
            ("role", self.role),
            ("removeParty", self.remove_party),
            ("addNote", self.note),
            ("milestoneKind", self.milestone_kind),
            ("milestoneOn", self.milestone_on),
            ("milestoneText", self.milestone_text),
        )
        for name, widget in names:
            widget.setObjectName(f"bulk_{name}")
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._changed)
            else:
                widget.textChanged.connect(self._changed)
        party = QHBoxLayout()
        party.addWidget(self.add_party, 1)
        party.addWidget(QLabel(self.tr("as"), self))
        party.addWidget(self.role)
        milestone = QHBoxLayout()
        for widget in (self.milestone_kind, self.milestone_on, self.milestone_text):
            milestone.addWidget(widget, 1)
        form.addRow(self.tr("Set status:"), self.status)
        form.addRow(self.tr("Set kind:"), self.kind)
        form.addRow(self.tr("Set level:"), self.level)
        form.addRow(self.tr("Add field:"), self.add_field)
        form.addRow(self.tr("Remove field:"), self.remove_field)
        form.addRow(self.tr("Add party:"), party)
        form.addRow(self.tr("Remove party:"), self.remove_party)
        form.addRow(self.tr("Add note:"), self.note)
        form.addRow(self.tr("Add milestone:"), milestone)
        return form

    # ------------------------------------------------------------- the edit

    def ids(self) -> list[int]:
        """The agreements the edit is for: the selection, or all that match the filter."""
        return self._selected if self.selected_button.isChecked() else self._matching

    def edit(self) -> BulkEdit:
        """The edit the controls describe."""
        milestone = None
        if self.milestone_kind.currentData():
            milestone = MilestoneInput(
                self.milestone_kind.currentData(),
                self.milestone_on.text().strip(),
                self.milestone_text.text().strip(),
            )
        added = self.add_party.text().strip()
        return BulkEdit(
            status=self.status.currentData(),
            kind=self.kind.currentData(),
            level=self.level.currentData(),
            add_fields=_one(self.add_field.text()),
            remove_fields=_one(self.remove_field.text()),
            add_parties=((added, self.role.currentData() or Role.PARTY.value),) if added else (),
            remove_parties=_one(self.remove_party.text()),
            add_note=self.note.text().strip(),
            milestone=milestone,
        )

    def _changed(self, *_args: object) -> None:
        self.apply_button.setEnabled(False)  # until the preview of this edit is in
        self._generation += 1
        self._timer.start()

    def update_preview(self) -> None:
        """Ask the worker what the edit would do (the newest request wins)."""
        self._timer.stop()
        edit, ids, generation, sessions = self.edit(), self.ids(), self._generation, self._sessions
        if self._preview_job is not None:
            self._preview_job.cancel()
        if not edit:
            self._show_plan(generation, None, "")
            return

        def work(job: Job) -> BulkPlan:
            job.check()
            with sessions() as session:
                return plan_bulk_edit(session, ids, edit, job.check)

        self._preview_job = self._worker.submit(
            work,
            lambda plan: self._show_plan(generation, plan, ""),
            lambda error: self._preview_failed(generation, error),
        )

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        self._show_plan(generation, None, message_text(error))

    def _show_plan(self, generation: int, plan: BulkPlan | None, problem: str) -> None:
        if generation != self._generation:
            return  # the controls changed since: a newer preview is on its way
        self.plan = plan
        lines = [message_text(line) for line in plan.lines()] if plan else [problem]
        self.preview.setPlainText("\n".join(lines))
        self.apply_button.setEnabled(
            plan is not None and plan.changing > 0 and not plan.problems and not plan.missing
        )
        self.preview_ready.emit(plan)

    def apply(self) -> None:
        """Check the edit, back up an SQLite file, apply it in one transaction (on the worker)."""
        edit, ids, sessions, url = self.edit(), self.ids(), self._sessions, self._url
        rotation = self._rotation
        self.apply_button.setEnabled(False)
        count = len(ids)
        changing = self.tr("Changing %Ln agreement(s)…", "", count)

        def work(job: Job) -> Changes:
            with sessions.begin() as session:
                return apply_bulk_edit(
                    session,
                    ids,
                    edit,
                    check=job.check,
                    # Checked first: a refused edit leaves no backup behind.
                    before_write=lambda: backup_before(url, BEFORE_BULK_EDIT, rotation),
                )

        self.progress = run_with_progress(
            self, self._worker, changing, work, self._done, self._failed
        )

    def _done(self, changes: Changes) -> None:
        self.applied.emit(changes)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            message = self.tr("Cancelled: nothing was changed.")
        elif isinstance(error, BulkEditError):
            message = message_text(error)
        else:
            message = fill(self.tr("Not changed: %1"), error)
        self.error.setText(message)
        self.error.show()
        self.apply_button.setEnabled(True)
        self.failed.emit(message)


def _one(text: str) -> tuple[str, ...]:
    cleaned = " ".join(text.split())
    return (cleaned,) if cleaned else ()

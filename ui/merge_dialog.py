"""Two records of one agreement side by side: choose each fact, then merge them into one.

The plan (both sides' facts, the united parties and fields) is read on the window's worker
when the dialog opens and again when the sides are swapped; the merge itself runs there
too, in one transaction, with the versions read here, so a change saved meanwhile is
refused instead of merged unseen.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from models.backups import BEFORE_MERGE, Rotation, backup_before
from models.merge import MergePlan, MergeResult, Side, merge_agreements, merge_plan
from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from models.service import ConflictError, NotFoundError, ValidationError
from ui.colours import error_style
from ui.model_messages import message_text
from ui.translations import fill
from ui.workers import Job, Worker

# models.merge.FIELD_LABELS, marked for translation: the dialog shows them in the window's
# language (a fact not listed here keeps its English label).
ROW_LABELS = {
    "title": QT_TRANSLATE_NOOP("MergeDialog", "Title"),
    "short_title": QT_TRANSLATE_NOOP("MergeDialog", "Short title"),
    "kind": QT_TRANSLATE_NOOP("MergeDialog", "Kind"),
    "binding": QT_TRANSLATE_NOOP("MergeDialog", "Binding"),
    "level": QT_TRANSLATE_NOOP("MergeDialog", "Level"),
    "status": QT_TRANSLATE_NOOP("MergeDialog", "Status"),
    "signed_on": QT_TRANSLATE_NOOP("MergeDialog", "Signed on"),
    "signed_at": QT_TRANSLATE_NOOP("MergeDialog", "Signed at"),
    "entry_into_force": QT_TRANSLATE_NOOP("MergeDialog", "Entry into force"),
    "entry_into_force_rule": QT_TRANSLATE_NOOP("MergeDialog", "Entry-into-force rule"),
    "expires_on": QT_TRANSLATE_NOOP("MergeDialog", "Expires on"),
    "duration": QT_TRANSLATE_NOOP("MergeDialog", "Duration"),
    "renewal": QT_TRANSLATE_NOOP("MergeDialog", "Renewal"),
    "terminated_on": QT_TRANSLATE_NOOP("MergeDialog", "Terminated on"),
    "termination_grounds": QT_TRANSLATE_NOOP("MergeDialog", "Termination grounds"),
    "depositary": QT_TRANSLATE_NOOP("MergeDialog", "Depositary"),
    "un_registration": QT_TRANSLATE_NOOP("MergeDialog", "UN registration"),
    "summary": QT_TRANSLATE_NOOP("MergeDialog", "Summary"),
    "notes": QT_TRANSLATE_NOOP("MergeDialog", "Notes"),
    "source_citation": QT_TRANSLATE_NOOP("MergeDialog", "Source"),
    "source_url": QT_TRANSLATE_NOOP("MergeDialog", "Source URL"),
}
_SHOWN = 55  # characters of a value shown beside its button (two fit side by side); all in a tip


class MergeDialog(QDialog):
    """Merge agreement *other_id* into *keep_id*, fact by fact; emits merged(result)."""

    merged = Signal(object)  # MergeResult
    failed = Signal(str)
    plan_shown = Signal()  # the plan read on the worker (on opening or a swap) is shown

    def __init__(
        self,
        sessions: sessionmaker[Session],
        worker: Worker,
        keep_id: int,
        other_id: int,
        parent: QWidget | None = None,
        rotation: Rotation | None = None,
        plan: MergePlan | None = None,
    ) -> None:
        """*plan*: read beforehand on the worker; else read there now (plan_shown follows)."""
        super().__init__(parent)
        self._sessions = sessions
        self._rotation = rotation
        self._worker = worker
        self._groups: dict[str, QButtonGroup] = {}
        self.setObjectName("mergeDialog")
        self.resize(900, 560)
        self._layout = QVBoxLayout(self)
        self.setWindowTitle(fill(self.tr("Merge agreements %1 and %2"), keep_id, other_id))
        self.plan: MergePlan | None = plan
        if plan is None:
            self._read_plan(keep_id, other_id)
        else:
            self._build()

    # ------------------------------------------------------------- building

    def _read_plan(self, keep_id: int, other_id: int) -> None:
        """Read the plan for keeping *keep_id* on the worker, then show it in place of this one."""
        sessions = self._sessions

        def work(_job: Job) -> MergePlan:
            with sessions.begin() as session:
                return merge_plan(session, keep_id, other_id)

        def show(plan: MergePlan) -> None:
            if not shiboken6.isValid(self):
                return  # closed with its window meanwhile
            self.plan = plan
            self._clear()
            self._build()
            self.plan_shown.emit()

        def failed(error: BaseException) -> None:
            if shiboken6.isValid(self):
                self._failed(error)

        self._worker.submit(work, show, failed)

    def _build(self) -> None:
        plan = self.plan
        assert plan is not None
        title = self.tr("Merge agreements %1 and %2")
        self.setWindowTitle(fill(title, plan.keep_id, plan.other_id))
        words = self.tr(
            "Agreement %1 is merged into agreement %2: choose the value to keep where they "
            "differ. Parties, fields, milestones and relations of both are kept, and so is "
            "the history of both; %1 will open %2 from then on."
        )
        intro = QLabel(fill(words, plan.other_id, plan.keep_id), self)
        intro.setWordWrap(True)
        self._layout.addWidget(intro)
        self._layout.addWidget(self._choices(), 1)
        self.preview = QLabel(self._preview_text(), self)
        self.preview.setObjectName("mergePreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self._layout.addWidget(self.preview)
        self.error = QLabel("", self)
        self.error.setObjectName("mergeError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style(self))
        self.error.hide()
        self._layout.addWidget(self.error)
        self._layout.addWidget(self._buttons())

    def _choices(self) -> QScrollArea:
        grid_widget = QWidget(self)
        grid = QGridLayout(grid_widget)
        plan = self.plan
        assert plan is not None
        for column, text in enumerate(
            (
                "",
                fill(self.tr("Agreement %1 (kept)"), plan.keep_id),
                fill(self.tr("Agreement %1"), plan.other_id),
            )
        ):
            header = QLabel(f"<b>{text}</b>", grid_widget)
            grid.addWidget(header, 0, column)
        differing = [row for row in plan.rows if row.differs]
        for number, row in enumerate(differing, start=1):
            words = ROW_LABELS.get(row.name)
            words = QCoreApplication.translate("MergeDialog", words) if words else row.label
            grid.addWidget(QLabel(words, grid_widget), number, 0, Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(self)
            for column, (side, text) in enumerate(
                (("keep", row.keep_text), ("other", row.other_text)), start=1
            ):
                text = message_text(text)
                button = QRadioButton(_shown(text), grid_widget)
                button.setObjectName(f"{row.name}_{side}")
                button.setToolTip(text)
                # Clipped, not widening the grid: two long summaries side by side still fit.
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                button.setChecked(side == row.default)
                group.addButton(button)
                grid.addWidget(button, number, column, Qt.AlignmentFlag.AlignTop)
            self._groups[row.name] = group
        same = len(plan.rows) - len(differing)
        note = QLabel(
            self.tr("%n other fact(s) the same on both sides (or empty).", "", same), grid_widget
        )
        grid.addWidget(note, len(differing) + 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(differing) + 2, 1)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(grid_widget)
        return area

    def _preview_text(self) -> str:
        none = self.tr("none")
        assert self.plan is not None
        parties = ", ".join(self.plan.parties) or none
        fields = ", ".join(self.plan.fields) or none
        words = self.tr("Parties after the merge: %1\nFields after the merge: %2")
        return fill(words, parties, fields)

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(self)
        self.merge_button = box.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        self.swap_button = QPushButton(self.tr("Keep the other id"), self)
        self.swap_button.setObjectName("swapButton")
        instead = self.tr("Merge %1 into %2 instead")
        assert self.plan is not None
        self.swap_button.setToolTip(fill(instead, self.plan.keep_id, self.plan.other_id))
        box.addButton(self.swap_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button.clicked.connect(self.merge)
        self.swap_button.clicked.connect(self.swap)
        cancel.clicked.connect(self.reject)
        return box

    # ------------------------------------------------------------- actions

    def choices(self) -> dict[str, Side]:
        """The side chosen for every fact that differs."""
        chosen: dict[str, Side] = {}
        for name, group in self._groups.items():
            button = group.checkedButton()
            chosen[name] = "other" if button and button.objectName().endswith("_other") else "keep"
        return chosen

    def choose(self, name: str, side: Side) -> None:
        """Tick *side* for fact *name* (as a click on its radio button does)."""
        for button in self._groups[name].buttons():
            if button.objectName() == f"{name}_{side}":
                button.setChecked(True)

    def swap(self) -> None:
        """Keep the other agreement's id instead, reading both again on the worker."""
        if self.plan is None:
            return
        self.swap_button.setEnabled(False)
        self.merge_button.setEnabled(False)
        self._read_plan(self.plan.other_id, self.plan.keep_id)

    def _clear(self) -> None:
        for group in self._groups.values():
            group.deleteLater()
        self._groups.clear()
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # gone from findChild now, not at the next turn
                widget.deleteLater()

    def merge(self) -> None:
        """Merge on the worker; close on success, else say why and stay open."""
        plan, choices, sessions = self.plan, self.choices(), self._sessions
        if plan is None:
            return
        self.merge_button.setEnabled(False)

        rotation = self._rotation

        def work(_job: Job) -> MergeResult:
            with sessions.begin() as session:
                backup_before(session.get_bind().url, BEFORE_MERGE, rotation)  # type: ignore[union-attr]  # an Engine; before it writes
                return merge_agreements(
                    session, plan.keep_id, plan.other_id, choices, versions=plan.versions
                )

        self._worker.submit(work, self._done, self._failed)

    def _done(self, result: MergeResult) -> None:
        self.merged.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if self.plan is None:  # nothing was read: nothing to merge, only the reason
            self._clear()
            self.error = QLabel("", self)
            self.error.setObjectName("mergeError")
            self.error.setWordWrap(True)
            self._layout.addWidget(self.error)
        else:
            self.merge_button.setEnabled(True)
            self.swap_button.setEnabled(True)
        if isinstance(error, ValidationError):
            reasons = "; ".join(map(message_text, error.errors.values()))
            message = fill(self.tr("Not merged: %1"), reasons)
        elif isinstance(error, (ConflictError, NotFoundError)):
            again = self.tr("Not merged: %1. Close and open the merge again to see the change.")
            message = fill(again, message_text(error))
        else:
            message = fill(self.tr("Not merged: %1"), error)
        self.error.setText(message)
        self.error.show()
        self.failed.emit(message)


def _shown(text: str) -> str:
    if not text:
        return QCoreApplication.translate("MergeDialog", "(empty)")
    line = " ".join(text.split())
    return line if len(line) <= _SHOWN else line[: _SHOWN - 1] + "…"

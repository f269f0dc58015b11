"""The attachments of the selected agreement, under the detail pane and in the editor.

Lists each attachment (label, file, version, size, whether its text is searched), says
when the search found the agreement only in an attachment (with the passage), and adds,
opens, saves, replaces and removes files. Files dropped on the panel or on the detail
pane are attached. Every database job runs on the window's worker: a 50 MB PDF is stored
with a progress dialog whose Cancel leaves nothing behind.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.attachment_hits import SearchHits, matched_words, search_hits
from models.attachment_text import TextStatus
from models.attachments import (
    AttachmentView,
    attach_file,
    list_attachments,
    remove_attachment,
    replace_file,
    restore_attachment,
    save_copy,
    size_text,
)
from models.cancelled import Cancelled
from models.changes import Changes
from models.database import Database
from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from models.text import search_terms
from ui import locale_text
from ui.attachment_notes import text_tip
from ui.colours import error_style
from ui.empty_hint import empty_hint
from ui.flow_layout import FlowLayout
from ui.locale_text import data_size
from ui.model_messages import message_text
from ui.translations import fill
from ui.workers import Job, Worker, run_with_progress

if TYPE_CHECKING:
    from ui.agreement_dialog import AgreementDialog

COLUMNS = (
    QT_TRANSLATE_NOOP("AttachmentPanel", "Label"),
    QT_TRANSLATE_NOOP("AttachmentPanel", "File"),
    QT_TRANSLATE_NOOP("AttachmentPanel", "Version"),
    QT_TRANSLATE_NOOP("AttachmentPanel", "Size"),
    QT_TRANSLATE_NOOP("AttachmentPanel", "Added"),
    QT_TRANSLATE_NOOP("AttachmentPanel", "Text"),
)
ATTACHMENTS_HINT = QT_TRANSLATE_NOOP(
    "AttachmentPanel",
    "The selected agreement's files appear here. Add… (or drop files here) keeps its signed "
    "text, a translation or a press release with it; their text is searched with the rest.",
)
_STATUS_MARK = {
    TextStatus.TEXT: QT_TRANSLATE_NOOP("AttachmentPanel", "searched"),
    TextStatus.SCANNED: QT_TRANSLATE_NOOP("AttachmentPanel", "⚠ scanned: no text layer"),
    TextStatus.UNREADABLE: QT_TRANSLATE_NOOP("AttachmentPanel", "⚠ could not be read"),
    TextStatus.NONE: QT_TRANSLATE_NOOP("AttachmentPanel", "not searched"),
}


@dataclass(frozen=True)
class _Loaded:
    generation: int
    attachments: list[AttachmentView]
    hits: SearchHits | None


def dropped_files(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    """The local files a drag carries (none for text, links or remote URLs)."""
    data = event.mimeData()
    if not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


class AttachmentPanel(QWidget):
    """The selected agreement's attachments, with the actions on them."""

    loaded = Signal()  # the list shows the current agreement's attachments
    changed = Signal(object)  # Changes: files attached, replaced or removed
    failed = Signal(str)  # an action was refused; the message is on the panel too
    copy_written = Signal(str)  # the path a copy was saved to (or opened from)

    def __init__(
        self, database: Callable[[], Database], worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentPanel")
        self.setAcceptDrops(True)
        self._database, self._worker = database, worker
        self._agreement_id: int | None = None
        self._words = ""
        self._generation = 0
        self._attachments: list[AttachmentView] = []
        self.progress: QProgressDialog | None = None  # of the latest attach
        self._temporary = tempfile.TemporaryDirectory(prefix="treaty-tracker-")
        self._build()
        self._update_buttons()

    def _build(self) -> None:
        heading = self.tr("Attachments")
        self.title = QLabel(f"<b>{escape(heading)}</b>", self)
        self.hits_label = QLabel(self)
        self.hits_label.setObjectName("attachmentHits")
        self.hits_label.setWordWrap(True)
        self.hits_label.setTextFormat(Qt.TextFormat.RichText)
        self.hits_label.hide()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("attachmentError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(error_style(self))
        self.error_label.hide()
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("attachmentList")
        self.tree.setAccessibleName(self.tr("Attachments"))
        self.tree.setHeaderLabels([self.tr(column) for column in COLUMNS])
        self.tree.setRootIsDecorated(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.tree.setAcceptDrops(False)  # drops land on the panel itself
        self.empty_hint = empty_hint(self.tree, self.tr(ATTACHMENTS_HINT))
        self.add_button = self._button(
            self.tr("Add…"), self.tr("Attach files to this agreement"), self.choose_files
        )
        self.open_button = self._button(
            self.tr("Open"), self.tr("Open with the system's viewer"), self.open_selected
        )
        self.save_button = self._button(
            self.tr("Save copy…"), self.tr("Save a copy of the file"), self.save_selected
        )
        self.replace_button = self._button(
            self.tr("Replace…"),
            self.tr("Add a new version (the earlier ones stay listed)"),
            self.replace_selected,
        )
        self.remove_button = self._button(
            self.tr("Remove"),
            self.tr("Remove it (kept, and no longer searched)"),
            self.remove_selected,
        )
        self.restore_button = self._button(
            self.tr("Restore"), self.tr("Bring the removed attachment back"), self.restore_selected
        )
        self.restore_button.setObjectName("restoreAttachmentButton")
        self.show_removed = QCheckBox(self.tr("Show removed"), self)
        self.show_removed.setObjectName("showRemovedAttachments")
        self.show_removed.setToolTip(self.tr("List removed attachments too, to restore them"))
        self.show_removed.toggled.connect(lambda _checked: self.reload())
        # Rows that wrap: under the details pane the column is narrow, and the buttons' words
        # are longer in some languages.
        buttons = FlowLayout()
        for button in (
            self.add_button,
            self.open_button,
            self.save_button,
            self.replace_button,
            self.remove_button,
            self.restore_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        heading = QHBoxLayout()  # the check box beside the title: the buttons' row is full
        heading.addWidget(self.title)
        heading.addStretch(1)
        heading.addWidget(self.show_removed)
        layout.addLayout(heading)
        layout.addWidget(self.hits_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------ showing

    def show_agreement(self, agreement_id: int | None, words: str = "") -> None:
        """List this agreement's attachments (none), and where *words* were found in it."""
        self._agreement_id, self._words = agreement_id, words
        self._generation += 1
        self.error_label.hide()
        if agreement_id is None:
            self._show(_Loaded(self._generation, [], None))
            return
        sessions, generation = self._database().sessions, self._generation
        removed_too = self.show_removed.isChecked()

        def work(_job: Job) -> _Loaded:
            with sessions() as session:
                listed = list_attachments(session, agreement_id)
                if removed_too:
                    listed += list_attachments(session, agreement_id, removed=True)
                hits = search_hits(session, agreement_id, words) if search_terms(words) else None
            return _Loaded(generation, listed, hits)

        self._worker.submit(work, self._show, self._fail)

    def follow_search(self, words: str) -> None:
        """The search box changed: say again where the shown agreement matches it."""
        if words != self._words:
            self.show_agreement(self._agreement_id, words)

    def reload(self) -> None:
        self.show_agreement(self._agreement_id, self._words)

    @property
    def agreement_id(self) -> int | None:
        """The agreement whose attachments the panel shows (or is reading)."""
        return self._agreement_id

    def _show(self, result: _Loaded) -> None:
        if result.generation != self._generation:
            return  # another agreement was selected meanwhile
        self._attachments = result.attachments
        chosen = self._selected()  # the same attachment stays chosen when the list is read again
        self.tree.clear()
        for attachment in result.attachments:
            item = self._item(attachment, attachment.current.number, attachment.label)
            for version in reversed(attachment.versions[:-1]):
                item.addChild(self._item(attachment, version.number, ""))
            self.tree.addTopLevelItem(item)
            if chosen is not None and chosen[0] == attachment.id:
                self.tree.setCurrentItem(item)
        for column in range(len(COLUMNS) - 1):
            self.tree.resizeColumnToContents(column)
        self._show_hits(result.hits)
        self._update_buttons()
        self.loaded.emit()

    def _item(self, attachment: AttachmentView, number: int, label: str) -> QTreeWidgetItem:
        version = next(v for v in attachment.versions if v.number == number)
        language = f" [{attachment.language}]" if attachment.language and label else ""
        removed = " " + self.tr("(removed)") if attachment.removed_at is not None and label else ""
        item = QTreeWidgetItem(
            [
                label + language + removed,
                version.filename,
                fill(self.tr("v%1", "a file's version, under the Version column"), version.number),
                data_size(version.size, size_text(version.size), base=1000),
                locale_text.stored_day(version.added_at),
                self.tr(_STATUS_MARK[version.text_status]),
            ]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, (attachment.id, version.id, version.filename))
        item.setToolTip(5, text_tip(version.text_note, version.text_status))
        who = version.added_by or self.tr("unknown")
        item.setToolTip(1, f"SHA-256 {version.sha256}\n" + fill(self.tr("added by %1"), who))
        if attachment.removed_at is not None:
            for column in range(len(COLUMNS)):
                item.setForeground(column, self.palette().brush(QPalette.ColorRole.PlaceholderText))
        return item

    def _show_hits(self, hits: SearchHits | None) -> None:
        if hits is None or not hits.attachments:
            self.hits_label.hide()
            return
        terms = search_terms(self._words)
        lead = (
            self.tr("Found only in %1 (%2): %3")
            if hits.only_in_attachments
            else self.tr("Also found in %1 (%2): %3")
        )
        parts = [
            fill(
                escape(lead),
                f"<b>{escape(hit.label)}</b>",
                escape(hit.filename),
                f"“{_highlighted(hit.passage, terms)}”",
            )
            for hit in hits.attachments
        ]
        self.hits_label.setText("<br/>".join(parts))
        self.hits_label.show()

    def _update_buttons(self) -> None:
        writable = self._agreement_id is not None and self._database().can_write
        chosen = self.tree.currentItem() is not None and bool(self.tree.selectedItems())
        self.add_button.setEnabled(writable)
        self.open_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)
        removed = chosen and self._chosen_removed()
        self.replace_button.setEnabled(chosen and writable and not removed)
        self.remove_button.setEnabled(chosen and writable and not removed)
        self.restore_button.setEnabled(bool(removed) and writable)
        # Restore takes Remove's place for a removed attachment: one row of buttons still fits.
        self.restore_button.setVisible(bool(removed))
        self.remove_button.setVisible(not removed)

    def _chosen_removed(self) -> bool:
        """Whether the chosen attachment is a removed one (listed with Show removed)."""
        chosen = self._selected()
        found = next((a for a in self._attachments if chosen and a.id == chosen[0]), None)
        return found is not None and found.removed_at is not None

    def _selected(self) -> tuple[int, int, str] | None:
        items = self.tree.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    # ------------------------------------------------------------ actions

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if paths:
            self.attach_files([Path(path) for path in paths])

    def attach_files(self, paths: list[Path], label: str = "document") -> None:
        """Attach these files to the shown agreement, with progress; all or none."""
        agreement_id = self._agreement_id
        if agreement_id is None or not paths or not self._database().can_write:
            return
        sessions = self._database().sessions
        total = sum(path.stat().st_size for path in paths if path.is_file()) or 1

        def work(job: Job) -> Changes:
            changes, done = Changes(), 0
            with sessions.begin() as session:
                for path in paths:
                    base = done
                    result = attach_file(
                        session,
                        agreement_id,
                        path,
                        label=label,
                        progress=lambda now, _all, base=base: job.progress(base + now, total),  # type: ignore[misc]  # base bound per file
                        check=job.check,
                    )
                    done += result.version.size
                    changes = changes | result.changes
            return changes

        names = ", ".join(path.name for path in paths)
        self.progress = run_with_progress(
            self, self._worker, fill(self.tr("Attaching %1…"), names), work, self._done, self._fail
        )

    def replace_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        path, _filter = QFileDialog.getOpenFileName(self, fill(self.tr("Replace %1"), chosen[2]))
        if path:
            self.replace_with(Path(path))

    def replace_with(self, path: Path) -> None:
        """Add *path* as the selected attachment's new version."""
        chosen, sessions = self._selected(), self._database().sessions
        if chosen is None:
            return

        def work(job: Job) -> Changes:
            with sessions.begin() as session:
                result = replace_file(
                    session, chosen[0], path, progress=job.progress, check=job.check
                )
            return result.changes

        run_with_progress(
            self,
            self._worker,
            fill(self.tr("Storing %1…"), path.name),
            work,
            self._done,
            self._fail,
        )

    def remove_selected(self) -> None:
        chosen, sessions = self._selected(), self._database().sessions
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove attachment"),
            fill(
                self.tr(
                    "Remove %1? It is kept, but no longer listed or searched: Undo, or "
                    "Show removed and Restore, brings it back."
                ),
                chosen[2],
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def work(_job: Job) -> Changes:
            with sessions.begin() as session:
                return remove_attachment(session, chosen[0])

        self._worker.submit(work, self._done, self._fail)

    def restore_selected(self) -> None:
        """Bring the chosen removed attachment back (an undoable step, as the removal was)."""
        chosen, sessions = self._selected(), self._database().sessions
        if chosen is None or not self._chosen_removed():
            return

        def work(_job: Job) -> Changes:
            with sessions.begin() as session:
                return restore_attachment(session, chosen[0])

        self._worker.submit(work, self._done, self._fail)

    def open_selected(self) -> None:
        """Open the selected version with the system's viewer (a copy in a temporary folder)."""
        chosen = self._selected()
        if chosen is None:
            return
        _attachment, version_id, filename = chosen
        target = Path(self._temporary.name) / str(version_id) / filename
        target.parent.mkdir(parents=True, exist_ok=True)
        self._write_copy(version_id, target, lambda path: self._open(path))

    def save_selected(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), chosen[2])
        if path:
            self._write_copy(chosen[1], Path(path), lambda done: self.copy_written.emit(str(done)))

    def _write_copy(self, version_id: int, target: Path, then: Callable[[Path], None]) -> None:
        sessions = self._database().sessions

        def work(job: Job) -> Path:
            with sessions() as session:
                return save_copy(session, version_id, target, job.progress, job.check)

        run_with_progress(
            self, self._worker, fill(self.tr("Writing %1…"), target.name), work, then, self._fail
        )

    def _open(self, path: Path) -> None:
        self.copy_written.emit(str(path))
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._fail(RuntimeError(fill(self.tr("no program to open %1 was found"), path.name)))

    def _done(self, changes: Changes) -> None:
        self.changed.emit(changes)
        self.reload()

    def _fail(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        message = message_text(error) or type(error).__name__
        self.error_label.setText(escape(message))
        self.error_label.show()
        self.failed.emit(message)

    # ------------------------------------------------------------ drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.accepts(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.take_drop(event):
            event.acceptProposedAction()

    def accepts(self, event: QDropEvent | QDragEnterEvent) -> bool:
        """Whether a drag carries files this panel would attach now."""
        writable = self._agreement_id is not None and self._database().can_write
        return writable and bool(dropped_files(event))

    def take_drop(self, event: QDropEvent) -> bool:
        """Attach the files of a drop; whether there were any."""
        if not self.accepts(event):
            return False
        self.attach_files(dropped_files(event))
        return True


class FileDropFilter(QObject):
    """Lets files dropped on another widget (the detail pane) be attached by the panel."""

    def __init__(self, panel: AttachmentPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panel = panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self._panel.accepts(event):  # type: ignore[arg-type]  # a drag event, by its type
                event.acceptProposedAction()  # type: ignore[attr-defined]  # as above
                return True
        elif kind == QEvent.Type.Drop and self._panel.take_drop(event):  # type: ignore[arg-type]  # a drop
            event.acceptProposedAction()  # type: ignore[attr-defined]  # a drop event
            return True
        return super().eventFilter(watched, event)


def _highlighted(passage: str, terms: list[str]) -> str:
    """The passage as HTML, the matching words in bold."""
    parts, last = [], 0
    for start, end in matched_words(passage, terms):
        parts.append(escape(passage[last:start]))
        parts.append(f"<b>{escape(passage[start:end])}</b>")
        last = end
    parts.append(escape(passage[last:]))
    return "".join(parts)


def attachment_column(detail: QWidget, panel: AttachmentPanel, parent: QWidget) -> QSplitter:
    """The detail pane above the attachments; files dropped on either are attached."""
    column = QSplitter(Qt.Orientation.Vertical, parent)
    column.setObjectName("detailColumn")
    column.addWidget(detail)
    column.addWidget(panel)
    column.setStretchFactor(0, 3)
    column.setStretchFactor(1, 1)
    target = detail.viewport() if hasattr(detail, "viewport") else detail
    target.setAcceptDrops(True)
    target.installEventFilter(FileDropFilter(panel, column))
    return column


def attachments_tab(
    dialog: AgreementDialog, database: Callable[[], Database], worker: Worker
) -> AttachmentPanel:
    """An Attachments tab in the editor of a recorded agreement (changes apply at once)."""
    page = QWidget(dialog)
    note = QLabel(
        QCoreApplication.translate(
            "AttachmentPanel",
            "Files are attached, replaced and removed at once, not when the agreement is saved.",
        ),
        page,
    )
    note.setWordWrap(True)
    panel = AttachmentPanel(database, worker, page)
    layout = QVBoxLayout(page)
    layout.addWidget(note)
    layout.addWidget(panel, 1)
    dialog.tabs.addTab(page, QCoreApplication.translate("AttachmentPanel", "Attachments"))
    panel.show_agreement(dialog.agreement_id)
    return panel

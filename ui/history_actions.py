"""Edit › Undo / Redo, Delete (to the trash) and View › Trash for the main window.

Every read and write runs on the window's worker. Undo and Redo name the step they will
replay ("Undo edit of 'Treaty of …'") and are disabled when there is none; their labels
are read again after every change the window shows (it calls read_labels) and in the
same job as a delete, undo or redo, so they are right as soon as the table is. The window
lends its context (ui/window_context.py) and shows what these signal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from models import history, trash
from models.changes import Changes
from models.service import ConflictError, NotFoundError
from models.users import current_user
from ui.model_messages import message_text, step_label
from ui.translations import fill
from ui.window_context import WindowContext
from ui.workers import Job

Labels = tuple[str | None, str | None]


def _labels(session: Any, user: str) -> Labels:
    undo, redo = history.next_undo(session, user), history.next_redo(session, user)
    return (undo.label if undo else None, redo.label if redo else None)


class HistoryActions(QObject):
    """The undo, redo, delete and trash actions of one main window."""

    labels_changed = Signal()  # the Undo / Redo texts were read again (tests wait on it)
    replayed = Signal(object)  # a history.Replayed, once the window shows its change
    # A write's Changes and the agreements it brought back or changed, to select once shown.
    changed = Signal(object, list)
    message = Signal(str)  # what was done, in words, for the status bar
    refused = Signal()  # a write was refused (and explained): the window reads all again

    def __init__(self, context: WindowContext, make_action: Callable[..., QAction]) -> None:
        """*make_action(name, text, slot, shortcut=None, tip="")*: one of the window's actions."""
        super().__init__(context.parent)
        self.context = context
        self.undo_action = make_action(
            "actionUndo", self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo
        )
        self.redo_action = make_action("actionRedo", self.tr("&Redo"), self.redo, "Ctrl+Shift+Z")
        self.trash_action = make_action(
            "actionShowTrash",
            self.tr("&Trash…"),
            self.show_trash,
            tip=self.tr("Deleted agreements: restore them"),
        )
        self._labels: Labels = (None, None)
        self._writable = False
        self.trash_dialog: Any = None
        self.enable(False)

    # ------------------------------------------------------------ labels

    def enable(self, writable: bool) -> None:
        """Enable what the user may do: undo and redo only with a step to replay."""
        self._writable = writable
        undo, redo = self._labels
        self.undo_action.setEnabled(writable and undo is not None)
        self.redo_action.setEnabled(writable and redo is not None)
        for action, texts, label in (
            (self.undo_action, self._undo_texts(), undo),
            (self.redo_action, self._redo_texts(), redo),
        ):
            menu, labelled, word, tip, labelled_tip = texts
            shown = step_label(label) if label else ""
            action.setText(fill(labelled, shown) if label else menu)  # the Edit menu: in full
            # The toolbar button keeps its one word (a long title would widen the toolbar);
            # what it will replay is in its tooltip.
            action.setIconText(word)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(fill(labelled_tip, shown, keys) if label else fill(tip, keys))

    def _undo_texts(self) -> tuple[str, str, str, str, str]:
        """The Undo action's words: menu, menu with a step, toolbar, tooltip, with a step."""
        return (
            self.tr("&Undo"),
            self.tr("&Undo %1"),
            self.tr("Undo"),
            self.tr("Undo (%1)"),
            self.tr("Undo %1 (%2)"),
        )

    def _redo_texts(self) -> tuple[str, str, str, str, str]:
        """The Redo action's words, as _undo_texts."""
        return (
            self.tr("&Redo"),
            self.tr("&Redo %1"),
            self.tr("Redo"),
            self.tr("Redo (%1)"),
            self.tr("Redo %1 (%2)"),
        )

    def read_labels(self) -> None:
        sessions, user = self.context.database().sessions, current_user()

        def work(_job: Job) -> Labels:
            with sessions() as session:
                return _labels(session, user)

        self.context.worker.submit(work, self._show_labels, lambda _error: None)

    def _show_labels(self, labels: Labels) -> None:
        self._labels = labels
        self.enable(self._writable)
        self.labels_changed.emit()

    # ------------------------------------------------------------ writes

    def _write(
        self,
        title: str,
        write: Callable[[Any, str], Any],
        done: Callable[[Any], None],
        refused: str = "",
    ) -> None:
        """Run write(session, user) on the worker, then the labels; done(result) after."""
        sessions, user = self.context.database().sessions, current_user()

        def work(_job: Job) -> tuple[Any, Labels]:
            with sessions.begin() as session:
                result = write(session, user)
            with sessions() as session:
                return result, _labels(session, user)

        def finished(outcome: tuple[Any, Labels]) -> None:
            result, labels = outcome
            self._show_labels(labels)
            done(result)

        def failed(error: BaseException) -> None:
            expected = (ConflictError, NotFoundError, trash.NotInTrashError)
            if not isinstance(error, (*expected, history.HistoryConflict, history.NothingToUndo)):
                reason = f"{type(error).__name__}: {error}"
                error = Exception(fill(self.tr("the database refused it (%1)"), reason))
            QMessageBox.warning(self.context.parent, title, f"{refused}{message_text(error)}")
            self.refused.emit()

        self.context.worker.submit(work, finished, failed)

    def undo(self) -> None:
        undid = self.tr("Undid %1.")
        self._write(self.tr("Undo"), history.undo, lambda result: self._replayed(result, undid))

    def redo(self) -> None:
        redid = self.tr("Redid %1.")
        self._write(self.tr("Redo"), history.redo, lambda result: self._replayed(result, redid))

    def _replayed(self, result: history.Replayed, done: str) -> None:
        self.message.emit(fill(done, step_label(result.label)))
        self.apply(result.changes)
        self.replayed.emit(result)

    def delete(self, ids: list[int], versions: dict[int, int]) -> None:
        """Move agreements to the trash; what someone saved since is refused, naming them."""

        def write(session: Any, user: str) -> Changes:
            return trash.delete(session, ids, versions, user=user)

        def done(changes: Changes) -> None:
            count = len(ids)
            moved = self.tr(
                "Moved %Ln agreement(s) to the trash. Ctrl+Z brings them back.", "", count
            )
            self.message.emit(moved)
            self.apply(changes)

        self._write(self.tr("Delete agreements"), write, done, self.tr("Nothing was deleted: "))

    def restore(self, ids: list[int], done: Callable[[], None] | None = None) -> None:
        """Bring agreements back from the trash (the trash dialog's Restore)."""

        def write(session: Any, user: str) -> Changes:
            return trash.restore(session, ids, user=user)

        def restored(changes: Changes) -> None:
            count = len(ids)
            self.message.emit(self.tr("Restored %Ln agreement(s).", "", count))
            self.apply(changes)
            if done is not None:
                done()

        self._write(self.tr("Restore"), write, restored)

    def purge_old(self) -> None:
        """Empty from the trash what was deleted longer ago than the setting (30 days)."""
        if not self.context.database().can_write:
            return
        sessions, days = self.context.database().sessions, self.context.settings.trash_days

        def work(_job: Job) -> list[int]:
            with sessions.begin() as session:
                return trash.empty_trash(session, timedelta(days=days)).ids

        self.context.worker.submit(work, lambda _ids: None, lambda _error: None)

    def apply(self, changes: Changes) -> None:
        """Have the window show a change in place, selecting what it brought back or changed."""
        # What came back (an undone delete, a restore) or changed is selected once shown.
        self.changed.emit(changes, sorted(changes.created | changes.changed)[:1000])

    # ------------------------------------------------------------ trash

    def show_trash(self) -> None:
        from ui.trash_dialog import TrashDialog  # on first use: a faster start

        self.trash_dialog = TrashDialog(self.context, self.restore)
        self.trash_dialog.message.connect(self.message)
        self.trash_dialog.open()

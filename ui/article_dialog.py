"""File › New from article…: paste or open a press release, review its drafts, save the kept.

Reading, drafting and saving run on the window's worker (a PDF takes a moment, and the
drafts are looked up among the records); the dialog only shows plain data. Selecting a
cell highlights the sentence behind its value in the article.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from models.extract import ArticleText, Evidence, read_article
from models.extract.reading import check_length
from models.extract.review import Review, review_article
from models.extract.saving import SavedDrafts, save_drafts
from models.service import ValidationError
from ui.colours import error_style, highlight_background
from ui.draft_table import COLUMNS, TITLE, DraftTable
from ui.translations import fill
from ui.workers import Job, Worker


class ArticleDialog(QDialog):
    """Drafts from an article, reviewed; emits saved(SavedDrafts) after Save."""

    drafted = Signal(object)  # Review: the drafts are shown
    saved = Signal(object)  # SavedDrafts
    failed = Signal(str)

    def __init__(
        self, sessions: sessionmaker[Session], worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._worker = worker
        self._drafted_text = ""
        self.setObjectName("articleDialog")
        self.setWindowTitle(self.tr("New from article"))
        self.resize(1280, 720)
        layout = QVBoxLayout(self)
        layout.addLayout(self._source_row())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._article_editor())
        splitter.addWidget(self._review_pane())
        splitter.setSizes([420, 860])
        layout.addWidget(splitter, 1)
        self.error = QLabel("", self)
        self.error.setObjectName("articleError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style(self))
        self.error.hide()
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())

    # ------------------------------------------------------------- building

    def _source_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open file…"), self)
        self.open_button.setObjectName("openArticleButton")
        self.open_button.setToolTip(self.tr("Read an article from a text, HTML or PDF file"))
        self.open_button.clicked.connect(self.choose_file)
        row.addWidget(self.open_button)
        row.addWidget(QLabel(self.tr("Published on:"), self))
        self.published = QLineEdit(self)
        self.published.setObjectName("publishedEdit")
        self.published.setPlaceholderText(self.tr("YYYY-MM-DD (else the article's dateline)"))
        self.published.setToolTip(
            self.tr(
                "The day the article appeared: 'Monday', 'yesterday' and 'this week' count from it"
            )
        )
        self.published.setMaximumWidth(260)
        row.addWidget(self.published)
        self.draft_button = QPushButton(self.tr("&Draft agreements"), self)
        self.draft_button.setObjectName("draftButton")
        self.draft_button.clicked.connect(self.draft)
        row.addWidget(self.draft_button)
        row.addStretch(1)
        return row

    def _article_editor(self) -> QPlainTextEdit:
        self.article = QPlainTextEdit(self)
        self.article.setObjectName("articleText")
        self.article.setPlaceholderText(self.tr("Paste the article here, or open a file."))
        return self.article

    def _review_pane(self) -> QWidget:
        pane = QWidget(self)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(self.tr("No drafts yet."), pane)
        self.status.setObjectName("draftStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = DraftTable(pane)
        self.table.currentCellChanged.connect(self._cell_selected)
        layout.addWidget(self.table, 2)
        self.notes = QLabel("", pane)
        self.notes.setObjectName("draftNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.notes, 1)
        return pane

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(self)
        self.save_button = box.addButton(
            self.tr("&Save kept drafts"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveDraftsButton")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        return box

    # ------------------------------------------------------------- drafting

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open article"),
            str(Path.home()),
            self.tr("Articles (*.txt *.html *.htm *.pdf);;All files (*)"),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Read *path* on the worker, show its text, and draft it."""
        published, sessions = self._published(), self._sessions
        if published is False:
            return

        def work(_job: Job) -> tuple[ArticleText, Review]:
            article = read_article(path.read_bytes(), path.name)
            when = published or _iso(article.published)
            with sessions.begin() as session:
                return article, review_article(session, article.text, when)

        self._busy(True)
        self._worker.submit(work, self._file_read, self._failed)

    def _file_read(self, result: tuple[ArticleText, Review]) -> None:
        article, review = result
        self.article.setPlainText(article.text)
        if article.published and not self.published.text().strip():
            self.published.setText(article.published)
        self._show(review, article.text)

    def draft(self) -> None:
        """Draft the pasted text on the worker."""
        text, published, sessions = self.article.toPlainText(), self._published(), self._sessions
        if published is False:
            return

        def work(_job: Job) -> Review:
            check_length(text, "the pasted text")
            with sessions.begin() as session:
                return review_article(session, text, published or None)

        self._busy(True)
        self._worker.submit(work, lambda review: self._show(review, text), self._failed)

    def _published(self) -> date | Literal[False] | None:
        """The date typed, None when none, False (and a message) when it is not a date."""
        text = self.published.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self._say(
                fill(self.tr("'%1' is not a date: give the publication date as YYYY-MM-DD."), text)
            )
            return False

    def _show(self, review: Review, text: str) -> None:
        self._busy(False)
        self._drafted_text = text
        extraction = review.extraction
        self.table.show_drafts(extraction.drafts, review.duplicates)
        recorded = sum(1 for found in review.duplicates if found)
        if extraction.drafts:
            words = [self.tr("%Ln draft(s)", "", len(extraction.drafts))]
            if extraction.published:
                words.append(fill(self.tr("published %1"), extraction.published))
            if recorded:
                words.append(self.tr("%Ln like recorded agreements (not ticked)", "", recorded))
            status = "; ".join(words) + self.tr(". Select a cell to see the sentence behind it.")
        else:
            status = self.tr(
                "No drafts: the article reports no document signed, initialled or adopted."
            )
        others = [n for n in extraction.notes if not n.startswith("The article reports no")]
        self.status.setText(" ".join([status, *others]))
        self.save_button.setEnabled(bool(extraction.drafts))
        self.notes.setText("")
        self.error.hide()
        if extraction.drafts:
            self.table.setCurrentCell(0, TITLE)
        self.drafted.emit(review)

    # ------------------------------------------------------------- evidence

    def _cell_selected(self, row: int, column: int, *_previous: int) -> None:
        if row < 0:
            return
        draft = self.table.original(row)
        key = COLUMNS[column][2] or "title"  # the tick and the warning: the title's sentence
        recorded = self.table.warning(row)
        looks_like = [
            fill(self.tr("Looks like recorded agreement %1"), line)
            for line in recorded.splitlines()
        ]
        self.notes.setText("\n".join([*looks_like, *draft.notes]))
        evidence = draft.evidence.get(key)
        self.highlight(evidence)

    def highlight(self, evidence: Evidence | None) -> None:
        """Mark the sentence behind a value in the article, and scroll to it."""
        if evidence is None:
            self.article.setExtraSelections([])
            return
        text = self.article.toPlainText()
        start = evidence.start
        if text[evidence.start : evidence.end] != evidence.sentence:
            start = text.find(evidence.sentence)  # the text was edited since it was drafted
            if start < 0:
                self.article.setExtraSelections([])
                return
        cursor = QTextCursor(self.article.document())
        cursor.setPosition(start)
        cursor.setPosition(start + len(evidence.sentence), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        highlight = QTextCharFormat()
        highlight.setBackground(highlight_background(self.article))
        selection.format = highlight
        self.article.setExtraSelections([selection])
        self.article.setTextCursor(QTextCursor(cursor.block()))
        self.article.centerCursor()

    # ------------------------------------------------------------- saving

    def save(self) -> None:
        """Record the ticked drafts, as edited, in one transaction on the worker."""
        drafts, sessions = self.table.kept(), self._sessions
        if not drafts:
            self._say(self.tr("Tick the drafts to save."))
            return

        def work(_job: Job) -> SavedDrafts:
            with sessions.begin() as session:
                # The user saw each warning and left the draft ticked: saved as asked.
                return save_drafts(session, drafts, keep_duplicates=True)

        self._busy(True)
        self._worker.submit(work, self._saved, self._failed)

    def _saved(self, result: SavedDrafts) -> None:
        self._busy(False)
        self.saved.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, ValidationError):
            problems = "; ".join(f"{key}: {problem}" for key, problem in error.errors.items())
            message = fill(self.tr("Nothing saved: %1"), problems)
        else:
            message = fill(self.tr("Not done: %1"), error)
        self._say(message)
        self.failed.emit(message)

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _busy(self, busy: bool) -> None:
        for button in (self.open_button, self.draft_button):
            button.setEnabled(not busy)
        self.save_button.setEnabled(not busy and self.table.rowCount() > 0)


def _iso(text: str) -> date | None:
    return date.fromisoformat(text) if text else None

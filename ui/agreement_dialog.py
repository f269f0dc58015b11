"""The dialog in which an agreement is recorded or edited: every field, parties, fields, milestones.

It reads and writes through `models.service` only, one transaction per load and per save,
and shows validation messages beside the fields they concern, keeping the dialog open.
Every read and write runs on the window's worker: the dialog stays responsive while it
saves, and its questions (a new party? a duplicate?) are asked here between the jobs.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from models import service
from models.changes import Changes
from models.duplicates import PossibleDuplicate
from models.messages import QT_TRANSLATE_NOOP  # typed: returns its str
from models.parties import doubtful_parties, known_names
from models.relations import (
    AgreementChoice,
    find_agreements,
)
from models.service import (
    DATE_FIELDS,
    AgreementInput,
    ConflictError,
    MilestoneInput,
    NotFoundError,
    ValidationError,
)
from models.typed_dates import TypedDateError, parse_typed
from models.vocab import Kind, Level, MilestoneKind, Status, Vocabulary
from ui import duplicate_warning, locale_text, vocab_labels
from ui.colours import error_colour, error_style
from ui.editor_data import EditorData, read_editor_data
from ui.field_picker import FieldPicker
from ui.form_errors import attribute_words, error_label, mark_invalid, nested_errors, show_error
from ui.model_messages import message_text
from ui.party_editor import PartyEditor
from ui.record_table import Column, RecordTable
from ui.relation_editor import RelationEditor
from ui.terms_fields import INTRO, TERM_KEYS, TERM_WIDTH, term_hint, term_rows
from ui.translations import fill
from ui.workers import Job, Worker

GENERAL, DATES, PARTIES, FIELDS, MILESTONES, SOURCE, RELATIONS, TERMS = range(8)
TAB_NAMES = (
    QT_TRANSLATE_NOOP("AgreementDialog", "General"),
    QT_TRANSLATE_NOOP("AgreementDialog", "Dates"),
    QT_TRANSLATE_NOOP("AgreementDialog", "Parties"),
    QT_TRANSLATE_NOOP("AgreementDialog", "Fields"),
    QT_TRANSLATE_NOOP("AgreementDialog", "Milestones"),
    QT_TRANSLATE_NOOP("AgreementDialog", "Source && notes"),
    QT_TRANSLATE_NOOP("AgreementDialog", "Relations"),
    QT_TRANSLATE_NOOP("AgreementDialog", "Terms"),
)

# Binding is yes / no / not recorded; combo data are strings because None is no QVariant.
_BINDING = (
    (QT_TRANSLATE_NOOP("AgreementDialog", "Not recorded"), "unknown", None),
    (QT_TRANSLATE_NOOP("AgreementDialog", "Binding"), "yes", True),
    (QT_TRANSLATE_NOOP("AgreementDialog", "Non-binding"), "no", False),
)

# The Save button's text (English keys; shown translated).
SAVE = QT_TRANSLATE_NOOP("AgreementDialog", "Save")
SAVING = QT_TRANSLATE_NOOP("AgreementDialog", "Saving…")
LOADING = QT_TRANSLATE_NOOP("AgreementDialog", "Loading…")

_MILESTONE_COLUMNS = [
    Column("kind", "Milestone", vocabulary=MilestoneKind, width=210),
    Column("on", "Date", is_date=True, width=130),
    Column("description", "Description"),
]


# Typed dates are read back beside the field and stored as ISO text.
TYPED_DATE_HINT = QT_TRANSLATE_NOOP("AgreementDialog", "e.g. 15 July 2022, July 2022, 2022")


def _t(text: str) -> str:
    """*text* (marked with QT_TRANSLATE_NOOP above) in the window's language."""
    return QCoreApplication.translate("AgreementDialog", text)


def _stored_date(text: str) -> str:
    """'15 July 2022' -> '2022-07-15'; text that is no date goes on as typed, for the save
    to refuse beside its field."""
    try:
        date = parse_typed(text)
    except TypedDateError:
        return text
    return date.iso() if date else ""


def _camel(key: str) -> str:
    """'signed_on' -> 'signedOn', for object names."""
    head, *rest = key.split("_")
    return head + "".join(part.capitalize() for part in rest)


class _Slot:
    """An input widget with the red label that shows its validation message."""

    def __init__(self, key: str, widget: QWidget, tab: int) -> None:
        self.widget = widget
        self.tab = tab
        self.error = error_label(f"{_camel(key)}Error")

    def show(self, message: str) -> None:
        show_error(self.error, message)
        mark_invalid(self.widget, bool(message))


class TitleEdit(QLineEdit):
    """The title box: coming into it never selects the whole title, so a keystroke cannot
    replace it; the cursor waits at the end."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.hasSelectedText() and self.selectedText() == self.text():
            self.deselect()
            self.end(False)


class AgreementDialog(QDialog):
    """Record a new agreement (optionally from a template) or edit an existing one."""

    saved = Signal(int)
    save_finished = Signal(bool)  # a save ended: saved (and closed), or not (the dialog stays)
    load_finished = Signal()  # what the dialog shows was read (again) on the worker
    open_existing = Signal(int)  # the user chose a recorded agreement over a probable duplicate

    def __init__(
        self,
        sessions: sessionmaker[Session],
        worker: Worker,
        agreement_id: int | None = None,
        *,
        template: AgreementInput | None = None,
        parent: QWidget | None = None,
        loaded: EditorData | None = None,
    ) -> None:
        """Edit *agreement_id*, or record a new one filled from *template*.

        *loaded*: what to show, read beforehand on the worker (read_editor_data); without
        it the dialog reads it on *worker* (load_finished follows; an agreement deleted
        meanwhile is named and the dialog closes).
        """
        super().__init__(parent)
        self._sessions = sessions
        self._worker = worker
        self._agreement_id = agreement_id
        self._version: int | None = None
        self.saved_changes = Changes()  # what the last save changed, for the window
        self._busy: str | None = None  # SAVING or LOADING while a job of this dialog runs
        self._shown = False  # something read was shown (a failed first read closes the dialog)
        # Set by Duplicate: the agreement copied, which the copy is not warned to repeat.
        self.copied_from: int | None = None
        self._slots: dict[str, _Slot] = {}
        self._captions: list[QLabel] = []
        self.setObjectName("agreementDialog")
        self._build()
        if loaded is None:
            self._load(template)
        else:
            self._show_loaded(loaded)

    @property
    def agreement_id(self) -> int | None:
        """The agreement being edited; None while a new one is not yet saved."""
        return self._agreement_id

    # ------------------------------------------------------------- building

    def _build(self) -> None:
        self.banner = error_label("generalError")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.party_editor = PartyEditor(self)
        self.field_picker = FieldPicker(self)
        self.milestones = RecordTable(
            _MILESTONE_COLUMNS,
            lambda: MilestoneInput(kind=MilestoneKind.REVIEW_DUE.value),
            noun="milestone",
            plural="milestones",
            parent=self,
        )
        self.milestones_error = error_label("milestonesError")
        self.relation_editor = RelationEditor(self._find_others, self._worker, self)
        pages = (
            self._general_page(),
            self._dates_page(),
            self.party_editor,
            self.field_picker,
            self._milestones_page(),
            self._source_page(),
            self.relation_editor,
            self._terms_page(),
        )
        for page, name in zip(pages, TAB_NAMES, strict=True):
            self.tabs.addTab(page, _t(name))
        widest = max(caption.sizeHint().width() for caption in self._captions)
        for caption in self._captions:
            caption.setMinimumWidth(widest)  # the forms of every tab line up
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._buttons())
        self._shortcuts()
        self.resize(920, 640)  # fits a 1366x768 screen with its task bar
        # The cursor starts in the title (not on the tab bar); given before the dialog is
        # shown, focus arrives without selecting the text, so typing never replaces it.
        self.tabs.setCurrentIndex(GENERAL)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(self)
        self.save_button = box.addButton(_t(SAVE), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save (Ctrl+Return)"))
        cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancelButton")
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)  # Return in a line edit must not save half a record
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        return box

    def _shortcuts(self) -> None:
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.save)

    def _line(
        self, key: str, label: str, tab: int, placeholder: str = "", *, kind: type = QLineEdit
    ) -> QLineEdit:
        edit = kind(self)
        edit.setPlaceholderText(placeholder)
        self._register(key, edit, label, "Edit", tab)
        return edit

    def _text(
        self, key: str, label: str, tab: int, lines: int, placeholder: str = ""
    ) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        if lines:
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
            # A fixed height alone still lets the form stretch the row around the editor.
            edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._register(key, edit, label, "Edit", tab)
        return edit

    def _combo(self, key: str, label: str, vocabulary: type[Vocabulary], tab: int) -> QComboBox:
        combo = QComboBox(self)
        for member in vocabulary:
            combo.addItem(vocab_labels.label(member), member.value)
        self._register(key, combo, label, "Combo", tab)
        return combo

    def _date(self, key: str, label: str) -> QLineEdit:
        hint = _t(TYPED_DATE_HINT)
        edit = self._line(key, label, DATES, hint)
        # Wide enough for the whole placeholder, which is the only place the format is told.
        edit.setFixedWidth(edit.fontMetrics().horizontalAdvance(hint) + 40)
        return edit

    def _register(self, key: str, widget: QWidget, label: str, suffix: str, tab: int) -> None:
        widget.setObjectName(_camel(key) + suffix)
        widget.setAccessibleName(label.replace("&", ""))
        self._slots[key] = _Slot(key, widget, tab)

    def _row(self, form: QFormLayout, label: str, key: str, hint: QWidget | None = None) -> None:
        """A form row: the widget, an optional hint beside it, its error label under it."""
        slot = self._slots[key]
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(slot.widget, 1 if hint is None else 0)
        if hint is not None:
            line.addWidget(hint, 1)
        column.addLayout(line)
        column.addWidget(slot.error)
        caption = QLabel(label, self)
        caption.setBuddy(slot.widget)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._captions.append(caption)
        form.addRow(caption, cell)

    def _general_page(self) -> QWidget:
        page = QWidget(self)
        self.title_edit = self._line(
            "title", self.tr("Title"), GENERAL, self.tr("Required"), kind=TitleEdit
        )
        self.short_title_edit = self._line("short_title", self.tr("Short title"), GENERAL)
        self.alternative_titles_edit = self._text(
            "alternative_titles",
            self.tr("Alternative titles"),
            GENERAL,
            3,
            self.tr("One title per line"),
        )
        self.kind_combo = self._combo("kind", self.tr("Kind"), Kind, GENERAL)
        self.level_combo = self._combo("level", self.tr("Level"), Level, GENERAL)
        self.status_combo = self._combo("status", self.tr("Status"), Status, GENERAL)
        self.binding_combo = QComboBox(self)
        for label, value, _ in _BINDING:
            self.binding_combo.addItem(_t(label), value)
        self._register("binding", self.binding_combo, self.tr("Binding"), "Combo", GENERAL)
        self.depositary_edit = self._line("depositary", self.tr("Depositary"), GENERAL)
        self.languages_edit = self._line(
            "languages",
            self.tr("Languages"),
            GENERAL,
            self.tr("Separated by commas, e.g. Russian, Uzbek"),
        )
        self.un_registration_edit = self._line(
            "un_registration", self.tr("UN registration number"), GENERAL, self.tr("e.g. I-54321")
        )
        self._rows(
            page,
            [
                ("title", self.tr("&Title")),
                ("short_title", self.tr("S&hort title")),
                ("alternative_titles", self.tr("&Alternative titles")),
                ("kind", self.tr("&Kind")),
                ("level", self.tr("&Level")),
                ("status", self.tr("St&atus")),
                ("binding", self.tr("&Binding")),
                ("depositary", self.tr("&Depositary")),
                ("languages", self.tr("Lan&guages")),
                ("un_registration", self.tr("&UN registration no.")),
            ],
        )
        return page

    def _rows(self, page: QWidget, rows: list[tuple[str, str]]) -> None:
        """Lay out registered widgets as a form on *page*, in the order given (the tab order)."""
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for key, label in rows:
            widget = self._slots[key].widget
            hint = self._date_hint(widget) if key in DATE_FIELDS else None
            if key in TERM_KEYS:
                assert isinstance(widget, QLineEdit)
                hint = term_hint(key, widget, self)
            self._row(form, label, key, hint)

    def _dates_page(self) -> QWidget:
        page = QWidget(self)
        self.signed_on_edit = self._date("signed_on", self.tr("Signed on"))
        self.signed_at_edit = self._line(
            "signed_at", self.tr("Signed at"), DATES, self.tr("Place, e.g. Nur-Sultan")
        )
        self.entry_into_force_edit = self._date("entry_into_force", self.tr("Entry into force"))
        self.entry_into_force_rule_edit = self._line(
            "entry_into_force_rule",
            self.tr("Entry into force rule"),
            DATES,
            self.tr("e.g. 30th day after the 22nd ratification"),
        )
        self.expires_on_edit = self._date("expires_on", self.tr("Expires on"))
        self.duration_edit = self._line(
            "duration", self.tr("Duration"), DATES, self.tr("e.g. 5 years")
        )
        self.renewal_edit = self._line(
            "renewal",
            self.tr("Renewal"),
            DATES,
            self.tr("e.g. for 5 years unless denounced 6 months before"),
        )
        self.terminated_on_edit = self._date("terminated_on", self.tr("Terminated on"))
        self.termination_grounds_edit = self._line(
            "termination_grounds", self.tr("Termination grounds"), DATES
        )
        self._rows(
            page,
            [
                ("signed_on", self.tr("&Signed on")),
                ("signed_at", self.tr("Signed &at")),
                ("entry_into_force", self.tr("&Entry into force")),
                ("entry_into_force_rule", self.tr("Entry into force &rule")),
                ("expires_on", self.tr("E&xpires on")),
                ("duration", self.tr("D&uration")),
                ("renewal", self.tr("Re&newal")),
                ("terminated_on", self.tr("Ter&minated on")),
                ("termination_grounds", self.tr("Termination &grounds")),
            ],
        )
        return page

    def _terms_page(self) -> QWidget:
        page = QWidget(self)
        rows = term_rows()
        for key, caption, placeholder in rows:
            edit = self._line(key, caption.replace("&", ""), TERMS, placeholder)
            edit.setMinimumWidth(TERM_WIDTH)  # the hint beside it takes the rest of the row
            # The placeholder may be cut.
            edit.setToolTip(fill(self.tr("Write e.g. %1"), placeholder))
        self._rows(page, [(key, caption) for key, caption, _ in rows])
        intro = QLabel(QCoreApplication.translate("TermsFields", INTRO), page)
        intro.setWordWrap(True)
        form = page.layout()
        assert isinstance(form, QFormLayout)
        form.insertRow(0, intro)
        return page

    def _date_hint(self, edit: QWidget) -> QLabel:
        """A grey label beside a date that reads it back ('December 2021') as it is typed."""
        assert isinstance(edit, QLineEdit)
        hint = QLabel(self)
        hint.setObjectName(edit.objectName().replace("Edit", "Hint"))
        hint.setEnabled(False)

        def update(text: str) -> None:
            try:
                date = parse_typed(text)
            except TypedDateError as error:
                hint.setText(message_text(error))  # why, as it is typed
                hint.setEnabled(True)
                hint.setStyleSheet(error_style(hint))
                return
            hint.setEnabled(False)
            hint.setStyleSheet("")
            read = fill(self.tr("read as %1"), locale_text.partial_date(date)) if date else ""
            hint.setText(read or self.tr("not recorded"))

        edit.textChanged.connect(update)
        update(edit.text())
        return hint

    def _milestones_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(self.tr("Dated events to track: review due, expiry, renewal notice …"), page)
        )
        layout.addWidget(self.milestones_error)
        layout.addWidget(self.milestones, 1)
        return page

    def _source_page(self) -> QWidget:
        page = QWidget(self)
        self.summary_edit = self._text(
            "summary", self.tr("Summary"), SOURCE, 0, self.tr("What it provides for")
        )
        self.notes_edit = self._text(
            "notes", self.tr("Notes"), SOURCE, 5, self.tr("Your own notes")
        )
        self.source_citation_edit = self._line(
            "source_citation",
            self.tr("Source citation"),
            SOURCE,
            self.tr("e.g. UNTS vol. 2994, p. 123"),
        )
        self.source_url_edit = self._line("source_url", self.tr("Source URL"), SOURCE, "https://…")
        self._rows(
            page,
            [
                ("summary", self.tr("Su&mmary")),
                ("notes", self.tr("&Notes")),
                ("source_citation", self.tr("Source &citation")),
                ("source_url", self.tr("Source &URL")),
            ],
        )
        return page

    # ------------------------------------------------------------- loading

    @property
    def saving(self) -> bool:
        """Whether a save is under way (its questions asked, or its job queued or running)."""
        return self._busy == SAVING

    def _set_busy(self, busy: str | None) -> None:
        """Disable Save while a job runs, saying which; None enables it again."""
        self._busy = busy
        self.save_button.setEnabled(busy is None)
        self.save_button.setText(_t(busy or SAVE))

    def _when_alive(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """*callback*, skipped if the dialog was destroyed (with its window) while a job ran."""

        def call(value: Any) -> None:
            if shiboken6.isValid(self):
                callback(value)

        return call

    def _load(self, template: AgreementInput | None) -> None:
        """Read the agreement (if editing), the field tree and party names in one transaction,
        on the worker; load_finished once shown."""
        sessions, agreement_id = self._sessions, self._agreement_id

        def work(_job: Job) -> EditorData:
            with sessions.begin() as session:
                return read_editor_data(session, agreement_id, template)

        self._set_busy(LOADING)
        self._worker.submit(
            work, self._when_alive(self._loaded), self._when_alive(self._load_failed)
        )

    def _loaded(self, loaded: EditorData) -> None:
        self._set_busy(None)
        self._show_loaded(loaded)
        self.load_finished.emit()

    def _load_failed(self, error: BaseException) -> None:
        self._set_busy(None)
        reason = (
            _database_message(error) if isinstance(error, SQLAlchemyError) else message_text(error)
        )
        self._ask(
            QMessageBox.Icon.Critical,
            self.tr("Not loaded"),
            fill(self.tr("Not loaded: %1."), reason),
            [],
        )
        if not self._shown:  # nothing to edit: an empty form must not be saved as new
            self.done(QDialog.DialogCode.Rejected)

    def _show_loaded(self, loaded: EditorData) -> None:
        self._shown = True
        self._version = loaded.version
        self.relation_editor.set_relations(loaded.data.relations, loaded.choices, loaded.incoming)
        self.party_editor.set_known_parties(loaded.party_names, known_names())
        self.field_picker.set_fields(loaded.fields)
        self.show_input(loaded.data)
        self._update_title()

    def _find_others(self, text: str) -> list[AgreementChoice]:
        """The picker's search (run on the worker): a few agreements by title, never this one."""
        with self._sessions.begin() as session:
            return find_agreements(session, text, exclude=self._agreement_id)

    def _update_title(self) -> None:
        if self._agreement_id is None:
            self.setWindowTitle(self.tr("New agreement"))
        else:
            title = self.tr("Edit agreement %1 (version %2)")
            self.setWindowTitle(fill(title, self._agreement_id, self._version))

    def show_input(self, data: AgreementInput) -> None:
        """Fill every widget from *data*; what is shown now counts as unchanged."""
        self.clear_errors()
        self._set_texts(data)
        for combo, value in (
            (self.kind_combo, data.kind),
            (self.level_combo, data.level),
            (self.status_combo, data.status),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        binding = next(key for _, key, value in _BINDING if value is data.binding)
        self.binding_combo.setCurrentIndex(self.binding_combo.findData(binding))
        self.party_editor.set_parties(data.parties)
        self.field_picker.set_checked(data.fields)
        self.milestones.set_records(copy.deepcopy(data.milestones))
        self.relation_editor.table.set_records(copy.deepcopy(data.relations))
        self._original = self.current_input()
        self._original_replaced_by = self.relation_editor.replaced_by()

    def _set_texts(self, data: AgreementInput) -> None:
        for key, slot in self._slots.items():
            value = getattr(data, key)
            if isinstance(slot.widget, QLineEdit):
                slot.widget.setText(", ".join(value) if key == "languages" else value)
            elif isinstance(slot.widget, QPlainTextEdit):
                slot.widget.setPlainText("\n".join(value) if isinstance(value, list) else value)

    def current_input(self) -> AgreementInput:
        """What the dialog holds now, as the service takes it."""
        binding = next(v for _, key, v in _BINDING if key == self.binding_combo.currentData())
        alternative = self.alternative_titles_edit.toPlainText().splitlines()
        languages = self.languages_edit.text().replace(";", ",").split(",")
        texts = {
            key: slot.widget.text()
            for key, slot in self._slots.items()
            if isinstance(slot.widget, QLineEdit) and key != "languages"
        }
        for key in DATE_FIELDS:
            texts[key] = _stored_date(texts[key])
        return AgreementInput(
            **texts,
            kind=self.kind_combo.currentData(),
            level=self.level_combo.currentData(),
            status=self.status_combo.currentData(),
            binding=binding,
            alternative_titles=[line.strip() for line in alternative if line.strip()],
            languages=[language.strip() for language in languages if language.strip()],
            summary=self.summary_edit.toPlainText(),
            notes=self.notes_edit.toPlainText(),
            parties=self.party_editor.participations(),
            fields=self.field_picker.checked_paths(),
            milestones=copy.deepcopy(self.milestones.model.records),
            relations=self.relation_editor.relations(),
        )

    def is_changed(self) -> bool:
        replaced_by = self.relation_editor.replaced_by()
        return self.current_input() != self._original or replaced_by != self._original_replaced_by

    # ------------------------------------------------------------- saving

    def save(self) -> None:
        """Save on the worker: the new-party and duplicate questions first, then one transaction.

        Save is disabled (and says Saving…) until save_finished(ok): on success saved(id)
        is emitted and the dialog closes; else the reason is shown and it stays open. A
        save asked for while one runs (Ctrl+Enter twice) is ignored.
        """
        if self._busy is not None:
            return
        data = self.current_input()
        # Saved as "X supersedes this" on X's side, in this save's transaction.
        replaced_by = self.relation_editor.replaced_by()
        self.clear_errors()
        self._set_busy(SAVING)
        if service.validate(data):
            self._write(data, replaced_by)  # refused: the problems are shown beside the fields
        else:
            self._check(data, replaced_by)

    def _check(self, data: AgreementInput, replaced_by: list[int]) -> None:
        """Read what the questions before a save need: doubtful party names, probable duplicates."""
        sessions, agreement_id = self._sessions, self._agreement_id
        names = [item.party for item in data.parties]
        duplicates = duplicate_warning.needs_check(data, self._original, agreement_id is None)

        def work(_job: Job) -> tuple[dict[str, str], list[PossibleDuplicate]]:
            with sessions() as session:
                doubtful = doubtful_parties(session, names)
            if not duplicates:
                return doubtful, []
            return doubtful, duplicate_warning.probable_duplicates_of(sessions, data, agreement_id)

        def checked(found: tuple[dict[str, str], list[PossibleDuplicate]]) -> None:
            doubtful, matches = found
            if self._new_parties_confirmed(doubtful) and self._duplicates_confirmed(matches):
                self._write(data, replaced_by)
            else:
                self._set_busy(None)
                self.save_finished.emit(False)

        self._worker.submit(work, self._when_alive(checked), self._when_alive(self._not_saved))

    def _write(self, data: AgreementInput, replaced_by: list[int]) -> None:
        """Create or update in one transaction on the worker."""
        sessions, agreement_id, version = self._sessions, self._agreement_id, self._version or 0

        def work(_job: Job) -> service.Saved:
            with sessions.begin() as session:
                if agreement_id is None:
                    return service.create(session, data, replaced_by=replaced_by)
                return service.update(session, agreement_id, data, version, replaced_by=replaced_by)

        def written(saved: service.Saved) -> None:
            self._agreement_id = saved.id
            self._version = saved.version if agreement_id is not None else None
            self._original, self._original_replaced_by = data, replaced_by
            self.saved_changes = saved.changes  # what the window applies on saved(id)
            self._set_busy(None)
            self.saved.emit(saved.id)
            self.accept()
            self.save_finished.emit(True)

        self._worker.submit(work, self._when_alive(written), self._when_alive(self._not_saved))

    def _not_saved(self, error: BaseException) -> None:
        """Say why the save failed, keeping the dialog open (or save again, as a new agreement)."""
        self._set_busy(None)
        if isinstance(error, ValidationError):
            self.show_errors(error.errors)
        elif isinstance(error, ConflictError):
            self._on_conflict(error)
        elif isinstance(error, NotFoundError):
            if self._on_deleted(error):
                return  # saving again, as a new agreement: its own save_finished follows
        elif isinstance(error, SQLAlchemyError):
            self._ask(QMessageBox.Icon.Critical, self.tr("Not saved"), _database_message(error), [])
        else:  # a user name that can't be recorded (UserNameError), or the unforeseen
            reason = fill(self.tr("Nothing was saved: %1."), message_text(error))
            self._ask(QMessageBox.Icon.Critical, self.tr("Not saved"), reason, [])
        self.save_finished.emit(False)

    def _new_parties_confirmed(self, doubtful: dict[str, str]) -> bool:
        """Ask before a name that looks like a misspelt state or organisation becomes a party."""
        if not doubtful:
            return True
        guess = self.tr("'%1' (did you mean '%2'?)")
        lines = [fill(guess, name, hint) for name, hint in doubtful.items()]
        record = self.tr("Record as new")
        confirmed = (
            self._ask(
                QMessageBox.Icon.Question,
                self.tr("New party?"),
                fill(self.tr("Not a known state or organisation: %1."), ", ".join(lines)),
                [(record, QMessageBox.ButtonRole.AcceptRole)],
                fill(
                    self.tr(
                        "%1 adds it as a new party, spelt as typed. %2 lets you correct the name."
                    ),
                    record,
                    self.tr("Keep editing"),
                ),
            )
            == 0
        )
        if not confirmed:
            self.tabs.setCurrentIndex(PARTIES)
        return confirmed

    def _duplicates_confirmed(self, matches: list[PossibleDuplicate]) -> bool:
        """Ask before saving what is probably recorded already; False to stay (or leave)."""
        matches = [match for match in matches if match.agreement_id != self.copied_from]
        if not matches:
            return True
        text, details = duplicate_warning.warning_text(matches)
        save_anyway = duplicate_warning.button_text(duplicate_warning.SAVE_ANYWAY)
        open_existing = duplicate_warning.button_text(duplicate_warning.OPEN_EXISTING)
        answer = self._ask(
            QMessageBox.Icon.Warning,
            self.tr("Possible duplicate"),
            text,
            [
                (save_anyway, QMessageBox.ButtonRole.AcceptRole),
                (open_existing, QMessageBox.ButtonRole.ActionRole),
            ],
            details,
        )
        if answer == 1:  # Open existing
            self._set_busy(None)
            self.open_existing.emit(matches[0].agreement_id)
            self.done(QDialog.DialogCode.Rejected)  # chosen in the box: no second question
        return answer == 0  # Save anyway

    def _on_conflict(self, error: ConflictError) -> None:
        reload = self.tr("Reload")
        answer = self._ask(
            QMessageBox.Icon.Warning,
            self.tr("Changed by someone else"),
            fill(self.tr("Not saved: %1."), message_text(error)),
            [(reload, QMessageBox.ButtonRole.AcceptRole)],
            fill(
                self.tr(
                    "%1 shows their version in place of your changes. "
                    "%2 leaves your changes here, unsaved."
                ),
                reload,
                self.tr("Keep editing"),
            ),
        )
        if answer != 0:  # not Reload
            return
        discard = self.tr("Discard and reload")
        confirm = self._ask(
            QMessageBox.Icon.Question,
            self.tr("Discard your changes?"),
            fill(self.tr("Discard your changes and show version %1?"), error.current_version),
            [(discard, QMessageBox.ButtonRole.DestructiveRole)],
        )
        if confirm == 0:
            self.reload()

    def _on_deleted(self, error: NotFoundError) -> bool:
        """Offer to save what is shown as a new agreement; True if that save was started."""
        save_new = self.tr("Save as new agreement")
        answer = self._ask(
            QMessageBox.Icon.Warning,
            self.tr("Agreement deleted"),
            fill(
                self.tr("Not saved: agreement %1 was deleted since you opened it."),
                error.agreement_id,
            ),
            [(save_new, QMessageBox.ButtonRole.AcceptRole)],
            fill(self.tr("%1 records what you see here under a new number."), save_new),
        )
        if answer != 0:  # not Save as new agreement
            return False
        self._agreement_id, self._version = None, None
        self._update_title()
        self.save()
        return True

    def reload(self) -> None:
        """Show the stored version again (read on the worker), discarding what was typed."""
        self._load(None)

    def _ask(
        self,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        actions: list[tuple[str, QMessageBox.ButtonRole]],
        details: str = "",
    ) -> int | None:
        """Ask with a message box; return the position in *actions* of the button clicked,
        None for Keep editing (or OK, or Esc).

        Told by the button itself, never by its words: a platform may add an accelerator
        ('&') to them, and two languages' words never compare equal.
        """
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("agreementMessage")
        box.setInformativeText(details)
        buttons = [box.addButton(label, role) for label, role in actions]
        keep = box.addButton(
            self.tr("Keep editing") if actions else self.tr("OK"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        clicked = box.clickedButton()
        return next((n for n, button in enumerate(buttons) if button is clicked), None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return and Enter never save or close: in the party or new-field box they add
        what was typed (the box handles that itself); only Ctrl+Enter or Save saves."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save()  # ignored while a save runs
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Esc and Cancel close the dialog, asking first if something was changed.

        Not while a save runs: it closes the dialog itself, or says why it could not save.
        """
        if self.saving:
            return
        if self.is_changed():
            discard = self.tr("Discard changes")
            answer = self._ask(
                QMessageBox.Icon.Question,
                self.tr("Discard changes?"),
                self.tr("Close without saving your changes?"),
                [(discard, QMessageBox.ButtonRole.DestructiveRole)],
            )
            if answer != 0:  # not Discard changes
                return
        super().reject()

    # ------------------------------------------------------------- validation messages

    def clear_errors(self) -> None:
        self.show_errors({})

    def show_errors(self, errors: dict[str, str]) -> None:
        """Put every message beside its field, mark the tabs and go to the first problem."""
        # The models' messages in the window's language, for every tab's editor at once.
        errors = {key: message_text(message) for key, message in errors.items()}
        tabs: set[int] = set()
        for key, slot in self._slots.items():
            slot.show(errors.get(key, ""))
            if key in errors:
                tabs.add(slot.tab)
        # Slots were registered page by page, so the first one in error is the first in tab order.
        first = next((slot for key, slot in self._slots.items() if key in errors), None)
        if self.party_editor.show_errors(errors):
            tabs.add(PARTIES)
        if self.field_picker.show_errors(errors):
            tabs.add(FIELDS)
        if self._show_milestone_errors(errors):
            tabs.add(MILESTONES)
        if self.relation_editor.show_errors(errors):
            tabs.add(RELATIONS)
        self._mark_tabs(tabs)
        self._show_banner(errors)
        if tabs:
            self.tabs.setCurrentIndex(min(tabs))
            if first is not None and first.tab == min(tabs):
                first.widget.setFocus()

    def _mark_tabs(self, tabs: set[int]) -> None:
        """A warning icon and red text on each tab with a problem (not colour alone)."""
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for index in range(self.tabs.count()):
            bad = index in tabs
            self.tabs.setTabIcon(index, warning if bad else QIcon())
            red = error_colour(self.tabs.tabBar())
            self.tabs.tabBar().setTabTextColor(index, red if bad else QColor())
            self.tabs.setTabToolTip(index, self.tr("Has problems to fix") if bad else "")

    def _show_banner(self, errors: dict[str, str]) -> None:
        """Sum the problems up above the tabs, with any that no field shows."""
        if not errors:
            show_error(self.banner, "")
            return
        shown = self._slots.keys() | {"parties"}
        other = [
            f"{key}: {message}"
            for key, message in errors.items()
            if key not in shown
            and key.split(".")[0]
            not in ("parties", "fields", "milestones", "relations", "replaced_by")
        ]
        count = len(errors)
        lines = [self.tr("Not saved: %n problem(s), marked in red.", "", count), *other]
        show_error(self.banner, "\n".join(lines))

    def _show_milestone_errors(self, errors: dict[str, str]) -> bool:
        cells: dict[tuple[int, str], str] = {}
        lines = []
        for row, problems in sorted(nested_errors(errors, "milestones").items()):
            for attribute, message in problems.items():
                cells[(row, attribute)] = message
                words = attribute_words(attribute)
                text = fill(self.tr("Milestone %1, %2: %3"), row + 1, words, message)
                lines.append(text)
        self.milestones.model.set_errors(cells)
        show_error(self.milestones_error, "\n".join(lines))
        mark_invalid(self.milestones.view, bool(lines))
        return bool(lines)


def _database_message(error: SQLAlchemyError) -> str:
    """A one-line reason for a failed save ('database is locked'), without the SQL."""
    reason = str(getattr(error, "orig", None) or error).splitlines()[0]
    text = QCoreApplication.translate(
        "AgreementDialog", "Nothing was saved: the database refused the change (%1). Try again."
    )
    return fill(text, reason)

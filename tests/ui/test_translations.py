"""The window in the analyst's language: chosen from the system, --lang or the settings,
Russian in full with its plural forms, and the shipped catalogs up to date with the code."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QToolButton,
)

from main import main
from models import service, trash
from models.dates import PartialDate
from models.query import AgreementFilter, SortColumn
from models.schema import Agreement
from models.service import AgreementInput, ParticipationInput
from models.vocab import Kind, Status
from ui import locale_text, vocab_labels
from ui.agreement_dialog import AgreementDialog
from ui.agreement_table_model import COLUMNS, LOADING
from ui.confirmations import agreements_named
from ui.item_roles import ID_ROLE
from ui.model_messages import message_text, step_label
from ui.translations import choose_language, fill, use_language
from ui.workers import Worker

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "ui" / "i18n"
BIN = Path(sys.executable).parent
RUSSIAN_MENUS = ["&Файл", "&Правка", "&Вид", "&Справка"]
ENGLISH_MENUS = ["&File", "&Edit", "&View", "&Help"]
translate = QCoreApplication.translate

# Started in a process of its own, as a user starts the app: main() with the arguments
# given; once the window is up it prints what it shows and closes.
WINDOW_SCRIPT = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
app = QApplication(sys.argv[:1])

def report():
    window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    print(json.dumps({
        "menus": [action.text() for action in window.menuBar().actions()],
        "cancel": buttons.buttons()[0].text(),
    }))
    window.close()

QTimer.singleShot(0, report)
from main import main
sys.exit(main(sys.argv[1:]))
"""


def _window_words(tmp_path: Path, lang: str, *args: str, setting: str = "") -> dict:
    home = tmp_path / "home"
    if setting:
        conf = home / "config" / "TreatyTracker" / "TreatyTracker.conf"
        conf.parent.mkdir(parents=True)
        conf.write_text(f"[window]\nlanguage={setting}\n", encoding="utf-8")
    env = {
        **os.environ,
        "LANG": lang,
        "LC_ALL": "",
        "LANGUAGE": "",
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-c", WINDOW_SCRIPT, "--db", str(tmp_path / "t.db"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_window_speaks_russian_under_a_russian_system(tmp_path: Path) -> None:
    words = _window_words(tmp_path, "ru_RU.UTF-8")
    assert words["menus"] == RUSSIAN_MENUS
    assert words["cancel"] == "Отмена"  # Qt's own standard buttons, from qtbase_ru.qm


def test_an_english_system_keeps_the_english_window(tmp_path: Path) -> None:
    words = _window_words(tmp_path, "C.UTF-8")
    assert words["menus"] == ENGLISH_MENUS
    assert words["cancel"] == "Cancel"


def test_lang_on_the_command_line_chooses_the_language(tmp_path: Path) -> None:
    assert _window_words(tmp_path, "C.UTF-8", "--lang", "ru")["menus"] == RUSSIAN_MENUS


def test_the_language_kept_in_the_settings_is_used(tmp_path: Path) -> None:
    assert _window_words(tmp_path, "C.UTF-8", setting="ru")["menus"] == RUSSIAN_MENUS


def test_lang_wins_over_the_system_and_the_setting(tmp_path: Path) -> None:
    words = _window_words(tmp_path, "ru_RU.UTF-8", "--lang", "en", setting="ru")
    assert words["menus"] == ENGLISH_MENUS


def test_an_unknown_language_is_refused_with_the_ones_there_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "xx"]) == 2
    assert "--lang: no translation for 'xx' (there are: en, ru)" in capsys.readouterr().err


def test_the_choice_follows_option_then_setting_then_system() -> None:
    russia, germany = QLocale("ru_RU"), QLocale("de_DE")
    assert choose_language(None, None, russia) == "ru"
    assert choose_language(None, "", russia) == "ru"  # '' in the settings: the system's
    assert choose_language("en", "ru", russia) == "en"
    assert choose_language(None, "ru", QLocale("C")) == "ru"
    assert choose_language("ru-RU", None, QLocale("C")) == "ru"
    assert choose_language(None, None, germany) == "en"  # no German yet: English


# ------------------------------------------------------------------ in this process


@pytest.fixture
def russian(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The application in Russian for one test, English again after it."""
    use_language(qapp, "ru", QLocale("ru_RU"))
    yield
    use_language(qapp, "en", QLocale("en_US"))


def test_russian_window_menus_status_bar_and_filters(russian: None, make_window, database) -> None:  # type: ignore[no-untyped-def]
    from models.sample import load_sample

    with database.sessions.begin() as session:
        load_sample(session)
    window = make_window(database)
    assert [a.text() for a in window.menuBar().actions()] == RUSSIAN_MENUS
    assert window.status_label.text() == "Показано 8 из 8 соглашений"
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions() if action.text()]
    assert texts[:3] == ["&Новая база данных…", "&Открыть базу данных…", "Не&давние"]
    statuses = window.filter_panel.statuses
    assert statuses.item(0).text().startswith("Проект")  # Status.DRAFT, still 'draft' inside
    assert statuses.item(0).data(ID_ROLE) == Status.DRAFT
    assert window.filter_panel.current_filter().statuses == ()


def test_every_russian_menu_keeps_one_mnemonic_each(russian: None, make_window, database) -> None:  # type: ignore[no-untyped-def]
    window = make_window(database)
    menus: list[QMenu] = [window.menuBar()] + [  # type: ignore[list-item]
        action.menu() for action in window.menuBar().actions()
    ]
    for menu in menus:
        letters = [
            match.group(1).casefold()
            for action in menu.actions()
            if (match := re.search(r"&([^&])", action.text()))
        ]
        assert len(letters) == len(set(letters)), [a.text() for a in menu.actions()]


def test_the_russian_window_fits_a_1024_pixel_screen(russian: None, make_window, database) -> None:  # type: ignore[no-untyped-def]
    window = make_window(database)
    assert window.menuBar().sizeHint().width() <= 1024
    assert window.minimumSizeHint().width() <= 1024
    window.resize(1024, 700)
    assert window.width() == 1024


def test_russian_plurals_take_the_form_of_their_number(russian: None) -> None:
    def showing(n: int) -> str:
        return fill(translate("MainWindow", "Showing %1 of %Ln agreement(s)", "", n), n)

    assert showing(1) == "Показано 1 из 1 соглашения"
    assert showing(3) == "Показано 3 из 3 соглашений"
    assert showing(5) == "Показано 5 из 5 соглашений"
    assert showing(21) == "Показано 21 из 21 соглашения"
    assert agreements_named([1, 2, 3], lambda _id: None) == "эти 3 соглашения"
    assert agreements_named(list(range(5)), lambda _id: None) == "эти 5 соглашений"
    assert agreements_named(list(range(21)), lambda _id: None) == "эти 21 соглашение"
    pages = [translate("Transfers", "%Ln page(s)", "", n) for n in (1, 3, 5, 21)]
    assert pages == ["1 страница", "3 страницы", "5 страниц", "21 страница"]


def test_english_plurals_say_one_agreement_and_two_agreements() -> None:
    def showing(n: int) -> str:
        return fill(translate("MainWindow", "Showing %1 of %Ln agreement(s)", "", n), n)

    assert showing(1) == "Showing 1 of 1 agreement"
    assert showing(2) == "Showing 2 of 2 agreements"
    assert showing(1234) == "Showing 1234 of 1,234 agreements"
    assert agreements_named([1, 2], lambda _id: None) == "these 2 agreements"


def test_dates_and_numbers_follow_the_locale(russian: None) -> None:
    # As Russian typography has it: a narrow no-break space before 'г.'.
    day = locale_text.partial_date(PartialDate.parse("2021-12-06"))
    assert day == "6 декабря 2021\N{NARROW NO-BREAK SPACE}г."
    assert locale_text.partial_date(PartialDate.parse("2021-12")) == "декабрь 2021"
    assert locale_text.partial_date(PartialDate.parse("2021")) == "2021"
    assert locale_text.number(1234) == "1\N{NO-BREAK SPACE}234"


def test_english_dates_and_numbers_are_as_before() -> None:
    assert locale_text.partial_date(PartialDate.parse("2021-12-06")) == "6 December 2021"
    assert locale_text.number(1234) == "1,234"


def test_vocabulary_labels_are_translated_and_values_stay_english(russian: None) -> None:
    assert vocab_labels.label(Status.IN_FORCE) == "Действует"
    assert vocab_labels.label(Kind.DECLARATION) == "Декларация"
    assert Status.IN_FORCE.value == "in force" and Status.IN_FORCE.label == "In force"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "Отмена"


def test_labels_follow_a_change_of_language(qapp) -> None:  # type: ignore[no-untyped-def]
    assert vocab_labels.label(Status.IN_FORCE) == "In force"
    use_language(qapp, "ru", QLocale("ru_RU"))
    try:
        assert vocab_labels.label(Status.IN_FORCE) == "Действует"
    finally:
        use_language(qapp, "en", QLocale("en_US"))
    assert vocab_labels.label(Status.IN_FORCE) == "In force"


def test_the_language_menu_keeps_the_choice_for_the_next_start(make_window, database) -> None:  # type: ignore[no-untyped-def]
    window = make_window(database)
    assert window.findChild(QMenu, "languageMenu") is not None
    window.findChild(QAction, "language_ru").trigger()
    assert window.settings.language == "ru"
    assert "started again" in window.statusBar().currentMessage()
    assert [a.text() for a in window.menuBar().actions()] == ENGLISH_MENUS  # until then


@pytest.fixture
def editor(qtbot, database) -> Iterator[AgreementDialog]:  # type: ignore[no-untyped-def]
    """A new agreement's editor on its own worker, shown once its reads are done."""
    worker = Worker()
    dialog = AgreementDialog(database.sessions, worker)
    qtbot.addWidget(dialog, before_close_func=lambda widget: widget.done(0))
    qtbot.waitSignal(dialog.load_finished).wait()
    dialog.show()
    yield dialog
    worker.shutdown()


def _tab_texts(dialog: AgreementDialog) -> list[str]:
    return [dialog.tabs.tabText(index) for index in range(dialog.tabs.count())]


def _shown_error(dialog: AgreementDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None
    return "" if label.isHidden() else label.text()


def _save(qtbot, dialog: AgreementDialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.save_finished):
        dialog.save_button.click()


def test_the_russian_editor_names_its_tabs_and_says_why_it_did_not_save(
    russian: None, qtbot, editor: AgreementDialog
) -> None:  # type: ignore[no-untyped-def]
    assert _tab_texts(editor)[:3] == ["Общие", "Даты", "Стороны"]
    assert editor.save_button.text() == "Сохранить"
    assert editor.windowTitle() == "Новое соглашение"
    signed = editor.findChild(QLineEdit, "signedOnEdit")
    signed.setText("31.02.2022")
    hint = editor.findChild(QLabel, "signedOnHint")
    assert hint.text() == "в месяце «февраль 2022» нет 31-го числа"  # as it is typed
    signed.setText("2021-13-45")
    _save(qtbot, editor)
    assert _shown_error(editor, "titleError") == "нужно указать название"
    assert _shown_error(editor, "signedOnError") == "«2021-13-45» — не дата: месяц 13 не от 1 до 12"
    assert _shown_error(editor, "partiesError") == "нужна хотя бы одна сторона"
    assert _shown_error(editor, "generalError") == "Не сохранено: 3 ошибки, отмечены красным."


def test_the_russian_editor_tables_show_their_headers_whole(
    russian: None, editor: AgreementDialog
) -> None:
    tables = [editor.party_editor.parties, editor.party_editor.action_table, editor.milestones]
    for table in tables:
        header = table.view.horizontalHeader()
        for number in range(header.count()):
            text = table.model.headerData(number, Qt.Orientation.Horizontal)
            assert header.sectionSize(number) >= header.sectionSizeHint(number), text


def test_the_english_editor_is_as_before(qtbot, editor: AgreementDialog) -> None:  # type: ignore[no-untyped-def]
    assert _tab_texts(editor)[:3] == ["General", "Dates", "Parties"]
    assert editor.save_button.text() == "Save"
    editor.findChild(QLineEdit, "signedOnEdit").setText("2021-13-45")
    _save(qtbot, editor)
    assert _shown_error(editor, "titleError") == "title is required"
    expected = "'2021-13-45' is not a date: month 13 is not between 1 and 12"
    assert _shown_error(editor, "signedOnError") == expected
    assert _shown_error(editor, "generalError") == "Not saved: 3 problems, marked in red."


def _edit_first_title(qtbot, window) -> str:  # type: ignore[no-untyped-def]
    """Edit the first agreement's title in the editor, as a user would; its old title."""
    window.table.selectRow(0)
    old = window.table.model().index(0, 0).data()
    window.action_edit.trigger()
    qtbot.waitUntil(lambda: window.editor is not None)
    window.editor.findChild(QLineEdit, "titleEdit").setText("Oʻzbekiston–Türkiye: Тоқаев")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.editor.save_button.click()
    return old


def test_undo_names_the_edit_in_russian(russian: None, qtbot, make_window, database) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        service.create(
            session,
            AgreementInput(title="Договор о дружбе", parties=[ParticipationInput("Kazakhstan")]),
        )
    window = make_window(database)
    _edit_first_title(qtbot, window)
    wanted = "Отм&енить: правка 'Договор о дружбе'"
    qtbot.waitUntil(lambda: window.action_undo.text() == wanted, timeout=5000)
    assert window.action_undo.iconText() == "Отменить"
    with qtbot.waitSignal(window.history_actions.replayed, timeout=5000):
        window.action_undo.trigger()
    assert window.statusBar().currentMessage() == "Отменено: правка 'Договор о дружбе'."
    assert window.action_redo.text() == "Пов&торить: правка 'Договор о дружбе'"


def test_step_labels_read_back_in_russian_with_their_plurals(russian: None) -> None:
    assert step_label("deletion of 3 agreements") == "удаление 3 соглашений"
    assert step_label("deletion of 21 agreements") == "удаление 21 соглашения"
    assert step_label("bulk edit of 1 agreement") == "групповая правка 1 соглашения"
    assert (
        step_label("merge of party 'RUS' into 'Россия'") == "объединение стороны 'RUS' с 'Россия'"
    )
    assert step_label("a label from a newer version") == "a label from a newer version"
    # A title with a template's words in it is still one title.
    assert step_label("restore of 'Protocol to the Treaty'") == (
        "восстановление 'Protocol to the Treaty'"
    )
    assert step_label("restore of 'scan.pdf' to 'Treaty'") == "восстановление 'scan.pdf' в 'Treaty'"


def test_the_trash_dialog_reads_in_russian(russian: None, qtbot, make_window, database) -> None:  # type: ignore[no-untyped-def]
    from ui.trash_dialog import TrashDialog

    with database.sessions.begin() as session:
        saved = service.create(
            session,
            AgreementInput(title="Oʻzbekiston–Türkiye", parties=[ParticipationInput("Türkiye")]),
        )
    with database.sessions.begin() as session:
        trash.delete(session, [saved.id], {saved.id: saved.version})
    window = make_window(database)
    window.history_actions.show_trash()
    dialog = window.history_actions.trash_dialog
    assert isinstance(dialog, TrashDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.windowTitle() == "Корзина"
    headers = [dialog.table.horizontalHeaderItem(i).text() for i in range(3)]
    assert headers == ["Название", "Удалено", "Кем"]
    # When, in this computer's time and Russian's short format, not in UTC's ISO form.
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4},? \d{1,2}:\d\d", dialog.table.item(0, 1).text())
    assert dialog.restore_button.text() == "&Восстановить"
    assert dialog.note.text().startswith("1 удалённое соглашение. Они хранятся 30 дней")
    dialog.close()


def test_the_russian_attachment_buttons_wrap_rather_than_being_cut_off(
    russian: None, qtbot, make_window, database
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(database)
    window.resize(1024, 700)
    panel = window.attachments
    qtbot.waitUntil(lambda: panel.width() > 0 and panel.add_button.isVisible())
    shown = [button for button in panel.findChildren(QPushButton) if button.isVisible()]
    assert [button.text() for button in shown][:2] == ["Добавить…", "Открыть"]
    for button in shown:  # wide enough for its words, inside the window and the column
        assert button.width() >= button.sizeHint().width(), button.text()
        right = button.mapTo(window, QPoint(button.width(), button.height()))
        assert right.x() <= window.width() and right.y() <= window.height(), button.text()
        assert button.mapTo(panel, QPoint(button.width(), 0)).x() <= panel.width()


# ------------------------------------------------------------------ the catalogs


def _messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


def _models_scanned() -> list[str]:
    """The models files whose marked messages `make translations` reads (the Makefile's list)."""
    makefile = (ROOT / "Makefile").read_text().replace("\\\n", " ")  # continued lines
    found = re.search(r"^LUPDATE_MODELS = (.*)$", makefile, re.MULTILINE)
    assert found is not None
    return found.group(1).split()


def test_the_catalogs_are_up_to_date_with_the_code(tmp_path: Path) -> None:
    """`make translations` leaves nothing to change: every wrapped string is in the .ts,
    none is gone, and the .qm are compiled from the .ts as they are."""
    for ts in sorted(I18N.glob("*.ts")):
        copy = tmp_path / ts.name
        copy.write_bytes(ts.read_bytes())
        language = ts.stem.removeprefix("treaty_tracker_")
        extra = ["-pluralonly"] if language == "en" else []
        subprocess.run(
            [
                str(BIN / "pyside6-lupdate"),
                *("-silent", "-no-obsolete", "-locations", "none", "-extensions", "py", "ui"),
                *_models_scanned(),
                *("-target-language", language, *extra, "-ts", str(copy)),
            ],
            cwd=ROOT,
            check=True,
            timeout=120,
        )
        assert copy.read_text(encoding="utf-8") == ts.read_text(encoding="utf-8"), (
            f"{ts.name} is out of date: run make translations"
        )
        qm = tmp_path / f"{ts.stem}.qm"
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
            timeout=60,
        )
        assert qm.read_bytes() == (I18N / qm.name).read_bytes(), f"{qm.name}: make translations"


def test_russian_is_translated_in_full_with_the_same_placeholders() -> None:
    messages = _messages(I18N / "treaty_tracker_ru.ts")
    assert len(messages) > 450
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text]
        assert len(forms) == (3 if message.get("numerus") == "yes" else 1), source
        for form in forms:
            assert form, source
            assert sorted(re.findall(r"%L?n|%\d", form)) == sorted(
                re.findall(r"%L?n|%\d", source)
            ), (source, form)
            assert form.count("&") == source.count("&"), (source, form)


def test_every_string_wrapped_in_ui_or_marked_in_models_is_in_the_catalog() -> None:
    """pyside6-lupdate skips a call it can't read (a plural's count given as an expression in
    QCoreApplication.translate): such a string would never be translated."""
    sources = {m.findtext("source") for m in _messages(I18N / "treaty_tracker_ru.ts")}
    missing = []
    marking = [ROOT / name for name in _models_scanned()]  # models' marked messages too
    for path in [*sorted((ROOT / "ui").rglob("*.py")), *marking]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            place = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}.get(str(name))
            if place is None or len(node.args) <= place:
                continue
            text = node.args[place]
            if isinstance(text, ast.Constant) and text.value not in sources:
                missing.append(f"{path.name}:{node.lineno}: {text.value}")
    assert not missing


# ------------------------------------------------------------------ phase 2: the rest of the window


def _sample_window(database, make_window):  # type: ignore[no-untyped-def]
    from models.sample import load_sample

    with database.sessions.begin() as session:
        load_sample(session)
    return make_window(database)


def _cell(window, qtbot, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    index = window.model.index(row, column)
    qtbot.waitUntil(lambda: window.model.data(index) not in (None, LOADING), timeout=5000)
    return str(window.model.data(index))


def test_russian_table_headers_and_vocabulary_cells(  # type: ignore[no-untyped-def]
    russian: None, make_window, database, qtbot
) -> None:
    window = _sample_window(database, make_window)
    headers = [
        window.model.headerData(number, Qt.Orientation.Horizontal) for number in range(len(COLUMNS))
    ]
    assert headers[:4] == ["Название", "Вид", "Статус", "Подписано"]
    kind = next(i for i, c in enumerate(COLUMNS) if c.sort == SortColumn.KIND)
    status = next(i for i, c in enumerate(COLUMNS) if c.sort == SortColumn.STATUS)
    signed = next(i for i, c in enumerate(COLUMNS) if c.sort == SortColumn.SIGNED_ON)
    for row in range(window.model.rowCount()):
        kind_text, status_text = _cell(window, qtbot, row, kind), _cell(window, qtbot, row, status)
        with database.sessions() as session:
            stored = session.get(Agreement, window.model.data(window.model.index(row, 0), ID_ROLE))
            assert stored is not None
            # The cell says the label in Russian; the database keeps the English key.
            assert kind_text == vocab_labels.label(stored.kind) != stored.kind.label
            assert status_text == vocab_labels.label(stored.status) != stored.status.label
            assert stored.kind.value.isascii() and stored.status.value.isascii()
    assert "06.12.2021" in {_cell(window, qtbot, r, signed) for r in range(window.model.rowCount())}


def test_russian_detail_pane_headings_facts_and_dates(  # type: ignore[no-untyped-def]
    russian: None, make_window, database, qtbot
) -> None:
    window = _sample_window(database, make_window)
    with qtbot.waitSignal(window.detail_shown, timeout=5000):
        window.table.selectRow(0)
    text = window.detail.toPlainText()
    for words in ("Вид", "Статус", "Стороны", "Сторона", "Роль", "Хронология", "История изменений"):
        assert words in text, words
    assert "декабря 2021" in text
    for english in ("Parties", "Timeline", "History", "Kind", "Status", "December"):
        assert english not in text, english
    window.detail.show_nothing()
    assert window.detail.toPlainText().startswith("Выберите соглашение")


def test_russian_welcome_page(russian: None, make_window, database) -> None:  # type: ignore[no-untyped-def]
    window = make_window(database)  # no agreements: the welcome page
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.text.text().startswith("В этой базе данных пока нет соглашений")
    assert window.welcome.new_button.text() == "Новое соглашение…"
    assert window.welcome.sample_button.text() == "Загрузить образец"


def test_russian_filter_chip_and_nothing_matches(  # type: ignore[no-untyped-def]
    russian: None, make_window, database, qtbot
) -> None:
    window = _sample_window(database, make_window)
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.filter_panel.set_filter(AgreementFilter(statuses=(Status.TERMINATED,)))
    chips = window.active_filters.findChildren(QToolButton, "filterChip")
    assert [chip.text().removesuffix("  ×") for chip in chips if not chip.isHidden()] == [
        "Прекращено"
    ]
    assert "Снять этот фильтр: Прекращено" in {
        chip.toolTip() for chip in window.active_filters.findChildren(QToolButton)
    }
    assert window.nothing_matches.findChild(QLabel, "nothingMatchesLabel").text() == (
        "Подходящих соглашений нет"
    )


def test_a_russian_window_writes_russian_dates_in_its_pdf(  # type: ignore[no-untyped-def]
    russian: None, make_window, database, qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = _sample_window(database, make_window)
    window.transfers.open_after_export = False
    target = tmp_path / "сводка.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    # A font warning (no CJK font on this machine, say) would stop on a message box.
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(window.transfers.pdf_dialog_shown, timeout=10000) as shown:
        window.action_export_pdf.trigger()
    with qtbot.waitSignal(window.transfers.export_finished, timeout=60000):
        shown.args[0].accept()
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(target).pages)
    assert "6 декабря 2021 г." in text
    # The report's own words stay English; its dates are Russian ('6 December 2021' still
    # appears inside the sample's notes, which are the user's text).
    assert "All 8 signed on 6 декабря 2021 г." in text
    assert "signed on 6 December 2021" not in text


# ------------------------------------------------------------------ phase 3: what the models say


def _conflict(database) -> service.ConflictError:  # type: ignore[no-untyped-def]
    """A save of version 1 after Тоқаев saved version 2."""
    with database.sessions.begin() as session:
        saved = service.create(
            session,
            AgreementInput(title="Oʻzbekiston–Türkiye", parties=[ParticipationInput("KAZ")]),
        )
    with database.sessions.begin() as session:
        data, version = service.load_input(session, saved.id)
        service.update(session, saved.id, data, version, user="Тоқаев")
    with pytest.raises(service.ConflictError) as raised, database.sessions.begin() as session:
        service.update(session, saved.id, data, version)
    return raised.value


def test_a_save_conflict_is_told_in_russian_and_stays_english_elsewhere(  # type: ignore[no-untyped-def]
    database, qapp
) -> None:
    error = _conflict(database)
    english = str(error)
    assert english.startswith(f"agreement {error.agreement_id} was changed by Тоқаев at ")
    # The English window says what the command line says, the time in the user's own zone.
    window = message_text(error)
    assert window.startswith(english[: english.index(" at ") + 4]) and "UTC" not in window
    use_language(qapp, "ru", QLocale("ru_RU"))
    try:
        shown = message_text(error)
        deleted = message_text(service.NotFoundError(error.agreement_id))
    finally:
        use_language(qapp, "en", QLocale("en_US"))
    assert shown.startswith(
        f"соглашение {error.agreement_id} изменено после того, как вы его открыли: Тоқаев, "
    )
    assert shown.endswith(
        "(версия 2, вы открыли версию 1); откройте его заново, чтобы увидеть изменение"
    )
    assert deleted == f"соглашения {error.agreement_id} нет (возможно, оно удалено)"


def test_a_refused_term_and_a_too_long_title_in_russian(russian: None) -> None:
    errors = service.validate(
        AgreementInput(
            title="Ж" * 2001, duration_term="5 лет", parties=[ParticipationInput("Türkiye")]
        )
    )
    assert str(errors["duration_term"]).startswith("duration: '5 лет' is not a period")
    assert message_text(errors["duration_term"]) == (
        "срок действия: «5 лет» — не срок (пишите по-английски, например '5 years', "
        "'18 months' или '90 days')"
    )
    assert str(errors["title"]) == "title is too long: 2001 characters (the limit is 2000)"
    assert message_text(errors["title"]) == "название: слишком длинно — 2001 знак (предел — 2000)"


def test_the_terms_tab_refuses_a_term_in_russian(
    russian: None, qtbot, editor: AgreementDialog
) -> None:  # type: ignore[no-untyped-def]
    editor.findChild(QLineEdit, "titleEdit").setText("Oʻzbekiston–Türkiye")
    editor.findChild(QLineEdit, "noticeTermEdit").setText("шесть месяцев")
    _save(qtbot, editor)
    assert _shown_error(editor, "noticeTermError").startswith(
        "срок уведомления: «шесть месяцев» — не срок"
    )


def test_a_catalog_refusal_in_russian(russian: None, database) -> None:  # type: ignore[no-untyped-def]
    from models import catalog, views
    from models.parties import find_party

    with database.sessions.begin() as session:
        for title in ("Türkiye rail protocol", "Тоқаев–Erdoğan declaration"):
            service.create(
                session, AgreementInput(title=title, parties=[ParticipationInput("TUR")])
            )
    with pytest.raises(catalog.CatalogError) as used, database.sessions.begin() as session:
        party = find_party(session, "Türkiye")
        assert party is not None
        catalog.delete_party(session, party.id)
    assert str(used.value) == "'Türkiye' takes part in 2 agreements; it can't be deleted"
    assert message_text(used.value) == "«Türkiye» участвует в 2 соглашениях; удалить её нельзя"
    with pytest.raises(views.ViewNameError) as unnamed, database.sessions.begin() as session:
        views.save_view(session, " ", AgreementFilter())
    assert message_text(unnamed.value) == "у вида должно быть название"


def test_how_a_deadline_was_computed_and_its_notes_in_russian(russian: None, database) -> None:  # type: ignore[no-untyped-def]
    from models.deadline_store import computed
    from models.detail import load_detail
    from ui.detail_pane import render_deadlines

    with database.sessions.begin() as session:
        saved = service.create(
            session,
            AgreementInput(
                title="Oʻzbekiston–Türkiye rail agreement",
                entry_into_force="2042-03-01",  # far ahead: every deadline is still to come
                expires_on="2047-06-01",
                duration_term="5 years",
                renewal_term="automatic for 2 years",
                notice_term="6 months",
                parties=[ParticipationInput("Uzbekistan"), ParticipationInput("Türkiye")],
            ),
        )
        detail = load_detail(session, saved.id)
    with database.sessions() as session:
        every = computed(session, saved.id)
    assert every is not None
    second = next(d.how for d in every.deadlines if d.how.endswith("(2nd renewal)"))
    assert message_text(second) == (
        "записанная дата истечения срока, продлевается автоматически на 2 года (2-е продление)"
    )
    html = render_deadlines(detail)
    day = locale_text.partial_date
    june, march = day(PartialDate(2047, 6, 1)), day(PartialDate(2047, 3, 1))
    assert "записанная дата истечения срока, продлевается автоматически на 2 года" in html
    assert f"за 6 месяцев до продления {june}" in html
    # The note on a recorded expiry the terms disagree with, and the terms themselves.
    assert (
        f"Записанная дата истечения срока — {june}; по условиям выходит {march} "
        f"(5 лет с даты вступления в силу ({day(PartialDate(2042, 3, 1))}))."
    ) in html
    assert "автоматически на 2 года" in html and "renewed" not in html and "years" not in html


def _bulk_preview(qtbot, make_window, database) -> str:  # type: ignore[no-untyped-def]
    ids = [
        service_create(database, "Türkiye rail protocol", "Türkiye"),
        service_create(database, "Тоқаев–Mirziyoyev declaration", "Kazakhstan"),
    ]
    window = make_window(database)
    window.select_ids(ids)
    window.action_bulk_edit.trigger()
    dialog = window.bulk_edit_dialog
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        dialog.status.setCurrentIndex(dialog.status.findData("in force"))
        dialog.add_party.setText("Oʻzbekiston")
    text = dialog.preview.toPlainText()
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        dialog.remove_party.setText("Kazakhstn")  # a typo refuses the edit
    text += "\n" + dialog.preview.toPlainText()
    dialog.close()
    return text


def service_create(database, title: str, party: str) -> int:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        return service.create(
            session, AgreementInput(title=title, parties=[ParticipationInput(party)])
        ).id


def test_the_bulk_edit_preview_in_russian(russian: None, qtbot, make_window, database) -> None:  # type: ignore[no-untyped-def]
    lines = _bulk_preview(qtbot, make_window, database).splitlines()
    assert lines[0] == "2 соглашения изменятся"
    assert "  статус → Действует: 2" in lines
    assert "  сторона + Oʻzbekiston (Участник): 2" in lines
    assert any(
        line.startswith("  1 Türkiye rail protocol: статус: Подписано → Действует; ")
        for line in lines
    )
    assert (
        lines[-1]
        == "ничего не изменено: стороны «Kazakhstn» в базе нет (может быть, 'Kazakhstan'?)"
    )


def test_the_english_bulk_edit_preview_is_what_the_command_line_prints(  # type: ignore[no-untyped-def]
    qtbot, make_window, database
) -> None:
    lines = _bulk_preview(qtbot, make_window, database).splitlines()
    assert lines[0] == "2 agreements would change"
    assert "  status → in force: 2" in lines
    assert "  party + Oʻzbekiston (party): 2" in lines
    assert lines[-1] == (
        "nothing was changed: no party 'Kazakhstn' is recorded (did you mean 'Kazakhstan'?)"
    )


def test_an_import_row_error_in_the_russian_import_dialog(  # type: ignore[no-untyped-def]
    russian: None, qtbot, make_window, database, tmp_path: Path, monkeypatch
) -> None:
    source = tmp_path / "плохой.csv"
    source.write_text(
        "title,kind,status,signed_on,parties\n"
        "Oʻzbekiston–Türkiye roadmap,agreement,ratifed,2021-13-45,Türkiye\n"
        "Тоқаев visit,agreement,signed,2022,Kazakhstan; KAZ\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    window = make_window(database)
    window.action_import.trigger()
    qtbot.waitUntil(lambda: window.transfers.problems_dialog is not None, timeout=5000)
    problems = window.transfers.problems_dialog.problems.toPlainText().splitlines()
    assert "строка 2, status: «ratifed» — не статус (может быть, «ratified»?)" in problems
    assert "строка 2, signed_on: «2021-13-45» — не дата: месяц 13 не от 1 до 12" in problems
    assert "строка 3, parties: «KAZ» указана дважды (также сторона 1)" in problems
    window.transfers.problems_dialog.close()


def test_the_merge_dialog_shows_its_facts_in_russian(  # type: ignore[no-untyped-def]
    russian: None, qtbot, make_window, database
) -> None:
    from ui.merge_dialog import MergeDialog

    with database.sessions.begin() as session:
        keep = service.create(
            session,
            AgreementInput(
                title="Oʻzbekiston–Türkiye energy agreement",
                signed_on="2021-12-06",
                binding=True,
                parties=[ParticipationInput("Türkiye")],
            ),
        ).id
        other = service.create(
            session,
            AgreementInput(
                title="Energy agreement",
                signed_on="2021-12",
                status="in force",
                kind="memorandum of understanding",
                binding=False,
                parties=[ParticipationInput("TUR")],
            ),
        ).id
    window = make_window(database)
    window.select_ids([keep, other])
    window.action_merge.trigger()
    qtbot.waitUntil(lambda: window.merge_dialog is not None, timeout=5000)
    dialog = window.merge_dialog
    assert isinstance(dialog, MergeDialog)
    shown = {button.objectName(): button.text() for button in dialog.findChildren(QRadioButton)}
    assert shown["binding_keep"] == "да" and shown["binding_other"] == "нет"
    assert shown["status_keep"] == "Подписано" and shown["status_other"] == "Действует"
    assert shown["kind_other"] == vocab_labels.label(Kind.MEMORANDUM)
    assert shown["signed_on_keep"] == "6 декабря 2021 г."
    assert shown["signed_on_other"] == locale_text.partial_date(PartialDate(2021, 12))
    dialog.close()


def _due_panel_of_one(qtbot, make_window, database, **dates: str):  # type: ignore[no-untyped-def]
    """The Due panel of a window on one agreement in force, coming due by *dates*."""
    with database.sessions.begin() as session:
        service.create(
            session,
            AgreementInput(
                title="Тоқаев–Erdoğan memorandum",
                status="in force",
                parties=[ParticipationInput("Türkiye")],
                **dates,  # type: ignore[arg-type]  # AgreementInput's date and term fields
            ),
        )
    window = make_window(database)
    window.action_show_due.trigger()
    panel = window.due_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=5000)
    return panel


def test_the_due_panel_says_how_each_deadline_was_found_in_russian(  # type: ignore[no-untyped-def]
    russian: None, qtbot, make_window, database
) -> None:
    soon = date.today() + timedelta(days=10)
    panel = _due_panel_of_one(
        qtbot,
        make_window,
        database,
        entry_into_force=soon.replace(year=soon.year - 3).isoformat(),
        duration_term="3 years",
    )
    tip = panel.tree.topLevelItem(0).toolTip(0)
    assert "3 года с даты вступления в силу (" in tip and "years" not in tip


# ------------------------------------------------------------------ phase 4: the rarer messages


def _import_problems(qtbot, window, source: Path, monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """The lines of the problems dialog an import of *source* ends in (after its preview)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    transfers = window.transfers
    transfers.problems_dialog = transfers.preview_dialog = None  # the last import's
    window.action_import.trigger()
    qtbot.waitUntil(
        lambda: transfers.problems_dialog is not None or transfers.preview_dialog is not None,
        timeout=10000,
    )
    if transfers.problems_dialog is None:
        transfers.preview_dialog.accept()
        qtbot.waitUntil(lambda: transfers.problems_dialog is not None, timeout=10000)
    lines = transfers.problems_dialog.problems.toPlainText().splitlines()
    transfers.problems_dialog.close()
    return lines


def test_a_json_file_of_the_wrong_shape_is_told_in_russian(  # type: ignore[no-untyped-def]
    russian: None, qtbot, make_window, database, tmp_path: Path, monkeypatch
) -> None:
    source = tmp_path / "плохой.json"
    agreement = {
        "title": "Oʻzbekiston–Türkiye roadmap",
        "kind": "roadmap",
        "status": "signed",
        "parties": 5,
        "colour": "red",
        "relations": [{"type": "amends"}],
    }
    source.write_text(json.dumps([agreement, "Тоқаев"], ensure_ascii=False), encoding="utf-8")
    window = make_window(database)
    problems = _import_problems(qtbot, window, source, monkeypatch)
    assert "элемент 0, parties: должен быть списком, а не: число" in problems, problems
    assert "элемент 0, colour: неизвестный ключ" in problems
    assert (
        "элемент 0, relations[0]: не указывает соглашение: дайте id объекта из этого файла "
        "или название"
    ) in problems
    assert "элемент 1: должен быть объектом с ключами соглашения, а не: текст" in problems
    broken = tmp_path / "обрыв.json"
    broken.write_text('[{"title": "Тоқаев"', encoding="utf-8")
    (problem,) = _import_problems(qtbot, window, broken, monkeypatch)
    assert problem.startswith("строка 1: обрыв.json — не правильный JSON (ожидается запятая")


def test_json_relations_in_russian(russian: None, database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from models.exchange import import_file
    from models.exchange_format import ImportFailed

    rows = [
        {
            "id": 1,
            "title": "Тоқаев visit",
            "kind": "agreement",
            "status": "signed",
            "parties": ["Kazakhstan"],
            "relations": [{"type": "amends", "id": 7, "title": "Türkiye treaty"}],
        },
        {
            "id": 2,
            "title": "Oʻzbekiston protocol",
            "kind": "protocol",
            "status": "signed",
            "parties": ["Türkiye"],
            "relations": [{"type": "protocol to", "id": 2}],
        },
    ]
    source = tmp_path / "связи.json"
    source.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ImportFailed) as refused, database.sessions.begin() as session:
        import_file(session, source)
    shown = [message_text(problem.message()) for problem in refused.value.problems]
    assert shown == [
        "элемент 0, relations[0]: соглашения с id 7 или под названием «Türkiye treaty» без "
        "даты подписания нет ни в файле, ни в базе",
        "элемент 1, relations[0]: связывает соглашение с самим собой",
    ]
    english = [str(problem) for problem in refused.value.problems]
    assert english[1] == "index 1, relations[0]: relates the agreement to itself"


def test_an_import_s_missing_and_too_large_attachments_in_russian(  # type: ignore[no-untyped-def]
    russian: None, qtbot, make_window, database, tmp_path: Path, monkeypatch
) -> None:
    from models.attachments import AttachmentError, attach_file

    source = tmp_path / "с вложениями.json"
    row = {
        "title": "Oʻzbekiston–Türkiye roadmap",
        "kind": "roadmap",
        "status": "signed",
        "parties": ["Türkiye"],
        "attachments": [{"label": "Текст", "versions": [{"file": "нет.pdf"}]}],
    }
    source.write_text(json.dumps([row], ensure_ascii=False), encoding="utf-8")
    window = make_window(database)
    problems = _import_problems(qtbot, window, source, monkeypatch)
    assert problems == ["элемент 0, attachments[0].versions[0]: файла нет.pdf нет"]
    big = tmp_path / "скан.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * 2_000_000)
    agreement = service_create(database, "Тоқаев visit", "Kazakhstan")
    with pytest.raises(AttachmentError) as refused, database.sessions.begin() as session:
        attach_file(session, agreement, big, limit=1_000_000)
    assert message_text(refused.value) == (
        "'скан.pdf' весит 2.0 MB, больше предела в 1.0 MB для вложения (его задаёт "
        "$TREATY_TRACKER_ATTACHMENT_LIMIT_MB): файл не приложен"
    )


def test_an_undo_refused_by_a_later_change_and_the_trash_s_refusal_in_russian(  # type: ignore[no-untyped-def]
    russian: None, database
) -> None:
    from models import history

    agreement = service_create(database, "Oʻzbekiston–Türkiye roadmap", "Türkiye")
    with database.sessions.begin() as session:
        trash.delete(session, [agreement], user="Aigerim")
    with database.sessions.begin() as session:
        trash.restore(session, [agreement], user="Тоқаев")
    with pytest.raises(history.HistoryConflict) as refused, database.sessions.begin() as session:
        history.undo(session, user="Aigerim")
    label = step_label("deletion of 'Oʻzbekiston–Türkiye roadmap'")
    assert label != "deletion of 'Oʻzbekiston–Türkiye roadmap'"  # the step in Russian too
    assert message_text(refused.value) == (
        f"нельзя отменить шаг «{label}»: соглашение {agreement} с тех пор восстановлено из "
        "корзины (Тоқаев)"
    )
    assert str(refused.value) == (  # the command line's English, as it was
        "can't undo deletion of 'Oʻzbekiston–Türkiye roadmap': "
        f"agreement {agreement} was brought back by Тоқаев since"
    )
    with pytest.raises(trash.NotInTrashError) as live, database.sessions.begin() as session:
        trash.restore(session, [agreement])
    assert message_text(live.value) == f"соглашения {agreement} нет в корзине (оно в базе)"
    with pytest.raises(history.NothingToUndo) as nothing, database.sessions.begin() as session:
        history.redo(session, user="Тоқаев")
    assert message_text(nothing.value) == "повторять нечего"


def test_database_and_backup_errors_in_russian(russian: None, tmp_path: Path) -> None:
    from models.backups import BackupError, restore_backup
    from models.database import DatabaseError, NotTreatyDatabaseError, open_database

    notes = tmp_path / "заметки.db"
    notes.write_text("Тоқаев, Oʻzbekiston, Türkiye\n", encoding="utf-8")
    with pytest.raises(NotTreatyDatabaseError) as foreign:
        open_database(notes)
    assert message_text(foreign.value) == (
        f"{notes} — не база данных Treaty Tracker (это не файл SQLite)"
    )
    with pytest.raises(DatabaseError) as missing:
        open_database(tmp_path / "нет.db", create=False)
    assert message_text(missing.value) == f"{tmp_path / 'нет.db'} не существует"
    database = tmp_path / "договоры.db"
    open_database(database).engine.dispose()
    with pytest.raises(BackupError) as refused:
        restore_backup(database, notes)
    assert message_text(refused.value).startswith(
        f"{notes} восстановить нельзя: копия не прошла проверку SQLite ("
    )
    assert str(refused.value).startswith(f"{notes} can't be restored: it failed SQLite's check")
    from models.export_target import export_target_problem

    over = export_target_problem(database, database)
    assert message_text(over) == (
        f"{database} — та самая база данных, что экспортируется: выберите другое имя файла"
    )


def test_the_progress_dialog_s_cancel_button_in_russian(russian: None, qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from ui.workers import run_with_progress

    parent, worker, results = QWidget(), Worker(), []
    qtbot.addWidget(parent)
    try:
        dialog = run_with_progress(parent, worker, "Импорт…", lambda _job: 1, results.append, print)
        assert [b.text() for b in dialog.findChildren(QPushButton)] == ["Отмена"]
        qtbot.waitUntil(lambda: results == [1], timeout=5000)
    finally:
        worker.shutdown()


def test_the_due_panel_heading_ends_with_one_full_stop_in_russian(  # type: ignore[no-untyped-def]
    russian: None, qtbot, make_window, database
) -> None:
    soon = date.today() + timedelta(days=10)
    panel = _due_panel_of_one(qtbot, make_window, database, expires_on=soon.isoformat())
    heading = panel.heading.text()
    assert heading.startswith("1 срок на ") and heading.endswith("г."), heading
    assert not heading.endswith(".."), heading


def test_file_sizes_in_russian_and_as_before_in_english(qapp) -> None:  # type: ignore[no-untyped-def]
    from models.attachments import size_text as decimal_size
    from models.backups import size_text

    use_language(qapp, "ru", QLocale("ru_RU"))
    try:
        backup = locale_text.data_size(380_928, size_text(380_928))
        small = [locale_text.data_size(n, size_text(n)) for n in (1, 3, 812)]
        attachment = locale_text.data_size(3_250_000, decimal_size(3_250_000), base=1000)
    finally:
        use_language(qapp, "en", QLocale("en_US"))
    assert backup == "372,0 кБ" and attachment == "3,3 МБ"
    assert small == ["1 байт", "3 байта", "812 байт"]
    assert locale_text.data_size(380_928, size_text(380_928)) == "372.0 KB"


def test_an_attachment_s_text_note_in_russian(russian: None, database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from models.attachment_text import TextStatus
    from models.attachments import attach_file
    from ui.attachment_notes import text_tip

    broken = tmp_path / "договор.docx"
    broken.write_text("Oʻzbekiston, Türkiye: not a zip at all", encoding="utf-8")
    agreement = service_create(database, "Тоқаев visit", "Kazakhstan")
    with database.sessions.begin() as session:
        attached = attach_file(session, agreement, broken)
    note = attached.version.text_note
    assert note == "not a readable DOCX file (it is not a zip archive)"  # as the database keeps it
    shown = text_tip(note, attached.version.text_status)
    assert shown == "файл DOCX не читается (это не zip-архив)"
    assert text_tip(None, TextStatus.NONE) == "текста для поиска нет"
    assert text_tip("something else", TextStatus.UNREADABLE) == "something else"


def test_a_conflict_s_time_in_the_window_s_language_and_own_time(russian: None) -> None:
    """The command line says '2026-11-29 10:14 UTC'; the window the user's own time."""
    from models.service import ConflictError

    when = datetime(2026, 11, 29, 10, 14, tzinfo=UTC)
    error = ConflictError(7, 2, 3, when, "Тоқаев")
    assert "at 2026-11-29 10:14 UTC after you opened it" in str(error)
    shown = message_text(error)
    local = when.astimezone()
    assert f"{local:%d.%m.%Y}" in shown and f"{local.hour}:{local:%M}" in shown
    assert "UTC" not in shown and "Тоқаев" in shown


def test_an_attachment_s_version_and_day_in_russian(  # type: ignore[no-untyped-def]
    russian: None, qtbot, make_window, database, tmp_path: Path
) -> None:
    """Under 'Версия' the number alone, under 'Добавлено' the day as Russian writes it."""
    from models.attachments import attach_file

    text = tmp_path / "протокол.txt"
    text.write_text("Тоқаев, Oʻzbekiston, Türkiye", encoding="utf-8")
    agreement = service_create(database, "Тоқаев visit", "Kazakhstan")
    with database.sessions.begin() as session:
        attach_file(session, agreement, text)
    window = make_window(database)
    panel = window.attachments
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: panel.agreement_id == agreement, timeout=5000)
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.reload()
    top = panel.tree.topLevelItem(0)
    headers = [panel.tree.headerItem().text(column) for column in (2, 4)]
    assert headers == ["Версия", "Добавлено"]
    assert top.text(2) == "1"
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4}", top.text(4)), top.text(4)

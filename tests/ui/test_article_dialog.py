"""File › New from article…: paste or open an article, review the drafts, save the ticked ones."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from models.database import Database
from models.query import count
from models.sample import load_sample
from models.service import load_input
from ui.article_dialog import ArticleDialog
from ui.draft_table import COLUMNS, KEEP

ARTICLES = Path(__file__).parent.parent / "extract_articles"
SEED = ARTICLES / "01-aa-kazakhstan-uzbekistan-alliance.txt"
FIELDS_COLUMN = [header for header, _, _ in COLUMNS].index("Fields")
PLACE_COLUMN = [header for header, _, _ in COLUMNS].index("Signed at")
DATE_COLUMN = [header for header, _, _ in COLUMNS].index("Signed on")


def _open_dialog(qtbot, make_window, database: Database):  # type: ignore[no-untyped-def]
    window = make_window(database)
    action = window.findChild(type(window.action_new), "actionNewFromArticle")
    assert action is not None and action.isEnabled()
    assert action in window.menuBar().actions()[0].menu().actions()  # in the File menu
    action.trigger()
    dialog = window.article_dialog
    assert isinstance(dialog, ArticleDialog) and dialog.isVisible()
    return window, dialog


def _draft_seed(qtbot, dialog: ArticleDialog, published: str = "2021-12-06") -> None:  # type: ignore[no-untyped-def]
    dialog.findChild(type(dialog.article), "articleText").setPlainText(SEED.read_text("utf-8"))
    dialog.published.setText(published)
    with qtbot.waitSignal(dialog.drafted, timeout=10000):
        dialog.draft_button.click()


def test_pasted_article_gives_eight_ticked_drafts_and_save_records_them(
    qtbot, make_window, database
) -> None:
    window, dialog = _open_dialog(qtbot, make_window, database)
    _draft_seed(qtbot, dialog)
    table = dialog.findChild(type(dialog.table), "draftTable")
    assert table.rowCount() == 8
    assert all(table.is_kept(row) for row in range(8))
    assert {table.item(row, PLACE_COLUMN).text() for row in range(8)} == {"Nur-Sultan"}
    assert table.item(6, FIELDS_COLUMN).text() == "Transport > Rail"
    assert "8 drafts; published 2021-12-06" in dialog.status.text()
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        dialog.save_button.click()
    assert not dialog.isVisible()
    with database.sessions() as session:
        assert count(session) == 8
        assert load_input(session, 1)[0].signed_at == "Nur-Sultan"
    assert sorted(window.selected_ids()) == list(range(1, 9))  # the new rows, selected


def _highlighted(dialog: ArticleDialog) -> str:
    """The text highlighted in the article ('' when none)."""
    selections = dialog.article.extraSelections()
    return selections[0].cursor.selectedText() if selections else ""


def test_selecting_a_cell_highlights_the_sentence_behind_it(qtbot, make_window, database) -> None:
    _, dialog = _open_dialog(qtbot, make_window, database)
    _draft_seed(qtbot, dialog)
    dialog.table.setCurrentCell(0, PLACE_COLUMN)
    assert _highlighted(dialog).startswith("As part of his official visit to Kazakhstan")
    assert "in the capital Nur Sultan" in _highlighted(dialog)
    dialog.table.setCurrentCell(3, FIELDS_COLUMN)
    assert _highlighted(dialog).startswith("Various intergovernmental and interdepartmental")
    dialog.table.setCurrentCell(0, DATE_COLUMN)
    assert _highlighted(dialog).startswith("ANKARA (AA) – Kazakhstan and Uzbekistan signed")
    assert "read against its publication date 2021-12-06" in dialog.notes.text()


def test_edits_and_ticks_decide_what_is_saved(qtbot, make_window, database) -> None:
    window, dialog = _open_dialog(qtbot, make_window, database)
    _draft_seed(qtbot, dialog)
    table = dialog.table
    title = [header for header, _, _ in COLUMNS].index("Title")
    table.item(0, title).setText("Declaration on Allied Relations (Тоқаев, Oʻzbekiston, Türkiye)")
    table.item(0, FIELDS_COLUMN).setText("Foreign policy; Security")
    for row in range(1, 8):
        table.item(row, KEEP).setCheckState(Qt.CheckState.Unchecked)  # the user unticks it
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        dialog.save_button.click()
    with database.sessions() as session:
        assert count(session) == 1
        saved = load_input(session, 1)[0]
    assert saved.title == "Declaration on Allied Relations (Тоқаев, Oʻzbekiston, Türkiye)"
    assert saved.fields == ["Foreign policy", "Security"]
    assert saved.signed_on == "2021-12-06"


def test_a_draft_like_a_recorded_agreement_is_warned_of_and_left_unticked(
    qtbot, make_window, database
) -> None:
    with database.sessions.begin() as session:
        load_sample(session)
    _, dialog = _open_dialog(qtbot, make_window, database)
    _draft_seed(qtbot, dialog)
    table = dialog.table
    recorded = [header for header, _, _ in COLUMNS].index("Recorded?")
    warnings = [table.item(row, recorded).text() for row in range(8)]
    assert warnings == ["", "like 2", "like 3", "like 4", "like 5", "like 6", "", ""]
    table.setCurrentCell(3, 2)
    assert dialog.notes.text().splitlines()[0] == (
        "Looks like recorded agreement 4 'Cooperation in the field of electricity "
        "(Kazakhstan–Uzbekistan)' (6 December 2021)"
    )
    assert [table.is_kept(row) for row in range(8)] == [True, *[False] * 5, True, True]
    assert "5 like recorded agreements (not ticked)" in dialog.status.text()


def test_a_bad_edit_saves_nothing_and_says_what_is_wrong(qtbot, make_window, database) -> None:
    _, dialog = _open_dialog(qtbot, make_window, database)
    _draft_seed(qtbot, dialog)
    dialog.table.item(2, DATE_COLUMN).setText("2021-13-45")
    with qtbot.waitSignal(dialog.failed, timeout=10000) as failed:
        dialog.save_button.click()
    assert "draft 3" in failed.args[0] and "signed_on" in failed.args[0]
    assert dialog.isVisible() and dialog.error.isVisible()
    with database.sessions() as session:
        assert count(session) == 0


def test_without_a_publication_date_monday_stays_empty(qtbot, make_window, database) -> None:
    _, dialog = _open_dialog(qtbot, make_window, database)
    _draft_seed(qtbot, dialog, published="")
    assert {dialog.table.item(row, DATE_COLUMN).text() for row in range(8)} == {""}
    dialog.table.setCurrentCell(0, 0)
    assert "gives no publication date" in dialog.notes.text()


def test_an_article_with_no_signing_says_so(qtbot, make_window, database) -> None:
    _, dialog = _open_dialog(qtbot, make_window, database)
    dialog.article.setPlainText((ARTICLES / "12-ru-no-signing-planned.txt").read_text("utf-8"))
    with qtbot.waitSignal(dialog.drafted, timeout=10000):
        dialog.draft_button.click()
    assert dialog.table.rowCount() == 0
    assert dialog.status.text().startswith("No drafts: the article reports no document signed")
    assert not dialog.save_button.isEnabled()


def test_opening_a_file_reads_it_and_its_date(qtbot, make_window, database, monkeypatch) -> None:
    _, dialog = _open_dialog(qtbot, make_window, database)
    page = ARTICLES / "13-html-mfa-turkmenistan.html"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(page), ""))
    with qtbot.waitSignal(dialog.drafted, timeout=10000):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.published.text() == "2023-02-18"
    assert "window.analytics" not in dialog.article.toPlainText()
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, PLACE_COLUMN).text() == "Kabul"


def test_a_binary_file_is_refused_with_a_message(qtbot, make_window, database, tmp_path) -> None:
    _, dialog = _open_dialog(qtbot, make_window, database)
    binary = tmp_path / "scan.pdf.exe"
    binary.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00")
    with qtbot.waitSignal(dialog.failed, timeout=10000) as failed:
        dialog.open_file(binary)
    assert failed.args[0] == "Not done: scan.pdf.exe is a binary file, not an article"


def test_a_paste_far_longer_than_an_article_is_refused(qtbot, make_window, database) -> None:
    _, dialog = _open_dialog(qtbot, make_window, database)
    dialog.article.setPlainText("Тоқаев " * 200_000)
    with qtbot.waitSignal(dialog.failed, timeout=10000) as failed:
        dialog.draft_button.click()
    assert failed.args[0].startswith("Not done: the pasted text has 1,400,000 characters")
    assert dialog.draft_button.isEnabled()

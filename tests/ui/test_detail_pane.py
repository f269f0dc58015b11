"""The detail pane's text: relations read from each side in its own words."""

from __future__ import annotations

import re

import pycountry
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextBlock, QTextDocument, QTextTable

from models.database import Database
from models.detail import AgreementDetail, load_detail
from models.service import (
    ActionInput,
    AgreementInput,
    ParticipationInput,
    RelationInput,
    create,
)
from ui.detail_pane import PARTIES_SHOWN, DetailPane, render_detail


def test_the_treaty_lists_its_protocol_and_the_protocol_its_treaty(database: Database) -> None:
    with database.sessions.begin() as session:
        parties = [ParticipationInput("Kazakhstan"), ParticipationInput("Oʻzbekiston")]
        treaty = create(session, AgreementInput("Treaty on Türkiye transit", parties=parties)).id
        protocol = create(
            session,
            AgreementInput(
                "Protocol signed by Тоқаев",
                parties=parties,
                relations=[RelationInput("protocol to", treaty)],
            ),
        ).id
    with database.sessions.begin() as session:
        treaty_pane = render_detail(load_detail(session, treaty))
        protocol_pane = render_detail(load_detail(session, protocol))
    assert "<li>Has protocol: <i>Protocol signed by Тоқаев</i></li>" in treaty_pane
    assert "<li>Protocol to: <i>Treaty on Türkiye transit</i></li>" in protocol_pane


def _plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_the_parties_stand_in_an_aligned_table_with_their_dates_in_words(
    database: Database, qapp
) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        agreement = create(
            session,
            AgreementInput(
                "Convention on transit through Türkiye, Oʻzbekiston and Қазақстан",
                signed_on="2021-12-06",
                parties=[
                    ParticipationInput(
                        "Kazakhstan",
                        role="original signatory",
                        signatory_name="Қасым-Жомарт Тоқаев",
                        actions=[
                            ActionInput("signature", "2021-12-06"),
                            ActionInput("ratification", "2022-03-03", "2022-04-02"),
                            ActionInput("entry into force", effective_on="2022-05-01"),
                        ],
                    ),
                    ParticipationInput(
                        "Türkiye",
                        actions=[
                            ActionInput("accession", "2022-05-03"),
                            ActionInput("reservation", "2022-05-03", text="Article 4 aside"),
                        ],
                    ),
                    ParticipationInput("Oʻzbekiston", role="original signatory"),
                ],
            ),
        ).id
        text = _plain(render_detail(load_detail(session, agreement)))
    assert "Party\nRole\nSigned\nRatified\nIn force\n" in text
    # One row per party, each date under its column; an accession stands for consent.
    assert "Kazakhstan\nOriginal signatory\n6 December 2021\n3 March 2022\n1 May 2022\n" in text
    assert "Türkiye\nParty\n\naccession 3 May 2022\n\n" in text
    # An original signatory without a signature of its own signed on the agreement's date.
    assert "Oʻzbekistan\nOriginal signatory\n6 December 2021*\n" in text or (
        "Uzbekistan\nOriginal signatory\n6 December 2021*\n" in text
    )
    assert "* the agreement's signing date" in text
    assert "signed by Қасым-Жомарт Тоқаев" in text
    assert "Türkiye: reservation, made 3 May 2022 — “Article 4 aside”" in text


def test_empty_sections_are_left_out_and_named_once(database: Database, qapp) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        agreement = create(
            session,
            AgreementInput(
                "Memorandum on Türkiye rail", parties=[ParticipationInput("Kazakhstan")]
            ),
        ).id
        text = _plain(render_detail(load_detail(session, agreement)))
    for heading in ("Summary", "Notes", "Source", "Timeline", "Related agreements"):
        assert f"\n{heading}\n" not in text
    assert (
        "Not recorded: binding, date and place signed, entry into force, fields, summary, notes, "
        "source." in text
    )
    # Times in words too, never '2026-12-01 17:03'.
    assert re.search(r"Created \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d", text)
    assert not re.search(r"\d{4}-\d\d-\d\d", text)


def _long_and_short(
    database: Database, names: list[str], few: int
) -> tuple[AgreementDetail, AgreementDetail]:
    """The details of a convention of *names* and of a protocol of its first *few*."""
    with database.sessions.begin() as session:
        parties = [ParticipationInput(name) for name in names]
        long_one = create(session, AgreementInput("Тоқаев convention", parties=parties)).id
        short = create(session, AgreementInput("Short protocol", parties=parties[:few])).id
    with database.sessions.begin() as session:
        return load_detail(session, long_one), load_detail(session, short)


def _shown_pane(qtbot) -> DetailPane:  # type: ignore[no-untyped-def]
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.resize(400, 300)
    pane.show()
    return pane


def test_the_same_agreement_shown_again_stays_where_the_reader_scrolled(
    database: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Each search that keeps the selected agreement reads its details again: set again,
    the text jumped back to the top while the user read it (and its layout took the
    window 10 ms or more). Another agreement is shown from its top."""
    names = [f"Party {n} of Oʻzbekiston and Türkiye" for n in range(40)]
    long_detail, other_detail = _long_and_short(database, names, 2)
    pane = _shown_pane(qtbot)
    pane.show_detail(long_detail)
    bar = pane.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    pane.show_detail(long_detail)
    assert bar.value() == bar.maximum() // 2
    assert "Тоқаев convention" in pane.toPlainText()
    pane.show_detail(other_detail)
    assert bar.value() == 0
    assert "Short protocol" in pane.toPlainText()
    pane.show_detail(long_detail)
    assert bar.value() == 0


def _cell(table: QTextTable, row: int, column: int) -> QTextBlock:
    return table.cellAt(row, column).firstCursorPosition().block()


def test_a_long_party_list_is_laid_out_in_parts_whose_columns_line_up(
    database: Database, qapp
) -> None:  # type: ignore[no-untyped-def]
    # One table of 130 parties held the window for 60 ms or more each time it was shown:
    # tables of a few parties are laid out as they come into view, their columns the same.
    names = sorted(country.name for country in pycountry.countries)[:35]
    with database.sessions.begin() as session:
        agreement = create(
            session,
            AgreementInput(
                "Convention on transit through Türkiye, Oʻzbekiston and Қазақстан",
                signed_on="2021-12-06",
                parties=[
                    ParticipationInput(
                        name,
                        actions=[ActionInput("signature", "2021-12-06")] if number % 2 else [],
                    )
                    for number, name in enumerate(names)
                ],
            ),
        ).id
        html = render_detail(load_detail(session, agreement), every_party=True)
    pane = DetailPane()
    pane.resize(420, 600)
    pane.setHtml(html)
    document = pane.document()
    document.setTextWidth(400)  # the whole document laid out, as once scrolled through
    layout = document.documentLayout()
    tables = [
        frame
        for frame in document.rootFrame().childFrames()
        if isinstance(frame, QTextTable)
        and any(_cell(frame, row, 0).text() in names for row in range(frame.rows()))
    ]
    assert len(tables) == 4  # 35 parties, ten at a time
    text = _plain(html)
    assert text.index("Afghanistan") < text.index(names[-1])  # all of them, in order

    def left(table: QTextTable, row: int, column: int) -> float:
        return layout.blockBoundingRect(_cell(table, row, column)).x()

    for column in range(3):  # party, role, signed
        edges = {
            round(left(table, row, column))
            for table in tables
            for row in range(table.rows())
            if table.cellAt(row, 0).columnSpan() == 1  # not a party's notes, across the table
        }
        assert len(edges) == 1, f"column {column} starts at {sorted(edges)}"


def test_a_long_party_list_shows_its_first_parties_and_a_link_to_all_of_them(
    database: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    # 130 parties laid out each time the agreement was shown held the window 60-80 ms.
    names = [f"Party {n:02} of Oʻzbekiston, Türkiye and Қазақстан" for n in range(35)]
    many_detail, few_detail = _long_and_short(database, names, 3)
    pane = _shown_pane(qtbot)
    pane.show_detail(many_detail)
    text = pane.toPlainText()
    assert names[PARTIES_SHOWN - 1] in text and names[PARTIES_SHOWN] not in text
    assert "Show all 35 parties" in text
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum())  # down to the link
    where = bar.value()
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_Tab)  # to the pane's first link: this one
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    text = pane.toPlainText()
    assert all(name in text for name in names) and "Show all" not in text
    assert bar.value() == where  # the reader stays where the link was
    pane.show_detail(many_detail)  # shown again after a save: still all of them
    assert names[-1] in pane.toPlainText()
    pane.show_detail(few_detail)
    assert "Show all" not in pane.toPlainText()


class _Browser(QObject):
    """Stands in for the system's browser: the addresses it was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_the_source_link_opens_in_the_browser(database: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    address = "https://treaties.un.org/Pages/Тоқаев.aspx"
    with database.sessions.begin() as session:
        found = create(
            session,
            AgreementInput(
                "Treaty on Oʻzbekiston transit",
                parties=[ParticipationInput("Türkiye")],
                source_url=address,
            ),
        ).id
        detail = load_detail(session, found)
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_detail(detail)
    browser = _Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        pane.setFocus()
        qtbot.keyClick(pane, Qt.Key.Key_Tab)  # the only link: the source
        qtbot.keyClick(pane, Qt.Key.Key_Return)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert [QUrl(url) for url in browser.opened] == [QUrl(address)]
    assert "Treaty on Oʻzbekiston transit" in pane.toPlainText()  # the pane stays as it was

"""Under a dark palette every text reads: chips, details, warnings, highlights, welcome page.

The contrast is measured on what is drawn: each widget is grabbed, its background is the
commonest colour of the picture and its text the colour farthest from it, and their WCAG
ratio must reach 4.5:1 (the minimum for body text).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from models.database import Database
from models.detail import load_detail
from models.extract.drafting import Evidence
from models.query import AgreementFilter
from models.service import ActionInput, AgreementInput, ParticipationInput, create
from ui.colours import AA_TEXT, contrast, error_colour, error_style, muted
from ui.detail_pane import DetailPane
from ui.filter_chips import ActiveFilters
from ui.form_errors import error_label
from ui.welcome_page import WelcomePage

Role = QPalette.ColorRole
DARK = {
    Role.Window: "#2b2b2b",
    Role.WindowText: "#e8e8e8",
    Role.Base: "#1e1e1e",
    Role.AlternateBase: "#262626",
    Role.Text: "#e8e8e8",
    Role.Button: "#3a3a3a",
    Role.ButtonText: "#e8e8e8",
    Role.Highlight: "#3d6fb4",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#8ab4f8",
    Role.ToolTipBase: "#333333",
    Role.ToolTipText: "#e8e8e8",
}


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The application's palette for the test: Qt's own light one, or a dark one."""
    before = QPalette(qapp.palette())
    if request.param == "dark":
        palette = QPalette(before)
        for role, colour in DARK.items():
            palette.setColor(role, QColor(colour))
        qapp.setPalette(palette)
    yield request.param
    qapp.setPalette(before)


def drawn_contrast(widget: QWidget) -> float:
    """The contrast between the commonest colour of the widget as drawn and the colour most
    unlike it (the text's core: anti-aliased edges only blend towards the background)."""
    widget.show()
    QApplication.processEvents()
    image = widget.grab().toImage()
    pixels = Counter(
        image.pixel(x, y) for x in range(0, image.width()) for y in range(0, image.height())
    )
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    return max(contrast(QColor.fromRgb(pixel), background) for pixel in pixels)


def test_the_theme_is_what_the_test_says(theme: str, qapp) -> None:  # type: ignore[no-untyped-def]
    base = qapp.palette().color(Role.Base)
    assert (base.lightness() < 128) == (theme == "dark")


def test_chips_read(theme: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    chips = ActiveFilters()
    qtbot.addWidget(chips)
    chips.show_filter([("Türkiye", AgreementFilter())])
    chip = chips.findChild(QWidget, "filterChip")
    assert drawn_contrast(chip) >= AA_TEXT


def test_error_messages_read(theme: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    label = error_label("someError")
    qtbot.addWidget(label)
    label.setText("Signed on: 2021-13-45 is not a date")
    assert contrast(error_colour(label), label.palette().color(Role.Window)) >= AA_TEXT
    assert drawn_contrast(label) >= AA_TEXT
    banner = QLabel("Nothing was saved: Тоқаев is already a party")
    qtbot.addWidget(banner)
    banner.setStyleSheet(error_style(banner))
    assert drawn_contrast(banner) >= AA_TEXT
    # Red in a list (overdue deadlines, drafts already recorded) is drawn on the base.
    assert contrast(error_colour(banner, Role.Base), banner.palette().color(Role.Base)) >= AA_TEXT


def test_highlighted_evidence_reads(theme: str, database: Database, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(database)
    window.findChild(type(window.action_new), "actionNewFromArticle").trigger()
    dialog = window.article_dialog
    sentence = "Тоқаев and Mirziyoyev signed in Nur-Sultan."
    dialog.article.setPlainText(f"Monday. {sentence} Türkiye was not there.")
    dialog.highlight(Evidence(sentence, 8, 8 + len(sentence)))
    (selection,) = dialog.article.extraSelections()
    background = selection.format.background().color()
    text = dialog.article.palette().color(Role.Text)
    assert contrast(text, background) >= AA_TEXT
    # Still a highlight: told apart from the page around it.
    assert background != dialog.article.palette().color(Role.Base)
    dialog.done(0)


def test_the_detail_pane_reads(theme: str, database: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        agreement = create(
            session,
            AgreementInput(
                "Agreement on the Oʻzbekiston–Türkiye rail line",
                signed_on="2021-12-06",
                parties=[
                    ParticipationInput(
                        "Kazakhstan",
                        role="original signatory",
                        signatory_name="Тоқаев",
                        actions=[ActionInput("signature", "2021-12-06")],
                    ),
                    ParticipationInput("Türkiye"),
                ],
            ),
        ).id
        detail = load_detail(session, agreement)
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.resize(420, 600)
    pane.show_detail(detail)
    # The greys of labels and notes, and the text itself, against the pane's base.
    base = pane.palette().color(Role.Base)
    assert contrast(muted(pane), base) >= AA_TEXT
    assert drawn_contrast(pane.viewport()) >= AA_TEXT


def test_the_welcome_page_reads(theme: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = WelcomePage()
    qtbot.addWidget(page)
    page.resize(640, 400)
    assert drawn_contrast(page.text) >= AA_TEXT
    assert drawn_contrast(page.new_button) >= AA_TEXT


def test_toolbar_icons_stand_out(theme: str, database: Database, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(database)
    background = window.palette().color(Role.Window)
    for action in (window.action_undo, window.action_new, window.action_delete):
        image = action.icon().pixmap(24, 24).toImage()
        shape = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 128
        ]
        # Fusion's arrows are black whatever the theme: under a dark one they are redrawn.
        assert max(contrast(colour, background) for colour in shape) >= 3.0, action.text()

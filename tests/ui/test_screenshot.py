"""The README's screenshot can be made again by its script."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from ui.screenshot import take


def test_screenshot_script_shows_the_sample(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    out = take(tmp_path / "shot.png")
    image = QImage(str(out))
    assert image.width() >= 1400 and image.height() >= 800


def test_article_dialog_screenshot_script_shows_the_seeds_drafts(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.article_screenshot import take as take_article

    out = take_article(tmp_path / "article.png")
    image = QImage(str(out))
    assert image.width() >= 1400 and image.height() >= 700

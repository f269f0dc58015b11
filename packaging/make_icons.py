"""Render the icon's PNG sizes, Windows .ico and macOS .icns from treaty-tracker.svg.

Run after changing the SVG: `python packaging/make_icons.py`; the results are committed,
so a build needs no renderer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "ui" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG drawn on a transparent square of *size* pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 (fonts, plugins)
    renderer = QSvgRenderer(str(ICONS / "treaty-tracker.svg"))
    for size in SIZES:
        folder = ICONS / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        render(renderer, size).save(str(folder / "io.github.treatytracker.TreatyTracker.png"))
    # Qt's ico and icns writers take the one image they are given (256 and 512 pixels).
    render(renderer, 256).save(str(ICONS / "treaty-tracker.ico"))
    render(renderer, 512).save(str(ICONS / "treaty-tracker.icns"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Colours taken from the palette, so light and dark themes both read right.

Qt's palette has no role for an error or a highlight: those are a hue (red, amber) made
light or dark enough against the palette's own background that text keeps a contrast of
at least 4.5:1 (WCAG AA), whatever theme the user runs.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QWidget

AA_TEXT = 4.5  # WCAG 2 minimum contrast for body text
ERROR_HUE = QColor("#b00020")
HIGHLIGHT_HUE = QColor("#ffd54f")  # amber, as a marker pen
Role = QPalette.ColorRole


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2): 0 for black, 1 for white."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_dark(background: QColor) -> bool:
    return luminance(background) < 0.18


def readable(colour: QColor, background: QColor, minimum: float = AA_TEXT) -> QColor:
    """*colour* with its hue kept, lightened on a dark background or darkened on a light
    one until text in it reaches *minimum* contrast."""
    # PySide6's stubs say getHslF() returns object: it is four floats.
    hue, saturation, lightness, _alpha = cast(tuple[float, float, float, float], colour.getHslF())
    step = 0.04 if is_dark(background) else -0.04
    found = QColor(colour)
    while contrast(found, background) < minimum and 0.0 < lightness < 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        found = QColor.fromHslF(max(hue, 0.0), saturation, lightness)
    return found


def _palette(source: QWidget | QPalette) -> QPalette:
    return source if isinstance(source, QPalette) else source.palette()


def error_colour(source: QWidget | QPalette, background: Role = Role.Window) -> QColor:
    """Red for a message or a problem, readable on the palette's *background* role."""
    return readable(ERROR_HUE, _palette(source).color(background))


def error_style(source: QWidget | QPalette, background: Role = Role.Window) -> str:
    """A style sheet for an error label: 'color: #b00020;' on light, a light red on dark."""
    return f"color: {error_colour(source, background).name()};"


def muted(source: QWidget | QPalette, background: Role = Role.Base) -> QColor:
    """Secondary text (labels, notes): the text colour part-way to the background, still
    readable on it."""
    palette = _palette(source)
    text, base = palette.color(Role.Text), palette.color(background)
    mixed = QColor.fromRgbF(*(0.65 * t + 0.35 * b for t, b in _rgb_pairs(text, base)))
    return readable(mixed, base)


def highlight_background(source: QWidget | QPalette) -> QColor:
    """A marker-pen background for found words: amber on light, a dark amber on dark, so
    the palette's text stays readable over it."""
    palette = _palette(source)
    base, text = palette.color(Role.Base), palette.color(Role.Text)
    share = 1.0 if not is_dark(base) else 0.45
    while True:
        mixed = QColor.fromRgbF(
            *(share * h + (1 - share) * b for h, b in _rgb_pairs(HIGHLIGHT_HUE, base))
        )
        if contrast(text, mixed) >= AA_TEXT or share <= 0.1:
            return mixed
        share -= 0.05


def _rgb_pairs(one: QColor, other: QColor) -> list[tuple[float, float]]:
    return [
        (one.redF(), other.redF()),
        (one.greenF(), other.greenF()),
        (one.blueF(), other.blueF()),
    ]


NON_TEXT = 3.0  # WCAG 2 minimum contrast for icons and other graphics
ICON_SIZE = 32


def readable_icon(icon: QIcon, source: QWidget | QPalette) -> QIcon:
    """*icon* as it is when it stands out from the palette's window colour; a dark outline
    icon (Fusion's black arrows) on a dark theme is drawn in the palette's text colour."""
    palette = _palette(source)
    background = palette.color(Role.Window)
    image = icon.pixmap(ICON_SIZE, ICON_SIZE).toImage()
    opaque = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 128
    ]
    if not opaque or max(contrast(colour, background) for colour in opaque) >= NON_TEXT:
        return icon
    tinted = QIcon()
    for size in icon.availableSizes() or [QSize(ICON_SIZE, ICON_SIZE)]:
        pixmap = icon.pixmap(size)
        painter = QPainter(pixmap)
        # Keep the shape (its alpha), paint it in the text colour.
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), palette.color(Role.WindowText))
        painter.end()
        tinted.addPixmap(pixmap)
    return tinted

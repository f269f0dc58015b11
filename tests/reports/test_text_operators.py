"""Remembered text operators are ReportLab's own, whatever was drawn before them."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from reports.fonts import FontSet
from reports.text_operators import remembering

# Enough different characters to fill a font subset (256 glyphs) and start another, so
# the same words are drawn with different subsets in use before them.
TEXTS = [
    "Тоқаев",
    "Oʻzbekiston",
    "Türkiye",
    "".join(chr(code) for code in range(0x0400, 0x0500)),
    "Тоқаев",
    "Oʻzbekiston",
    "".join(chr(code) for code in range(0x0100, 0x0180)),
    "Türkiye",
    "Тоқаев",
]


def _operators(remember: bool) -> list[str]:
    fonts = FontSet()
    canvas = Canvas(io.BytesIO())
    drawn = []
    for size in (8.5, 10):
        for text in TEXTS * 2:
            obj = canvas.beginText()
            if remember:
                remembering(obj)
            obj.setFont(fonts.regular, size)
            obj.textLine(text)
            drawn.append(obj.getCode())
    return drawn


def test_remembered_operators_are_what_reportlab_writes() -> None:
    assert _operators(remember=True) == _operators(remember=False)

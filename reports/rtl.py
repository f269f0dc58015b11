"""Right-to-left text (Arabic, Persian, Hebrew) made ready for a PDF, drawn left to right.

Two steps, in this order: Arabic letters are joined into their presentation forms while the
text is still in logical (typed) order, so line breaking measures the shapes that will be
drawn; then each finished line is put in display order by the Unicode bidi algorithm, so
the first word of an Arabic title stands at the right. Text with no right-to-left letter
is returned as it is, at the cost of one regular-expression search.
"""

from __future__ import annotations

import re
from functools import lru_cache

from arabic_reshaper import ArabicReshaper

# The pure-Python algorithm: the Rust one (bidi.get_display) does not mirror brackets, so
# "(2021)" in an Arabic line came out as ")2021(".
from bidi.algorithm import get_base_level, get_display

# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic Extended, and the
# Hebrew and Arabic presentation forms.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")

# Harakat kept (they are drawn), and the lam-alef ligatures DejaVu Sans has glyphs for.
_RESHAPER = ArabicReshaper({"delete_harakat": False, "support_ligatures": True})


def has_rtl(text: str) -> bool:
    """True when *text* holds a letter written right to left."""
    return _RIGHT_TO_LEFT.search(text) is not None


@lru_cache(maxsize=4096)
def shaped(text: str) -> str:
    """Arabic letters in their joined forms, still in logical order; other text as it is."""
    return _RESHAPER.reshape(text) if _ARABIC.search(text) else text


@lru_cache(maxsize=4096)
def visual(line: str, base: str | None = None) -> str:
    """One line in display order (left to right as drawn); unchanged if nothing is RTL.

    *base* is the paragraph's direction ('R' or 'L'): every line of a wrapped paragraph
    takes it, or a line of an Arabic paragraph that happens to start with a Latin name
    ('Oʻzbekiston و Türkiye …') would be laid out left to right, its words in the wrong
    order. None: the line's own first strong letter decides (a line on its own).
    """
    return get_display(line, base_dir=base) if has_rtl(line) else line


def direction(text: str) -> str:
    """'R' when the text's first strong letter is right-to-left, else 'L'."""
    return "R" if right_to_left(text) else "L"


def right_to_left(text: str) -> bool:
    """True when the text's first strong letter is right-to-left: set it flush right."""
    return has_rtl(text) and get_base_level(text) == 1


def for_display(line: str) -> str:
    """A line of text that will not wrap, shaped and in display order."""
    return visual(shaped(line)) if has_rtl(line) else line

"""Unicode TrueType fonts for reports: found on the system, embedded, and checked glyph by glyph.

ReportLab's built-in PDF fonts know Latin-1 only, so Тоқаев or Oʻzbekiston would come out
as boxes. A report embeds a TrueType family (regular, bold, italic, bold italic) chosen by
the caller or found among the system's fonts, falls back to another installed font for a
character the family lacks, and names every character that no font could draw.
"""

from __future__ import annotations

import hashlib
import shutil
import unicodedata
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from reports.font_files import (
    CJK_PACKAGES,
    STYLES,
    FontFiles,
    bundled_family,
    cjk_truetype_files,
    family_from_file,
    fontconfig_candidates,
    shipped_family,
    system_families,
)

# Searching other fonts for a missing character costs a subprocess; stop after this many.
_MAX_FALLBACK_SEARCHES = 24


class SplitCachingTTFont(TTFont):
    """A TTFont that remembers how each text it drew splits into subsets, per document.

    ReportLab maps every drawn string to the font's subsets character by character in
    Python; a report of a thousand agreements draws the same labels, names and dates tens
    of thousands of times (74,000 strings, 9,600 different). A character keeps its place in
    a subset for the whole document once given one, so a text's split never changes.
    """

    def splitString(  # ReportLab's name
        self, text: str, doc: Any, encoding: str = "utf-8"
    ) -> list[tuple[int, bytes]]:
        state = self.state.get(doc)
        if state is None:  # the document's first text: ReportLab makes its state
            return super().splitString(text, doc, encoding)
        # Kept on ReportLab's state of the document, which it drops once the PDF is saved.
        known: dict[str, list[tuple[int, bytes]]] = vars(state).setdefault("splits", {})
        split = known.get(text)
        if split is None:
            split = known[text] = super().splitString(text, doc, encoding)
        return split


def _load(path: Path) -> TTFont | None:
    """Register the file with ReportLab once per process; None if it can't be embedded."""
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:10]
    name = f"TT{digest}"
    try:
        return pdfmetrics.getFont(name)  # type: ignore[return-value]  # registered as a TTFont
    except KeyError:
        pass
    try:
        font = SplitCachingTTFont(name, str(path), subfontIndex=0)
    except (TTFError, OSError, ValueError, KeyError, AssertionError):
        return None  # e.g. PostScript (CFF) outlines, which ReportLab can't embed
    pdfmetrics.registerFont(font)
    return font


def _covers(font: TTFont, char: str) -> bool:
    return ord(char) in font.face.charToGlyph


def _needs_glyph(char: str) -> bool:
    """Spaces, controls and format characters are never drawn, so never missing."""
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf")


def describe_character(char: str) -> str:
    """'U+13000 EGYPTIAN HIEROGLYPH A001 (𓀀)': enough to find the character in the data."""
    private = unicodedata.category(char) == "Co"
    name = unicodedata.name(char, "private-use character" if private else "unnamed character")
    return f"U+{ord(char):04X} {name} ({char})"


class FontSet:
    """The fonts of one document: a registered family, fallbacks, and what nothing could draw."""

    def __init__(self, choice: Path | None = None) -> None:
        self.notes: list[str] = []
        self.files = self._choose(choice)
        fonts = {style: _load(self.files.path(style)) for style in STYLES}
        regular = fonts["regular"]
        assert regular is not None  # _choose only returns families whose regular file loads
        self.fonts: dict[str, TTFont] = {s: font or regular for s, font in fonts.items()}
        self.family = f"{regular.fontName}-family"
        pdfmetrics.registerFontFamily(
            self.family,
            normal=self.regular,
            bold=self.bold,
            italic=self.italic,
            boldItalic=self.bold_italic,
        )
        # A style without its own file reuses another's font; map that font back to the
        # plainest style it serves, so a regular paragraph is not taken for italic.
        for bold, italic, name in ((1, 0, self.bold), (0, 0, self.regular)):
            addMapping(self.family, bold, italic, name)  # type: ignore[arg-type]  # 0 or 1
        self._fallbacks: list[TTFont] = []
        self._fallback_for: dict[str, TTFont | None] = {}
        self._searches = 0
        self._covered: dict[str, frozenset[str]] = {}
        self.missing: dict[str, None] = {}
        self.unusable: dict[Path, None] = {}  # CJK fonts found that ReportLab can't embed

    @property
    def regular(self) -> str:
        return self.fonts["regular"].fontName

    @property
    def bold(self) -> str:
        return self.fonts["bold"].fontName

    @property
    def italic(self) -> str:
        return self.fonts["italic"].fontName

    @property
    def bold_italic(self) -> str:
        return self.fonts["bold_italic"].fontName

    def _choose(self, choice: Path | None) -> FontFiles:
        if choice is not None:
            path = Path(choice)
            if path.is_file() and _load(path) is not None:
                return family_from_file(path)
            self.notes.append(
                f"The font '{path}' could not be used (not a TrueType font file); "
                "the shipped DejaVu Sans was used instead."
            )
        shipped = shipped_family()
        if shipped is not None and _load(shipped.regular) is not None:
            return shipped
        for family in system_families():
            if _load(family.regular) is not None:
                return family
        self.notes.append(
            "No Unicode font (DejaVu Sans, Noto Sans, Liberation Sans, Arial) was found; "
            "the report uses Bitstream Vera, which lacks Cyrillic and many other letters."
        )
        return bundled_family()

    def covered(self, font_name: str) -> frozenset[str]:
        """Every character the font has a glyph for (built once per font and document)."""
        found = self._covered.get(font_name)
        if found is None:
            font = pdfmetrics.getFont(font_name)
            found = frozenset(map(chr, font.face.charToGlyph))  # type: ignore[attr-defined]  # a TTFont's face
            self._covered[font_name] = found
        return found

    def covers(self, text: str, font_name: str | None = None) -> bool:
        """True when the font (the regular one by default) has every character of *text*."""
        return self.covered(font_name or self.regular).issuperset(text)

    def markup(self, text: str) -> str:
        """*text* escaped for Paragraph markup, with fallback fonts around the characters
        the family lacks; characters no font has are kept (so copied text stays right) and
        recorded for the warnings."""
        if self.covers(text):
            return escape(text)
        regular = self.fonts["regular"]
        parts: list[str] = []
        run: list[str] = []
        run_font: TTFont | None = None
        for char in text:
            font = None
            if _needs_glyph(char) and not _covers(regular, char):
                font = self._fallback(char)
            if font is not run_font and run:
                parts.append(self._wrap("".join(run), run_font))
                run = []
            run_font = font
            run.append(char)
        if run:
            parts.append(self._wrap("".join(run), run_font))
        return "".join(parts)

    def width(self, text: str, font_name: str, size: float) -> float:
        """How wide *text* is drawn in *font_name*: each character the family lacks in the
        fallback font markup() gives it (for lines broken outside a Paragraph)."""
        if self.covers(text):
            return stringWidth(text, font_name, size)
        regular = self.fonts["regular"]
        total = 0.0
        for char in text:
            font = None
            if _needs_glyph(char) and not _covers(regular, char):
                font = self._fallback(char)
            total += stringWidth(char, font.fontName if font else font_name, size)
        return total

    def check(self, text: str, font_name: str | None = None) -> str:
        """Record characters of *text* drawn in one font (headers, charts) that it lacks."""
        font = pdfmetrics.getFont(font_name) if font_name else self.fonts["regular"]
        for char in text:
            if _needs_glyph(char) and not _covers(font, char):  # type: ignore[arg-type]  # our fonts are TTFonts
                self.missing.setdefault(char)
        return text

    @staticmethod
    def _wrap(text: str, font: TTFont | None) -> str:
        escaped = escape(text)
        return escaped if font is None else f'<font face="{font.fontName}">{escaped}</font>'

    def _fallback(self, char: str) -> TTFont | None:
        if char in self._fallback_for:
            return self._fallback_for[char]
        font = next((f for f in self._fallbacks if _covers(f, char)), None)
        if font is None:
            font = self._search(char)
        self._fallback_for[char] = font
        if font is None:
            self.missing.setdefault(char)
        return font

    def _search(self, char: str) -> TTFont | None:
        """Another installed font with the character: the preferred families, the known
        TrueType CJK fonts (found by name where there is no fontconfig), then fontconfig."""
        if self._searches >= _MAX_FALLBACK_SEARCHES:
            return None
        self._searches += 1
        paths = [family.regular for family in system_families()]
        if is_cjk(char) and shutil.which("fc-list") is None:
            paths += cjk_truetype_files()
        for path in [*paths, *fontconfig_candidates(char)]:
            font = _load(path)
            if font is not None and _covers(font, char):
                self._fallbacks.append(font)
                return font
            if font is None and is_cjk(char):
                self.unusable.setdefault(path)  # OpenType (CFF) outlines: can't be embedded
        return None

    def _cjk_warning(self, cjk: list[str]) -> str:
        """One line: which characters, why (no CJK font, or only one with PostScript
        outlines), what to install, and how many show as boxes."""
        sample = "".join(cjk[:6]) + ("…" if len(cjk) > 6 else "")
        boxes = f"{len(cjk):,} character{'s' if len(cjk) != 1 else ''} show as empty boxes"
        if self.unusable:
            names = ", ".join(path.name for path in list(self.unusable)[:2])
            return (
                f"Chinese, Japanese or Korean text ({sample}) needs a CJK TrueType font: the "
                f"installed {names} has PostScript (CFF) outlines, which a PDF made here can't "
                f"embed; install {CJK_PACKAGES} (Debian, Ubuntu) or another TrueType CJK "
                f"font. {boxes[:1].upper()}{boxes[1:]}."
            )
        return (
            f"Chinese, Japanese or Korean text ({sample}) needs a CJK TrueType font, and none "
            f"is installed ({CJK_PACKAGES} on Debian and Ubuntu): {boxes}."
        )

    def warnings(self) -> list[str]:
        """Notes about the font choice; one line for all the Chinese, Japanese and Korean
        characters no font could draw, and one line per other character drawn as a box."""
        lines = list(self.notes)
        cjk = [char for char in self.missing if is_cjk(char)]
        if cjk:
            lines.append(self._cjk_warning(cjk))
        lines.extend(
            f"No available font has {describe_character(char)}; it shows as an empty box."
            for char in self.missing
            if not is_cjk(char)
        )
        return lines


def is_cjk(char: str) -> bool:
    """Han ideographs, kana, Hangul and their punctuation: what a CJK font supplies."""
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3000, 0x30FF),  # CJK punctuation, Hiragana, Katakana
    (0x3100, 0x31FF),  # Bopomofo, Hangul compatibility Jamo, Katakana extensions
    (0x3200, 0x9FFF),  # enclosed CJK, compatibility, extension A, unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFF00, 0xFFEF),  # half- and full-width forms
    (0x20000, 0x3FFFF),  # supplementary ideographic planes
)

"""The report's own font (DejaVu Sans, shipped with the app), a file the caller names, or a
Unicode TrueType family found on this system for characters DejaVu lacks.

Linux: the usual font folders, and fontconfig (fc-match, fc-list) for fonts filed under
other names; Windows: the Fonts folder (Arial, Segoe UI); macOS: /Library/Fonts and
/System/Library/Fonts. DejaVu Sans comes first: it covers Kazakh Cyrillic, Turkish and
U+02BB (Uzbek oʻ). ReportLab's own Vera family is the last resort.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import reportlab

STYLES = ("regular", "bold", "italic", "bold_italic")

# Preferred families, best first, with the file names each style goes by on Linux,
# Windows and macOS. DejaVu and Noto cover Cyrillic, Turkish and U+02BB (Uzbek oʻ).
KNOWN_FAMILIES: dict[str, dict[str, tuple[str, ...]]] = {
    "DejaVu Sans": {
        "regular": ("DejaVuSans.ttf",),
        "bold": ("DejaVuSans-Bold.ttf",),
        "italic": ("DejaVuSans-Oblique.ttf",),
        "bold_italic": ("DejaVuSans-BoldOblique.ttf",),
    },
    "Noto Sans": {
        "regular": ("NotoSans-Regular.ttf",),
        "bold": ("NotoSans-Bold.ttf",),
        "italic": ("NotoSans-Italic.ttf",),
        "bold_italic": ("NotoSans-BoldItalic.ttf",),
    },
    "Liberation Sans": {
        "regular": ("LiberationSans-Regular.ttf",),
        "bold": ("LiberationSans-Bold.ttf",),
        "italic": ("LiberationSans-Italic.ttf",),
        "bold_italic": ("LiberationSans-BoldItalic.ttf",),
    },
    "Arial": {
        "regular": ("arial.ttf", "Arial.ttf"),
        "bold": ("arialbd.ttf", "Arial Bold.ttf"),
        "italic": ("ariali.ttf", "Arial Italic.ttf"),
        "bold_italic": ("arialbi.ttf", "Arial Bold Italic.ttf"),
    },
    "Segoe UI": {
        "regular": ("segoeui.ttf",),
        "bold": ("segoeuib.ttf",),
        "italic": ("segoeuii.ttf",),
        "bold_italic": ("segoeuiz.ttf",),
    },
}
_FC_STYLES = {
    "regular": "Regular",
    "bold": "Bold",
    "italic": "Italic",
    "bold_italic": "Bold Italic",
}
# Suffixes a caller's font file may carry, and what the sibling styles are then called.
_SIBLING_SUFFIXES = {
    "regular": ("-Regular", "Regular", "-Book", ""),
    "bold": ("-Bold", "Bold", "bd", "b", " Bold"),
    "italic": ("-Italic", "-Oblique", "Italic", "i", " Italic"),
    "bold_italic": ("-BoldItalic", "-BoldOblique", "BoldItalic", "bi", "z", " Bold Italic"),
}
_BUNDLED = Path(reportlab.__file__).with_name("fonts")
# DejaVu Sans ships with the app (reports/data/fonts, licence beside it): Latin, Cyrillic,
# Greek, Arabic and Hebrew come out the same on every machine.
SHIPPED = Path(__file__).with_name("data") / "fonts"
SHIPPED_FAMILY = "DejaVu Sans (shipped with Treaty Tracker)"
# Bitstream Vera ships with ReportLab: Latin only, but always there and always TrueType.
BUNDLED_FAMILY = (
    "Bitstream Vera Sans (bundled with ReportLab)",
    "Vera",
    "VeraBd",
    "VeraIt",
    "VeraBI",
)


@dataclass(frozen=True)
class FontFiles:
    """One family's four style files; a style the system lacks reuses the regular file."""

    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    def path(self, style: str) -> Path:
        path: Path = getattr(self, style)
        return path


# ----------------------------------------------------------------- finding files


def font_directories() -> list[Path]:
    """Where this platform keeps fonts, system-wide and per user."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [
            home / "Library" / "Fonts",
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
        ]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        data_home / "fonts",
        home / ".fonts",
    ]


def _font_files(directories: Iterable[Path]) -> dict[str, Path]:
    """Every TrueType file under the directories, by lower-case file name (first one wins)."""
    found: dict[str, Path] = {}
    for directory in directories:
        if not directory.is_dir():
            continue
        for root, _dirs, names in os.walk(directory):
            for name in names:
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def _fontconfig(*command: str) -> str | None:
    """What a fontconfig tool prints; None where it is not installed or fails to run."""
    if shutil.which(command[0]) is None:
        return None
    try:
        return subprocess.run(
            command, capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def _fc_match(family: str, style: str) -> Path | None:
    """The file fontconfig gives for the family and style, if it really is that family."""
    pattern = f"{family}:style={_FC_STYLES[style]}"
    output = _fontconfig("fc-match", "-f", "%{family}\t%{file}", pattern)
    if output is None:
        return None
    families, _tab, file = output.partition("\t")
    # fc-match always answers; a substitute family is not what was asked for.
    if family.casefold() not in (name.strip().casefold() for name in families.split(",")):
        return None
    path = Path(file.strip())
    return path if path.suffix.lower() in (".ttf", ".ttc") and path.is_file() else None


def _family_from(
    name: str, files: dict[str, Path], names: dict[str, tuple[str, ...]]
) -> FontFiles | None:
    def lookup(style: str) -> Path | None:
        known = (files.get(file_name.lower()) for file_name in names[style])
        # The file names are quick to check; fontconfig knows fonts filed under other names.
        return next((path for path in known if path is not None), None) or _fc_match(name, style)

    regular = lookup("regular")
    if regular is None:
        return None
    styles = {style: lookup(style) or regular for style in STYLES[1:]}
    bold = styles["bold"]
    # Without a bold italic file, bold is closer than upright regular.
    bold_italic = lookup("bold_italic") or bold
    return FontFiles(name, regular, bold, styles["italic"], bold_italic)


@lru_cache(maxsize=1)
def system_families() -> tuple[FontFiles, ...]:
    """The preferred families installed on this system, best first."""
    files = _font_files(font_directories())
    found = (_family_from(name, files, names) for name, names in KNOWN_FAMILIES.items())
    return tuple(family for family in found if family is not None)


def shipped_family() -> FontFiles | None:
    """The DejaVu Sans files that ship with the app, or None if an install lost them."""
    files = FontFiles(
        SHIPPED_FAMILY,
        *(SHIPPED / name[0] for name in KNOWN_FAMILIES["DejaVu Sans"].values()),
    )
    return files if all(files.path(style).is_file() for style in STYLES) else None


def bundled_family() -> FontFiles:
    """ReportLab's own Vera family: the last resort, so a report always comes out."""
    family, *stems = BUNDLED_FAMILY
    return FontFiles(family, *(_BUNDLED / f"{stem}.ttf" for stem in stems))


def family_from_file(path: Path) -> FontFiles:
    """The family of a caller's font file: sibling files named like it give the other styles."""
    stem, suffix = path.stem, path.suffix
    base = stem
    for ending in sorted(_SIBLING_SUFFIXES["regular"], key=len, reverse=True):
        if ending and stem.endswith(ending):
            base = stem[: -len(ending)]
            break

    def sibling(style: str) -> Path:
        for ending in _SIBLING_SUFFIXES[style]:
            candidate = path.with_name(f"{base}{ending}{suffix}")
            if candidate.is_file() and candidate != path:
                return candidate
        return path

    bold = sibling("bold")
    bold_italic = sibling("bold_italic")
    return FontFiles(
        stem, path, bold, sibling("italic"), bold if bold_italic == path else bold_italic
    )


# TrueType CJK fonts by file name, best first, for systems without fontconfig (Windows,
# macOS): Microsoft YaHei, SimSun, MS Gothic, Meiryo, Malgun Gothic, Arial Unicode,
# Apple SD Gothic Neo; and the free ones, wherever they are installed.
CJK_TRUETYPE = (
    "DroidSansFallbackFull.ttf",
    "DroidSansFallback.ttf",
    "wqy-zenhei.ttc",
    "wqy-microhei.ttc",
    "msyh.ttc",
    "simsun.ttc",
    "msgothic.ttc",
    "meiryo.ttc",
    "malgun.ttf",
    "Arial Unicode.ttf",
    "AppleSDGothicNeo.ttc",
)
# What to install on Debian and Ubuntu (Chinese, Japanese and Korean: Debian's Droid Sans
# Fallback lacks Hangul) when there is no CJK font, or only an OpenType one with PostScript
# outlines (fonts-noto-cjk: NotoSansCJK-*.ttc), which ReportLab cannot embed.
CJK_PACKAGES = "fonts-wqy-zenhei"


def cjk_truetype_files() -> list[Path]:
    """The known TrueType CJK fonts installed in the platform's font folders."""
    files = _font_files(font_directories())
    return [files[name.lower()] for name in CJK_TRUETYPE if name.lower() in files]


def fontconfig_candidates(char: str) -> Iterator[Path]:
    """Installed font files that fontconfig says contain *char* (OpenType .otf too: the
    caller finds out which it can embed)."""
    output = _fontconfig("fc-list", f":charset={ord(char):x}", "file") or ""
    for line in sorted(output.splitlines()):
        path = Path(line.strip().rstrip(":"))
        if path.suffix.lower() in (".ttf", ".ttc", ".otf"):
            yield path

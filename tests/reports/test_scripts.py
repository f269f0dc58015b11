"""Every script prints right: right-to-left text in order and joined, CJK warned about once,
and the shipped DejaVu Sans embedded whatever fonts the machine has."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pypdf
import pytest
from bidi.algorithm import get_display

from models.database import Database
from reports.font_files import SHIPPED_FAMILY
from reports.fonts import FontSet
from reports.rtl import for_display, has_rtl, shaped
from tests.builders import agreement, save
from tests.reports.conftest import summary, text

ARABIC = "هذه الاتفاقية بين كازاخستان ومصر تتعلق بالنقل البري والسكك الحديدية."
HEBREW = "הסכם שיתוף פעולה בתחום האנרגיה"
PERSIAN = "توافقنامه همکاری پژوهشی"


def extracted(path: Path) -> str:
    """The text as a reader's copy and paste gets it (pypdf puts right-to-left runs back in
    typed order), and the same with joined letters turned back into plain ones."""
    return " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_arabic_persian_and_hebrew_read_in_order_with_letters_joined(
    database: Database, tmp_path: Path
) -> None:
    save(database, agreement("اتفاقية النقل (2021)", ("Kazakhstan", "Egypt"), summary=ARABIC * 4))
    save(database, agreement(HEBREW, ("Israel", "Kazakhstan")))
    save(database, agreement(PERSIAN, ("Iran", "Kazakhstan")))
    target = tmp_path / "rtl.pdf"
    result = summary(database, target)
    assert result.warnings == []
    raw = extracted(target)
    words = plain(raw)
    # Word order: a reader copying the summary gets the sentence as it was typed.
    assert ARABIC[:-1] in words
    assert "(2021)" in words and "اتفاقية النقل" in words
    assert HEBREW in words and PERSIAN in words
    # Joined: the Arabic letters are drawn in their connected forms, not one by one.
    assert any("\ufe70" <= char <= "\ufefc" for char in raw)


def test_a_line_of_arabic_is_drawn_first_word_on_the_right() -> None:
    # Drawn left to right, the last letter typed comes first: the whole line mirrored.
    assert for_display("اتفاقية النقل") == shaped("اتفاقية النقل")[::-1]
    assert for_display("(2021) النقل") == shaped("النقل")[::-1] + " (2021)"
    assert for_display("Türkiye and Тоқаев") == "Türkiye and Тоқаев"


CJK = "中华人民共和国 日本国 대한민국 agreement"
CJK_LETTERS = sorted(set(CJK.replace(" ", "").replace("agreement", "")))


def embedded_fonts(path: Path) -> set[str]:
    return {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in pypdf.PdfReader(path).pages
        for font in page["/Resources"]["/Font"].values()
    }


def test_chinese_japanese_and_korean_come_out_in_a_truetype_cjk_font(
    database: Database, tmp_path: Path
) -> None:
    # WenQuanYi Zen Hei (fonts-wqy-zenhei, installed by .ci/run) is TrueType, and has Hangul
    # (Debian's Droid Sans Fallback has the ideographs and kana but not Hangul).
    save(database, agreement(CJK, ("China", "Kazakhstan")))
    target = tmp_path / "cjk.pdf"
    result = summary(database, target)
    assert result.warnings == []
    assert any("ZenHei" in name for name in embedded_fonts(target)), embedded_fonts(target)
    assert "中华人民共和国 日本国 대한민국" in text(target)


def only_fonts_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """fontconfig (fc-list) sees the fonts in *folder* and no other."""
    folder.mkdir(exist_ok=True)
    config = folder.parent / "fonts.conf"
    config.write_text(
        f"<?xml version='1.0'?><fontconfig><dir>{folder}</dir>"
        f"<cachedir>{folder.parent / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))


def cff_font(path: Path, letters: list[str]) -> Path:
    """An OpenType font with PostScript (CFF) outlines for *letters*, as Noto Sans CJK is."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    names = [".notdef", *(f"uni{ord(letter):04X}" for letter in letters)]
    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(letter): f"uni{ord(letter):04X}" for letter in letters})
    outlines = {}
    for name in names:
        pen = T2CharStringPen(1000, None)
        pen.moveTo((100, 100))
        pen.lineTo((100, 800))
        pen.lineTo((900, 800))
        pen.lineTo((900, 100))
        pen.closePath()
        outlines[name] = pen.getCharString()
    builder.setupCFF("TestSansCJK-Regular", {"FullName": "Test Sans CJK"}, outlines, {})
    builder.setupHorizontalMetrics({name: (1000, 100) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Test Sans CJK", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    builder.save(str(path))
    return path


def test_without_a_cjk_font_one_line_says_what_to_install(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_fonts_in(tmp_path / "fonts", monkeypatch)
    save(database, agreement(CJK, ("China", "Kazakhstan")))
    result = summary(database, tmp_path / "cjk.pdf")
    assert len(result.warnings) == 1, result.warnings
    (line,) = result.warnings
    assert "needs a CJK TrueType font, and none is installed" in line
    assert "fonts-wqy-zenhei" in line
    assert f"{len(CJK_LETTERS)} characters show as empty boxes" in line


def test_with_only_an_opentype_cjk_font_one_line_says_why_and_what_to_install(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_fonts_in(tmp_path / "fonts", monkeypatch)
    cff_font(tmp_path / "fonts" / "TestSansCJK-Regular.otf", CJK_LETTERS)
    save(database, agreement(CJK, ("China", "Kazakhstan")))
    target = tmp_path / "cjk.pdf"
    result = summary(database, target)
    assert len(result.warnings) == 1, result.warnings
    (line,) = result.warnings
    assert "the installed TestSansCJK-Regular.otf has PostScript (CFF) outlines" in line
    assert "install fonts-wqy-zenhei (Debian, Ubuntu)" in line
    assert "\n" not in line and "TestSansCJK" not in " ".join(embedded_fonts(target))


def test_the_shipped_dejavu_sans_is_used_and_embedded(sample: Database, tmp_path: Path) -> None:
    assert FontSet().files.family == SHIPPED_FAMILY
    target = tmp_path / "summary.pdf"
    summary(sample, target)
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in pypdf.PdfReader(target).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts <= {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}, fonts
    licence = Path(__file__).parents[2] / "reports" / "data" / "fonts" / "LICENSE-DejaVu.txt"
    assert "Bitstream" in licence.read_text(encoding="utf-8")


# Urdu: ہ and ے are drawn from a fallback font (Amiri, fonts-hosny-amiri, installed by
# .ci/run): DejaVu Sans has the Arabic letters but not these forms.
URDU = (
    "پاکستان کے ساتھ معاہدہ Oʻzbekiston اور Türkiye (2021) کے درمیان ریل اور سڑک کے ذریعے "
    "سامان کی نقل و حمل کا معاہدہ ہے، جس پر Тоқаев نے بھی دستخط کیے۔"
)
ARABIC_WITH_NAMES = (
    "هذه الاتفاقية بين Oʻzbekiston و Türkiye (2021) تتعلق بالنقل البري والسكك الحديدية "
    "وقعها Тоқаев."
)


def reading_lines(path: Path) -> list[str]:
    """Each right-to-left line as drawn (pypdf's layout mode: left to right, as on the
    page), put back in reading order by the Unicode bidi algorithm, joined letters
    turned back into plain ones."""
    lines = []
    for page in pypdf.PdfReader(path).pages:
        for line in page.extract_text(extraction_mode="layout").splitlines():
            if has_rtl(line):
                lines.append(plain(get_display(line.strip(), base_dir="R")))
    return lines


@pytest.mark.parametrize(
    ("words", "fallback"), [(URDU, True), (ARABIC_WITH_NAMES, False)], ids=["urdu", "arabic"]
)
def test_a_right_to_left_summary_wrapped_over_lines_reads_in_order_on_every_line(
    words: str, fallback: bool, database: Database, tmp_path: Path
) -> None:
    fonts = FontSet()
    assert (not fonts.covers(shaped(words).replace(" ", ""))) == fallback
    text_typed = " ".join([words] * 3)
    save(database, agreement("Transit", ("Kazakhstan", "Pakistan"), summary=text_typed))
    target = tmp_path / "rtl.pdf"
    result = summary(database, target)
    assert result.warnings == []
    lines = reading_lines(target)
    assert len(lines) >= 3, lines
    # Line by line, in order: each line carries on where the one above stopped.
    assert " ".join(lines) == plain(text_typed)
    # Some lines begin with a Latin name; they are still laid out right to left.
    assert any(line.startswith(("Oʻzbekiston", "Türkiye", "Тоқаев")) for line in lines)
    raw = extracted(target)
    assert any("\ufe70" <= char <= "\ufefc" for char in raw)  # joined
    if fallback:
        assert any("\ufba6" <= char <= "\ufbaf" for char in raw)  # ہ and ے, joined too
        assert any("Amiri" in name for name in embedded_fonts(target))

"""Every script prints right: right-to-left text in order and joined, CJK warned about once,
and the shipped DejaVu Sans embedded whatever fonts the machine has."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pypdf

from models.database import Database
from reports.font_files import SHIPPED_FAMILY
from reports.fonts import FontSet
from reports.rtl import for_display, shaped
from tests.reports.conftest import agreement, save, summary

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
    save(database, agreement("اتفاقية النقل (2021)", "Kazakhstan", "Egypt", summary=ARABIC * 4))
    save(database, agreement(HEBREW, "Israel", "Kazakhstan"))
    save(database, agreement(PERSIAN, "Iran", "Kazakhstan"))
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


def test_chinese_japanese_and_korean_without_a_font_give_one_clear_warning(
    database: Database, tmp_path: Path
) -> None:
    save(database, agreement("中华人民共和国 日本国 대한민국 agreement", "China", "Kazakhstan"))
    fonts = FontSet()
    has_cjk_font = fonts.markup("中") != "中" or fonts.covers("中")
    result = summary(database, tmp_path / "cjk.pdf")
    cjk_lines = [line for line in result.warnings if "Chinese, Japanese or Korean" in line]
    if has_cjk_font:
        assert cjk_lines == []
    else:
        assert len(cjk_lines) == 1 and len(result.warnings) == 1
        assert "needs a CJK TrueType font" in cjk_lines[0]


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

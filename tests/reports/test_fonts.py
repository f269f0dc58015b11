"""Fonts: a Unicode family found on the system, a caller's choice, fallbacks and warnings."""

from __future__ import annotations

import shutil
from pathlib import Path

from models.database import Database
from reports.font_files import bundled_family, family_from_file
from reports.fonts import FontSet, describe_character
from tests.builders import agreement, save
from tests.reports.conftest import pages_text, summary, text

SCRIPTS = "Тоқаев Қазақстан Oʻzbekiston Qozogʻiston Türkiye İstanbul Ñuñoa Łódź Ελλάδα"


def test_a_system_family_covers_every_script_the_users_write_in() -> None:
    fonts = FontSet()
    assert fonts.notes == []
    for name in (fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic):
        assert fonts.covers(SCRIPTS.replace(" ", ""), name)
    assert fonts.markup(SCRIPTS) == SCRIPTS and fonts.missing == {}


def test_markup_escapes_what_paragraphs_would_read_as_tags() -> None:
    assert FontSet().markup("R&D <b>not bold</b>") == "R&amp;D &lt;b&gt;not bold&lt;/b&gt;"


def test_a_caller_font_file_brings_its_sibling_styles(tmp_path: Path) -> None:
    regular = FontSet().files.regular
    for style in ("Regular", "Bold", "Italic"):
        shutil.copy(regular, tmp_path / f"Analyst-{style}.ttf")
    family = family_from_file(tmp_path / "Analyst-Regular.ttf")
    assert family.bold == tmp_path / "Analyst-Bold.ttf"
    assert family.italic == tmp_path / "Analyst-Italic.ttf"
    assert family.bold_italic == family.bold  # no bold italic file: bold is the nearest


def test_a_font_that_lacks_cyrillic_falls_back_to_one_that_has_it(
    database: Database, tmp_path: Path
) -> None:
    save(database, agreement("Соглашение: Тоқаев and Oʻzbekiston", ("Kazakhstan",)))
    target = tmp_path / "vera.pdf"
    result = summary(database, target, font=bundled_family().regular)
    assert result.warnings == []
    assert "Соглашение: Тоқаев and Oʻzbekiston" in text(target)


def test_an_unusable_font_path_is_reported_and_a_system_font_used(
    database: Database, tmp_path: Path
) -> None:
    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("not a font")
    save(database, agreement("Тоқаев visit"))
    target = tmp_path / "fallback.pdf"
    result = summary(database, target, font=not_a_font)
    assert any("notes.ttf" in warning for warning in result.warnings)
    assert "Тоқаев visit" in text(target)


def test_characters_are_named_for_the_warnings() -> None:
    assert describe_character("\U00013000") == "U+13000 EGYPTIAN HIEROGLYPH A001 (\U00013000)"
    assert describe_character("\U0010fffd").startswith("U+10FFFD private-use character")


def test_reports_made_one_after_another_read_back_in_every_script(
    database: Database, tmp_path: Path
) -> None:
    """Each PDF numbers its characters afresh: how one drew a text is never reused in the next."""
    kazakh = "Тоқаев Қазақстан Oʻzbekiston"
    save(database, agreement(kazakh, ("Kazakhstan",)))
    first = tmp_path / "first.pdf"
    summary(database, first)
    # The second report meets its characters in another order, so they get other codes.
    turkish = "Türkiye İstanbul Ñuñoa Łódź Ελλάδα"
    save(database, agreement(turkish, ("Türkiye",)))
    second = tmp_path / "second.pdf"
    summary(database, second, title=f"{turkish} {kazakh}")
    for report in (first, second):
        assert all("Treaty Tracker · generated" in page for page in pages_text(report))
    assert kazakh in text(first)
    # On every page's header, and as a title in the register and in its section.
    assert text(second).count(turkish) >= 3 and text(second).count(kazakh) >= 3


def test_reportlab_runs_its_accelerator() -> None:
    """ReportLab's C functions, not their Python stand-ins (a fifth of a long report's time)."""
    from reportlab.lib import rl_accel

    assert {"fp_str", "escapePDF", "instanceStringWidthTTF"} <= rl_accel._c_funcs.keys()

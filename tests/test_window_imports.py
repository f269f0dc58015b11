"""The main window is built by the entry points and imported by no part of it (no cycles).

A part of the window (import and export, printing, a dialog, a menu) gets what it needs in
ui/window_context.py or as arguments, and answers through its signals; if it imported
ui/main_window.py, the two would import each other and a reader could not follow either
alone. Imports only read for type checking count too: they are the same knot for a reader.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Entry points that build a whole window: the app, and the README's screenshots
# (`python -m ui.screenshot`, see the Makefile).
ENTRY_POINTS = {
    "ui/app.py",
    "ui/screenshot.py",
    "ui/article_screenshot.py",
    "ui/attachment_screenshot.py",
}


def _imports_main_window(path: Path) -> bool:
    """Whether *path* imports ui.main_window in any way (plain, from, or for type checking)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            if any(alias.name == "ui.main_window" for alias in node.names):
                return True
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            if node.module == "ui.main_window":
                return True
            if node.module == "ui" and any(a.name == "main_window" for a in node.names):
                return True
    return False


def test_no_part_of_the_window_imports_the_window() -> None:
    importers = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "ui").rglob("*.py")
        if path.name != "main_window.py" and _imports_main_window(path)
    }
    assert "ui/transfers.py" not in importers
    assert importers <= ENTRY_POINTS


def test_the_check_sees_each_way_of_importing(tmp_path: Path) -> None:
    ways = [
        "from ui.main_window import MainWindow",
        "import ui.main_window",
        "from ui import main_window",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ui.main_window import X",
    ]
    for number, source in enumerate(ways):
        path = tmp_path / f"part{number}.py"
        path.write_text(source + "\n", encoding="utf-8")
        assert _imports_main_window(path), source
    innocent = tmp_path / "innocent.py"
    innocent.write_text("from ui.main_windows_helper import thing\nimport ui.app\n")
    assert not _imports_main_window(innocent)


# What the window loads only when asked: the import and export's code (File > Import…,
# Export…; loaded on opening, it delayed the first page by about 50 ms) and the PDF's.
NOT_ON_OPENING = (
    "models.exchange",
    "models.exchange_write",
    "models.attachment_exchange",
    "reportlab",
)


def test_opening_the_window_loads_no_import_export_or_pdf_code() -> None:
    code = "import json, sys, main, ui.main_window\nprint(json.dumps(sorted(sys.modules)))\n"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=True,
    )
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "ui.transfers" in loaded and "ui.import_dialog" in loaded
    assert [name for name in NOT_ON_OPENING if name in loaded] == []

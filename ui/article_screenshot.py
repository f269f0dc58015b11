"""The README's picture of the review dialog: `python -m ui.article_screenshot OUT.png`.

Opens a throwaway database with the sample agreements, pastes the seed article into File ›
New from article…, drafts it (five drafts then look like recorded agreements), selects the
place of the electricity agreement and saves the dialog as a PNG; runs offscreen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui.draft_table import COLUMNS
from ui.screenshot import _wait, sample_window

SEED = Path(__file__).parent.parent / "tests" / "extract_articles"
ARTICLE = SEED / "01-aa-kazakhstan-uzbekistan-alliance.txt"


def take(out: Path) -> Path:
    with sample_window() as (app, window):
        window.action_new_from_article.trigger()
        dialog = window.article_dialog
        dialog.resize(1500, 760)
        dialog.article.setPlainText(ARTICLE.read_text(encoding="utf-8"))
        dialog.published.setText("2021-12-06")
        dialog.draft_button.click()
        _wait(dialog.drafted)
        place = [header for header, _, _ in COLUMNS].index("Signed at")
        dialog.table.setCurrentCell(3, place)
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(out))
        dialog.reject()
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/article-dialog.png")
    print(take(target))

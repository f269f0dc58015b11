"""The README's picture of the review dialog: `python -m ui.article_screenshot OUT.png`.

Opens a throwaway database with the sample agreements, pastes the seed article into File ›
New from article…, drafts it (five drafts then look like recorded agreements), selects the
place of the electricity agreement and saves the dialog as a PNG; runs offscreen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from models.database import open_database
from models.sample import load_sample
from ui.app import application
from ui.draft_table import COLUMNS
from ui.main_window import MainWindow
from ui.screenshot import _wait
from ui.settings import Settings

SEED = Path(__file__).parent.parent / "tests" / "extract_articles"
ARTICLE = SEED / "01-aa-kazakhstan-uzbekistan-alliance.txt"


def take(out: Path) -> Path:
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "sample.db")
        with database.sessions.begin() as session:
            load_sample(session)
        settings = Settings(
            QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        )
        window = MainWindow(database, settings)
        window.show()
        _wait(window.refreshed)
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
        window.worker.shutdown()
        window.index_worker.shutdown()
        database.close()
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/article-dialog.png")
    print(take(target))

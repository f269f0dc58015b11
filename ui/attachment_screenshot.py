"""The README's picture of attachments: `python -m ui.attachment_screenshot OUT.png`.

The sample agreements, three files attached to the declaration (a Kazakh text, an
analysis, a scanned press release), and a search that finds it only in the analysis.
"""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from models.attachments import attach_file
from reports.font_files import bundled_family, system_families
from ui.screenshot import _wait, sample_window

ANALYSIS = (
    "National interest analysis. The declaration commits both states to joint water "
    "management of the Syr Darya and to a shared hydropower cascade on the Naryn, with "
    "Türkiye invited as an observer."
)
WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _pdf(path: Path, lines: list[str]) -> Path:
    family = (system_families() or (bundled_family(),))[0]
    pdfmetrics.registerFont(TTFont("ScreenshotFont", str(family.regular)))
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("ScreenshotFont", 11)
    for number, line in enumerate(lines):
        canvas.drawString(60, 780 - number * 18, line)
    canvas.save()
    return path


def _scan(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    for row in range(20):
        canvas.rect(60, 760 - row * 30, 400, 12, fill=1)
    canvas.save()
    return path


def _docx(path: Path, text: str) -> Path:
    body = f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{WORD}"><w:body>{body}</w:body></w:document>',
        )
    return path


def _attach_three(session: Session, folder: Path) -> None:
    kazakh = _pdf(
        folder / "declaration-kk.pdf",
        ["Қазақстан Республикасы мен Өзбекстан Республикасы арасындағы", "Тоқаев"],
    )
    attach_file(session, 1, kazakh, label="signed text", language="Kazakh")
    analysis = _docx(folder / "interest-analysis.docx", ANALYSIS)
    attach_file(session, 1, analysis, label="analysis", language="English")
    attach_file(session, 1, _scan(folder / "press-release-scan.pdf"), label="press release")


def take(out: Path) -> Path:
    with sample_window(_attach_three) as (app, window):
        window.filter_panel.search_box.setText("hydropower")
        _wait(window.refreshed)
        window.select_ids([1])
        _wait(window.attachments.loaded)
        # The details are read on the worker too, and may come after the attachments.
        if "Declaration" not in window.detail.toPlainText():
            _wait(window.detail_shown)
        window.splitter.setSizes([250, 650, 600])
        window.detail_column.setSizes([480, 330])
        app.processEvents()
        window.grab().save(str(out))
    return out


if __name__ == "__main__":
    print(take(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/attachments.png")))

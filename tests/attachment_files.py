"""Files to attach in tests: a PDF with text, a scan, an encrypted PDF, a DOCX, an ODT."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from reports.font_files import bundled_family, system_families


def _font() -> str:
    """A TrueType font that draws Тоқаев and Oʻzbekiston (Vera, bundled, if none is found)."""
    family = (system_families() or (bundled_family(),))[0]
    if "AttachmentTestFont" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("AttachmentTestFont", str(family.regular)))
    return "AttachmentTestFont"


_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def pdf_file(path: Path, *lines: str) -> Path:
    """A PDF whose pages carry *lines* as real text (one line a page after 40)."""
    font = _font()
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont(font, 11)
    for number, line in enumerate(lines):
        if number and number % 40 == 0:
            canvas.showPage()
            canvas.setFont(font, 11)
        canvas.drawString(60, 780 - (number % 40) * 18, line)
    canvas.save()
    return path


def scanned_pdf(path: Path) -> Path:
    """A PDF with a picture-like page and no text layer, as a scanner makes."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for row in range(20):
        canvas.rect(60, 760 - row * 30, 400, 12, fill=1)
    canvas.save()
    return path


def encrypted_pdf(path: Path, text: str) -> Path:
    """A PDF readable only with a password."""
    from pypdf import PdfReader, PdfWriter

    plain = pdf_file(path.with_suffix(".plain.pdf"), text)
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    with path.open("wb") as stream:
        writer.write(stream)
    plain.unlink()
    return path


def docx_file(path: Path, *paragraphs: str) -> Path:
    """A minimal Word document with these paragraphs."""
    body = "".join(f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>" for text in paragraphs)
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}">'
        f"<w:body>{body}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("word/document.xml", document)
    return path


def odt_file(path: Path, *paragraphs: str) -> Path:
    """A minimal OpenDocument text with these paragraphs."""
    body = "".join(f"<text:p>{escape(text)}</text:p>" for text in paragraphs)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return path

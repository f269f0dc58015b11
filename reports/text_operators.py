"""The PDF operators that show a string, worked out once per document and string.

ReportLab maps every drawn string to its font's subsets and escapes it, in Python, each
time it is drawn (PDFTextObject._formatText); a report of 1,000 agreements draws about
70,000 strings, most of them labels, names, dates and lines drawn before. The operators
depend on the font, its size, the leading and the subset in use before, and leave another
subset in use: all of that is part of what is remembered.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.textobject import PDFTextObject

# Enough for the distinct strings of a long report; the memory is let go beyond it.
_LIMIT = 50_000


def remembering(text: PDFTextObject) -> PDFTextObject:
    """*text*, its strings' operators kept with its canvas (one document) and reused."""
    obj: Any = text
    known: dict[tuple[Any, ...], tuple[str, Any]] = vars(obj._canvas).setdefault(
        "_text_operators", {}
    )
    work_out = obj._formatText

    def operators(shown: str) -> str:
        if shown.__class__ is not str:  # ReportLab's shaped strings carry more than text
            return str(work_out(shown))
        key = (obj._fontname, obj._fontsize, obj._leading, obj._curSubset, shown)
        found = known.get(key)
        if found is None:
            if len(known) >= _LIMIT:
                known.clear()
            found = known[key] = (work_out(shown), obj._curSubset)
        obj._curSubset = found[1]
        return found[0]

    # An attribute of this one object: its textLine and _textOut call it in place of
    # ReportLab's method, and nothing else changes.
    obj._formatText = operators
    return text

"""Text that can't harm its reader: spreadsheet formulas defused, terminal controls shown escaped.

A CSV cell that begins with '=', '+', '-', '@', a tab or a carriage return is run as a
formula by spreadsheet programs (OWASP, "CSV Injection"); written with a "'" in front it is
shown as text. The mark is unambiguous: a value that itself begins with "'" followed by
one of those characters or by another "'" gets a "'" too, and reading removes exactly one
"'" before any of them, so every value comes back as it was.
"""

from __future__ import annotations

import re

FORMULA_STARTS = frozenset("=+-@\t\r")
QUOTE = "'"
_UNQUOTED_AFTER = FORMULA_STARTS | {QUOTE}
# C0 controls but tab and newline, DEL, and C1 controls (U+009B is CSI to some terminals).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def csv_cell(value: str) -> str:
    """*value* as a CSV cell a spreadsheet shows as text; read_csv_cell gives it back."""
    first = value[:1]
    if first in FORMULA_STARTS or (first == QUOTE and value[1:2] in _UNQUOTED_AFTER):
        return QUOTE + value
    return value


def read_csv_cell(cell: str) -> str:
    """The value csv_cell wrote: one "'" before a formula start or another "'" removed."""
    if cell[:1] == QUOTE and cell[1:2] in _UNQUOTED_AFTER:
        return cell[1:]
    return cell


def shown(text: str) -> str:
    """*text* with control characters (ESC, CSI, NUL, …) written as \\x1b, so a terminal prints
    them instead of obeying them; tab and newline stay."""
    return _CONTROLS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


_JSON_CONTROLS = re.compile("[\x7f-\x9f]")
# C1 controls in UTF-8: a literal first byte, which re finds many times faster than it tests
# every character of a text against a range (a listing writes megabytes of JSON).
_C1_IN_UTF8 = re.compile(b"\xc2[\x80-\x9f]")


def json_controls(text: str) -> str:
    """JSON text with DEL and C1 controls as \\u escapes (json leaves them raw with
    ensure_ascii=False; it escapes C0 itself): the same JSON value, safe on a terminal."""
    if "\x7f" not in text and not _C1_IN_UTF8.search(text.encode("utf-8", "surrogatepass")):
        return text
    return _JSON_CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", text)

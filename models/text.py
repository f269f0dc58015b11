"""Folding text for search and sorting: case-, accent- and apostrophe-insensitive."""

from __future__ import annotations

import re
import unicodedata

# Letters that carry no combining mark to strip, mapped to what a user types without
# them: Kazakh and Uzbek Cyrillic letters, Turkish dotless i, a few Latin ligatures.
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "þ": "th",
        "қ": "к",
        "ғ": "г",
        "ң": "н",
        "ә": "а",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "һ": "х",
        "і": "и",
        "ў": "у",
        "ҳ": "х",
    }
)
# Apostrophe-like marks inside words: Uzbek oʻ and gʻ (U+02BB), ʼ (U+02BC), typographic
# and typewriter quotes. Users type Oʻzbekiston as O'zbekiston or Ozbekiston.
_APOSTROPHES = "ʻʼ'’‘`´ʹ"
_APOSTROPHE_RE = re.compile(f"[{_APOSTROPHES}]")
_WORD_RE = re.compile(r"[^\W_]+")
# Tried at the start of a run of letters only (a match can't start later in one): tried at
# every letter, a 300,000-letter run took minutes to index (quadratic backtracking).
_WORD_WITH_APOSTROPHES_RE = re.compile(f"(?<![^\\W_])[^\\W_]+(?:[{_APOSTROPHES}][^\\W_]+)+")


def fold(text: str) -> str:
    """Lower case, no accents, no apostrophes: 'Oʻzbekiston' -> 'ozbekiston', 'Тоқаев' -> 'токаев'.

    The result is what is indexed and compared; it is never shown.
    """
    if text.isascii():  # most text: no case folding, accents or letters of _LETTERS to undo
        return _APOSTROPHE_RE.sub("", text.lower())
    return _APOSTROPHE_RE.sub("", _caseless(text).translate(_FOLDING))


def search_terms(text: str) -> list[str]:
    """The folded words of a search string; punctuation and operators are dropped."""
    return _WORD_RE.findall(fold(text))


def index_text(text: str | None) -> str:
    """Folded words to index; "d'Ivoire" yields 'divoire', 'd' and 'ivoire', so each is found."""
    if not text:
        return ""
    words = search_terms(text)
    if not has_apostrophes(text):
        return " ".join(words)  # no compounds; and their pattern backtracks on every word
    for compound in _WORD_WITH_APOSTROPHES_RE.findall(text):
        words.extend(_WORD_RE.findall(_APOSTROPHE_RE.sub(" ", fold_keep_apostrophes(compound))))
    return " ".join(words)


def has_apostrophes(text: str) -> bool:
    """Whether *text* holds an apostrophe-like mark (index_text then adds compounds' words)."""
    return _APOSTROPHE_RE.search(text) is not None


def _caseless(text: str) -> str:
    """Decomposed and case-folded; decomposing first lets '𝐀' and 'Ａ' fold to 'a' as 'A' does."""
    return unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())


def fold_keep_apostrophes(text: str) -> str:
    return _caseless(text).translate(_FOLDING)


class _Folding(dict[int, int | str | None]):
    """str.translate's table: _LETTERS, and combining marks dropped.

    Filled as characters are met (deciding all of Unicode up front costs a start-up
    tenth of a second), so translate runs in C over a dict instead of a Python loop.
    """

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        if len(self) < _FOLDING_KEPT:  # a text of every script must not fill memory
            self[code] = kept
        return kept


_FOLDING_KEPT = 20_000  # characters remembered: every script's letters and marks, several times
_FOLDING = _Folding(_LETTERS)


TITLE_KEY_LENGTH = 200  # sort_key's length at most (the column's)


def sort_key(text: str) -> str:
    """A stored key that sorts titles the way a reader expects, whatever their script."""
    return " ".join(search_terms(text))[:TITLE_KEY_LENGTH]


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def not_utf8(text: str) -> bool:
    """Whether *text* holds a lone surrogate: bytes that were not UTF-8, or an escaped \\ud800.

    Python hands undecodable bytes of the command line and the environment over as lone
    surrogates, and JSON may spell one out; neither SQLite nor PostgreSQL can store them.
    """
    return _SURROGATE_RE.search(text) is not None


def shown(text: str, limit: int = 60, *, escaped_bytes: bool = True) -> str:
    """*text* quoted for a message: undecodable bytes as \\xff, lone surrogates as \\ud800.

    *escaped_bytes*: the text came from the command line or the environment, where a
    surrogate from U+DC80 to U+DCFF stands for one byte that was not UTF-8.
    """

    def visible(char: str) -> str:
        if escaped_bytes and "\udc80" <= char <= "\udcff":
            return f"\\x{ord(char) - 0xDC00:02x}"
        return f"\\u{ord(char):04x}" if "\ud800" <= char <= "\udfff" else char

    clipped = text if len(text) <= limit else text[: limit - 1] + "…"
    return "'" + "".join(map(visible, clipped)) + "'"

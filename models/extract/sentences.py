"""An article cut into sentences, each with where it stands in the text (for highlighting)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Where a sentence ends: . ! ? … (and a closing quote), then space and a capital or quote.
_END = re.compile(r"(?<=[.!?…])[\"”»’)]?\s+(?=[\"“«(\[]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])")
# Abbreviations after which a full stop ends no sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "st",
        "no",
        "nos",
        "art",
        "para",
        "vol",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "etc",
        "approx",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "vs",
        "г",
        "гг",
        "т.е",
        "т.д",
        "им",
        "ул",
    ]
)


# No sentence of an article runs longer; a longer run (a pasted table, text without full
# stops) is cut at a comma or space, which keeps every step after this linear in the text.
SENTENCE_MAX = 1500


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article: its text, its span in the article, and its paragraph."""

    text: str
    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of *text*; a line without a full stop (a headline) is one of its own."""
    found: list[Sentence] = []
    for number, paragraph in enumerate(re.finditer(r"[^\n]+", unwrap(text))):
        if not paragraph.group().strip():
            continue
        found.extend(_paragraph_sentences(paragraph.group(), paragraph.start(), number))
    return found


def unwrap(text: str) -> str:
    """*text* with hard-wrapped lines joined (a line end becomes a space: offsets hold).

    A line of 60 characters or more that ends without a full stop, colon or quote goes on
    in the next line; a shorter one (a headline, a dateline) stands alone.
    """
    return re.sub(r"(?<=[^\n]{60})(?<![.!?:\"”»])\n(?=[^\n\s])", " ", text)


def _paragraph_sentences(paragraph: str, offset: int, number: int) -> list[Sentence]:
    found = []
    start = 0
    for match in _END.finditer(paragraph):
        before = paragraph[start : match.start()].rstrip('"”»’)')
        last_word = re.split(r"\s", before)[-1].lower().rstrip(".")
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-zа-я]", last_word):
            continue  # 'Dr. Smith', 'J. Smith': not an end
        found.append(
            _sentence(paragraph, start, match.start() + _quote(paragraph, match), offset, number)
        )
        start = match.end()
    found.append(_sentence(paragraph, start, len(paragraph), offset, number))
    return [piece for sentence in found if sentence.text for piece in _cut(sentence)]


def _cut(sentence: Sentence) -> list[Sentence]:
    """A sentence longer than SENTENCE_MAX as pieces of at most that length."""
    pieces = []
    text, start = sentence.text, sentence.start
    while len(text) > SENTENCE_MAX:
        window = text[:SENTENCE_MAX]
        end = max(window.rfind(", "), window.rfind(" "))
        end = end + 1 if end > SENTENCE_MAX // 2 else SENTENCE_MAX
        pieces.append(
            Sentence(
                text[:end].strip(), start, start + len(text[:end].rstrip()), sentence.paragraph
            )
        )
        stripped = text[end:].lstrip()
        start += len(text) - len(stripped)
        text = stripped
    pieces.append(Sentence(text, start, start + len(text), sentence.paragraph))
    return [piece for piece in pieces if piece.text]


def _quote(paragraph: str, match: re.Match[str]) -> int:
    """A closing quote after the full stop belongs to the sentence."""
    return len(match.group()) - len(match.group().lstrip('"”»’)'))


def _sentence(paragraph: str, start: int, end: int, offset: int, number: int) -> Sentence:
    text = paragraph[start:end]
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    return Sentence(stripped, offset + start + lead, offset + start + lead + len(stripped), number)

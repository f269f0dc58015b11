"""The documents a sentence reports: 'an alliance declaration', 'agreements on trade and
energy', 'various documents …, including in the fields of A, B and C'.

Positions are in the sentence as written; matching is on norm_aligned() text, which has
the same length, so a span found in one is the same span in the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.extract.dates import MONTHS, WEEKDAYS
from models.extract.gazetteer import norm_aligned
from models.extract.lexicon import KindWord, kind_words, topics_in

# Words that start a document's subject right after its noun.
_COMPLEMENT = re.compile(
    r"^\s*(?:on|in|for|of|about|regarding|concerning|between|to|establishing|amending|"
    r"о|об|по|в|во|на|между|к|относительно|сотрудничеств[а-я]*|взаимодейств[а-я]*|"
    r"партнерств[а-я]*)\s",
)
# Words that end a description: the time, the circumstances, the source.
_TIME_AND_CIRCUMSTANCE = (
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|yesterday|today|this week|last week|"
    r"after|following|as(?!\s+well\s+as)|while|when|during|at the|in the presence of|"
    r"on \d+|on [a-z]+ \d+|in (?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)|\d\d? (?:января|февраля|марта|апреля|мая|июня|июля|"
    r"августа|сентября|октября|ноября|декабря)|"
    r"(?:was|were|has been|have been|had been)\s+(?:also\s+)?(?:signed|initialled|adopted)|"
    r"в понедельник|во вторник|в среду|в четверг|в пятницу|в субботу|в воскресенье|вчера|"
    r"сегодня|в ходе|по итогам|в присутствии|при участии"
)
_REPORTED = (
    r",\s*(?:[^,]{0,40}\s)?"
    r"(?:reported|said|reports|says|announced|told|сообщил[а-я]*|заявил[а-я]*)\b"
)
# Where a document's description ends.
_BOUNDARY = re.compile(
    _REPORTED + rf"|(?<!\swell)\s(?:{_TIME_AND_CIRCUMSTANCE})\b"
    r"|,\s*(?:according|which|who|where|as part|during|in the presence|after|while|said|"
    r"the |it |they |он |она |они |котор|сообщ)"
    r"|;|:|\.(?:\s|$)|\s\((?!.*\))"
    r"|\s(?:which|that will|during|in the presence of|witnessed by|attended by|according to|"
    r"as part of|on the sidelines|following|after talks|were signed|was signed|have signed|"
    r"has signed|had signed|signed|in the capital|in the city|at the|were initialled|"
    r"в присутствии|при участии|в ходе|по итогам|в рамках|были подписаны|был подписан|"
    r"подписали|подписаны|подписан|подписано)\s"
)
# What opens a list of documents' subjects: 'including', 'in the fields of', 'в сферах'.
_LIST_INTRO = re.compile(
    r"(?:including|such as|covering|in particular|namely|notably|among them|among which|"
    r"в том числе|включая|среди них|в частности)\s+(?:in\s+the\s+|in\s+|on\s+|о\s+|об\s+|в\s+)?"
    r"(?:(?:fields?|areas?|spheres?|sectors?)\s+of\s+|сфер[а-я]*\s+|област[а-я]*\s+)?"
    r"|(?:,\s*|\s)(?:in\s+the\s+|in\s+)?(?:fields?|areas?|spheres?|sectors?)\s+of\s+"
    r"|\s(?:в\s+сфер[а-я]*|в\s+област[а-я]*|по\s+вопрос[а-я]*)\s+"
)
# Or the subject follows the noun at once: 'agreements on trade and energy'.
_LIST_NEXT = re.compile(r"\s+(?:on|in|for|о|об|по|в)\s+(?=\S)")
_ITEM_PREFIX = re.compile(
    r"^(?:and\s+|as well as\s+|и\s+|а также\s+)?(?:including\s+|в том числе\s+|включая\s+)?"
    r"(?:in\s+|on\s+|в\s+|о\s+|об\s+|по\s+)?"
    r"(?:the\s+)?(?:(?:fields?|areas?|spheres?|sectors?)\s+of\s+"
    r"|сфер[а-я]*\s+|област[а-я]*\s+)?"
)
_ITEM_SPLIT = re.compile(
    r"\s*(?:,\s*(?:and\s+|as well as\s+|а также\s+|и\s+)?|;\s*|\s+as well as\s+|\s+а также\s+)"
)
# A project rather than a field: 'the establishment of X', 'a highway between A and B'.
_PROJECT = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?:establishment|construction|creation|building|development|"
    r"opening|modernisation|modernization|reconstruction|joint|highway|railway|rail line|"
    r"road|bridge|center|centre|plant|project|создани|строительств|открыти|развити|"
    r"реконструкци|модернизаци)"
)
# A document named after 'under', 'implementing' … is one signed before, not now.
_REFERENCE = re.compile(
    r"(?:under|framework of|accordance with|implementation of|implementing|pursuant to|"
    r"in line with|amending|to the|of the|with the|рамках|соответствии с|реализации|"
    r"исполнение|к|в развитие)\s+(?:the\s+)?(?:\d{4}\s+)?(?:[\w-]+\s+)?$"
)
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "several",
        "various",
        "some",
        "many",
        "number",
        "package",
        "series",
        "set",
        "new",
    ]
)
_STOP_BEFORE = frozenset(
    [
        "signed",
        "sign",
        "signs",
        "signing",
        "inked",
        "concluded",
        "initialled",
        "initialed",
        "adopted",
        "approved",
        "and",
        "of",
        "with",
        "between",
        "also",
        "have",
        "has",
        "were",
        "was",
        "had",
        "on",
        "in",
        "to",
        "by",
        "at",
        "after",
        "during",
        "their",
        "its",
        "his",
        "her",
        "подписали",
        "подписан",
        "подписаны",
        "подписано",
        "заключили",
        "приняли",
        "утвердили",
        "парафировали",
        "и",
        "с",
        "между",
        "о",
        "подписание",
        "подписания",
    ]
)
_RUSSIAN_ADJECTIVE = re.compile(r"(?:ое|ая|ый|ий|ой|ую|ые|ие|ых|их|ого|его)$")
_LEVELS = (
    ("interstate", re.compile(r"interstate|inter state|межгосударствен")),
    ("intergovernmental", re.compile(r"intergovernmental|inter governmental|межправительствен")),
    ("interdepartmental", re.compile(r"interdepartmental|inter departmental|межведомствен")),
)
_NUMBER = re.compile(
    r"\b(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
    r"\s+(?:\w+\s+){0,3}?(?:documents|agreements|memoranda|deals|документ|соглашени)",
    re.IGNORECASE,
)
_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip


@dataclass(frozen=True)
class Document:
    """One document a sentence reports, as written there."""

    kind: str  # '' when the text says only 'document'
    description: str  # 'alliance declaration', 'the field of electricity'
    start: int
    end: int
    official_title: str  # '' unless the text gives it
    level: str
    from_list: bool  # one item of a list ('documents …, including A, B and C')
    generic: bool  # a bare noun ('an agreement'): nothing tells it from another of its kind


@dataclass(frozen=True)
class Mentioned:
    """What a sentence says about documents: those it names, and a count it gives."""

    documents: list[Document]
    plural_kinds: list[str]  # kinds named in the plural with no list ('cooperation agreements')
    count: int | None


def documents_in(sentence: str, headline: bool = False) -> Mentioned:
    """The documents *sentence* names; a headline's Title Case is not taken as a title."""
    folded = norm_aligned(sentence)
    words = kind_words(folded)
    documents: list[Document] = []
    plural_kinds: list[str] = []
    covered_to = -1
    for number, word in enumerate(words):
        if word.start < covered_to or _REFERENCE.search(folded[: word.start]):
            continue
        following = words[number + 1].start if number + 1 < len(words) else len(sentence)
        end = _description_end(folded, word, following)
        if word.plural:
            items = _list_items(folded, word, following)
            documents.extend(_item(sentence, folded, word, start, stop) for start, stop in items)
            if not items and word.kind:
                plural_kinds.append(word.kind)
            covered_to = max(covered_to, items[-1][1] if items else word.end)
        else:
            documents.append(_single(sentence, folded, word, end, headline))
            covered_to = max(covered_to, end)
    return Mentioned(documents, plural_kinds, _count(sentence))


def _description_end(folded: str, word: KindWord, following: int) -> int:
    """Where the description that follows a document noun ends."""
    rest = folded[word.end : following]
    if not _COMPLEMENT.match(rest) and not word.plural:
        return word.end
    boundary = _BOUNDARY.search(folded, word.end)
    end = boundary.start() if boundary else len(folded)
    if following < end:
        # The next noun starts another document when 'and', 'as well as' or a comma joins it.
        joiner = last_joiner(folded[:following])
        if joiner is not None and joiner > word.end:
            end = joiner
        elif joiner is None:
            end = following if _REFERENCE.search(folded[:following]) is None else end
    return max(end, word.end)


def _premodifier_start(folded: str, word: KindWord) -> int:
    """Where the words before a noun that describe it ('alliance', 'joint') begin."""
    start = word.start
    for match in reversed(list(re.finditer(r"\S+", folded[: word.start]))[-3:]):
        token = match.group().strip(",")
        if (
            token in _DETERMINERS
            or token in _STOP_BEFORE
            or not token.isalpha()
            or match.group().endswith(",")
        ):
            break
        if re.search("[а-я]", token) and not _RUSSIAN_ADJECTIVE.search(token):
            break  # a Russian noun or verb before the noun is not part of its name
        start = match.start()
    return start


def _single(sentence: str, folded: str, word: KindWord, end: int, headline: bool) -> Document:
    verb = re.match(r"exchanged notes|обменялись нотами", folded[word.start :])
    start = word.start if verb else _premodifier_start(folded, word)
    description = sentence[start:end].strip(" ,")
    if verb:  # 'exchanged notes on a loan' is an exchange of notes on a loan
        noun = "exchange of notes" if verb.group().startswith("e") else "обмен нотами"
        description = noun + description[len(verb.group()) :]
    official = "" if headline else _official_title(sentence, word, end)
    generic = start == word.start and end == word.end
    return Document(
        word.kind, description, start, end, official, _level(folded[start:end]), False, generic
    )


def _item(sentence: str, folded: str, word: KindWord, start: int, end: int) -> Document:
    return Document(
        word.kind, sentence[start:end].strip(" ,"), start, end, "", "unknown", True, False
    )


def _list_items(folded: str, word: KindWord, following: int) -> list[tuple[int, int]]:
    """The items of the list after a plural noun, as spans; [] when there is none.

    The list may follow the verb ('documents were signed in the presence of …, including
    in the fields of …'); it ends at the sentence's end or where another document starts.
    """
    intro = _LIST_NEXT.match(folded, word.end) or _LIST_INTRO.search(folded, word.end, following)
    if intro is None:
        return []
    stop = min(_list_end(folded, intro.end()), _next_document(folded, intro.end(), following))
    items = []
    position = intro.end()
    for part in _ITEM_SPLIT.split(folded[intro.end() : stop]):
        if not part:
            continue
        begin = folded.index(part, position)
        position = begin + len(part)
        items.extend(_split_pair(folded, begin, position))
    return [(start, stop_) for start, stop_ in items if _is_item(folded[start:stop_])]


def _next_document(folded: str, start: int, following: int) -> int:
    """Where the document after the list begins: its joining 'and' or comma."""
    if following >= len(folded):
        return len(folded)
    joiner = last_joiner(folded[:following])
    return joiner if joiner is not None and joiner >= start else following


def last_joiner(text: str) -> int | None:
    """Where the 'and', 'as well as' or comma that joins the next noun phrase to *text* is."""
    matches = list(re.finditer(r",|\s(?:and|as well as|along with|и|а также)\s", text))
    if not matches:
        return None
    last = matches[-1]
    return last.start() if len(text[last.end() :].split()) <= 3 else None


def _list_end(folded: str, start: int) -> int:
    end = re.search(
        r";|\.(?:\s|$)|,\s*(?:according|which|said|the sides|it |they )"
        r"|\s(?:were signed|was signed|in the presence of|during the|according to|"
        r"в присутствии|в ходе|были подписаны)\s"
        + "|"
        + _REPORTED
        + rf"|(?<!\swell)\s(?:{_TIME_AND_CIRCUMSTANCE})\b",
        folded[start:],
    )
    return start + end.start() if end else len(folded)


def _split_pair(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """'energy and transport' is two items; 'trade and investment' or 'prevention and
    resolution of emergencies' one; 'the establishment of X and the construction of Y' two."""
    text = folded[start:end]
    text_start = start + len(text) - len(text.lstrip())
    for match in re.finditer(r"\s(?:and|и)\s", text):
        left, right = text[: match.start()], text[match.end() :]
        separate_projects = _PROJECT.match(left.strip()) and _PROJECT.match(right.strip())
        whole, first, second = topics_in(text), topics_in(left), topics_in(right)
        separate_topics = (
            first and second and len(whole) > 1 and len(first) + len(second) == len(whole)
        )
        if separate_projects or separate_topics:
            return [(text_start, start + match.start()), (start + match.end(), end)]
    return [(text_start, end)]


def _is_item(folded: str) -> bool:
    """An item names a field or a project; 'various fields' or 'other areas' is neither."""
    text = _ITEM_PREFIX.sub("", folded.strip())
    return bool(topics_in(text) or _PROJECT.match(text))


def item_subject(description: str) -> str:
    """An item without its 'in the fields of' or 'and' in front."""
    folded = norm_aligned(description)
    prefix = _ITEM_PREFIX.match(folded)
    return description[prefix.end() if prefix else 0 :].strip(" ,")


def _official_title(sentence: str, word: KindWord, end: int) -> str:
    """The document's official title when the text gives it: a quoted or capitalised name."""
    quoted = re.search(r"[\"“«]([^\"”»]{8,300})[\"”»]", sentence)
    if quoted and quoted.start() <= word.start < quoted.end():
        return quoted.group(1).strip()
    noun = sentence[word.start : word.end]
    if not noun[:1].isupper() or word.start == 0:
        return ""
    if re.search("[а-яА-Я]", noun):
        return _russian_title(sentence[word.start : end].strip(" ,"))
    title = [
        *_capitalised_before(sentence[: word.start]),
        *_capitalised_after(sentence[word.start :]),
    ]
    while title and title[-1].lower() in _TITLE_JOINERS:
        title.pop()
    return " ".join(title) if len(title) >= 2 else ""


def _capitalised_before(text: str) -> list[str]:
    """The capitalised words just before a noun: 'Enhanced Partnership and Cooperation'."""
    found: list[str] = []
    for token in reversed(text.split()):
        if (token[:1].isupper() and token.isalpha()) or (token == "and" and found):
            found.insert(0, token)
        else:
            break
    while found and found[0] == "and":
        found.pop(0)
    return found


def _capitalised_after(text: str) -> list[str]:
    """The noun and the capitalised words and joiners after it: 'Treaty on Eternal Friendship'."""
    found: list[str] = []
    for token in text.split():
        bare = token.strip(',.;:()"“”')
        if bare.lower() in _NOT_IN_TITLES:
            break  # 'Agreement on Tuesday'
        if not (bare[:1].isupper() or bare.lower() in _TITLE_JOINERS):
            break
        found.append(bare)
        if token[-1:] in ',.;:)"”':
            break
    return found


_NOT_IN_TITLES = frozenset([*WEEKDAYS, *MONTHS])  # 'Agreement on Tuesday'
_TITLE_JOINERS = frozenset(
    [
        "of",
        "on",
        "the",
        "and",
        "between",
        "in",
        "for",
        "to",
        "a",
        "with",
        "against",
        "concerning",
        "among",
        "by",
    ]
)
_NOMINATIVE = {
    "декларацию": "Декларация",
    "конвенцию": "Конвенция",
    "программу": "Программа",
    "хартию": "Хартия",
    "дорожную карту": "Дорожная карта",
}


def _russian_title(text: str) -> str:
    """'Декларацию о союзнических отношениях' -> 'Декларация о союзнических отношениях'."""
    lower = text.lower()
    for accusative, nominative in _NOMINATIVE.items():
        if lower.startswith(accusative):
            return nominative + text[len(accusative) :]
    return text if len(text.split()) >= 3 else ""


def _level(folded: str) -> str:
    found = [level for level, pattern in _LEVELS if pattern.search(folded)]
    return found[0] if len(found) == 1 else "unknown"


def _count(sentence: str) -> int | None:
    match = _NUMBER.search(sentence)
    if not match:
        return None
    word = match.group(1).lower()
    return int(word) if word.isdigit() else _WORD_NUMBERS.get(word)

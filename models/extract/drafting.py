"""From an article's text to drafts: one per document it reports signed, each value with its
sentence, and notes that say what the article leaves open.

The occasion (when, where, between whom) is read once for the article: a document whose
own sentence does not say is given the occasion's value, with the occasion's sentence as
evidence. Nothing is filled in that no sentence supports.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from models.extract.dates import SigningDate, published_date, signing_date, year_mentioned
from models.extract.documents import Document, Mentioned, documents_in, item_subject
from models.extract.event import (
    EVENT_WORDS,
    Signatory,
    dateline_city,
    dateline_end,
    parties_named,
    place_named,
    signatories,
    signing_parties,
)
from models.extract.gazetteer import norm_aligned
from models.extract.lexicon import PLANNED_WORDS, SIGNED, Act, acts, field_path, topics_in
from models.extract.sentences import Sentence, split_sentences

# A signing dated this long before the article is history it recalls, not its news.
HISTORY_DAYS = 31
_KIND_NAMES = {"": "document", "other": "document"}


@dataclass(frozen=True)
class Evidence:
    """The sentence behind a value, and where it stands in the article."""

    sentence: str
    start: int
    end: int

    @classmethod
    def of(cls, sentence: Sentence) -> Evidence:
        return cls(sentence.text, sentence.start, sentence.end)


@dataclass
class Draft:
    """An agreement proposed from an article; every filled value has its evidence."""

    title: str
    kind: str
    status: str
    level: str = "unknown"
    signed_on: str = ""
    signed_at: str = ""
    parties: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    source_citation: str = ""


@dataclass(frozen=True)
class Extraction:
    """The drafts an article gives, its publication date as used, and notes on the whole."""

    drafts: list[Draft]
    published: str
    notes: list[str]


@dataclass
class _Occasion:
    """When, where and between whom the article's signing happened, with the sentences."""

    published: date | None
    parties: list[str] = field(default_factory=list)
    parties_from: Sentence | None = None
    date: SigningDate | None = None
    date_from: Sentence | None = None
    place: str = ""
    place_from: Sentence | None = None
    plural_kind: str = ""
    plural_kind_from: Sentence | None = None


@dataclass
class _Found:
    document: Document
    sentence: Sentence
    act: Act
    headline: bool
    spans: list[tuple[int, int]]  # every document's description in the sentence


def extract(
    text: str, published: date | None = None, field_paths: list[str] | None = None
) -> Extraction:
    """The drafts *text* supports; *published* resolves 'Monday' (else the dateline's date).

    *field_paths* are the user's fields ('Transport > Rail'): a draft's field is one of
    them when one fits, a field of the built-in list otherwise.
    """
    sentences = split_sentences(text)
    notes: list[str] = []
    if published is None:
        published = published_date(text)
        if published is not None:
            notes.append(f"Publication date {published.isoformat()}, from the article's header.")
    found, mentioned = _documents(sentences)
    occasion = _occasion(sentences, found, mentioned, published)
    headline = _headline(sentences)
    drafts: list[Draft] = []
    body = [item for item in found if not item.headline]
    # A headline sums up the body: its documents are drafted only when the body names none.
    for item in body or found:
        draft = _draft(item, occasion, field_paths or [], headline)
        if draft is None:
            notes.append(
                f"Not drafted, signed before this occasion: '{item.document.description}'."
            )
            continue
        _merge_or_add(drafts, draft, item.document)
    counts = [m.count for m in mentioned if m.count]
    if counts and drafts and max(counts) > len(drafts):
        note = (
            f"The article reports {max(counts)} documents signed and names {len(drafts)}; "
            "the others are not drafted."
        )
        notes.append(note)
        for draft in drafts:
            draft.notes.append(note)
    if not drafts:
        notes.append("The article reports no document signed, initialled or adopted.")
    return Extraction(drafts, published.isoformat() if published else "", notes)


# ----------------------------------------------------------------- reading the sentences


def _is_headline(sentence: Sentence) -> bool:
    return sentence.paragraph <= 1 and not sentence.text.rstrip().endswith((".", "!", "?", "…"))


def _headline(sentences: list[Sentence]) -> str:
    first = sentences[0] if sentences else None
    return first.text if first is not None and _is_headline(first) else ""


# A sentence that goes on listing what the one before reports signed.
_CONTINUED = re.compile(
    r"^(?:among (?:them|these|the documents)|they include|these include|the documents include|"
    r"these are|they are|среди них|в их числе|в том числе)\b",
    re.IGNORECASE,
)


def _documents(sentences: list[Sentence]) -> tuple[list[_Found], list[Mentioned]]:
    found: list[_Found] = []
    mentioned: list[Mentioned] = []
    previous: list[Act] = []
    for sentence in sentences:
        verbs = acts(norm_aligned(sentence.text))
        if not verbs and previous and _CONTINUED.match(sentence.text):
            verbs = [Act(previous[0].what, 0, 0)]
        previous = verbs
        if not verbs:
            continue
        headline = _is_headline(sentence)
        result = documents_in(sentence.text, headline)
        mentioned.append(result)
        spans = [(document.start, document.end) for document in result.documents]
        for document in result.documents:
            act = next((a for a in reversed(verbs) if a.start <= document.start), verbs[0])
            found.append(_Found(document, sentence, act, headline, spans))
    return found, mentioned


def _occasion(
    sentences: list[Sentence],
    found: list[_Found],
    mentioned: list[Mentioned],
    published: date | None,
) -> _Occasion:
    occasion = _Occasion(published)
    signing = list(dict.fromkeys(item.sentence for item in found))
    body = [s for s in signing if not _is_headline(s)]
    around = [
        s
        for s in sentences
        if EVENT_WORDS.search(norm_aligned(s.text))
        and not PLANNED_WORDS.search(norm_aligned(s.text))
    ]
    for sentence in [*signing, *around]:
        named = parties_named(sentence.text)
        if len(named) >= 2:
            occasion.parties, occasion.parties_from = named, sentence
            break
    if not occasion.parties:
        occasion.parties, occasion.parties_from = _most_named(sentences)
    for sentence in [*body, *around, *signing]:
        when = signing_date(_without_dateline(sentence.text), published)
        if when is not None:
            occasion.date, occasion.date_from = when, sentence
            break
    for sentence, event in [*((s, False) for s in body), *((s, True) for s in around)]:
        place = place_named(sentence.text, event)
        if place:
            occasion.place, occasion.place_from = place, sentence
            break
    if not occasion.place and around:
        _dateline_place(sentences, occasion)
    for result, sentence in zip(mentioned, signing, strict=False):
        if result.plural_kinds and not occasion.plural_kind:
            occasion.plural_kind, occasion.plural_kind_from = result.plural_kinds[0], sentence
    return occasion


def _most_named(sentences: list[Sentence]) -> tuple[list[str], Sentence | None]:
    """The two parties the article names most (twice at least), when no sentence pairs them."""
    counts: Counter[str] = Counter()
    first: dict[str, Sentence] = {}
    for sentence in sentences:
        for party in parties_named(sentence.text):
            counts[party] += 1
            first.setdefault(party, sentence)
    top = [party for party, count in counts.most_common(2) if count >= 2]
    return (top, first[top[0]]) if len(top) == 2 else ([], None)


def _dateline_place(sentences: list[Sentence], occasion: _Occasion) -> None:
    """The dateline's city, for an article about a visit, talks or a summit held there.

    Only when it lies in a party's state: an agency's home ('ANKARA (AA)') is no evidence.
    """
    for sentence in sentences[:4]:
        city = dateline_city(sentence.text)
        if city is not None and city.place is not None:
            if city.party in occasion.parties:
                occasion.place, occasion.place_from = city.place.name, sentence
            return


# ----------------------------------------------------------------- one draft


def _draft(
    item: _Found, occasion: _Occasion, field_paths: list[str], headline: str
) -> Draft | None:
    document, sentence = item.document, item.sentence
    draft = Draft(title="", kind=document.kind, status=item.act.status, level=document.level)
    draft.source_citation = headline
    evidence = Evidence.of(sentence)
    _kind(draft, document, occasion, evidence)
    if not _when(draft, item, occasion):
        return None
    _parties(draft, item, occasion)
    _where(draft, item, occasion)
    _fields(draft, item, evidence, field_paths)
    _title(draft, document, evidence)
    draft.evidence.setdefault("status", evidence)
    if draft.status != SIGNED:
        draft.notes.append(_status_note(item.act))
    found = signatories(sentence.text, item.act.start)
    draft.signatories = [s for s in found if s.party in draft.parties]
    if draft.signatories:
        draft.evidence["signatories"] = evidence
    else:
        draft.notes.append("The article does not name who signed.")
    return draft


def _kind(draft: Draft, document: Document, occasion: _Occasion, evidence: Evidence) -> None:
    if document.kind:
        draft.evidence["kind"] = evidence
        return
    if occasion.plural_kind and occasion.plural_kind_from is not None:
        draft.kind = occasion.plural_kind
        draft.evidence["kind"] = Evidence.of(occasion.plural_kind_from)
        draft.notes.append(
            f"The article lists it among documents it elsewhere calls {draft.kind}s; "
            "its own kind is not stated."
        )
    else:
        draft.kind = "other"
        draft.notes.append("The article calls it a document without saying of what kind.")


def _when(draft: Draft, item: _Found, occasion: _Occasion) -> bool:
    """Set the signing date; False when the sentence dates the signing before this occasion."""
    own = signing_date(_without_dateline(_bare(item)), occasion.published)
    year = _year_near(_bare(item), item.act)
    if _earlier(own, year, occasion):
        return False
    when, source = (
        (own, item.sentence)
        if own is not None and not item.headline
        else (occasion.date, occasion.date_from)
    )
    if when is None or source is None:
        if item.act.dated:
            draft.notes.append("The article does not say when it was signed.")
        return True
    if not item.act.dated:
        if when.iso:
            draft.notes.append(f"Reported {item.act.what} on {when.iso}; not signed yet.")
        return True
    if when.iso:
        draft.signed_on = when.iso
        draft.evidence["signed_on"] = Evidence.of(source)
    if when.note:
        draft.notes.append(when.note)
    return True


def _without_dateline(text: str) -> str:
    """'Budapest, 9 March 2024 (MTI) – …' dates the report, not what it reports."""
    end = dateline_end(text)
    return " " * end + text[end:]


def _bare(item: _Found) -> str:
    """The sentence with the documents' descriptions blanked ('the 2015 agreement', 'a
    railway to Tashkent'): what is left dates and places the signing."""
    return _blanked(item.sentence.text, tuple(item.spans))


@lru_cache(maxsize=256)  # every document of a sentence asks for the same
def _blanked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _year_near(sentence: str, act: Act) -> int | None:
    """A year named on its own within six words of the verb ('signed in 2019')."""
    before = " ".join(sentence[: act.start].split()[-6:])
    after = " ".join(sentence[act.end :].split()[:6])
    return year_mentioned(after) or year_mentioned(before)


def _earlier(own: SigningDate | None, year: int | None, occasion: _Occasion) -> bool:
    reference = occasion.published or _iso_date(occasion.date.iso if occasion.date else "")
    if reference is None:
        return False
    if year is not None and year < reference.year:
        return True
    signed = _iso_date(own.iso) if own is not None else None
    return signed is not None and signed < reference - timedelta(days=HISTORY_DAYS)


def _iso_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _parties(draft: Draft, item: _Found, occasion: _Occasion) -> None:
    named = signing_parties(item.sentence.text, item.act.start, item.spans)
    # A convention is open for signature: one state signing it alone is the usual news.
    alone = draft.kind == "convention" and len(named) == 1 and named
    if len(named) >= 2 or alone:
        draft.parties = named
        draft.evidence["parties"] = Evidence.of(item.sentence)
    elif occasion.parties and occasion.parties_from is not None:
        draft.parties = list(dict.fromkeys([*occasion.parties, *named]))
        draft.evidence["parties"] = Evidence.of(occasion.parties_from)
    elif named:
        draft.parties = named
        draft.evidence["parties"] = Evidence.of(item.sentence)
    if len(draft.parties) < 2:
        draft.notes.append("The article names fewer than two parties; the others are not given.")


def _where(draft: Draft, item: _Found, occasion: _Occasion) -> None:
    own = "" if item.headline else place_named(_bare(item))
    if own:
        draft.signed_at = own
        draft.evidence["signed_at"] = Evidence.of(item.sentence)
    elif occasion.place and occasion.place_from is not None:
        draft.signed_at = occasion.place
        draft.evidence["signed_at"] = Evidence.of(occasion.place_from)
    else:
        draft.notes.append("The article does not say where it was signed.")


# A clause after a document that says what it is for ('…, pledging to deepen trade').
_PURPOSE = re.compile(
    r",\s*(?:pledging|vowing|committing|reaffirming|calling for|aimed at|aiming to|designed to|"
    r"which provides for|which covers|направленн[а-я]*|предусматривающ[а-я]*)[^,;.]*"
)


def _fields(draft: Draft, item: _Found, evidence: Evidence, field_paths: list[str]) -> None:
    document = item.document
    found = topics_in(norm_aligned(document.description))
    purpose = _PURPOSE.match(norm_aligned(item.sentence.text), _end_of_time(item))
    if not found and purpose:
        found = topics_in(purpose.group())
    draft.fields = list(dict.fromkeys(field_path(topic, field_paths) for topic in found))
    if draft.fields:
        draft.evidence["fields"] = evidence
    else:
        draft.notes.append("The article does not say what field it is in.")


def _end_of_time(item: _Found) -> int:
    """Past the document's description and any 'in Xi'an on Wednesday' that follows it."""
    rest = norm_aligned(item.sentence.text)[item.document.end :]
    match = re.match(r"(?:\s+(?:in|at|on|в|во)\s+[^,;.]{1,40}?)*(?=,)", rest)
    return item.document.end + (match.end() if match else 0)


def _title(draft: Draft, document: Document, evidence: Evidence) -> None:
    if document.official_title:
        draft.title = document.official_title
        draft.evidence["title"] = evidence
        return
    subject = item_subject(document.description) if document.from_list else document.description
    if document.from_list and topics_in(norm_aligned(subject)) and not _starts_project(subject):
        cooperation = re.search(r"cooperation|сотрудничеств", subject, re.IGNORECASE)
        text = subject if cooperation else f"Cooperation in {subject}"
    elif document.generic or not subject:
        text = _KIND_NAMES.get(draft.kind, draft.kind)
    else:
        text = subject
    text = _nominative(_without_article(text))
    between = "–".join(draft.parties) if len(draft.parties) == 2 else ", ".join(draft.parties)
    draft.title = f"{text[:1].upper()}{text[1:]}" + (f" ({between})" if between else "")
    draft.evidence["title"] = evidence
    draft.notes.append(
        "Descriptive title: the article does not give the official one, naming the document "
        f"only as '{document.description}'."
    )


# Russian nouns as the object of 'подписали' (accusative) and as a title (nominative).
_ACCUSATIVE_ENDINGS = (
    ("ую", "ая"),
    ("юю", "яя"),
    ("ию", "ия"),
    ("цию", "ция"),
    ("ту", "та"),
    ("му", "ма"),
)


def _nominative(text: str) -> str:
    """'дорожную карту по …' -> 'дорожная карта по …' (the first two words only)."""
    words = text.split(" ")
    for number, word in enumerate(words[:2]):
        for accusative, nominative in _ACCUSATIVE_ENDINGS:
            if re.fullmatch("[а-яА-Я]+", word) and word.lower().endswith(accusative):
                words[number] = word[: -len(accusative)] + nominative
                break
    return " ".join(words)


def _starts_project(text: str) -> bool:
    from models.extract.documents import _PROJECT  # the same test the list reader uses

    return bool(_PROJECT.match(norm_aligned(text)))


def _without_article(text: str) -> str:
    for article in ("the ", "a ", "an ", "The ", "A ", "An "):
        if text.startswith(article):
            return text[len(article) :]
    return text


def _status_note(act: Act) -> str:
    if act.what == "under negotiation":
        return "The article says the parties agreed to sign it; it does not report it signed."
    return f"The article reports it {act.what}, not signed."


# ----------------------------------------------------------------- one document, told twice


def _merge_or_add(drafts: list[Draft], draft: Draft, document: Document) -> None:
    """'The agreement was signed in Ankara by …' or 'the document' tells more of one before."""
    if document.generic and drafts:
        same = [other for other in drafts if other.kind == draft.kind or not document.kind]
        if same:
            _fill(same[-1], draft)
            return
    for other in drafts:
        if other.kind != draft.kind or set(other.parties) != set(draft.parties):
            continue
        same_fields = set(other.fields) == set(draft.fields)
        if (same_fields and not document.from_list) or document.generic:
            _fill(other, draft)
            return
    drafts.append(draft)


def _fill(kept: Draft, other: Draft) -> None:
    """Fill what *kept* lacks from *other* (the later sentence usually says more)."""
    for key in ("signed_on", "signed_at", "level"):
        if getattr(kept, key) in ("", "unknown") and getattr(other, key) not in ("", "unknown"):
            setattr(kept, key, getattr(other, key))
            if key in other.evidence:
                kept.evidence[key] = other.evidence[key]
            kept.notes = [note for note in kept.notes if not _note_about(note, key)]
    if not kept.signatories and other.signatories:
        kept.signatories = other.signatories
        kept.evidence["signatories"] = other.evidence["signatories"]
        kept.notes = [n for n in kept.notes if n != "The article does not name who signed."]
    if other.evidence.get("title") and not any(n.startswith("Descriptive") for n in other.notes):
        kept.title, kept.evidence["title"] = other.title, other.evidence["title"]
        kept.notes = [n for n in kept.notes if not n.startswith("Descriptive")]


def _note_about(note: str, key: str) -> bool:
    return (key == "signed_on" and "when it was signed" in note) or (
        key == "signed_at" and "where it was signed" in note
    )

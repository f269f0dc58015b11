"""Drafting agreements from an article: the seed, relative dates, evidence, nothing invented."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from models.extract import UnreadableArticle, extract, read_article
from models.extract.lexicon import topics
from models.extract.sentences import SENTENCE_MAX, split_sentences
from models.sample import sample_inputs

SEED = (
    Path(__file__).parent.parent / "extract_articles" / "01-aa-kazakhstan-uzbekistan-alliance.txt"
)


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_the_seed_gives_the_samples_eight_agreements() -> None:
    drafts = extract(seed_text(), date(2021, 12, 6)).drafts
    assert len(drafts) == 8
    assert {tuple(d.parties) for d in drafts} == {("Kazakhstan", "Uzbekistan")}
    assert {d.signed_on for d in drafts} == {"2021-12-06"}
    assert {d.signed_at for d in drafts} == {"Nur-Sultan"}
    assert [d.fields for d in drafts] == [s.fields for s in sample_inputs()]
    assert [d.kind for d in drafts] == [s.kind for s in sample_inputs()]


def test_every_value_has_the_sentence_behind_it() -> None:
    text = seed_text()
    for draft in extract(text, date(2021, 12, 6)).drafts:
        for key in ("title", "kind", "parties", "signed_on", "signed_at", "fields"):
            evidence = draft.evidence[key]
            assert text[evidence.start : evidence.end] == evidence.sentence
    declaration = extract(text, date(2021, 12, 6)).drafts[0]
    assert "signed an alliance declaration Monday" in declaration.evidence["signed_on"].sentence
    assert "in the capital Nur Sultan" in declaration.evidence["signed_at"].sentence


def test_without_a_publication_date_monday_stays_empty_and_the_draft_says_why() -> None:
    drafts = extract(seed_text()).drafts
    assert len(drafts) == 8
    assert {d.signed_on for d in drafts} == {""}
    assert all(any("--published" in note for note in d.notes) for d in drafts)


def test_a_descriptive_title_says_it_is_one_and_names_no_signatory_it_was_not_told() -> None:
    declaration = extract(seed_text(), date(2021, 12, 6)).drafts[0]
    assert declaration.title == "Alliance declaration (Kazakhstan–Uzbekistan)"
    assert any(note.startswith("Descriptive title") for note in declaration.notes)
    assert declaration.signatories == []
    assert "The article does not name who signed." in declaration.notes


def test_the_dateline_gives_the_publication_date_and_weekdays_count_back_from_it() -> None:
    text = (
        "Armenia, Georgia sign road agreement\n\nPublished: 12 April 2023\n\n"
        "Armenia and Georgia on Monday signed an agreement on international road transport "
        "in Yerevan."
    )
    result = extract(text)
    assert result.published == "2023-04-12"
    (draft,) = result.drafts
    assert (draft.signed_on, draft.signed_at, draft.fields) == (
        "2023-04-10",
        "Yerevan",
        ["Transport > Roads"],
    )


@pytest.mark.parametrize(
    ("words", "published", "signed_on"),
    [
        ("yesterday", date(2023, 4, 12), "2023-04-11"),
        ("on Wednesday", date(2023, 4, 12), "2023-04-12"),
        ("this week", date(2023, 4, 12), "2023-04"),
        ("on 3 April", date(2023, 4, 12), "2023-04-03"),
        ("on 28 December", date(2023, 1, 5), "2022-12-28"),
    ],
)
def test_relative_dates_resolve_against_the_publication_date(
    words: str, published: date, signed_on: str
) -> None:
    text = f"Armenia and Georgia {words} signed an agreement on road transport in Yerevan."
    (draft,) = extract(text, published).drafts
    assert draft.signed_on == signed_on


def test_a_signing_months_before_the_article_is_history_not_news() -> None:
    text = "Armenia and Georgia signed an agreement on road transport on 28 December."
    result = extract(text, date(2023, 4, 12))
    assert result.drafts == []
    assert any(note.startswith("Not drafted, signed before this occasion") for note in result.notes)


def test_planned_discussed_and_past_documents_are_not_drafted() -> None:
    text = (
        "The ministers of Kyrgyzstan and Tajikistan discussed a treaty on the state border "
        "in Bishkek on Thursday. They hope to sign it later this year. An agreement on water "
        "use, signed in 2019, is being implemented. The sides will sign a roadmap on trade."
    )
    result = extract(text, date(2023, 2, 2))
    assert result.drafts == []
    assert "The article reports no document signed, initialled or adopted." in result.notes


def test_initialled_and_agreed_to_sign_are_drafted_with_their_status_and_no_signing_date() -> None:
    text = (
        "Kyrgyzstan and Uzbekistan initialled a treaty on the state border in Tashkent on "
        "Saturday. The two countries also agreed to sign a memorandum on tourism."
    )
    treaty, memorandum = extract(text, date(2022, 3, 26)).drafts
    assert (treaty.kind, treaty.status, treaty.signed_on) == ("treaty", "adopted", "")
    assert "Reported initialled on 2022-03-26; not signed yet." in treaty.notes
    assert (memorandum.kind, memorandum.status) == (
        "memorandum of understanding",
        "under negotiation",
    )
    assert memorandum.signed_on == ""


def test_adjectives_capitals_and_counterparts_are_parties_and_witnesses_are_not() -> None:
    text = (
        "Turkish Foreign Minister Mevlüt Çavuşoğlu and his Azerbaijani counterpart Jeyhun "
        "Bayramov signed an agreement on visa-free travel in Baku on Monday in the presence of "
        "Hungarian Prime Minister Viktor Orban."
    )
    (draft,) = extract(text, date(2023, 7, 10)).drafts
    assert draft.parties == ["Türkiye", "Azerbaijan"]
    assert [(s.party, s.name, s.title) for s in draft.signatories] == [
        ("Türkiye", "Mevlüt Çavuşoğlu", "Foreign Minister"),
        ("Azerbaijan", "Jeyhun Bayramov", "Foreign Minister"),
    ]
    assert draft.fields == ["Migration"]
    capitals = extract("Ankara and Baku signed an energy agreement on Monday.", date(2023, 7, 10))
    assert capitals.drafts[0].parties == ["Türkiye", "Azerbaijan"]


def test_a_later_sentence_names_who_signed_the_agreement_before_it() -> None:
    text = (
        "Ankara and Baku on Thursday signed an agreement on gas supplies. The agreement was "
        "signed in Ankara by Turkish Energy Minister Fatih Donmez and his Azerbaijani "
        "counterpart Parviz Shahbazov."
    )
    (draft,) = extract(text, date(2023, 5, 4)).drafts
    assert [(s.party, s.name, s.title) for s in draft.signatories] == [
        ("Türkiye", "Fatih Donmez", "Energy Minister"),
        ("Azerbaijan", "Parviz Shahbazov", "Energy Minister"),
    ]
    assert draft.signed_at == "Ankara"
    assert "The article does not name who signed." not in draft.notes


def test_a_russian_article_in_every_script() -> None:
    text = (
        "Астана, 3 сентября 2023 года\n\n"
        "Вчера в Астане Қасым-Жомарт Тоқаев и министр иностранных дел Oʻzbekiston подписали "
        "Договор о союзнических отношениях и соглашения в сферах энергетики и туризма. "
        "Türkiye в подписании не участвовала."
    )
    drafts = extract(text).drafts
    assert [d.kind for d in drafts] == ["treaty", "agreement", "agreement"]
    assert {d.signed_on for d in drafts} == {"2023-09-02"}
    assert {d.signed_at for d in drafts} == {"Astana"}
    assert drafts[0].title == "Договор о союзнических отношениях"
    assert [d.fields for d in drafts] == [["Foreign policy"], ["Energy"], ["Tourism"]]


def test_fields_take_the_users_own_field_when_one_fits() -> None:
    user = ["Infrastructure > Railways", "Civil protection"]
    drafts = extract(seed_text(), date(2021, 12, 6), user).drafts
    paths = [path for draft in drafts for path in draft.fields]
    assert "Infrastructure > Railways" in paths
    assert "Civil protection" in paths
    assert "Transport > Roads" in paths  # no user field for roads: the built-in one
    assert "Energy > Electricity" in [topic.path for topic in topics()]


def test_an_empty_article_gives_no_drafts_and_says_so() -> None:
    result = extract("")
    assert result.drafts == []
    assert result.notes == ["The article reports no document signed, initialled or adopted."]


def test_binary_and_non_utf8_input_is_refused_with_what_is_wrong() -> None:
    with pytest.raises(UnreadableArticle, match=r"x\.bin is a binary file"):
        read_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "x.bin")
    with pytest.raises(UnreadableArticle, match="not UTF-8 text"):
        read_article("Тоқаев".encode("cp1251", errors="replace") + b"\xff\xfe", "a.txt")


def test_a_text_far_longer_than_an_article_is_refused() -> None:
    with pytest.raises(UnreadableArticle, match=r"dump\.txt has 1,000,001 characters"):
        read_article(b"x" * 1_000_001, "dump.txt")


def test_a_sentence_without_end_is_read_in_pieces_in_linear_time() -> None:
    text = "Kazakhstan and Uzbekistan signed an agreement on trade, " * 400
    sentences = split_sentences(text)
    assert all(len(s.text) <= SENTENCE_MAX for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    (draft,) = extract(text, date(2021, 12, 6)).drafts  # one document, told 400 times
    assert draft.fields == ["Trade"]


def test_html_keeps_the_text_drops_scripts_and_reads_the_published_date() -> None:
    page = (
        b'<html><head><meta property="article:published_time" content="2023-02-18T10:30">'
        b"<script>var signed = 'signed an agreement';</script></head><body>"
        b"<h1>Talks in Kabul</h1><p>Turkmenistan and Afghanistan signed an agreement\n"
        b"on power transmission lines in Kabul on Saturday.</p></body></html>"
    )
    article = read_article(page)
    assert article.published == "2023-02-18"
    assert "var signed" not in article.text
    (draft,) = extract(article.text, date.fromisoformat(article.published)).drafts
    assert (draft.signed_on, draft.signed_at) == ("2023-02-18", "Kabul")


def test_pdf_text_is_read() -> None:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Armenia and Georgia signed an agreement on road transport.")
    canvas.save()
    article = read_article(buffer.getvalue(), "release.pdf")
    assert article.format == "pdf"
    assert extract(article.text).drafts[0].parties == ["Armenia", "Georgia"]
    with pytest.raises(UnreadableArticle, match=r"broken\.pdf is a PDF whose text cannot be read"):
        read_article(b"%PDF-1.4\nnot really", "broken.pdf")


def test_official_titles_stop_before_the_day_and_take_capitalised_words_before_the_noun() -> None:
    text = (
        "The European Union and Kyrgyzstan signed an Enhanced Partnership and Cooperation "
        "Agreement on Tuesday. Japan and Kazakhstan exchanged notes on a loan for a power "
        "plant yesterday."
    )
    agreement, notes = extract(text, date(2024, 5, 12)).drafts
    assert agreement.title == "Enhanced Partnership and Cooperation Agreement"
    assert agreement.parties == ["European Union", "Kyrgyzstan"]
    assert (notes.kind, notes.signed_on) == ("exchange of notes", "2024-05-11")
    assert notes.title.startswith("Exchange of notes on a loan for a power plant")

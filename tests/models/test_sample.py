"""The sample data: eight agreements from one press release, loaded once however often asked."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models.database import Database
from models.detail import load_details
from models.query import AgreementFilter, agreement_ids, count, field_tree, party_list
from models.sample import SampleResult, load_sample, sample_inputs
from models.schema import Agreement, Field, Party
from models.service import AgreementInput, delete, load_input, validate

DECLARATION = (
    "Declaration on Allied Relations between the Republic of Kazakhstan and the Republic of "
    "Uzbekistan"
)
CITATION = (
    "Anadolu Agency (AA), 'Kazakhstan, Uzbekistan sign alliance declaration', Ankara, undated"
)


def load(database: Database) -> SampleResult:
    with database.sessions.begin() as session:
        return load_sample(session)


def by_title(database: Database) -> dict[str, AgreementInput]:
    with database.sessions.begin() as session:
        ids = agreement_ids(session, AgreementFilter())
        return {data.title: data for data, _ in (load_input(session, i) for i in ids)}


def search(database: Database, text: str) -> set[str]:
    with database.sessions.begin() as session:
        ids = agreement_ids(session, AgreementFilter(text=text))
        return {load_input(session, i)[0].title for i in ids}


@pytest.fixture
def loaded(database: Database) -> Database:
    result = load(database)
    assert (result.added, result.already_present) == (8, 0)
    # What the window shows in place: eight new rows, and the new parties and fields.
    assert len(result.changes.created) == 8 and result.changes.parties and result.changes.fields
    return database


def test_sample_records_the_declaration_and_seven_documents(loaded: Database) -> None:
    agreements = by_title(loaded)
    assert len(agreements) == 8
    kinds = sorted(data.kind for data in agreements.values())
    assert kinds == ["agreement"] * 7 + ["declaration"]
    assert {data.signed_on for data in agreements.values()} == {"2021-12-06"}
    assert {data.status for data in agreements.values()} == {"signed"}
    assert all(data.source_citation == CITATION for data in agreements.values())
    assert all(data.source_url == "" for data in agreements.values())
    assert all(data.summary and data.milestones for data in agreements.values())


def test_declaration_is_interstate_and_signed_by_both_presidents(loaded: Database) -> None:
    declaration = by_title(loaded)[DECLARATION]
    assert (declaration.kind, declaration.level) == ("declaration", "interstate")
    assert declaration.signed_at == "Nur-Sultan"
    assert declaration.fields == ["Foreign policy"]
    kazakhstan, uzbekistan = declaration.parties
    assert kazakhstan.party == "Kazakhstan" and "Қасым-Жомарт Тоқаев" in kazakhstan.signatory_name
    assert uzbekistan.party == "Uzbekistan" and uzbekistan.signatory_name == "Shavkat Mirziyoyev"
    for participation in declaration.parties:
        assert [(a.type, a.deposited_on) for a in participation.actions] == [
            ("signature", "2021-12-06")
        ]
    assert [(m.kind, m.on) for m in declaration.milestones] == [("signed", "2021-12-06")]
    text = declaration.summary + declaration.notes
    assert "Oʻzbekiston" in text and "Қазақстан" in text


def test_the_seven_documents_claim_no_more_than_the_source_says(loaded: Database) -> None:
    documents = [data for title, data in by_title(loaded).items() if title != DECLARATION]
    assert len(documents) == 7
    for data in documents:
        assert data.level == "unknown"
        assert "official title is not given by the source" in data.notes
        assert [p.party for p in data.parties] == ["Kazakhstan", "Uzbekistan"]
        assert all(not p.actions and not p.signatory_name for p in data.parties)
    assert sorted(field for data in documents for field in data.fields) == [
        "Emergency management",
        "Energy > Electricity",
        "Industry",
        "Outer space",
        "Trade and investment",
        "Transport > Rail",
        "Transport > Roads",
    ]


def test_exactly_two_state_parties(loaded: Database) -> None:
    with loaded.sessions.begin() as session:
        parties = [(p.name, p.kind, p.iso3) for p in party_list(session)]
    assert parties == [("Kazakhstan", "state", "KAZ"), ("Uzbekistan", "state", "UZB")]


def test_fields_form_a_small_tree(loaded: Database) -> None:
    with loaded.sessions.begin() as session:
        paths = [node.path for node in field_tree(session)]
    assert paths == [
        "Emergency management",
        "Energy",
        "Energy > Electricity",
        "Foreign policy",
        "Industry",
        "Outer space",
        "Trade and investment",
        "Transport",
        "Transport > Rail",
        "Transport > Roads",
    ]


@pytest.mark.parametrize("spelling", ["ozbekiston", "Oʻzbekiston", "O'zbekiston", "Қазақстан"])
def test_local_spellings_of_the_parties_find_every_agreement(
    loaded: Database, spelling: str
) -> None:
    assert len(search(loaded, spelling)) == 8


def test_search_finds_the_signatory_in_kazakh_and_places_by_name(loaded: Database) -> None:
    assert search(loaded, "токаев") == {DECLARATION}
    assert search(loaded, "Тоқаев") == {DECLARATION}
    assert search(loaded, "turkistan") == {
        "Construction of the Turkistan–Tashkent high-speed rail line (Kazakhstan–Uzbekistan)"
    }
    assert search(loaded, "Uchquduq highway") == {
        "Kyzylorda–Uchquduq highway (Kazakhstan–Uzbekistan)"
    }


def test_loading_twice_doubles_nothing(loaded: Database) -> None:
    assert load(loaded) == SampleResult(added=0, already_present=8)
    with loaded.sessions.begin() as session:
        assert count(session) == 8
        assert session.scalar(select(func.count()).select_from(Party)) == 2
        assert session.scalar(select(func.count()).select_from(Field)) == 10


def test_a_deleted_sample_agreement_comes_back_alone(loaded: Database) -> None:
    with loaded.sessions.begin() as session:
        rail = session.scalar(select(Agreement.id).where(Agreement.title.contains("Turkistan")))
        assert rail is not None
        delete(session, [rail])
    result = load(loaded)
    assert (result.added, result.already_present, len(result.changes.created)) == (1, 7, 1)
    assert len(search(loaded, "turkistan")) == 1


def test_sample_inputs_are_all_valid() -> None:
    inputs = sample_inputs()
    assert len(inputs) == 8
    assert all(validate(data) == {} for data in inputs)


def test_every_sample_agreement_counts_both_states_as_signatories(loaded: Database) -> None:
    with loaded.sessions.begin() as session:
        details = list(load_details(session, agreement_ids(session, AgreementFilter())))
    assert [d.counts.sentence() for d in details] == ["Signatories: 2. Parties: 0."] * 8
    for detail in details:
        (signing,) = [event for event in detail.timeline() if event.what.startswith("Signed")]
        assert signing.what.startswith("Signed at Nur-Sultan by Kazakhstan and Uzbekistan")
        assert len(detail.timeline()) == 1


def sentences(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ".").split(". ") if part.strip()]


def test_each_president_says_only_what_the_source_has_him_say(loaded: Database) -> None:
    summary = by_title(loaded)[DECLARATION].summary
    assert "Both" not in summary
    (impetus,) = [s for s in sentences(summary) if "impetus" in s]
    assert "Tokayev" in summary.split("impetus")[0] and "Mirziyoyev" not in impetus
    (fraternal,) = [s for s in sentences(summary) if "special and fraternal" in s]
    assert fraternal.startswith("Mirziyoyev said")


def test_what_the_source_does_not_say_is_not_stated_as_fact(loaded: Database) -> None:
    agreements = by_title(loaded)
    declaration = agreements[DECLARATION]
    for data in agreements.values():
        text = " ".join([data.summary, data.notes, *(m.description for m in data.milestones)])
        assert "Akorda" not in (data.signed_at + " ".join(m.description for m in data.milestones))
        assert "after a private meeting" not in text  # the order of the day is not given
        assert "Seven cooperation documents were signed" not in text  # nor their number
        assert "2021-12-06" not in data.source_citation  # the article is undated
    assert "undated" in declaration.notes and "undated" in CITATION
    assert "From other sources, not this one: the full title" in declaration.notes
    assert "Akorda Presidential Palace, but not the signing" in declaration.notes
    for title, data in agreements.items():
        if title != DECLARATION:
            assert "'including' these, and does not say how many there were" in data.notes

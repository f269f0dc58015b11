"""Party resolution: one party per state whatever the spelling; anything else an organization."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models.database import Database
from models.organisations import organisations
from models.parties import (
    doubtful_parties,
    find_country,
    find_identity,
    find_party,
    identity_of,
    misspelt,
    resolve_party,
    suggest_parties,
)
from models.schema import Party
from models.service import validate
from models.vocab import PartyKind
from tests.builders import agreement, save


def party_count(database: Database) -> int:
    with database.sessions.begin() as session:
        return session.scalar(select(func.count()).select_from(Party)) or 0


def resolve(database: Database, name: str) -> tuple[int, str, PartyKind, str | None]:
    with database.sessions.begin() as session:
        party = resolve_party(session, name)
        session.flush()
        return party.id, party.name, party.kind, party.iso3


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Russia", "RUS"),
        ("RUS", "RUS"),
        ("RU", "RUS"),
        ("Russian Federation", "RUS"),
        ("russian  federation", "RUS"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("turkiye", "TUR"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("South Korea", "KOR"),
        ("Oʻzbekiston", "UZB"),
        ("O'zbekiston", "UZB"),
        ("Қазақстан", "KAZ"),
        ("Côte d'Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("USSR", "SUN"),
    ],
)
def test_find_country_knows_usual_spellings(name: str, iso3: str) -> None:
    country = find_country(name)
    assert country is not None
    assert country.iso3 == iso3


def test_find_country_does_not_guess() -> None:
    assert find_country("United Nations") is None
    assert find_country("Ruritania") is None


def test_spellings_of_russia_resolve_to_one_party_in_one_session(database: Database) -> None:
    with database.sessions.begin() as session:
        found = {
            resolve_party(session, name) for name in ("Russia", "RUS", "RU", "Russian Federation")
        }
    assert len(found) == 1
    assert party_count(database) == 1


def test_spellings_resolve_to_one_party_with_autoflush_off(database: Database) -> None:
    """The service resolves parties with autoflush off; a pending party must still be found."""
    with database.sessions.begin() as session, session.no_autoflush:
        first = resolve_party(session, "Turkey")
        assert resolve_party(session, "Türkiye") is first
        assert resolve_party(session, "TUR") is first
        org = resolve_party(session, "Shanghai Cooperation Organisation")
        assert resolve_party(session, "shanghai cooperation organisation") is org
    assert party_count(database) == 2


def test_spellings_resolve_to_one_party_across_sessions(database: Database) -> None:
    ids = {resolve(database, name)[0] for name in ("Turkey", "Türkiye", "TR", "turkiye", "TUR")}
    assert len(ids) == 1
    assert party_count(database) == 1
    _, name, kind, iso3 = resolve(database, "Turkey")
    assert (name, kind, iso3) == ("Türkiye", PartyKind.STATE, "TUR")


@pytest.mark.parametrize(
    ("name", "shown", "iso3"),
    [
        ("Iran", "Iran", "IRN"),
        ("Syria", "Syria", "SYR"),
        ("South Korea", "South Korea", "KOR"),
        ("Russia", "Russian Federation", "RUS"),
    ],
)
def test_usual_names_become_states(database: Database, name: str, shown: str, iso3: str) -> None:
    _, stored, kind, code = resolve(database, name)
    assert (stored, kind, code) == (shown, PartyKind.STATE, iso3)


def test_unknown_names_become_organizations(database: Database) -> None:
    _, name, kind, iso3 = resolve(database, "  International   Turkic Academy ")
    assert (name, kind, iso3) == ("International Turkic Academy", PartyKind.ORGANIZATION, None)
    with database.sessions.begin() as session:
        ministry = resolve_party(session, "Ministry of Energy", PartyKind.GOVERNMENT_BODY)
        assert ministry.kind is PartyKind.GOVERNMENT_BODY


def test_a_state_is_never_made_an_organization(database: Database) -> None:
    with database.sessions.begin() as session:
        party = resolve_party(session, "Kazakhstan", PartyKind.ORGANIZATION)
        assert (party.kind, party.iso3) == (PartyKind.STATE, "KAZ")


def test_a_new_spelling_is_remembered_as_an_alias(database: Database) -> None:
    first, *_ = resolve(database, "International Turkic Academy")
    with database.sessions.begin() as session:
        party = find_party(session, "international turkic academy")
        assert party is not None and party.id == first
        assert find_party(session, "Unknown Body") is None
        assert find_party(session, "   ") is None


def test_historic_states_sharing_a_code_stay_two_parties(database: Database) -> None:
    """Czechoslovakia and Serbia and Montenegro both once used 'CS'; one treaty may list both."""
    save(database, agreement("Trade agreement", ("Czechoslovakia", "Serbia and Montenegro")))
    with database.sessions.begin() as session:
        codes = set(session.scalars(select(Party.iso3)))
    assert codes == {"CSK", "SCG"}


def test_a_historic_code_and_todays_name_of_its_land_are_two_parties(
    database: Database,
) -> None:
    """TMP is the historic 'East Timor'; the name 'East Timor' today means Timor-Leste.

    Validation counts them as two parties, so saving them must not make them one (it
    failed with an IntegrityError on the participations).
    """
    data = agreement("Maritime boundary treaty", ("TMP", "East Timor", "Australia"))
    assert not validate(data)
    save(database, data)
    with database.sessions.begin() as session:
        codes = set(session.scalars(select(Party.iso3)))
    assert codes == {"TMP", "TLS", "AUS"}


def test_parties_listed_in_many_agreements_stay_one(database: Database) -> None:
    save(database, agreement("First", ("Russia", "Türkiye")))
    save(database, agreement("Second", ("RUS", "Turkey")))
    save(database, agreement("Third", ("Russian Federation", "turkiye", "United Nations")))
    save(database, agreement("Fourth", ("united nations", "TR")))
    assert party_count(database) == 3


def test_an_empty_name_is_refused(database: Database) -> None:
    with database.sessions.begin() as session, pytest.raises(ValueError, match="needs a name"):
        resolve_party(session, "   ")


def test_suggest_parties_offers_close_names(database: Database) -> None:
    resolve(database, "Eurasian Economic Union")
    with database.sessions.begin() as session:
        assert "Kazakhstan" in suggest_parties(session, "Kazakstan")
        assert "Russian Federation" in suggest_parties(session, "Rusian Federation")
        assert "Uzbekistan" in suggest_parties(session, "Uzbekstan")
        assert suggest_parties(session, "Eurasian Economic Unoin")[0] == "Eurasian Economic Union"
        assert len(suggest_parties(session, "Kazakstan", limit=2)) <= 2
        assert suggest_parties(session, "qqqqqqqq") == []


# ----------------------------------------------------------------- other languages


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Германия", "DEU"),  # Russian
        ("Almanya", "DEU"),  # Turkish
        ("Özbekistan", "UZB"),  # Turkish
        ("Өзбекстан", "UZB"),  # Kazakh
        ("Olmoniya", "DEU"),  # Uzbek
        ("Ouzbékistan", "UZB"),  # French
        ("Allemagne", "DEU"),
        ("Восточный Тимор", "TLS"),  # a current state before the historic one (TMP)
        ("TMP", "TMP"),
        ("СССР", "SUN"),
    ],
)
def test_names_in_other_languages_resolve_to_the_state(name: str, iso3: str) -> None:
    country = find_country(name)
    assert country is not None and country.iso3 == iso3


def test_a_name_in_another_language_is_the_recorded_state(database: Database) -> None:
    first = resolve(database, "Germany")[0]
    assert resolve(database, "Almanya") == (first, "Germany", PartyKind.STATE, "DEU")
    assert resolve(database, "Германия")[0] == first
    assert party_count(database) == 1


def test_a_name_in_another_language_is_listed_twice_with_its_english_name() -> None:
    errors = validate(agreement("Treaty", ("Германия", "Germany")))
    assert errors == {"parties.1.party": "'Germany' is listed twice (also party 1)"}


# ----------------------------------------------------------------- organisations


@pytest.mark.parametrize(
    "name", ["EU", "European Union", "Union européenne", "Европейский союз", "ЕС", "org:EU"]
)
def test_spellings_of_an_organisation_are_one_identity(name: str) -> None:
    identity = find_identity(name)
    assert identity is not None
    assert (identity.code, identity.name, identity.kind) == (
        "org:EU",
        "European Union",
        PartyKind.ORGANIZATION,
    )


def test_an_organisation_is_one_party_whatever_its_spelling(database: Database) -> None:
    ids = {
        resolve(database, name)[0]
        for name in ("NATO", "OTAN", "НАТО", "North Atlantic Treaty Organisation")
    }
    assert len(ids) == 1
    with database.sessions.begin() as session:
        party = find_party(session, "nato")
        assert party is not None
        assert (party.name, party.kind, party.org_code) == (
            "North Atlantic Treaty Organization",
            PartyKind.ORGANIZATION,
            "NATO",
        )


def test_two_letter_iso_codes_give_way_to_an_organisation() -> None:
    """In treaty work 'AU' is the African Union; Australia is AUS (and UA stays Ukraine)."""
    assert find_identity("AU").code == "org:AU"  # type: ignore[union-attr]
    assert find_identity("AUS").code == "AUS"  # type: ignore[union-attr]
    assert find_identity("UA").code == "UKR"  # type: ignore[union-attr]


def test_every_curated_organisation_is_found_by_each_of_its_spellings() -> None:
    for organisation in organisations().values():
        for spelling in organisation.spellings:
            found = find_identity(spelling)
            assert found is not None, spelling
            if len(spelling) > 2:  # a two-letter spelling could be an ISO code
                assert found.code == organisation.exchange_code, spelling


def test_codes_name_states_and_organisations() -> None:
    assert identity_of("TMP").name == "East Timor"  # type: ignore[union-attr]
    assert identity_of("org:osce").name == (  # type: ignore[union-attr]
        "Organization for Security and Co-operation in Europe"
    )
    assert identity_of("org:XYZ") is None
    assert identity_of("XYZ") is None


# ----------------------------------------------------------------- misspellings


def test_a_name_close_to_a_state_or_organisation_is_doubtful(database: Database) -> None:
    assert misspelt("Uzbekistn") == "Uzbekistan"
    assert misspelt("Eurasian Econmic Union") == "Eurasian Economic Union"
    assert misspelt("Uzbekistan") is None  # the real thing
    assert misspelt("Ministry of Energy") is None
    assert misspelt("International Turkic Academy") is None
    assert misspelt("African Development Fund") is None  # not the African Development Bank
    assert misspelt("Rusia") == "Russian Federation"
    with database.sessions.begin() as session:
        assert doubtful_parties(session, ["Uzbekistn", "Kazakhstan", "Turkic Academy"]) == {
            "Uzbekistn": "Uzbekistan"
        }
    resolve(database, "Uzbekistn")  # confirmed once, it is a recorded party
    with database.sessions.begin() as session:
        assert doubtful_parties(session, ["Uzbekistn"]) == {}

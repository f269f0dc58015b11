"""Renaming, merging and deleting parties and fields: what the filter panel's menu does."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from models import catalog, service
from models.database import Database
from models.exchange import ImportFailed, import_file
from models.fields import find_field, resolve_field
from models.parties import find_party
from models.query import AgreementFilter, agreement_ids, field_tree
from models.schema import Field
from models.service import AgreementInput, ParticipationInput


def _record(database: Database, title: str, *parties: str, fields: tuple[str, ...] = ()) -> int:
    with database.sessions.begin() as session:
        return service.create(
            session,
            AgreementInput(
                title=title, parties=[ParticipationInput(p) for p in parties], fields=list(fields)
            ),
        ).id


def test_rename_field_moves_only_its_own_subfields(database: Database) -> None:
    _record(database, "Lab deal", "France", fields=("R_D > Labs", "RxD > Labs"))
    with database.sessions.begin() as session:
        catalog.rename_field(session, find_field(session, "R_D").id, "Research")
    with database.sessions() as session:
        paths = sorted(node.path for node in field_tree(session))
    assert paths == ["Research", "Research > Labs", "RxD", "RxD > Labs"]


def test_rename_party_keeps_the_old_name_as_a_spelling(database: Database) -> None:
    _record(database, "Charter", "OTS")
    with database.sessions.begin() as session:
        catalog.rename_party(
            session, find_party(session, "OTS").id, "Organization of Turkic States"
        )
    with database.sessions() as session:
        party = find_party(session, "OTS")
        assert party is not None and party.name == "Organization of Turkic States"
        assert agreement_ids(session, AgreementFilter(text="turkic"))


def test_merge_two_spellings_of_one_organisation(database: Database) -> None:
    first = _record(database, "Statute", "Turkic Academy")
    second = _record(database, "Charter", "International Turkic Academy")
    with database.sessions.begin() as session:
        source = find_party(session, "Turkic Academy").id
        target = find_party(session, "International Turkic Academy").id
        catalog.merge_parties(session, source, target)
    with database.sessions() as session:
        assert sorted(agreement_ids(session, AgreementFilter(parties=(target,)))) == [first, second]
        assert find_party(session, "Turkic Academy").id == target


def test_a_known_organisation_keeps_its_identity_through_a_merge(database: Database) -> None:
    """Merged into a spelling typed by hand, the EU is still found as 'EU' and 'ЕС'."""
    first = _record(database, "Partnership", "EU")
    second = _record(database, "Roadmap", "Yevropeyskiy Soyuz (typed by hand)")
    with database.sessions.begin() as session:
        source = find_party(session, "EU").id
        target = find_party(session, "Yevropeyskiy Soyuz (typed by hand)").id
        catalog.merge_parties(session, source, target)
    with database.sessions() as session:
        for spelling in ("EU", "ЕС", "Union européenne", "Yevropeyskiy Soyuz (typed by hand)"):
            party = find_party(session, spelling)
            assert party is not None and party.id == target, spelling
        assert party.org_code == "EU" and party.name == "European Union"
        assert sorted(agreement_ids(session, AgreementFilter(parties=(target,)))) == [first, second]


def test_two_organisations_or_a_state_and_an_organisation_are_never_merged(
    database: Database,
) -> None:
    _record(database, "Partnership", "EU", "NATO", "Türkiye")
    with database.sessions.begin() as session:
        eu, nato = find_party(session, "EU").id, find_party(session, "NATO").id
        turkey = find_party(session, "Türkiye").id
        with pytest.raises(catalog.CatalogError, match="two different organisations"):
            catalog.merge_parties(session, eu, nato)
        with pytest.raises(catalog.CatalogError, match="a state and an organisation"):
            catalog.merge_parties(session, turkey, eu)
        with pytest.raises(catalog.CatalogError, match="a state and an organisation"):
            catalog.merge_parties(session, eu, turkey)


def test_two_states_are_never_merged_and_used_parties_are_not_deleted(database: Database) -> None:
    _record(database, "Treaty", "France", "Spain")
    with database.sessions.begin() as session:
        france, spain = find_party(session, "FRA").id, find_party(session, "ESP").id
        with pytest.raises(catalog.CatalogError, match="two different states"):
            catalog.merge_parties(session, france, spain)
        with pytest.raises(catalog.CatalogError, match="takes part in 1 agreement"):
            catalog.delete_party(session, france)


def test_delete_field_only_when_unused(database: Database) -> None:
    _record(database, "Treaty", "France", fields=("Energy",))
    with database.sessions.begin() as session:
        resolve_field(session, "Unused")
    with database.sessions.begin() as session:
        with pytest.raises(catalog.CatalogError, match="field of 1 agreement"):
            catalog.delete_field(session, find_field(session, "Energy").id)
        catalog.delete_field(session, find_field(session, "Unused").id)
    with database.sessions() as session:
        assert session.scalars(select(Field.name)).all() == ["Energy"]


def test_an_extra_cell_from_an_unquoted_separator_is_refused(
    database: Database, tmp_path: Path
) -> None:
    source = tmp_path / "shifted.csv"
    source.write_text(
        "title;kind;status;signed_on;parties;fields;summary\n"
        "İstanbul Protokolü;protocol;signed;2020;Türkiye; Қазақстан;Energy;\n",
        encoding="utf-8",
    )
    with database.sessions.begin() as session, pytest.raises(ImportFailed) as failure:
        import_file(session, source)
    assert "line 2" in str(failure.value.problems[0])
    assert "8 cells, but the header names 7 columns" in str(failure.value.problems[0])

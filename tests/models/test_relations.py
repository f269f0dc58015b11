"""The relation picker's search: words of the title, any script, a few rows, never itself."""

from __future__ import annotations

from models.database import Database
from models.relations import find_agreements, incoming_relations
from models.service import RelationInput
from models.vocab import RelationType
from tests.builders import agreement, save


def titles(database: Database, text: str, **options: object) -> list[str]:
    with database.sessions.begin() as session:
        return [choice.title for choice in find_agreements(session, text, **options)]  # type: ignore[arg-type]


def test_words_of_the_title_find_it_in_any_order_script_and_accent(database: Database) -> None:
    save(database, agreement("Treaty on Oʻzbekiston–Türkiye transit", signed_on="2021-12-06"))
    save(database, agreement("Протокол Тоқаев визиті", summary="Oʻzbekiston transit"))
    save(database, agreement("Agreement on the Aral Sea"))
    assert titles(database, "turkiye ozbek") == ["Treaty on Oʻzbekiston–Türkiye transit"]
    assert titles(database, "токаев") == ["Протокол Тоқаев визиті"]
    # The title decides: words found only in a summary (or party names) do not match.
    assert titles(database, "transit") == ["Treaty on Oʻzbekiston–Türkiye transit"]
    assert titles(database, "kazakhstan") == []
    assert titles(database, "   ") == []


def test_the_picker_reads_a_few_rows_by_title_and_leaves_out_the_agreement_edited(
    database: Database,
) -> None:
    ids = [save(database, agreement(f"Protocol {number:02d} on rail")) for number in range(30)]
    found = titles(database, "protocol rail", exclude=ids[0])
    assert found == [f"Protocol {number:02d} on rail" for number in range(1, 21)]
    assert titles(database, "rail", limit=3) == [
        "Protocol 00 on rail",
        "Protocol 01 on rail",
        "Protocol 02 on rail",
    ]


def test_the_other_side_of_a_relation_is_found_from_the_agreement_it_points_at(
    database: Database,
) -> None:
    treaty = save(database, agreement("Treaty on the Aral Sea"))
    protocol = save(
        database, agreement("Protocol", relations=[RelationInput("protocol to", treaty)])
    )
    with database.sessions.begin() as session:
        [(kind, choice)] = incoming_relations(session, treaty)
        assert incoming_relations(session, protocol) == []
    assert (kind, choice.id, choice.label) == (
        RelationType.PROTOCOL_TO,
        protocol,
        "Protocol (date not recorded)",
    )
    assert kind.inverse_label == "Has protocol"
    assert RelationType.SUPERSEDES.inverse == "replaced by"

"""Probable duplicates: same date, same parties, titles near in wording."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from models.database import Database
from models.duplicates import (
    DuplicateQuery,
    find_duplicates,
    party_words,
    probable_duplicates,
    titles_alike,
)
from models.sample import load_sample
from tests.builders import agreement, save

SAMPLE = Path(__file__).parents[2] / "models" / "data" / "sample_agreements.json"
KZ_UZ = ("Kazakhstan", "Oʻzbekiston")


def test_word_order_and_a_small_word_make_no_difference() -> None:
    assert titles_alike("Agreement on cooperation in energy", "Agreement on energy cooperation")
    assert titles_alike("Agreement on Energy Co-operation", "agreement on energy cooperation")
    assert titles_alike("Agreement on energy cooperaton", "Agreement on energy cooperation")


def test_other_subjects_and_other_numbers_are_not_alike() -> None:
    assert not titles_alike("Agreement on cooperation in energy", "Agreement on transport")
    assert not titles_alike("Protocol No. 1 on energy", "Protocol No. 2 on energy")
    common = "Agreement between the Government of Kazakhstan and the Government of Türkiye on "
    ignore = party_words(["Kazakhstan", "Türkiye"])
    assert not titles_alike(common + "energy", common + "transport", ignore)


def test_the_seven_sample_documents_are_not_duplicates_of_each_other() -> None:
    titles = [entry["title"] for entry in json.loads(SAMPLE.read_text())["agreements"]]
    ignore = party_words([*KZ_UZ, "Uzbekistan"])
    for first, second in itertools.combinations(titles, 2):
        assert not titles_alike(first, second, ignore), (first, second)


def test_a_recorded_agreement_on_the_date_with_the_parties_is_found(database: Database) -> None:
    energy = save(
        database, agreement("Agreement on energy cooperation", KZ_UZ, signed_on="2021-12-06")
    )
    save(database, agreement("Agreement on energy cooperation", KZ_UZ, signed_on="2021-12-07"))
    save(database, agreement("Agreement on energy cooperation", ("Kazakhstan",)))
    with database.sessions.begin() as session:
        found = probable_duplicates(
            session, "Agreement on cooperation in energy", "2021-12-06", ["UZB", "Қазақстан"]
        )
        assert [(d.agreement_id, d.title) for d in found] == [
            (energy, "Agreement on energy cooperation")
        ]
        assert "6 December 2021" in found[0].describe()
        # Another party set, another date, the agreement itself, an unrecorded party: none.
        assert not probable_duplicates(
            session, "Agreement on cooperation in energy", "2021-12-06", ["Kazakhstan"]
        )
        assert not probable_duplicates(
            session, "Agreement on cooperation in energy", "2021-12", KZ_UZ
        )
        assert not probable_duplicates(
            session, "Agreement on energy cooperation", "2021-12-06", KZ_UZ, exclude_id=energy
        )
        assert not probable_duplicates(
            session, "Agreement on energy cooperation", "2021-12-06", [*KZ_UZ, "Türkiye"]
        )


def test_agreements_without_a_date_match_only_each_other(database: Database) -> None:
    undated = save(database, agreement("Memorandum on Oʻzbekiston rail links", KZ_UZ))
    with database.sessions.begin() as session:
        assert [
            d.agreement_id
            for d in probable_duplicates(session, "Memorandum on rail links", "", KZ_UZ)
        ] == [undated]
        assert not probable_duplicates(session, "Memorandum on rail links", "2021", KZ_UZ)


def test_the_sample_documents_are_not_flagged_against_each_other(database: Database) -> None:
    with database.sessions.begin() as session:
        load_sample(session)
    rows = [
        DuplicateQuery(entry["title"], "2021-12-06", KZ_UZ)
        for entry in json.loads(SAMPLE.read_text())["agreements"]
    ]
    reworded = DuplicateQuery(
        "Cooperation in the field of electricity between Kazakhstan and Uzbekistan",
        "2021-12-06",
        ("KAZ", "UZB"),
    )
    with database.sessions.begin() as session:
        found = find_duplicates(session, [*rows, reworded])
    # Each sample row finds itself (it is recorded), and only itself; the rewording finds one.
    assert [match is not None for match in found] == [True] * (len(rows) + 1)
    assert len({match.agreement_id for match in found[:-1] if match}) == len(rows)
    assert found[-1] is not None
    assert "electricity" in found[-1].title

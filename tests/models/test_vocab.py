"""Vocabularies: values as the command line and files take them, with 'did you mean' help."""

from __future__ import annotations

import pytest

from models.vocab import (
    ActionType,
    Kind,
    Level,
    MilestoneKind,
    PartyKind,
    PartyStatus,
    RelationType,
    Role,
    Status,
    Vocabulary,
)

ALL = (Kind, Level, Status, PartyKind, Role, ActionType, RelationType, MilestoneKind, PartyStatus)


def test_status_values_are_the_documented_ones() -> None:
    assert Status.values() == [
        "draft",
        "under negotiation",
        "adopted",
        "signed",
        "ratified",
        "provisionally applied",
        "in force",
        "suspended",
        "terminated",
        "expired",
    ]
    assert Level.values() == ["interstate", "intergovernmental", "interdepartmental", "unknown"]


@pytest.mark.parametrize("vocabulary", ALL)
def test_every_value_parses_to_itself(vocabulary: type[Vocabulary]) -> None:
    for member in vocabulary:
        assert vocabulary.parse(member.value) is member
        assert member.value == member.value.lower()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("In Force", Status.IN_FORCE),
        ("in_force", Status.IN_FORCE),
        ("  in   force ", Status.IN_FORCE),
        ("IN-FORCE", Status.IN_FORCE),
        ("Memorandum of Understanding", Kind.MEMORANDUM),
    ],
)
def test_parse_forgives_case_and_spacing(typed: str, expected: Vocabulary) -> None:
    assert type(expected).parse(typed) is expected


@pytest.mark.parametrize(
    ("vocabulary", "typed", "message"),
    [
        (Status, "ratifed", "'ratifed' is not a status (did you mean 'ratified'?)"),
        (Kind, "tready", "'tready' is not a kind (did you mean 'treaty'?)"),
        (ActionType, "acession", "'acession' is not an action (did you mean 'accession'?)"),
        (Role, "observr", "'observr' is not a role (did you mean 'observer'?)"),
        (Level, "xyz", "'xyz' is not a level"),
    ],
)
def test_unknown_values_are_named_with_a_close_suggestion(
    vocabulary: type[Vocabulary], typed: str, message: str
) -> None:
    with pytest.raises(ValueError) as refused:
        vocabulary.parse(typed)
    assert str(refused.value) == message


def test_labels_are_capitalised_values() -> None:
    assert Status.IN_FORCE.label == "In force"
    assert Kind.MEMORANDUM.label == "Memorandum of understanding"

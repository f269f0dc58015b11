"""The sample data: the Kazakhstan–Uzbekistan alliance declaration of 2021 and its companions.

Eight agreements recorded from one press release, so a new user has something real to
filter, search and report on. Loading is idempotent: an agreement already recorded with
the same title and signing date is left alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.changes import NOTHING, Changes
from models.dates import PartialDate
from models.messages import STEP_SAMPLE
from models.schema import Agreement
from models.service import (
    ActionInput,
    AgreementInput,
    MilestoneInput,
    ParticipationInput,
    create,
)

SAMPLE_FILE = "sample_agreements.json"


@dataclass(frozen=True)
class SampleResult:
    """What load_sample did: agreements added, and those skipped as already recorded."""

    added: int
    already_present: int
    changes: Changes = NOTHING  # what the window shows in place


def sample_inputs() -> list[AgreementInput]:
    """The sample agreements as inputs, read from the package data."""
    text = resources.files("models").joinpath("data", SAMPLE_FILE).read_text(encoding="utf-8")
    return [agreement_input(item) for item in json.loads(text)["agreements"]]


def agreement_input(item: dict[str, Any]) -> AgreementInput:
    """One JSON object (AgreementInput's field names, nested lists of objects) as an input."""
    parties = [
        ParticipationInput(
            **{key: value for key, value in party.items() if key != "actions"},
            actions=[ActionInput(**action) for action in party.get("actions", [])],
        )
        for party in item.get("parties", [])
    ]
    milestones = [MilestoneInput(**milestone) for milestone in item.get("milestones", [])]
    plain = {key: value for key, value in item.items() if key not in ("parties", "milestones")}
    return AgreementInput(**plain, parties=parties, milestones=milestones)


def load_sample(session: Session) -> SampleResult:
    """Record the sample agreements that are not there yet; the caller commits."""
    from models import history  # it imports the service, as this module does

    added = present = 0
    changes = NOTHING
    with history.step(session, STEP_SAMPLE):  # one undo step
        for data in sample_inputs():
            if is_recorded(session, data):
                present += 1
            else:
                changes |= create(session, data).changes
                added += 1
    return SampleResult(added=added, already_present=present, changes=changes)


def is_recorded(session: Session, data: AgreementInput) -> bool:
    """True when an agreement with this title and signing date exists."""
    title = " ".join(data.title.split())
    signed_on = PartialDate.parse_optional(data.signed_on)
    condition = (
        Agreement.signed_on.is_(None) if signed_on is None else Agreement.signed_on == signed_on
    )
    found = session.scalar(select(Agreement.id).where(Agreement.title == title, condition).limit(1))
    return found is not None

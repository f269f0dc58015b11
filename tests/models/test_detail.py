"""Details loaded a batch at a time: the same as one at a time, in order, None when gone."""

from __future__ import annotations

import dataclasses

from models import service
from models.database import Database
from models.detail import load_detail, load_details
from models.query import AgreementFilter, agreement_ids
from models.sample import load_sample
from models.service import AgreementInput, ParticipationInput, RelationInput


def test_batches_give_the_same_details_as_one_at_a_time(database: Database) -> None:
    with database.sessions.begin() as session:
        load_sample(session)
        ids = agreement_ids(session, AgreementFilter())
        ids.append(
            service.create(
                session,
                AgreementInput(
                    title="Protocol to the declaration",
                    parties=[ParticipationInput("Kazakhstan"), ParticipationInput("Uzbekistan")],
                    relations=[RelationInput("protocol to", ids[0])],
                ),
            )
        )
    with database.sessions.begin() as session:
        single = [load_detail(session, agreement_id) for agreement_id in ids]
        batched = list(load_details(session, [*ids, 9999], batch=3))
    # The history comes with one agreement's details (the pane), not in batches (reports).
    assert batched == [*(dataclasses.replace(detail, history=()) for detail in single), None]
    assert [entry.action for entry in single[-1].history] == ["create"]
    assert single[-1].history[0].changed_by == single[-1].created_by == "tester"
    assert single[0].relations[0].outgoing is False  # the declaration knows its protocol
    assert single[-1].relations[0].other_id == ids[0]
    assert [detail.id for detail in single] == ids

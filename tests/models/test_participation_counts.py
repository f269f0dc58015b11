"""Counts for listings, a batch of rows at a time: the same as the detail pane's."""

from __future__ import annotations

import dataclasses

from sqlalchemy import event

from models.database import Database
from models.participation_counts import with_counts
from models.query import fetch_rows
from models.status import ParticipationCounts
from tests.models.test_detail import BILATERAL, MULTILATERAL, TODAY, recorded


def test_listing_counts_agree_with_the_details(database: Database) -> None:
    undated = dataclasses.replace(BILATERAL, title="Undated", signed_on="", milestones=[])
    in_force = dataclasses.replace(
        MULTILATERAL, title="In force by status", entry_into_force="", status="in force"
    )
    not_yet = dataclasses.replace(MULTILATERAL, title="Not yet in force", entry_into_force="2099")
    details = recorded(database, BILATERAL, MULTILATERAL, undated, in_force, not_yet)
    with database.sessions.begin() as session:
        rows = fetch_rows(session, [detail.id for detail in details])
        counted = {row.id: row.counts for row in with_counts(session, rows, today=TODAY)}
    assert counted == {detail.id: detail.counts for detail in details}
    assert counted[details[-1].id] == ParticipationCounts(4, 0, 1, 1)


def test_a_batch_of_rows_is_counted_with_a_fixed_number_of_queries(database: Database) -> None:
    details = recorded(
        database,
        *(dataclasses.replace(MULTILATERAL, title=f"Convention {n}") for n in range(30)),
    )
    statements: list[str] = []
    with database.sessions.begin() as session:
        rows = fetch_rows(session, [detail.id for detail in details])

        def note(*args: object) -> None:
            statements.append(str(args[2]))

        event.listen(session.connection(), "before_cursor_execute", note)
        counted = list(with_counts(session, rows, today=TODAY))
        event.remove(session.connection(), "before_cursor_execute", note)
    assert [row.counts for row in counted] == [detail.counts for detail in details]
    assert len(statements) == 2  # the tallies, and the acts of the parties that left

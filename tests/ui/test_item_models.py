"""Every item model of the window keeps Qt's rules (QAbstractItemModelTester), as it changes.

Views, proxies and completers rely on those rules (an index's parent, row counts that match
the rows inserted, data of the right type); a broken one shows as a blank or crashing view.
Both testers watch each model: pytest-qt's Python port, which fails at the first broken
rule, and Qt's own, whose findings arrive as warnings ("FAIL! …").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt

from models import service, trash
from models.database import Database
from models.query import AgreementFilter, agreement_ids
from models.sample import load_sample
from models.service import ActionInput, ParticipationInput
from models.vocab import ActionType, Role
from tests.backends import BACKENDS
from tests.builders import agreement
from ui.agreement_table_model import LOADING, AgreementTableModel
from ui.record_table import Column, RecordModel


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The table reads its pages on a connection of its own: on both back ends."""
    return str(request.param)


def watch(qtmodeltester, model: QAbstractItemModel) -> None:  # type: ignore[no-untyped-def]
    """Put both testers on *model*: each checks it now and after every change it signals."""
    qtmodeltester.check(model)  # Qt's tester (reports by warning)
    qtmodeltester.check(model, force_py=True)  # pytest-qt's port (fails by assertion)


def qt_tester_findings(qtlog) -> list[str]:  # type: ignore[no-untyped-def]
    return [record.message for record in qtlog.records if "FAIL!" in record.message]


# ------------------------------------------------------------------ the agreement table


@pytest.fixture
def recorded(database: Database) -> list[int]:
    """The sample agreements and three more, named as the users write them."""
    with database.sessions.begin() as session:
        load_sample(session)
        for title, parties in (
            ("Memorandum signed by Тоқаев in Astana", ("Kazakhstan",)),
            ("Oʻzbekiston–Türkiye agreement on rail transit", ("Uzbekistan", "Türkiye")),
            ("Протокол о сотрудничестве", ("Kazakhstan", "Uzbekistan")),
        ):
            service.create(session, agreement(title, parties))
    with database.sessions() as session:
        return agreement_ids(session, AgreementFilter())


@pytest.fixture
def table(database: Database, qapp) -> Iterator[AgreementTableModel]:  # type: ignore[no-untyped-def]
    model = AgreementTableModel(database.sessions)
    model.PAGE_SIZE = 4  # a few pages of a dozen agreements: reads, stale pages, page edges
    yield model
    model.shutdown()


def test_the_agreement_table_keeps_the_rules_as_pages_arrive_and_rows_change(
    table: AgreementTableModel, recorded: list[int], database: Database, qtmodeltester, qtbot, qtlog
) -> None:
    watch(qtmodeltester, table)
    table.set_ids(recorded)
    rows = table.rowCount()
    assert rows == len(recorded) > 2 * table.PAGE_SIZE
    qtbot.waitUntil(  # asking for a cell reads its page; "…" until it arrives
        lambda: all(table.data(table.index(row, 0)) != LOADING for row in range(rows))
    )
    titles = [table.data(table.index(row, 0)) for row in range(rows)]
    assert "Memorandum signed by Тоқаев in Astana" in titles

    edited = recorded[-1]
    with database.sessions.begin() as session:
        data, version = service.load_input(session, edited)
        service.update(
            session, edited, dataclasses.replace(data, title="Türkiye–Oʻzbekiston"), version
        )
    table.refresh_rows([edited])  # the page is read again, its rows repainted
    qtbot.waitUntil(lambda: table.data(table.index(rows - 1, 0)) == "Türkiye–Oʻzbekiston")

    with database.sessions.begin() as session:
        trash.delete(session, [edited])  # gone since its id was listed
    table.refresh_rows([edited])
    qtbot.waitUntil(lambda: table.data(table.index(rows - 1, 0)) == "(deleted)")
    assert table.data(table.index(rows - 1, 1)) is None

    table.sort(0, Qt.SortOrder.DescendingOrder)  # asks the query layer; the rows stay
    table.set_ids(list(reversed(recorded)))
    qtbot.waitUntil(lambda: not table.reading())
    table.set_ids([])
    assert table.rowCount() == 0 and not table.index(0, 0).isValid()
    assert qt_tester_findings(qtlog) == []


# ------------------------------------------------------------------ the record tables

PARTY_COLUMNS = [
    Column("party", "Party", completes=True),
    Column("role", "Role", vocabulary=Role),
    Column("signatory_name", "Signatory"),
    Column("party", "Recorded as", derive=lambda record: record.party.upper()),
]


def test_a_record_table_keeps_the_rules_as_rows_are_added_moved_edited_removed(
    qtmodeltester, qtlog, qapp
) -> None:  # type: ignore[no-untyped-def]
    records = [
        ParticipationInput("Kazakhstan", signatory_name="Тоқаев"),
        ParticipationInput("Oʻzbekiston", role=Role.ORIGINAL_SIGNATORY.value),
        ParticipationInput(
            "Türkiye", actions=[ActionInput(ActionType.SIGNATURE.value, "2021-12-06")]
        ),
    ]
    model = RecordModel(PARTY_COLUMNS)
    model.set_records(records)
    watch(qtmodeltester, model)

    model.insert(1, ParticipationInput("Azərbaycan"))
    model.move(0, 3)  # Kazakhstan to the end …
    model.move(3, 0)  # … and back
    model.move(2, 1)
    assert model.setData(model.index(0, 2), "Тоқаев Қ.-Ж.")
    assert not model.setData(model.index(0, 3), "derived")  # a derived column is read-only
    model.set_errors({(0, "party"): "Name the party.", (2, "role"): "Not a role."})
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "Name the party."
    model.remove(3)
    model.set_records([])
    model.set_errors({})
    assert model.rowCount() == 0 and not model.index(0, 0).isValid()
    assert [record.party for record in records] == [
        "Kazakhstan",
        "Oʻzbekiston",
        "Azərbaycan",
    ]  # the list shown is the list edited
    assert records[0].signatory_name == "Тоқаев Қ.-Ж."
    assert qt_tester_findings(qtlog) == []

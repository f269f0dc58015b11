"""The detail pane's text: relations read from each side in its own words."""

from __future__ import annotations

from models.database import Database
from models.detail import load_detail
from models.service import AgreementInput, ParticipationInput, RelationInput, create
from ui.detail_pane import render_detail


def test_the_treaty_lists_its_protocol_and_the_protocol_its_treaty(database: Database) -> None:
    with database.sessions.begin() as session:
        parties = [ParticipationInput("Kazakhstan"), ParticipationInput("Oʻzbekiston")]
        treaty = create(session, AgreementInput("Treaty on Türkiye transit", parties=parties)).id
        protocol = create(
            session,
            AgreementInput(
                "Protocol signed by Тоқаев",
                parties=parties,
                relations=[RelationInput("protocol to", treaty)],
            ),
        ).id
    with database.sessions.begin() as session:
        treaty_pane = render_detail(load_detail(session, treaty))
        protocol_pane = render_detail(load_detail(session, protocol))
    assert "<li>Has protocol: <i>Protocol signed by Тоқаев</i></li>" in treaty_pane
    assert "<li>Protocol to: <i>Treaty on Türkiye transit</i></li>" in protocol_pane

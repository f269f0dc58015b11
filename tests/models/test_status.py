"""Party status from its own acts, and counts in the UN's style."""

from __future__ import annotations

from models.dates import PartialDate
from models.status import count_participation, in_order, party_status
from models.vocab import ActionType as A
from models.vocab import PartyStatus as P


def test_status_follows_the_acts() -> None:
    assert party_status([], agreement_in_force=True) is None
    assert party_status([A.SIGNATURE], agreement_in_force=False) == P.SIGNATORY
    assert party_status([A.SIGNATURE, A.RATIFICATION], agreement_in_force=False) == P.CONTRACTING
    assert party_status([A.SIGNATURE, A.RATIFICATION], agreement_in_force=True) == P.PARTY
    assert party_status([A.PROVISIONAL_APPLICATION], agreement_in_force=False) == (
        P.PROVISIONALLY_APPLYING
    )
    assert party_status([A.ACCESSION, A.WITHDRAWAL], agreement_in_force=True) == P.WITHDRAWN


def test_signatories_and_parties_are_never_one_number() -> None:
    acts = [[A.SIGNATURE, A.RATIFICATION], [A.SIGNATURE], [A.ACCESSION], [], []]
    statuses = [party_status(a, agreement_in_force=True) for a in acts]
    counts = count_participation(acts, statuses)
    assert counts.sentence() == "Signatories: 2. Parties: 2. No action recorded: 2."


def test_a_party_that_left_and_came_back_is_a_party() -> None:
    again = [A.RATIFICATION, A.WITHDRAWAL, A.ACCESSION]
    assert party_status(again, agreement_in_force=True) == P.PARTY
    assert party_status([A.ACCESSION, A.DENUNCIATION], agreement_in_force=True) == P.WITHDRAWN
    assert party_status([A.WITHDRAWAL, A.SIGNATURE], agreement_in_force=False) == P.SIGNATORY


def test_dated_actions_are_taken_in_date_order_undated_as_recorded() -> None:
    dated = [("accession", "2019-03"), ("withdrawal", "2017"), ("ratification", "2001-05-02")]
    ordered = in_order(dated, lambda action: PartialDate.parse(action[1]))
    assert [name for name, _ in ordered] == ["ratification", "withdrawal", "accession"]
    undated = [("accession", "2019"), ("withdrawal", None)]
    assert in_order(undated, lambda a: PartialDate.parse(a[1]) if a[1] else None) == undated

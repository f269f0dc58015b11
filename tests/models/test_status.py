"""Party status from its own acts, and counts in the UN's style."""

from __future__ import annotations

from models.status import count_participation, party_status
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

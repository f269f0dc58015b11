"""Party status from its own acts, and counts in the UN's style."""

from __future__ import annotations

from models.dates import PartialDate
from models.status import (
    ParticipationCounts,
    count_participation,
    date_word,
    implies_signature,
    in_order,
    party_acts,
    party_status,
)
from models.vocab import ActionType as A
from models.vocab import PartyStatus as P
from models.vocab import Role

SIGNED = PartialDate.parse("2021-12-06")


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
    assert counts.words() == "2 signatories, 2 parties, 2 with no action recorded"


def test_counts_in_words_keep_signatories_and_parties_apart() -> None:
    assert ParticipationCounts(12, 9, 1).words() == "12 signatories, 9 parties, 1 withdrawn"
    assert ParticipationCounts(1, 0, 0).words() == "1 signatory, none bound as a party yet"
    assert ParticipationCounts(0, 1, 0).words() == "no signatories, 1 party"


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


def test_an_original_signatory_of_a_dated_agreement_signed_on_that_date() -> None:
    assert implies_signature(Role.ORIGINAL_SIGNATORY, SIGNED, [])
    assert implies_signature(Role.ORIGINAL_SIGNATORY, SIGNED, [A.RATIFICATION])
    assert party_acts(Role.ORIGINAL_SIGNATORY, SIGNED, []) == [(A.SIGNATURE, SIGNED)]


def test_no_signature_is_implied_without_the_role_or_the_date_or_beside_a_recorded_one() -> None:
    assert not implies_signature(Role.PARTY, SIGNED, [])
    assert not implies_signature(Role.NEGOTIATING_STATE, SIGNED, [])
    assert not implies_signature(Role.ORIGINAL_SIGNATORY, None, [])
    assert not implies_signature(Role.ORIGINAL_SIGNATORY, SIGNED, [A.SIGNATURE])
    assert not implies_signature(Role.ORIGINAL_SIGNATORY, SIGNED, [A.DEFINITIVE_SIGNATURE])
    later = PartialDate.parse("2022-01-10")
    assert party_acts(Role.ORIGINAL_SIGNATORY, SIGNED, [(A.SIGNATURE, later)]) == [
        (A.SIGNATURE, later)
    ]


def test_an_implied_signature_comes_before_a_withdrawal_and_a_return() -> None:
    acts = [
        (A.WITHDRAWAL, PartialDate.parse("2010")),
        (A.ACCESSION, PartialDate.parse("2015-04")),
    ]
    ordered = party_acts(Role.ORIGINAL_SIGNATORY, PartialDate(2001, 12, 6), acts)
    assert [action for action, _on in ordered] == [A.SIGNATURE, A.WITHDRAWAL, A.ACCESSION]
    assert party_status([a for a, _ in ordered], agreement_in_force=True) == P.PARTY
    left = party_acts(Role.ORIGINAL_SIGNATORY, PartialDate(2001, 12, 6), acts[:1])
    assert party_status([a for a, _ in left], agreement_in_force=True) == P.WITHDRAWN


def test_a_signature_is_signed_and_consent_deposited() -> None:
    assert date_word(A.SIGNATURE) == date_word(A.DEFINITIVE_SIGNATURE) == "signed"
    for consent in (A.RATIFICATION, A.ACCEPTANCE, A.APPROVAL, A.ACCESSION, A.SUCCESSION):
        assert date_word(consent) == "deposited"
    assert date_word(A.WITHDRAWAL) == date_word(A.DENUNCIATION) == "notified"

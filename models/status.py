"""What a party's actions make of it, and what an agreement's dates and actions imply.

Derived, never stored: the user's status stays the record, and where the two disagree
the detail pane and the reports show what the actions imply beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from models.dates import PartialDate
from models.vocab import (
    CONSENT_ACTIONS,
    LEAVING_ACTIONS,
    SIGNATURE_ACTIONS,
    TEXT_ACTIONS,
    ActionType,
    PartyStatus,
    Role,
    Status,
)

T = TypeVar("T")


def party_status(actions: Iterable[ActionType], agreement_in_force: bool) -> PartyStatus | None:
    """Withdrawn, party, provisionally applying, contracting or signatory — or None if no act.

    *actions* come in the order they happened: a party that withdrew and later acceded
    again is a party, not withdrawn; only what follows its last withdrawal counts.
    """
    ordered = list(actions)
    left = [i for i, action in enumerate(ordered) if action in LEAVING_ACTIONS]
    if left:
        ordered = ordered[left[-1] + 1 :]
        if not set(ordered) & (CONSENT_ACTIONS | SIGNATURE_ACTIONS):
            return PartyStatus.WITHDRAWN
    done = set(ordered)
    consented = bool(done & CONSENT_ACTIONS)
    if ActionType.ENTRY_INTO_FORCE in done or (consented and agreement_in_force):
        return PartyStatus.PARTY
    if ActionType.PROVISIONAL_APPLICATION in done:
        return PartyStatus.PROVISIONALLY_APPLYING
    if consented:
        return PartyStatus.CONTRACTING
    if done & SIGNATURE_ACTIONS:
        return PartyStatus.SIGNATORY
    return None


def implies_signature(
    role: Role, signed_on: PartialDate | None, recorded: Iterable[ActionType]
) -> bool:
    """True when an original signatory signed on the agreement's signing date by implication.

    Nobody types a signature act for each of seven documents two presidents signed in one
    sitting; the role and the date say it. A signature recorded by hand (with its own
    date, or none) wins, so the implied one is never counted beside it.
    """
    return (
        role == Role.ORIGINAL_SIGNATORY
        and signed_on is not None
        and not any(action in SIGNATURE_ACTIONS for action in recorded)
    )


def agreement_in_force(status: Status, entry_into_force: PartialDate | None, today: date) -> bool:
    """In force as recorded, or by an entry-into-force date that has passed."""
    return status == Status.IN_FORCE or bool(
        entry_into_force and entry_into_force.last_day() <= today
    )


def date_word(action: ActionType) -> str:
    """How treaty practice names the date of an act: a signature is signed, not deposited.

    Instruments of ratification, acceptance, approval, formal confirmation, accession and
    succession are deposited; a denunciation or withdrawal is notified; anything else
    (a reservation, provisional application, entry into force for the party) is dated.
    """
    if action in SIGNATURE_ACTIONS:
        return "signed"
    if action in CONSENT_ACTIONS:
        return "deposited"
    if action in LEAVING_ACTIONS:
        return "notified"
    if action in TEXT_ACTIONS:
        return "made"
    return "dated"


def in_order(actions: Sequence[T], when: Callable[[T], PartialDate | None]) -> list[T]:
    """Actions by date when every one is dated; otherwise in the order they were recorded."""
    dates = [when(action) for action in actions]
    if any(date_ is None for date_ in dates):
        return list(actions)
    keyed = sorted(zip(dates, range(len(actions)), strict=True), key=lambda p: p[0].start_key())  # type: ignore[union-attr]  # none is None here
    return [actions[index] for _date, index in keyed]


@dataclass(frozen=True)
class ParticipationCounts:
    """Counted in the UN's style: signatories and parties are never one number."""

    signatories: int
    parties: int
    withdrawn: int
    no_action: int = 0  # listed, but no act of theirs is recorded: counted as nothing

    def sentence(self) -> str:
        text = f"Signatories: {self.signatories}. Parties: {self.parties}."
        if self.withdrawn:
            text += f" Withdrawn: {self.withdrawn}."
        if self.no_action:
            text += f" No action recorded: {self.no_action}."
        return text

    def words(self) -> str:
        """'12 signatories, 9 parties': the counts as a reader says them, still apart."""

        def counted(number: int, one: str, many: str) -> str:
            return f"{number:,} {one if number == 1 else many}" if number else f"no {many}"

        words = [
            counted(self.signatories, "signatory", "signatories"),
            counted(self.parties, "party", "parties")
            if self.parties
            else "none bound as a party yet",
        ]
        if self.withdrawn:
            words.append(f"{self.withdrawn:,} withdrawn")
        if self.no_action:
            words.append(f"{self.no_action:,} with no action recorded")
        return ", ".join(words)


def count_participation(
    actions_per_party: Sequence[Iterable[ActionType]], statuses: Sequence[PartyStatus | None]
) -> ParticipationCounts:
    acts = [set(actions) for actions in actions_per_party]
    signed = sum(1 for done in acts if done & SIGNATURE_ACTIONS)
    parties = sum(1 for status in statuses if status == PartyStatus.PARTY)
    withdrawn = sum(1 for status in statuses if status == PartyStatus.WITHDRAWN)
    return ParticipationCounts(signed, parties, withdrawn, sum(1 for done in acts if not done))


Dated = tuple[ActionType, PartialDate | None]


def party_acts(role: Role, signed_on: PartialDate | None, recorded: Sequence[Dated]) -> list[Dated]:
    """A party's acts (type, date) in the order they happened, with any implied signature."""
    acts = list(recorded)
    if implies_signature(role, signed_on, (action for action, _on in acts)):
        acts.insert(0, (ActionType.SIGNATURE, signed_on))
    return in_order(acts, lambda act: act[1])


def implied_status(
    *,
    signed_on: PartialDate | None,
    entry_into_force: PartialDate | None,
    expires_on: PartialDate | None,
    terminated_on: PartialDate | None,
    party_statuses: Sequence[PartyStatus | None],
    today: date | None = None,
) -> Status | None:
    """The status the recorded dates and actions point to, or None when they say nothing."""
    today = today or date.today()
    if terminated_on and terminated_on.last_day() <= today:
        return Status.TERMINATED
    if expires_on and expires_on.last_day() < today:
        return Status.EXPIRED
    if entry_into_force and entry_into_force.last_day() <= today:
        return Status.IN_FORCE
    if PartyStatus.PARTY in party_statuses:
        return Status.IN_FORCE
    if PartyStatus.PROVISIONALLY_APPLYING in party_statuses:
        return Status.PROVISIONALLY_APPLIED
    if PartyStatus.CONTRACTING in party_statuses:
        return Status.RATIFIED
    if signed_on or PartyStatus.SIGNATORY in party_statuses:
        return Status.SIGNED
    return None


def tallied_counts(
    agreement: tuple[Status, PartialDate | None, PartialDate | None],
    tally: Sequence[int],
    leavers: Sequence[tuple[Role, list[Dated]]],
    today: date,
) -> ParticipationCounts:
    """An agreement's counts, from its status, entry into force and signing date, its tally,
    and the acts of its parties that ever left.

    *tally*: signatories, parties with no act, parties for sure (in force for them), parties
    if the agreement is in force (consented), parties that left; those last are judged here
    one by one, since one may have come back (see models.participation_counts).
    """
    status, entry_into_force, signed_on = agreement
    signed, no_action, sure, if_in_force, _leaving = tally
    in_force = agreement_in_force(status, entry_into_force, today)
    statuses = [
        party_status([act for act, _on in party_acts(role, signed_on, acts)], in_force)
        for role, acts in leavers
    ]
    parties = sure + (if_in_force if in_force else 0) + statuses.count(PartyStatus.PARTY)
    withdrawn = statuses.count(PartyStatus.WITHDRAWN)
    return ParticipationCounts(signed, parties, withdrawn, no_action)

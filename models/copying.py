"""Making a new agreement from a recorded one (Duplicate): what a copy keeps and what it drops."""

from __future__ import annotations

from models.service import AgreementInput


def drop_dated_acts(data: AgreementInput) -> str:
    """Take the parties' dated acts (signatures, ratifications …) out of *data*, in place,
    and say how many went ('3 acts', '' if there were none): a copy is a new agreement,
    and another agreement's acts are not its own."""
    dropped = 0
    for participation in data.parties:
        dropped += len(participation.actions)
        participation.actions = []
    if not dropped:
        return ""
    return f"{dropped} act" if dropped == 1 else f"{dropped:,} acts"

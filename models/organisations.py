"""The international organisations treaty work meets often, from models/data/organisations.json.

Each is one party with an identity (its code, exported as 'org:EU'), whatever spelling
or language it arrives in: 'EU', 'European Union' and 'Union européenne' are one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from models.text import fold

DATA = Path(__file__).with_name("data") / "organisations.json"
CODE_PREFIX = "org:"


@dataclass(frozen=True)
class Organisation:
    code: str  # 'EU': stored in parties.org_code
    name: str  # 'European Union': how it is shown
    spellings: tuple[str, ...]  # every name and abbreviation that resolves to it

    @property
    def exchange_code(self) -> str:
        """How files name it: 'org:EU' (a prefix, so no ISO code is ever mistaken for it)."""
        return f"{CODE_PREFIX}{self.code}"


@cache
def organisations() -> dict[str, Organisation]:
    """Every curated organisation, by code."""
    entries = json.loads(DATA.read_text(encoding="utf-8"))["organisations"]
    found = {}
    for entry in entries:
        names = [name for names in entry["names"].values() for name in names]
        spellings = (entry["name"], *entry["abbreviations"], *names, CODE_PREFIX + entry["id"])
        found[entry["id"]] = Organisation(
            entry["id"], entry["name"], tuple(dict.fromkeys(spellings))
        )
    return found


@cache
def organisation_keys() -> dict[str, str]:
    """Folded spelling -> code; a spelling two organisations share is left out (ambiguous)."""
    keys: dict[str, str] = {}
    shared: set[str] = set()
    for organisation in organisations().values():
        for spelling in organisation.spellings:
            key = fold(" ".join(spelling.split()))
            if keys.setdefault(key, organisation.code) != organisation.code:
                shared.add(key)
    return {key: code for key, code in keys.items() if key not in shared}


def find_organisation(name: str) -> Organisation | None:
    """The curated organisation a name, abbreviation or 'org:CODE' means, or None."""
    code = organisation_keys().get(fold(" ".join(name.split())))
    return organisations()[code] if code else None

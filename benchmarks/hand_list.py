"""`list --party CODE --format json`, written by hand with sqlite3 and json only.

    python benchmarks/hand_list.py DB CODE

The yardstick of benchmarks/cli_benchmark.py: the plainest script a user would write for
the same answer (the same ids in the same order, the same keys and values), with none of
the app's imports. Run as a file, not as a module, so it loads nothing of the app.
Counts follow models.status for the acts a generated database holds (signature,
consent, entry into force, withdrawal), each party's acts in the order recorded.
"""

from __future__ import annotations

import calendar
import json
import sqlite3
import sys
from collections import defaultdict
from datetime import date

SIGNATURE = {"signature", "definitive signature"}
CONSENT = {
    "definitive signature",
    "ratification",
    "acceptance",
    "approval",
    "formal confirmation",
    "accession",
    "succession",
}
LEAVING = {"denunciation", "withdrawal"}
COLUMNS = (
    "id, title, kind, level, status, signed_on, signed_at, entry_into_force, expires_on, "
    "summary, source_url, notes"
)
WITH_PARTY = "SELECT agreement_id FROM participations WHERE party_id = :party"


def last_day(text: str) -> date:
    """The last day a partial date ('2021', '2021-12', '2021-12-06') can mean."""
    parts = [int(part) for part in text.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return date(year, month, day)


def counts(
    row: sqlite3.Row, parties: list[tuple[str, str | None, list[str]]], today: date
) -> dict[str, int]:
    """Signatories, parties and withdrawn parties of one agreement."""
    in_force = row["status"] == "in force" or bool(
        row["entry_into_force"] and last_day(row["entry_into_force"]) <= today
    )
    signed = party = withdrawn = 0
    for role, signed_on, acts in parties:
        implied = role == "original signatory" and signed_on is not None
        signed += bool(implied or SIGNATURE & set(acts))
        leaving = [number for number, act in enumerate(acts) if act in LEAVING]
        after = acts[leaving[-1] + 1 :] if leaving else acts
        if leaving and not (CONSENT | SIGNATURE) & set(after):
            withdrawn += 1
        elif "entry into force" in after or (CONSENT & set(after) and in_force):
            party += 1
    return {"signatories": signed, "parties": party, "withdrawn": withdrawn}


def main(path: str, code: str) -> None:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    (party,) = db.execute("SELECT id FROM parties WHERE iso3 = ?", (code,)).fetchone()
    wanted = {"party": party}
    rows = db.execute(
        f"SELECT {COLUMNS} FROM agreements WHERE id IN ({WITH_PARTY}) "
        "ORDER BY signed_on IS NULL, signed_on, id",
        wanted,
    ).fetchall()
    names: dict[int, list[str]] = defaultdict(list)
    links: dict[int, list[tuple[str, str | None, list[str]]]] = defaultdict(list)
    acts: dict[int, list[str]] = defaultdict(list)
    for participation, act in db.execute(
        "SELECT a.participation_id, a.type FROM actions a "
        "JOIN participations p ON p.id = a.participation_id "
        f"WHERE p.agreement_id IN ({WITH_PARTY}) ORDER BY a.participation_id, a.position, a.id",
        wanted,
    ):
        acts[participation].append(act)
    signed_on = {row["id"]: row["signed_on"] for row in rows}
    for agreement, participation, name, role in db.execute(
        "SELECT p.agreement_id, p.id, x.name, p.role FROM participations p "
        "JOIN parties x ON x.id = p.party_id "
        f"WHERE p.agreement_id IN ({WITH_PARTY}) ORDER BY p.agreement_id, p.position, p.id",
        wanted,
    ):
        names[agreement].append(name)
        links[agreement].append((role, signed_on[agreement], acts[participation]))
    tree = {
        key: (name, parent)
        for key, name, parent in db.execute("SELECT id, name, parent_id FROM fields")
    }

    def path(field: int) -> str:
        name, parent = tree[field]
        return name if parent is None else f"{path(parent)} > {name}"

    fields: dict[int, list[str]] = defaultdict(list)
    for agreement, field in db.execute(
        f"SELECT agreement_id, field_id FROM agreement_fields WHERE agreement_id IN ({WITH_PARTY})",
        wanted,
    ):
        fields[agreement].append(path(field))
    today = date.today()
    out = sys.stdout
    out.write("[")
    for number, row in enumerate(rows):
        record = dict(row)
        record["parties"] = names[row["id"]]
        record["fields"] = sorted(fields[row["id"]], key=str.casefold)
        for key in ("summary", "source_url", "notes"):
            record[key] = record.pop(key)
        record["counts"] = counts(row, links[row["id"]], today)
        out.write(("," if number else "") + "\n  " + json.dumps(record, ensure_ascii=False))
    out.write("\n]\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

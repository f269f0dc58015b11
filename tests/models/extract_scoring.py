"""Scoring the extractor on the development set (tests/extract_articles) against hand answers.

Run `python -m tests.models.extract_scoring` for the per-key table the README shows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from models.extract import extract, read_article

ARTICLES = Path(__file__).parent.parent / "extract_articles"
KEYS = ("kind", "parties", "signed_on", "signed_at", "fields")


@dataclass
class Score:
    """Right and total per key, and the articles with the wrong number of documents."""

    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*KEYS, "documents"), 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys((*KEYS, "documents"), 0))
    misses: list[str] = field(default_factory=list)

    def accuracy(self, key: str) -> float:
        return self.right[key] / self.total[key] if self.total[key] else 1.0


def _value(record: dict, key: str) -> object:
    value = record.get(key)
    return frozenset(value) if isinstance(value, list) else (value or "")


def _agreement(found: dict, wanted: dict) -> int:
    return sum(_value(found, key) == _value(wanted, key) for key in KEYS)


def score() -> Score:
    """Every article extracted and compared with its answers, key by key."""
    answers = json.loads((ARTICLES / "answers.json").read_text(encoding="utf-8"))["articles"]
    result = Score()
    for name, answer in sorted(answers.items()):
        article = read_article((ARTICLES / name).read_bytes(), name)
        published = answer.get("published") or article.published
        drafts = extract(article.text, date.fromisoformat(published) if published else None).drafts
        found = [
            {
                "kind": d.kind,
                "parties": d.parties,
                "signed_on": d.signed_on,
                "signed_at": d.signed_at,
                "fields": d.fields,
            }
            for d in drafts
        ]
        wanted = answer["drafts"]
        result.total["documents"] += 1
        if len(found) == len(wanted):
            result.right["documents"] += 1
        else:
            result.misses.append(f"{name}: {len(found)} drafts, {len(wanted)} wanted")
        unused = list(range(len(found)))
        for expected in wanted:
            best = max(unused, key=lambda i: _agreement(found[i], expected), default=None)
            if best is not None:
                unused.remove(best)
            for key in KEYS:
                result.total[key] += 1
                if best is not None and _value(found[best], key) == _value(expected, key):
                    result.right[key] += 1
                else:
                    got = _value(found[best], key) if best is not None else "(no draft)"
                    result.misses.append(f"{name}: {key} {got!r}, wanted {_value(expected, key)!r}")
    return result


def table(result: Score) -> str:
    """The per-key accuracy as a Markdown table."""
    names = {
        "kind": "kind",
        "parties": "parties",
        "signed_on": "signing date",
        "signed_at": "place",
        "fields": "fields",
        "documents": "number of documents (per article)",
    }
    lines = ["| key | right | of | accuracy |", "|---|---:|---:|---:|"]
    for key, label in names.items():
        lines.append(
            f"| {label} | {result.right[key]} | {result.total[key]} | {result.accuracy(key):.0%} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    outcome = score()
    print(table(outcome))
    for miss in outcome.misses:
        print(miss)

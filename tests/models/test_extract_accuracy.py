"""The development set: every key right in at least 90% of the hand-written answers."""

from __future__ import annotations

import json

import pytest

from tests.models.extract_scoring import ARTICLES, KEYS, Score, score, table

TARGET = 0.9


@pytest.fixture(scope="module")
def result() -> Score:
    return score()


def test_the_development_set_is_varied_and_large_enough() -> None:
    answers = json.loads((ARTICLES / "answers.json").read_text(encoding="utf-8"))["articles"]
    assert len(answers) >= 25
    assert sum("-ru-" in name for name in answers) >= 5
    assert sum(not entry["drafts"] for entry in answers.values()) >= 3
    assert sum(len(entry["drafts"]) > 1 for entry in answers.values()) >= 8
    assert any(name.endswith(".html") for name in answers)
    assert all((ARTICLES / name).exists() for name in answers)


@pytest.mark.parametrize("key", [*KEYS, "documents"])
def test_each_key_is_right_at_least_90_percent_of_the_time(key: str, result: Score) -> None:
    misses = "\n".join(miss for miss in result.misses if f" {key} " in miss or key == "documents")
    assert result.accuracy(key) >= TARGET, f"{table(result)}\n{misses}"

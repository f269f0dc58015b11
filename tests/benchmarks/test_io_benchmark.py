"""The import benchmark's round-trip verdict: the same agreements, or the first difference."""

from __future__ import annotations

import csv
from pathlib import Path

from benchmarks.io_benchmark import EXPORT_CSV_COLUMNS, same_agreements


def _file(path: Path, *rows: tuple[str, str, str]) -> Path:
    """A CSV export whose rows give only a title, a signing date and the parties."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(EXPORT_CSV_COLUMNS)
        for title, signed_on, parties in rows:
            row = dict.fromkeys(EXPORT_CSV_COLUMNS, "")
            row.update(title=title, signed_on=signed_on, parties=parties)
            writer.writerow(row[name] for name in EXPORT_CSV_COLUMNS)
    return path


def test_a_repeat_skipped_and_a_party_spelt_in_full_are_the_same_agreements(
    tmp_path: Path,
) -> None:
    exported = _file(
        tmp_path / "exported.csv",
        ("Тоқаев's Convention on Türkiye transit", "2021-12-06", "Kazakhstan; ASEAN"),
        ("Тоқаев's  convention on Türkiye transit", "2021-12-06", "Oʻzbekiston"),  # a repeat
        ("Accord sur l'énergie", "", "France"),
    )
    again = _file(
        tmp_path / "again.csv",
        (
            "Тоқаев's Convention on Türkiye transit",
            "2021-12-06",
            "Kazakhstan; Association of Southeast Asian Nations",
        ),
        ("Accord sur l'énergie", "", "France"),
    )
    assert same_agreements(exported, again) == (
        "yes, but for 1 rows whose parties the generator names by short names"
        " and 1 rows skipped as repeats of an earlier row"
    )


def test_an_agreement_lost_or_changed_is_named(tmp_path: Path) -> None:
    exported = _file(
        tmp_path / "exported.csv",
        ("Convention on Türkiye transit", "2021-12-06", "Kazakhstan"),
        ("Accord sur l'énergie", "", "France"),
    )
    changed = _file(
        tmp_path / "changed.csv",
        ("Convention on Türkiye transit", "2021-12-07", "Kazakhstan"),
        ("Accord sur l'énergie", "", "France"),
    )
    lost = _file(tmp_path / "lost.csv", ("Accord sur l'énergie", "", "France"))
    assert same_agreements(exported, changed) == (
        "NO (first difference: 'Convention on Türkiye transit')"
    )
    assert same_agreements(exported, lost).startswith("NO")

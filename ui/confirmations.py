"""The words a confirmation uses to name what it acts on: the agreement itself, or how many."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from models.query import AgreementRow

TITLE_LIMIT = 80  # a longer title is cut with '…' in a question


def agreements_named(ids: Sequence[int], row_of: Callable[[int], AgreementRow | None]) -> str:
    """'“Agreement on the Kyzylorda–Uchquduq highway”' for one, 'these 3 agreements' for more."""
    if len(ids) != 1:
        return f"these {len(ids):,} agreements"
    row = row_of(ids[0])
    if row is None:
        return f"agreement {ids[0]}"
    title = " ".join(row.title.split())
    if len(title) > TITLE_LIMIT:
        title = title[: TITLE_LIMIT - 1].rstrip() + "…"
    return f"“{title}”"

"""Field paths as text ('Transport > Rail'): split, joined, keyed. No SQL.

Apart from models.fields (which reads and creates fields with SQLAlchemy and re-exports
these) so that the command line's SQLite path names fields without loading SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from models.text import fold

SEPARATOR = ">"  # what a path is split at, however it is spaced
PATH_SEPARATOR = " > "  # what a path is written with (and keys: models.schema.Field.key)

_Node = TypeVar("_Node")


def split_path(path: str) -> list[str]:
    """'Transport > Rail' -> ['Transport', 'Rail']; blank parts are dropped."""
    return [" ".join(part.split()) for part in path.split(SEPARATOR) if part.strip()]


def join_path(parts: Iterable[str]) -> str:
    """['Transport', 'Rail'] -> 'Transport > Rail'."""
    return PATH_SEPARATOR.join(parts)


def path_key(parts: list[str]) -> str:
    return join_path(fold(part) for part in parts)


def path_from(
    leaf: _Node, parent: Callable[[_Node], _Node | None], name: Callable[[_Node], str]
) -> str:
    """The path of *leaf*, its ancestors' names first: the one place a path is built."""
    parts: list[str] = []
    current: _Node | None = leaf
    while current is not None:
        parts.append(name(current))
        current = parent(current)
    return join_path(reversed(parts))

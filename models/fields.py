"""Resolving field paths ('Transport > Rail') to fields, creating what is missing."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.schema import Field
from models.text import fold

SEPARATOR = ">"


def split_path(path: str) -> list[str]:
    """'Transport > Rail' -> ['Transport', 'Rail']; blank parts are dropped."""
    return [" ".join(part.split()) for part in path.split(SEPARATOR) if part.strip()]


def path_key(parts: list[str]) -> str:
    return " > ".join(fold(part) for part in parts)


def find_field(session: Session, path: str) -> Field | None:
    parts = split_path(path)
    return session.scalar(select(Field).where(Field.key == path_key(parts))) if parts else None


def resolve_field(session: Session, path: str) -> Field:
    """The field at *path*, created with any missing parents; spelling and case are forgiven."""
    parts = split_path(path)
    if not parts:
        raise ValueError("a field needs a name")
    parent: Field | None = None
    for depth in range(1, len(parts) + 1):
        key = path_key(parts[:depth])
        with session.no_autoflush:
            found = session.scalar(select(Field).where(Field.key == key))
        if found is None:
            found = next(
                (
                    pending
                    for pending in session.new
                    if isinstance(pending, Field) and pending.key == key
                ),
                None,
            )
        if found is None:
            found = Field(name=parts[depth - 1], parent=parent, key=key)
            session.add(found)
        parent = found
    assert parent is not None
    return parent

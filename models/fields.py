"""Field paths ('Transport > Rail'): built from a field's parents, and resolved to fields,
creating what is missing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.orm import Session

from models.field_names import PATH_SEPARATOR as PATH_SEPARATOR  # re-exported, as below
from models.field_names import SEPARATOR as SEPARATOR
from models.field_names import join_path as join_path
from models.field_names import path_from
from models.field_names import path_key as path_key
from models.field_names import split_path as split_path
from models.schema import Field


def field_path(item: Field) -> str:
    """A stored field's path, through its parents as loaded."""
    return path_from(item, lambda field: field.parent, lambda field: field.name)


def field_paths(session: Session) -> dict[int, str]:
    """Every field's path by id, read in one query."""
    rows = {row.id: row for row in session.execute(select(Field.id, Field.name, Field.parent_id))}
    return {
        field_id: path_from(row, lambda child: rows.get(child.parent_id), lambda node: node.name)
        for field_id, row in rows.items()
    }


def find_field(session: Session, path: str) -> Field | None:
    parts = split_path(path)
    return session.scalar(select(Field).where(Field.key == path_key(parts))) if parts else None


def resolve_field(session: Session, path: str) -> Field:
    """The field at *path*, created with any missing parents; spelling and case are forgiven.

    A missing field is inserted at once with INSERT … ON CONFLICT DO NOTHING and read
    back: when another session creates the same field at the same moment, this one
    waits for it and uses it, and both saves succeed.
    """
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
            found = _insert_field(session, parts[depth - 1], parent, key)
        parent = found
    assert parent is not None
    return parent


def _insert_field(session: Session, name: str, parent: Field | None, key: str) -> Field:
    if parent is not None and parent.id is None:
        session.flush([parent])  # a parent made a moment ago by a rename, not yet stored
    connection = session.connection()
    row = {"name": name, "parent_id": parent.id if parent is not None else None, "key": key}
    connection.execute(insert_ignoring(connection, _FIELDS).values(row))
    field_id = connection.execute(select(_FIELDS.c.id).where(_FIELDS.c.key == key)).scalar_one()
    found = session.get(Field, field_id)
    assert found is not None
    return found


_FIELDS: Table = Field.__table__


def insert_ignoring(connection: Connection, table: Table) -> Any:
    """INSERT … ON CONFLICT DO NOTHING in the connection's dialect (a plain INSERT elsewhere)."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif connection.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert  # type: ignore[assignment]  # both can ignore conflicts
    else:
        return insert(table)
    return dialect_insert(table).on_conflict_do_nothing()

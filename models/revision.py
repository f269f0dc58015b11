"""The data revision: a counter the database moves on with every change (migration 0004)."""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from models.schema import data_revision


def current_revision(bind: Session | Connection) -> int:
    """The revision of the data as *bind* sees it now; any committed change makes it larger."""
    return bind.execute(select(data_revision.c.value).where(data_revision.c.id == 1)).scalar_one()

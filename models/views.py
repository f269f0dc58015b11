"""Saved views: named filters stored in the database, so they travel with it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.changes import Changes
from models.history import VIEW, quoted, step
from models.limits import VIEW_NAME_MAX, name_problem
from models.messages import STEP_VIEW_DELETION, STEP_VIEW_RENAME, STEP_VIEW_SAVING, fill
from models.query import AgreementFilter
from models.schema import SavedView


class ViewNameError(ValueError):
    """A view name that is empty, too long or already taken."""


@dataclass(frozen=True)
class ViewEntry:
    id: int
    name: str
    filter: AgreementFilter


def list_views(session: Session) -> list[ViewEntry]:
    views = session.scalars(select(SavedView).order_by(func.lower(SavedView.name)))
    return [ViewEntry(view.id, view.name, AgreementFilter.from_json(view.filter)) for view in views]


@dataclass(frozen=True)
class ViewSaved:
    """What saving a view did: its id, and the change for the window."""

    id: int
    changes: Changes


def save_view(session: Session, name: str, wanted: AgreementFilter) -> ViewSaved:
    """Store *wanted* under *name*, replacing the filter of a view of that name."""
    cleaned = _clean(name)
    view = session.scalar(select(SavedView).where(SavedView.name == cleaned))
    with step(session, fill(STEP_VIEW_SAVING, quoted(cleaned))) as recording:
        if view is None:
            view = SavedView(name=cleaned, filter=wanted.to_json())
            session.add(view)
            session.flush()
            recording.created([view.id], VIEW)
        else:
            recording.touch([view.id], VIEW)
            view.filter = wanted.to_json()
        session.flush()
    return ViewSaved(view.id, recording.changes)


def rename_view(session: Session, view_id: int, name: str) -> Changes:
    cleaned = _clean(name)
    taken = session.scalar(
        select(SavedView).where(SavedView.name == cleaned, SavedView.id != view_id)
    )
    if taken is not None:
        raise ViewNameError(f"a view named '{cleaned}' already exists")
    view = session.get(SavedView, view_id)
    if view is None:
        return Changes()
    with step(session, fill(STEP_VIEW_RENAME, quoted(view.name))) as recording:
        recording.touch([view_id], VIEW)
        view.name = cleaned
    return recording.changes


def delete_view(session: Session, view_id: int) -> Changes:
    view = session.get(SavedView, view_id)
    if view is None:
        return Changes()
    with step(session, fill(STEP_VIEW_DELETION, quoted(view.name))) as recording:
        recording.touch([view_id], VIEW)
        session.delete(view)
    return recording.changes


def _clean(name: str) -> str:
    cleaned = " ".join(name.split())
    problem = name_problem(cleaned, VIEW_NAME_MAX, "view")
    if problem:
        raise ViewNameError(problem)
    return cleaned

"""An article read against the database: fields in the user's own tree, recorded look-alikes.

What the command line prints and the dialog shows before anything is saved; reads only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from models.duplicates import PossibleDuplicate
from models.extract.drafting import Extraction, extract
from models.extract.saving import draft_duplicates
from models.fields import field_paths


@dataclass(frozen=True)
class Review:
    """The drafts of an article and, for each, the recorded agreements it looks like."""

    extraction: Extraction
    duplicates: list[list[PossibleDuplicate]]


def review_article(session: Session, text: str, published: date | None = None) -> Review:
    """Draft *text* with the user's fields, and look each draft up among the records."""
    paths = sorted(field_paths(session).values())
    extraction = extract(text, published, paths)
    return Review(extraction, draft_duplicates(session, extraction.drafts))

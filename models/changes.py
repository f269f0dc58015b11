"""What a write changed, as data: the window refreshes from it instead of reloading the world.

Every write in the service returns a Changes (the way Anki's operations return
`OpChanges`): which agreements were created, changed or deleted, and whether the
parties, the fields or the saved views changed. The search controller patches its index
for those ids and refreshes only what shows them; undo is the same record run backwards.
`everything` marks a change too broad to patch (a restored backup, a large import,
another database): the reader then reloads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """Agreement ids created, changed and deleted, and which catalogs changed."""

    created: frozenset[int] = frozenset()
    changed: frozenset[int] = frozenset()
    deleted: frozenset[int] = frozenset()
    parties: bool = False
    fields: bool = False
    views: bool = False
    everything: bool = False

    @classmethod
    def of(
        cls,
        *,
        created: Iterable[int] = (),
        changed: Iterable[int] = (),
        deleted: Iterable[int] = (),
        parties: bool = False,
        fields: bool = False,
        views: bool = False,
        everything: bool = False,
    ) -> Changes:
        """A Changes from any iterables of ids (an id both created and deleted is deleted)."""
        gone = frozenset(deleted)
        return cls(
            created=frozenset(created) - gone,
            changed=frozenset(changed) - gone - frozenset(created),
            deleted=gone,
            parties=parties,
            fields=fields,
            views=views,
            everything=everything,
        )

    def __or__(self, other: Changes) -> Changes:
        """Both changes, as one (for a step made of several writes)."""
        return Changes.of(
            created=self.created | other.created,
            changed=self.changed | other.changed,
            deleted=self.deleted | other.deleted,
            parties=self.parties or other.parties,
            fields=self.fields or other.fields,
            views=self.views or other.views,
            everything=self.everything or other.everything,
        )

    @property
    def agreements(self) -> frozenset[int]:
        """Every agreement id this change touched."""
        return self.created | self.changed | self.deleted

    def __bool__(self) -> bool:
        return bool(self.agreements or self.parties or self.fields or self.views or self.everything)


NOTHING = Changes()

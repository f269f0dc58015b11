"""How much text each column holds, read from models.schema, and the messages that say so.

PostgreSQL refuses a VARCHAR value longer than its column; SQLite stores anything. Checking
before saving gives the same answer on both, as a message that names the field.
"""

from __future__ import annotations

from typing import Any

from models.fields import join_path, path_key, split_path
from models.schema import (
    Agreement,
    AuditEntry,
    Field,
    Milestone,
    Participation,
    Party,
    PartyAlias,
    SavedView,
)
from models.text import fold, not_utf8, shown

# Agreement ids are PostgreSQL INTEGERs (SQLite's go further): a larger id names no agreement,
# so it is refused before any query, alike on both.
ID_MAX = 2**31 - 1


def column_limit(column: Any) -> int:
    """The most characters a VARCHAR column (or mapped attribute) holds."""
    return int(column.type.length)


# Read once: looking a column's type up costs more than the check itself.
TITLE_MAX = column_limit(Agreement.title)
# A party's name is stored as its name, one of its aliases and, folded, the alias's key.
PARTY_NAME_MAX = min(column_limit(c) for c in (Party.name, PartyAlias.alias, PartyAlias.key))
SIGNATORY_MAX = {
    name: column_limit(getattr(Participation, name))
    for name in ("signatory_name", "signatory_title")
}
FIELD_NAME_MAX, FIELD_KEY_MAX = column_limit(Field.name), column_limit(Field.key)
MILESTONE_MAX = column_limit(Milestone.description)
VIEW_NAME_MAX = column_limit(SavedView.name)
# The user name every change records (models.users), in the agreement and its audit trail.
USER_MAX = min(column_limit(c) for c in (Agreement.created_by, AuditEntry.changed_by))


def agreement_limit(name: str) -> int:
    """The length of the agreements column *name* ('signed_at' -> 300)."""
    return column_limit(Agreement.__table__.c[name])


def too_long(length: int, limit: int, what: str = "", folded: int = 0) -> str:
    """'signed_at: too long: 301 characters (the limit is 300)', and the folded length."""
    subject = f"{what} is too long" if what else "too long"
    extra = f", {folded} once folded for search" if folded > length else ""
    return f"{subject}: {length} characters{extra} (the limit is {limit})"


def party_name_problem(name: str, folded_name: str | None = None) -> str | None:
    """Why a (whitespace-normalised) party name can't be stored, or None.

    *folded_name* is fold(name), when the caller has it already.
    """
    # Folding may lengthen a name ('ß' -> 'ss', 'ﷺ' -> 18 letters) and gives its alias key.
    length = len(name)
    folded = len((fold(name) if folded_name is None else folded_name).strip())
    if max(length, folded) > PARTY_NAME_MAX:
        return too_long(length, PARTY_NAME_MAX, "party name", folded)
    return None


def field_path_problem(path: str) -> str | None:
    """Why a field path can't be stored: a part longer than a field's name, or a long key."""
    parts = split_path(path)
    for part in parts:
        if len(part) > FIELD_NAME_MAX:
            return too_long(len(part), FIELD_NAME_MAX, f"field name {shown(part, 30)}")
    whole = join_path(parts)
    return field_key_problem(whole, whole if whole.isascii() else path_key(parts))


def field_key_problem(path: str, key: str) -> str | None:
    """Why a field whose full path is *path* (folded: *key*) can't be stored, or None."""
    if len(key) > FIELD_KEY_MAX:
        return too_long(len(path), FIELD_KEY_MAX, "field path", len(key))
    return None


def name_problem(name: str, limit: int, what: str) -> str | None:
    """Why a cleaned-up *name* for a *what* ('view', 'field') can't be stored, or None."""
    if not name:
        return f"a {what} needs a name"
    if len(name) > limit:
        return too_long(len(name), limit, f"a {what}'s name")
    return surrogate_problem(name)


def surrogate_problem(text: str, *, escaped_bytes: bool = False) -> str | None:
    """Why *text* is not text at all (a lone surrogate, which no database stores), or None."""
    if not not_utf8(text):
        return None
    return (
        f"{shown(text, escaped_bytes=escaped_bytes)} holds a lone surrogate (half of a "
        "UTF-16 pair), which is not text: remove it"
    )

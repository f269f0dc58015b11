"""The columns agreements sort by: plain values, no SQL.

Apart from models.query (which compiles a Sort to ORDER BY and re-exports SortColumn), so
that the command line offers `--sort` without loading SQLAlchemy to build its parser.
"""

from __future__ import annotations

from enum import StrEnum


class SortColumn(StrEnum):
    TITLE = "title"
    KIND = "kind"
    LEVEL = "level"
    STATUS = "status"
    SIGNED_ON = "signed_on"
    SIGNED_AT = "signed_at"
    ENTRY_INTO_FORCE = "entry_into_force"
    EXPIRES_ON = "expires_on"
    PARTIES = "parties"
    FIELDS = "fields"
    UPDATED_AT = "updated_at"
    CREATED_AT = "created_at"
    ID = "id"

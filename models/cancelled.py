"""The one exception a long job raises when the user cancels it: export, import, report, job."""

from __future__ import annotations


class Cancelled(Exception):
    """The user cancelled: the job's transaction rolls back and no file is written.

    The message (for logs and tracebacks) says what was stopped; callers tell the user in
    words of their own.
    """

    def __init__(self, message: str = "cancelled; nothing was changed") -> None:
        super().__init__(message)

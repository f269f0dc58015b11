"""Who is working: the user name that saves, imports and the audit log record."""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping

USER_VARIABLE = "TREATY_TRACKER_USER"
UNKNOWN_USER = "unknown"


def current_user(environ: Mapping[str, str] | None = None) -> str:
    """$TREATY_TRACKER_USER, else the operating system's user name."""
    environ = os.environ if environ is None else environ
    configured = " ".join(environ.get(USER_VARIABLE, "").split())
    if configured:
        return configured[:200]
    try:
        return getpass.getuser() or UNKNOWN_USER
    except (KeyError, OSError):  # no user name in the environment nor in the password file
        return UNKNOWN_USER

"""Who is working: the user name that saves, imports and the audit log record."""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping

from models.limits import USER_MAX
from models.text import not_utf8, shown

USER_VARIABLE = "TREATY_TRACKER_USER"
UNKNOWN_USER = "unknown"


class UserNameError(ValueError):
    """The user name has bytes that are not UTF-8; the message says how to fix it."""


def current_user(environ: Mapping[str, str] | None = None) -> str:
    """$TREATY_TRACKER_USER, else the operating system's user name; raises UserNameError."""
    environ = os.environ if environ is None else environ
    configured = " ".join(environ.get(USER_VARIABLE, "").split())
    if configured:
        _check(configured, f"${USER_VARIABLE}", "set it to UTF-8 text")
        return configured[:USER_MAX]
    name = system_user()
    _check(name, "the user name from the operating system", f"set ${USER_VARIABLE}")
    return name[:USER_MAX]


def system_user(default: str = UNKNOWN_USER) -> str:
    """The operating system's user name (as a PostgreSQL client logs in), *default* if none."""
    try:
        return getpass.getuser() or default
    except (KeyError, OSError):  # no user name in the environment nor in the password file
        return default


def _check(name: str, where: str, fix: str) -> None:
    # Undecodable bytes arrive from os.environ as lone surrogates, which no database stores.
    if not_utf8(name):
        raise UserNameError(f"{where} has bytes that are not UTF-8 ({shown(name)}): {fix}")

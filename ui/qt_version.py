"""Refusing, with a clear message, a PySide6 release known to crash the app.

pyproject.toml pins these out, but a PySide6 installed some other way (a system package,
an upgrade by hand) would otherwise crash at exit with a message about Python's internals.
"""

from __future__ import annotations

# Version -> what goes wrong with it.
BROKEN = {
    "6.12.0": "it leaks a reference to True on every signal and crashes on closing "
    "(Fatal Python error: bool_dealloc)",
}


def qt_problem(version: str) -> str | None:
    """Why PySide6 *version* can't run the window, with the way out; None if it can."""
    known = BROKEN.get(version)
    if known is None:
        return None
    return (
        f"PySide6 {version} can't run Treaty Tracker: {known}; install another version: "
        "pip install 'PySide6-Essentials>=6.11.2,<6.12'"
    )

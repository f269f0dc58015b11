"""The log: a rotating file in the user data folder, and stderr as well with --debug.

No Qt here: the command line (ui/cli) starts the log too.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from models.app_identity import log_path

# Three files of 1 MB: months of ordinary use, a few kilobytes a day.
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
_OURS = "_treaty_tracker"  # marks the handlers start_logging added, so a second call replaces them


class _Stderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is now (a test's capture, a redirect set up later).

    A record logged with extra={"on_stderr": False} goes to the file only: main logs an
    unexpected error's traceback that way, as Python then prints it on stderr itself.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "on_stderr", True) and bool(super().filter(record))

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def start_logging(debug: bool = False, path: Path | None = None) -> Path | None:
    """Log INFO and up to the rotating file (DEBUG, echoed on stderr, with *debug*).

    Returns the file's path, or None where it can't be written (a read-only home folder):
    the program then runs without a log rather than not at all.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    # A log that can't be written (a full disk, another process rotating it on Windows)
    # must never stop a command: logging's own complaint goes to stderr only with --debug.
    logging.raiseExceptions = debug
    path = path or log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handlers: list[logging.Handler] = [
            logging.handlers.RotatingFileHandler(
                path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
            )
        ]
    except OSError:
        path, handlers = None, []
    if debug:
        handlers.append(_Stderr())
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        setattr(handler, _OURS, True)
        root.addHandler(handler)
    return path

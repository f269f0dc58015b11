"""The application's names, version and folders: one spelling for data, settings and logs."""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

# The folder name of the database, the log and the settings on every system (no space: it
# is typed in shells and in %LOCALAPPDATA% paths).
APP_FOLDER = "TreatyTracker"
# The reverse-DNS id of the desktop entry, the AppStream metainfo, the icon and the .app.
APP_ID = "io.github.treatytracker.TreatyTracker"
# QSettings' domain: macOS names the preferences file after it (io.github.treatytracker…).
APP_DOMAIN = "treatytracker.github.io"
LOG_NAME = "treaty-tracker.log"
DISTRIBUTION = "treaty-tracker"
# The database to open when no --db is given (else the default one, below).
ENV_VARIABLE = "TREATY_TRACKER_DB"


def app_version() -> str:
    """The installed version (the built app carries the same metadata), for --version and About."""
    return _version_in_dist_info() or _version_by_importlib()


def _version_in_dist_info() -> str | None:
    """The Version of our .dist-info folder on sys.path, where importlib.metadata would look.

    Every command logs its version, and importlib.metadata loads the email package to read
    it: a tenth of a short command's time. None when not found plainly (an egg, a zip).
    """
    prefix = DISTRIBUTION.replace("-", "_") + "-"
    for folder in sys.path:
        try:
            names = [name for name in os.listdir(folder or ".") if name.startswith(prefix)]
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                try:
                    with open(os.path.join(folder, name, "METADATA"), encoding="utf-8") as file:
                        for line in itertools.takewhile(str.strip, file):
                            if line.startswith("Version:"):
                                return line.removeprefix("Version:").strip()
                except OSError:
                    pass
    return None


def _version_by_importlib() -> str:
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def data_dir() -> Path:
    """The user data folder: ~/.local/share/TreatyTracker, %LOCALAPPDATA%\\TreatyTracker, …"""
    import platformdirs  # not for --version, which needs only the version above

    return Path(platformdirs.user_data_dir(APP_FOLDER, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "treaties.db"


def log_path() -> Path:
    """The rotating log file, kept beside the default database."""
    return data_dir() / "logs" / LOG_NAME

"""Which of Qt's X11 libraries this Linux lacks, and the apt-get line that installs them.

Without them Qt says only "could not load the Qt platform plugin xcb … even though it was
found", which sends people reinstalling PySide6; the missing files are known in advance.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Library file -> the Debian and Ubuntu package that brings it.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def xcb_plugin() -> Path:
    """Qt's X11 platform plugin, in the installed (or built) PySide6."""
    import PySide6  # only the package: no Qt library is loaded

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def not_found(ldd_output: str) -> list[str]:
    """The library files ldd could not find, each once, in its order."""
    missing: list[str] = []
    for line in ldd_output.splitlines():
        name, arrow, where = line.strip().partition(" => ")
        if arrow and where.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def missing_libraries(plugin: Path | None = None) -> list[str]:
    """The files the X11 plugin needs and the system lacks ([] when ldd can't tell)."""
    plugin = plugin or xcb_plugin()
    try:
        output = subprocess.run(
            ["ldd", str(plugin)], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return not_found(output)


def install_message(missing: list[str]) -> str:
    """One message: what is missing, and the exact apt-get line (file names for the rest)."""
    packages = [PACKAGES[name] for name in missing if name in PACKAGES]
    unknown = [name for name in missing if name not in PACKAGES]
    lines = [f"the window needs Qt's X11 libraries, and this system lacks {', '.join(missing)}."]
    if packages:
        lines.append(f"On Debian or Ubuntu: sudo apt-get install {' '.join(packages)}")
    if unknown:
        lines.append(f"Elsewhere, install the packages that provide {', '.join(unknown)}")
    else:
        lines.append("(on other systems, the packages that provide those files)")
    return "\n".join(lines)


def x11_problem() -> str | None:
    """The message for a Linux X11 session lacking Qt's libraries; None otherwise."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform not in ("", "xcb"):
        return None
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None  # Qt uses its Wayland plugin, which needs none of these
    missing = missing_libraries()
    return install_message(missing) if missing else None

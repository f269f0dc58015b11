"""Checks before the window starts: Qt's X11 libraries, a PySide6 known to crash."""

from __future__ import annotations

import ctypes.util

import pytest

from ui.app import run_gui
from ui.qt_version import qt_problem
from ui.x11_libraries import install_message, missing_libraries, not_found

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /opt/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f94)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f94)
\tlibxcb-icccm.so.4 => not found
\tlibfoo-x11.so.3 => not found
"""


def test_the_missing_libraries_are_read_from_ldd() -> None:
    assert not_found(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libfoo-x11.so.3"]


def test_the_message_gives_the_exact_apt_get_line() -> None:
    message = install_message(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in message
    assert "lacks libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    unknown = install_message(["libxcb-icccm.so.4", "libfoo-x11.so.3"])
    assert "apt-get install libxcb-icccm4\n" in unknown
    assert "provide libfoo-x11.so.3" in unknown


def test_this_systems_missing_libraries_are_the_ones_the_linker_lacks() -> None:
    missing = missing_libraries()
    for library in ("xcb-icccm", "xcb-keysyms", "xcb-cursor"):
        absent = ctypes.util.find_library(library) is None
        assert any(name.startswith(f"lib{library}.so") for name in missing) == absent


def test_x11_without_the_libraries_stops_with_the_apt_get_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    missing = missing_libraries()
    if not missing:  # a workstation with every library: the window would start instead
        assert install_message(["libxcb-icccm.so.4"]).count("apt-get install") == 1
        return
    assert run_gui(None) == 2
    error = capsys.readouterr().err
    assert "sudo apt-get install" in error and missing[0] in error


def test_pyside6_6_12_0_is_refused_with_the_way_out() -> None:
    message = qt_problem("6.12.0") or ""
    assert "PySide6 6.12.0 can't run Treaty Tracker" in message
    assert "pip install 'PySide6-Essentials>=6.11.2,<6.12'" in message
    assert qt_problem("6.11.3") is None

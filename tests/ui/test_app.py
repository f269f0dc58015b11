"""Starting the GUI where there is no screen says so instead of letting Qt abort."""

from __future__ import annotations

import sys

import pytest

from ui.app import missing_display, run_gui


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check is Linux-only")
def test_no_display_is_explained(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert "xvfb-run" in (missing_display() or "")
    assert run_gui(None) == 2
    assert "no screen" in capsys.readouterr().err


def test_offscreen_platform_counts_as_a_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert missing_display() is None

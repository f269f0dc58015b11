"""reports/ runs without Qt: the command line and a server use it with no display."""

from __future__ import annotations

import subprocess
import sys


def test_importing_reports_loads_no_qt() -> None:
    code = "import sys, reports; print(any(name.startswith('PySide6') for name in sys.modules))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "False"

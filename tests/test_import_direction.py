"""models/, reports/ and the command line (ui/cli/) stay free of Qt, for shells, tests, servers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Imports every module under models/, reports/ and ui/cli/, and the migration scripts by path
# (env.py is Alembic's entry point and runs only inside Alembic), then lists what Qt loaded.
PROBE = """
import importlib, importlib.util, json, pkgutil, sys
from pathlib import Path
import models, reports
import ui.cli

imported = []
for package in (models, reports, ui.cli):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
        imported.append(module.name)
for path in sorted((Path(models.__file__).parent / "migrations" / "versions").glob("*.py")):
    spec = importlib.util.spec_from_file_location("migration_" + path.stem, path)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
    imported.append(path.name)
qt = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
print(json.dumps({"imported": imported, "qt": qt}))
"""


def test_models_and_reports_never_load_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    expected = {"models.query", "models.service", "ui.cli.listing", "0002_search_index.py"}
    assert expected <= set(report["imported"])
    assert report["qt"] == []

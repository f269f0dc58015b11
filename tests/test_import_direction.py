"""Imports point one way (ui -> reports -> models): the rules of DESIGN.md, checked in one test.

models/ never imports Qt, ReportLab, reports/ or ui/; reports/ never imports Qt or ui/; the
command line (ui/cli/) never imports Qt. Checked twice over: every import statement in the
package's files (also those inside functions, which run only on some paths), and what a
fresh interpreter has loaded after importing every module of the package (which also
catches a library that pulls Qt in behind our back).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QT = ("PySide6", "shiboken6")
RULES: dict[str, tuple[str, ...]] = {
    "models": (*QT, "reportlab", "reports", "ui"),
    "reports": (*QT, "ui"),
    "ui.cli": QT,
}

# Imports every module of one package, and for models/ the migration scripts by path
# (env.py is Alembic's entry point and runs only inside Alembic), then lists the modules
# loaded and the ones imported, one JSON line.
PROBE = """
import importlib, importlib.util, json, pkgutil, sys
from pathlib import Path

package = importlib.import_module(sys.argv[1])
imported = []
for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(module.name)
    imported.append(module.name)
if package.__name__ == "models":
    for path in sorted((Path(package.__file__).parent / "migrations" / "versions").glob("*.py")):
        spec = importlib.util.spec_from_file_location("migration_" + path.stem, path)
        spec.loader.exec_module(importlib.util.module_from_spec(spec))
        imported.append(path.name)
print(json.dumps({"imported": imported, "loaded": sorted(sys.modules)}))
"""


def _forbidden(name: str, banned: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in banned)


def _written_imports(path: Path) -> list[str]:
    """The modules *path*'s import statements name, relative ones made absolute."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # from . import x: relative to the file's own package
                parts = path.relative_to(ROOT).parent.parts
                base = ".".join(parts[: len(parts) - node.level + 1])
                names.append(f"{base}.{node.module}" if node.module else base)
            else:
                names.append(node.module or "")
    return names


def _loaded_after_importing(package: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", PROBE, package],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_imports_point_one_way() -> None:
    probes = {package: _loaded_after_importing(package) for package in RULES}  # in parallel
    broken = []
    for package, banned in RULES.items():
        folder = ROOT.joinpath(*package.split("."))
        for path in sorted(folder.rglob("*.py")):
            for name in _written_imports(path):
                if _forbidden(name, banned):
                    broken.append(f"{path.relative_to(ROOT)} imports {name}")
    for package, banned in RULES.items():
        out, err = probes[package].communicate(timeout=120)
        assert probes[package].returncode == 0, err
        report = json.loads(out.strip().splitlines()[-1])
        assert len(report["imported"]) > 5, report["imported"]  # the probe did import them
        loaded = {name.split(".")[0] for name in report["loaded"] if _forbidden(name, banned)}
        broken += [f"importing {package} loads {name}" for name in sorted(loaded)]
    assert not broken, "\n".join(broken)

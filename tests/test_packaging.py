"""What an installer or a distribution needs: the sdist's contents, licences, desktop files."""

from __future__ import annotations

import configparser
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from models.app_identity import APP_ID, app_version

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def tracked(folder: str) -> set[str]:
    listed = subprocess.run(
        ["git", "ls-files", folder], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return set(listed.split())


def test_the_sdist_carries_the_whole_test_suite_and_the_licences(tmp_path: Path) -> None:
    build = (
        "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))"
    )
    name = subprocess.run(
        [sys.executable, "-c", build, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout.split()[-1]
    with tarfile.open(tmp_path / name) as sdist:
        members = {
            member.name.split("/", 1)[1] for member in sdist.getmembers() if "/" in member.name
        }
        info = sdist.extractfile(f"{name.removesuffix('.tar.gz')}/PKG-INFO")
        assert info is not None
        metadata = info.read().decode("utf-8")
    missing = (
        tracked("tests") | tracked("packaging") | tracked("ui/icons") | tracked("ui/i18n")
    ) - members
    assert not missing, sorted(missing)
    assert {
        "LICENSE",
        "Makefile",
        ".ci/run",
        "packaging/licences/bitstream-vera-fonts.txt",
    } <= members
    assert "License-Expression: MIT" in metadata
    assert "License-File: LICENSE" in metadata


def test_the_desktop_entry_and_metainfo_name_the_app_and_its_version() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Icon"] == APP_ID and desktop["Exec"] == "treaty-tracker"
    component = ElementTree.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    assert component.findtext("project_license") == "MIT"
    releases = [release.get("version") for release in component.iter("release")]
    assert releases[0] == app_version()


def test_every_icon_size_is_there_and_square() -> None:
    from PySide6.QtGui import QImage

    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(
            str(ROOT / "ui" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
        )
        assert (image.width(), image.height()) == (size, size)

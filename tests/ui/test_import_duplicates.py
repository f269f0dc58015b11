"""The import preview lists possible duplicates; they are skipped unless the user keeps them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from models import service
from models.database import Database
from models.query import count
from models.service import AgreementInput, ParticipationInput

CSV = (
    "title,kind,status,signed_on,parties\n"
    "Agreement on cooperation in energy,agreement,signed,2021-12-06,KAZ; Oʻzbekiston\n"
    "Agreement on cooperation in transport,agreement,signed,2021-12-06,KAZ; UZB\n"
)


@pytest.fixture
def recorded(database: Database) -> int:
    with database.sessions.begin() as session:
        return service.create(
            session,
            AgreementInput(
                title="Agreement on energy cooperation",
                signed_on="2021-12-06",
                parties=[ParticipationInput("Kazakhstan"), ParticipationInput("Uzbekistan")],
            ),
        ).id


@pytest.mark.parametrize("keep", [False, True])
def test_the_preview_lists_possible_duplicates(
    database: Database, make_window, qtbot, tmp_path: Path, monkeypatch, recorded: int, keep: bool
) -> None:
    source = tmp_path / "near.csv"
    source.write_text(CSV, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    window = make_window(database)
    window.action_import.trigger()
    qtbot.waitUntil(lambda: window.transfers.preview_dialog is not None, timeout=5000)
    preview = window.transfers.preview_dialog
    text = preview.summary.text()
    assert "<b>1</b> is new" in text
    assert "1 looks like an agreement already recorded" in text
    assert f"line 2 ~ {recorded} 'Agreement on energy cooperation'" in text
    assert not preview.keep_box.isHidden()
    preview.keep_box.setChecked(keep)
    if keep:
        assert "<b>2</b> are new" in preview.summary.text()
        assert "will be added anyway" in preview.summary.text()
    with qtbot.waitSignal(window.transfers.import_finished, timeout=10000) as finished:
        preview.accept()
    result = finished.args[0]
    assert result.added == (2 if keep else 1)
    assert len(result.possible_duplicates) == (0 if keep else 1)
    with database.sessions() as session:
        assert count(session) == (3 if keep else 2)

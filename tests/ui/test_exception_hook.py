"""An error nobody caught in the window: a short message naming the log, the details logged."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.exception_hook import ExceptionHook
from ui.logs import start_logging


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = start_logging(path=tmp_path / "logs" / "treaty-tracker.log")
    assert path is not None
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_treaty_tracker", False)]:
        root.removeHandler(handler)
        handler.close()


def failing_slot() -> None:
    raise ZeroDivisionError("Тоқаев divided by zero")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_a_message_naming_the_log(qtbot, log_file: Path) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    hook = ExceptionHook(log_file, window)
    hook.install()
    try:
        QTimer.singleShot(0, failing_slot)
        qtbot.waitUntil(lambda: hook.box is not None and hook.box.isVisible(), timeout=5000)
    finally:
        hook.uninstall()
    assert hook.box is not None
    text = hook.box.text()
    assert "ZeroDivisionError: Тоқаев divided by zero" in text
    assert str(log_file) in text
    assert hook.box.icon() == QMessageBox.Icon.Critical
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "failing_slot" in logged
    hook.box.close()


def test_a_second_error_while_the_message_shows_is_logged_only(qtbot, log_file: Path) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    hook = ExceptionHook(log_file, window)
    for number in (1, 2):
        try:
            raise ValueError(f"error {number}")
        except ValueError as error:
            hook(type(error), error, error.__traceback__)
    qtbot.waitUntil(lambda: hook.box is not None and hook.box.isVisible(), timeout=5000)
    first = hook.box
    assert first is hook.box and "error 1" in hook.box.text()
    assert "error 2" in log_file.read_text(encoding="utf-8")
    hook.box.close()


def test_without_a_log_file_the_message_points_to_debug() -> None:
    hook = ExceptionHook(None)
    assert "treaty-tracker --debug" in hook.message(RuntimeError("x"))


def test_the_log_rotates_and_says_debug_only_with_debug(tmp_path: Path) -> None:
    path = start_logging(path=tmp_path / "Oʻzbekiston" / "treaty-tracker.log")
    assert path is not None
    logging.getLogger("models").debug("hidden")
    logging.getLogger("models").info("Türkiye %s", "x" * 2000)
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_treaty_tracker", 0))
    assert getattr(handler, "maxBytes", 0) == 1_000_000 and getattr(handler, "backupCount", 0) == 3
    start_logging(debug=True, path=path)
    logging.getLogger("models").debug("shown with --debug")
    text = path.read_text(encoding="utf-8")
    assert "Türkiye" in text and "hidden" not in text and "shown with --debug" in text
    start_logging(path=tmp_path / "other.log")  # replaces, never adds to, its own handlers
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_treaty_tracker", False)]
    assert len(ours) == 1
    ours[0].close()
    logging.getLogger().removeHandler(ours[0])


def test_a_folder_that_cannot_be_written_means_no_log_not_a_failure(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert start_logging(path=blocker / "logs" / "treaty-tracker.log") is None

"""Unexpected errors: logged with the traceback, shown with the log's path, the app kept alive."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from editor_app.domain.errors import UserError
from editor_app.gui.error_dialog import ErrorReporter


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "log" / "editor_app.log"
    path.parent.mkdir()
    handler = logging.FileHandler(path, encoding="utf-8")
    root = logging.getLogger()
    root.addHandler(handler)
    yield path
    root.removeHandler(handler)
    handler.close()


@pytest.fixture
def reporter(
    qtbot: QtBot, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ErrorReporter]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    r = ErrorReporter(log_file)
    r.install()
    yield r
    if r.box is not None:
        r.box.close()
    if r.notice is not None:
        r.notice.close()


def _raise_in_slot() -> None:
    raise RuntimeError("hỏng ở đâu đó")


@pytest.mark.qt_no_exception_capture  # the error must reach our hook, as in the app
def _opened(seen: list[QUrl], url: QUrl | str) -> bool:
    assert isinstance(url, QUrl)
    seen.append(url)
    return True


def test_an_error_in_a_slot_shows_the_log_path_and_the_app_goes_on(
    qtbot: QtBot, reporter: ErrorReporter, log_file: Path
) -> None:
    reporter.install()
    QTimer.singleShot(0, _raise_in_slot)  # raised inside Qt's event loop, in a slot
    qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
    box = reporter.box
    assert box is not None
    assert "RuntimeError: hỏng ở đâu đó" in box.text()
    assert str(log_file) in box.informativeText()
    assert "Traceback" in reporter.details and "_raise_in_slot" in reporter.details
    logged = log_file.read_text(encoding="utf-8")
    assert "unexpected error" in logged and "RuntimeError: hỏng ở đâu đó" in logged
    assert "Traceback" in logged
    # Still running: timers fire, the event loop goes on.
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: fired == [True])


def _exc_info(fn: Callable[[], object]) -> tuple[type[BaseException], BaseException, Any]:
    try:
        fn()
    except Exception as e:
        return type(e), e, e.__traceback__
    raise AssertionError("no error")


def test_errors_while_the_dialog_is_open_are_counted_not_stacked(
    qtbot: QtBot, reporter: ErrorReporter
) -> None:
    reporter.excepthook(*_exc_info(_raise_in_slot))
    first = reporter.box
    reporter.excepthook(*_exc_info(lambda: 1 / 0))
    reporter.excepthook(*_exc_info(lambda: [][1]))
    assert reporter.box is first and first is not None
    assert "2 more errors since" in first.informativeText()


def test_an_error_in_another_thread_is_shown_on_the_ui_thread(
    qtbot: QtBot, reporter: ErrorReporter, log_file: Path
) -> None:
    def work() -> None:
        raise ValueError("lỗi trong luồng nền")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
    assert reporter.box is not None and "ValueError: lỗi trong luồng nền" in reporter.box.text()
    assert "lỗi trong luồng nền" in log_file.read_text(encoding="utf-8")


def test_a_user_error_is_a_plain_warning(
    qtbot: QtBot, reporter: ErrorReporter, log_file: Path
) -> None:
    def fail() -> None:
        raise UserError("Không tìm thấy bài viết.")

    reporter.excepthook(*_exc_info(fail))
    assert reporter.box is None
    assert reporter.notice is not None and reporter.notice.text() == "Không tìm thấy bài viết."
    assert reporter.notice.icon() == QMessageBox.Icon.Warning


def test_open_log_folder_button(qtbot: QtBot, reporter: ErrorReporter, log_file: Path) -> None:
    opened: list[QUrl] = []
    reporter.open_url = lambda url: _opened(opened, url)
    reporter.excepthook(*_exc_info(_raise_in_slot))
    box = reporter.box
    assert box is not None
    button = next(b for b in box.findChildren(QPushButton) if b.text() == "Open log folder")
    button.click()
    assert [u.toLocalFile() for u in opened] == [str(log_file.parent)]
    assert box.isVisible()  # the dialog stays: the user may still read it
    copy = next(b for b in box.findChildren(QPushButton) if b.text() == "Copy details")
    clipboard = QGuiApplication.clipboard()
    try:
        copy.click()
        copied = clipboard.text()
    finally:
        clipboard.clear()
    assert copied.startswith("editor_app ") and "RuntimeError: hỏng ở đâu đó" in copied
    assert box.isVisible()


def test_a_start_that_fails_is_shown_not_a_silent_exit(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from editor_app import app as app_module
    from editor_app import logs

    def broken_start(*_args: object, **_kw: object) -> None:
        raise RuntimeError("ổ đĩa hỏng")

    monkeypatch.setattr(app_module, "start", broken_start)
    seen: list[tuple[str, str, list[str]]] = []

    def close_when_shown() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            buttons = [b.text() for b in box.findChildren(QPushButton)]
            seen.append((box.text(), box.informativeText(), buttons))
            box.done(0)
        else:
            QTimer.singleShot(20, close_when_shown)

    QTimer.singleShot(0, close_when_shown)
    assert app_module.run_gui(tmp_path / "data") == 1
    log_path = logs.log_dir() / logs.LOG_NAME
    assert seen and "RuntimeError: ổ đĩa hỏng" in seen[0][0]
    assert str(log_path) in seen[0][1] and seen[0][2] == ["Close"]
    logged = log_path.read_text(encoding="utf-8")
    assert "the app could not start" in logged and "ổ đĩa hỏng" in logged

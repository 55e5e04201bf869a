"""The window on a data folder it cannot use (issue 20, points 5 and 7): a read-only folder, a
damaged or empty database, a full disk met later. The user reads what is wrong in Vietnamese,
with the way out, never the raw English error."""

from __future__ import annotations

import errno
import faulthandler
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.small_disk import Disk, mounted
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from editor_app.app import start
from editor_app.gui import i18n
from editor_app.gui.error_dialog import ErrorReporter
from editor_app.services.workspace import Workspace


@pytest.fixture
def refused(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The texts of the critical dialogs the start shows (recorded, not shown)."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    said: list[str] = []

    def critical(_parent: object, _title: str, text: str, *_a: object) -> None:
        said.append(text)

    monkeypatch.setattr(QMessageBox, "critical", critical)
    yield said
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, "en")  # the other tests read English
    faulthandler.enable(sys.__stderr__ or sys.stderr)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    yield from mounted(tmp_path)


def _folder(data: Path) -> None:
    with Workspace.open(data) as ws:
        for i in range(40):
            ws.articles.create(headline=f"Tin số {i}", body=f"Nội dung tin {i}. " * 200)
    Workspace.open(data).close()  # the day's automatic backup


def test_a_damaged_database_is_named_with_the_way_out(
    qtbot: QtBot, tmp_path: Path, refused: list[str]
) -> None:
    data = tmp_path / "data"
    _folder(data)
    db = data / "editor_app.db"
    with open(db, "r+b") as f:
        f.seek(db.stat().st_size // 2)
        f.write(os.urandom(8192))

    assert start(data, show=False) is None
    assert len(refused) == 1
    assert "bị hỏng" in refused[0] and "restore" in refused[0] and "auto-" in refused[0]


def test_an_empty_database_is_named_not_replaced(
    qtbot: QtBot, tmp_path: Path, refused: list[str]
) -> None:
    data = tmp_path / "data"
    _folder(data)
    (data / "editor_app.db").write_bytes(b"")

    assert start(data, show=False) is None
    assert "rỗng (0 byte)" in refused[0]
    assert (data / "editor_app.db").stat().st_size == 0


def test_a_read_only_folder_is_named(
    qtbot: QtBot, tmp_path: Path, refused: list[str], disk: Disk
) -> None:
    data = disk.root / "data"
    _folder(data)
    disk.make_read_only()

    assert start(data, show=False) is None
    assert "Thư mục dữ liệu chỉ đọc" in refused[0]
    assert "Errno" not in refused[0]


def test_a_full_disk_is_named(qtbot: QtBot, tmp_path: Path, refused: list[str], disk: Disk) -> None:
    data = disk.root / "data"
    _folder(data)
    disk.fill()

    assert start(data, show=False) is None
    assert refused[0].startswith("Ổ đĩa đầy")


def test_a_full_disk_met_while_working_is_named(qtbot: QtBot, tmp_path: Path) -> None:
    reporter = ErrorReporter(tmp_path / "editor_app.log")
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "media" / "x.jpg"))
    reporter.excepthook(OSError, full, None)
    try:
        assert reporter.box is None  # not an "unexpected error"
        assert reporter.notice is not None
        assert reporter.notice.text().startswith("Ổ đĩa đầy")
    finally:
        if reporter.notice is not None:
            reporter.notice.close()


def test_a_start_stopped_by_a_full_disk_says_so(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor_app import app as app_module

    def full_start(*_args: object, **_kw: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "settings.ini"))

    monkeypatch.setattr(app_module, "start", full_start)
    seen: list[str] = []

    def close_when_shown() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.done(0)
        else:
            QTimer.singleShot(20, close_when_shown)

    QTimer.singleShot(0, close_when_shown)
    assert app_module.run_gui(tmp_path / "data") == 1
    assert seen and "Ổ đĩa đầy" in seen[0] and "Errno" not in seen[0]


_FATAL_BEFORE_QT = """
import sys
from pathlib import Path

import editor_app.services.siteconfig as siteconfig


def broken_site_file():
    raise RecursionError("maximum recursion depth exceeded")


siteconfig.load_site = broken_site_file  # an error before Qt is up, as a hostile site file gave

from PySide6.QtWidgets import QMessageBox


def shown(box):
    print("HỘP:", box.windowTitle(), "|", box.text(), "|", box.informativeText(), flush=True)
    return 0


QMessageBox.exec = shown  # recorded, not waited on

from editor_app.app import run_gui

sys.exit(run_gui(Path(sys.argv[1])))
"""


def test_an_error_before_qt_is_up_is_shown_in_vietnamese(tmp_path: Path) -> None:
    """An error before the window (a hostile site file once gave a RecursionError there) is
    shown in a dialog and printed, in Vietnamese: the old code returned without a word, the
    fatal dialog needing a Qt application that did not exist yet."""
    import subprocess

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    env["XDG_DATA_HOME"] = str(tmp_path / "share")
    done = subprocess.run(
        [sys.executable, "-c", _FATAL_BEFORE_QT, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "HỘP: editor_app không khởi động được |" in done.stdout, done.stdout + done.stderr
    assert "RecursionError" in done.stdout
    assert "Chi tiết đã được ghi vào" in done.stdout
    assert "editor_app không khởi động được: RecursionError" in done.stderr
    assert not (tmp_path / "data").exists()  # nothing written to the data folder


def test_an_error_before_qt_without_a_display_is_printed(tmp_path: Path) -> None:
    """No display at all (a Linux session without X): Qt is not brought up (it would abort the
    process), the reason goes to stderr in Vietnamese and the exit code says it failed."""
    import subprocess

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    env["XDG_CONFIG_HOME"] = str(tmp_path / "cfg")
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    done = subprocess.run(
        [sys.executable, "-c", _FATAL_BEFORE_QT, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "HỘP" not in done.stdout
    assert "editor_app không khởi động được: RecursionError" in done.stderr

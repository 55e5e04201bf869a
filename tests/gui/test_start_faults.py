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
    faulthandler.enable(sys.__stderr__)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    yield from mounted(tmp_path)


def _folder(data: Path) -> None:
    with Workspace.open(data) as ws:
        for i in range(40):
            ws.articles.create(headline=f"Tin số {i}", body=f"Nội dung tin {i}. " * 200)
    Workspace.open(data).close()  # the day's automatic backup


def test_a_damaged_database_is_named_with_the_way_out(
    qtbot, tmp_path: Path, refused: list[str]
) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    _folder(data)
    db = data / "editor_app.db"
    with open(db, "r+b") as f:
        f.seek(db.stat().st_size // 2)
        f.write(os.urandom(8192))

    assert start(data, show=False) is None
    assert len(refused) == 1
    assert "bị hỏng" in refused[0] and "restore" in refused[0] and "auto-" in refused[0]


def test_an_empty_database_is_named_not_replaced(qtbot, tmp_path: Path, refused: list[str]) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    _folder(data)
    (data / "editor_app.db").write_bytes(b"")

    assert start(data, show=False) is None
    assert "rỗng (0 byte)" in refused[0]
    assert (data / "editor_app.db").stat().st_size == 0


def test_a_read_only_folder_is_named(qtbot, tmp_path: Path, refused: list[str], disk: Disk) -> None:  # type: ignore[no-untyped-def]
    data = disk.root / "data"
    _folder(data)
    disk.make_read_only()

    assert start(data, show=False) is None
    assert "Thư mục dữ liệu chỉ đọc" in refused[0]
    assert "Errno" not in refused[0]


def test_a_full_disk_is_named(qtbot, tmp_path: Path, refused: list[str], disk: Disk) -> None:  # type: ignore[no-untyped-def]
    data = disk.root / "data"
    _folder(data)
    disk.fill()

    assert start(data, show=False) is None
    assert refused[0].startswith("Ổ đĩa đầy")


def test_a_full_disk_met_while_working_is_named(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
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
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
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

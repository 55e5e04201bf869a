"""Two windows on two data folders and one real PostgreSQL (issue 16, "Done when"): a story
submitted in one window appears in the other's list by itself; the status bar says how things
stand — "Đã đồng bộ 14:32" online, "Ngoại tuyến — 1 bài chờ gửi" when the server is gone."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from editor_app.domain.sync_status import Link
from editor_app.domain.workflow import Role, Status, User
from editor_app.gui.main_window import MainWindow
from editor_app.gui.settings import Settings
from editor_app.services.workspace import Workspace
from editor_app.store.server import ServerStore

MINH = User("Lê Minh", Role.REPORTER)
HA = User("Trần Thu Hà", Role.EDITOR)


def open_window(qtbot: QtBot, folder: Path, user: User) -> MainWindow:
    ws = Workspace.open(folder)
    ws.identity.set(user)
    ini = folder.parent / f"{folder.name}.ini"
    w = MainWindow(Settings(QSettings(str(ini), QSettings.Format.IniFormat)))
    w.attach(ws)
    qtbot.addWidget(w)
    w.show()
    return w


def indicator(w: MainWindow) -> QLabel:
    label = w.findChild(QLabel, "syncIndicator")
    assert isinstance(label, QLabel)
    return label


def close(*windows: MainWindow) -> None:
    for w in windows:
        w.close()
        w.workspace.close()


@pytest.fixture
def windows(
    qtbot: QtBot, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[MainWindow, MainWindow]]:
    ServerStore.open(pg_url).close()  # IT has run `server init`
    monkeypatch.setenv("EDITOR_APP_SERVER_URL", pg_url)
    reporter = open_window(qtbot, tmp_path / "reporter", MINH)
    editor = open_window(qtbot, tmp_path / "editor", HA)
    yield reporter, editor
    close(reporter, editor)


def test_a_story_submitted_in_one_window_appears_in_the_other_by_itself(
    qtbot: QtBot, windows: tuple[MainWindow, MainWindow]
) -> None:
    reporter, editor = windows

    def online(label: QLabel) -> bool:
        return label.text().startswith("Đã đồng bộ")

    labels = [indicator(w) for w in windows]
    qtbot.waitUntil(lambda: all(online(label) for label in labels), timeout=15_000)

    ws = reporter.workspace
    aid = ws.articles.create(headline="Tin nóng từ hiện trường", body="Nội dung.").article.id
    changes = ws.review.set_status(aid, Status.SUBMITTED, MINH)
    started = time.monotonic()
    reporter.bus.publish(changes)  # as the window's own "Gửi duyệt" does
    qtbot.waitUntil(lambda: aid in editor.stories.model.ids(), timeout=10_000)
    print(f"submitted → in the other window's list: {(time.monotonic() - started) * 1000:.0f} ms")
    assert editor.workspace.articles.get(aid).status is Status.SUBMITTED
    assert reporter.sync is not None and reporter.sync.runner.state.link is Link.ONLINE


def test_without_the_server_the_window_says_offline_and_what_waits(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens there once closed
    monkeypatch.setenv("EDITOR_APP_SERVER_URL", f"postgresql://minh@127.0.0.1:{port}/toasoan")
    w = open_window(qtbot, tmp_path / "laptop", MINH)
    try:
        w.workspace.articles.create(headline="Viết khi mất mạng")
        assert w.sync is not None
        w.sync.runner.request(0)
        qtbot.waitUntil(
            lambda: indicator(w).text() == "Ngoại tuyến — 1 bài chờ gửi", timeout=15_000
        )
        assert "Không kết nối được máy chủ" in indicator(w).toolTip()
    finally:
        close(w)


def test_a_desk_without_a_server_shows_no_indicator(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EDITOR_APP_SERVER_URL", raising=False)
    w = open_window(qtbot, tmp_path / "alone", MINH)
    try:
        assert w.sync is None and w.findChild(QLabel, "syncIndicator") is None
    finally:
        close(w)

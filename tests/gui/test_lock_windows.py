"""Story locks in two windows on one real PostgreSQL (issue 16, "Done when"): the editor
opens a story, the reporter's window shows "Đang được Trần Thu Hà sửa" and keeps it read-only;
the reporter takes it over: the editor's window saves what she typed as a revision, syncs it,
says who took it and turns read-only; the words reach the reporter."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from helpers import postgres
from helpers.vi_typing import type_text
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from editor_app.domain.workflow import Role, User
from editor_app.gui.editor import lock_notice
from editor_app.gui.main_window import MainWindow
from editor_app.gui.settings import Settings
from editor_app.gui.sync import locks as window_locks
from editor_app.services.server_users import add_user
from editor_app.services.workspace import Workspace
from editor_app.store.server import ServerStore

MINH = User("Lê Minh", Role.REPORTER)
HA = User("Trần Thu Hà", Role.EDITOR)


def open_window(
    qtbot: QtBot, folder: Path, user: User, url: str, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    monkeypatch.setenv("EDITOR_APP_SERVER_URL", url)  # read once, when the window opens
    ws = Workspace.open(folder)
    ws.identity.set(user)
    ini = folder.parent / f"{folder.name}.ini"
    w = MainWindow(Settings(QSettings(str(ini), QSettings.Format.IniFormat)))
    w.attach(ws)
    w.resize(1280, 720)
    qtbot.addWidget(w)
    w.show()
    return w


def notice_of(w: MainWindow) -> QLabel:
    frame = w.findChild(QFrame, "lockNotice")
    assert isinstance(frame, QFrame)
    label = frame.findChild(QLabel, "lockNoticeText")
    assert isinstance(label, QLabel)
    return label


def online(w: MainWindow) -> bool:
    return w.sync is not None and w.sync.runner.state.last_sync is not None


@pytest.fixture
def logins(pg_server: postgres.PgServer, pg_url: str) -> Iterator[tuple[str, str]]:
    """The reporter's and the editor's own logins, as IT's `server add-user` makes them."""
    ServerStore.open(pg_url).close()  # `server init`
    suffix = uuid.uuid4().hex[:6]
    made = []
    for login, user in ((f"minh_{suffix}", MINH), (f"ha_{suffix}", HA)):
        add_user(make_url(pg_url), login, user.name, user.role, None)
        made.append(make_url(pg_url).set(username=login).render_as_string(hide_password=False))
    yield made[0], made[1]
    with pg_server.admin() as conn:
        for login in (f"minh_{suffix}", f"ha_{suffix}"):
            conn.execute(f'DROP ROLE IF EXISTS "{login}"')


def test_a_held_story_is_read_only_and_a_take_over_keeps_the_holders_words(
    qtbot: QtBot,
    logins: tuple[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(window_locks, "HEARTBEAT", timedelta(milliseconds=300))
    monkeypatch.setattr(lock_notice, "confirm_take_over", lambda *_: True)  # "Tiếp quản"
    reporter = open_window(qtbot, tmp_path / "reporter", MINH, logins[0], monkeypatch)
    editor = open_window(qtbot, tmp_path / "editor", HA, logins[1], monkeypatch)
    try:
        qtbot.waitUntil(lambda: online(reporter) and online(editor), timeout=15_000)
        created = reporter.workspace.articles.create(headline="Tin họp báo", body="Nội dung.")
        aid_ = created.article.id
        reporter.sync.runner.request(0)  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: aid_ in editor.stories.model.ids(), timeout=10_000)

        editor.open_story(aid_)
        assert editor.sync is not None
        editor_locks = editor.sync.locks
        qtbot.waitUntil(lambda: editor_locks.holding == aid_, timeout=10_000)
        reporter.open_story(aid_)
        label = notice_of(reporter)
        qtbot.waitUntil(
            lambda: label.text().startswith("Đang được Trần Thu Hà sửa"), timeout=10_000
        )
        assert reporter.ui.bodyEdit.isReadOnly()

        # The editor types; before it is synced, the reporter takes the story over.
        editor.ui.bodyEdit.setFocus()
        editor.ui.bodyEdit.moveCursor(QTextCursor.MoveOperation.End)
        type_text(editor.ui.bodyEdit, " Thêm câu của biên tập viên.")
        button = reporter.findChild(QPushButton, "takeOverButton")
        assert isinstance(button, QPushButton) and button.isVisible()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not reporter.ui.bodyEdit.isReadOnly(), timeout=10_000)

        lost = notice_of(editor)
        qtbot.waitUntil(lambda: "đã tiếp quản bài này" in lost.text(), timeout=10_000)
        assert lost.text().startswith("Lê Minh đã tiếp quản bài này")
        assert editor.ui.bodyEdit.isReadOnly()
        qtbot.wait(900)  # three more heartbeats: the notice says who took it, not "đang sửa"
        assert lost.text().startswith("Lê Minh đã tiếp quản bài này")
        reasons = [r.reason for r in editor.workspace.review.history(aid_)]
        assert "Lưu trước khi Lê Minh tiếp quản bài" in reasons
        qtbot.waitUntil(
            lambda: "Thêm câu của biên tập viên." in reporter.workspace.articles.get(aid_).body,
            timeout=15_000,
        )
    finally:
        for w in (reporter, editor):
            w.close()
            w.workspace.close()

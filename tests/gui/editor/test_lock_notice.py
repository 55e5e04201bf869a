"""The lock notice above the story's text (gui/editor/lock_notice.py), on its own: plain values
in, a signal out, no server."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from editor_app.domain.locks import LockLost, StoryLock
from editor_app.gui.editor.lock_notice import LockNotice

TAKEN = datetime(2026, 12, 4, 7, 32, tzinfo=UTC)  # 14:32 in Việt Nam
NOW = TAKEN + timedelta(minutes=4)
STORY = uuid.uuid4()
HELD = StoryLock(STORY, "binh", "Trần Văn Bình", "desk-a", TAKEN, NOW)


@pytest.fixture
def answers() -> list[StoryLock]:
    """The locks the user was asked about."""
    return []


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    """Where the notice sits (the editor area's column, in the window)."""
    widget = QWidget()
    widget.resize(600, 80)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_hidden_until_someone_else_holds_the_story(host: QWidget) -> None:
    notice = LockNotice(host)
    assert notice.isHidden() and notice.text() == ""

    notice.show_held(HELD, NOW, my_login="huong")
    assert notice.isVisible()
    assert notice.text() == "Đang được Trần Văn Bình sửa (từ 14:32)"
    assert notice.take_over_button.isVisible() and notice.take_over_button.text() == "Tiếp quản"
    assert notice.lock == HELD

    notice.show_held(HELD, NOW, my_login="binh")
    assert notice.text() == "Bạn đang sửa bài này trên một máy khác (từ 14:32)"

    notice.clear()
    assert notice.isHidden() and notice.lock is None and notice.text() == ""


def test_take_over_asks_first_then_signals_the_story(
    qtbot: QtBot, host: QWidget, answers: list[StoryLock]
) -> None:
    replies = [False, True]

    def confirm(parent: QWidget, lock: StoryLock) -> bool:
        answers.append(lock)
        return replies.pop(0)

    notice = LockNotice(host, confirm=confirm)
    notice.show_held(HELD, NOW)
    with qtbot.assertNotEmitted(notice.take_over_requested):
        qtbot.mouseClick(notice.take_over_button, Qt.MouseButton.LeftButton)  # "Hủy"
    assert notice.take_over_button.isEnabled()

    with qtbot.waitSignal(notice.take_over_requested, timeout=1000) as asked:
        qtbot.mouseClick(notice.take_over_button, Qt.MouseButton.LeftButton)
    assert asked.args == [STORY]
    assert answers == [HELD, HELD]
    assert not notice.take_over_button.isEnabled()  # until the window shows the outcome

    notice.clear()  # the lock is this desk's now
    assert notice.isHidden()


def test_the_desk_that_lost_its_lock_is_told_who_took_it(host: QWidget) -> None:
    notice = LockNotice(host)
    taker = StoryLock(
        STORY, "huong", "Nguyễn Thị Thu Hường", "desk-b", NOW, NOW, "Nguyễn Thị Thu Hường"
    )
    notice.show_lost(LockLost(STORY, taker))
    assert notice.text() == (
        "Nguyễn Thị Thu Hường đã tiếp quản bài này — bản của bạn đã được lưu thành một phiên bản"
    )
    assert not notice.take_over_button.isVisible()
    assert notice.property("lockState") == "lost"
    assert notice.lock is None
    notice.show_held(taker, NOW)  # the window shows the story as held afterwards
    assert notice.property("lockState") == "held" and notice.take_over_button.isVisible()


def _answer_dialog(press: str, seen: list[str]) -> None:
    """Clicks `press` in the take-over dialog once it is open, noting its title and text."""

    def poll(tries: int = 200) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries:
                QTimer.singleShot(20, lambda: poll(tries - 1))
            return
        seen.extend([box.windowTitle(), box.text()])
        for button in box.findChildren(QPushButton):
            if button.text() == press:
                button.click()
                return
        box.reject()

    QTimer.singleShot(0, poll)


@pytest.mark.parametrize(("press", "emitted"), [("Tiếp quản", True), ("Hủy", False)])
def test_the_real_confirmation_dialog(host: QWidget, press: str, emitted: bool) -> None:
    notice = LockNotice(host)
    notice.show_held(HELD, NOW)
    seen: list[str] = []
    got: list[object] = []
    notice.take_over_requested.connect(got.append)
    _answer_dialog(press, seen)
    notice.take_over_button.click()
    assert seen[0] == "Tiếp quản bài viết"
    assert seen[1].startswith("Tiếp quản bài này từ Trần Văn Bình?")
    assert "thành một phiên bản" in seen[1]
    assert got == ([STORY] if emitted else [])

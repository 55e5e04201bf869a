"""The bar above a story's text when someone else holds its lock on the newsroom server (issue
16, point 4; docs/server.md, "Story locks"): "Đang được Trần Văn Bình sửa (từ 14:32)" with a
*Tiếp quản* button, or, on the desk that lost its lock, "Trần Văn Bình đã tiếp quản bài này —
bản của bạn đã được lưu thành một phiên bản".

The widget does no I/O and knows nothing of the server: the window gives it the lock it learned
from `LockService` (`show_held`, `show_lost`, `clear`) and listens to `take_over_requested`,
emitted once the user confirmed. Its words come from `domain/locks.py` (Vietnamese already)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from editor_app.domain.locks import (
    TAKE_OVER_BUTTON,
    TAKE_OVER_CANCEL,
    TAKE_OVER_TITLE,
    LockLost,
    StoryLock,
    held_notice,
    lost_notice,
    take_over_question,
)

__all__ = ["Confirm", "LockNotice", "confirm_take_over"]

_STYLE = {
    "held": "background:#e8f0fe; border:1px solid #8ab4f8; color:#174ea6;",
    "lost": "background:#fde8e4; border:1px solid #e8a598; color:#6d1f12;",
}

Confirm = Callable[[QWidget, StoryLock], bool]
"""Asks the user to confirm taking `lock` over (a dialog; a test gives its own answer)."""


def confirm_take_over(parent: QWidget, lock: StoryLock) -> bool:
    """The confirmation dialog: what happens to the holder's text; "Hủy" is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        TAKE_OVER_TITLE,
        take_over_question(lock),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("takeOverBox")
    yes = box.addButton(TAKE_OVER_BUTTON, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(TAKE_OVER_CANCEL, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    taken = box.clickedButton() is yes
    box.deleteLater()
    return taken


class LockNotice(QFrame):
    """Hidden while this desk may edit the story; shows who holds it, or who took it over."""

    take_over_requested = Signal(object)
    """The story's id (uuid.UUID): the user confirmed taking its lock over. The window then
    calls `LockService.take_over` off the UI thread and shows the outcome (`clear()` once the
    story is this desk's)."""

    def __init__(self, parent: QWidget | None = None, *, confirm: Confirm | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockNotice")
        self._confirm = confirm or confirm_take_over
        self._lock: StoryLock | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel(self)
        self.label.setObjectName("lockNoticeText")
        self.label.setWordWrap(True)
        self.take_over_button = QPushButton(TAKE_OVER_BUTTON, self)
        self.take_over_button.setObjectName("takeOverButton")
        self.take_over_button.clicked.connect(self._take_over_clicked)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.take_over_button)
        self._paint("held")
        self.hide()

    @property
    def lock(self) -> StoryLock | None:
        """The lock shown as held by someone else (None when none is)."""
        return self._lock

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""

    def show_held(self, lock: StoryLock, now: datetime, my_login: str = "") -> None:
        """Someone else holds the open story's lock (`now`: the server's time of the answer;
        `my_login`: this desk's login, so the same person elsewhere reads "Bạn đang sửa…")."""
        self._lock = lock
        self._paint("held")
        self.label.setText(held_notice(lock, now, my_login))
        self.take_over_button.setEnabled(True)
        self.take_over_button.show()
        self.show()

    def show_lost(self, lost: LockLost) -> None:
        """This desk lost the open story's lock (its text was saved as a revision first): the
        story is read-only; nothing to take over from here until the window offers it again."""
        self._lock = None
        self._paint("lost")
        self.label.setText(lost_notice(lost))
        self.take_over_button.hide()
        self.show()

    def clear(self) -> None:
        """This desk may edit the story (its lock, or no server): the bar goes."""
        self._lock = None
        self.label.clear()
        self.hide()

    def _paint(self, kind: str) -> None:
        self.setProperty("lockState", kind)
        self.setStyleSheet(
            f"QFrame#lockNotice {{ {_STYLE[kind]} border-radius:6px; }}"
            " QLabel { border:none; background:transparent; }"
        )

    def _take_over_clicked(self) -> None:
        lock = self._lock
        if lock is None or not self._confirm(self, lock):
            return
        self.take_over_button.setEnabled(False)  # until the window shows the outcome
        self.take_over_requested.emit(lock.article_id)

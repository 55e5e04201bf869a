"""Story locks (issue 16, point 4): who is editing a story on a connected desk, and what the
desks say about it ("Đang được Trần Văn Bình sửa", as WordPress and Superdesk show).

A lock is a row on the newsroom server (not a session-level advisory lock, which leaks behind
connection poolers): the person's login, their name, the desk, when it was taken and its last
heartbeat. A desk renews its locks every `HEARTBEAT`; a lock with no heartbeat for `EXPIRY` is
stale and the next desk to open the story takes it without asking. Another desk may *take over*
a live lock: the lock becomes its own, marked `taken_over_by`, and the former holder learns it
on its next heartbeat (its desk saves its text as a revision, syncs, then shows the story
read-only). Offline edits are never blocked: a desk without the server takes no lock.

Pure rules: no clock (the caller gives the server's `now`), no SQL, no Qt.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from editor_app.domain.text import format_date
from editor_app.domain.timezone import to_local

__all__ = [
    "EXPIRY",
    "HEARTBEAT",
    "TAKE_OVER_BUTTON",
    "TAKE_OVER_CANCEL",
    "TAKE_OVER_TITLE",
    "LockLost",
    "StoryLock",
    "held_notice",
    "is_stale",
    "lost_notice",
    "lost_revision_reason",
    "since_text",
    "take_over_question",
]

EXPIRY = timedelta(seconds=150)
"""A lock with no heartbeat for this long is stale: the next desk takes it silently."""

HEARTBEAT = timedelta(seconds=30)
"""How often a desk renews its locks: five beats fit in `EXPIRY`, so a lost beat or two (a
busy network, a laptop waking up) never loses a lock."""

TAKE_OVER_BUTTON = "Tiếp quản"
TAKE_OVER_TITLE = "Tiếp quản bài viết"
TAKE_OVER_CANCEL = "Hủy"


@dataclass(frozen=True, slots=True)
class StoryLock:
    """A lock as the server holds it; times are the server's, aware, in UTC."""

    article_id: uuid.UUID
    login: str
    """The holder's PostgreSQL role, as the server decided it (`session_user`)."""
    holder: str
    """The holder's name (from the staff list, else the login)."""
    desk_id: str
    taken_at: datetime
    heartbeat_at: datetime
    taken_over_by: str = ""
    """The name of whoever took this lock over from its former holder ("" when it was taken
    freely)."""

    @property
    def taken_over(self) -> bool:
        return bool(self.taken_over_by)

    def held_by(self, login: str, desk_id: str) -> bool:
        """This person on this desk holds it: reopening the story there is "already mine"."""
        return self.login == login and self.desk_id == desk_id


@dataclass(frozen=True, slots=True)
class LockLost:
    """A lock this desk held and no longer does (found on a heartbeat)."""

    article_id: uuid.UUID
    now_held_by: StoryLock
    """Who holds it now."""

    @property
    def taken_over(self) -> bool:
        """Someone took it over (rather than taking it after this desk's lock expired)."""
        return self.now_held_by.taken_over

    @property
    def by(self) -> str:
        """The name of the person who has it now."""
        return self.now_held_by.holder


def is_stale(lock: StoryLock, now: datetime, expiry: timedelta = EXPIRY) -> bool:
    """No heartbeat for `expiry` (or more) at `now`, the server's time."""
    return now - lock.heartbeat_at >= expiry


def since_text(when: datetime, now: datetime) -> str:
    """ "14:32" when `when` is today in Việt Nam's time, else "14:32 ngày 3/12/2026"."""
    local, local_now = to_local(when), to_local(now)
    clock = local.strftime("%H:%M")
    if local.date() == local_now.date():
        return clock
    return f"{clock} ngày {format_date(local.date())}"


def held_notice(lock: StoryLock, now: datetime, my_login: str = "") -> str:
    """The bar above a story someone else is editing:
    "Đang được Trần Văn Bình sửa (từ 14:32)"; the same person on another desk reads
    "Bạn đang sửa bài này trên một máy khác (từ 14:32)"."""
    since = since_text(lock.taken_at, now)
    if my_login and lock.login == my_login:
        return f"Bạn đang sửa bài này trên một máy khác (từ {since})"
    return f"Đang được {lock.holder} sửa (từ {since})"


def take_over_question(lock: StoryLock) -> str:
    """The confirmation before taking over `lock`: what happens to the holder's work."""
    who = lock.holder
    return (
        f"Tiếp quản bài này từ {who}?\n\n"
        f"Máy của {who} sẽ lưu phần chưa đồng bộ thành một phiên bản và gửi lên máy chủ "
        f"trước khi chuyển sang chỉ đọc, nên không ai mất bài. {who} sẽ được báo rằng "
        "bạn đã tiếp quản."
    )


def lost_notice(lost: LockLost) -> str:
    """The bar on the desk that lost its lock (its text was saved as a revision first)."""
    saved = "bản của bạn đã được lưu thành một phiên bản"
    if lost.taken_over:
        return f"{lost.by} đã tiếp quản bài này — {saved}"
    return f"Khóa sửa bài đã hết hạn khi máy mất kết nối và {lost.by} đang sửa bài này — {saved}"


def lost_revision_reason(lost: LockLost) -> str:
    """The reason of the revision the desk that lost its lock saves (kind "save", so every
    desk, older ones included, reads it): "Lưu trước khi Trần Văn Bình tiếp quản bài"."""
    if lost.taken_over:
        return f"Lưu trước khi {lost.by} tiếp quản bài"
    return f"Lưu khi khóa sửa bài hết hạn ({lost.by} đang sửa bài)"

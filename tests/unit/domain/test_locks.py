"""The rules and texts of story locks (domain/locks.py): staleness, the notices in Vietnamese."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.locks import (
    EXPIRY,
    HEARTBEAT,
    LockLost,
    StoryLock,
    held_notice,
    is_stale,
    lost_notice,
    lost_revision_reason,
    since_text,
    take_over_question,
)

BINH = "Trần Văn Bình"
# 07:32 UTC is 14:32 in Việt Nam (GMT+7).
TAKEN = datetime(2026, 12, 4, 7, 32, tzinfo=UTC)


def _lock(heartbeat: datetime = TAKEN, taken_over_by: str = "", holder: str = BINH) -> StoryLock:
    return StoryLock(uuid.uuid4(), "binh", holder, "desk-a", TAKEN, heartbeat, taken_over_by)


def test_a_few_heartbeats_fit_in_the_expiry() -> None:
    assert EXPIRY.total_seconds() == 150
    assert EXPIRY >= 4 * HEARTBEAT


@pytest.mark.parametrize(
    ("since_beat", "stale"),
    [
        (timedelta(0), False),
        (HEARTBEAT, False),
        (EXPIRY - timedelta(microseconds=1), False),
        (EXPIRY, True),
        (EXPIRY + timedelta(seconds=1), True),
        (timedelta(days=3), True),
        (-timedelta(seconds=5), False),  # a beat "after" now: the server's clock, never stale
    ],
)
def test_is_stale(since_beat: timedelta, stale: bool) -> None:
    assert is_stale(_lock(), TAKEN + since_beat) is stale


@given(
    beat=st.integers(min_value=0, max_value=10**6),
    later=st.integers(min_value=0, max_value=10**6),
    expiry=st.integers(min_value=1, max_value=10**4),
)
def test_staleness_only_grows_with_time(beat: int, later: int, expiry: int) -> None:
    lock = _lock(heartbeat=TAKEN + timedelta(seconds=beat))
    limit = timedelta(seconds=expiry)
    now = TAKEN + timedelta(seconds=beat + later)
    assert is_stale(lock, now, limit) is (later >= expiry)
    if is_stale(lock, now, limit):
        assert is_stale(lock, now + timedelta(seconds=1), limit)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (TAKEN + timedelta(minutes=5), "14:32"),
        (datetime(2026, 12, 4, 16, 59, tzinfo=UTC), "14:32"),  # 23:59 the same local day
        (datetime(2026, 12, 4, 17, 0, tzinfo=UTC), "14:32 ngày 4/12/2026"),  # local midnight
        (TAKEN + timedelta(days=40), "14:32 ngày 4/12/2026"),
    ],
)
def test_since_is_in_vietnam_s_time(now: datetime, expected: str) -> None:
    assert since_text(TAKEN, now) == expected


def test_the_held_notice() -> None:
    lock = _lock()
    now = TAKEN + timedelta(minutes=3)
    assert held_notice(lock, now) == "Đang được Trần Văn Bình sửa (từ 14:32)"
    assert held_notice(lock, now, my_login="huong") == "Đang được Trần Văn Bình sửa (từ 14:32)"
    assert held_notice(lock, now, my_login="binh") == (
        "Bạn đang sửa bài này trên một máy khác (từ 14:32)"
    )


def test_what_losing_a_lock_says() -> None:
    taken_over = LockLost(uuid.uuid4(), _lock(taken_over_by=BINH))
    assert taken_over.taken_over and taken_over.by == BINH
    assert lost_notice(taken_over) == (
        "Trần Văn Bình đã tiếp quản bài này — bản của bạn đã được lưu thành một phiên bản"
    )
    expired = LockLost(uuid.uuid4(), _lock())
    assert not expired.taken_over
    assert lost_notice(expired) == (
        "Khóa sửa bài đã hết hạn khi máy mất kết nối và Trần Văn Bình đang sửa bài này — "
        "bản của bạn đã được lưu thành một phiên bản"
    )


def test_the_revision_saved_before_letting_go_says_why() -> None:
    assert lost_revision_reason(LockLost(uuid.uuid4(), _lock(taken_over_by=BINH))) == (
        "Lưu trước khi Trần Văn Bình tiếp quản bài"
    )
    assert lost_revision_reason(LockLost(uuid.uuid4(), _lock())) == (
        "Lưu khi khóa sửa bài hết hạn (Trần Văn Bình đang sửa bài)"
    )


def test_the_take_over_question_says_no_one_loses_work() -> None:
    question = take_over_question(_lock())
    assert question.startswith("Tiếp quản bài này từ Trần Văn Bình?")
    assert "phiên bản" in question and "không ai mất bài" in question


def test_the_texts_are_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", BINH)
    lock = _lock(holder=unicodedata.normalize("NFC", decomposed), taken_over_by=BINH)
    now = TAKEN + timedelta(days=2)
    for message in (
        held_notice(lock, now),
        held_notice(lock, now, "binh"),
        take_over_question(lock),
        lost_notice(LockLost(lock.article_id, lock)),
        lost_notice(LockLost(lock.article_id, _lock())),
    ):
        assert unicodedata.is_normalized("NFC", message)

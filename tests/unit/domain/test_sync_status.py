"""The status bar's words on the newsroom server, in Vietnamese, with the local time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from editor_app.domain.sync_status import Link, SyncState, status_details, status_text
from editor_app.domain.timezone import to_local

NOW = datetime(2026, 12, 4, 7, 32, tzinfo=UTC)


def clock(at: datetime) -> str:
    local = to_local(at)
    return f"{local.hour:02d}:{local.minute:02d}"


def test_online_says_when_it_last_synced() -> None:
    state = SyncState(Link.ONLINE, last_sync=NOW)
    assert status_text(state, NOW) == f"Đã đồng bộ {clock(NOW)}"


def test_an_older_sync_gives_the_date_the_vietnamese_way() -> None:
    then = NOW - timedelta(days=3)
    text = status_text(SyncState(Link.ONLINE, last_sync=then), NOW)
    local = to_local(then).date()
    assert text.endswith(f"{local.day}/{local.month}/{local.year}")


def test_offline_counts_what_waits_and_says_nothing_is_lost() -> None:
    state = SyncState(Link.OFFLINE, pending=3, reason="Không kết nối được máy chủ 10.0.0.5")
    assert status_text(state, NOW) == "Ngoại tuyến — 3 bài chờ gửi"
    assert status_text(SyncState(Link.OFFLINE), NOW) == "Ngoại tuyến"
    details = status_details(state, NOW)
    assert "sẽ được gửi khi kết nối lại" in details and "10.0.0.5" in details


def test_a_refusal_is_flagged_and_detailed() -> None:
    refused = "Máy chủ không nhận việc chuyển bài “A” sang Đã duyệt."
    state = SyncState(Link.ONLINE, last_sync=NOW, refused=(refused,), pending=1)
    assert status_text(state, NOW).endswith("— có thay đổi bị từ chối")
    assert refused in status_details(state, NOW)


def test_large_counts_use_vietnamese_digit_grouping() -> None:
    state = SyncState(Link.NOT_LOGGED_IN, pending=1245)
    assert status_text(state, NOW) == "Chưa đăng nhập máy chủ — 1.245 bài chờ gửi"


def test_the_details_say_what_a_click_does() -> None:
    assert status_details(SyncState(Link.NOT_LOGGED_IN), NOW).endswith(
        "Bấm vào đây để đăng nhập máy chủ tòa soạn."
    )
    assert status_details(SyncState(Link.OFFLINE), NOW).endswith("Bấm vào đây để đồng bộ ngay.")

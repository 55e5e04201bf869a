"""What the status bar says about the newsroom server (issue 16): "Đã đồng bộ 14:32",
"Ngoại tuyến — 3 bài chờ gửi", "Đang đồng bộ…", and the details shown on hovering it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from editor_app.domain.text import format_number
from editor_app.domain.timezone import to_local
from editor_app.domain.vi_dates import format_vi_date

__all__ = ["Link", "SyncState", "status_details", "status_text"]


class Link(Enum):
    SYNCING = "syncing"
    ONLINE = "online"
    OFFLINE = "offline"
    NOT_LOGGED_IN = "not_logged_in"


@dataclass(frozen=True)
class SyncState:
    link: Link
    last_sync: datetime | None = None
    pending: int = 0
    conflicts: int = 0
    refused: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    reason: str = ""
    """Why the desk is offline or not logged in (the error's message)."""
    server: str = ""


def _when(at: datetime, now: datetime) -> str:
    local, today = to_local(at), to_local(now).date()
    clock = f"{local.hour:02d}:{local.minute:02d}"
    return clock if local.date() == today else f"{clock} {format_vi_date(local.date())}"


def _waiting(pending: int) -> str:
    return f"{format_number(pending)} bài chờ gửi"


def status_text(state: SyncState, now: datetime) -> str:
    """The indicator's short text."""
    if state.link is Link.SYNCING:
        return "Đang đồng bộ…"
    if state.link is Link.NOT_LOGGED_IN:
        return "Chưa đăng nhập máy chủ" + (f" — {_waiting(state.pending)}" if state.pending else "")
    if state.link is Link.OFFLINE:
        return "Ngoại tuyến" + (f" — {_waiting(state.pending)}" if state.pending else "")
    text = "Đã đồng bộ" + (f" {_when(state.last_sync, now)}" if state.last_sync else "")
    if state.refused or state.problems:
        text += " — có thay đổi bị từ chối"
    elif state.pending:
        text += f" — {_waiting(state.pending)}"
    return text


def status_details(state: SyncState, now: datetime) -> str:
    """The tooltip: the server, the last sync, and every refusal or problem of the last round."""
    lines = []
    if state.server:
        lines.append(f"Máy chủ tòa soạn: {state.server}")
    if state.last_sync is not None:
        lines.append(f"Lần đồng bộ gần nhất: {_when(state.last_sync, now)}")
    if state.link is Link.OFFLINE:
        lines.append(
            "Không kết nối được máy chủ: mọi bài vẫn được lưu trên máy này và sẽ được "
            "gửi khi kết nối lại."
        )
    if state.reason:
        lines.append(state.reason)
    if state.pending:
        lines.append(f"Còn {_waiting(state.pending)}.")
    if state.conflicts:
        lines.append(f"{format_number(state.conflicts)} xung đột mới cần giải quyết.")
    lines.extend(state.refused)
    lines.extend(state.problems)
    if state.link is Link.NOT_LOGGED_IN:
        lines.append("Bấm vào đây để đăng nhập máy chủ tòa soạn.")
    elif state.link is not Link.SYNCING:
        lines.append("Bấm vào đây để đồng bộ ngay.")
    return "\n".join(lines)

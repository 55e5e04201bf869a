"""What a damaged database is told with: what is wrong, and the way out (the latest good
backup and the command that restores it)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from editor_app.store import backups
from editor_app.store.errors import DatabaseCorrupt

log = logging.getLogger(__name__)


def refuse_empty(path: Path) -> None:
    """An empty (0-byte) database file is damage to report, never a new database to create."""
    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        return
    if empty:
        raise DatabaseCorrupt(
            f"Tệp cơ sở dữ liệu {path} rỗng (0 byte): dữ liệu trong đó đã mất. Ứng dụng không "
            f"tạo lại một kho trống đè lên nó. {way_out(path.parent)}"
        )


def way_out(data_dir: Path) -> str:
    """How to get the data back: the latest backup and the command that restores it."""
    command = f"editor-app --data-dir “{data_dir}” restore"
    latest = backups.latest_good(data_dir)
    if latest is None:
        return (
            f"Chưa có bản sao lưu tốt trong {backups.folder(data_dir)}: nếu có bản sao lưu ở "
            f"nơi khác, khôi phục bằng lệnh {command} TỆP."
        )
    from editor_app.domain.text import format_datetime
    from editor_app.domain.timezone import to_local

    when = format_datetime(to_local(datetime.fromtimestamp(latest.stat().st_mtime, UTC)), False)
    return f"Bản sao lưu tốt mới nhất: {latest.name} ({when}); khôi phục bằng lệnh: {command}"


def corrupt_message(path: Path, problems: list[str], *, opened: bool) -> str:
    """`opened`: the database was opened read-only (else: refused). SQLite's own words (in
    English) go to the log, not into the message."""
    if problems:
        log.info("quick check of %s: %s", path, "; ".join(problems[:20]))
    state = (
        "chỉ mở để đọc, mọi thay đổi bị từ chối"
        if opened
        else "không ghi được gì vào đó để khỏi làm hỏng thêm"
    )
    return f"Cơ sở dữ liệu {path} bị hỏng: {state}. {way_out(path.parent)}"

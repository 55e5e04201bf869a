"""Database errors a user can understand, told apart from bugs."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc

from editor_app.domain.errors import UserError


class StoreError(UserError):
    """A known storage failure (disk full, I/O, busy, corrupt, read-only, locked folder...)."""


class DiskFull(StoreError):
    pass


class DiskIOError(StoreError):
    pass


class DatabaseBusy(StoreError):
    pass


class DatabaseCorrupt(StoreError):
    pass


class DatabaseReadOnly(StoreError):
    pass


class DataFolderLocked(StoreError):
    pass


class SchemaTooNew(StoreError):
    pass


# SQLite primary result codes (https://sqlite.org/rescode.html).
_BY_CODE: dict[int, tuple[type[StoreError], str]] = {
    13: (DiskFull, "Ổ đĩa đã đầy: không lưu được. Hãy giải phóng dung lượng rồi thử lại."),
    10: (DiskIOError, "Lỗi đọc/ghi ổ đĩa khi truy cập cơ sở dữ liệu."),
    5: (DatabaseBusy, "Cơ sở dữ liệu đang bận (một tiến trình khác đang ghi). Hãy thử lại."),
    6: (DatabaseBusy, "Cơ sở dữ liệu đang bận (một tiến trình khác đang ghi). Hãy thử lại."),
    11: (DatabaseCorrupt, "Cơ sở dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu."),
    26: (DatabaseCorrupt, "Tệp không phải là cơ sở dữ liệu của editor_app, hoặc đã bị hỏng."),
    8: (DatabaseReadOnly, "Cơ sở dữ liệu chỉ đọc: không có quyền ghi vào thư mục dữ liệu."),
    14: (
        DiskIOError,
        "Không mở được tệp cơ sở dữ liệu (thư mục không tồn tại hoặc không có quyền).",
    ),
}


def classify(error: BaseException) -> StoreError | None:
    """The user-facing error for a SQLite failure, or None when it is a bug."""
    orig = error.orig if isinstance(error, sa_exc.DBAPIError) else error
    if not isinstance(orig, sqlite3.Error):
        return None
    code = getattr(orig, "sqlite_errorcode", None)
    if code is None:
        text = str(orig).lower()
        if "disk is full" in text:
            code = 13
        elif "disk i/o" in text:
            code = 10
        elif "locked" in text or "busy" in text:
            code = 5
        elif "malformed" in text:
            code = 11
        elif "not a database" in text:
            code = 26
        elif "readonly" in text or "read-only" in text:
            code = 8
    if code is None:
        return None
    known = _BY_CODE.get(code & 0xFF)
    if known is None:
        return None
    cls, message = known
    return cls(message)


@contextmanager
def translate_errors() -> Iterator[None]:
    """Re-raises SQLite's known failures as StoreError; anything else propagates unchanged."""
    try:
        yield
    except (sa_exc.DBAPIError, sqlite3.Error) as e:
        known = classify(e)
        if known is None:
            raise
        raise known from e

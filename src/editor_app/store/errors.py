"""Database errors a user can understand, told apart from bugs."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


class SearchIndexCorrupt(StoreError):
    """The full-text index is damaged; the stories themselves are not."""


class DatabaseReadOnly(StoreError):
    pass


class DataFolderLocked(StoreError):
    pass


class SchemaTooNew(StoreError):
    pass


DISK_FULL = "Ổ đĩa đầy: không lưu được. Hãy giải phóng dung lượng rồi thử lại."
READ_ONLY = (
    "Thư mục dữ liệu chỉ đọc: không có quyền ghi vào cơ sở dữ liệu. Các lệnh chỉ đọc "
    "(list, show, search, export, backup, check) vẫn dùng được."
)
INDEX_CORRUPT = (
    "Chỉ mục tìm kiếm bị hỏng (các bài viết không sao). Chạy “editor-app check” để dựng lại."
)

# SQLite primary result codes (https://sqlite.org/rescode.html).
_BY_CODE: dict[int, tuple[type[StoreError], str]] = {
    13: (DiskFull, DISK_FULL),
    10: (DiskIOError, "Lỗi đọc/ghi ổ đĩa khi truy cập cơ sở dữ liệu."),
    5: (DatabaseBusy, "Cơ sở dữ liệu đang bận (một tiến trình khác đang ghi). Hãy thử lại."),
    6: (DatabaseBusy, "Cơ sở dữ liệu đang bận (một tiến trình khác đang ghi). Hãy thử lại."),
    11: (DatabaseCorrupt, "Cơ sở dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu."),
    26: (DatabaseCorrupt, "Tệp không phải là cơ sở dữ liệu của editor_app, hoặc đã bị hỏng."),
    8: (DatabaseReadOnly, READ_ONLY),
    14: (
        DiskIOError,
        "Không mở được tệp cơ sở dữ liệu (thư mục không tồn tại hoặc không có quyền).",
    ),
}


def classify(error: BaseException) -> StoreError | None:
    """The user-facing error for a SQLite failure or a disk fault, or None when it is a bug."""
    if isinstance(error, OSError):
        return os_error(error)
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
        elif "malformed" in text or "could not decode" in text:  # text from a damaged page
            code = 11
        elif "not a database" in text:
            code = 26
        elif "readonly" in text or "read-only" in text:
            code = 8
    if code is None:
        return None
    if code == 267:  # SQLITE_CORRUPT_VTAB: the FTS5 index, not the tables
        return SearchIndexCorrupt(INDEX_CORRUPT)
    known = _BY_CODE.get(code & 0xFF)
    if known is None:
        return None
    cls, message = known
    return cls(message)


def refused_write(refusal: StoreError | None, why: str = "") -> StoreError:
    """A write refused on a reader: `why`, then the writer's refusal the reader met at open
    (another process holds the folder, named; a read-only folder; a full disk), or READ_ONLY."""
    if refusal is None:
        refusal = DatabaseReadOnly(READ_ONLY)
    return type(refusal)(f"{why} {refusal}" if why else str(refusal))


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


def os_error(error: OSError, data_dir: Path | None = None) -> StoreError | None:
    """The user-facing error for a file system fault (full, read-only, no access, I/O) met
    while copying or writing a file, or None for other OSErrors. `data_dir`: the data folder,
    named as such when the file is in it."""
    name = error.filename
    where = f" ({name})" if name else ""
    in_data = data_dir is not None and name is not None and _inside(Path(str(name)), data_dir)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"Ổ đĩa đầy: không ghi được{where}. Hãy giải phóng dung lượng rồi thử lại.")
    if error.errno == errno.EROFS:
        if in_data:
            return DatabaseReadOnly(f"Thư mục dữ liệu chỉ đọc: không ghi được{where}.")
        return DatabaseReadOnly(f"Ổ đĩa chỉ đọc: không ghi được{where}.")
    if error.errno in (errno.EACCES, errno.EPERM):
        if in_data:
            return DatabaseReadOnly(f"Thư mục dữ liệu chỉ đọc: không có quyền ghi{where}.")
        return DiskIOError(f"Không có quyền truy cập tệp{where}.")
    if error.errno == errno.EIO:
        return DiskIOError(f"Lỗi đọc/ghi ổ đĩa{where}.")
    return None


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


@contextmanager
def translate_os_errors(data_dir: Path | None = None) -> Iterator[None]:
    """Re-raises a file system fault as a StoreError; anything else propagates unchanged."""
    try:
        yield
    except OSError as e:
        known = os_error(e, data_dir)
        if known is None:
            raise
        raise known from e

"""Each disk fault has its own Vietnamese message (issue 20, point 5), whether SQLite or a file
copy met it; an OSError that is not a disk fault stays a bug."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from editor_app.store.errors import (
    DatabaseReadOnly,
    DiskFull,
    DiskIOError,
    StoreError,
    os_error,
)


@pytest.mark.parametrize(
    ("code", "inside", "kind", "start"),
    [
        (errno.ENOSPC, True, DiskFull, "Ổ đĩa đầy"),
        (errno.ENOSPC, False, DiskFull, "Ổ đĩa đầy"),
        (errno.EDQUOT, True, DiskFull, "Ổ đĩa đầy"),
        (errno.EROFS, True, DatabaseReadOnly, "Thư mục dữ liệu chỉ đọc"),
        (errno.EROFS, False, DatabaseReadOnly, "Ổ đĩa chỉ đọc"),
        (errno.EACCES, True, DatabaseReadOnly, "Thư mục dữ liệu chỉ đọc"),
        (errno.EACCES, False, DiskIOError, "Không có quyền truy cập tệp"),
        (errno.EIO, True, DiskIOError, "Lỗi đọc/ghi ổ đĩa"),
    ],
)
def test_a_disk_fault_is_named(
    tmp_path: Path, code: int, inside: bool, kind: type[StoreError], start: str
) -> None:
    data = tmp_path / "data"
    where = (data if inside else tmp_path / "elsewhere") / "media" / "ảnh.jpg"
    known = os_error(OSError(code, "English words", str(where)), data)
    assert isinstance(known, kind)
    assert str(known).startswith(start)
    assert str(where) in str(known) and "English" not in str(known)


def test_other_os_errors_are_left_to_the_bug_report(tmp_path: Path) -> None:
    assert os_error(OSError(errno.EBADF, "Bad file descriptor"), tmp_path) is None
    assert os_error(FileNotFoundError(errno.ENOENT, "No such file"), tmp_path) is None

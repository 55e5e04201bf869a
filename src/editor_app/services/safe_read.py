"""Reading a file someone else named (IT's site file, the files it names) without being hurt by
it: only a regular file, at most so many bytes, never blocking.

What `Path.read_bytes()` does with a name pointing elsewhere: /dev/zero reads until memory runs
out, a FIFO blocks until someone writes, a tape device rewinds. So: `os.stat` first (refuse
what is not a regular file, or too big), then open with O_NONBLOCK (a FIFO swapped in after the
stat opens at once instead of waiting for a writer), check the opened file again (`fstat`) and
read at most `limit` + 1 bytes. Every reason is a Vietnamese `UnreadableFile`.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from editor_app.domain.errors import UserError
from editor_app.domain.site_limits import size_text
from editor_app.domain.text import format_number

__all__ = ["UnreadableFile", "check_regular", "read_regular"]

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)  # Windows: no newline translation
)
_MISSING = "không tìm thấy tệp"
_ERRNO_REASONS = {
    errno.ENOENT: _MISSING,
    errno.EACCES: "không có quyền đọc tệp",
    errno.EPERM: "không có quyền đọc tệp",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ELOOP: "liên kết tượng trưng vòng quanh",
    errno.ENAMETOOLONG: "đường dẫn quá dài",
    errno.EIO: "lỗi đọc ổ đĩa",
}


class UnreadableFile(UserError):
    """A file that was not read: `path` and the Vietnamese `reason` (no full stop)."""

    def __init__(self, path: Path, reason: str) -> None:
        if reason == _MISSING:
            super().__init__(f"Không tìm thấy tệp {path}.")
        else:
            super().__init__(f"Không đọc được tệp {path}: {reason}.")
        self.path = path
        self.reason = reason


def _os_reason(e: OSError) -> str:
    if e.errno in _ERRNO_REASONS:
        return _ERRNO_REASONS[e.errno]
    name = errno.errorcode.get(e.errno or 0, str(e.errno))
    return f"lỗi hệ thống khi đọc ({name})"


def _kind_reason(mode: int) -> str | None:
    """Why a file of this mode is not read (None: a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "đây là một thư mục, không phải tệp"
    if stat.S_ISFIFO(mode):
        return "đây là một ống dẫn (FIFO), không phải tệp thường"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "đây là một thiết bị, không phải tệp thường"
    if stat.S_ISSOCK(mode):
        return "đây là một socket, không phải tệp thường"
    return "không phải tệp thường"


def _too_big(size: int | None, limit: int) -> str:
    have = f"hơn {size_text(limit)}" if size is None else f"{format_number(size)} byte"
    return f"tệp quá lớn ({have}; tối đa {size_text(limit)})"


def check_regular(path: Path, limit: int) -> int:
    """The size of `path` when it is a regular file of at most `limit` bytes (symbolic links
    followed); raises `UnreadableFile` otherwise. Opens nothing."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise UnreadableFile(path, _os_reason(e)) from None
    except ValueError:  # an embedded NUL
        raise UnreadableFile(path, "đường dẫn có ký tự NUL") from None
    reason = _kind_reason(st.st_mode)
    if reason is not None:
        raise UnreadableFile(path, reason)
    if st.st_size > limit:
        raise UnreadableFile(path, _too_big(st.st_size, limit))
    return st.st_size


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of `path`, a regular file of at most `limit` bytes; raises `UnreadableFile`
    (a folder, a FIFO, a device, a socket, too big, missing, not permitted…). Never blocks."""
    check_regular(path, limit)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as e:
        raise UnreadableFile(path, _os_reason(e)) from None
    try:
        reason = _kind_reason(os.fstat(fd).st_mode)  # swapped since the stat?
        if reason is not None:
            raise UnreadableFile(path, reason)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 16, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # it grew since the stat
            raise UnreadableFile(path, _too_big(None, limit))
        return b"".join(chunks)
    except OSError as e:
        raise UnreadableFile(path, _os_reason(e)) from None
    finally:
        os.close(fd)

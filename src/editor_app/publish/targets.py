"""Where an upload puts the site: the interface every target offers, and the folder target.

A target knows paths relative to the site's folder on it (POSIX, `/` between parts). It writes
a file whole under a temporary name in the same folder, sets its permissions (0644; folders it
creates 0755) and renames it over the old one, so a reader (the web server) never sees half a
page. The folder target is the app's first way of publishing, a folder (the web server's, on a
network drive) written the same way; `publish/sftp_target.py` is the web server over SFTP.
Every failure is an `UploadFailed` with a Vietnamese message.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from editor_app.domain.errors import UserError

__all__ = ["FILE_MODE", "FOLDER_MODE", "FolderTarget", "Target", "UploadFailed"]

FILE_MODE = 0o644
FOLDER_MODE = 0o755
#: Called with the bytes of a file written so far (cancel: raise from it).
Written = Callable[[int], None]


class UploadFailed(UserError):
    """An upload that could not go on, with why, in Vietnamese. `connection_lost`: the server
    is out of reach (nothing more can be done in this run, not even writing the manifest)."""

    def __init__(self, message: str, *, connection_lost: bool = False) -> None:
        super().__init__(message)
        self.connection_lost = connection_lost


class Target(Protocol):
    """A place the site is uploaded to."""

    #: How the place is named in messages ("sftp://xuatban@web:22/var/www", a folder's path).
    label: str

    def read(self, path: str) -> bytes | None:
        """A small file's bytes (the manifest); None when there is none."""
        ...

    def put_file(self, local: Path, path: str, temp: str, written: Written) -> None:
        """`local` to `temp`, then renamed over `path` (folders made as needed)."""
        ...

    def put_bytes(self, data: bytes, path: str, temp: str) -> None:
        """`data` to `temp`, then renamed over `path`."""
        ...

    def create(self, path: str, data: bytes) -> bool:
        """A new file holding `data` (a small one: the lock); False when it exists already."""
        ...

    def remove(self, path: str) -> bool:
        """Removes a file; False when it was not there."""
        ...

    def prune(self, folder: str) -> None:
        """Removes `folder` and its parents while they are empty (never the site's folder)."""
        ...

    def names(self, folder: str) -> list[str]:
        """The names in a folder of the site ("" its top); empty when there is no such folder."""
        ...

    def close(self) -> None: ...


def _failure(e: OSError, what: str) -> UploadFailed:
    reasons = {
        errno.ENOSPC: "đĩa đã đầy",
        errno.EDQUOT: "đã hết hạn mức (quota) của đĩa",
        errno.EACCES: "không có quyền ghi",
        errno.EPERM: "không có quyền ghi",
        errno.EROFS: "ổ đĩa chỉ cho đọc",
        errno.ENOENT: "không tìm thấy thư mục",
        errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
        errno.EIO: "lỗi đọc/ghi của đĩa",
    }
    reason = reasons.get(e.errno or 0, e.strerror or str(e))
    return UploadFailed(f"{what}: {reason}.")


class FolderTarget:
    """A folder of this PC (or a network drive) that serves the site."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.label = str(root)
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise _failure(e, f"Không tạo được thư mục {root}") from None

    def _path(self, path: str) -> Path:
        return self.root.joinpath(*path.split("/")) if path else self.root

    def read(self, path: str) -> bytes | None:
        try:
            return self._path(path).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as e:
            raise _failure(e, f"Không đọc được {self._path(path)}") from None

    def _folder(self, path: Path) -> None:
        missing = []
        folder = path.parent
        while not folder.is_dir() and folder != self.root:
            missing.append(folder)
            folder = folder.parent
        for folder in reversed(missing):
            folder.mkdir(mode=FOLDER_MODE)
            folder.chmod(FOLDER_MODE)

    def _write(self, path: str, temp: str, fill: Callable[[Path], None]) -> None:
        final, part = self._path(path), self._path(temp)
        try:
            self._folder(final)
            try:
                fill(part)
                part.chmod(FILE_MODE)
                os.replace(part, final)
            except BaseException:
                with contextlib.suppress(OSError):
                    part.unlink()
                raise
        except OSError as e:
            raise _failure(e, f"Không ghi được {final}") from None

    def put_file(self, local: Path, path: str, temp: str, written: Written) -> None:
        def fill(part: Path) -> None:
            done = 0
            with open(local, "rb") as src, open(part, "wb") as out:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
                    done += len(chunk)
                    written(done)
                out.flush()
                os.fsync(out.fileno())

        self._write(path, temp, fill)

    def put_bytes(self, data: bytes, path: str, temp: str) -> None:
        def fill(part: Path) -> None:
            with open(part, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())

        self._write(path, temp, fill)

    def create(self, path: str, data: bytes) -> bool:
        target = self._path(path)
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            return False
        except OSError as e:
            raise _failure(e, f"Không ghi được {target}") from None
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        return True

    def remove(self, path: str) -> bool:
        target = self._path(path)
        try:
            target.unlink()
        except FileNotFoundError:
            return False
        except OSError as e:
            raise _failure(e, f"Không xóa được {target}") from None
        return True

    def prune(self, folder: str) -> None:
        while folder:
            try:
                self._path(folder).rmdir()
            except OSError:
                return  # not empty (or not there): the folders above are not either
            folder = folder.rpartition("/")[0]

    def names(self, folder: str) -> list[str]:
        try:
            return sorted(os.listdir(self._path(folder)))
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as e:
            raise _failure(e, f"Không đọc được thư mục {self._path(folder)}") from None

    def close(self) -> None:
        pass

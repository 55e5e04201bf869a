"""One upload at a time on a server: `.editor-app-upload.lock` in the site's folder.

Two uploads interleaved (two editors publishing at once) would each write the manifest from
their own view, and the last one could vouch for a file the other replaced. So an upload
creates the lock file exclusively (O_EXCL, over SFTP too) before it reads the manifest, keeps
its time fresh while it runs, and removes it at the end. Another upload finding it is refused
with who holds it and since when. A lock is taken over when it is stale (not refreshed for
`STALE` seconds: its upload died with its PC or its network), or when it was left by this PC's
own upload that is no longer running (a cut connection, a killed process): the next publish
from the same PC goes on at once.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from editor_app.domain.timezone import to_local
from editor_app.publish.targets import Target, UploadFailed
from editor_app.publish.upload_manifest import temp_name

__all__ = ["LOCK_NAME", "STALE", "UploadLock"]

LOCK_NAME = ".editor-app-upload.lock"
#: Seconds without a refresh after which a lock is taken as left by a dead upload.
STALE = 600.0
#: Uploads of this process under way (run ids).
_ACTIVE: set[str] = set()


@dataclass(frozen=True)
class _Holder:
    host: str
    pid: int
    run: str
    time: float

    @classmethod
    def parse(cls, data: bytes | None) -> _Holder | None:
        if data is None:
            return None
        try:
            raw = json.loads(data.decode("utf-8"))
            return cls(str(raw["host"]), int(raw["pid"]), str(raw["run"]), float(raw["time"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def gone(self) -> bool:
        """Whether the upload that holds the lock is known to have stopped."""
        if time.time() - self.time > STALE:
            return True
        if self.host != socket.gethostname():
            return False
        if self.pid == os.getpid():
            return self.run not in _ACTIVE
        if os.name == "nt":  # os.kill(pid, 0) sends Ctrl+C there: wait for the lock to go stale
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False
        return False


class UploadLock:
    """The lock of one upload `run` on `target`."""

    def __init__(self, target: Target, run: str) -> None:
        self.target = target
        self.run = run

    def _content(self) -> bytes:
        holder = {"host": socket.gethostname(), "pid": os.getpid(), "run": self.run}
        return json.dumps(holder | {"time": time.time()}).encode("utf-8")

    def take(self) -> None:
        """Takes the lock, or raises `UploadFailed` naming who holds it."""
        if self.target.create(LOCK_NAME, self._content()):
            _ACTIVE.add(self.run)
            return
        holder = _Holder.parse(self.target.read(LOCK_NAME))
        if holder is None:  # being written this instant, or damaged: look once more
            time.sleep(1.0)
            holder = _Holder.parse(self.target.read(LOCK_NAME))
        if holder is not None and not holder.gone():
            since = to_local(datetime.fromtimestamp(holder.time, UTC)).strftime("%H:%M %d/%m/%Y")
            raise UploadFailed(
                f"Máy {holder.host} đang tải trang lên (khóa {LOCK_NAME}, làm mới lúc {since}): "
                "đợi nó xong rồi thử lại."
            )
        self.refresh()  # taken over: a rename over the old lock
        if (now := _Holder.parse(self.target.read(LOCK_NAME))) is None or now.run != self.run:
            raise UploadFailed("Một lần tải lên khác vừa bắt đầu cùng lúc: thử lại sau ít phút.")
        _ACTIVE.add(self.run)

    def refresh(self) -> None:
        self.target.put_bytes(self._content(), LOCK_NAME, temp_name(LOCK_NAME, self.run))

    def release(self) -> None:
        """Removes the lock if it is still this run's (not when the server is out of reach:
        the next upload from this PC takes it over)."""
        _ACTIVE.discard(self.run)
        with contextlib.suppress(UploadFailed):
            holder = _Holder.parse(self.target.read(LOCK_NAME))
            if holder is not None and holder.run == self.run:
                self.target.remove(LOCK_NAME)

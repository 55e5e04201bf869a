"""A rotating log file in the user's log folder; unexpected errors go there, never lost."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import platformdirs

LOG_NAME = "editor_app.log"
MAX_BYTES = 1_000_000
BACKUPS = 5


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("editor_app", appauthor=False))


class RotatingFileHandler(logging.FileHandler):
    """A log file kept under max_bytes: when full it becomes `.1`, `.1` becomes `.2`... and the
    oldest beyond `backups` goes. (The standard library's handler does the same, but its module
    imports socket and pickle, which every start would wait for before the window shows.)"""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups
        self._limit = max_bytes  # the size at which to rotate next

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is None or self.stream.tell() >= self._limit:
                self._rotate()
            logging.FileHandler.emit(self, record)
        except Exception:  # a log line must never raise into the code that logged it
            self.handleError(record)

    def _rotate(self) -> None:
        """Moves the full file aside and opens a new one. When the moves fail (the file deleted
        meanwhile; on Windows, held open by another process) the lines go on into the same
        file, and the next try is 10 % further on."""
        if self.stream is not None:
            self.stream.close()
        base = Path(self.baseFilename)
        try:
            if base.exists() and base.stat().st_size >= self.max_bytes:
                for i in range(self.backups - 1, 0, -1):
                    older = base.with_name(f"{base.name}.{i}")
                    if older.exists():
                        os.replace(older, base.with_name(f"{base.name}.{i + 1}"))
                os.replace(base, base.with_name(f"{base.name}.1"))
            self._limit = self.max_bytes
        except OSError:
            self._limit = (base.stat().st_size if base.exists() else 0) + self.max_bytes // 10
        self.stream = self._open()


def setup(level: int = logging.INFO) -> Path:
    """Sends logging to a rotating file (1 MB × 5); returns its path."""
    folder = log_dir()
    path = folder / LOG_NAME
    root = logging.getLogger()
    if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(path)
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path

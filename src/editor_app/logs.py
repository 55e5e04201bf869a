"""A rotating log file in the user's log folder; unexpected errors go there, never lost."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

LOG_NAME = "editor_app.log"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("editor_app", appauthor=False))


def setup(level: int = logging.INFO) -> Path:
    """Sends logging to a rotating file (1 MB × 5); returns its path."""
    folder = log_dir()
    path = folder / LOG_NAME
    root = logging.getLogger()
    if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path

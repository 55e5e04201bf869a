"""Knowing whether the last session ended cleanly, and what it left behind.

A marker file is written when the app opens a data folder and removed when it closes cleanly.
Finding it at start means the previous session died (power cut, crash, kill): the stories it
changed were autosaved, and the app says which ones it recovered.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from editor_app.domain.listing import ArticleSummary
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo

MARKER = "editor_app.session"


@dataclass(frozen=True)
class Recovery:
    """What an unclean end of the previous session left: the stories it had changed."""

    started_at: datetime
    articles: list[ArticleSummary]


class SessionService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._path = db.data_dir / MARKER

    def begin(self) -> Recovery | None:
        """Marks this session as running; returns what a crashed previous session left."""
        recovery = self._previous()
        tmp = self._path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"pid": os.getpid(), "started_at": datetime.now(UTC).isoformat()}),
            encoding="utf-8",
        )
        os.replace(tmp, self._path)
        return recovery

    def end(self) -> None:
        """A clean end: removes the marker."""
        self._path.unlink(missing_ok=True)

    def _previous(self) -> Recovery | None:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
            started = datetime.fromisoformat(data["started_at"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            started = datetime.fromtimestamp(_mtime(self._path), UTC)
        with self._db.read() as s:
            changed = [a for a in repo.list_articles(s) if a.updated_at >= started]
        return Recovery(started, changed)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0

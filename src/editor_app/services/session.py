"""Knowing whether the last session ended cleanly, and what it left behind.

A marker file is written when the app opens a data folder and removed when it closes cleanly.
Finding it at start means the previous session died (power cut, crash, kill): the stories it
changed were autosaved, and the app says which ones it recovered.

The marker names the stories the session itself saved (`note_edited`, called by the window's
autosave): only those are "recovered". A story changed by another process meanwhile (the
command line importing an article while the window was down) was never this desk's unsaved
work. A marker written by a version that did not name its stories (or unreadable) falls back to
every story changed since the session started.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from editor_app.domain.listing import ArticleSummary
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo

log = logging.getLogger(__name__)

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
        _write(
            self._path,
            {"pid": os.getpid(), "started_at": datetime.now(UTC).isoformat(), "stories": []},
        )
        return recovery

    def end(self) -> None:
        """A clean end: removes the marker."""
        self._path.unlink(missing_ok=True)

    def _previous(self) -> Recovery | None:
        stories: list[uuid.UUID] | None = None
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
            started = datetime.fromisoformat(data["started_at"])
            stories = _story_ids(data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            started = datetime.fromtimestamp(_mtime(self._path), UTC)
        with self._db.read() as s:
            if stories is None:  # an older marker: what changed since the session began
                changed = [a for a in repo.list_articles(s) if a.updated_at >= started]
            else:
                rows = repo.summaries(s, stories)
                changed = sorted(rows.values(), key=lambda a: a.updated_at, reverse=True)
        return Recovery(started, changed)


def note_edited(data_dir: Path, article_id: uuid.UUID) -> None:
    """This process's running session saved article_id (the autosave wrote a change): it is
    named in the marker, so a crash now lists it as recovered. Nothing without a running
    session of this process (no marker, or another process's). Cheap when already named: one
    small file read."""
    path = data_dir / MARKER
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(data, dict) or data.get("pid") != os.getpid():
        return
    stories = data.get("stories")
    if not isinstance(stories, list) or str(article_id) in stories:
        return
    data["stories"] = [*stories, str(article_id)]
    try:
        _write(path, data)
    except OSError:  # the story is saved; only the notice after a crash would miss it
        log.warning("the session marker could not be updated", exc_info=True)


def _story_ids(data: Any) -> list[uuid.UUID] | None:
    """The stories a marker names; None when it names none (an older version's marker)."""
    stories = data.get("stories") if isinstance(data, dict) else None
    if not isinstance(stories, list):
        return None
    out: list[uuid.UUID] = []
    for s in stories:
        try:
            out.append(uuid.UUID(str(s)))
        except ValueError:
            continue
    return out


def _write(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0

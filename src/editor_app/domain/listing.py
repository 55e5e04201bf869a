"""What the story list and search show: plain records, no storage."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from editor_app.domain.workflow import Status


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the story list."""

    id: uuid.UUID
    headline: str
    section: str | None
    status: Status
    updated_at: datetime
    trashed: bool
    photo_count: int = 0


@dataclass(frozen=True)
class ArticleFilter:
    status: Status | None = None
    section: str | None = None  # a section and its subsections
    trashed: bool = False
    official_id: uuid.UUID | None = None
    keyword: str | None = None
    author: str | None = None  # a name of the byline (domain/bylines.py)


@dataclass(frozen=True)
class SearchHit:
    id: uuid.UUID
    headline: str
    snippet: str  # matched words in [brackets]
    rank: float

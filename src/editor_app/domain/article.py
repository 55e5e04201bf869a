"""Articles and their photos."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from editor_app.domain.focal import Point, check_point
from editor_app.domain.text import nfc
from editor_app.domain.workflow import Status

ARTICLE_FIELDS = (
    "headline",
    "sapo",
    "body",
    "section",
    "secondary_sections",
    "keywords",
    "byline",
    "location",
    "event_date",
)
"""The article's own fields a writer edits (columns of the story; not status, photos or tags):
one list for the autosave, revisions, restore and the hand-off merge."""


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Photo:
    """A photo attached to an article. The original is stored untouched, named by its SHA-256."""

    sha256: str
    filename: str
    width: int
    height: int
    size_bytes: int
    format: str = "JPEG"
    caption: str = ""
    credit: str = ""
    alt_text: str = ""
    position: int = 0
    featured: bool = False
    taken_at: datetime | None = None
    camera: str = ""
    focus: Point | None = None  # the point every crop keeps (domain/focal.py); None: centre
    id: uuid.UUID = field(default_factory=uuid.uuid4)

    def __post_init__(self) -> None:
        self.caption = nfc(self.caption).strip()
        self.credit = nfc(self.credit).strip()
        self.alt_text = nfc(self.alt_text).strip()
        self.filename = nfc(self.filename)
        if self.focus is not None:
            self.focus = check_point(self.focus)

    @property
    def missing(self) -> list[str]:
        """Which of caption, credit and alt text are still empty (for marks and checklists)."""
        return [
            name
            for name, value in (
                ("caption", self.caption),
                ("credit", self.credit),
                ("alt_text", self.alt_text),
            )
            if not value
        ]


@dataclass
class Article:
    """A story: headline, sapo (lead), body in Markdown, and what the newsroom tags it with."""

    headline: str = ""
    sapo: str = ""
    body: str = ""
    section: str | None = None
    secondary_sections: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    byline: str = ""
    location: str = ""
    event_date: date | None = None
    status: Status = Status.DRAFT
    photos: list[Photo] = field(default_factory=list)
    official_ids: list[uuid.UUID] = field(default_factory=list)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    trashed_at: datetime | None = None
    id: uuid.UUID = field(default_factory=uuid.uuid4)

    def __post_init__(self) -> None:
        self.headline = nfc(self.headline)
        self.sapo = nfc(self.sapo)
        self.body = nfc(self.body)
        self.byline = nfc(self.byline)
        self.location = nfc(self.location)
        self.keywords = [nfc(k).strip() for k in self.keywords if k.strip()]

    @property
    def featured_photo(self) -> Photo | None:
        for p in self.photos:
            if p.featured:
                return p
        return self.photos[0] if self.photos else None

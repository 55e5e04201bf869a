"""Use cases on articles: create, edit (autosave), revisions, duplicate, trash, list."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from editor_app.domain.article import Article, utcnow
from editor_app.domain.bylines import byline_names
from editor_app.domain.collation import sort_key
from editor_app.domain.errors import ValidationError
from editor_app.domain.focal import focus_to_json
from editor_app.domain.listing import ArticleFilter, ArticleSummary
from editor_app.domain.section import normalise_path
from editor_app.domain.text import fold, nfc
from editor_app.domain.workflow import Role, Status, User
from editor_app.services.changes import Changes
from editor_app.services.originals import forget_unused
from editor_app.store.database import Database
from editor_app.store.field_saves import save_changed_fields
from editor_app.store.repo import articles as repo
from editor_app.store.repo import review as review_repo

TEXT_FIELDS = frozenset({"headline", "sapo", "body", "byline", "location"})


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """NFC every text; normalise section paths and keywords; check types."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key in TEXT_FIELDS:
            out[key] = nfc(str(value))
        elif key == "section":
            out[key] = normalise_path(value) if value else None
        elif key == "secondary_sections":
            out[key] = [normalise_path(v) for v in value if v]
        elif key == "keywords":
            seen: dict[str, str] = {}
            for k in value:
                k = " ".join(nfc(str(k)).split())
                if k:
                    seen.setdefault(fold(k), k)  # “Bầu cử” and “bầu cử” are one keyword
            out[key] = list(seen.values())
        elif key == "event_date":
            if value is not None and not isinstance(value, date):
                raise ValidationError("Ngày sự kiện không hợp lệ.")
            out[key] = value
        elif key == "status":
            out[key] = Status(value)
        else:
            raise ValidationError(f"Trường không sửa được: {key}")
    return out


def snapshot(article: Article) -> dict[str, Any]:
    """A JSON-able copy of what a revision keeps."""
    return {
        "headline": article.headline,
        "sapo": article.sapo,
        "body": article.body,
        "section": article.section,
        "secondary_sections": article.secondary_sections,
        "keywords": article.keywords,
        "byline": article.byline,
        "location": article.location,
        "event_date": article.event_date.isoformat() if article.event_date else None,
        "status": article.status.value,
        "officials": [str(o) for o in article.official_ids],
        "photos": [
            {
                "id": str(p.id),
                "sha256": p.sha256,
                "caption": p.caption,
                "credit": p.credit,
                "alt_text": p.alt_text,
                "featured": p.featured,
                # The focal point, only when set (absent: the centre; older snapshots lack it).
                **({"focus": focus_to_json(p.focus)} if p.focus is not None else {}),
                # What bringing a removed photo back needs (the original is found by sha256).
                "filename": p.filename,
                "format": p.format,
                "width": p.width,
                "height": p.height,
                "size_bytes": p.size_bytes,
            }
            for p in article.photos
        ],
    }


@dataclass(frozen=True)
class Created:
    """A story made (new or a copy): the story, and the change for the views."""

    article: Article
    changes: Changes


@dataclass(frozen=True)
class Deleted:
    """A story deleted for good: the change, and the hashes of the originals no story uses now."""

    changes: Changes
    unused: list[str]


class ArticleService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(self, **fields: Any) -> Created:
        article = Article(**_clean_fields(fields))
        with self._db.transaction() as s:
            repo.add_article(s, article)
        return Created(article, Changes.of([article.id], membership=True))

    def get(self, article_id: uuid.UUID) -> Article:
        with self._db.read() as s:
            return repo.get_article(s, article_id)

    def save_fields(
        self,
        article_id: uuid.UUID,
        fields: dict[str, Any],
        user: User | None = None,
    ) -> Changes:
        """The autosave: writes only the given fields, in one short transaction, and only
        when one of them differs from what is stored, as the app reads it (NFC: text another
        tool stored decomposed is not rewritten by being shown). A save that changes nothing
        writes nothing and returns empty `Changes` (no `saved_at`): the story keeps its
        `updated_at`, its place in the list, and stays out of the recovery notice.

        With `user`, a story that user's role may not edit (a reporter's approved or published
        story) is refused with `ReadOnly`, by the UPDATE itself (no extra query)."""
        clean = _clean_fields(fields)
        locked_for = user.role if user is not None and user.role is Role.REPORTER else None
        with self._db.quick_write() as conn:
            when = save_changed_fields(conn, article_id, clean, locked_for=locked_for)
        if when is None:
            return Changes()
        return Changes.of([article_id], saved_at=when)

    def save_revision(
        self,
        article_id: uuid.UUID,
        author: User | str = "",
        reason: str = "",
        kind: str = "save",
    ) -> uuid.UUID:
        """A named revision (Ctrl+S, a status change, a hand-off); prefer
        `ReviewService.save_revision`, which records the user's role too."""
        name, role = (author.name, author.role.value) if isinstance(author, User) else (author, "")
        with self._db.transaction() as s:
            article = repo.get_article(s, article_id)
            info = review_repo.add_revision(
                s, article_id, snapshot(article), nfc(name), role, kind, nfc(reason).strip()
            )
            return info.id

    def revision_count(self, article_id: uuid.UUID) -> int:
        with self._db.read() as s:
            return repo.revision_count(s, article_id)

    def duplicate(self, article_id: uuid.UUID) -> Created:
        """A new draft with the same text and photos (the originals are shared, not copied)."""
        with self._db.transaction() as s:
            src = repo.get_article(s, article_id)
            now = utcnow()
            copy = dataclasses.replace(
                src,
                id=uuid.uuid4(),
                headline=src.headline,
                status=Status.DRAFT,
                created_at=now,
                updated_at=now,
                trashed_at=None,
                photos=[dataclasses.replace(p, id=uuid.uuid4()) for p in src.photos],
                official_ids=list(src.official_ids),
            )
            repo.add_article(s, copy)
        return Created(copy, Changes.of([copy.id], membership=True))

    def trash(self, article_id: uuid.UUID) -> Changes:
        with self._db.transaction() as s:
            repo.set_trashed(s, article_id, True)
        return Changes.of([article_id], membership=True)

    def restore(self, article_id: uuid.UUID) -> Changes:
        with self._db.transaction() as s:
            repo.set_trashed(s, article_id, False)
        return Changes.of([article_id], membership=True)

    def delete_forever(self, article_id: uuid.UUID) -> Deleted:
        """Deletes the article, and the stored originals of its photos that no other story
        uses; returns the hashes of those originals."""
        with self._db.transaction() as s:
            hashes = repo.delete_article(s, article_id)
        unused = forget_unused(self._db, hashes)
        return Deleted(Changes.of([article_id], membership=True), unused)

    def ids(self, flt: ArticleFilter | None = None) -> list[uuid.UUID]:
        with self._db.read() as s:
            return repo.article_ids(s, flt)

    def summaries(self, ids: list[uuid.UUID]) -> dict[uuid.UUID, ArticleSummary]:
        with self._db.read() as s:
            return repo.summaries(s, ids)

    def list_stories(self, flt: ArticleFilter | None = None) -> list[ArticleSummary]:
        with self._db.read() as s:
            return repo.list_articles(s, flt)

    def people_in_bylines(self) -> list[str]:
        """Every name in the bylines of the stories (not in the trash), once, in Vietnamese
        alphabetical order: the story list's people filter."""
        with self._db.read() as s:
            texts = repo.used_bylines(s)
        names = {n for t in texts for n in byline_names(t)}
        return sorted(names, key=sort_key)

    def keywords_in_use(self) -> list[str]:
        with self._db.read() as s:
            return repo.used_keywords(s)

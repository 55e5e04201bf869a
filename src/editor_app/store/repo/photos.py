"""A story's photos (their rows; the files are media/'s) through a Session."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from editor_app.domain.article import Photo, utcnow
from editor_app.domain.errors import NotFound
from editor_app.store.models import PhotoRow
from editor_app.store.repo.articles import article_row, photo_from_row, photo_row


def add_photo(session: Session, article_id: uuid.UUID, photo: Photo) -> Photo:
    row = article_row(session, article_id)
    photo.position = len(row.photos)
    if photo.featured:
        for other in row.photos:
            other.featured = False
    row.photos.append(photo_row(row.pk, photo))
    row.updated_at = utcnow()
    row.search_dirty = True
    session.flush()
    return photo


PHOTO_FIELDS = frozenset({"caption", "credit", "alt_text", "featured", "focus"})


def update_photo(session: Session, photo_id: uuid.UUID, fields: dict[str, Any]) -> uuid.UUID:
    """Changes caption/credit/alt/featured/focus (a point or None); returns the article's id.
    Nothing is written (the story keeps its `updated_at`) when every field already holds its
    value, as the app reads it (`domain.article.Photo`: NFC, trimmed)."""
    unknown = set(fields) - PHOTO_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    row = session.get(PhotoRow, str(photo_id))
    if row is None:
        raise NotFound(f"Không tìm thấy ảnh {photo_id}.")
    read = photo_from_row(row)
    if all(getattr(read, k) == v for k, v in fields.items()):
        return uuid.UUID(row.article.id)
    if fields.get("featured"):
        session.execute(
            update(PhotoRow).where(PhotoRow.article_pk == row.article_pk).values(featured=False)
        )
    for k, v in fields.items():
        if k == "focus":
            row.focus_x, row.focus_y = (v[0], v[1]) if v is not None else (None, None)
        else:
            setattr(row, k, v)
    row.article.updated_at = utcnow()
    row.article.search_dirty = True
    return uuid.UUID(row.article.id)


def remove_photo(session: Session, photo_id: uuid.UUID) -> tuple[uuid.UUID, Photo]:
    row = session.get(PhotoRow, str(photo_id))
    if row is None:
        raise NotFound(f"Không tìm thấy ảnh {photo_id}.")
    article = row.article
    photo = photo_from_row(row)
    article.photos.remove(row)
    for i, p in enumerate(article.photos):
        p.position = i
    article.updated_at = utcnow()
    article.search_dirty = True
    session.flush()
    return uuid.UUID(article.id), photo


def reorder_photos(session: Session, article_id: uuid.UUID, order: Sequence[uuid.UUID]) -> None:
    row = article_row(session, article_id)
    by_id = {p.id: p for p in row.photos}
    if set(by_id) != {str(i) for i in order}:
        raise ValueError("the new order must name each photo of the article once")
    for i, pid in enumerate(order):
        by_id[str(pid)].position = i
    row.updated_at = utcnow()


def photo_article_id(session: Session, photo_id: uuid.UUID) -> uuid.UUID:
    row = session.get(PhotoRow, str(photo_id))
    if row is None:
        raise NotFound(f"Không tìm thấy ảnh {photo_id}.")
    return uuid.UUID(row.article.id)

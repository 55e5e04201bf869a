"""Putting values from a revision's snapshot back on a story, inside a transaction (restore,
settling a conflict). Snapshot shapes are those of `services.articles.snapshot`."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from editor_app.domain.article import ARTICLE_FIELDS, Photo
from editor_app.domain.errors import NotFound, ValidationError
from editor_app.domain.focal import Point, focus_from_json
from editor_app.services.articles import _clean_fields
from editor_app.store.repo import articles as repo
from editor_app.store.repo import officials as officials_repo
from editor_app.store.repo import photos as photos_repo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ARTICLE_KEYS = ARTICLE_FIELDS
"""Snapshot keys that are columns of the article (a restore sets them all; not `status`)."""
PHOTO_KEYS = ("caption", "credit", "alt_text", "featured", "focus")

OriginalFinder = Callable[[str], Mapping[str, Any] | None]
"""sha256 → what a photo row needs (filename, format, width, height, size_bytes; taken_at and
camera when known) when the original is in the store, else None."""


def _empty(key: str) -> Any:
    return [] if key in ("secondary_sections", "keywords") else None if key == "section" else ""


def article_value(key: str, value: Any) -> Any:
    """A snapshot's JSON value as the field's value (an ISO date becomes a date)."""
    if value is None:
        value = None if key in ("section", "event_date") else _empty(key)
    if key == "event_date" and value is not None and not isinstance(value, date):
        try:
            value = date.fromisoformat(str(value))
        except ValueError:
            value = None
    return value


def apply_article_fields(s: Session, article_id: uuid.UUID, values: Mapping[str, Any]) -> None:
    fields = {k: article_value(k, values.get(k)) for k in values if k in (*ARTICLE_KEYS, "status")}
    if fields:
        repo.update_article_fields(s, article_id, _clean_fields(fields))


def apply_officials(s: Session, article_id: uuid.UUID, ids: Sequence[Any]) -> list[str]:
    """Tags the story with these officials; returns the ids no longer in the directory."""
    keep: list[uuid.UUID] = []
    gone: list[str] = []
    for raw in ids or []:
        try:
            oid = uuid.UUID(str(raw))
            officials_repo.get_official(s, oid)
        except (ValueError, NotFound):
            gone.append(str(raw))
            continue
        keep.append(oid)
    officials_repo.set_article_officials(s, article_id, keep)
    return gone


def apply_photo_field(s: Session, photo_id: uuid.UUID, field: str, value: Any) -> None:
    if field == "featured":
        photos_repo.update_photo(s, photo_id, {"featured": bool(value)})
    elif field == "focus":
        photos_repo.update_photo(s, photo_id, {"focus": focus_of(value)})
    elif field in PHOTO_KEYS:
        photos_repo.update_photo(s, photo_id, {field: "" if value is None else str(value).strip()})
    else:
        raise ValueError(f"not a photo field: {field}")


def focus_of(value: Any) -> Point | None:
    """A snapshot's focal point (checked on the way in); a bad one is the centre."""
    try:
        return focus_from_json(value)
    except ValidationError:
        return None


def _photo_label(n: int, p: Mapping[str, Any]) -> str:
    caption = " ".join(str(p.get("caption") or "").split())
    if len(caption) > 40:
        caption = caption[:39] + "…"
    return f"ảnh {n}" + (f" (“{caption}”)" if caption else "")


def apply_photos(
    s: Session,
    article_id: uuid.UUID,
    photos: Sequence[Mapping[str, Any]],
    find_original: OriginalFinder,
) -> tuple[set[uuid.UUID], list[str]]:
    """Makes the story's photos those of the snapshot: captions, credits, alt texts, the
    featured mark and the order; photos not in it are taken off (their originals stay stored);
    photos since removed come back when their original is still stored. Returns the photo ids
    touched and a description of each photo that could not come back."""
    article = repo.get_article(s, article_id)
    current = {p.id: p for p in article.photos}
    wanted: list[tuple[uuid.UUID, Mapping[str, Any]]] = []
    for p in photos:
        try:
            wanted.append((uuid.UUID(str(p["id"])), p))
        except (KeyError, ValueError):
            continue
    wanted_ids = {pid for pid, _ in wanted}
    touched: set[uuid.UUID] = set()
    lost: list[str] = []
    for pid in current:
        if pid not in wanted_ids:
            photos_repo.remove_photo(s, pid)
            touched.add(pid)
    order: list[uuid.UUID] = []
    featured: uuid.UUID | None = None
    for n, (pid, p) in enumerate(wanted, start=1):
        texts = {k: str(p.get(k) or "").strip() for k in ("caption", "credit", "alt_text")}
        focus = focus_of(p.get("focus"))
        if pid in current:
            photos_repo.update_photo(s, pid, {**texts, "featured": False, "focus": focus})
        else:
            sha = str(p.get("sha256") or "")
            meta = find_original(sha) if sha else None
            if meta is None:
                lost.append(_photo_label(n, p))
                continue
            # The facts are the original's own (a snapshot may come from another desk).
            photo = Photo(
                sha256=sha,
                filename=str(p.get("filename") or meta.get("filename") or f"{sha[:12]}"),
                format=str(meta["format"]),
                width=int(meta["width"]),
                height=int(meta["height"]),
                size_bytes=int(meta["size_bytes"]),
                caption=texts["caption"],
                credit=texts["credit"],
                alt_text=texts["alt_text"],
                taken_at=meta.get("taken_at"),
                camera=str(meta.get("camera") or ""),
                focus=focus,
                id=pid,
            )
            try:
                photos_repo.photo_article_id(s, pid)
                photo.id = uuid.uuid4()  # that id now belongs to another story's photo
            except NotFound:
                pass
            photos_repo.add_photo(s, article_id, photo)
            pid = photo.id
        touched.add(pid)
        order.append(pid)
        if p.get("featured"):
            featured = pid
    s.flush()
    if order:
        photos_repo.reorder_photos(s, article_id, order)
    if featured is not None:
        photos_repo.update_photo(s, featured, {"featured": True})
    return touched, lost

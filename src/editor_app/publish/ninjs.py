"""The IPTC ninjs 3.1 copy of an exported story (`article.ninjs.json`).

The schema is strict (unknown keys fail), has no `keywords` property and no place for a
person's job title: keywords and the section go to `subjects`, tagged officials to `people` by
name only (their titles are in the text and in the page's JSON-LD), photos to `associations`
with their renditions as absolute URLs (`href` is a URI) and, when the photo has a focal
point, where it is in each (`poi`, pixels from the top left). Times are UTC: `firstCreated` is the
first publication, `versionCreated` the current published version, `contentCreated` when the
story was started; `embargoedUntil` when it had an embargo. A withdrawn story's bundle keeps a
ninjs with `pubStatus: canceled` and nothing of its content.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from editor_app.domain.article import Photo
from editor_app.domain.bylines import format_byline, parse_byline
from editor_app.domain.focal import crop_box, point_in
from editor_app.render.context import PageContext
from editor_app.render.meta import (
    absolute,
    author_names,
    bare_name,
    body_counts,
    caption,
    headline,
    sapo,
)

__all__ = ["NINJS_SCHEMA_URI", "NinjsImage", "build_ninjs", "build_withdrawn_ninjs", "dump_json"]

NINJS_SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"
_MIME = {"jpeg": "image/jpeg", "webp": "image/webp"}


@dataclass(frozen=True, slots=True)
class NinjsImage:
    """A file of the bundle, as ninjs lists it."""

    name: str  # "w800-webp", "crop-16x9"
    url: str  # relative to the page ("images/…")
    width: int
    height: int
    format: str
    size: int
    crop: str | None = None  # "16:9"…: cut from the photo around its focal point


def _poi(photo: Photo, f: NinjsImage) -> dict[str, int] | None:
    """The photo's focal point in the file's pixels (ninjs `poi`), when one is set."""
    if photo.focus is None or photo.width <= 0 or photo.height <= 0:
        return None
    size = (photo.width, photo.height)
    box = (0, 0, *size)
    if f.crop:
        rw, rh = (int(n) for n in f.crop.split(":"))
        box = crop_box(size, (rw, rh), photo.focus)
    x, y = point_in(size, box, photo.focus, (f.width, f.height))
    return {"x": x, "y": y}


def _rendition(context: PageContext, photo: Photo, f: NinjsImage) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": f.name,
        "href": absolute(context, f.url),
        "contentType": _MIME.get(f.format, "application/octet-stream"),
        "width": f.width,
        "height": f.height,
        "sizeInBytes": f.size,
    }
    poi = _poi(photo, f)
    if poi is not None:
        out["poi"] = poi
    return out


def _by(byline: str) -> str:
    """ninjs `by`: a list with roles as printed ("Bài: Thanh Hà – Ảnh: Hồng Ninh"), one
    writer's text as the bare names in it."""
    people = parse_byline(byline)
    if len(people) > 1 or any(p.role != "bai" for p in people):
        return format_byline(people)
    return ", ".join(author_names(byline)) or byline


def photographers(byline: str) -> str:
    """The byline's photographers as a credit line ("Ảnh: Hồng Ninh"), or ""."""
    names = [p.name for p in parse_byline(byline) if p.role == "anh"]
    return f"Ảnh: {', '.join(names)}" if names else ""


def _utc(when: datetime) -> str:
    return when.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _photo(
    context: PageContext, photo: Photo, name: str, files: Sequence[NinjsImage]
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "name": name,
        "uri": f"urn:uuid:{photo.id}",
        "type": "picture",
        "representationType": "full",
        "renditions": [_rendition(context, photo, f) for f in files],
    }
    if photo.caption:
        item["descriptions"] = [
            {"role": "caption", "contentType": "text/plain", "value": caption(photo)}
        ]
    if photo.alt_text:
        item.setdefault("descriptions", []).append(
            {"role": "alternative", "contentType": "text/plain", "value": photo.alt_text}
        )
    by = photo.credit or photographers(context.article.byline)
    if by:  # the photo's credit, else the story's photographers
        item["by"] = by
    return item


def build_ninjs(
    context: PageContext,
    body_html: str,
    photos: Sequence[tuple[Photo, Sequence[NinjsImage]]],
) -> dict[str, Any]:
    """The ninjs object for the story (`photos`: the bundle's files per photo, in page order)."""
    a = context.article
    site = context.site
    counts = body_counts(body_html)  # as the page's JSON-LD counts
    data: dict[str, Any] = {
        "uri": f"urn:uuid:{a.id}",
        "standard": {"name": "ninjs", "version": "3.1", "schema": NINJS_SCHEMA_URI},
        "type": "text",
        "representationType": "full",
        "profile": "text-photo" if photos else "text-only",
        "version": str(context.version),
        "firstCreated": _utc(context.published),
        "versionCreated": _utc(context.modified),
        "contentCreated": _utc(a.created_at),
        "pubStatus": "usable",
        "language": site.language,
        "copyrightHolder": site.name,
        "slugline": context.page_slug,
        "headlines": [{"role": "main", "contentType": "text/plain", "value": headline(context)}],
        "bodies": [
            {
                "role": "main",
                "contentType": "text/html",
                "charCount": counts.chars,
                "wordCount": counts.words,
                "value": body_html,
            }
        ],
        "renditions": [{"name": "html", "href": context.page_url, "contentType": "text/html"}],
        "altIds": [{"role": "canonicalUrl", "value": context.page_url}],
    }
    if context.embargo_until is not None:
        data["embargoedUntil"] = _utc(context.embargo_until)
    if a.sapo.strip():
        data["descriptions"] = [
            {"role": "summary", "contentType": "text/plain", "value": sapo(context)}
        ]
    if a.byline:
        data["by"] = _by(a.byline)
    if a.location:
        data["located"] = a.location
    subjects: list[dict[str, Any]] = []
    if context.section_path:
        subjects.append(
            {
                "name": context.section_name,
                "literal": "/".join(context.section_path),
                "rel": "section",
                "uri": context.site.section_url(context.section_path),
            }
        )
    subjects += [{"name": k, "rel": "keyword", "uri": site.tag_url(k)} for k in a.keywords]
    if subjects:
        data["subjects"] = subjects
    people = [{"name": bare_name(o.name), "rel": "mentioned"} for o in context.officials]
    if people:
        data["people"] = people
    if photos:
        featured = a.featured_photo
        data["associations"] = [
            _photo(context, photo, "featureimage" if photo is featured else f"photo-{n}", files)
            for n, (photo, files) in enumerate(photos, 1)
        ]
    return data


def build_withdrawn_ninjs(context: PageContext, withdrawn_at: datetime) -> dict[str, Any]:
    """The ninjs left with a withdrawn story's page: the same object, `pubStatus` canceled,
    nothing of its text or photos."""
    return {
        "uri": f"urn:uuid:{context.article.id}",
        "standard": {"name": "ninjs", "version": "3.1", "schema": NINJS_SCHEMA_URI},
        "type": "text",
        "representationType": "partial",
        "version": str(context.version),
        "firstCreated": _utc(context.published),
        "versionCreated": _utc(max(withdrawn_at, context.modified)),
        "pubStatus": "canceled",
        "language": context.site.language,
        "copyrightHolder": context.site.name,
        "slugline": context.page_slug,
        "renditions": [{"name": "html", "href": context.page_url, "contentType": "text/html"}],
        "altIds": [{"role": "canonicalUrl", "value": context.page_url}],
    }


def dump_json(data: object) -> bytes:
    """Stable bytes: sorted keys, two-space indent, UTF-8, one trailing newline."""
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")

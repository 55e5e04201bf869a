"""Puts the article's photos into the rendered body.

Photos the text places itself (`![alt](photo:<uuid>)`) stand where they are written. The other
photos follow the way a Vietnamese news page spreads them: one after every second paragraph
since the last photo (never right before a photo the text places), in order, the featured photo
first; those left over close the article. A marker for a photo the
article does not have is dropped, with a visible notice in preview only.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Literal

from markupsafe import Markup

from editor_app.domain.article import Article, Photo
from editor_app.render.context import ImageResolver, RenderMode, Rendition
from editor_app.render.markdown import PhotoRef, RenderedBody
from editor_app.render.typography import smarten

__all__ = ["PARAGRAPHS_PER_PHOTO", "SIZES", "BodyItem", "Figure", "ImageSource", "layout_body"]

PARAGRAPHS_PER_PHOTO = 2
#: The text column is at most 760 px wide; below that the photo spans the screen less padding.
SIZES = "(max-width: 792px) calc(100vw - 32px), 760px"
_PREFERRED_WIDTH = 800  # the `src` fallback: enough for most screens, not the heaviest file

_MIME = {"jpeg": "image/jpeg", "webp": "image/webp"}


@dataclass(frozen=True, slots=True)
class ImageSource:
    type: str
    srcset: str


@dataclass(frozen=True, slots=True)
class Figure:
    """A photo as the template draws it."""

    photo_id: uuid.UUID
    alt: str
    caption: str
    credit: str
    src: str | None  # None: no rendition yet (preview placeholder)
    srcset: str
    sizes: str
    width: int
    height: int
    sources: tuple[ImageSource, ...]
    lazy: bool
    line: int | None


@dataclass(frozen=True, slots=True)
class BodyItem:
    """One piece of the body: HTML, a figure, or (preview only) a notice."""

    kind: Literal["html", "figure", "notice"]
    html: Markup = field(default_factory=Markup)
    figure: Figure | None = None
    notice: str = ""


def _url(url: str) -> str:
    """A URL safe inside srcset (where a space or comma would end it)."""
    return url.replace(" ", "%20").replace(",", "%2C")


def _srcset(renditions: list[Rendition]) -> str:
    seen: set[int] = set()
    parts: list[str] = []
    for r in sorted(renditions, key=lambda r: r.width):
        if r.width not in seen:
            seen.add(r.width)
            parts.append(f"{_url(r.url)} {r.width}w")
    return ", ".join(parts)


def _credit(credit: str) -> str:
    if not credit or credit.lower().startswith("ảnh"):
        return credit
    return f"Ảnh: {credit}"


def make_figure(
    photo: Photo, images: ImageResolver, alt: str, lazy: bool, line: int | None
) -> Figure:
    rends = list(images.images(photo).renditions)
    jpegs = [r for r in rends if r.format == "jpeg"]
    fallback = jpegs or rends
    src: str | None = None
    srcset = ""
    sources: tuple[ImageSource, ...] = ()
    if fallback:
        by_width = sorted(fallback, key=lambda r: r.width)
        main = next((r for r in by_width if r.width >= _PREFERRED_WIDTH), by_width[-1])
        src, srcset, width, height = main.url, _srcset(fallback), main.width, main.height
        webps = [r for r in rends if r.format == "webp"]
        if jpegs and webps:
            sources = (ImageSource(_MIME["webp"], _srcset(webps)),)
    else:
        width, height = (photo.width, photo.height) if photo.width > 0 else (4, 3)
    return Figure(
        photo_id=photo.id,
        alt=smarten(alt or photo.alt_text or photo.caption),
        caption=smarten(photo.caption),
        credit=_credit(photo.credit),
        src=src,
        srcset=srcset,
        sizes=SIZES,
        width=width,
        height=height,
        sources=sources,
        lazy=lazy,
        line=line,
    )


def _unplaced(article: Article, referenced: frozenset[uuid.UUID]) -> list[Photo]:
    featured = article.featured_photo
    rest = [p for p in article.photos if p.id not in referenced]
    rest.sort(key=lambda p: (p is not featured, p.position))
    return rest


def layout_body(
    body: RenderedBody,
    article: Article,
    images: ImageResolver,
    mode: RenderMode,
    *,
    figures: bool = True,
) -> list[BodyItem]:
    """The body as items for the template (`figures=False`: text only, for ninjs)."""
    preview = mode == "preview"
    photos = {p.id: p for p in article.photos}
    queue = _unplaced(article, body.referenced) if figures else []
    items: list[BodyItem] = []
    text: list[str] = []  # HTML since the last figure: one item, not one per block
    shown = 0

    def flush() -> None:
        if text:
            items.append(BodyItem("html", html=Markup("\n".join(text))))
            text.clear()

    def add(item: BodyItem) -> None:
        flush()
        items.append(item)

    def add_photo(photo: Photo, alt: str, line: int | None) -> None:
        nonlocal shown
        add(BodyItem("figure", figure=make_figure(photo, images, alt, shown > 0, line)))
        shown += 1

    since = 0  # paragraphs since the last photo (or the start)
    blocks = body.blocks
    for i, block in enumerate(blocks):
        for piece in block.pieces(line_numbers=preview):
            if isinstance(piece, str):
                piece = piece.strip("\n")
                if piece:
                    text.append(piece)
                continue
            if not figures:
                continue
            photo = photos.get(piece.photo_id) if piece.photo_id else None
            if photo is not None:
                add_photo(photo, piece.alt, block.line if preview else None)
            elif preview:
                add(BodyItem("notice", notice=_notice(piece)))
        since = 0 if block.has_photos else since + block.paragraphs
        photo_next = i + 1 < len(blocks) and blocks[i + 1].html.startswith("<figure")
        if queue and since >= PARAGRAPHS_PER_PHOTO and not photo_next:
            add_photo(queue.pop(0), "", None)
            since = 0
    for photo in queue:
        add_photo(photo, "", None)
    flush()
    return items


def _notice(piece: PhotoRef) -> str:
    if piece.photo_id is None:
        return "Ảnh này không hiển thị: chỉ chèn được ảnh đã đính kèm bài (photo:…)."
    return f"Không tìm thấy ảnh photo:{piece.photo_id} trong bài: ảnh sẽ không được xuất bản."

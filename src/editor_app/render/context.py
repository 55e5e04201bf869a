"""What a page is made of, as plain data.

Services fill these records from the database and the media cache; the renderer reads them and
nothing else (no SQL, no Qt, no files). The same `PageContext` renders the live preview and the
exported page: only the `ImageResolver` (local cached renditions vs. the bundle's `images/…`)
and the mode differ.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Literal, Protocol
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from editor_app.domain.article import Article, Photo
from editor_app.domain.errors import ValidationError
from editor_app.domain.officials.people import Official
from editor_app.domain.publication import Correction
from editor_app.domain.siteconfig import DEFAULT_BASE_URL, DEFAULT_LOCALE, DEFAULT_NAME
from editor_app.domain.text import slugify

__all__ = [
    "CROP_RATIOS",
    "NO_IMAGES",
    "Crop",
    "CropRatio",
    "ImageFormat",
    "ImageResolver",
    "PageContext",
    "PhotoImages",
    "RelatedStory",
    "RenderMode",
    "Rendition",
    "SiteSettings",
    "StaticImageResolver",
    "TaggedOfficial",
]

RenderMode = Literal["preview", "export"]
ImageFormat = Literal["jpeg", "webp"]
CropRatio = Literal["16:9", "4:3", "1:1"]
#: The crops Google's Article structured data asks for (each at least 50,000 pixels).
CROP_RATIOS: tuple[CropRatio, ...] = ("16:9", "4:3", "1:1")


@dataclass(frozen=True, slots=True)
class Rendition:
    """One resized copy of a photo (whole picture, no crop)."""

    url: str  # file:// or relative in preview; "images/…" in an export
    width: int
    height: int
    format: ImageFormat = "jpeg"


@dataclass(frozen=True, slots=True)
class Crop:
    """A crop of a photo at a fixed aspect ratio, for JSON-LD `image` and Open Graph."""

    ratio: CropRatio
    url: str
    width: int
    height: int

    @property
    def pixels(self) -> int:
        return self.width * self.height


@dataclass(frozen=True, slots=True)
class PhotoImages:
    """Everything that exists on disk (or will, in the bundle) for one photo."""

    renditions: tuple[Rendition, ...] = ()
    crops: tuple[Crop, ...] = ()


class ImageResolver(Protocol):
    """Tells the renderer which renditions and crops of a photo it may link to.

    Preview: the locally cached renditions (file:// URLs), usually no crops.
    Export: the files `publish.bundle` copied into `images/` (relative URLs) and the crops.
    An empty `PhotoImages` is allowed (the photo shows as a placeholder in preview).
    """

    def images(self, photo: Photo) -> PhotoImages: ...


@dataclass(frozen=True)
class StaticImageResolver:
    """An `ImageResolver` over a mapping filled in advance (photo id → images)."""

    by_photo: Mapping[uuid.UUID, PhotoImages] = field(default_factory=dict)

    def images(self, photo: Photo) -> PhotoImages:
        return self.by_photo.get(photo.id, PhotoImages())


NO_IMAGES = StaticImageResolver()


@dataclass(frozen=True, slots=True)
class TaggedOfficial:
    """An official tagged on the article, with the titles to print (schema.org `jobTitle`)."""

    name: str
    titles: tuple[str, ...] = ()
    url: str | None = None  # a tag page; None: built from the site's tag path

    @classmethod
    def from_official(cls, official: Official, day: date | None = None) -> TaggedOfficial:
        """The official with the titles held on `day` (the event's date; None: current)."""
        return cls(official.full_name, tuple(t.text for t in official.titles_on(day)))


@dataclass(frozen=True, slots=True)
class RelatedStory:
    """A story in "Tin cùng chuyên mục" or "Có thể bạn quan tâm"."""

    headline: str
    url: str
    sapo: str = ""
    image_url: str | None = None


@lru_cache(maxsize=2048)
def _slug(text: str) -> str:
    """slugify, remembered: a page asks for the same few slugs (headline, sections, tags)."""
    return slugify(text)


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        # Windows has no system time-zone database unless the `tzdata` package is installed.
        # Việt Nam has kept UTC+7 without daylight saving since 1975, so this is exact there.
        if name in ("Asia/Ho_Chi_Minh", "Asia/Saigon"):
            return timezone(timedelta(hours=7), "ICT")
        raise


@dataclass(frozen=True)
class SiteSettings:
    """The outlet: its name, where it publishes, how its URLs look."""

    name: str = DEFAULT_NAME
    base_url: str = DEFAULT_BASE_URL  # a placeholder (https://example.invalid) until IT sets it
    logo_url: str | None = None  # absolute; publisher logo in JSON-LD
    locale: str = DEFAULT_LOCALE
    time_zone: str = "Asia/Ho_Chi_Minh"
    nav_sections: tuple[str, ...] = ()  # top-level sections shown in the page's menu
    # The site build's pages (`domain/site_plan.py`: `tag/<slug>/`, `<section>/<subsection>/`).
    tag_path: str = "/tag/{slug}/"
    section_path: str = "/{slug}/"  # {slug}: the section path's parts slugified, joined by "/"

    def __post_init__(self) -> None:
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValidationError(
                f"Địa chỉ trang báo không hợp lệ: “{self.base_url}” (cần dạng https://ten-bao.vn)"
            )
        object.__setattr__(self, "base_url", self.base_url.rstrip("/"))

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc.lower()

    @property
    def language(self) -> str:
        """BCP 47 language of the page ("vi" for vi_VN)."""
        return self.locale.split("_", 1)[0]

    @property
    def zone(self) -> tzinfo:
        return _zone(self.time_zone)

    def tag_url(self, label: str) -> str:
        return self.base_url + self.tag_path.format(slug=quote(_slug(label)))

    def section_url(self, parts: tuple[str, ...]) -> str:
        slug = "/".join(quote(_slug(p)) for p in parts)
        return self.base_url + self.section_path.format(slug=slug)


def _aware(value: datetime | None, name: str) -> datetime | None:
    if value is not None and value.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime (UTC), got {value!r}")
    return value


@dataclass(frozen=True)
class PageContext:
    """Everything one article page shows, as plain data.

    `published_at`/`modified_at` are aware datetimes (stored in UTC, shown in the site's zone):
    the story's first publication and its current published version (`domain.publication`).
    When absent (the preview of a story not yet published), the article's `updated_at` stands
    in. `corrections`: the corrections published so far, oldest first; `embargo_until`: the
    time before which the story may not be published (ninjs `embargoedUntil`).
    """

    article: Article
    site: SiteSettings = field(default_factory=SiteSettings)
    section_path: tuple[str, ...] = ()  # ("Chính trị", "Xây dựng Đảng")
    officials: tuple[TaggedOfficial, ...] = ()
    same_section: tuple[RelatedStory, ...] = ()  # "Tin cùng chuyên mục"
    may_interest: tuple[RelatedStory, ...] = ()  # "Có thể bạn quan tâm"
    images: ImageResolver = NO_IMAGES
    published_at: datetime | None = None
    modified_at: datetime | None = None
    url: str | None = None  # the public URL; default: {base_url}/{slug}/
    slug: str | None = None  # default: slugify(headline)
    version: int = 1
    corrections: tuple[Correction, ...] = ()
    embargo_until: datetime | None = None

    def __post_init__(self) -> None:
        _aware(self.published_at, "published_at")
        _aware(self.modified_at, "modified_at")
        _aware(self.embargo_until, "embargo_until")
        for c in self.corrections:
            _aware(c.at, "correction time")

    @property
    def page_slug(self) -> str:
        return self.slug if self.slug else _slug(self.article.headline)

    @property
    def page_url(self) -> str:
        if self.url:
            return self.url
        slug = self.page_slug or str(self.article.id)
        return f"{self.site.base_url}/{slug}/"

    @property
    def published(self) -> datetime:
        when = self.published_at or self.article.updated_at
        _aware(when, "article.updated_at")
        return when

    @property
    def modified(self) -> datetime:
        when = self.modified_at or self.article.updated_at
        return max(when, self.published)

    @property
    def section_name(self) -> str:
        return self.section_path[-1] if self.section_path else ""

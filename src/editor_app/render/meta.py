"""What the page says about itself: dates, author names, Open Graph, JSON-LD, share links.

JSON-LD follows Google's Article structured data: `headline`, `description` (the sapo),
`image` as the 16:9, 4:3 and 1:1 crops (absolute URLs, each at least 50,000 pixels),
`datePublished` (the first publication) / `dateModified` (the current version) with the +07:00
offset, `correction` as CorrectionComments (note and time), `author` as Person with the bare name
(no "Đồng chí", no job title), `publisher` with name and logo, and `mentions` for the tagged
officials with their `jobTitle`.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote, urljoin

from editor_app.domain.article import Photo
from editor_app.domain.bylines import parse_byline
from editor_app.domain.text import TextCounts, count_text, format_datetime, nfc
from editor_app.render.context import CROP_RATIOS, Crop, PageContext, Rendition
from editor_app.render.typography import smarten

__all__ = [
    "MIN_IMAGE_PIXELS",
    "DatedNote",
    "ShareLink",
    "author_names",
    "bare_name",
    "body_counts",
    "caption",
    "corrections",
    "dateline",
    "embed_json",
    "headline",
    "iso_local",
    "news_article",
    "open_graph",
    "safe_url",
    "sapo",
    "share_links",
    "updated",
]

MIN_IMAGE_PIXELS = 50_000

# Forms of address and newsroom roles written before a name, longest first.
_PREFIXES = (
    "đồng chí",
    "phóng viên",
    "nhà báo",
    "cộng tác viên",
    "đ/c",
    "đc.",
    "ông",
    "bà",
    "pv",
    "ctv",
    "nb",
    "pgs.ts.",
    "pgs.ts",
    "ts.",
    "ths.",
    "gs.",
)
# A part of a byline that is a position, not a name ("Trưởng Ban Tuyên giáo Tỉnh ủy").
_TITLE_WORDS = re.compile(
    r"^(?:trưởng|phó|ủy viên|uỷ viên|bí thư|chủ tịch|giám đốc|thường trực|tổng biên tập"
    r"|thư ký|chánh|bộ trưởng|thứ trưởng|đại biểu|cán bộ|ban |sở |trung tâm|báo |tỉnh ủy"
    r"|tỉnh uỷ|huyện ủy|huyện uỷ|ubnd|hđnd)",
    re.IGNORECASE,
)
_SPLIT_AUTHORS = re.compile(r"\s*(?:[,;]|\s[-–—]\s|\svà\s)\s*")
_PARENS = re.compile(r"\s*\([^)]*\)")


def bare_name(text: str) -> str:
    """A person's name without "Đồng chí", "đ/c" and the like, and without what follows a comma."""
    name = " ".join(nfc(text).split())
    name = _PARENS.sub("", name).split(",", 1)[0].strip()
    changed = True
    while changed:
        changed = False
        low = name.lower()
        for prefix in _PREFIXES:
            if low.startswith(prefix) and (
                len(low) == len(prefix) or not low[len(prefix)].isalnum() or prefix.endswith(".")
            ):
                name = name[len(prefix) :].lstrip(" .:")
                changed = True
                break
    return name.strip()


def author_names(byline: str) -> list[str]:
    """The bare names in a byline: each person of a list with roles ("Bài: Thanh Hà – Ảnh:
    Hồng Ninh", domain/bylines.py), else of one writer's text as typed ("Hồng Ninh - Thu Hà",
    "Đ/c Dương Đức Huy, Trưởng Ban…")."""
    people = parse_byline(byline)
    if len(people) > 1 or any(p.role != "bai" for p in people):
        found = [p.name if p.role == "nhom" else bare_name(p.name) for p in people]
        return [n for i, n in enumerate(found) if n and n not in found[:i]]
    names: list[str] = []
    for part in _SPLIT_AUTHORS.split(_PARENS.sub("", nfc(byline))):
        part = part.strip()
        if not part or _TITLE_WORDS.match(part):
            continue
        name = bare_name(part)
        if name and name not in names:
            names.append(name)
    return names


_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_SAFE_SCHEMES = frozenset({"http", "https", "file"})


def safe_url(url: str | None) -> str | None:
    """`url` when it is http(s), file (a preview's local picture) or relative; else None.

    For links the page builds from data (related stories, tags, pictures): the body's own
    links go through the sanitiser instead.
    """
    if not url:
        return None
    seen = _URL_NOISE.sub("", url).lower()  # what a browser reads as the scheme
    m = _SCHEME.match(seen)
    if m is None:
        return None if seen.startswith("&") or ":" in seen.split("/", 1)[0] else url
    return url if m.group(1) in _SAFE_SCHEMES else None


def headline(context: PageContext) -> str:
    """The headline as printed (typographic quotes), everywhere the page and its copies use it."""
    return smarten(" ".join(context.article.headline.split()))


def sapo(context: PageContext) -> str:
    return smarten(context.article.sapo.strip())


def caption(photo: Photo) -> str:
    """A photo's caption as printed (typographic quotes): the page, JSON-LD and ninjs."""
    return smarten(photo.caption)


_TAGS = re.compile(r"<[^>]+>")


def body_counts(body_html: str) -> TextCounts:
    """Characters and words of the body as readers get it (its HTML's text: no Markdown, no
    addresses of links): the page's JSON-LD `wordCount` and ninjs `charCount`/`wordCount`."""
    return count_text(html_lib.unescape(_TAGS.sub(" ", body_html)))


def iso_local(context: PageContext, when: datetime) -> str:
    """ISO 8601 in the site's zone, to the second: 2023-04-12T09:55:00+07:00."""
    return when.astimezone(context.site.zone).replace(microsecond=0).isoformat()


def dateline(context: PageContext, when: datetime) -> str:
    """ "Thứ Tư, 12/4/2023 09:55 (GMT+7)"."""
    local = when.astimezone(context.site.zone)
    offset = local.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    gmt = f"GMT{sign}{hours}" + (f":{rest:02d}" if rest else "")
    return f"{format_datetime(local)} ({gmt})"


@dataclass(frozen=True, slots=True)
class DatedNote:
    """A time the page prints (`iso` for `<time datetime>`, `text` to read) and its note."""

    iso: str
    text: str
    note: str = ""


def updated(context: PageContext) -> DatedNote | None:
    """The current version's time when it is later than the first publication (the page's
    "Cập nhật" line), else None."""
    if context.modified <= context.published:
        return None
    return DatedNote(iso_local(context, context.modified), dateline(context, context.modified))


def corrections(context: PageContext) -> list[DatedNote]:
    """The corrections published so far, oldest first, as the page prints them."""
    return [
        DatedNote(iso_local(context, c.at), dateline(context, c.at), smarten(c.note))
        for c in context.corrections
    ]


def embed_json(data: object) -> str:
    """JSON safe inside <script>: no "</", no "<!--" (every <, > and & escaped)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def absolute(context: PageContext, url: str) -> str:
    return urljoin(context.page_url, url)


def _crops(context: PageContext, photo: Photo | None) -> list[Crop]:
    if photo is None:
        return []
    crops = {c.ratio: c for c in context.images.images(photo).crops}
    return [crops[r] for r in CROP_RATIOS if r in crops and crops[r].pixels >= MIN_IMAGE_PIXELS]


def _image_object(context: PageContext, crop: Crop, photo: Photo) -> dict[str, Any]:
    """A crop of the featured photo as schema.org ImageObject: address, size, caption, credit."""
    item: dict[str, Any] = {
        "@type": "ImageObject",
        "url": absolute(context, crop.url),
        "contentUrl": absolute(context, crop.url),
        "width": crop.width,
        "height": crop.height,
    }
    if photo.caption:
        item["caption"] = caption(photo)
    if photo.credit:
        item["creditText"] = photo.credit
    return item


@dataclass(frozen=True, slots=True)
class ShareImage:
    url: str  # absolute
    width: int
    height: int
    alt: str


def share_image(context: PageContext) -> ShareImage | None:
    """The picture social networks show: the featured photo's 16:9 crop, else its largest JPEG."""
    photo = context.article.featured_photo
    if photo is None:
        return None
    alt = smarten(photo.alt_text or photo.caption) or headline(context)
    crops = _crops(context, photo)
    if crops:
        c = crops[0]
        return ShareImage(absolute(context, c.url), c.width, c.height, alt)
    rends: list[Rendition] = [
        r for r in context.images.images(photo).renditions if r.format == "jpeg"
    ]
    if not rends:
        return None
    r = max(rends, key=lambda r: r.width)
    return ShareImage(absolute(context, r.url), r.width, r.height, alt)


def open_graph(context: PageContext) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(Open Graph `property` pairs, Twitter card `name` pairs), in page order."""
    a = context.article
    og: list[tuple[str, str]] = [
        ("og:type", "article"),
        ("og:title", headline(context)),
        ("og:description", sapo(context)),
        ("og:url", context.page_url),
        ("og:site_name", context.site.name),
        ("og:locale", context.site.locale),
    ]
    tw: list[tuple[str, str]] = [
        ("twitter:card", "summary_large_image"),
        ("twitter:title", headline(context)),
        ("twitter:description", sapo(context)),
    ]
    image = share_image(context)
    if image is not None:
        og += [
            ("og:image", image.url),
            ("og:image:width", str(image.width)),
            ("og:image:height", str(image.height)),
            ("og:image:alt", image.alt),
        ]
        tw += [("twitter:image", image.url), ("twitter:image:alt", image.alt)]
    og += [
        ("article:published_time", iso_local(context, context.published)),
        ("article:modified_time", iso_local(context, context.modified)),
    ]
    if context.section_name:
        og.append(("article:section", context.section_name))
    og += [("article:tag", k) for k in a.keywords]
    return og, tw


def news_article(context: PageContext, word_count: int) -> dict[str, Any]:
    """The schema.org NewsArticle for the page's JSON-LD."""
    a = context.article
    site = context.site
    names = author_names(a.byline)
    authors: list[dict[str, Any]] = [{"@type": "Person", "name": n} for n in names] or [
        {"@type": "Organization", "name": site.name, "url": site.base_url + "/"}
    ]
    publisher: dict[str, Any] = {
        "@type": "NewsMediaOrganization",
        "name": site.name,
        "url": site.base_url + "/",
    }
    logo = safe_url(site.logo_url)
    if logo:
        publisher["logo"] = {"@type": "ImageObject", "url": absolute(context, logo)}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": context.page_url},
        "url": context.page_url,
        "headline": headline(context),
        "description": sapo(context),
        "inLanguage": site.language,
        "datePublished": iso_local(context, context.published),
        "dateModified": iso_local(context, context.modified),
        "author": authors,
        "publisher": publisher,
        "wordCount": word_count,
    }
    featured = a.featured_photo
    images = [_image_object(context, c, featured) for c in _crops(context, featured) if featured]
    if images:
        data["image"] = images
    if context.section_name:
        data["articleSection"] = context.section_name
    if a.keywords:
        data["keywords"] = list(a.keywords)
    if context.corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": smarten(c.note),
                "datePublished": iso_local(context, c.at),
            }
            for c in context.corrections
        ]
    mentions: list[dict[str, Any]] = []
    for o in context.officials:
        person: dict[str, Any] = {"@type": "Person", "name": bare_name(o.name)}
        if o.titles:
            person["jobTitle"] = o.titles[0] if len(o.titles) == 1 else list(o.titles)
        mentions.append(person)
    if mentions:
        data["mentions"] = mentions
    return data


@dataclass(frozen=True, slots=True)
class ShareLink:
    network: str  # css class: facebook, zalo, x
    label: str
    href: str


def share_links(context: PageContext) -> list[ShareLink]:
    """Plain links to each network's share page (no third-party script)."""
    url = quote(context.page_url, safe="")
    text = quote(headline(context), safe="")
    return [
        ShareLink("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
        ShareLink("zalo", "Zalo", f"https://sp.zalo.me/share_to_zalo?url={url}"),
        ShareLink("x", "X", f"https://twitter.com/intent/tweet?url={url}&text={text}"),
    ]

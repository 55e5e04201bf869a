"""The site's machine-read files as text: RSS 2.0 feeds, sitemaps (the protocol of
sitemaps.org, Google News' extension), the sitemap index and robots.txt. Pure.

- RSS 2.0 (the RSS Advisory Board's specification): `title`, `link`, `description` for the
  channel and each item, dates in RFC 822 (`Tue, 12 Apr 2023 02:55:00 +0000`), a `guid` that
  is the story's permanent address, `atom:link rel="self"` as validators ask. `lastBuildDate`
  is the newest item's time, never the clock: a feed with the same stories is the same bytes.
- Sitemaps: the `http://www.sitemaps.org/schemas/sitemap/0.9` namespace, URLs entity-escaped,
  `lastmod` in W3C datetime (`2023-04-12T02:55:00+00:00`), at most 50,000 URLs a file; the
  index lists the files. The News sitemap lists the stories first published in the last 48
  hours (at most 1,000), each with `news:publication_date` from its real first publication.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import TypeVar
from urllib.parse import quote, urlsplit, urlunsplit
from xml.sax.saxutils import escape

T = TypeVar("T")

__all__ = [
    "MAX_NEWS",
    "MAX_URLS",
    "NEWS_WINDOW",
    "FeedItem",
    "NewsEntry",
    "UrlEntry",
    "chunks",
    "news_sitemap",
    "robots_txt",
    "rss_feed",
    "sitemap_index",
    "url_sitemap",
    "w3c_datetime",
]

#: The sitemap protocol's limit of URLs a file (and of sitemaps an index).
MAX_URLS = 50_000
#: Google News: stories published in the last two days, at most 1,000 a sitemap.
NEWS_WINDOW = timedelta(hours=48)
MAX_NEWS = 1_000
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _x(text: str) -> str:
    """Text or an attribute value escaped for XML (quotes too)."""
    return escape(text, {'"': "&quot;", "'": "&apos;"})


def clean_url(url: str) -> str:
    """A URL with any character a sitemap may not hold percent-encoded (already-encoded
    `%XX` kept), then entity-escaped by the writer."""
    parts = urlsplit(url)
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="=&%/:+,;-._~")
    return urlunsplit((parts.scheme, parts.netloc.encode("idna").decode("ascii"), path, query, ""))


def w3c_datetime(when: datetime) -> str:
    """W3C datetime to the second, in UTC: `2023-04-12T02:55:00+00:00`."""
    if when.utcoffset() is None:
        raise ValueError(f"an aware datetime is needed, got {when!r}")
    return when.astimezone(UTC).replace(microsecond=0).isoformat()


def _rfc822(when: datetime) -> str:
    return format_datetime(when.astimezone(UTC).replace(microsecond=0))


@dataclass(frozen=True, slots=True)
class FeedItem:
    title: str
    link: str
    description: str
    published: datetime
    category: str = ""


def rss_feed(
    title: str,
    link: str,
    description: str,
    self_url: str,
    items: Sequence[FeedItem],
    language: str = "vi",
) -> str:
    """An RSS 2.0 feed (items newest first, as given)."""
    newest = max((i.published for i in items), default=None)
    out = [
        _DECL,
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n',
        f"<title>{_x(title)}</title>\n<link>{_x(clean_url(link))}</link>\n",
        f"<description>{_x(description)}</description>\n<language>{_x(language)}</language>\n",
        f'<atom:link href="{_x(clean_url(self_url))}" rel="self" type="application/rss+xml"/>\n',
    ]
    if newest is not None:
        out.append(f"<lastBuildDate>{_rfc822(newest)}</lastBuildDate>\n")
    for item in items:
        url = _x(clean_url(item.link))
        out.append(
            f"<item>\n<title>{_x(item.title)}</title>\n<link>{url}</link>\n"
            f"<description>{_x(item.description)}</description>\n"
            f"<pubDate>{_rfc822(item.published)}</pubDate>\n"
            f'<guid isPermaLink="true">{url}</guid>\n'
        )
        if item.category:
            out.append(f"<category>{_x(item.category)}</category>\n")
        out.append("</item>\n")
    out.append("</channel>\n</rss>\n")
    return "".join(out)


@dataclass(frozen=True, slots=True)
class UrlEntry:
    loc: str
    lastmod: datetime | None = None


def _check_count(n: int) -> None:
    if n > MAX_URLS:
        raise ValueError(f"{n} URLs in one sitemap: the protocol allows {MAX_URLS}")


def _loc_list(root: str, item: str, entries: Sequence[UrlEntry]) -> str:
    """`<root>` of at most 50,000 `<item>`s, each a `loc` and maybe a `lastmod`."""
    _check_count(len(entries))
    out = [_DECL, f'<{root} xmlns="{SITEMAP_NS}">\n']
    for e in entries:
        out.append(f"<{item}><loc>{_x(clean_url(e.loc))}</loc>")
        if e.lastmod is not None:
            out.append(f"<lastmod>{w3c_datetime(e.lastmod)}</lastmod>")
        out.append(f"</{item}>\n")
    out.append(f"</{root}>\n")
    return "".join(out)


def url_sitemap(entries: Sequence[UrlEntry]) -> str:
    """A `urlset` of at most 50,000 URLs."""
    return _loc_list("urlset", "url", entries)


def sitemap_index(entries: Sequence[UrlEntry]) -> str:
    """A `sitemapindex` of at most 50,000 sitemaps."""
    return _loc_list("sitemapindex", "sitemap", entries)


@dataclass(frozen=True, slots=True)
class NewsEntry:
    loc: str
    title: str
    published: datetime  # the story's first publication


def news_sitemap(
    entries: Sequence[NewsEntry], publication: str, language: str, now: datetime
) -> str:
    """The Google News sitemap: the stories first published within 48 hours of `now` (newest
    first, at most 1,000), each with its publication's name and language."""
    recent = [e for e in entries if now - NEWS_WINDOW <= e.published <= now]
    recent.sort(key=lambda e: e.published, reverse=True)
    out = [_DECL, f'<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n']
    name, lang = _x(publication), _x(language)
    for e in recent[:MAX_NEWS]:
        out.append(
            f"<url><loc>{_x(clean_url(e.loc))}</loc><news:news><news:publication>"
            f"<news:name>{name}</news:name><news:language>{lang}</news:language>"
            f"</news:publication><news:publication_date>{w3c_datetime(e.published)}"
            f"</news:publication_date><news:title>{_x(e.title)}</news:title></news:news></url>\n"
        )
    out.append("</urlset>\n")
    return "".join(out)


def chunks(items: Sequence[T], size: int = MAX_URLS) -> list[Sequence[T]]:
    """`items` in files of at most `size` (one empty file for no items)."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def robots_txt(base_url: str, sitemap: str = "sitemap.xml") -> str:
    """Every crawler may read everything; where the sitemap index is."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url.rstrip('/')}/{sitemap}\n"

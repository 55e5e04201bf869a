"""Checks of the site's files against their rules, shared by the domain and service tests:
the sitemap protocol (sitemaps.org 0.9 and Google News) and RSS 2.0 read by `feedparser`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from urllib.parse import urlsplit

import feedparser

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
W3C = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?$")
MAX_URLS = 50_000
MAX_BYTES = 50 * 1024 * 1024


def _check_loc(loc: str | None, base: str) -> str:
    assert loc is not None and loc == loc.strip()
    parts = urlsplit(loc)
    assert parts.scheme in ("http", "https") and loc.startswith(base), loc
    assert len(loc) < 2048
    assert all(33 <= ord(c) < 127 for c in loc), f"not percent-encoded: {loc}"
    return loc


def check_sitemap(data: bytes, base: str) -> list[str]:
    """A urlset (plain or News) or an index, by the protocol's rules: UTF-8, the namespace, at
    most 50,000 entries and 50 MB, absolute escaped URLs of the site, W3C datetimes. Returns
    the URLs."""
    assert len(data) <= MAX_BYTES
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(data)
    assert root.tag in (f"{SM}urlset", f"{SM}sitemapindex"), root.tag
    child = "url" if root.tag == f"{SM}urlset" else "sitemap"
    entries = list(root)
    assert len(entries) <= MAX_URLS
    locs = []
    for entry in entries:
        assert entry.tag == f"{SM}{child}"
        locs.append(_check_loc(entry.findtext(f"{SM}loc"), base))
        lastmod = entry.findtext(f"{SM}lastmod")
        if lastmod is not None:
            assert W3C.match(lastmod), lastmod
        news = entry.find(f"{NEWS}news")
        if news is not None:
            when = news.findtext(f"{NEWS}publication_date")
            assert when is not None and W3C.match(when), when
            assert news.findtext(f"{NEWS}title")
            assert news.findtext(f"{NEWS}publication/{NEWS}name")
            assert news.findtext(f"{NEWS}publication/{NEWS}language") == "vi"
    return locs


def news_dates(data: bytes) -> list[datetime]:
    root = ET.fromstring(data)
    return [
        datetime.fromisoformat(str(e.findtext(f"{NEWS}news/{NEWS}publication_date"))) for e in root
    ]


def check_feed(data: bytes) -> feedparser.FeedParserDict:
    """An RSS 2.0 feed, as a real feed parser reads it: well-formed, RSS 2.0, the channel's
    and each item's title, link and description, dates it understands, permanent guids."""
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.title and feed.feed.link and feed.feed.subtitle
    for item in feed.entries:
        assert item.title and item.link and item.published_parsed
        assert item.id == item.link  # the guid: the permanent address
    return feed

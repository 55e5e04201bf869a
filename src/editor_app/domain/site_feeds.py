"""The site's feeds and sitemaps from its plan (`site_plan.SitePlan`), as files: path → text.
Pure; the XML itself is `site_xml.py`.

    rss.xml                      the site's feed: its newest 50 stories
    <section>/rss.xml            one per section and subsection
    sitemap.xml                  the sitemap index, which robots.txt names
    sitemap-news.xml             Google News: stories first published in the last 48 hours
    sitemap-stories-<n>.xml      every story's address, 50,000 a file, counted from the oldest
                                 (an old file keeps its stories as new ones are published)
    sitemap-pages.xml            the front page of every listing
    robots.txt
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from editor_app.domain.section import SEPARATOR
from editor_app.domain.site_plan import Listing, SitePlan, SiteStory
from editor_app.domain.site_xml import (
    MAX_URLS,
    FeedItem,
    NewsEntry,
    UrlEntry,
    chunks,
    news_sitemap,
    robots_txt,
    rss_feed,
    sitemap_index,
    url_sitemap,
)

__all__ = ["FEED_ITEMS", "SiteAddress", "site_files"]

#: Stories in a feed.
FEED_ITEMS = 50
FEED = "rss.xml"


@dataclass(frozen=True, slots=True)
class SiteAddress:
    """What the files need of the outlet: its name, address and language."""

    name: str
    base_url: str  # no trailing slash
    language: str = "vi"

    def url(self, folder: str) -> str:
        return f"{self.base_url}/{folder}/" if folder else f"{self.base_url}/"


def _feed(site: SiteAddress, listing: Listing) -> str:
    items = [
        FeedItem(
            s.headline,
            site.url(s.slug),
            s.sapo.strip(),
            s.first_published_at,
            s.section.split(SEPARATOR)[-1] if s.section else "",
        )
        for s in listing.stories[:FEED_ITEMS]
    ]
    own = f"{listing.folder}/{FEED}" if listing.folder else FEED
    if listing.kind == "home":
        title, description = site.name, f"Tin mới nhất của {site.name}"
    else:
        title = f"{listing.title} - {site.name}"
        description = f"Tin mới nhất {listing.title.lower()} của {site.name}"
    return rss_feed(title, site.url(listing.folder), description, f"{site.base_url}/{own}", items)


def _story_sitemaps(
    site: SiteAddress, stories: Sequence[SiteStory], per_file: int
) -> dict[str, tuple[str, datetime | None]]:
    oldest_first = list(reversed(stories))
    out: dict[str, tuple[str, datetime | None]] = {}
    for n, chunk in enumerate(chunks(oldest_first, per_file), 1):
        entries = [UrlEntry(site.url(s.slug), s.version_at) for s in chunk]
        newest = max((s.version_at for s in chunk), default=None)
        out[f"sitemap-stories-{n}.xml"] = (url_sitemap(entries), newest)
    return out


def site_files(
    plan: SitePlan, site: SiteAddress, now: datetime, per_file: int = MAX_URLS
) -> dict[str, str]:
    """Every feed and sitemap of the site, and robots.txt (`per_file`: URLs a sitemap file,
    the protocol's 50,000 unless a test asks fewer)."""
    files: dict[str, str] = {}
    for listing in plan.listings:
        if listing.kind in ("home", "section"):
            own = f"{listing.folder}/{FEED}" if listing.folder else FEED
            files[own] = _feed(site, listing)
    news = [NewsEntry(site.url(s.slug), s.headline, s.first_published_at) for s in plan.stories]
    files["sitemap-news.xml"] = news_sitemap(news, site.name, site.language, now)
    newest = max((s.version_at for s in plan.stories), default=None)
    index: list[UrlEntry] = [UrlEntry(f"{site.base_url}/sitemap-news.xml", newest)]
    for name, (text, lastmod) in _story_sitemaps(site, plan.stories, per_file).items():
        files[name] = text
        index.append(UrlEntry(f"{site.base_url}/{name}", lastmod))
    pages = [UrlEntry(site.url(x.folder)) for x in plan.listings]
    for n, chunk in enumerate(chunks(pages, per_file), 1):
        name = "sitemap-pages.xml" if n == 1 else f"sitemap-pages-{n}.xml"
        files[name] = url_sitemap(chunk)
        index.append(UrlEntry(f"{site.base_url}/{name}"))
    files["sitemap.xml"] = sitemap_index(index)
    files["robots.txt"] = robots_txt(site.base_url)
    return files

"""The outlet's listing pages (home, a section, a tag) in the story page's template family:
`site_listing.html.j2` extends the story page's `base.html.j2` (same masthead, menu, footer,
icons) and links the same stylesheet, copied once into the site's `assets/`.

Every link between the site's own files is relative (`../../kinh-te/index.html`), so the site
opens from a folder as well as from its address; the canonical link and Open Graph URL are the
page's address under the outlet's base URL (`https://…/kinh-te/`), as the story page's links
name it (`SiteSettings.section_url`, `tag_url`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from editor_app.domain.section import SEPARATOR
from editor_app.domain.site_plan import Listing, ListingPage, SiteStory, section_folder
from editor_app.domain.text import format_date
from editor_app.paths import templates_dir
from editor_app.render.assets import ICONS, STYLESHEET_HREF, page_assets
from editor_app.render.context import SiteSettings

__all__ = ["LISTING_TEMPLATE", "ListingRenderer", "design_fingerprint"]

LISTING_TEMPLATE = "site_listing.html.j2"
_TEMPLATES = ("base.html.j2", LISTING_TEMPLATE)


def design_fingerprint(templates: Path | None = None) -> str:
    """A hash of what every listing page is drawn with (templates, stylesheet, icons): a page
    is the same page only if this is the same."""
    h = hashlib.sha256()
    folder = templates or templates_dir()
    for name in _TEMPLATES:
        h.update((folder / name).read_bytes())
    for source, href in page_assets():
        h.update(href.encode())
        h.update(source.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class ListedStory:
    """A story as a listing prints it (links relative to the page)."""

    headline: str
    url: str
    sapo: str
    image_url: str | None
    iso: str
    date: str
    section: str
    section_url: str


class ListingRenderer:
    """Renders listing pages; keeps the Jinja environment. Not thread-safe."""

    def __init__(
        self, site: SiteSettings, nav: tuple[str, ...] = (), templates: Path | None = None
    ) -> None:
        """`nav`: the menu's sections when the site names none (`nav_sections`)."""
        self.site = site
        self.nav = site.nav_sections or nav
        self._env = Environment(
            loader=FileSystemLoader(str(templates or templates_dir())),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        self._template = self._env.get_template(LISTING_TEMPLATE)

    def page_url(self, folder: str) -> str:
        """The page's public address: `https://…/kinh-te/` (`https://…/` for home)."""
        return f"{self.site.base_url}/{folder}/" if folder else f"{self.site.base_url}/"

    def render(
        self,
        page: ListingPage,
        subsections: tuple[str, ...] = (),
        highlights: Sequence[tuple[Listing, tuple[SiteStory, ...]]] = (),
    ) -> str:
        """The page's HTML. `subsections`: a section's own subsections' paths (linked under
        its title); `highlights`: the side column's sections and stories (`highlights` of the
        site plan: the home page's)."""
        up = "../" * page.depth
        side = [
            (
                listing.name,
                f"muc-{listing.folder.replace('/', '-')}",
                f"{up}{listing.folder}/index.html",
                [self._story(s, up) for s in stories],
            )
            for listing, stories in highlights
        ]
        return self._template.render(**self._model(page, subsections), sidebar=side)

    def _story(self, story: SiteStory, up: str) -> ListedStory:
        local = story.first_published_at.astimezone(self.site.zone)
        section = story.section.split(SEPARATOR)[-1] if story.section else ""
        url = f"{up}{story.slug}/index.html"
        return ListedStory(
            headline=story.headline,
            url=url,
            sapo=story.sapo.strip(),
            image_url=f"{up}{story.slug}/{story.thumbnail}" if story.thumbnail else None,
            iso=local.replace(microsecond=0).isoformat(),
            date=format_date(local.date()),
            section=section,
            section_url=f"{up}{section_folder(story.section)}/index.html" if story.section else "",
        )

    def _stories(self, page: ListingPage, up: str) -> tuple[list[ListedStory], bool]:
        """The page's stories, the featured one first on the home page's front: the newest
        story with a picture leads (then the others, newest first)."""
        stories = list(page.stories)
        lead = page.listing.kind == "home" and page.number == 0
        if lead:
            first = next((s for s in stories if s.thumbnail), None)
            if first is None:
                lead = False
            else:
                stories.remove(first)
                stories.insert(0, first)
        return [self._story(s, up) for s in stories], lead

    def title(self, page: ListingPage) -> str:
        """What a reader sees of the page in its heading and tab: the listing's title, and on
        an archive page the days its stories were published ("Chuyên mục Kinh tế – Tin từ
        3/4/2023 đến 12/4/2023"). Archive pages are numbered from the oldest (`trang-1/`), so
        their number would count backwards as a reader goes to older news: it is not shown."""
        title = page.listing.title
        if not page.number or not page.stories:
            return title
        newest, oldest = (
            format_date(s.first_published_at.astimezone(self.site.zone).date())
            for s in (page.stories[0], page.stories[-1])
        )
        if newest == oldest:
            return f"{title} – Tin ngày {newest}"
        return f"{title} – Tin từ {oldest} đến {newest}"

    def _link(self, page: ListingPage, number: int | None, up: str) -> str | None:
        if number is None:
            return None
        folder = page.folder_of(number)
        return f"{up}{folder}/index.html" if folder else f"{up}index.html"

    def _model(self, page: ListingPage, subsections: tuple[str, ...]) -> dict[str, Any]:
        site = self.site
        up = "../" * page.depth
        listing = page.listing
        stories, lead = self._stories(page, up)
        current = listing.crumbs[0][0] if listing.crumbs else None
        feed = listing.kind in ("home", "section")
        description = (
            f"Tin mới nhất của {site.name}."
            if listing.kind == "home"
            else f"{listing.title}: các bài đã đăng trên {site.name}."
        )
        title = self.title(page)
        heading = title if listing.kind != "home" or page.number else "Tin mới nhất"
        return {
            "mode": "export",
            "lang": site.language,
            "title": f"{title} - {site.name}",
            "description": description,
            "robots": None,
            "canonical": self.page_url(page.folder),
            "og": _open_graph(site, title, description, self.page_url(page.folder)),
            "twitter": [],
            "json_ld": None,
            "stylesheet_href": up + STYLESHEET_HREF,
            "stylesheet": None,
            "icons": [replace(icon, href=up + icon.href) for icon in ICONS],
            "site": site,
            "home_url": f"{up}index.html",
            "nav": [(n, f"{up}{section_folder(n)}/index.html", n == current) for n in self.nav],
            "feed_href": f"{up}{listing.folder}/rss.xml" if listing.folder else f"{up}rss.xml",
            "feed_title": f"{listing.title} - {site.name}" if feed else "",
            "crumbs": [(name, f"{up}{folder}/index.html") for name, folder in listing.crumbs[:-1]],
            "heading": heading,
            "subsections": [
                (p.split(SEPARATOR)[-1], f"{up}{section_folder(p)}/index.html") for p in subsections
            ],
            "stories": stories,
            "lead": lead,
            "newer_url": self._link(page, page.newer, up),
            "older_url": self._link(page, page.older, up),
        } | ({} if feed else {"feed_href": None})


def _open_graph(
    site: SiteSettings, title: str, description: str, url: str
) -> list[tuple[str, str]]:
    return [
        ("og:type", "website"),
        ("og:site_name", site.name),
        ("og:locale", site.locale),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
    ]

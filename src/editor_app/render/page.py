"""The article page: one renderer and one template for the live preview and the export.

`mode="preview"`: line numbers on the body's blocks (scroll sync), the stylesheet inlined, no
canonical link, Open Graph or JSON-LD (the preview is not a published page), notices for photos
that cannot be shown. `mode="export"`: the page as published, with every head tag a share
preview or a search engine reads, and a link to `assets/article.css`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from editor_app.paths import templates_dir
from editor_app.render.assets import ICONS, STYLESHEET_HREF, stylesheet_path
from editor_app.render.context import PageContext, RelatedStory, RenderMode
from editor_app.render.layout import BodyItem, layout_body
from editor_app.render.markdown import BodyRenderer, RenderedBody
from editor_app.render.meta import (
    body_counts,
    corrections,
    dateline,
    embed_json,
    headline,
    iso_local,
    news_article,
    open_graph,
    safe_url,
    sapo,
    share_links,
    updated,
)

__all__ = ["STYLESHEET_HREF", "PageRenderer", "RenderedPage", "render_page", "stylesheet_path"]

TEMPLATE = "article.html.j2"
WITHDRAWN_TEMPLATE = "withdrawn.html.j2"
BODY_TEMPLATE = "_body.html.j2"
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class RenderedPage:
    html: str  # the whole page
    body_html: str  # export only: the body's text (no figures), for ninjs `bodies`
    word_count: int  # export only
    json_ld: dict[str, Any] | None  # export only


class PageRenderer:
    """Renders article pages; keeps the Jinja environment and each site's block cache.

    The preview keeps one for the life of an editor tab (a keystroke re-renders one block);
    an export can use a fresh one. Not thread-safe: one per worker thread.
    """

    def __init__(self, templates: Path | None = None, cache_size: int = 4096) -> None:
        self._env = Environment(
            loader=FileSystemLoader(str(templates or templates_dir())),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        self._cache_size = cache_size
        self._bodies: dict[str, BodyRenderer] = {}
        self._css: str | None = None

    def body_renderer(self, site_host: str) -> BodyRenderer:
        renderer = self._bodies.get(site_host)
        if renderer is None:
            renderer = self._bodies[site_host] = BodyRenderer(site_host, self._cache_size)
        return renderer

    def render_body(self, context: PageContext) -> RenderedBody:
        return self.body_renderer(context.site.host).render(context.article.body)

    def render(
        self,
        context: PageContext,
        mode: RenderMode = "preview",
        *,
        stylesheet_href: str | None = None,
    ) -> RenderedPage:
        """The page. The stylesheet is inlined unless `stylesheet_href` is given (export gives
        `assets/article.css` by default)."""
        if mode not in ("preview", "export"):
            raise ValueError(f"unknown render mode {mode!r}")
        export = mode == "export"
        if export and stylesheet_href is None:
            stylesheet_href = STYLESHEET_HREF
        body = self.render_body(context)
        items = layout_body(body, context.article, context.images, mode)
        body_text = ""
        words = 0
        json_ld: dict[str, Any] | None = None
        if export:
            text_items = layout_body(body, context.article, context.images, mode, figures=False)
            body_text = self._env.get_template(BODY_TEMPLATE).render(items=text_items).strip()
            words = body_counts(body_text).words
            json_ld = news_article(context, words)
        model = self._model(context, mode, items, stylesheet_href, json_ld)
        html = self._env.get_template(TEMPLATE).render(**model)
        return RenderedPage(html, body_text, words, json_ld)

    def render_withdrawn(self, context: PageContext, withdrawn_at: datetime) -> str:
        """The page left at a taken-down story's address: it says the story was withdrawn and
        when, asks search engines not to index it, and shows nothing of the story itself (a
        take-down is often for what the story said)."""
        site = context.site
        model: dict[str, Any] = {
            "mode": "export",
            "lang": site.language,
            "title": f"Bài viết đã được gỡ - {site.name}",
            "description": "",
            "robots": "noindex",
            "canonical": context.page_url,
            "og": [],
            "twitter": [],
            "json_ld": None,
            "stylesheet_href": STYLESHEET_HREF,
            "stylesheet": None,
            "icons": ICONS,
            "site": site,
            "home_url": site.base_url + "/",
            "nav": [(n, site.section_url((n,)), False) for n in site.nav_sections],
            "withdrawn_iso": iso_local(context, withdrawn_at),
            "withdrawn_text": dateline(context, withdrawn_at),
        }
        return self._env.get_template(WITHDRAWN_TEMPLATE).render(**model)

    def _stylesheet(self) -> str:
        if self._css is None:
            self._css = stylesheet_path().read_text(encoding="utf-8")
        return self._css

    def _model(
        self,
        context: PageContext,
        mode: RenderMode,
        items: list[BodyItem],
        stylesheet_href: str | None,
        json_ld: dict[str, Any] | None,
    ) -> dict[str, Any]:
        a = context.article
        site = context.site
        export = mode == "export"
        og, twitter = open_graph(context) if export else ([], [])
        crumbs = [
            (name, site.section_url(context.section_path[: i + 1]))
            for i, name in enumerate(context.section_path)
        ]
        officials = [
            (o.name, safe_url(o.url) or site.tag_url(o.name), ", ".join(o.titles))
            for o in context.officials
        ]
        keywords = [(k, site.tag_url(k)) for k in a.keywords]
        nav = (list(site.nav_sections) or list(context.section_path[:1])) if export else []
        current = context.section_path[0] if context.section_path else None
        return {
            "mode": mode,
            "lang": site.language,
            "title": f"{headline(context)} - {site.name}" if a.headline.strip() else site.name,
            "description": sapo(context),
            "canonical": context.page_url if export else None,
            "og": og,
            "twitter": twitter,
            "json_ld": Markup(embed_json(json_ld)) if json_ld is not None else None,
            "stylesheet_href": stylesheet_href,
            "stylesheet": None if stylesheet_href else Markup(self._stylesheet()),
            "icons": ICONS if export else (),
            "site": site,
            "home_url": site.base_url + "/",
            "nav": [(n, site.section_url((n,)), n == current) for n in nav],
            "crumbs": crumbs,
            "headline": headline(context),
            "sapo": sapo(context),
            "byline": a.byline,
            "robots": None,
            "dateline": dateline(context, context.published),
            "published_iso": iso_local(context, context.published),
            "updated": updated(context),
            "corrections": corrections(context),
            "items": items,
            "officials": officials,
            "keywords": keywords,
            "share": share_links(context),
            "same_section": _stories(context.same_section),
            "may_interest": _stories(context.may_interest),
        }


def _stories(stories: tuple[RelatedStory, ...]) -> list[RelatedStory]:
    """The stories whose links are safe to print (a bad picture URL only loses the picture)."""
    out: list[RelatedStory] = []
    for story in stories:
        url = safe_url(story.url)
        if url is not None and story.headline.strip():
            out.append(replace(story, url=url, image_url=safe_url(story.image_url)))
    return out


def render_page(context: PageContext, mode: RenderMode = "preview") -> RenderedPage:
    """One page with a fresh renderer (no cache kept): for one-off renders and tests."""
    return PageRenderer().render(context, mode)

"""render layer: an article as HTML, the same for the live preview and the export.

Markdown (Python-Markdown) → sanitised (nh3) → placed in a Jinja2 template. See docs/render.md.
"""

from editor_app.render.context import (
    Crop,
    ImageResolver,
    PageContext,
    PhotoImages,
    RelatedStory,
    RenderMode,
    Rendition,
    SiteSettings,
    StaticImageResolver,
    TaggedOfficial,
)
from editor_app.render.markdown import BodyRenderer, RenderedBody
from editor_app.render.page import PageRenderer, RenderedPage, render_page

__all__ = [
    "BodyRenderer",
    "Crop",
    "ImageResolver",
    "PageContext",
    "PageRenderer",
    "PhotoImages",
    "RelatedStory",
    "RenderMode",
    "RenderedBody",
    "RenderedPage",
    "Rendition",
    "SiteSettings",
    "StaticImageResolver",
    "TaggedOfficial",
    "render_page",
]

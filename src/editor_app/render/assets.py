"""The files an exported page links to besides its photos: the stylesheet and the page's icons.

The bundle copies each `(source, href)` of `page_assets()` to `<slug>/<href>`; the page's head
links them with the same relative hrefs, so a bundle works wherever it is put. The icons are
the page's own (`resources/favicon/`, drawn from `favicon.svg` by `scripts/make_icons.py`): an
ICO of 16, 32 and 48 px that every browser takes, the SVG modern browsers prefer, and a 180 px
PNG that phones show for a bookmark on the home screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editor_app.paths import resource

__all__ = ["ICONS", "STYLESHEET_HREF", "PageIcon", "page_assets", "stylesheet_path"]

STYLESHEET_HREF = "assets/article.css"


@dataclass(frozen=True, slots=True)
class PageIcon:
    """One `<link rel="icon">` (or `apple-touch-icon`) of the page's head, and its file."""

    rel: str
    href: str  # relative to the page, inside the bundle
    file: str  # under resources/favicon/
    type: str | None = None
    sizes: str | None = None


ICONS: tuple[PageIcon, ...] = (
    PageIcon("icon", "assets/favicon.ico", "favicon.ico", sizes="32x32"),
    PageIcon("icon", "assets/favicon.svg", "favicon.svg", type="image/svg+xml"),
    PageIcon("apple-touch-icon", "assets/apple-touch-icon.png", "apple-touch-icon.png"),
)


def stylesheet_path() -> Path:
    return resource("css", "article.css")


def page_assets() -> tuple[tuple[Path, str], ...]:
    """Every file the exported page links to from `assets/`, as (source file, href)."""
    icons = tuple((resource("favicon", icon.file), icon.href) for icon in ICONS)
    return ((stylesheet_path(), STYLESHEET_HREF), *icons)

"""The allow-list the body's HTML goes through (nh3, i.e. Ammonia) after Markdown.

Markdown here never passes raw HTML through (see `render.markdown`), so what reaches the
sanitiser is what Python-Markdown generates; the allow-list is the second wall: only the tags
Markdown makes for text, no `img` (photos are placed by the renderer from the article's own
photos), no `style`, no event handler, and links only to http, https, mailto and tel.
"""

from __future__ import annotations

import nh3

__all__ = ["ALLOWED_TAGS", "ALLOWED_URL_SCHEMES", "sanitise"]

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "strong",
        "em",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "a",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "figure",  # only as the renderer's empty photo marker (data-photo, data-alt)
    }
)
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_ALIGN = {"align-left", "align-center", "align-right"}

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes={
        "*": {"data-line"},
        "a": {"href", "title", "rel"},
        "ol": {"start"},
        "figure": {"data-photo", "data-alt"},
    },
    allowed_classes={"th": _ALIGN, "td": _ALIGN},
    url_schemes=set(ALLOWED_URL_SCHEMES),
    link_rel=None,  # the renderer sets rel itself: external links only
    strip_comments=True,
)


def sanitise(html: str) -> str:
    """The HTML with everything outside the allow-list removed."""
    return _CLEANER.clean(html)

"""What Facebook and Zalo show when the story's address is shared: the page's Open Graph title
and description, the outlet's domain, and the picture (`og:image`: the featured photo's 16:9
crop, cut around its focal point). The preview dock draws the cards from this record, before
anything is published.

Facebook shows a link's picture at 1.91:1, cut from the middle of the 16:9 `og:image`; Zalo
shows it whole (16:9). Because the 16:9 crop is centred on the focal point as far as the photo
allows, the point stays in both frames.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from editor_app.domain.errors import NotFound, UserError
from editor_app.publish.renditions import RenditionRequest, crop_size
from editor_app.render.meta import headline, sapo

if TYPE_CHECKING:
    from editor_app.services.export import ExportService

__all__ = ["PREVIEW_WIDTH", "ShareCard", "share_card"]

#: Width of the picture the preview draws (the export's is 1200: same frame, smaller file).
PREVIEW_WIDTH = 800


@dataclass(frozen=True)
class ShareCard:
    """One story's card on a social network."""

    title: str
    description: str
    domain: str  # "baotinh.vn"
    image: bytes | None  # JPEG, the 16:9 crop; None: no featured photo (or it cannot be read)
    alt: str = ""


def share_card(export: ExportService, article_id: uuid.UUID) -> ShareCard:
    """The story's share card as the page's Open Graph tags will give it (slow the first time
    for a photo: call it off the UI thread)."""
    context = export.context(article_id)
    domain = (urlsplit(context.site.base_url).hostname or "").removeprefix("www.")
    photo = context.article.featured_photo
    image: bytes | None = None
    if photo is not None:
        width = min(PREVIEW_WIDTH, crop_size(photo, "16:9")[0])
        try:
            image = export.provider(photo, RenditionRequest(width, "jpeg", "16:9")).read_bytes()
        except (NotFound, OSError, UserError):
            image = None
    alt = (photo.alt_text or photo.caption) if photo is not None else ""
    return ShareCard(headline(context), sapo(context), domain, image, alt)

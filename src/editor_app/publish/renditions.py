"""Which image files an export needs, and how they are asked for.

The bundle asks a `RenditionsProvider` (a callable that `media/` supplies) for each file:

    provider(photo, RenditionRequest(width=800, format="webp")) -> Path
    provider(photo, RenditionRequest(width=1200, format="jpeg", crop="16:9")) -> Path

and copies what it returns into `images/` (it never moves or changes the provider's file). The
provider must return a file that:

- is encoded as asked (`format`: "jpeg" or "webp");
- shows the photo upright (EXIF orientation applied), in sRGB;
- without `crop`: the whole photo scaled to `width` pixels wide (height in proportion), never
  wider than the original;
- with `crop`: exactly `width` × `width / ratio` pixels (the ratio's frame cut from the photo,
  centred or around its point of interest);
- carries the IPTC caption, creator, credit line and copyright as XMP, and no GPS or other
  location data (the bundle checks the GPS part and refuses a file that has one).

The bundle reads each file's real size from its header, so a rounding difference of the
provider's never puts a wrong `width`/`height` in the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor_app.domain.article import Photo
from editor_app.render.context import CROP_RATIOS, CropRatio, ImageFormat
from editor_app.render.meta import MIN_IMAGE_PIXELS

__all__ = [
    "CROP_WIDTH",
    "FORMATS",
    "WIDTHS",
    "RenditionRequest",
    "RenditionsProvider",
    "crop_requests",
    "crop_size",
    "width_requests",
]

#: Widths of the whole-photo renditions: phone, tablet/text column, 2x column, large 2x.
WIDTHS = (480, 800, 1200, 1600)
#: Width of the 16:9, 4:3 and 1:1 crops of the featured photo (JSON-LD, Open Graph).
CROP_WIDTH = 1200
FORMATS: tuple[ImageFormat, ...] = ("webp", "jpeg")

_RATIOS: dict[CropRatio, tuple[int, int]] = {"16:9": (16, 9), "4:3": (4, 3), "1:1": (1, 1)}


@dataclass(frozen=True, slots=True)
class RenditionRequest:
    """One file asked of the provider."""

    width: int
    format: ImageFormat
    crop: CropRatio | None = None


RenditionsProvider = Callable[[Photo, RenditionRequest], Path]


def width_requests(photo: Photo) -> list[int]:
    """The rendition widths for a photo: the standard ones below its width, and its own width
    (capped at the largest standard one) so a small photo is never blown up."""
    if photo.width <= 0:
        return [WIDTHS[1]]
    top = min(photo.width, WIDTHS[-1])
    return [w for w in WIDTHS if w < top] + [top]


def crop_size(photo: Photo, ratio: CropRatio) -> tuple[int, int]:
    """The largest crop of `ratio` up to CROP_WIDTH wide that fits in the photo."""
    rw, rh = _RATIOS[ratio]
    width = CROP_WIDTH
    if photo.width > 0 and photo.height > 0:
        width = min(width, photo.width, photo.height * rw // rh)
    return width, round(width * rh / rw)


def crop_requests(photo: Photo) -> list[RenditionRequest]:
    """The crops worth making: those of at least 50,000 pixels (Google's floor)."""
    out: list[RenditionRequest] = []
    for ratio in CROP_RATIOS:
        width, height = crop_size(photo, ratio)
        if width * height >= MIN_IMAGE_PIXELS:
            out.append(RenditionRequest(width, "jpeg", ratio))
    return out

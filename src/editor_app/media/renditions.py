"""Renditions of a photo for preview and export, made in one decode.

The original is decoded once, at the smallest scale libjpeg can give that is still at least
as large as the top of the photo's ladder (``Image.draft``: 1/2, 1/4 or 1/8), then the ladder
is walked down, each step made from the one before: 1600 → 1200 → 800 → 480. The ladder
(`LADDER_WIDTHS`, its top the photo's own width when it is narrower) depends on the photo
alone, never on which sizes were asked for: a size is made from the smallest step at least as
wide, so the preview's 800 px and the export's 800 px are the same bytes, whatever was made
before (issue 13, point 5). Outputs are upright (EXIF orientation
applied), sRGB without an ICC profile (see colour.py), with no EXIF at all (so no GPS), and
with the caption, creator, credit line and copyright as XMP. The same input and metadata give
byte-identical files.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image

from editor_app.domain.focal import Point
from editor_app.domain.focal import crop_box as focal_crop_box
from editor_app.media.colour import flatten, is_srgb, to_srgb, to_working_mode
from editor_app.media.imaging import (
    apply_orientation,
    decode_error,
    normalised_format,
    open_image,
    orientation,
    upright_size,
)
from editor_app.media.xmp import PhotoMetadata, build_xmp

__all__ = [
    "FORMATS",
    "LADDER_WIDTHS",
    "RECIPE",
    "RENDITION_WIDTHS",
    "THUMBNAIL_SIZE",
    "Encoded",
    "Framing",
    "crop_box",
    "framing",
    "ladder",
    "make_thumbnail",
    "render",
    "rendition_sizes",
    "rendition_widths",
    "thumbnail_dims",
]

RENDITION_WIDTHS = (480, 960, 1600)
#: The steps every rendition is made through (see the module's docstring): the export's widths
#: (publish/renditions.py), which hold the preview's and the crops'. A size asked for off the
#: ladder is made from the step above it and is not a step itself.
LADDER_WIDTHS = (480, 800, 1200, 1600)
THUMBNAIL_SIZE = 240
FORMATS = ("JPEG", "WEBP")
EXTENSIONS = {"JPEG": ".jpg", "WEBP": ".webp"}
JPEG_OPTIONS = {"quality": 82, "progressive": True, "optimize": True, "subsampling": "4:2:0"}
WEBP_OPTIONS = {"quality": 80, "method": 2}
THUMBNAIL_OPTIONS = {"quality": 80, "optimize": True, "subsampling": "4:2:0"}
# Changes whenever the same input would give different bytes (settings, filters, Pillow's
# major version); part of every cache key, so old renditions are not served after a change.
RECIPE = f"r4-pil{PIL.__version__.split('.')[0]}"

# The first, largest step (from the decoded size, at most 2× the target, to the largest
# rendition) dominates the cost; the later steps are small. See docs/media.md for the figures.
FIRST_STEP_FILTER = Image.Resampling.HAMMING
CHAIN_FILTER = Image.Resampling.HAMMING

Size = tuple[int, int]
Ratio = tuple[int, int]  # a crop's width:height, e.g. (16, 9)
Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class Framing:
    """A crop asked for: its width:height ratio and the focal point it keeps (None: centred)."""

    ratio: Ratio
    focus: Point | None = None


def framing(crop: Ratio | Framing | None) -> tuple[Ratio | None, Point | None]:
    """(ratio, focal point) of a crop given as a bare ratio or a `Framing`."""
    if isinstance(crop, Framing):
        return crop.ratio, crop.focus
    return crop, None


@dataclass(frozen=True)
class Encoded:
    """One output file's bytes."""

    format: str  # "JPEG" or "WEBP"
    width: int
    height: int
    data: bytes
    thumbnail: bool = False


def rendition_widths(width: int, widths: Sequence[int] = RENDITION_WIDTHS) -> tuple[int, ...]:
    """The widths made for an image `width` pixels wide (upright), smallest first; never
    wider than the image: a narrower image gets only the widths it covers, or its own width
    when it is narrower than the smallest."""
    if not widths:
        return ()
    if width < min(widths):
        return (width,)
    return tuple(sorted({w for w in widths if w <= width}))


def scaled(size: Size, width: int) -> Size:
    return width, max(1, round(size[1] * width / size[0]))


def rendition_sizes(size: Size, widths: Sequence[int] = RENDITION_WIDTHS) -> list[Size]:
    """(width, height) of each rendition of an upright image of `size`, smallest first."""
    return [scaled(size, w) for w in rendition_widths(size[0], widths)]


def thumbnail_dims(size: Size, box: int = THUMBNAIL_SIZE) -> Size:
    """A thumbnail's size: fits in a box×box square, never larger than the image."""
    width, height = size
    scale = min(1.0, box / width, box / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def crop_box(size: Size, ratio: Ratio, focus: Point | None = None) -> Box:
    """The largest (left, top, right, bottom) box of `ratio` in an image of `size`, with the
    focal point `focus` as near its centre as fits (centred when None: domain/focal.py)."""
    return focal_crop_box(size, ratio, focus)


def _encode(im: Image.Image, fmt: str, xmp: bytes, thumbnail: bool = False) -> bytes:
    im.info = {}  # nothing of the source's (EXIF, ICC, comments) may ride along
    buf = io.BytesIO()
    if fmt == "JPEG":
        out = flatten(im)
        out.info = {}
        out.save(buf, "JPEG", xmp=xmp, **(THUMBNAIL_OPTIONS if thumbnail else JPEG_OPTIONS))
    else:
        out = im.convert("RGB") if im.mode == "YCbCr" else im
        out.info = {}
        out.save(buf, "WEBP", xmp=xmp, **WEBP_OPTIONS)
    return buf.getvalue()


def render(
    source: Path,
    metadata: PhotoMetadata | None = None,
    *,
    widths: Sequence[int] = RENDITION_WIDTHS,
    formats: Sequence[str] = FORMATS,
    thumbnail: int | None = THUMBNAIL_SIZE,
    crop: Ratio | None = None,
    focus: Point | None = None,
) -> list[Encoded]:
    """Every rendition of the photo at `source` in every format, largest first, then the
    thumbnail (a JPEG without metadata, for the app's own lists), from one decode.
    `crop`: a width:height ratio; the renditions are then of the largest box of that shape
    around the focal point `focus` (centred when None), for og:image and JSON-LD's 16:9, 4:3,
    1:1. PhotoError on a bad file."""
    xmp = build_xmp(metadata or PhotoMetadata())
    for fmt in formats:
        if fmt not in EXTENSIONS:
            raise ValueError(f"no renditions in {fmt!r}; use one of {sorted(EXTENSIONS)}")
    with open_image(source) as im:
        normalised_format(source, im)
        orient = orientation(im)
        upright = upright_size(im.size, orient)
        box = crop_box(upright, crop, focus) if crop else None
        canvas = (box[2] - box[0], box[3] - box[1]) if box else upright
        targets = sorted(rendition_sizes(canvas, widths) if formats else [], reverse=True)
        thumb = thumbnail_dims(canvas, thumbnail) if thumbnail else None
        if not targets and thumb is None:
            return []
        # A thumbnail alone (the app's lists) is decoded at its own small scale: it is never
        # published, and the ladder's top would cost a larger decode.
        steps = ladder(canvas, targets[0][0]) if targets else [thumb] if thumb else []
        largest = steps[0]
        icc = im.info.get("icc_profile")
        try:
            if im.format in ("JPEG", "MPO"):
                # An sRGB photo stays in YCbCr, as stored: the decoder skips its colour
                # conversion, and so does the JPEG encoder (WebP converts per size).
                keep_ycc = im.mode == "RGB" and is_srgb(icc if isinstance(icc, bytes) else None)
                need = (
                    -(-upright[0] * largest[0] // canvas[0]),
                    -(-upright[1] * largest[1] // canvas[1]),
                )
                im.draft("YCbCr" if keep_ycc else im.mode, upright_size(need, orient))
            im.load()
            work = to_working_mode(im, icc if isinstance(icc, bytes) else None)
        except Exception as exc:  # hostile input: every failure is the file's
            raise decode_error(source, exc) from exc
        first = _first_step(work, orient, upright, box, largest)
        return _chain(first, icc if work.mode != "L" else None, steps, targets, thumb, formats, xmp)


def _first_step(
    work: Image.Image, orient: int, upright: Size, box: Box | None, size: Size
) -> Image.Image:
    """The decoded pixels at the largest output size, upright (and cropped)."""
    if box is None:
        stored = upright_size(size, orient)
        resized = work if work.size == stored else work.resize(stored, FIRST_STEP_FILTER)
        return apply_orientation(resized, orient)
    turned = apply_orientation(work, orient)
    fx, fy = turned.width / upright[0], turned.height / upright[1]
    scaled_box = (box[0] * fx, box[1] * fy, box[2] * fx, box[3] * fy)
    return turned.resize(size, FIRST_STEP_FILTER, box=scaled_box)


def ladder(canvas: Size, widest: int = 0) -> list[Size]:
    """The steps a photo of upright `canvas` size is made through, largest first: the
    `LADDER_WIDTHS` below its width, topped by its own width when narrower than the top.
    `widest`: a size asked for above the ladder's top (never by the app) is a step of its own."""
    top = min(canvas[0], max(LADDER_WIDTHS[-1], widest))
    sizes = {scaled(canvas, w) for w in LADDER_WIDTHS if w < top} | {scaled(canvas, top)}
    return sorted(sizes, reverse=True)


def _chain(
    first: Image.Image,
    icc: object,
    steps: list[Size],
    targets: list[Size],
    thumb: Size | None,
    formats: Sequence[str],
    xmp: bytes,
) -> list[Encoded]:
    """Walks the ladder down from `first` (at `steps[0]`); each target (largest first) and
    the thumbnail are made from the smallest step at least as wide, off the ladder when they
    are not steps themselves."""
    current = to_srgb(first, icc if isinstance(icc, bytes) else None)
    out: list[Encoded] = []
    wanted: list[tuple[Size, bool]] = [(t, False) for t in targets]
    if thumb is not None:
        wanted.append((thumb, True))
    at = 0
    for size, is_thumb in wanted:
        # Down the ladder while the next step is still at least as wide as this size.
        while at + 1 < len(steps) and steps[at + 1][0] >= size[0]:
            at += 1
            current = current.resize(steps[at], CHAIN_FILTER)
        image = current if current.size == size else current.resize(size, CHAIN_FILTER)
        if is_thumb:
            out.append(Encoded("JPEG", *size, _encode(image, "JPEG", b"", True), thumbnail=True))
        else:
            out.extend(Encoded(f, *size, _encode(image, f, xmp)) for f in formats)
    return out


def make_thumbnail(source: Path, size: int = THUMBNAIL_SIZE) -> bytes:
    """A JPEG thumbnail (bytes; fits size×size, upright, no metadata) for the app's lists.
    Bytes, not a PIL image: they cross threads and processes freely, go into a cache file as
    they are, and Qt reads them with QImage.fromData."""
    return render(source, widths=(), formats=(), thumbnail=size)[0].data

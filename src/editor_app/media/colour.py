"""Pixels made web-ready: 8-bit L, RGB or RGBA in sRGB.

Policy (one for every output): all renditions are sRGB and carry NO ICC profile, which the web
reads as sRGB. Sources with a non-sRGB profile (CMYK press files, Adobe RGB, an iPhone's
Display P3) are converted through that profile with LittleCMS; a CMYK file without a profile
gets Pillow's plain CMYK→RGB formula (the best guess there is).
"""

from __future__ import annotations

import functools
import io
import logging

from PIL import Image, ImageCms

__all__ = ["flatten", "is_srgb", "to_srgb", "to_working_mode"]

log = logging.getLogger(__name__)

WHITE = (255, 255, 255)


@functools.cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _profile(icc: bytes) -> ImageCms.ImageCmsProfile | None:
    try:
        return ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (OSError, ValueError, TypeError, ImageCms.PyCMSError):
        return None


def is_srgb(icc: bytes | None) -> bool:
    """False only for a readable RGB profile that is not sRGB (one worth converting from)."""
    if not icc:
        return True
    profile = _profile(icc)
    if profile is None:
        return True
    try:
        if profile.profile.xcolor_space.strip() != "RGB":
            return True
        description = ImageCms.getProfileDescription(profile)
    except (ImageCms.PyCMSError, AttributeError):
        return True
    return "srgb" in description.lower()


def _convert_with_profile(im: Image.Image, icc: bytes, mode: str) -> Image.Image | None:
    profile = _profile(icc)
    if profile is None:
        return None
    try:
        transform = ImageCms.buildTransform(
            profile, _srgb(), mode, "RGB", renderingIntent=ImageCms.Intent.PERCEPTUAL
        )
        out = ImageCms.applyTransform(im, transform)
    except (ImageCms.PyCMSError, OSError, ValueError) as exc:
        log.info("ICC conversion failed (%s); using plain conversion", exc)
        return None
    return out


def _to_8bit(im: Image.Image) -> Image.Image:
    """I;16 / I / F to L. 16-bit values span 0–65535; other ranges are stretched to 0–255."""
    if im.mode.startswith("I;16"):
        im = im.convert("I")
        lo, hi = 0.0, 65535.0
    else:
        extrema = im.getextrema()
        lo, hi = float(extrema[0]), float(extrema[1])  # type: ignore[arg-type]
        if lo >= 0 and hi <= 255:
            lo, hi = 0.0, 255.0
        elif lo >= 0 and hi <= 65535:
            lo, hi = 0.0, 65535.0
    scale = 255.0 / (hi - lo) if hi > lo else 1.0
    return im.point(lambda v: v * scale - lo * scale).convert("L")


def to_working_mode(im: Image.Image, icc: bytes | None) -> Image.Image:
    """L, RGB or RGBA (alpha only when some pixel is not opaque). CMYK and Lab become sRGB here;
    an RGB profile is left for `to_srgb`, which is cheaper once the image is small."""
    mode = im.mode
    if mode == "CMYK":
        converted = _convert_with_profile(im, icc, "CMYK") if icc else None
        return converted if converted is not None else im.convert("RGB")
    if mode == "LAB":
        lab = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB"))
        transform = ImageCms.buildTransform(lab, _srgb(), "LAB", "RGB")
        converted = ImageCms.applyTransform(im, transform)
        return converted if converted is not None else im.convert("RGB")
    if mode == "1":
        return im.convert("L")
    if mode.startswith("I") or mode == "F":
        return _to_8bit(im)
    if mode in ("P", "PA", "LA", "La", "RGBa", "RGBX") or "transparency" in im.info:
        has_alpha = mode in ("PA", "LA", "La", "RGBa") or "transparency" in im.info
        if not has_alpha and mode == "P":
            # A palette may still hide alpha (RGBA palettes); converting tells.
            has_alpha = im.palette is not None and im.palette.mode == "RGBA"
        im = im.convert("RGBA" if has_alpha else "RGB")
        mode = im.mode
    if mode == "RGBA":
        alpha = im.getchannel("A").getextrema()
        return im.convert("RGB") if alpha == (255, 255) else im
    if mode in ("L", "RGB", "YCbCr"):  # YCbCr: a JPEG's own pixels, sRGB (see renditions)
        return im
    return im.convert("RGB")


def to_srgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    """RGB/RGBA pixels described by `icc` converted to sRGB (unchanged when already sRGB)."""
    if im.mode not in ("RGB", "RGBA") or is_srgb(icc):
        return im
    assert icc is not None
    if im.mode == "RGBA":
        rgb = _convert_with_profile(im.convert("RGB"), icc, "RGB")
        if rgb is None:
            return im
        rgb.putalpha(im.getchannel("A"))
        return rgb
    return _convert_with_profile(im, icc, "RGB") or im


def flatten(im: Image.Image, background: tuple[int, int, int] = WHITE) -> Image.Image:
    """RGBA on a solid background (JPEG has no transparency); other modes unchanged."""
    if im.mode != "RGBA":
        return im
    out = Image.new("RGB", im.size, background)
    out.paste(im, mask=im.getchannel("A"))
    return out

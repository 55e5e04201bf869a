"""What a photo file says about itself: date taken, camera, caption, creator, credit, rights.

Sources, first found wins: XMP (dc:description, dc:creator, photoshop:Credit, dc:rights), then
IPTC IIM (2:120 caption, 2:80 by-line, 2:110 credit, 2:116 copyright), then EXIF Artist and
Copyright. Dates come from EXIF DateTimeOriginal (or DateTimeDigitized) with its offset when
the camera wrote one. Every string is NFC. Broken metadata is ignored, never fatal.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from PIL import Image, IptcImagePlugin

from editor_app.domain.text import nfc
from editor_app.media.xmp import PhotoMetadata, parse_xmp

__all__ = ["Embedded", "read_embedded"]

log = logging.getLogger(__name__)

_EXIF_IFD = 0x8769
_MAKE, _MODEL, _ARTIST, _COPYRIGHT = 0x010F, 0x0110, 0x013B, 0x8298
_DATE_ORIGINAL, _DATE_DIGITIZED = 0x9003, 0x9004
_OFFSET_ORIGINAL, _OFFSET_DIGITIZED = 0x9011, 0x9012
_IPTC = {"caption": (2, 120), "creator": (2, 80), "credit": (2, 110), "copyright": (2, 116)}
_IPTC_UTF8 = b"\x1b%G"

_DATE_RE = re.compile(r"(\d{4}):(\d\d):(\d\d)[ T](\d\d):(\d\d):(\d\d)")
_OFFSET_RE = re.compile(r"([+-])(\d\d):(\d\d)")


@dataclass(frozen=True)
class Embedded:
    metadata: PhotoMetadata
    taken_at: datetime | None
    camera: str


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = _decode(value)
    if not isinstance(value, str):
        return ""
    return nfc(value.replace("\x00", " ")).strip()


def _decode(raw: bytes, utf8: bool = False) -> str:
    """IPTC/EXIF bytes: UTF-8 when valid (or declared), else the Vietnamese Windows code page."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        if utf8:
            return raw.decode("utf-8", errors="replace")
    try:
        return raw.decode("cp1258")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def parse_exif_datetime(text: str, offset: str = "") -> datetime | None:
    """'2023:04:12 09:54:52' (+ '+07:00') → datetime, aware when an offset is given."""
    m = _DATE_RE.match(text.strip())
    if not m:
        return None
    try:
        year, month, day, hour, minute, second = (int(g) for g in m.groups())
        when = datetime(year, month, day, hour, minute, second)
    except ValueError:  # 0000:00:00 00:00:00 and other blanks
        return None
    off = _OFFSET_RE.fullmatch(offset.strip())
    if off:
        minutes = int(off[2]) * 60 + int(off[3])
        if minutes < 24 * 60:
            sign = -1 if off[1] == "-" else 1
            when = when.replace(tzinfo=timezone(timedelta(minutes=sign * minutes)))
    return when


def _exif(im: Image.Image) -> tuple[datetime | None, str, str, str]:
    """(taken_at, camera, artist, copyright) from EXIF."""
    try:
        exif = im.getexif()
        sub = exif.get_ifd(_EXIF_IFD)
    except Exception:  # a broken EXIF block only costs its fields
        log.info("unreadable EXIF in %s", getattr(im, "filename", "?"))
        return None, "", "", ""
    taken = None
    for tag, offset_tag in (
        (_DATE_ORIGINAL, _OFFSET_ORIGINAL),
        (_DATE_DIGITIZED, _OFFSET_DIGITIZED),
    ):
        taken = parse_exif_datetime(_text(sub.get(tag)), _text(sub.get(offset_tag)))
        if taken:
            break
    make, model = _text(exif.get(_MAKE)), _text(exif.get(_MODEL))
    camera = model if make and model.lower().startswith(make.lower()) else f"{make} {model}"
    return taken, camera.strip(), _text(exif.get(_ARTIST)), _text(exif.get(_COPYRIGHT))


def _iptc(im: Image.Image) -> dict[str, str]:
    try:
        info = IptcImagePlugin.getiptcinfo(im)  # type: ignore[arg-type]
    except Exception:  # a broken IPTC block only costs its fields
        return {}
    if not info:
        return {}
    charset = info.get((1, 90))
    utf8 = isinstance(charset, bytes) and charset.startswith(_IPTC_UTF8)
    out: dict[str, str] = {}
    for name, key in _IPTC.items():
        value = info.get(key)
        values = value if isinstance(value, list) else [value] if value else []
        texts = [nfc(_decode(v, utf8)).strip() for v in values if isinstance(v, bytes)]
        out[name] = "; ".join(t for t in texts if t)
    return out


def _raw_xmp(im: Image.Image) -> bytes | str | None:
    value = im.info.get("xmp") or im.info.get("XML:com.adobe.xmp")
    return value if isinstance(value, bytes | str) else None


def read_embedded(im: Image.Image) -> Embedded:
    """The metadata of an opened image (header only is enough)."""
    raw = _raw_xmp(im)
    xmp = parse_xmp(raw) if raw else PhotoMetadata()
    iptc = _iptc(im)
    taken, camera, artist, copyright_ = _exif(im)
    meta = PhotoMetadata(
        caption=xmp.caption or iptc.get("caption", ""),
        creator=xmp.creator or iptc.get("creator", "") or artist,
        credit=xmp.credit or iptc.get("credit", ""),
        copyright=xmp.copyright or iptc.get("copyright", "") or copyright_,
    )
    return Embedded(metadata=meta, taken_at=taken, camera=camera)

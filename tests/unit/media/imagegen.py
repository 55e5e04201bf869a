"""Photo files the media tests make for themselves with Pillow (and a few bytes by hand)."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image

QUADRANTS = {  # an upright test picture: four coloured quarters, so any turn or flip shows
    "top_left": (220, 30, 30),
    "top_right": (30, 30, 220),
    "bottom_left": (30, 200, 30),
    "bottom_right": (240, 240, 240),
}

# The transform that undoes each EXIF orientation (what a camera stored, given the upright)
INVERSE = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def quadrants(width: int, height: int) -> Image.Image:
    im = Image.new("RGB", (width, height))
    w2, h2 = width // 2, height // 2
    im.paste(QUADRANTS["top_left"], (0, 0, w2, h2))
    im.paste(QUADRANTS["top_right"], (w2, 0, width, h2))
    im.paste(QUADRANTS["bottom_left"], (0, h2, w2, height))
    im.paste(QUADRANTS["bottom_right"], (w2, h2, width, height))
    return im


def quadrant_centres(width: int, height: int) -> dict[str, tuple[int, int]]:
    return {
        "top_left": (width // 4, height // 4),
        "top_right": (3 * width // 4, height // 4),
        "bottom_left": (width // 4, 3 * height // 4),
        "bottom_right": (3 * width // 4, 3 * height // 4),
    }


def close(a: tuple[int, ...], b: tuple[int, ...], tol: int = 24) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=False))


def exif_bytes(
    orientation: int | None = None,
    *,
    make: str = "",
    model: str = "",
    taken: str = "",
    offset: str = "",
    gps: bool = False,
) -> bytes:
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if make:
        exif[0x010F] = make
    if model:
        exif[0x0110] = model
    if taken or offset:
        sub = exif.get_ifd(0x8769)
        if taken:
            sub[0x9003] = taken
        if offset:
            sub[0x9011] = offset
    if gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (22.0, 29.0, 10.2), 3: "E", 4: (103.0, 58.0, 31.7)})
    return exif.tobytes()


def save(im: Image.Image, path: Path, fmt: str | None = None, **options: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, fmt, **options)
    return path


def noisy(width: int, height: int, seed: int = 1) -> Image.Image:
    """A picture with detail (so a JPEG of it is photo-sized), cheap to make."""
    import random

    rnd = random.Random(seed)
    small = Image.frombytes(
        "RGB",
        (width // 16 + 1, height // 16 + 1),
        rnd.randbytes((width // 16 + 1) * (height // 16 + 1) * 3),
    )
    base = small.resize((width, height), Image.Resampling.BICUBIC)
    grain = Image.frombytes("RGB", (width, height), rnd.randbytes(width * height * 3))
    return Image.blend(base, grain, 0.12)


# --- IPTC IIM in a Photoshop APP13 segment (Pillow reads IPTC but cannot write it) ---------


def iptc_app13(fields: dict[tuple[int, int], bytes | list[bytes]], utf8: bool = True) -> bytes:
    records = b""
    items: list[tuple[tuple[int, int], bytes]] = []
    if utf8:
        items.append(((1, 90), b"\x1b%G"))
    for key, value in fields.items():
        for v in value if isinstance(value, list) else [value]:
            items.append((key, v))
    for (record, dataset), value in items:
        records += bytes([0x1C, record, dataset]) + struct.pack(">H", len(value)) + value
    if len(records) % 2:
        records += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(records))
    payload = b"Photoshop 3.0\x00" + resource + records
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def with_segment(jpeg: bytes, segment: bytes) -> bytes:
    """A JPEG with one more marker segment right after SOI."""
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + segment + jpeg[2:]


def jpeg_bytes(im: Image.Image, **options: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JPEG", **options)
    return buf.getvalue()


# --- a hand-made PNG header: huge dimensions, a few bytes --------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims width×height grey pixels and holds one row: a bomb in 100 bytes."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * (min(width, 1024) + 1))
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
    )


# --- a hand-made CMYK ICC profile (v2, lut8) -------------------------------------------------
# Deliberately odd: full cyan ink comes out RED, so a test can tell that the profile was used
# (Pillow's plain CMYK→RGB formula gives cyan).


def _s15(x: float) -> bytes:
    return struct.pack(">i", round(x * 65536))


def _lab8(lightness: float, a: int, b: int) -> bytes:
    return bytes([round(lightness * 255 / 100), a + 128, b + 128])


def _corner(c: int, m: int, y: int, k: int) -> tuple[float, int, int]:
    if (c, m, y, k) == (1, 0, 0, 0):
        return (54, 80, 67)  # red
    if k:
        return (0, 0, 0)
    return (100 - 30 * (c + m + y), 0, 0)


def cmyk_profile() -> bytes:
    desc = b"Test CMYK\x00"
    tag_desc = b"desc" + bytes(4) + struct.pack(">I", len(desc)) + desc + bytes(8 + 3 + 67)
    tag_wtpt = b"XYZ " + bytes(4) + _s15(0.9642) + _s15(1.0) + _s15(0.8249)
    tag_cprt = b"text" + bytes(4) + b"none\x00"
    lut = b"mft1" + bytes(4) + bytes([4, 3, 2, 0])
    lut += b"".join(_s15(1.0 if i == j else 0.0) for i in range(3) for j in range(3))
    lut += bytes(range(256)) * 4
    for c in (0, 1):
        for m in (0, 1):
            for y in (0, 1):
                for k in (0, 1):
                    lut += _lab8(*_corner(c, m, y, k))
    lut += bytes(range(256)) * 3
    tags = [(b"desc", tag_desc), (b"wtpt", tag_wtpt), (b"cprt", tag_cprt), (b"A2B0", lut)]
    start = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for sig, body in tags:
        body += bytes(-len(body) % 4)
        table += sig + struct.pack(">II", start + len(data), len(body))
        data += body
    header = (
        struct.pack(">I", start + len(data))
        + b"lcms"
        + bytes([2, 0x10, 0, 0])
        + b"prtr"
        + b"CMYK"
        + b"Lab "
        + bytes(12)
        + b"acsp"
        + bytes(28)
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)
        + bytes(48)
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def swapped_rgb_profile() -> bytes:
    """An RGB profile that is not sRGB: sRGB with red and blue primaries swapped (and renamed),
    so converting through it turns red into blue."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    count = struct.unpack(">I", data[128:132])[0]
    where: dict[bytes, tuple[int, int]] = {}
    for i in range(count):
        sig, offset, size = struct.unpack(">4sII", data[132 + 12 * i : 144 + 12 * i])
        where[sig] = (offset, size)
    (r_at, r_len), (b_at, b_len) = where[b"rXYZ"], where[b"bXYZ"]
    red, blue = bytes(data[r_at : r_at + r_len]), bytes(data[b_at : b_at + b_len])
    data[r_at : r_at + r_len], data[b_at : b_at + b_len] = blue, red
    name = "sRGB".encode("utf-16-be")
    return bytes(data).replace(name, "sBGR".encode("utf-16-be"))


def png_48bit(width: int, height: int) -> bytes:
    """A 16-bit-per-channel RGB PNG (Pillow cannot write one): a red ramp over 0–65535."""
    rows = b"".join(
        b"\x00"
        + b"".join(struct.pack(">HHH", x * 65535 // (width - 1), 0, 30000) for x in range(width))
        for _ in range(height)
    )
    ihdr = struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(rows))
        + _chunk(b"IEND", b"")
    )

"""Opening photo files safely: formats, the pixel limit, EXIF orientation, errors named.

Everything in media/ that opens an image goes through `open_image`, so hostile input is turned
into a `PhotoError` in one place.
"""

from __future__ import annotations

import functools
import logging
import os
import stat
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageFile, UnidentifiedImageError

from editor_app.media.errors import PhotoError, Reason

__all__ = [
    "EXTENSIONS",
    "MAX_FILE_BYTES",
    "MAX_PIXELS",
    "apply_orientation",
    "decode_error",
    "file_size",
    "normalised_format",
    "open_image",
    "orientation",
    "os_error",
    "register_heif",
    "upright_size",
]

log = logging.getLogger(__name__)

# The largest photo accepted: 100 megapixels (a 24 MP camera gives 24; a 100 MP medium-format
# back is the practical ceiling). Pillow's own bomb check is set to the same number, so its
# warning (above it) and error (above twice it) both mean "too large" here.
MAX_PIXELS = 100_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

# No photo file is this big; refusing it early keeps a stray video or disk image out.
MAX_FILE_BYTES = 1024 * 1024 * 1024

# Formats accepted, with the extension an original is stored under. MPO is what Pillow calls a
# JPEG with extra preview frames (many phones write them): its first frame is the photo.
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "HEIF": ".heic", "TIFF": ".tif"}
_ALIASES = {"MPO": "JPEG"}
# Pillow's decoders we let near a file: ours, plus GIF to tell an animation from a still
# (JPEG's opener also gives MPO; HEIF is added once pillow-heif is registered).
_OPEN_FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "GIF")

# Signatures of image formats we do not take, to say "unsupported" rather than "not an image".
_OTHER_SIGNATURES = (
    (b"BM", "BMP"),
    (b"8BPS", "PSD"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"\xff\x4f\xff\x51", "JPEG 2000"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG 2000"),
)
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_OUR_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF8", b"II*\x00", b"MM\x00*")


@functools.cache
def register_heif() -> None:
    """Teaches Pillow HEIC/HEIF (iPhone photos), once per process, only when one turns up."""
    import pillow_heif

    pillow_heif.register_heif_opener()


def os_error(path: Path, exc: OSError) -> PhotoError:
    """The PhotoError for a file that vanished, is not ours to read, or cannot be read."""
    if isinstance(exc, FileNotFoundError):
        return PhotoError(path, Reason.MISSING)
    if isinstance(exc, PermissionError):
        return PhotoError(path, Reason.PERMISSION)
    if isinstance(exc, IsADirectoryError):
        return PhotoError(path, Reason.NOT_IMAGE)
    return PhotoError(path, Reason.UNREADABLE, exc.strerror or type(exc).__name__)


def decode_error(path: Path, exc: BaseException) -> PhotoError:
    """The PhotoError for a decoder's complaint (hostile input raises many kinds)."""
    if isinstance(exc, PhotoError):
        return exc
    if isinstance(exc, Image.DecompressionBombError | Image.DecompressionBombWarning):
        return PhotoError(path, Reason.TOO_LARGE, str(MAX_PIXELS // 1_000_000))
    if isinstance(exc, EOFError) or "truncated" in str(exc):
        return PhotoError(path, Reason.TRUNCATED)
    if isinstance(exc, OSError) and exc.errno is not None:  # the disk, not the data
        return os_error(path, exc)
    log.info("cannot decode %s: %r", path, exc)
    return PhotoError(path, Reason.CORRUPT)


def _unidentified(path: Path, head: bytes) -> PhotoError:
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF_BRANDS:
            return PhotoError(path, Reason.TRUNCATED if len(head) < 16 else Reason.CORRUPT)
        return PhotoError(path, Reason.UNSUPPORTED, brand.decode("ascii", "replace").upper())
    for signature, name in _OTHER_SIGNATURES:
        if head.startswith(signature):
            return PhotoError(path, Reason.UNSUPPORTED, name)
    ours = any(head.startswith(s) for s in _OUR_SIGNATURES)
    if ours or (head.startswith(b"RIFF") and head[8:12] == b"WEBP"):
        return PhotoError(path, Reason.TRUNCATED if len(head) < 16 else Reason.CORRUPT)
    return PhotoError(path, Reason.NOT_IMAGE)


@contextmanager
def open_image(path: Path) -> Iterator[ImageFile.ImageFile]:
    """The image at `path`, header read, pixels not yet decoded; PhotoError if it cannot be.

    Inside the block Pillow's warnings are silenced, but a decompression-bomb warning is an
    error (turned into PhotoError by `decode_error`); the filters are restored on leaving.
    Formats are checked by the caller (`normalised_format`).
    """
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed by the with below, after the caller's block
    except OSError as exc:
        raise os_error(path, exc) from exc
    with f, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            head = f.read(16)
            if not head:
                raise PhotoError(path, Reason.EMPTY)
            f.seek(0)
            formats: tuple[str, ...] = _OPEN_FORMATS
            if head[4:8] == b"ftyp":
                register_heif()
                formats = ("HEIF",)
            im = Image.open(f, formats=formats)
        except PhotoError:
            raise
        except UnidentifiedImageError as exc:
            raise _unidentified(path, head) from exc
        except Exception as exc:  # hostile input: every failure is the file's
            raise decode_error(path, exc) from exc
        with im:
            yield im


def normalised_format(path: Path, im: Image.Image) -> str:
    """The image's format name in EXTENSIONS; PhotoError for animations and other formats."""
    try:
        frames = int(getattr(im, "n_frames", 1))
    except Exception as exc:  # counting frames reads the whole file
        raise decode_error(path, exc) from exc
    fmt = _ALIASES.get(im.format or "", im.format or "")
    if frames > 1 and fmt != "JPEG":
        raise PhotoError(path, Reason.ANIMATED, str(frames))
    if fmt not in EXTENSIONS:
        raise PhotoError(path, Reason.UNSUPPORTED, fmt or "?")
    width, height = im.size
    if width < 1 or height < 1:
        raise PhotoError(path, Reason.CORRUPT)
    if width * height > MAX_PIXELS:
        raise PhotoError(path, Reason.TOO_LARGE, str(MAX_PIXELS // 1_000_000))
    return fmt


_TRANSPOSE = {  # the same table as PIL.ImageOps.exif_transpose
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def orientation(im: Image.Image) -> int:
    """EXIF Orientation 1–8 (1 when absent or unreadable; HEIF is already upright)."""
    try:
        value = im.getexif().get(0x0112, 1)
    except Exception:  # a broken EXIF block must not refuse the photo
        return 1
    return value if isinstance(value, int) and value in _TRANSPOSE else 1


def upright_size(size: tuple[int, int], orient: int) -> tuple[int, int]:
    """Width and height as the photo is shown once its orientation is honoured."""
    return (size[1], size[0]) if orient in (5, 6, 7, 8) else size


def apply_orientation(im: Image.Image, orient: int) -> Image.Image:
    """Pixels turned upright, as ImageOps.exif_transpose would (lossless)."""
    method = _TRANSPOSE.get(orient)
    return im.transpose(method) if method is not None else im


def file_size(path: Path) -> int:
    """Size in bytes of a regular file; PhotoError when it is empty, huge, or not there."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise os_error(path, exc) from exc
    if not stat.S_ISREG(st.st_mode):
        raise PhotoError(path, Reason.NOT_IMAGE)
    if st.st_size == 0:
        raise PhotoError(path, Reason.EMPTY)
    if st.st_size > MAX_FILE_BYTES:
        raise PhotoError(path, Reason.FILE_TOO_BIG, str(MAX_FILE_BYTES // (1024 * 1024)))
    return st.st_size

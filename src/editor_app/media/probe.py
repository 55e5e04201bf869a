"""Validating a photo file and reading what the newsroom needs from it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image

from editor_app.domain.text import nfc
from editor_app.media.errors import PhotoError
from editor_app.media.imaging import (
    EXTENSIONS,
    decode_error,
    file_size,
    normalised_format,
    open_image,
    orientation,
    os_error,
    upright_size,
)
from editor_app.media.metadata import read_embedded
from editor_app.media.xmp import PhotoMetadata

__all__ = ["ProbedImage", "probe", "sha256_file"]

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ProbedImage:
    """A photo file that decodes, with its facts. width/height are upright (EXIF honoured)."""

    path: Path
    filename: str  # NFC name of the file as the user chose it
    format: str  # JPEG, PNG, WEBP, HEIF or TIFF
    width: int
    height: int
    size_bytes: int
    sha256: str
    orientation: int  # EXIF 1–8 as stored (1 for HEIF, which is decoded upright)
    taken_at: datetime | None
    camera: str
    metadata: PhotoMetadata  # caption, creator, credit, copyright found in the file

    @property
    def extension(self) -> str:
        """The extension an original of this format is stored under (".jpg", ".heic", …)."""
        return EXTENSIONS[self.format]

    @property
    def megapixels(self) -> float:
        return self.width * self.height / 1_000_000


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes; PhotoError when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(_CHUNK):
                digest.update(chunk)
    except OSError as exc:
        raise os_error(path, exc) from exc
    return digest.hexdigest()


def _decode_fully(im: Image.Image) -> None:
    """Decode every byte of pixel data, cheaply: a JPEG at 1/8 scale (the entropy-coded data
    is still read to its end, so a truncated file fails; the inverse DCT is mostly skipped)."""
    if im.format in ("JPEG", "MPO"):
        width, height = im.size
        im.draft(None, (max(1, width // 8), max(1, height // 8)))
    im.load()


def probe(
    path: Path | str,
    *,
    sha256: str | None = None,
    display_name: str | None = None,
) -> ProbedImage:
    """Validates the photo at `path` (decodes it) and reads its facts; PhotoError otherwise.

    `sha256` skips hashing when the caller already hashed the bytes (MediaLibrary.add hashes
    while copying). `display_name` is the name errors and `filename` use (default: the path's).
    """
    path = Path(path)
    shown = Path(display_name) if display_name else path
    try:
        size = file_size(path)
        digest = sha256 or sha256_file(path)
        with open_image(path) as im:
            fmt = normalised_format(shown, im)
            orient = orientation(im)
            width, height = upright_size(im.size, orient)
            embedded = read_embedded(im)
            try:
                _decode_fully(im)
            except Exception as exc:  # hostile input: every failure is the file's
                raise decode_error(shown, exc) from exc
    except PhotoError as exc:
        if exc.path == shown:
            raise
        raise PhotoError(shown, exc.reason, exc.detail) from exc
    return ProbedImage(
        path=path,
        filename=nfc(shown.name),
        format=fmt,
        width=width,
        height=height,
        size_bytes=size,
        sha256=digest,
        orientation=orient,
        taken_at=embedded.taken_at,
        camera=embedded.camera,
        metadata=embedded.metadata,
    )

"""Names in a bundle, and whose a bundle is.

- `rendition_name`: the file name of one picture of the bundle (`images/…`), the one rule the
  bundle writes by and other stories' related blocks link by.
- `thumbnail_path`: the featured photo's smallest JPEG, relative to the bundle (what another
  story's "Tin cùng chuyên mục" shows).
- `check_owner`: an export never replaces a bundle that belongs to another story. A bundle says
  whose it is in its `article.ninjs.json` (`uri`: `urn:uuid:<story id>`), in a folder or in a
  zip; a folder or zip in the way that says nothing, or names another story, is left alone.
"""

from __future__ import annotations

import json
import uuid
import zipfile
from collections.abc import Sequence
from pathlib import Path

from editor_app.domain.article import Photo
from editor_app.domain.errors import UserError
from editor_app.publish.renditions import width_requests

__all__ = ["NINJS", "BundleTaken", "bundle_owner", "check_owner", "rendition_name"]

NINJS = "article.ninjs.json"
_EXT = {"jpeg": "jpg", "webp": "webp"}


class BundleTaken(UserError):
    """The export's target belongs to another story (or to no story this app made)."""


def rendition_name(slug: str, number: int, width: int, fmt: str, crop: str | None = None) -> str:
    """`<slug>-<n>[-<16x9|4x3|1x1>]-<width>.<jpg|webp>` (n: the photo's number in the story)."""
    ratio = f"-{crop.replace(':', 'x')}" if crop else ""
    return f"{slug}-{number}{ratio}-{width}.{_EXT[fmt]}"


def thumbnail_path(slug: str, photos: Sequence[Photo]) -> str:
    """The featured photo's smallest whole-picture JPEG in the story's bundle ("" no photo)."""
    featured = next((p for p in photos if p.featured), photos[0] if photos else None)
    if featured is None:
        return ""
    number = next(i for i, p in enumerate(photos, 1) if p is featured)
    return "images/" + rendition_name(slug, number, width_requests(featured)[0], "jpeg")


def _uri(text: bytes) -> str | None:
    try:
        data = json.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    uri = data.get("uri") if isinstance(data, dict) else None
    return uri if isinstance(uri, str) else None


def bundle_owner(dest: Path) -> str | None:
    """The ninjs `uri` of the bundle at `dest` (a folder, or a .zip); None when it has none."""
    try:
        if dest.is_dir():
            ninjs = dest / NINJS
            if ninjs.is_symlink() or not ninjs.is_file():
                return None
            return _uri(ninjs.read_bytes()[:10_000_000])
        with zipfile.ZipFile(dest) as zf:
            name = f"{dest.stem}/{NINJS}"
            if zf.getinfo(name).file_size > 10_000_000:
                return None
            return _uri(zf.read(name))
    except (OSError, KeyError, zipfile.BadZipFile):
        return None


def check_owner(dest: Path, article_id: uuid.UUID) -> None:
    """Refuses (`BundleTaken`) when something at `dest` is not this story's bundle."""
    if not (dest.exists() or dest.is_symlink()):
        return
    owner = None if dest.is_symlink() else bundle_owner(dest)
    if owner == f"urn:uuid:{article_id}":
        return
    kind = "thư mục" if dest.is_dir() else "tệp"
    whose = (
        f"là gói của một bài khác ({owner.removeprefix('urn:uuid:')})"
        if owner
        else "không phải gói của bài này"
    )
    raise BundleTaken(
        f"Trong thư mục xuất đã có {kind} “{dest.name}” {whose}: bài này không ghi đè lên nó. "
        "Hãy chọn thư mục xuất khác, hoặc dời nó đi nếu chắc chắn không cần."
    )

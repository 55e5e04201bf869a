"""Renditions on disk, made once: ``root/renditions/ab/<sha>-<width>-<key>.<ext>``.

The key is a hash of the recipe (settings, Pillow's version) and of the exact XMP written, so
a photo whose caption changes gets new files, and asking again for what exists costs one stat
per file. When a new variant is written, the same photo and width keep their `KEEP_VARIANTS`
newest variants (stories sharing a photo under their own captions) and the older are deleted.
Files are written to a temp name in ``renditions/.tmp/`` and moved into place with
``os.replace`` (the same file system): readers never see half a file, two writers of the same
key are harmless (the output is deterministic), and what a killed worker leaves is in one small
folder, swept at the next open and the next export (leftovers.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from editor_app.domain.errors import NotFound
from editor_app.domain.focal import Point
from editor_app.media import leftovers
from editor_app.media.imaging import normalised_format, open_image, orientation, upright_size
from editor_app.media.leftovers import RENDITION_PREFIX, RENDITION_TEMP_DIR
from editor_app.media.library import MediaLibrary, check_sha256
from editor_app.media.renditions import (
    EXTENSIONS,
    FORMATS,
    RECIPE,
    RENDITION_WIDTHS,
    THUMBNAIL_SIZE,
    Encoded,
    Framing,
    Ratio,
    crop_box,
    framing,
    make_thumbnail,
    render,
    rendition_sizes,
)
from editor_app.media.xmp import PhotoMetadata, build_xmp

__all__ = ["KEEP_VARIANTS", "Rendition", "RenditionCache", "write_atomic"]

#: Variants of one photo at one width kept side by side: a photo used by a few stories, each
#: with its own caption (the XMP differs), or a caption being edited.
KEEP_VARIANTS = 4


@dataclass(frozen=True)
class Rendition:
    """A rendition file: where it is and what it holds (for srcset, og:image, ninjs)."""

    path: Path
    width: int
    height: int
    format: str  # "JPEG" or "WEBP"


def write_atomic(path: Path, data: bytes, temp_dir: Path | None = None) -> None:
    """Writes `data` to `path` through a temp file and os.replace. The temp file is made in
    `temp_dir` (on the same file system), else in `path`'s folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    where = temp_dir or path.parent
    where.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=RENDITION_PREFIX, suffix=path.suffix, dir=where)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


class RenditionCache:
    """Renditions and thumbnails of the originals kept by ``MediaLibrary(root)``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.folder = self.root / "renditions"
        self.temp_dir = self.folder / RENDITION_TEMP_DIR
        self.library = MediaLibrary(self.root)

    def sweep_temporaries(self, grace: float = leftovers.GRACE) -> list[leftovers.Leftover]:
        """Deletes rendition temps a killed worker left, those not written for `grace`
        seconds; returns them."""
        return leftovers.remove(
            leftovers.find(self.root, incoming_grace=None, rendition_grace=grace)
        )

    @staticmethod
    def key(metadata: PhotoMetadata) -> str:
        return hashlib.sha256(RECIPE.encode() + b"\0" + build_xmp(metadata)).hexdigest()[:12]

    def path_for(
        self,
        sha256: str,
        width: int,
        fmt: str,
        metadata: PhotoMetadata,
        crop: Ratio | None = None,
        focus: Point | None = None,
    ) -> Path:
        ext = EXTENSIONS[fmt]
        shape = f"c{crop[0]}x{crop[1]}" if crop else ""
        key = self.key(metadata)
        if crop and focus is not None:
            # In the key, like a caption: a moved point is a variant, and old ones are pruned.
            point = f"{key}@{focus[0]:.4f},{focus[1]:.4f}"
            key = hashlib.sha256(point.encode()).hexdigest()[:12]
        name = f"{sha256}-{width}{shape}-{key}{ext}"
        return self.folder / check_sha256(sha256)[:2] / name

    def thumbnail_path(self, sha256: str, size: int = THUMBNAIL_SIZE) -> Path:
        digest = hashlib.sha256(RECIPE.encode()).hexdigest()[:6]
        return self.folder / check_sha256(sha256)[:2] / f"{sha256}-t{size}-{digest}.jpg"

    def _source(self, sha256: str, source: Path | None) -> Path:
        if source is not None:
            return source
        found = self.library.original_path(sha256)
        if found is None:
            raise NotFound(f"Không tìm thấy ảnh gốc {sha256[:12]}… trong kho ảnh.")
        return found

    @staticmethod
    def _upright_size(source: Path) -> tuple[int, int]:
        with open_image(source) as im:  # reads the header only
            normalised_format(source, im)
            return upright_size(im.size, orientation(im))

    def ensure(
        self,
        sha256: str,
        metadata: PhotoMetadata | None = None,
        *,
        source: Path | None = None,
        size: tuple[int, int] | None = None,
        formats: Sequence[str] = FORMATS,
        widths: Sequence[int] = RENDITION_WIDTHS,
        thumbnail: bool = True,
        crop: Ratio | Framing | None = None,
    ) -> list[Rendition]:
        """The renditions of photo `sha256` in `formats` (smallest first), made if missing.

        `size` is the upright (width, height) the caller already knows (Photo.width/height):
        with it, renditions that exist cost a stat each; without it the file's header is read.
        `widths`: the sizes wanted (never wider than the photo; see rendition_widths).
        `crop`: a width:height ratio (centred) or a `Framing` (a ratio around a focal point),
        for renditions of the largest box of that shape (no thumbnail then). `source` defaults
        to the library's original. PhotoError on a bad file; NotFound when there is no such
        original. The thumbnail (if asked) is made in the same decode.
        """
        meta = metadata or PhotoMetadata()
        crop, focus = framing(crop)
        src = self._source(sha256, source)
        dims = size or self._upright_size(src)
        if crop:
            left, top, right, bottom = crop_box(dims, crop, focus)
            dims = (right - left, bottom - top)
        else:
            focus = None  # a whole photo does not depend on it
        wanted = [
            Rendition(self.path_for(sha256, w, f, meta, crop, focus), w, h, f)
            for w, h in rendition_sizes(dims, widths)
            for f in formats
        ]
        thumb_path = self.thumbnail_path(sha256)
        missing = [r for r in wanted if not r.path.is_file()]
        need_thumb = thumbnail and not crop and not thumb_path.is_file()
        if not missing and not need_thumb:
            return wanted
        made = render(
            src,
            meta,
            widths=widths,
            formats=sorted({r.format for r in missing}, key=FORMATS.index) if missing else (),
            thumbnail=THUMBNAIL_SIZE if need_thumb else None,
            crop=crop,
            focus=focus,
        )
        return self._store(sha256, meta, made, wanted, thumb_path, (crop, focus))

    def _store(
        self,
        sha256: str,
        meta: PhotoMetadata,
        made: list[Encoded],
        wanted: list[Rendition],
        thumb_path: Path,
        shape: tuple[Ratio | None, Point | None],
    ) -> list[Rendition]:
        out: list[Rendition] = []
        for enc in made:
            if enc.thumbnail:
                write_atomic(thumb_path, enc.data, self.temp_dir)
                continue
            path = self.path_for(sha256, enc.width, enc.format, meta, *shape)
            if not path.is_file():
                write_atomic(path, enc.data, self.temp_dir)
                self._prune(path)
            out.append(Rendition(path, enc.width, enc.height, enc.format))
        remade = {r.format for r in out}
        out.extend(r for r in wanted if r.format not in remade)  # those that were there
        return sorted(out, key=lambda r: (r.width, FORMATS.index(r.format)))

    def file(
        self,
        sha256: str,
        width: int,
        fmt: str = "JPEG",
        metadata: PhotoMetadata | None = None,
        *,
        crop: Ratio | Framing | None = None,
        size: tuple[int, int] | None = None,
        source: Path | None = None,
    ) -> Rendition:
        """One rendition `width` pixels wide (or the photo's own width if narrower), in `fmt`,
        whole or cropped (see `ensure`): what an export asks for, file by file."""
        made = self.ensure(
            sha256,
            metadata,
            source=source,
            size=size,
            formats=(fmt,),
            widths=(width,),
            thumbnail=False,
            crop=crop,
        )
        return made[0]

    @staticmethod
    def _prune(kept: Path) -> None:
        """Keeps the `KEEP_VARIANTS` newest variants (other captions or credits, an older
        recipe) of the same photo and width, `kept` among them; deletes the older ones. Stories
        that share a photo with different captions keep their own files side by side instead
        of pushing each other's out (issue 13, point 5)."""
        stem_prefix = kept.name.rsplit("-", 1)[0] + "-"
        others: list[tuple[int, str, Path]] = []
        for other in kept.parent.glob(f"{stem_prefix}*{kept.suffix}"):
            if other == kept or other.name.startswith(RENDITION_PREFIX):
                continue
            with contextlib.suppress(OSError):
                others.append((other.stat().st_mtime_ns, other.name, other))
        for _, _, old in sorted(others, reverse=True)[KEEP_VARIANTS - 1 :]:
            with contextlib.suppress(OSError):
                old.unlink()

    def thumbnail(self, path_or_sha: Path | str, size: int = THUMBNAIL_SIZE) -> bytes:
        """JPEG bytes of a thumbnail (fits size×size, upright). Given a SHA-256 of a stored
        original, it is cached on disk; given a path, it is made each time."""
        if isinstance(path_or_sha, Path):
            return make_thumbnail(path_or_sha, size)
        cached = self.thumbnail_path(path_or_sha, size)
        with contextlib.suppress(FileNotFoundError):
            return cached.read_bytes()
        data = make_thumbnail(self._source(path_or_sha, None), size)
        write_atomic(cached, data, self.temp_dir)
        return data

    def remove(self, sha256: str) -> int:
        """Deletes every rendition and thumbnail of a photo; returns how many files."""
        folder = self.folder / check_sha256(sha256)[:2]
        count = 0
        for path in folder.glob(f"{sha256}-*"):
            with contextlib.suppress(OSError):
                path.unlink()
                count += 1
        return count

"""A story from a Word file with its photos (issue 17, point 1): all or nothing.

1. `docx_guard.check_docx`: the file is refused (macros, password, zip bomb, DOCTYPE, linked
   pictures, not Word) or its XML known safe, and what a story cannot keep counted;
2. mammoth (BSD) reads the document into HTML (no embedded style map, no external files): its
   pictures are written to a temporary folder byte for byte as the file holds them;
3. `domain/docx_layout.lay_out` makes the headline, sapo, body (through the paste converter)
   and each photo's caption and credit;
4. each picture goes through the photo pipeline (`MediaLibrary.add`: validated, its limits,
   stored once by SHA-256); one refused refuses the import, and the originals already stored
   for it are forgotten again;
5. the story is written in one transaction. What was not kept comes back as `notes`.
"""

from __future__ import annotations

import io
import logging
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers.expat import ExpatError

from editor_app.domain.article import Article, Photo
from editor_app.domain.docx_layout import DocxLayout, lay_out
from editor_app.domain.docx_notes import DocxFindings, notes
from editor_app.domain.errors import UserError
from editor_app.domain.section import normalise_path
from editor_app.domain.text import slugify
from editor_app.media.library import MediaLibrary
from editor_app.services.changes import Changes, Progress, no_progress
from editor_app.services.docx_guard import (
    CORRUPT,
    DOCX_LIMITS,
    CheckedDocx,
    DocxLimits,
    DocxRefused,
    check_docx,
)
from editor_app.services.importing import photo_from_probe
from editor_app.services.originals import forget_unused
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo

__all__ = ["DocxImportResult", "ImportCancelled", "import_docx"]

log = logging.getLogger(__name__)

#: Word's styles the layout reads, on top of mammoth's own map (headings, lists…).
STYLE_MAP = "\n".join(
    [
        "p[style-name='Title'] => p.title:fresh",
        "p[style-name='Subtitle'] => p.subtitle:fresh",
        *(
            f"p[style-name='{name}'] => p.caption:fresh"
            for name in ("Caption", "caption", "Figure", "Illustration", "Drawing")
        ),
    ]
)
# What the photo pipeline takes, by the first bytes; anything else is left out and listed.
_PHOTO_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, ".jpg"),
    (b"\x89PNG\r\n\x1a\n", 0, ".png"),
    (b"WEBP", 8, ".webp"),
    (b"II*\x00", 0, ".tif"),
    (b"MM\x00*", 0, ".tif"),
    (b"ftyp", 4, ".heic"),
)
_FORMAT_NAMES = {
    "image/gif": "GIF",
    "image/bmp": "BMP",
    "image/x-emf": "EMF",
    "image/emf": "EMF",
    "image/x-wmf": "WMF",
    "image/wmf": "WMF",
    "image/svg+xml": "SVG",
    "image/x-pict": "PICT",
}
_MAMMOTH_FAILURES = (KeyError, ValueError, IndexError, AttributeError, ExpatError, TypeError)

Cancelled = Callable[[], bool]


class ImportCancelled(UserError):
    """The user stopped the import; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Đã hủy nhập tệp Word: không có gì được thay đổi.")


@dataclass(frozen=True)
class DocxImportResult:
    article: Article
    changes: Changes
    notes: list[str] = field(default_factory=list)  # what was not kept, one line each


def _photo_extension(data: bytes) -> str | None:
    for magic, offset, ext in _PHOTO_MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return ext
    return None


@dataclass
class _Pictures:
    """The pictures mammoth meets, written to `folder` as `<stem>-<n><ext>`."""

    folder: Path
    stem: str
    limits: DocxLimits
    path: Path
    files: dict[str, Path] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    seen: int = 0

    def convert(self, image: Any) -> dict[str, str]:
        self.seen += 1
        if self.seen > self.limits.max_images:
            raise DocxRefused(
                self.path, f"tệp có quá nhiều ảnh (hơn {self.limits.max_images} ảnh)."
            )
        key = str(self.seen)
        with image.open() as stream:
            data = stream.read()  # at most the size its zip entry declares (checked)
        ext = _photo_extension(data)
        if ext is None:
            content_type = str(image.content_type or "").lower()
            self.skipped.append(_FORMAT_NAMES.get(content_type, content_type or "không rõ"))
            return {"src": f"docx-skip:{key}"}
        file = self.folder / f"{self.stem}-{key}{ext}"
        file.write_bytes(data)
        self.files[key] = file
        return {"src": f"docx-image:{key}"}


def _convert(checked: CheckedDocx, pictures: _Pictures) -> str:
    import mammoth  # loaded only for a Word import

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(checked.data),
            style_map=STYLE_MAP,
            include_embedded_style_map=False,
            external_file_access=False,
            convert_image=mammoth.images.img_element(pictures.convert),
        )
    except UserError:
        raise
    except (*_MAMMOTH_FAILURES, zipfile.BadZipFile) as e:
        log.warning("mammoth could not read %s", checked.path, exc_info=e)
        raise DocxRefused(checked.path, CORRUPT) from None
    for message in result.messages:
        log.info("mammoth, %s: %s", checked.path.name, message.message)
    return str(result.value)


def _photos(
    layout: DocxLayout,
    pictures: _Pictures,
    media: MediaLibrary,
    added: list[str],
    tick: Callable[[str], None],
) -> list[Photo]:
    """The photos, through the pipeline; a picture twice in the file is one photo (the body
    then names it twice)."""
    photos: list[Photo] = []
    by_hash: dict[str, Photo] = {}
    for placed in layout.photos:
        file = pictures.files[placed.key]
        tick(file.name)
        try:
            info = media.add(file)
        except UserError as e:
            raise DocxRefused(
                pictures.path, f"ảnh thứ {placed.key} trong tệp bị từ chối. {e}"
            ) from None
        added.append(info.sha256)
        if info.sha256 in by_hash:
            first = by_hash[info.sha256]
            layout.body = layout.body.replace(f"photo:{placed.id}", f"photo:{first.id}")
            continue
        photo = photo_from_probe(info, file.name, placed.caption)
        photo.id = placed.id
        photo.credit = placed.credit or photo.credit
        photo.alt_text = placed.alt
        photo.position = len(photos)
        by_hash[info.sha256] = photo
        photos.append(photo)
    if photos:
        photos[0].featured = True
    return photos


def import_docx(
    db: Database,
    path: Path,
    section: str | None = None,
    progress: Progress = no_progress,
    cancelled: Cancelled = lambda: False,
    limits: DocxLimits = DOCX_LIMITS,
) -> DocxImportResult:
    """A new story from the Word file at `path`; `DocxRefused` (a `UserError`) says why not,
    `ImportCancelled` when `cancelled()` turned true. Nothing is written unless it all works."""
    path = Path(path)
    section_path = normalise_path(section) if section else None
    progress(0, 0, "")
    checked = check_docx(path, limits)
    media = MediaLibrary(db.media_dir)
    added: list[str] = []
    with tempfile.TemporaryDirectory(prefix="editor-app-docx-") as folder:
        stem = slugify(path.stem, max_length=40) or "anh"
        pictures = _Pictures(Path(folder), stem, limits, path)
        layout = lay_out(_convert(checked, pictures))
        if not (layout.headline or layout.body.strip() or layout.photos):
            raise DocxRefused(path, "tệp không có chữ hay ảnh nào để nhập.")
        total = len(layout.photos) + 1
        done = 0

        def tick(name: str) -> None:
            nonlocal done
            if cancelled():
                raise ImportCancelled()
            progress(done, total, name)
            done += 1

        try:
            photos = _photos(layout, pictures, media, added, tick)
            tick("")
            article = Article(
                headline=layout.headline,
                sapo=layout.sapo,
                body=layout.body,
                section=section_path,
                photos=photos,
            )
            with db.transaction() as s:
                repo.add_article(s, article)
        except BaseException:
            forget_unused(db, added)
            raise
    progress(total, total, "")
    found: DocxFindings = checked.findings
    found.skipped_images = list(pictures.skipped)
    return DocxImportResult(article, Changes.of([article.id], membership=True), notes(found))

"""Importing articles from plain text, with their photos (all or nothing)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from editor_app.domain.article import Article, Photo
from editor_app.domain.errors import UserError
from editor_app.domain.section import normalise_path
from editor_app.domain.textimport import ImportedText, parse_plain_text
from editor_app.domain.timezone import LOCAL
from editor_app.media.library import MediaLibrary
from editor_app.media.probe import ProbedImage
from editor_app.services.changes import Changes, Progress, no_progress
from editor_app.services.originals import forget_unused
from editor_app.services.text_files import read_text_file
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo

if TYPE_CHECKING:
    from collections.abc import Callable

    from editor_app.services.docx_import import DocxImportResult

#: Largest article text imported: a long feature is some 100 KB; a bigger file is not an
#: article (a log, a database dump) and would make the editor crawl.
MAX_ARTICLE_TEXT_BYTES = 2 << 20
#: Characters no article text holds (C0 controls but the white space ones: tab, line feed,
#: Word's line break \v, form feed, carriage return): a file with them is binary.
_BINARY = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\v\f\r")


def read_article_text(path: Path) -> ImportedText:
    """An article's text file read and laid out (`parse_plain_text`), or a Vietnamese
    `UserError` saying why not: not a regular file (a folder, a FIFO, a device), too big, not
    UTF-8, binary, no headline."""
    text = read_text_file(path, MAX_ARTICLE_TEXT_BYTES, save_as="Văn bản thuần UTF-8 (.txt)")
    if not _BINARY.isdisjoint(text):
        raise UserError(
            f"Tệp {path} không phải văn bản (có ký tự nhị phân): hãy chọn tệp .txt hoặc .md "
            "chứa bài viết."
        )
    return parse_plain_text(text)


@dataclass(frozen=True)
class ImportResult:
    article: Article
    changes: Changes


def find_photo_file(folder: Path, name: str) -> Path | None:
    """The file named in the text, matched as written, then by Unicode form and case
    (a folder copied from a Mac holds NFD names; Windows does not care about case)."""
    direct = folder / name
    if direct.is_file():
        return direct
    wanted = unicodedata.normalize("NFC", name).casefold()
    try:
        for entry in folder.iterdir():
            if unicodedata.normalize("NFC", entry.name).casefold() == wanted and entry.is_file():
                return entry
    except OSError:
        return None
    return None


def camera_time_to_utc(taken: datetime | None) -> datetime | None:
    """EXIF times carry no zone: a camera in the newsroom is set to Vietnam's time."""
    if taken is None:
        return None
    if taken.tzinfo is None:
        taken = taken.replace(tzinfo=LOCAL)
    return taken.astimezone(UTC)


def photo_from_probe(probed: ProbedImage, filename: str, caption: str = "") -> Photo:
    return Photo(
        sha256=probed.sha256,
        filename=filename,
        width=probed.width,
        height=probed.height,
        size_bytes=probed.size_bytes,
        format=probed.format,
        caption=caption or probed.metadata.caption,
        credit=probed.metadata.credit or probed.metadata.creator,
        taken_at=camera_time_to_utc(probed.taken_at),
        camera=probed.camera,
    )


class ImportService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self.media = MediaLibrary(db.media_dir)

    def photos_not_found(self, path: Path, photos_dir: Path | None = None) -> list[str]:
        """The photo files the article's text names that are not in `photos_dir` (None: the
        text's folder); the text is read as `import_text` reads it (its refusals)."""
        folder = Path(photos_dir) if photos_dir is not None else Path(path).parent
        parsed = read_article_text(Path(path))
        return [p.filename for p in parsed.photos if find_photo_file(folder, p.filename) is None]

    def import_text(
        self,
        path: Path,
        photos_dir: Path | None = None,
        section: str | None = None,
        progress: Progress = no_progress,
    ) -> ImportResult:
        """Reads a plain-text article laid out like the newsroom's pages. Every photo it names
        must be found and readable, else nothing is imported and the error names the file."""
        path = Path(path)
        parsed = read_article_text(path)
        folder = Path(photos_dir) if photos_dir is not None else path.parent
        section_path = normalise_path(section) if section else None

        found: list[tuple[Path, str]] = []
        for p in parsed.photos:
            file = find_photo_file(folder, p.filename)
            if file is None:
                raise UserError(f"{p.filename}: không tìm thấy ảnh trong thư mục {folder}.")
            found.append((file, p.caption))

        total = len(found)
        added: list[str] = []
        try:
            photos = []
            for i, (file, caption) in enumerate(found):
                progress(i, total, file.name)
                info = self.media.add(file)  # validates; PhotoError names the file
                added.append(info.sha256)
                photos.append(photo_from_probe(info, file.name, caption))
            if photos:
                photos[0].featured = True
            refs = [f"photo:{ph.id}" for ph in photos]
            article = Article(
                headline=parsed.headline,
                sapo=parsed.sapo,
                body=parsed.body_markdown(refs),
                section=section_path,
                photos=photos,
            )
            with self._db.transaction() as s:
                repo.add_article(s, article)
        except BaseException:
            forget_unused(self._db, added)
            raise
        progress(total, total, "")
        return ImportResult(article, Changes.of([article.id], membership=True))

    def import_docx(
        self,
        path: Path,
        section: str | None = None,
        progress: Progress = no_progress,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> DocxImportResult:
        """A new story from a Word file (.docx) with its photos in place, captions and
        credits; what could not be kept is in the result's `notes` (services/docx_import.py)."""
        from editor_app.services.docx_import import import_docx  # mammoth: only when used

        return import_docx(self._db, path, section, progress, cancelled)

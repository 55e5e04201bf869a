"""Use cases on a story's photos: attach files, edit caption/credit/alt text/featured, remove
(and put back, for undo), reorder, thumbnails.

Each file is attached all or nothing: its original is stored, then the photo row is written in
its own transaction; if that fails, an original no story uses is deleted again. A bad file is
reported with a one-line Vietnamese reason and the good ones are kept.
"""

from __future__ import annotations

import dataclasses
import tempfile
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.domain.article import Photo
from editor_app.domain.errors import UserError
from editor_app.domain.focal import Point, check_point
from editor_app.domain.text import nfc
from editor_app.media.cache import RenditionCache
from editor_app.media.errors import PhotoError
from editor_app.media.library import MediaLibrary
from editor_app.services.changes import Changes, Progress, no_progress
from editor_app.services.importing import photo_from_probe
from editor_app.services.originals import forget_unused
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo
from editor_app.store.repo import photos as photos_repo

THUMB_SIZE = 240

Cancel = Callable[[], bool]
"""cancel() — True when the user asked to stop (checked before each file)."""


def _never() -> bool:
    return False


@dataclass(frozen=True)
class AttachItem:
    """What became of one file: `photo` when attached, else `error` (one line, Vietnamese)."""

    path: Path
    photo: Photo | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.photo is not None


@dataclass(frozen=True)
class Removed:
    """A photo taken off its story, kept (with its position) for `restore`."""

    changes: Changes
    photo: Photo


@dataclass(frozen=True)
class AttachReport:
    items: list[AttachItem] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    cancelled: bool = False

    @property
    def photos(self) -> list[Photo]:
        return [i.photo for i in self.items if i.photo is not None]

    @property
    def failed(self) -> list[AttachItem]:
        return [i for i in self.items if i.photo is None]

    @property
    def all_ok(self) -> bool:
        return not self.cancelled and not self.failed


def reason_of(error: UserError, path: Path) -> str:
    """The reason of a PhotoError without its 'Ảnh "name": ' prefix and final full stop."""
    text = str(error)
    if isinstance(error, PhotoError):
        name = "".join(
            "?" if unicodedata.category(c).startswith("C") else c
            for c in nfc(error.path.name or str(path))
        )
        prefix = f'Ảnh "{name}": '
        if text.startswith(prefix):
            text = text[len(prefix) :]
    text = " ".join(text.split())
    return text[:-1] if text.endswith(".") else text


def _clean(text: str | None) -> str | None:
    return None if text is None else nfc(text).strip()


class PhotoService:
    def __init__(self, db: Database) -> None:
        self._db = db
        self.media = MediaLibrary(db.media_dir)
        self.cache = RenditionCache(db.media_dir)

    # --- reading ----------------------------------------------------------------------------
    def of_article(self, article_id: uuid.UUID) -> list[Photo]:
        """The story's photos, in order."""
        with self._db.read() as s:
            return sorted(repo.get_article(s, article_id).photos, key=lambda p: p.position)

    def get(self, photo_id: uuid.UUID) -> Photo:
        with self._db.read() as s:
            article_id = photos_repo.photo_article_id(s, photo_id)
            return next(p for p in repo.get_article(s, article_id).photos if p.id == photo_id)

    def thumbnail(self, sha256: str, size: int = THUMB_SIZE) -> bytes:
        """JPEG bytes fitting size×size, cached on disk (slow the first time: off the UI)."""
        return self.cache.thumbnail(sha256, size)

    # --- attaching --------------------------------------------------------------------------
    def attach(
        self,
        article_id: uuid.UUID,
        paths: Sequence[Path | str],
        caption: str | None = None,
        credit: str | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> AttachReport:
        """Attaches the files in order. Caption and credit, when not given, come from the
        file's own XMP/IPTC metadata; the EXIF date is stored in UTC. The first photo of a
        story without a featured photo becomes featured."""
        progress = progress or no_progress
        cancel = cancel or _never
        with self._db.read() as s:
            existing = repo.get_article(s, article_id).photos  # NotFound for a wrong id
        has_featured = any(p.featured for p in existing)
        caption, credit = _clean(caption), _clean(credit)
        files = [Path(p) for p in paths]
        items: list[AttachItem] = []
        cancelled = False
        for i, path in enumerate(files):
            if cancel():
                cancelled = True
                break
            progress(i, len(files), path.name)
            try:
                photo = self._attach_one(article_id, path, caption, credit, not has_featured)
            except UserError as e:
                items.append(AttachItem(path, error=reason_of(e, path)))
                continue
            has_featured = has_featured or photo.featured
            items.append(AttachItem(path, photo=photo))
        progress(len(files), len(files), "")
        ids = frozenset(i.photo.id for i in items if i.photo is not None)
        changes = Changes.of([article_id] if ids else [], photos=ids)
        return AttachReport(items, changes, cancelled)

    def attach_data(
        self,
        article_id: uuid.UUID,
        data: bytes,
        name: str,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> AttachReport:
        """Attaches a photo pasted from the clipboard (image bytes, e.g. PNG): it is written to
        a temporary file named `name` and attached like a file; the original kept is those
        bytes."""
        with tempfile.TemporaryDirectory(prefix="editor-app-paste-") as tmp:
            path = Path(tmp) / Path(name).name
            path.write_bytes(data)
            return self.attach(article_id, [path], progress=progress, cancel=cancel)

    def _attach_one(
        self,
        article_id: uuid.UUID,
        path: Path,
        caption: str | None,
        credit: str | None,
        featured: bool,
    ) -> Photo:
        info = self.media.add(path)  # PhotoError names the file; nothing stored then
        try:
            photo = photo_from_probe(info, nfc(path.name), caption or "")
            if credit is not None and credit:
                photo.credit = credit
            photo.featured = featured
            with self._db.transaction() as s:
                photos_repo.add_photo(s, article_id, photo)
        except BaseException:
            forget_unused(self._db, [info.sha256])
            raise
        return photo

    # --- editing ----------------------------------------------------------------------------
    def update(
        self,
        photo_id: uuid.UUID,
        *,
        caption: str | None = None,
        credit: str | None = None,
        alt_text: str | None = None,
        featured: bool | None = None,
    ) -> Changes:
        """Saves what is given (NFC, trimmed); a featured photo unmarks the story's others."""
        fields: dict[str, object] = {}
        for name, value in (("caption", caption), ("credit", credit), ("alt_text", alt_text)):
            if value is not None:
                fields[name] = nfc(value).strip()
        if featured is not None:
            fields["featured"] = bool(featured)
        with self._db.transaction() as s:
            if fields:
                article_id = photos_repo.update_photo(s, photo_id, fields)
            else:
                article_id = photos_repo.photo_article_id(s, photo_id)
        return Changes.of([article_id], photos=frozenset({photo_id}))

    def set_focus(self, photo_id: uuid.UUID, focus: Point | None) -> Changes:
        """Sets the photo's focal point ((x, y), fractions of its width and height from the
        top left; None: the centre, as when none was set). Every crop keeps it."""
        point = check_point(focus) if focus is not None else None
        if point is not None:  # as a snapshot keeps it, so a restore gives the same point
            point = (round(point[0], 4), round(point[1], 4))
        with self._db.transaction() as s:
            article_id = photos_repo.update_photo(s, photo_id, {"focus": point})
        return Changes.of([article_id], photos=frozenset({photo_id}))

    def remove(self, photo_id: uuid.UUID) -> Removed:
        """Takes the photo off its story; returns it (with its position) for `restore`. The
        original stays stored, so an undo costs nothing."""
        with self._db.transaction() as s:
            article_id, photo = photos_repo.remove_photo(s, photo_id)
        return Removed(Changes.of([article_id], photos=frozenset({photo_id})), photo)

    def restore(self, article_id: uuid.UUID, photo: Photo) -> Changes:
        """Puts a removed photo back where it was (undo of `remove`)."""
        position = photo.position
        again = dataclasses.replace(photo)
        with self._db.transaction() as s:
            order = [
                p.id
                for p in sorted(repo.get_article(s, article_id).photos, key=lambda p: p.position)
            ]
            photos_repo.add_photo(s, article_id, again)
            order.insert(min(max(position, 0), len(order)), again.id)
            photos_repo.reorder_photos(s, article_id, order)
        return Changes.of([article_id], photos=frozenset({photo.id}))

    def reorder(self, article_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> Changes:
        """Sets the order of the story's photos (`ids` names each of them once)."""
        try:
            with self._db.transaction() as s:
                photos_repo.reorder_photos(s, article_id, list(ids))
        except ValueError:
            raise UserError("Danh sách ảnh đã thay đổi: hãy tải lại bài.") from None
        return Changes.of([article_id], photos=frozenset(ids))

"""Hand-off between desks: sending a story as a `.story.zip`, and receiving one (a new story,
or a three-way merge into the one here).

Receiving checks everything before writing anything: the package is read and checked into a
temporary folder (`exchange.package`), its parts decoded and checked (`exchange.story`), every
id it brings checked to be new here or its own story's (`handoff_ids`), every photo new here
decoded (`handoff_photos`). Only then are the originals this desk lacks stored
(before the transaction, so that copying them does not hold the database's write lock), and one
transaction writes the story, its revisions, comments and conflicts. If anything fails on the
way, the transaction is rolled back and the originals stored are deleted again: the data folder
is as it was.
"""

from __future__ import annotations

import contextlib
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from editor_app import __version__
from editor_app.domain.article import utcnow
from editor_app.domain.errors import UserError
from editor_app.domain.review import Conflict
from editor_app.domain.workflow import Role, User
from editor_app.exchange.package import (
    LIMITS,
    Limits,
    Package,
    PackageError,
    Sender,
    package_name,
    read_package,
    write_package,
)
from editor_app.exchange.story import (
    Story,
    decode_story,
)
from editor_app.services.articles import snapshot
from editor_app.services.changes import Changes
from editor_app.services.handoff_ids import check_ids
from editor_app.services.handoff_photos import PackagePhotos, check_photos
from editor_app.services.story_import import Outcome, import_story
from editor_app.services.story_parts import story_parts
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo
from editor_app.store.repo import review as rrepo

if TYPE_CHECKING:
    from editor_app.media.library import MediaLibrary

__all__ = ["HandoffService", "PackageError", "Received", "Sent"]


@dataclass(frozen=True)
class Sent:
    """A story sent: the package written, and the change for the views (its `handoff` revision)."""

    path: Path
    changes: Changes


@dataclass(frozen=True)
class Received:
    """What receiving a package did: the story, how it went, the conflicts it opened."""

    article_id: uuid.UUID
    outcome: Outcome
    conflicts: list[Conflict]
    changes: Changes
    sender: Sender = field(default_factory=lambda: Sender("", ""))
    headline: str = ""


def _role_vi(role: str) -> str:
    try:
        return Role(role).label_vi
    except ValueError:
        return role


class HandoffService:
    def __init__(self, db: Database, limits: Limits = LIMITS) -> None:
        self._db = db
        self.limits = limits

    def _library(self) -> MediaLibrary:
        from editor_app.media.library import MediaLibrary  # Pillow: loaded only when needed

        return MediaLibrary(self._db.media_dir)

    # --- sending ---------------------------------------------------------------------------------

    def send(self, article_id: uuid.UUID, folder: Path, user: User) -> Sent:
        """Writes `<folder>/<slug>-<short id>.story.zip` (replacing an older one of that name)
        and returns its path and what changed. A `handoff` revision is recorded first, so that
        the next exchange has a revision both desks share; it is taken back if the package cannot
        be written."""
        folder = Path(folder)
        if not folder.is_dir():
            raise UserError(f"Không tìm thấy thư mục {folder}.")
        with self._db.transaction() as s:
            article = repo.get_article(s, article_id)
            target = folder / package_name(article.headline, article_id)
            handoff = rrepo.add_revision(
                s,
                article_id,
                snapshot(article),
                user.name,
                user.role,
                "handoff",
                f"Gửi bài: {target.name}",
            )
            parts = story_parts(s, article)
        try:
            library = self._library()
            photos: list[tuple[str, Path]] = []
            for p in article.photos:
                original = library.original_path(p.sha256)
                if original is None:
                    raise UserError(
                        f"Thiếu ảnh gốc của “{p.filename}” trong thư viện ảnh: không gửi được bài."
                    )
                photos.append((p.sha256, original))
            path = write_package(
                target,
                app_version=__version__,
                created_at=utcnow(),
                sender=Sender(user.name, user.role.value),
                article_id=article_id,
                json_parts=parts,
                photos=photos,
            )
        except BaseException:
            with self._db.transaction() as s:
                rrepo.delete_revisions(s, [handoff.id])
            raise
        return Sent(path, Changes.of([article_id], revisions=True))

    # --- receiving -------------------------------------------------------------------------------

    def receive(self, path: Path, user: User) -> Received:
        """Imports the package at `path`: a story not here is created as it is (`new`); one
        that is here is merged (`merged`, or `conflict` when fields changed differently on both
        desks: ours stays, both are kept as revisions, a conflict is opened for each field).
        Their revisions and comments are added; a `received` revision records the result.
        `PackageError` for a broken or hostile package, with nothing written."""
        path = Path(path)
        with tempfile.TemporaryDirectory(prefix="editor-app-receive-") as tmp:
            package = read_package(path, Path(tmp), self.limits)
            story = decode_story(package)
            with self._db.read() as s:
                check_ids(s, story, package.path.name)
            photos = check_photos(self._library(), package, story)
            return self._import(package, story, photos, user)

    def _import(
        self, package: Package, story: Story, photos: PackagePhotos, user: User
    ) -> Received:
        library = photos.library
        sender = package.manifest.sender
        aid = story.article_id
        # The originals new here are stored first (copying them can take seconds: not while
        # holding the database's write lock); if anything fails after, they are deleted again.
        stored: list[str] = []
        try:
            for sha in photos.probed:
                kept = library.add(package.photos[sha])
                stored.append(kept.sha256)
                if kept.sha256 != sha:  # cannot happen: the digest was checked
                    raise UserError(f"Ảnh “{kept.filename}” đổi nội dung khi đang nhập.")
            with self._db.transaction() as s:
                done = import_story(s, story, user, sender, photos.meta)
                article = repo.get_article(s, aid)
                reason = f"Nhận bài từ {sender.name} ({_role_vi(sender.role)})"
                if done.opened:
                    reason += f": {len(done.opened)} xung đột cần giải quyết"
                if done.wrote:  # a package received again (or one's own back) brings nothing new
                    rrepo.add_revision(
                        s, aid, snapshot(article), user.name, user.role, "received", reason
                    )
        except BaseException:
            for sha in stored:
                with contextlib.suppress(OSError):
                    library.remove(sha)
            raise
        after = {p.id for p in article.photos}
        removed = {pid for pid in done.before or {} if pid not in after}
        # The originals of photos the merge took off stay stored, as when a photo is removed
        # here: the revisions that still show them can bring them back.
        changes = Changes.of(
            [aid],
            membership=done.outcome == "new",
            photos=frozenset(after | removed),
            officials=done.officials_added,
            revisions=done.wrote,
            comments=done.wrote and bool(story.comments),
            conflicts=bool(done.opened),
        )
        return Received(aid, done.outcome, done.opened, changes, sender, article.headline)

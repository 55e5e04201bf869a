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
from typing import TYPE_CHECKING, Any, Literal

from editor_app import __version__
from editor_app.domain.article import Article, Photo, utcnow
from editor_app.domain.errors import NotFound, UserError
from editor_app.domain.merge import MergeResult, merge_snapshots, newest_common
from editor_app.domain.review import Conflict
from editor_app.domain.text import nfc
from editor_app.domain.workflow import Role, Status, User, can_edit
from editor_app.exchange.package import (
    ARTICLE,
    COMMENTS,
    CONFLICTS,
    LIMITS,
    REVISIONS,
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
    encode_article,
    encode_comment,
    encode_conflict,
    encode_revision,
)
from editor_app.services import revision_apply as apply
from editor_app.services.articles import snapshot
from editor_app.services.changes import Changes
from editor_app.services.handoff_ids import check_ids
from editor_app.services.handoff_photos import PackagePhotos, check_photos
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo
from editor_app.store.repo import officials as officials_repo
from editor_app.store.repo import review as rrepo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from editor_app.media.library import MediaLibrary

__all__ = ["HandoffService", "PackageError", "Received", "Sent"]

Outcome = Literal["new", "merged", "conflict"]


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
            parts = {
                ARTICLE: encode_article(
                    article.id,
                    article.created_at,
                    article.updated_at,
                    snapshot(article),
                    article.photos,
                    [officials_repo.get_official(s, oid) for oid in article.official_ids],
                ),
                REVISIONS: [
                    encode_revision(info, snap)
                    for info, snap in rrepo.revisions_with_snapshots(s, article_id)
                ],
                COMMENTS: [encode_comment(c) for c in rrepo.list_comments(s, article_id)],
                CONFLICTS: [encode_conflict(c) for c in rrepo.list_conflicts(s, article_id)],
            }
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
                officials_added = self._add_officials(s, story)
                before = self._photos_here(s, aid)
                if before is None:
                    outcome: Outcome = "new"
                    opened: list[Conflict] = []
                    self._create(s, story, photos)
                    rrepo.import_revisions(s, aid, story.revisions)
                    wrote = True
                else:
                    outcome, opened, wrote = self._merge(s, story, user, sender, photos.meta)
                wrote = wrote or officials_added
                for c in story.comments:
                    wrote = rrepo.upsert_comment(s, c) or wrote
                s.flush()
                s.expire_all()
                article = repo.get_article(s, aid)
                reason = f"Nhận bài từ {sender.name} ({_role_vi(sender.role)})"
                if opened:
                    reason += f": {len(opened)} xung đột cần giải quyết"
                if wrote:  # a package received again (or one's own back) brings nothing new
                    rrepo.add_revision(
                        s, aid, snapshot(article), user.name, user.role, "received", reason
                    )
        except BaseException:
            for sha in stored:
                with contextlib.suppress(OSError):
                    library.remove(sha)
            raise
        after = {p.id for p in article.photos}
        removed = {pid for pid in before or {} if pid not in after}
        # The originals of photos the merge took off stay stored, as when a photo is removed
        # here: the revisions that still show them can bring them back.
        changes = Changes.of(
            [aid],
            membership=outcome == "new",
            photos=frozenset(after | removed),
            officials=officials_added,
            revisions=wrote,
            comments=wrote and bool(story.comments),
            conflicts=bool(opened),
        )
        return Received(aid, outcome, opened, changes, sender, article.headline)

    @staticmethod
    def _photos_here(s: Session, article_id: uuid.UUID) -> dict[uuid.UUID, str] | None:
        """The story's photos here (id → sha256), or None when the story is not here."""
        try:
            return {p.id: p.sha256 for p in repo.get_article(s, article_id).photos}
        except NotFound:
            return None

    @staticmethod
    def _add_officials(s: Session, story: Story) -> bool:
        """Adds the officials the story is tagged with that this directory lacks (an official
        already here is left as it is: each desk keeps its own directory)."""
        added = False
        for official in story.officials:
            try:
                officials_repo.get_official(s, official.id)
            except NotFound:
                officials_repo.upsert_official(s, official)
                added = True
        return added

    @staticmethod
    def _create(s: Session, story: Story, facts: PackagePhotos) -> None:
        snap = story.snapshot
        photos = []
        for i, p in enumerate(snap["photos"]):
            pid = uuid.UUID(p["id"])  # not another story's: `check_ids`
            f, info = story.photo_files[pid], facts.facts(p["sha256"])
            photos.append(
                Photo(
                    id=pid,
                    sha256=info.sha256,
                    filename=f.filename,
                    format=info.format,
                    width=info.width,
                    height=info.height,
                    size_bytes=info.size_bytes,
                    caption=p["caption"],
                    credit=p["credit"],
                    alt_text=p["alt_text"],
                    featured=p["featured"],
                    position=i,
                    taken_at=f.taken_at,
                    camera=nfc(f.camera),
                )
            )
        now = utcnow()
        repo.add_article(
            s,
            Article(
                id=story.article_id, photos=photos, created_at=story.created_at, updated_at=now
            ),
        )
        apply.apply_article_fields(
            s, story.article_id, {k: snap[k] for k in (*apply.ARTICLE_KEYS, "status")}
        )
        apply.apply_officials(s, story.article_id, snap["officials"])

    def _merge(
        self,
        s: Session,
        story: Story,
        user: User,
        sender: Sender,
        find_original: apply.OriginalFinder,
    ) -> tuple[Outcome, list[Conflict], bool]:
        """Merges the package into the story here: the outcome, the conflicts opened, and
        whether anything was written (a revision, a value, a conflict)."""
        aid = story.article_id
        ours = snapshot(repo.get_article(s, aid))
        theirs_ids = {str(info.id) for info, _ in story.revisions}
        mine = [
            (str(i.id), i.created_at, snap) for i, snap in rrepo.revisions_with_snapshots(s, aid)
        ]
        base = newest_common(mine, theirs_ids)
        names = {str(o.id): o.full_name for o in officials_repo.list_officials(s)}
        names.update({str(o.id): o.full_name for o in story.officials})
        # A story the sender's role may not edit here (a reporter's package, a story approved
        # here) takes nothing silently: each change of theirs is a conflict for this desk.
        locked = not can_edit(Status(ours["status"]), Role(sender.role))
        result = merge_snapshots(
            None if base is None else base[2], ours, story.snapshot, names, keep_ours=locked
        )
        imported = rrepo.import_revisions(s, aid, story.revisions)
        opened = self._open_conflicts(s, aid, result, ours, story.snapshot, user, sender)
        self._apply(s, aid, result, find_original)
        wrote = imported > 0 or bool(opened) or bool(result.taken)
        return ("conflict" if opened else "merged"), opened, wrote

    @staticmethod
    def _open_conflicts(
        s: Session,
        aid: uuid.UUID,
        result: MergeResult,
        ours: dict[str, Any],
        theirs: dict[str, Any],
        user: User,
        sender: Sender,
    ) -> list[Conflict]:
        """Both whole versions kept as revisions, and a conflict per field."""
        if not result.conflicts:
            return []
        role = sender.role if sender.role in {r.value for r in Role} else ""
        theirs_rev = rrepo.add_revision(
            s, aid, theirs, sender.name, role, "received", f"Bản nhận từ {sender.name} (xung đột)"
        )
        ours_rev = rrepo.add_revision(
            s, aid, ours, user.name, user.role, "conflict", "Bản của máy này trước khi nhận"
        )
        now = utcnow()
        opened = [
            Conflict(
                id=uuid.uuid4(),
                article_id=aid,
                key=c.key,
                label_vi=c.label_vi,
                ours=c.ours,
                theirs=c.theirs,
                ours_value=c.ours_value,
                theirs_value=c.theirs_value,
                ours_revision_id=ours_rev.id,
                theirs_revision_id=theirs_rev.id,
                created_at=now,
            )
            for c in result.conflicts
        ]
        # An open conflict on a field that conflicts again is replaced by the new one (its
        # values are out of date; it stays in the list of settled ones).
        keys = {c.key for c in opened}
        for stale in rrepo.list_conflicts(s, aid):
            if stale.key in keys:
                rrepo.settle_conflict(s, stale.id, f"{user.name} (thay bằng xung đột mới)")
        for c in opened:
            rrepo.add_conflict(s, c)
        return opened

    @staticmethod
    def _apply(
        s: Session, aid: uuid.UUID, result: MergeResult, find_original: apply.OriginalFinder
    ) -> None:
        """Puts the values taken from theirs on the story."""
        taken = set(result.taken)
        fields = {k: result.merged[k] for k in (*apply.ARTICLE_KEYS, "status") if k in taken}
        if fields:
            apply.apply_article_fields(s, aid, fields)
        if "officials" in taken:
            apply.apply_officials(s, aid, result.merged["officials"])
        if any(k == "photos" or k.startswith("photo:") for k in taken):
            apply.apply_photos(s, aid, result.merged["photos"], find_original)

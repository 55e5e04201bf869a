"""Review use cases: status changes, revisions (history, diff, restore, autosave thinning),
comments anchored to passages, and settling hand-off conflicts.

Every method that writes takes the `User` and records their name and role.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from editor_app.domain.article import Article, utcnow
from editor_app.domain.errors import NotFound, ValidationError
from editor_app.domain.review import (
    Anchor,
    Comment,
    Conflict,
    FieldDiff,
    RevisionInfo,
    anchor_field_ok,
    diff_snapshots,
    locate,
    thin,
)
from editor_app.domain.text import format_datetime, nfc
from editor_app.domain.timezone import to_local
from editor_app.domain.workflow import (
    Status,
    User,
    can_edit,
    check_move,
    read_only_error,
)
from editor_app.services import revision_apply as apply
from editor_app.services.articles import snapshot
from editor_app.services.changes import Changes
from editor_app.services.publishing import publish_in, withdraw_in
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo
from editor_app.store.repo import officials as officials_repo
from editor_app.store.repo import review as rrepo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

AUTOSAVE_EVERY = timedelta(seconds=60)
"""An autosave makes a revision only when the newest revision is older than this."""

CAPTION = "caption:"


@dataclass(frozen=True)
class SavedRevision:
    """A named revision written (Ctrl+S): its id, and what changed (the story's history)."""

    revision_id: uuid.UUID
    changes: Changes


def describe(info: RevisionInfo) -> str:
    """“15/3/2024 08:05 (Lê Minh)”: a revision named for a reason or a message."""
    when = format_datetime(to_local(info.created_at), weekday=False)
    return f"{when} ({info.author})" if info.author else when


def _text(text: str, what: str) -> str:
    clean = nfc(text).strip()
    if not clean:
        raise ValidationError(f"{what} không được để trống.")
    return clean


class ReviewService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- status ---------------------------------------------------------------------------------

    def set_status(
        self, article_id: uuid.UUID, target: Status | str, user: User, reason: str = ""
    ) -> Changes:
        """Moves the story to `target` if `user`'s role may (`TransitionError` otherwise);
        writes the status and a `status` revision in one transaction. Moving to published
        records the publication (slug, times; refused before an embargo), moving to withdrawn
        the take-down (`services/publishing.py`); neither writes the bundle."""
        target = Status(target)
        reason = nfc(reason).strip()
        with self._db.transaction() as s:
            article = repo.get_article(s, article_id)
            current = article.status
            check_move(current, target, user.role, reason)
            when = repo.update_article_fields(s, article_id, {"status": target})
            said = reason
            if target is Status.PUBLISHED:  # the slug and the times, once (services/publishing)
                said = publish_in(s, article, user, when)[2]
            elif target is Status.WITHDRAWN:
                withdraw_in(s, article, user, when, reason)
            moved = dataclasses.replace(article, status=target)
            note = f"{current.label_vi} → {target.label_vi}" + (f": {said}" if said else "")
            rrepo.add_revision(
                s, article_id, snapshot(moved), user.name, user.role, "status", note, when
            )
        return Changes.of([article_id], revisions=True, saved_at=when)

    # --- revisions ------------------------------------------------------------------------------

    def save_revision(
        self, article_id: uuid.UUID, user: User | None, reason: str = "", kind: str = "save"
    ) -> SavedRevision:
        """A revision of the story as it is now (Ctrl+S, a hand-off, …); unsigned when nobody
        is set yet (the first-start question not answered)."""
        with self._db.transaction() as s:
            rid = self._add(s, article_id, user, kind, nfc(reason).strip()).id
        return SavedRevision(rid, Changes.of([article_id], revisions=True))

    def _add(
        self, s: Session, article_id: uuid.UUID, user: User | None, kind: str, reason: str
    ) -> RevisionInfo:
        snap = snapshot(repo.get_article(s, article_id))
        name, role = (user.name, user.role.value) if user is not None else ("", "")
        return rrepo.add_revision(s, article_id, snap, name, role, kind, reason)

    def autosaved(self, article_id: uuid.UUID, user: User, now: datetime | None = None) -> None:
        """Called after each autosave: an `autosave` revision when the newest revision is over
        a minute old, then old autosaves thinned (`domain.review.thin`). Revisions dated after
        `now` (received from a desk whose clock is ahead) do not count."""
        now = now or utcnow()
        with self._db.transaction() as s:
            last = rrepo.last_revision(s, article_id, until=now)
            if last is not None and now - last.created_at <= AUTOSAVE_EVERY:
                return
            snap = snapshot(repo.get_article(s, article_id))
            rrepo.add_revision(s, article_id, snap, user.name, user.role, "autosave", "", now)
            rrepo.delete_revisions(s, thin(rrepo.list_revisions(s, article_id), now))

    def history(self, article_id: uuid.UUID) -> list[RevisionInfo]:
        """The story's revisions, newest first."""
        with self._db.read() as s:
            return rrepo.list_revisions(s, article_id)

    def revision(self, revision_id: uuid.UUID) -> RevisionInfo:
        with self._db.read() as s:
            return rrepo.get_revision(s, revision_id)[0]

    def revision_snapshot(self, revision_id: uuid.UUID) -> dict[str, Any]:
        with self._db.read() as s:
            return rrepo.get_revision(s, revision_id)[1]

    def _snapshot(self, s: Session, article_id: uuid.UUID, rid: uuid.UUID | None) -> dict[str, Any]:
        if rid is None:
            return snapshot(repo.get_article(s, article_id))
        info, snap = rrepo.get_revision(s, rid)
        if info.article_id != article_id:
            raise NotFound(f"Phiên bản {rid} không thuộc bài viết {article_id}.")
        return snap

    @staticmethod
    def _names(s: Session) -> dict[str, str]:
        return {str(o.id): o.full_name for o in officials_repo.list_officials(s)}

    def diff(
        self, article_id: uuid.UUID, old: uuid.UUID | None, new: uuid.UUID | None
    ) -> list[FieldDiff]:
        """What changed from revision `old` to revision `new` (None: the story as it is now)."""
        with self._db.read() as s:
            a = self._snapshot(s, article_id, old)
            b = self._snapshot(s, article_id, new)
            return diff_snapshots(a, b, self._names(s))

    def restore_preview(self, article_id: uuid.UUID, revision_id: uuid.UUID) -> list[FieldDiff]:
        """What `restore` would change on the story as it is now (the status is kept)."""
        with self._db.read() as s:
            now = self._snapshot(s, article_id, None)
            then = dict(self._snapshot(s, article_id, revision_id))
            then["status"] = now.get("status")
            return diff_snapshots(now, then, self._names(s))

    def restore(self, article_id: uuid.UUID, revision_id: uuid.UUID, user: User) -> Changes:
        """Makes the story what it was at `revision_id` — text, section, keywords, officials,
        photos' captions, credits, alt texts, featured mark and order, and removed photos whose
        original is still stored — keeping its status. The state before is saved first when no
        revision has it; a `restore` revision naming the restored one is added. Nothing newer is
        deleted."""
        find = self._original_finder()
        with self._db.transaction() as s:
            article = repo.get_article(s, article_id)
            if not can_edit(article.status, user.role):
                raise read_only_error(article.status, user.role)
            info, snap = rrepo.get_revision(s, revision_id)
            if info.article_id != article_id:
                raise NotFound(f"Phiên bản {revision_id} không thuộc bài viết {article_id}.")
            self._keep_current(s, article, user, f"Trước khi khôi phục phiên bản {describe(info)}")
            apply.apply_article_fields(s, article_id, {k: snap.get(k) for k in apply.ARTICLE_KEYS})
            gone = apply.apply_officials(s, article_id, snap.get("officials") or [])
            photos, lost = apply.apply_photos(s, article_id, snap.get("photos") or [], find)
            s.flush()
            s.expire_all()
            messages: list[str] = []
            if lost:
                messages.append("Không khôi phục được (ảnh gốc không còn): " + ", ".join(lost))
            if gone:
                messages.append(f"{len(gone)} quan chức không còn trong danh bạ, không gắn lại.")
            reason = "; ".join([f"Khôi phục phiên bản {describe(info)}", *messages])
            self._add(s, article_id, user, "restore", reason)
        return Changes.of(
            [article_id], photos=frozenset(photos), revisions=True, messages=tuple(messages)
        )

    def _keep_current(self, s: Session, article: Article, user: User, reason: str) -> None:
        """Saves the story as it is as a revision, unless the newest revision already has it
        (before a restore or a settled conflict replaces what was typed since)."""
        last = rrepo.last_revision(s, article.id)
        if last is None or rrepo.get_revision(s, last.id)[1] != snapshot(article):
            self._add(s, article.id, user, "save", reason)

    def _original_finder(self) -> apply.OriginalFinder:
        db = self._db

        def find(sha256: str) -> Mapping[str, Any] | None:
            from editor_app.media.library import MediaLibrary  # Pillow: only when needed
            from editor_app.media.probe import probe
            from editor_app.services.importing import camera_time_to_utc

            try:
                path = MediaLibrary(db.media_dir).original_path(sha256)
                if path is None:
                    return None
                info = probe(path)
            except Exception:  # a bad digest or an unreadable original: it cannot come back
                return None
            return {
                "filename": path.name,
                "format": info.format,
                "width": info.width,
                "height": info.height,
                "size_bytes": info.size_bytes,
                "taken_at": camera_time_to_utc(info.taken_at),
                "camera": info.camera,
            }

        return find

    # --- comments -------------------------------------------------------------------------------

    def comments(self, article_id: uuid.UUID) -> list[Comment]:
        """Comments and replies, oldest first (replies carry their thread's `parent_id`)."""
        with self._db.read() as s:
            return rrepo.list_comments(s, article_id)

    def comment(self, comment_id: uuid.UUID) -> Comment:
        with self._db.read() as s:
            return rrepo.get_comment(s, comment_id)

    def comment_spans(self, article_id: uuid.UUID) -> dict[uuid.UUID, tuple[int, int] | None]:
        """Where each anchored comment's passage is in the story now (None: passage removed)."""
        with self._db.read() as s:
            article = repo.get_article(s, article_id)
            comments = rrepo.list_comments(s, article_id)
        texts = {"headline": article.headline, "sapo": article.sapo, "body": article.body}
        texts.update({f"{CAPTION}{p.id}": p.caption for p in article.photos})
        out: dict[uuid.UUID, tuple[int, int] | None] = {}
        for c in comments:
            if c.anchor is not None:
                text = texts.get(c.anchor.field)
                out[c.id] = None if text is None else locate(c.anchor, text)
        return out

    def add_comment(self, article_id: uuid.UUID, anchor: Anchor, text: str, user: User) -> Comment:
        """A comment on the anchored passage (see `domain.review.make_anchor`)."""
        if not anchor_field_ok(anchor.field):
            raise ValidationError(f"Không góp ý được vào trường {anchor.field}.")
        body = _text(text, "Góp ý")
        now = utcnow()
        comment = Comment(
            id=uuid.uuid4(),
            article_id=article_id,
            parent_id=None,
            anchor=dataclasses.replace(
                anchor,
                quote=nfc(anchor.quote),
                prefix=nfc(anchor.prefix),
                suffix=nfc(anchor.suffix),
            ),
            author=user.name,
            role=user.role,
            text=body,
            created_at=now,
            updated_at=now,
        )
        with self._db.transaction() as s:
            rrepo.upsert_comment(s, comment)
        return comment

    def reply(self, comment_id: uuid.UUID, text: str, user: User) -> Comment:
        """A reply in the comment's thread (a reply to a reply joins the same thread)."""
        body = _text(text, "Trả lời")
        with self._db.transaction() as s:
            parent = rrepo.get_comment(s, comment_id)
            now = utcnow()
            reply = Comment(
                id=uuid.uuid4(),
                article_id=parent.article_id,
                parent_id=parent.parent_id or parent.id,
                anchor=None,
                author=user.name,
                role=user.role,
                text=body,
                created_at=now,
                updated_at=now,
            )
            rrepo.upsert_comment(s, reply)
        return reply

    def _set_resolved(self, comment_id: uuid.UUID, user: User, resolved: bool) -> Comment:
        with self._db.transaction() as s:
            c = rrepo.get_comment(s, comment_id)
            if c.parent_id is not None:  # a reply: its thread is what is resolved
                c = rrepo.get_comment(s, c.parent_id)
            if c.resolved == resolved:
                return c
            now = utcnow()
            c = dataclasses.replace(
                c,
                resolved_at=now if resolved else None,
                resolved_by=user.name if resolved else "",
                updated_at=max(now, c.updated_at + timedelta(microseconds=1)),
            )
            rrepo.upsert_comment(s, c)
        return c

    def resolve(self, comment_id: uuid.UUID, user: User) -> Comment:
        """Marks the comment's thread resolved (by `user`, now)."""
        return self._set_resolved(comment_id, user, True)

    def reopen(self, comment_id: uuid.UUID, user: User) -> Comment:
        return self._set_resolved(comment_id, user, False)

    # --- conflicts ------------------------------------------------------------------------------

    def conflicts(self, article_id: uuid.UUID, open_only: bool = True) -> list[Conflict]:
        with self._db.read() as s:
            return rrepo.list_conflicts(s, article_id, open_only)

    def settle(
        self, conflict_id: uuid.UUID, choice: Literal["ours", "theirs"], user: User
    ) -> Changes:
        """Keeps one side of a conflict: its value is put on the story, the conflict marked
        settled, and a `conflict` revision records the choice."""
        if choice not in ("ours", "theirs"):
            raise ValidationError(f"Lựa chọn không hợp lệ: {choice} (ours hoặc theirs).")
        photos: set[uuid.UUID] = set()
        with self._db.transaction() as s:
            c = rrepo.get_conflict(s, conflict_id)
            if c.settled:
                raise ValidationError(f"Xung đột “{c.label_vi}” đã được giải quyết.")
            article = repo.get_article(s, c.article_id)
            if not can_edit(article.status, user.role) and c.key != "status":
                raise read_only_error(article.status, user.role)
            self._keep_current(s, article, user, f"Trước khi giải quyết xung đột “{c.label_vi}”")
            value = c.ours_value if choice == "ours" else c.theirs_value
            photos = self._apply(s, c.article_id, c.key, value)
            rrepo.settle_conflict(s, conflict_id, user.name)
            s.flush()
            s.expire_all()
            side = "bản của máy này" if choice == "ours" else "bản nhận được"
            self._add(s, c.article_id, user, "conflict", f"{c.label_vi}: giữ {side}")
        return Changes.of([c.article_id], photos=frozenset(photos), revisions=True, conflicts=True)

    def _apply(self, s: Session, article_id: uuid.UUID, key: str, value: Any) -> set[uuid.UUID]:
        """Puts one snapshot value (a conflict's key) on the story."""
        if key in (*apply.ARTICLE_KEYS, "status"):
            apply.apply_article_fields(s, article_id, {key: value})
            return set()
        if key == "officials":
            apply.apply_officials(s, article_id, value or [])
            return set()
        if key == "photos":
            return apply.apply_photos(s, article_id, value or [], self._original_finder())[0]
        parts = key.split(":")
        if len(parts) == 3 and parts[0] == "photo":
            pid = uuid.UUID(parts[1])
            apply.apply_photo_field(s, pid, parts[2], value)
            return {pid}
        raise ValidationError(f"Không áp dụng được trường {key}.")

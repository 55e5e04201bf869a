"""Publication records as use cases: publishing (first time, a later version, a correction),
taking a story down, the embargo. Each runs in one transaction with the status it implies and a
revision saying what happened, in Vietnamese, with the user's name and role.

The bundle is not written here (`services/export.py` does it, after the record): a status move
to published (`ReviewService.set_status`) records the publication the same way, through
`publish_in`, so every way of publishing gives the story its slug and its times once.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from editor_app.domain.article import Article, utcnow
from editor_app.domain.errors import UserError
from editor_app.domain.publication import (
    Publication,
    PublicationError,
    PublishedVersion,
    content_hash,
    embargo_line,
    local_text,
    publish,
    set_embargo,
    unique_slug,
    withdraw,
)
from editor_app.domain.text import slugify
from editor_app.domain.workflow import Status, User, can_edit, check_move, may_publish
from editor_app.services.articles import snapshot
from editor_app.services.changes import Changes
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo
from editor_app.store.repo import publication as prepo
from editor_app.store.repo import review as rrepo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["Published", "PublishingService", "publish_in", "slug_for", "withdraw_in"]


@dataclass(frozen=True)
class Published:
    """What a publish did: the record before and after, and the change for the views."""

    before: Publication
    after: Publication
    changes: Changes

    @property
    def first(self) -> bool:
        return not self.before.published

    @property
    def new_version(self) -> bool:
        return self.after.version != self.before.version


def slug_for(s: Session, article: Article, pub: Publication) -> str:
    """The story's slug: the one it was given, else the one it would get now."""
    if pub.slug:
        return pub.slug
    base = slugify(article.headline)
    fallback = f"bai-{str(article.id)[:8]}"
    return unique_slug(base, prepo.taken_slugs(s, base or fallback, article.id), fallback)


def _version(article: Article, slug: str) -> PublishedVersion:
    from editor_app.publish.names import thumbnail_path  # the bundle's names (loads Pillow)

    return PublishedVersion(
        content_hash(snapshot(article)),
        article.headline,
        article.sapo,
        thumbnail_path(slug, article.photos),
    )


def publish_in(
    s: Session, article: Article, user: User, when: datetime, note: str = ""
) -> tuple[Publication, Publication, str]:
    """Records a publication of `article` as it is now; returns the record before and after,
    and what the revision should say ("" when nothing new was published)."""
    pub = prepo.get_publication(s, article.id)
    slug = slug_for(s, article, pub)
    after = publish(pub, when, _version(article, slug), slug, note, user.name)
    if after == pub:
        return pub, after, ""
    prepo.save_publication(s, article.id, after)
    if not pub.published:
        said = f"Xuất bản lần đầu, địa chỉ …/{after.slug}/"
    elif note.strip():
        said = f"Đính chính (phiên bản {after.version}): {after.corrections[-1].note}"
    elif pub.withdrawn:
        said = f"Xuất bản lại sau khi gỡ (phiên bản {after.version})"
    else:
        said = f"Xuất bản phiên bản {after.version}"
    return pub, after, said


def withdraw_in(s: Session, article: Article, user: User, when: datetime, reason: str) -> str:
    """Records the take-down; returns what the revision should say."""
    pub = prepo.get_publication(s, article.id)
    after = withdraw(pub, when, reason, user.name)
    prepo.save_publication(s, article.id, after)
    return f"Gỡ bài: {after.withdrawn_reason}"


class PublishingService:
    def __init__(self, db: Database, clock: Callable[[], datetime] = utcnow) -> None:
        self._db = db
        self.clock = clock

    def publication(self, article_id: uuid.UUID) -> Publication:
        with self._db.read() as s:
            return prepo.get_publication(s, article_id)

    def slug(self, article_id: uuid.UUID) -> str:
        """The story's slug, or the one it would get if published now."""
        with self._db.read() as s:
            article = repo.get_article(s, article_id)
            return slug_for(s, article, prepo.get_publication(s, article_id))

    def publish(self, article_id: uuid.UUID, user: User, note: str = "") -> Published:
        """Publishes the story as it is now: an approved story moves to published (its first
        publication, or its return after a reopen); a published story whose content changed
        gets a new version. `note`: a correction's note. The embargo, the role and the status
        are checked; the checklist is the caller's (`ExportService.publish`)."""
        when = self.clock()
        with self._db.transaction() as s:
            article = repo.get_article(s, article_id)
            status = article.status
            if not may_publish(user.role):
                raise PublicationError(
                    f"{user.role.label_vi} không được xuất bản bài: việc này của biên tập viên."
                )
            if status is Status.APPROVED:
                check_move(status, Status.PUBLISHED, user.role)
            elif status is not Status.PUBLISHED:
                raise PublicationError(
                    f"Bài đang ở trạng thái {status.label_vi}: cần {Status.APPROVED.label_vi} "
                    "mới xuất bản được (mở lại, sửa, rồi duyệt)."
                )
            before, after, said = publish_in(s, article, user, when, note)
            # A revision when the status moves, or when something new was published (a story
            # published again as it is records nothing).
            recorded = status is Status.APPROVED or bool(said)
            if status is Status.APPROVED:
                saved = repo.update_article_fields(s, article_id, {"status": Status.PUBLISHED})
                moved = dataclasses.replace(article, status=Status.PUBLISHED)
                line = f"{status.label_vi} → {Status.PUBLISHED.label_vi}"
                reason = f"{line}: {said}" if said else line
                rrepo.add_revision(
                    s, article_id, snapshot(moved), user.name, user.role, "status", reason, saved
                )
            elif said:
                kind = "correction" if note.strip() else "publish"
                rrepo.add_revision(
                    s, article_id, snapshot(article), user.name, user.role, kind, said, when
                )
        return Published(before, after, Changes.of([article_id], revisions=recorded))

    def withdraw(self, article_id: uuid.UUID, user: User, reason: str) -> Changes:
        """Takes a published story down (status Đã gỡ), with its reason."""
        from editor_app.services.review import ReviewService

        return ReviewService(self._db).set_status(article_id, Status.WITHDRAWN, user, reason=reason)

    def set_embargo(self, article_id: uuid.UUID, user: User, until: datetime | None) -> Changes:
        """Sets (or, with None, lifts) the time before which the story may not be published.
        Whoever may edit the story may set one; lifting or moving one is an editor's."""
        now = self.clock()
        with self._db.transaction() as s:
            article = repo.get_article(s, article_id)
            if not can_edit(article.status, user.role):
                raise UserError(
                    f"Bài đang ở trạng thái {article.status.label_vi}: "
                    f"{user.role.label_vi.lower()} không đặt giờ không đăng trước được."
                )
            pub = prepo.get_publication(s, article_id)
            if pub.embargo_until is not None and not may_publish(user.role):
                raise UserError(
                    f"Bài đã có giờ không đăng trước ({local_text(pub.embargo_until)}): "
                    "chỉ biên tập viên mới đổi hoặc bỏ được."
                )
            after = set_embargo(pub, until, now)
            prepo.save_publication(s, article_id, after)
            if until is not None:
                said = embargo_line(until).rstrip(".")
            else:
                was = f" ({local_text(pub.embargo_until)})" if pub.embargo_until else ""
                said = f"Bỏ giờ không đăng trước{was}"
            rrepo.add_revision(
                s, article_id, snapshot(article), user.name, user.role, "embargo", said, now
            )
        return Changes.of([article_id], revisions=True)

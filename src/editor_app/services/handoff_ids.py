"""A package touches only its own story: every id it brings for a row — a comment, a reply's
thread, a revision, a photo — is either new here or already belongs to the story the package
arrives with. Checked before anything is written; `PackageError` names the part and the field.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING

from editor_app.domain.errors import NotFound
from editor_app.domain.review import Comment
from editor_app.exchange.fields import Fields
from editor_app.exchange.package import ARTICLE, COMMENTS, REVISIONS
from editor_app.exchange.story import Story
from editor_app.store.repo import photos as photos_repo
from editor_app.store.repo import review as rrepo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["check_ids"]

_ELSEWHERE = "trùng mã {} của một bài khác trên máy này (gói không được sửa bài khác)"


def check_ids(s: Session, story: Story, package_name: str) -> None:
    """PackageError when an id in `story` is another story's here, or a reply's comment is
    not a comment of this story (in the package or here)."""
    aid = story.article_id
    _photos(s, story, Fields(package_name, ARTICLE), aid)
    c = Fields(package_name, REVISIONS)
    owners = rrepo.revision_owners(s, [info.id for info, _ in story.revisions])
    for i, (info, _) in enumerate(story.revisions):
        if owners.get(info.id, aid) != aid:
            raise c.fail(f"[{i}].id", _ELSEWHERE.format("một phiên bản"))
    _comments(s, story, Fields(package_name, COMMENTS), aid)


def _photos(s: Session, story: Story, c: Fields, aid: uuid.UUID) -> None:
    for i, p in enumerate(story.snapshot["photos"]):
        try:
            owner = photos_repo.photo_article_id(s, uuid.UUID(p["id"]))
        except NotFound:
            continue
        if owner != aid:
            raise c.fail(f"snapshot.photos[{i}].id", _ELSEWHERE.format("một ảnh"))


def _comments(s: Session, story: Story, c: Fields, aid: uuid.UUID) -> None:
    theirs = {m.id: m for m in story.comments}
    here = rrepo.comment_owners(s, [*theirs, *(m.parent_id for m in story.comments if m.parent_id)])
    for i, m in enumerate(story.comments):
        if here.get(m.id, aid) != aid:
            raise c.fail(f"[{i}].id", _ELSEWHERE.format("một góp ý"))
        if m.parent_id is not None and not _thread_of(s, m.parent_id, theirs, here, aid):
            raise c.fail(f"[{i}].parent_id", "không phải một góp ý gốc của bài này")


def _thread_of(
    s: Session,
    parent_id: uuid.UUID,
    theirs: Mapping[uuid.UUID, Comment],
    here: Mapping[uuid.UUID, uuid.UUID],
    aid: uuid.UUID,
) -> bool:
    """Whether `parent_id` is a top-level comment of the story, in the package or here."""
    parent = theirs.get(parent_id)
    if parent is None:
        if here.get(parent_id) != aid:
            return False
        parent = rrepo.get_comment(s, parent_id)
    return parent.parent_id is None

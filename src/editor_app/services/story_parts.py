"""A story as the JSON parts of a package (`exchange.story`'s shapes), read inside a
transaction: what a `.story.zip` holds, and what the newsroom server's sync sends both ways."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from editor_app.domain.article import Article
from editor_app.exchange.package import ARTICLE, COMMENTS, CONFLICTS, REVISIONS
from editor_app.exchange.story import (
    encode_article,
    encode_comment,
    encode_conflict,
    encode_revision,
)
from editor_app.services.articles import snapshot
from editor_app.store.repo import officials as officials_repo
from editor_app.store.repo import review as rrepo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["story_parts"]


def story_parts(
    s: Session,
    article: Article,
    *,
    known_revisions: Collection[str] = (),
    open_conflicts_only: bool = True,
) -> dict[str, Any]:
    """The parts of `article`: the story with its photos' facts and the officials it is tagged
    with, its revisions (but those in `known_revisions`, which the other side has), its
    comments, its conflicts (open ones only, unless told otherwise)."""
    aid: uuid.UUID = article.id
    return {
        ARTICLE: encode_article(
            aid,
            article.created_at,
            article.updated_at,
            snapshot(article),
            article.photos,
            [officials_repo.get_official(s, oid) for oid in article.official_ids],
        ),
        REVISIONS: [
            encode_revision(info, snap)
            for info, snap in rrepo.revisions_with_snapshots(s, aid)
            if str(info.id) not in known_revisions
        ],
        COMMENTS: [encode_comment(c) for c in rrepo.list_comments(s, aid)],
        CONFLICTS: [
            encode_conflict(c) for c in rrepo.list_conflicts(s, aid, open_only=open_conflicts_only)
        ],
    }

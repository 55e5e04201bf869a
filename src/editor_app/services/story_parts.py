"""A story as the JSON parts of a package (`exchange.story`'s shapes), read inside a
transaction: what a `.story.zip` holds, and what the newsroom server's sync sends both ways."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from editor_app.domain.article import Article
from editor_app.domain.review import Comment, Conflict, RevisionInfo
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

__all__ = ["parts_of", "story_parts"]


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
    return parts_of(
        s,
        article,
        rrepo.revisions_with_snapshots(s, aid),
        rrepo.list_comments(s, aid),
        rrepo.list_conflicts(s, aid, open_only=open_conflicts_only),
        known_revisions=known_revisions,
    )


def parts_of(
    s: Session,
    article: Article,
    revisions: Sequence[tuple[RevisionInfo, dict[str, Any]]],
    comments: Sequence[Comment],
    conflicts: Sequence[Conflict],
    *,
    known_revisions: Collection[str] = (),
) -> dict[str, Any]:
    """`story_parts` of a story read already (`store.repo.story_batch`): its revisions oldest
    first, comments oldest first, the conflicts to send; only its officials are read here."""
    return {
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
            for info, snap in revisions
            if str(info.id) not in known_revisions
        ],
        COMMENTS: [encode_comment(c) for c in comments],
        CONFLICTS: [encode_conflict(c) for c in conflicts],
    }

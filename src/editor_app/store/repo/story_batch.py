"""Several stories read at once for a sync round (`services.sync_desk`, `services.sync_server`):
one query a table for a group of stories, where reading them one by one takes a dozen a story.
What is read is what the one-story functions of `articles`, `review` and `publication` give."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.domain.article import Article
from editor_app.domain.publication import Publication
from editor_app.domain.review import Comment, Conflict, RevisionInfo
from editor_app.store.models import (
    ArticleRow,
    CommentRow,
    ConflictRow,
    CorrectionRow,
    PublicationRow,
    RevisionRow,
)
from editor_app.store.repo.articles import _article_from_row
from editor_app.store.repo.publication import _publication
from editor_app.store.repo.review import _comment, _conflict

__all__ = ["MAX_STORIES", "StoryRows", "read_stories"]

MAX_STORIES = 200
"""At most this many ids a call (well under SQLite's limit of bound values)."""


@dataclass
class StoryRows:
    """A story with its revisions (snapshots too, oldest first), comments (oldest first), every
    conflict (settled ones too, oldest first) and publication record."""

    article: Article
    revisions: list[tuple[RevisionInfo, dict[str, Any]]] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    publication: Publication = field(default_factory=Publication)


def read_stories(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, StoryRows]:
    """The stories of `ids` that are here (at most `MAX_STORIES`), by id."""
    if len(ids) > MAX_STORIES:
        raise ValueError(f"at most {MAX_STORIES} stories a call")
    rows = session.scalars(select(ArticleRow).where(ArticleRow.id.in_([str(i) for i in ids])))
    found = {row.pk: StoryRows(_article_from_row(row)) for row in rows}
    if not found:
        return {}
    pks = list(found)
    _revisions(session, found, pks)
    for c in session.scalars(
        select(CommentRow)
        .where(CommentRow.article_pk.in_(pks))
        .order_by(CommentRow.created_at, CommentRow.id)
    ):
        story = found[c.article_pk]
        story.comments.append(_comment(c, story.article.id))
    for k in session.scalars(
        select(ConflictRow)
        .where(ConflictRow.article_pk.in_(pks))
        .order_by(ConflictRow.created_at, ConflictRow.id)
    ):
        story = found[k.article_pk]
        story.conflicts.append(_conflict(k, story.article.id))
    _publications(session, found, pks)
    return {story.article.id: story for story in found.values()}


def _revisions(session: Session, found: dict[int, StoryRows], pks: list[int]) -> None:
    stmt = (
        select(
            RevisionRow.article_pk,
            RevisionRow.id,
            RevisionRow.created_at,
            RevisionRow.author,
            RevisionRow.role,
            RevisionRow.kind,
            RevisionRow.reason,
            RevisionRow.snapshot,
        )
        .where(RevisionRow.article_pk.in_(pks))
        .order_by(RevisionRow.created_at, RevisionRow.id)
    )
    for pk, rid, created_at, author, role, kind, reason, snap in session.execute(stmt):
        story = found[pk]
        info = RevisionInfo(
            id=uuid.UUID(rid),
            article_id=story.article.id,
            created_at=created_at,
            author=author,
            role=role,
            kind=kind,
            reason=reason,
        )
        story.revisions.append((info, dict(snap)))


def _publications(session: Session, found: dict[int, StoryRows], pks: list[int]) -> None:
    records = {
        r.article_pk: r
        for r in session.scalars(select(PublicationRow).where(PublicationRow.article_pk.in_(pks)))
    }
    corrections: dict[int, list[CorrectionRow]] = {}
    for c in session.scalars(
        select(CorrectionRow).where(CorrectionRow.article_pk.in_(pks)).order_by(CorrectionRow.id)
    ):
        corrections.setdefault(c.article_pk, []).append(c)
    for pk, story in found.items():
        if pk in records or pk in corrections:
            story.publication = _publication(records.get(pk), corrections.get(pk, []))

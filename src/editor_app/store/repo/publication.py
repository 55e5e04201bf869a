"""Publication records in the database: one row per story that was published or embargoed,
its corrections, and the stories readers may see now (for related blocks). Times are UTC."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Select, delete, or_, select
from sqlalchemy.orm import Session

from editor_app.domain.listing import ArticleFilter
from editor_app.domain.publication import Correction, LiveStory, Publication
from editor_app.store.models import ArticleRow, CorrectionRow, PublicationRow
from editor_app.store.repo.articles import filtered_articles
from editor_app.store.repo.review import _article_pk


def _publication(row: PublicationRow | None, corrections: list[CorrectionRow]) -> Publication:
    if row is None:
        return Publication()
    return Publication(
        slug=row.slug or "",
        first_published_at=row.first_published_at,
        version_at=row.version_at,
        version=row.version,
        content_hash=row.content_hash,
        headline=row.headline,
        sapo=row.sapo,
        thumbnail=row.thumbnail,
        corrections=tuple(Correction(c.note, c.at, c.by, c.version) for c in corrections),
        withdrawn_at=row.withdrawn_at,
        withdrawn_reason=row.withdrawn_reason,
        withdrawn_by=row.withdrawn_by,
        embargo_until=row.embargo_until,
    )


def get_publication(session: Session, article_id: uuid.UUID) -> Publication:
    """The story's record (an empty one when it was never published nor embargoed)."""
    pk = _article_pk(session, article_id)
    row = session.get(PublicationRow, pk)
    corrections = list(
        session.scalars(
            select(CorrectionRow).where(CorrectionRow.article_pk == pk).order_by(CorrectionRow.id)
        )
    )
    return _publication(row, corrections)


def save_publication(session: Session, article_id: uuid.UUID, pub: Publication) -> None:
    """Writes the record; corrections are only ever added (the first ones are kept as stored)."""
    pk = _article_pk(session, article_id)
    row = session.get(PublicationRow, pk)
    if row is None:
        row = PublicationRow(article_pk=pk)
        session.add(row)
    row.slug = pub.slug or None
    row.first_published_at = pub.first_published_at
    row.version_at = pub.version_at
    row.version = pub.version
    row.content_hash = pub.content_hash
    row.headline = pub.headline
    row.sapo = pub.sapo
    row.thumbnail = pub.thumbnail
    row.withdrawn_at = pub.withdrawn_at
    row.withdrawn_reason = pub.withdrawn_reason
    row.withdrawn_by = pub.withdrawn_by
    row.embargo_until = pub.embargo_until
    stored = session.scalars(
        select(CorrectionRow.id).where(CorrectionRow.article_pk == pk).order_by(CorrectionRow.id)
    ).all()
    for c in pub.corrections[len(stored) :]:
        session.add(CorrectionRow(article_pk=pk, version=c.version, note=c.note, at=c.at, by=c.by))
    session.flush()


def delete_publication(session: Session, article_id: uuid.UUID) -> None:
    pk = _article_pk(session, article_id)
    session.execute(delete(CorrectionRow).where(CorrectionRow.article_pk == pk))
    session.execute(delete(PublicationRow).where(PublicationRow.article_pk == pk))


def taken_slugs(session: Session, base: str, article_id: uuid.UUID) -> set[str]:
    """The slugs other stories hold that are `base` or `base-…` (what a suffix must avoid)."""
    pk = _article_pk(session, article_id)
    like = base.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%"
    stmt = select(PublicationRow.slug).where(
        PublicationRow.article_pk != pk,
        or_(PublicationRow.slug == base, PublicationRow.slug.like(like, escape="\\")),
    )
    return {s for s in session.scalars(stmt) if s}


def live_stories(
    session: Session, now: datetime, flt: ArticleFilter | None = None, limit: int | None = None
) -> list[LiveStory]:
    """Stories readers may see at `now` (published, not taken down, embargo passed, not in the
    trash), matching `flt`, first published newest first."""
    columns = select(
        ArticleRow.id,
        ArticleRow.section,
        PublicationRow.slug,
        PublicationRow.first_published_at,
        PublicationRow.headline,
        PublicationRow.sapo,
        PublicationRow.thumbnail,
    ).join(PublicationRow, PublicationRow.article_pk == ArticleRow.pk)
    stmt = filtered_articles(cast("Select[Any]", columns), flt or ArticleFilter()).where(
        PublicationRow.first_published_at.is_not(None),
        PublicationRow.slug.is_not(None),
        PublicationRow.withdrawn_at.is_(None),
        or_(PublicationRow.embargo_until.is_(None), PublicationRow.embargo_until <= now),
    )
    stmt = stmt.order_by(PublicationRow.first_published_at.desc(), ArticleRow.pk.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        LiveStory(uuid.UUID(r[0]), r[1], r[2], r[3], r[4], r[5], r[6])
        for r in session.execute(stmt)
    ]

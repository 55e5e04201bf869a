"""The stories of the outlet's site: every story readers may see now, with what its listings
need (the published headline, lead and thumbnail, the times, the section, keywords and the
officials tagged). The same rule as the related blocks (`publication.live_stories`): published,
not taken down, its embargo passed, not in the trash."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from editor_app.domain.site_plan import SiteStory
from editor_app.store.models import ArticleOfficialRow, ArticleRow, OfficialRow, PublicationRow


def site_stories(session: Session, now: datetime) -> list[SiteStory]:
    """The stories readers may see at `now`, first published newest first."""
    stmt = (
        select(
            ArticleRow.pk,
            ArticleRow.id,
            ArticleRow.section,
            ArticleRow.keywords,
            PublicationRow.slug,
            PublicationRow.first_published_at,
            PublicationRow.version_at,
            PublicationRow.headline,
            PublicationRow.sapo,
            PublicationRow.thumbnail,
        )
        .join(PublicationRow, PublicationRow.article_pk == ArticleRow.pk)
        .where(
            ArticleRow.trashed_at.is_(None),
            PublicationRow.first_published_at.is_not(None),
            PublicationRow.slug.is_not(None),
            PublicationRow.withdrawn_at.is_(None),
            or_(PublicationRow.embargo_until.is_(None), PublicationRow.embargo_until <= now),
        )
        .order_by(PublicationRow.first_published_at.desc(), ArticleRow.pk.desc())
    )
    rows = session.execute(stmt).all()
    officials: dict[int, list[str]] = {}
    tagged = (
        select(ArticleOfficialRow.article_pk, OfficialRow.full_name)
        .join(OfficialRow, OfficialRow.id == ArticleOfficialRow.official_id)
        .order_by(ArticleOfficialRow.article_pk, ArticleOfficialRow.position)
    )
    for pk, name in session.execute(tagged):
        officials.setdefault(pk, []).append(name)
    return [
        SiteStory(
            id=uuid.UUID(r.id),
            slug=r.slug,
            section=r.section,
            first_published_at=r.first_published_at,
            version_at=r.version_at or r.first_published_at,
            headline=r.headline,
            sapo=r.sapo,
            thumbnail=r.thumbnail,
            keywords=tuple(r.keywords or ()),
            officials=tuple(officials.get(r.pk, ())),
        )
        for r in rows
    ]

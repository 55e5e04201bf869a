"""A story brought in whole (`services.story_import`: a received package, a sync) written in
Core statements, beside the unit of work of `articles.add_article`: one INSERT for the row,
one for its photos, one for its officials, and nothing left in the session."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from editor_app.domain.article import Article
from editor_app.store.models import ArticleOfficialRow, ArticleRow, PhotoRow
from editor_app.store.repo.articles import photo_values

__all__ = ["insert_article"]


def insert_article(session: Session, article: Article) -> int:
    """`add_article` in Core statements (no unit of work: one INSERT for the row, one for its
    photos, one for its officials), for a story brought in whole (`services.story_import`);
    returns its pk. Nothing of it is left in the session: it is read back when needed."""
    session.flush()  # the officials it is tagged with, added by the ORM
    conn = session.connection()  # Core, not the ORM's bulk path: a third of the time
    values = {c: getattr(article, c) for c in _PLAIN_COLUMNS}
    values.update(
        id=str(article.id),
        secondary_sections=list(article.secondary_sections),
        keywords=list(article.keywords),
        status=article.status.value,
        search_dirty=True,
    )
    pk = conn.execute(_INSERT_ARTICLE, values).scalar_one()
    for i, p in enumerate(article.photos):
        p.position = i
    if article.photos:
        conn.execute(_INSERT_PHOTOS, [photo_values(pk, p) for p in article.photos])
    if article.official_ids:
        conn.execute(
            _INSERT_OFFICIALS,
            [
                {"article_pk": pk, "official_id": str(oid), "position": i}
                for i, oid in enumerate(article.official_ids)
            ],
        )
    return int(pk)


_ARTICLES = cast(Table, ArticleRow.__table__)
_PHOTOS = cast(Table, PhotoRow.__table__)
_OFFICIALS = cast(Table, ArticleOfficialRow.__table__)
# Built once, run with their parameters: SQLAlchemy's work per statement built is most of the
# cost of these inserts.
_INSERT_ARTICLE = insert(_ARTICLES).returning(_ARTICLES.c.pk)
_INSERT_PHOTOS = insert(_PHOTOS)
_INSERT_OFFICIALS = insert(_OFFICIALS)
_PLAIN_COLUMNS = (
    "headline",
    "sapo",
    "body",
    "section",
    "byline",
    "location",
    "event_date",
    "created_at",
    "updated_at",
    "trashed_at",
)

"""The page's related blocks: "Tin cùng chuyên mục" and "Có thể bạn quan tâm".

They list only stories readers may see (published, not taken down, their embargo passed, not in
the trash), as they were published: the headline and lead of their current published version,
the address they were published at and their featured thumbnail in their own bundle. A draft,
a story waiting for review, or a published story's unpublished edits never show.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from editor_app.domain.article import Article
from editor_app.domain.listing import ArticleFilter
from editor_app.domain.publication import LiveStory
from editor_app.render.context import RelatedStory, SiteSettings
from editor_app.store.database import Database
from editor_app.store.repo import publication as prepo

#: How many stories each block lists.
RELATED_COUNT = 5


class RelatedStories:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _live(self, flt: ArticleFilter, now: datetime) -> list[LiveStory]:
        with self._db.read() as s:
            return prepo.live_stories(s, now, flt)

    def same_section(self, article: Article, now: datetime) -> list[LiveStory]:
        """Up to 5 other stories of the same primary section, first published newest first."""
        if not article.section:
            return []
        rows = [
            r
            for r in self._live(ArticleFilter(section=article.section), now)
            if r.id != article.id and r.section == article.section and r.headline.strip()
        ]
        return rows[:RELATED_COUNT]

    def may_interest(
        self, article: Article, now: datetime, exclude: set[uuid.UUID] | None = None
    ) -> list[LiveStory]:
        """Up to 5 stories sharing officials or keywords: most shared first, then newest."""
        shared: dict[uuid.UUID, int] = {}
        found: dict[uuid.UUID, LiveStory] = {}
        filters = [ArticleFilter(official_id=i) for i in article.official_ids]
        filters += [ArticleFilter(keyword=k) for k in article.keywords]
        for flt in filters:
            for row in self._live(flt, now):
                if row.id == article.id or not row.headline.strip():
                    continue
                if exclude and row.id in exclude:
                    continue
                shared[row.id] = shared.get(row.id, 0) + 1
                found[row.id] = row
        rows = sorted(
            found.values(),
            key=lambda r: (shared[r.id], r.first_published_at, str(r.id)),
            reverse=True,
        )
        return rows[:RELATED_COUNT]


def related(site: SiteSettings, rows: list[LiveStory]) -> tuple[RelatedStory, ...]:
    """The blocks' entries: the published address (`<base_url>/<slug>/`), the lead, and the
    thumbnail in the story's own bundle."""
    out: list[RelatedStory] = []
    for r in rows:
        url = f"{site.base_url}/{r.slug}/"
        image = url + r.thumbnail if r.thumbnail else None
        out.append(RelatedStory(r.headline, url, r.sapo.strip(), image))
    return tuple(out)

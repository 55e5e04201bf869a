"""The full-text index kept up to date and searched, through a Session (the SQL is in
store/sqlite.py)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from editor_app.domain.listing import SearchHit
from editor_app.store import sqlite
from editor_app.store.models import ArticleRow, OfficialRow


def _search_doc(row: ArticleRow, names: dict[str, str]) -> dict[str, str]:
    return {
        "headline": row.headline,
        "sapo": row.sapo,
        "body": row.body,
        "captions": "\n".join(p.caption for p in row.photos if p.caption),
        "officials": "\n".join(names.get(o.official_id, "") for o in row.officials),
        "keywords": "\n".join(row.keywords or []),
    }


def reindex_dirty(session: Session, batch: int = 500) -> int:
    """Brings the full-text index up to date; returns how many articles were indexed."""
    total = 0
    names = {
        r.id: " ".join([r.full_name, *(r.aliases or [])])
        for r in session.scalars(select(OfficialRow))
    }
    while True:
        rows = list(
            session.scalars(
                select(ArticleRow).where(ArticleRow.search_dirty.is_(True)).limit(batch)
            )
        )
        if not rows:
            return total
        sqlite.fts_replace(session.connection(), ((r.pk, _search_doc(r, names)) for r in rows))
        session.execute(
            update(ArticleRow)
            .where(ArticleRow.pk.in_([r.pk for r in rows]))
            .values(search_dirty=False)
            .execution_options(synchronize_session=False)
        )
        for r in rows:
            session.expire(r)
        total += len(rows)


def search(
    session: Session,
    query: str,
    limit: int = 20,
    include_trashed: bool = False,
    prefix: bool = False,
) -> list[SearchHit]:
    match = sqlite.build_match_query(query, prefix_last=prefix)
    if match is None or limit <= 0:
        return []
    where = "" if include_trashed else "AND a.trashed_at IS NULL"
    rows = sqlite.fts_search(session.connection(), match, limit, where)
    if not rows:
        return []
    found = {
        pk: (aid, headline)
        for pk, aid, headline in session.execute(
            select(ArticleRow.pk, ArticleRow.id, ArticleRow.headline).where(
                ArticleRow.pk.in_([r.pk for r in rows])
            )
        )
    }
    return [
        SearchHit(uuid.UUID(found[r.pk][0]), found[r.pk][1], r.snippet, r.rank)
        for r in rows
        if r.pk in found
    ]


def event_dates(session: Session) -> dict[uuid.UUID, date | None]:
    return {
        uuid.UUID(i): d for i, d in session.execute(select(ArticleRow.id, ArticleRow.event_date))
    }

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


def _official_names(session: Session) -> dict[str, str]:
    """Each official's id and the names a story may be found by."""
    return {
        r.id: " ".join([r.full_name, *(r.aliases or [])])
        for r in session.scalars(select(OfficialRow))
    }


def reindex_dirty(session: Session, batch: int = 500) -> int:
    """Brings the full-text index up to date; returns how many articles were indexed."""
    total = 0
    names = _official_names(session)
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
    *,
    unindexed: bool = False,
) -> list[SearchHit]:
    """`unindexed`: for a reader, which cannot bring the index up to date first: the stories
    changed since it was (`search_dirty`) are searched in their current text too."""
    match = sqlite.build_match_query(query, prefix_last=prefix)
    if match is None or limit <= 0:
        return []
    where = "" if include_trashed else "AND a.trashed_at IS NULL"
    if unindexed:
        rows = _search_with_unindexed(session, match, limit, where, include_trashed)
    else:
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


def _search_with_unindexed(
    session: Session, match: str, limit: int, where: str, include_trashed: bool
) -> list[sqlite.SearchRow]:
    """The index for the stories it holds up to date; the others (changed since the last
    indexing: a few, unless the officials were renamed) in a private index of their current
    text, built for this search. The two lists merged by rank (their word statistics differ
    a little, so the order between them is close to a writer's, not always the same)."""
    dirty = select(ArticleRow).where(ArticleRow.search_dirty.is_(True))
    if not include_trashed:
        dirty = dirty.where(ArticleRow.trashed_at.is_(None))
    changed = list(session.scalars(dirty))
    indexed = sqlite.fts_search(
        session.connection(), match, limit, f"{where} AND a.search_dirty = 0"
    )
    if not changed:
        return indexed
    names = _official_names(session)
    fresh = sqlite.fts_search_unindexed(
        ((r.pk, _search_doc(r, names)) for r in changed), match, limit
    )
    return sorted([*indexed, *fresh], key=lambda r: r.rank)[:limit]


def event_dates(session: Session) -> dict[uuid.UUID, date | None]:
    return {
        uuid.UUID(i): d for i, d in session.execute(select(ArticleRow.id, ArticleRow.event_date))
    }

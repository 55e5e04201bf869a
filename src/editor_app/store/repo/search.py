"""The full-text index kept up to date and searched, through a Session: the SQL is the desk's
in store/sqlite.py (FTS5), the server's in store/pg_search.py (PostgreSQL), chosen by the
session's dialect."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from editor_app.domain.listing import SearchHit
from editor_app.store import pg_search, sqlite
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


def _official_names(session: Session, ids: Collection[str] | None = None) -> dict[str, str]:
    """Each official's id and the names a story may be found by (of those `ids` only, when
    given); the columns alone, never the titles."""
    stmt = select(OfficialRow.id, OfficialRow.full_name, OfficialRow.aliases)
    if ids is not None:
        stmt = stmt.where(OfficialRow.id.in_(list(ids)))
    return {
        str(oid): " ".join([full_name, *(aliases or [])])
        for oid, full_name, aliases in session.execute(stmt)
    }


def on_server(session: Session) -> bool:
    """True on the newsroom server's PostgreSQL, False on a desk's SQLite."""
    return session.get_bind().dialect.name == "postgresql"


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
        docs = ((r.pk, _search_doc(r, names)) for r in rows)
        if on_server(session):
            pg_search.replace(session.connection(), docs)
        else:
            sqlite.fts_replace(session.connection(), docs)
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
    changed since it was (`search_dirty`) are searched in their current text too (a desk's
    only: the server is never opened read-only)."""
    if on_server(session):
        return _server_search(session, query, limit, include_trashed, prefix)
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


def _server_search(
    session: Session, query: str, limit: int, include_trashed: bool, prefix: bool
) -> list[SearchHit]:
    match = pg_search.build_query(query, prefix_last=prefix)
    if match is None or limit <= 0:
        return []
    where = "" if include_trashed else "AND a.trashed_at IS NULL"
    rows = pg_search.search(session.connection(), match, limit, where)
    if not rows:
        return []
    found = {
        r.pk: r
        for r in session.scalars(select(ArticleRow).where(ArticleRow.pk.in_([r.pk for r in rows])))
    }
    names = _official_names(session, {o.official_id for a in found.values() for o in a.officials})
    return [
        SearchHit(
            uuid.UUID(found[r.pk].id),
            found[r.pk].headline,
            pg_search.snippet(_search_doc(found[r.pk], names), query, prefix),
            r.rank,
        )
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

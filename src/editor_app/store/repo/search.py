"""The full-text index kept up to date and searched, through a Session: the SQL is the desk's
in store/sqlite.py (FTS5), the server's in store/pg_search.py (PostgreSQL), chosen by the
session's dialect."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from editor_app.domain.bylines import byline_names
from editor_app.domain.listing import SearchHit
from editor_app.domain.snippets import snippet
from editor_app.store import pg_search, pg_tsquery, sqlite
from editor_app.store.models import ArticleOfficialRow, ArticleRow, OfficialRow, PhotoRow


def _search_doc(row: ArticleRow, names: dict[str, str]) -> dict[str, str]:
    return {
        "headline": row.headline,
        "sapo": row.sapo,
        "body": row.body,
        "captions": "\n".join(p.caption for p in row.photos if p.caption),
        # The people: the officials tagged, then everyone of the byline (domain/bylines.py).
        "officials": "\n".join(
            [*(names.get(o.official_id, "") for o in row.officials), *byline_names(row.byline)]
        ),
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
    bulk = (
        on_server(session)
        and (
            session.scalar(
                select(func.count())
                .select_from(ArticleRow)
                .where(ArticleRow.search_dirty.is_(True))
            )
            or 0
        )
        >= pg_search.BULK_REINDEX
    )
    if bulk:
        pg_search.drop_pairs_index(session.connection())
    total = _reindex(session, batch)
    if bulk:
        pg_search.create_pairs_index(session.connection())
    return total


def _reindex(session: Session, batch: int) -> int:
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
    match = pg_tsquery.build_query(query, prefix_last=prefix)
    if match is None or limit <= 0:
        return []
    where = "" if include_trashed else "AND a.trashed_at IS NULL"
    rows = pg_search.search(session.connection(), match, limit, where)
    if not rows:
        return []
    found = _snippets(session, [r.pk for r in rows], query, prefix)
    return [
        SearchHit(uuid.UUID(found[r.pk][0]), found[r.pk][1], found[r.pk][2], r.rank)
        for r in rows
        if r.pk in found
    ]


def _snippets(
    session: Session, pks: list[int], query: str, prefix: bool
) -> dict[int, tuple[str, str, str]]:
    """(id, headline, snippet) of each hit, from the columns a snippet needs: the text fields
    first; captions and officials' names only for hits holding no word of the query in those."""
    columns = (ArticleRow.headline, ArticleRow.sapo, ArticleRow.body, ArticleRow.keywords)
    found: dict[int, tuple[str, str, str]] = {}
    docs: dict[int, dict[str, str]] = {}
    stmt = select(ArticleRow.pk, ArticleRow.id, *columns).where(ArticleRow.pk.in_(pks))
    for pk, aid, headline, sapo, body, keywords in session.execute(stmt):
        doc = {"headline": headline, "sapo": sapo, "body": body}
        found[pk] = (aid, headline, snippet(doc, query, prefix))
        docs[pk] = {**doc, "keywords": "\n".join(keywords or [])}
    rest = [pk for pk, (_, _, cut) in found.items() if not cut]
    if rest:
        for pk, more in _captions_and_officials(session, rest).items():
            aid, headline, _ = found[pk]
            found[pk] = (aid, headline, snippet({**docs[pk], **more}, query, prefix))
    return found


def _captions_and_officials(session: Session, pks: list[int]) -> dict[int, dict[str, str]]:
    """The `captions` and `officials` fields of `_search_doc` for these articles, from their
    columns alone."""
    captions: dict[int, list[str]] = {pk: [] for pk in pks}
    for pk, caption in session.execute(
        select(PhotoRow.article_pk, PhotoRow.caption)
        .where(PhotoRow.article_pk.in_(pks))
        .order_by(PhotoRow.article_pk, PhotoRow.position)
    ):
        if caption:
            captions[pk].append(caption)
    linked: dict[int, list[str]] = {pk: [] for pk in pks}
    for pk, official_id in session.execute(
        select(ArticleOfficialRow.article_pk, ArticleOfficialRow.official_id)
        .where(ArticleOfficialRow.article_pk.in_(pks))
        .order_by(ArticleOfficialRow.article_pk, ArticleOfficialRow.position)
    ):
        linked[pk].append(official_id)
    names = _official_names(session, {o for ids in linked.values() for o in ids})
    bylines: dict[int, str] = {
        pk: byline
        for pk, byline in session.execute(
            select(ArticleRow.pk, ArticleRow.byline).where(ArticleRow.pk.in_(pks))
        )
    }
    return {
        pk: {
            "captions": "\n".join(captions[pk]),
            "officials": "\n".join(
                [*(names.get(o, "") for o in linked[pk]), *byline_names(bylines.get(pk, ""))]
            ),
        }
        for pk in pks
    }


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

"""The officials directory read and written one official at a time through a Session (whole
imports go through officials_bulk.py)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from editor_app.domain.article import utcnow
from editor_app.domain.collation import sort_key
from editor_app.domain.errors import NotFound
from editor_app.domain.officials.people import Official, Title
from editor_app.store.models import ArticleOfficialRow, ArticleRow, OfficialRow, OfficialTitleRow
from editor_app.store.repo.articles import article_row


def _official_from_row(r: OfficialRow) -> Official:
    return Official(
        id=uuid.UUID(r.id),
        full_name=r.full_name,
        organization=r.organization,
        aliases=list(r.aliases or []),
        retired=r.retired,
        titles=[Title(t.text, t.start, t.end) for t in r.titles],
    )


def upsert_official(session: Session, official: Official) -> bool:
    """Adds or replaces an official (by id); True when it was new."""
    row = session.get(OfficialRow, str(official.id))
    new = row is None
    if row is None:
        row = OfficialRow(id=str(official.id))
        session.add(row)
    row.full_name = official.full_name
    row.organization = official.organization
    row.aliases = list(official.aliases)
    row.retired = official.retired
    row.titles = [
        OfficialTitleRow(position=i, text=t.text, start=t.start, end=t.end)
        for i, t in enumerate(official.titles)
    ]
    session.flush()
    return new


def list_officials(session: Session, include_retired: bool = True) -> list[Official]:
    """In Vietnamese alphabetical order (`domain.collation`: D, then Đ), not SQLite's."""
    stmt = select(OfficialRow)
    if not include_retired:
        stmt = stmt.where(OfficialRow.retired.is_(False))
    found = [_official_from_row(r) for r in session.scalars(stmt)]
    return sorted(found, key=lambda o: sort_key(o.full_name))


def get_official(session: Session, official_id: uuid.UUID) -> Official:
    row = session.get(OfficialRow, str(official_id))
    if row is None:
        raise NotFound(f"Không tìm thấy người {official_id}.")
    return _official_from_row(row)


def set_article_officials(
    session: Session, article_id: uuid.UUID, official_ids: Sequence[uuid.UUID]
) -> None:
    row = article_row(session, article_id)
    session.execute(delete(ArticleOfficialRow).where(ArticleOfficialRow.article_pk == row.pk))
    for i, oid in enumerate(dict.fromkeys(official_ids)):
        session.add(ArticleOfficialRow(article_pk=row.pk, official_id=str(oid), position=i))
    row.updated_at = utcnow()
    row.search_dirty = True
    session.flush()
    session.expire(row, ["officials"])


def set_official_retired(session: Session, official_id: uuid.UUID, retired: bool) -> None:
    row = session.get(OfficialRow, str(official_id))
    if row is None:
        raise NotFound(f"Không tìm thấy người {official_id}.")
    row.retired = retired
    session.flush()


def official_tag_counts(session: Session) -> dict[uuid.UUID, int]:
    """How many stories each official is tagged in (those with none are left out)."""
    stmt = select(ArticleOfficialRow.official_id, func.count()).group_by(
        ArticleOfficialRow.official_id
    )
    return {uuid.UUID(oid): int(n) for oid, n in session.execute(stmt)}


def mark_official_articles_dirty(session: Session, official_id: uuid.UUID) -> None:
    """The stories tagged with an official are indexed again (its name may have changed)."""
    tagged = select(ArticleOfficialRow.article_pk).where(
        ArticleOfficialRow.official_id == str(official_id)
    )
    session.execute(
        update(ArticleRow)
        .where(ArticleRow.pk.in_(tagged))
        .values(search_dirty=True)
        .execution_options(synchronize_session=False)
    )


def merge_officials(session: Session, keep: Official, drop_id: uuid.UUID) -> list[uuid.UUID]:
    """Saves `keep`, moves the stories tagged with `drop_id` to it (each story once, in its
    place), deletes `drop_id`; returns the ids of the stories that were re-tagged."""
    drop = session.get(OfficialRow, str(drop_id))
    if drop is None:
        raise NotFound(f"Không tìm thấy người {drop_id}.")
    upsert_official(session, keep)
    keep_id, dropped = str(keep.id), str(drop_id)
    moved = select(ArticleOfficialRow.article_pk).where(ArticleOfficialRow.official_id == dropped)
    pks = list(session.scalars(moved))
    already = select(ArticleOfficialRow.article_pk).where(ArticleOfficialRow.official_id == keep_id)
    session.execute(
        delete(ArticleOfficialRow)
        .where(
            ArticleOfficialRow.official_id == dropped, ArticleOfficialRow.article_pk.in_(already)
        )
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(ArticleOfficialRow)
        .where(ArticleOfficialRow.official_id == dropped)
        .values(official_id=keep_id)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(ArticleRow)
        .where(ArticleRow.pk.in_(pks))
        .values(search_dirty=True)
        .execution_options(synchronize_session=False)
    )
    session.delete(drop)
    session.flush()
    session.expire_all()
    ids = session.scalars(select(ArticleRow.id).where(ArticleRow.pk.in_(pks)))
    return [uuid.UUID(i) for i in ids]

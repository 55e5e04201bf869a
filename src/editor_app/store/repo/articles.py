"""Stories read and written through a Session: the rows, the list and its filters, revisions.
The rest of the repository, by aggregate, is beside this module in `store/repo/`; the autosave's
field writes are `store/field_saves.py`. Nothing outside store/ writes SQL."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Select,
    TextClause,
    bindparam,
    func,
    select,
    text,
    true,
    update,
)
from sqlalchemy.orm import Session

from editor_app.domain.article import ARTICLE_FIELDS, Article, Photo, utcnow
from editor_app.domain.collation import sort_key
from editor_app.domain.errors import NotFound
from editor_app.domain.listing import ArticleFilter, ArticleSummary
from editor_app.domain.text import fold
from editor_app.domain.workflow import Role, Status, locked_statuses, read_only_error
from editor_app.store import sqlite
from editor_app.store.models import (
    ArticleOfficialRow,
    ArticleRow,
    PhotoRow,
    RevisionRow,
    UTCDateTime,
)

# Fields of an article that a plain edit may change (the autosave fast path).
EDITABLE_FIELDS = frozenset({*ARTICLE_FIELDS, "status"})


# --- articles ------------------------------------------------------------------------------------


def article_row(session: Session, article_id: uuid.UUID) -> ArticleRow:
    """The story's row (NotFound when there is none), for the store's other modules."""
    row = session.scalar(select(ArticleRow).where(ArticleRow.id == str(article_id)))
    if row is None:
        raise NotFound(f"Không tìm thấy bài viết {article_id}.")
    return row


def _focus(r: PhotoRow) -> tuple[float, float] | None:
    """The row's focal point; none unless both halves are stored and in range."""
    if r.focus_x is None or r.focus_y is None:
        return None
    x, y = float(r.focus_x), float(r.focus_y)
    return (x, y) if 0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 else None


def photo_from_row(r: PhotoRow) -> Photo:
    """A photo row as the domain reads it (NFC, trimmed)."""
    return Photo(
        id=uuid.UUID(r.id),
        sha256=r.sha256,
        filename=r.filename,
        format=r.format,
        width=r.width,
        height=r.height,
        size_bytes=r.size_bytes,
        caption=r.caption,
        credit=r.credit,
        alt_text=r.alt_text,
        position=r.position,
        featured=r.featured,
        taken_at=r.taken_at,
        camera=r.camera,
        focus=_focus(r),
    )


def photo_row(article_pk: int, p: Photo) -> PhotoRow:
    """A new row for a photo of the story `article_pk`."""
    return PhotoRow(**photo_values(article_pk, p))


def photo_values(article_pk: int, p: Photo) -> dict[str, Any]:
    """The columns of a photo's row (`photo_row`), for a Core INSERT."""
    return dict(
        id=str(p.id),
        article_pk=article_pk,
        sha256=p.sha256,
        filename=p.filename,
        format=p.format,
        width=p.width,
        height=p.height,
        size_bytes=p.size_bytes,
        caption=p.caption,
        credit=p.credit,
        alt_text=p.alt_text,
        position=p.position,
        featured=p.featured,
        taken_at=p.taken_at,
        camera=p.camera,
        focus_x=p.focus[0] if p.focus else None,
        focus_y=p.focus[1] if p.focus else None,
    )


def _article_from_row(row: ArticleRow) -> Article:
    return Article(
        id=uuid.UUID(row.id),
        headline=row.headline,
        sapo=row.sapo,
        body=row.body,
        section=row.section,
        secondary_sections=list(row.secondary_sections or []),
        keywords=list(row.keywords or []),
        byline=row.byline,
        location=row.location,
        event_date=row.event_date,
        status=Status(row.status),
        photos=[photo_from_row(p) for p in row.photos],
        official_ids=[uuid.UUID(o.official_id) for o in row.officials],
        created_at=row.created_at,
        updated_at=row.updated_at,
        trashed_at=row.trashed_at,
    )


def add_article(session: Session, article: Article) -> None:
    row = ArticleRow(
        id=str(article.id),
        headline=article.headline,
        sapo=article.sapo,
        body=article.body,
        section=article.section,
        secondary_sections=list(article.secondary_sections),
        keywords=list(article.keywords),
        byline=article.byline,
        location=article.location,
        event_date=article.event_date,
        status=article.status.value,
        created_at=article.created_at,
        updated_at=article.updated_at,
        trashed_at=article.trashed_at,
        search_dirty=True,
    )
    session.add(row)
    session.flush()
    for i, p in enumerate(article.photos):
        p.position = i
        session.add(photo_row(row.pk, p))
    for i, oid in enumerate(article.official_ids):
        session.add(ArticleOfficialRow(article_pk=row.pk, official_id=str(oid), position=i))
    session.flush()


def get_article(session: Session, article_id: uuid.UUID) -> Article:
    return _article_from_row(article_row(session, article_id))


TEXT_COLUMNS = frozenset({"headline", "sapo", "body", "byline", "location"})


@lru_cache(maxsize=64)
def _text_update(columns: tuple[str, ...], locked: tuple[str, ...] = ()) -> TextClause:
    """A prepared UPDATE for a set of text columns (the autosave's usual case); `locked`
    statuses are left untouched (the role may not edit them)."""
    sets = ", ".join(f"{c} = :{c}" for c in columns)
    guard = f" AND status NOT IN ({', '.join(repr(s) for s in locked)})" if locked else ""
    return text(
        f"UPDATE articles SET {sets}, updated_at = :updated_at, search_dirty = :dirty "
        f"WHERE id = :id{guard}"
    ).bindparams(
        bindparam("updated_at", type_=UTCDateTime()),
        bindparam("dirty", type_=Boolean()),
    )


def update_article_fields(
    session: Session | Connection,
    article_id: uuid.UUID,
    fields: dict[str, Any],
    when: datetime | None = None,
    locked_for: Role | None = None,
) -> datetime:
    """The autosave fast path: one UPDATE of the changed columns; the index catches up later.

    With `locked_for`, a story in a status that role may not edit is refused (`ReadOnly`) by
    the same UPDATE's WHERE clause: no extra query on the typing path."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    locked = tuple(s.value for s in locked_statuses(locked_for)) if locked_for else ()
    if fields and set(fields) <= TEXT_COLUMNS:
        when = when or utcnow()
        columns = tuple(sorted(fields))
        result = session.execute(
            _text_update(columns, locked),
            {**fields, "updated_at": when, "dirty": True, "id": str(article_id)},
        )
        if getattr(result, "rowcount", 1) == 0:
            _refused(session, article_id, locked_for)
        return when
    values = dict(fields)
    if "status" in values:
        values["status"] = Status(values["status"]).value
    when = when or utcnow()
    values["updated_at"] = when
    values["search_dirty"] = True
    stmt = update(ArticleRow).where(ArticleRow.id == str(article_id))
    if locked:
        stmt = stmt.where(ArticleRow.status.not_in(locked))
    result = session.execute(stmt.values(**values))
    if getattr(result, "rowcount", 1) == 0:
        _refused(session, article_id, locked_for)
    return when


def _refused(session: Session | Connection, article_id: uuid.UUID, role: Role | None) -> None:
    """Why an UPDATE of one article touched no row: it is gone, or locked for `role`."""
    status = session.execute(
        select(ArticleRow.status).where(ArticleRow.id == str(article_id))
    ).scalar()
    if status is None or role is None:
        raise NotFound(f"Không tìm thấy bài viết {article_id}.")
    raise read_only_error(Status(status), role)


def touch(session: Session, article_id: uuid.UUID) -> datetime:
    return update_article_fields(session, article_id, {})


def set_trashed(session: Session, article_id: uuid.UUID, trashed: bool) -> None:
    row = article_row(session, article_id)
    row.trashed_at = utcnow() if trashed else None
    row.updated_at = utcnow()


def delete_article(session: Session, article_id: uuid.UUID) -> list[str]:
    """Deletes for good; returns the photo hashes it used (the caller frees unused originals)."""
    row = article_row(session, article_id)
    hashes = [p.sha256 for p in row.photos]
    if session.get_bind().dialect.name == "sqlite":  # the server's index row goes with the article
        sqlite.fts_delete(session.connection(), row.pk)
    session.delete(row)
    session.flush()
    return hashes


def photo_hash_in_use(session: Session, sha256: str) -> bool:
    return session.scalar(select(func.count()).where(PhotoRow.sha256 == sha256)) != 0


def _filtered(stmt: Select[Any], flt: ArticleFilter) -> Select[Any]:
    stmt = stmt.where(
        ArticleRow.trashed_at.is_not(None) if flt.trashed else ArticleRow.trashed_at.is_(None)
    )
    if flt.status is not None:
        stmt = stmt.where(ArticleRow.status == flt.status.value)
    if flt.section:
        stmt = stmt.where(
            (ArticleRow.section == flt.section) | ArticleRow.section.like(flt.section + "/%")
        )
    if flt.official_id is not None:
        stmt = stmt.where(
            ArticleRow.pk.in_(
                select(ArticleOfficialRow.article_pk).where(
                    ArticleOfficialRow.official_id == str(flt.official_id)
                )
            )
        )
    if flt.author:
        stmt = stmt.where(ArticleRow.byline.contains(flt.author, autoescape=True))
    if flt.keyword:
        stmt = stmt.where(func.editor_has_keyword(ArticleRow.keywords, fold(flt.keyword)) == 1)
    return stmt


def filtered_articles(stmt: Select[Any], flt: ArticleFilter) -> Select[Any]:
    """`stmt` (a select over articles) narrowed to the stories `flt` asks for."""
    return _filtered(stmt, flt)


def article_ids(session: Session, flt: ArticleFilter | None = None) -> list[uuid.UUID]:
    """Ids only, newest change first: the story list's first, cheap query (it reads the
    covering index ix_articles_list, never the rows)."""
    stmt = _filtered(select(ArticleRow.id), flt or ArticleFilter()).order_by(
        ArticleRow.updated_at.desc(), ArticleRow.pk.desc()
    )
    return [uuid.UUID(i) for i in session.scalars(stmt)]


def summaries(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, ArticleSummary]:
    """The rows for the ids the list is about to draw."""
    if not ids:
        return {}
    photo_count = (
        select(func.count(PhotoRow.id))
        .where(PhotoRow.article_pk == ArticleRow.pk)
        .scalar_subquery()
    )
    stmt = select(
        ArticleRow.id,
        ArticleRow.headline,
        ArticleRow.section,
        ArticleRow.status,
        ArticleRow.updated_at,
        ArticleRow.trashed_at,
        photo_count,
    ).where(ArticleRow.id.in_([str(i) for i in ids]))
    out: dict[uuid.UUID, ArticleSummary] = {}
    for r in session.execute(stmt):
        aid = uuid.UUID(r[0])
        out[aid] = ArticleSummary(aid, r[1], r[2], Status(r[3]), r[4], r[5] is not None, r[6])
    return out


def list_articles(session: Session, flt: ArticleFilter | None = None) -> list[ArticleSummary]:
    ids = article_ids(session, flt)
    rows = summaries(session, ids)
    return [rows[i] for i in ids if i in rows]


def used_bylines(session: Session) -> list[str]:
    """Every byline text in use (stories not in the trash), once."""
    stmt = (
        select(ArticleRow.byline)
        .where(ArticleRow.trashed_at.is_(None), ArticleRow.byline != "")
        .distinct()
    )
    return list(session.scalars(stmt))


def used_keywords(session: Session) -> list[str]:
    """Every keyword in use, once (the first spelling met of each folded form), in Vietnamese
    alphabetical order (`domain.collation`).

    SQLite lists them (json_each, DISTINCT): the stories' JSON is never decoded in Python, so
    this costs a few milliseconds with 10,000 stories instead of a tenth of a second."""
    each = func.json_each(ArticleRow.keywords).table_valued("value", "type")
    stmt = (
        select(each.c.value)
        .select_from(ArticleRow)
        .join(each, true())
        .where(each.c.type == "text")
        .distinct()
    )
    seen: dict[str, str] = {}
    for k in session.scalars(stmt):
        seen.setdefault(fold(k), k)
    return sorted(seen.values(), key=sort_key)


# --- revisions -----------------------------------------------------------------------------------


def add_revision(
    session: Session,
    article_id: uuid.UUID,
    snapshot: dict[str, Any],
    author: str = "",
    kind: str = "save",
    reason: str = "",
) -> uuid.UUID:
    row = article_row(session, article_id)
    rid = uuid.uuid4()
    session.add(
        RevisionRow(
            id=str(rid),
            article_pk=row.pk,
            created_at=utcnow(),
            author=author,
            kind=kind,
            reason=reason,
            snapshot=snapshot,
        )
    )
    return rid


def revision_count(session: Session, article_id: uuid.UUID) -> int:
    row = article_row(session, article_id)
    return int(session.scalar(select(func.count()).where(RevisionRow.article_pk == row.pk)) or 0)

"""Reads and writes domain objects through a Session. Nothing outside store/ writes SQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Select,
    TextClause,
    bindparam,
    delete,
    func,
    select,
    text,
    true,
    update,
)
from sqlalchemy.orm import Session

from editor_app.domain.article import ARTICLE_FIELDS, Article, Photo, utcnow
from editor_app.domain.errors import NotFound
from editor_app.domain.listing import ArticleFilter, ArticleSummary, SearchHit
from editor_app.domain.people import Official, Title
from editor_app.domain.section import Section
from editor_app.domain.text import fold
from editor_app.domain.workflow import Role, Status, locked_statuses, read_only_error
from editor_app.store import sqlite
from editor_app.store.models import (
    ArticleOfficialRow,
    ArticleRow,
    OfficialRow,
    OfficialTitleRow,
    PhotoRow,
    RevisionRow,
    SectionRow,
    UTCDateTime,
)

# Fields of an article that a plain edit may change (the autosave fast path).
EDITABLE_FIELDS = frozenset({*ARTICLE_FIELDS, "status"})


# --- articles ------------------------------------------------------------------------------------


def _article_row(session: Session, article_id: uuid.UUID) -> ArticleRow:
    row = session.scalar(select(ArticleRow).where(ArticleRow.id == str(article_id)))
    if row is None:
        raise NotFound(f"Không tìm thấy bài viết {article_id}.")
    return row


def _photo_from_row(r: PhotoRow) -> Photo:
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
        photos=[_photo_from_row(p) for p in row.photos],
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
        session.add(_photo_row(row.pk, p))
    for i, oid in enumerate(article.official_ids):
        session.add(ArticleOfficialRow(article_pk=row.pk, official_id=str(oid), position=i))
    session.flush()


def get_article(session: Session, article_id: uuid.UUID) -> Article:
    return _article_from_row(_article_row(session, article_id))


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
    row = _article_row(session, article_id)
    row.trashed_at = utcnow() if trashed else None
    row.updated_at = utcnow()


def delete_article(session: Session, article_id: uuid.UUID) -> list[str]:
    """Deletes for good; returns the photo hashes it used (the caller frees unused originals)."""
    row = _article_row(session, article_id)
    hashes = [p.sha256 for p in row.photos]
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


def used_keywords(session: Session) -> list[str]:
    """Every keyword in use, once (the first spelling met of each folded form), sorted folded.

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
    return sorted(seen.values(), key=fold)


# --- photos --------------------------------------------------------------------------------------


def _photo_row(article_pk: int, p: Photo) -> PhotoRow:
    return PhotoRow(
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
    )


def add_photo(session: Session, article_id: uuid.UUID, photo: Photo) -> Photo:
    row = _article_row(session, article_id)
    photo.position = len(row.photos)
    if photo.featured:
        for other in row.photos:
            other.featured = False
    row.photos.append(_photo_row(row.pk, photo))
    row.updated_at = utcnow()
    row.search_dirty = True
    session.flush()
    return photo


PHOTO_FIELDS = frozenset({"caption", "credit", "alt_text", "featured"})


def update_photo(session: Session, photo_id: uuid.UUID, fields: dict[str, Any]) -> uuid.UUID:
    """Changes caption/credit/alt/featured; returns the article's id. Nothing is written
    (the story keeps its `updated_at`) when every field already holds its value, as the app
    reads it (`domain.article.Photo`: NFC, trimmed)."""
    unknown = set(fields) - PHOTO_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    row = session.get(PhotoRow, str(photo_id))
    if row is None:
        raise NotFound(f"Không tìm thấy ảnh {photo_id}.")
    read = _photo_from_row(row)
    if all(getattr(read, k) == v for k, v in fields.items()):
        return uuid.UUID(row.article.id)
    if fields.get("featured"):
        session.execute(
            update(PhotoRow).where(PhotoRow.article_pk == row.article_pk).values(featured=False)
        )
    for k, v in fields.items():
        setattr(row, k, v)
    row.article.updated_at = utcnow()
    row.article.search_dirty = True
    return uuid.UUID(row.article.id)


def remove_photo(session: Session, photo_id: uuid.UUID) -> tuple[uuid.UUID, Photo]:
    row = session.get(PhotoRow, str(photo_id))
    if row is None:
        raise NotFound(f"Không tìm thấy ảnh {photo_id}.")
    article = row.article
    photo = _photo_from_row(row)
    article.photos.remove(row)
    for i, p in enumerate(article.photos):
        p.position = i
    article.updated_at = utcnow()
    article.search_dirty = True
    session.flush()
    return uuid.UUID(article.id), photo


def reorder_photos(session: Session, article_id: uuid.UUID, order: Sequence[uuid.UUID]) -> None:
    row = _article_row(session, article_id)
    by_id = {p.id: p for p in row.photos}
    if set(by_id) != {str(i) for i in order}:
        raise ValueError("the new order must name each photo of the article once")
    for i, pid in enumerate(order):
        by_id[str(pid)].position = i
    row.updated_at = utcnow()


# --- officials and sections ----------------------------------------------------------------------


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
    stmt = select(OfficialRow).order_by(OfficialRow.full_name)
    if not include_retired:
        stmt = stmt.where(OfficialRow.retired.is_(False))
    return [_official_from_row(r) for r in session.scalars(stmt)]


def get_official(session: Session, official_id: uuid.UUID) -> Official:
    row = session.get(OfficialRow, str(official_id))
    if row is None:
        raise NotFound(f"Không tìm thấy người {official_id}.")
    return _official_from_row(row)


def set_article_officials(
    session: Session, article_id: uuid.UUID, official_ids: Sequence[uuid.UUID]
) -> None:
    row = _article_row(session, article_id)
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


def photo_article_id(session: Session, photo_id: uuid.UUID) -> uuid.UUID:
    row = session.get(PhotoRow, str(photo_id))
    if row is None:
        raise NotFound(f"Không tìm thấy ảnh {photo_id}.")
    return uuid.UUID(row.article.id)


def replace_sections(session: Session, sections: Iterable[Section]) -> int:
    session.execute(delete(SectionRow))
    n = 0
    for i, s in enumerate(sections):
        session.add(SectionRow(path=s.path, position=i))
        n += 1
    session.flush()
    return n


def list_sections(session: Session) -> list[Section]:
    return [
        Section(p) for p in session.scalars(select(SectionRow.path).order_by(SectionRow.position))
    ]


# --- revisions -----------------------------------------------------------------------------------


def add_revision(
    session: Session,
    article_id: uuid.UUID,
    snapshot: dict[str, Any],
    author: str = "",
    kind: str = "save",
    reason: str = "",
) -> uuid.UUID:
    row = _article_row(session, article_id)
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
    row = _article_row(session, article_id)
    return int(session.scalar(select(func.count()).where(RevisionRow.article_pk == row.pk)) or 0)


# --- search --------------------------------------------------------------------------------------


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

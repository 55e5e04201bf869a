"""Revisions (with the author's role), review comments and hand-off conflicts in the database.

Times are UTC. Revisions are listed newest first unless said otherwise.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, delete, func, insert, select
from sqlalchemy.orm import Session

from editor_app.domain.article import utcnow
from editor_app.domain.errors import NotFound, ValidationError
from editor_app.domain.review import Anchor, Comment, Conflict, RevisionInfo
from editor_app.domain.workflow import Role
from editor_app.store.models import ArticleRow, CommentRow, ConflictRow, RevisionRow


def _article_pk(session: Session, article_id: uuid.UUID) -> int:
    pk = session.scalar(select(ArticleRow.pk).where(ArticleRow.id == str(article_id)))
    if pk is None:
        raise NotFound(f"Không tìm thấy bài viết {article_id}.")
    return int(pk)


def _article_id(session: Session, pk: int) -> uuid.UUID:
    return uuid.UUID(session.scalars(select(ArticleRow.id).where(ArticleRow.pk == pk)).one())


# --- revisions -----------------------------------------------------------------------------------


def _info(row: RevisionRow, article_id: uuid.UUID) -> RevisionInfo:
    return RevisionInfo(
        id=uuid.UUID(row.id),
        article_id=article_id,
        created_at=row.created_at,
        author=row.author,
        role=row.role,
        kind=row.kind,
        reason=row.reason,
    )


def add_revision(
    session: Session,
    article_id: uuid.UUID,
    snapshot: dict[str, Any],
    author: str,
    role: str,
    kind: str = "save",
    reason: str = "",
    when: datetime | None = None,
) -> RevisionInfo:
    """A new revision of the article with this snapshot."""
    pk = _article_pk(session, article_id)
    row = RevisionRow(
        id=str(uuid.uuid4()),
        article_pk=pk,
        created_at=when or utcnow(),
        author=author,
        role=str(role),
        kind=kind,
        reason=reason,
        snapshot=snapshot,
    )
    session.add(row)
    session.flush()
    return _info(row, article_id)


_INFO_COLUMNS = (
    RevisionRow.id,
    RevisionRow.created_at,
    RevisionRow.author,
    RevisionRow.role,
    RevisionRow.kind,
    RevisionRow.reason,
)


def list_revisions(session: Session, article_id: uuid.UUID) -> list[RevisionInfo]:
    """The article's revisions without their snapshots, newest first."""
    pk = _article_pk(session, article_id)
    stmt = (
        select(*_INFO_COLUMNS)
        .where(RevisionRow.article_pk == pk)
        .order_by(RevisionRow.created_at.desc(), RevisionRow.id.desc())
    )
    return [
        RevisionInfo(uuid.UUID(r[0]), article_id, r[1], r[2], r[3], r[4], r[5])
        for r in session.execute(stmt)
    ]


def last_revision(
    session: Session, article_id: uuid.UUID, until: datetime | None = None
) -> RevisionInfo | None:
    """The newest revision of the article, if any (with `until`: the newest not after it)."""
    pk = _article_pk(session, article_id)
    where = [RevisionRow.article_pk == pk]
    if until is not None:
        where.append(RevisionRow.created_at <= until)
    r = session.execute(
        select(*_INFO_COLUMNS)
        .where(*where)
        .order_by(RevisionRow.created_at.desc(), RevisionRow.id.desc())
        .limit(1)
    ).first()
    if r is None:
        return None
    return RevisionInfo(uuid.UUID(r[0]), article_id, r[1], r[2], r[3], r[4], r[5])


def get_revision(session: Session, revision_id: uuid.UUID) -> tuple[RevisionInfo, dict[str, Any]]:
    row = session.get(RevisionRow, str(revision_id))
    if row is None:
        raise NotFound(f"Không tìm thấy phiên bản {revision_id}.")
    return _info(row, _article_id(session, row.article_pk)), dict(row.snapshot)


def revisions_with_snapshots(
    session: Session, article_id: uuid.UUID
) -> list[tuple[RevisionInfo, dict[str, Any]]]:
    """Every revision of the article with its snapshot, oldest first (for a hand-off)."""
    pk = _article_pk(session, article_id)
    rows = session.scalars(
        select(RevisionRow)
        .where(RevisionRow.article_pk == pk)
        .order_by(RevisionRow.created_at, RevisionRow.id)
    )
    return [(_info(r, article_id), dict(r.snapshot)) for r in rows]


def _owners(
    session: Session, row: type[RevisionRow] | type[CommentRow], ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID]:
    wanted = sorted({str(i) for i in ids})
    out: dict[uuid.UUID, uuid.UUID] = {}
    stmt = _owners_of(row)
    for at in range(0, len(wanted), 500):  # well under SQLite's limit of bound values
        found = session.execute(stmt, {"ids": wanted[at : at + 500]})
        out.update({uuid.UUID(i): uuid.UUID(a) for i, a in found})
    return out


@lru_cache(maxsize=2)
def _owners_of(row: type[RevisionRow] | type[CommentRow]) -> Select[str, str]:
    """Built once (a sync asks it for every story pushed), run with the ids."""
    return (
        select(row.id, ArticleRow.id)
        .join(ArticleRow, ArticleRow.pk == row.article_pk)
        .where(row.id.in_(bindparam("ids", expanding=True)))
    )


def revision_owners(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    """revision id → the id of its article, for those of `ids` that are here."""
    return _owners(session, RevisionRow, ids)


def comment_owners(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    """comment id → the id of its article, for those of `ids` that are here."""
    return _owners(session, CommentRow, ids)


def import_revisions(
    session: Session,
    article_id: uuid.UUID,
    revisions: Sequence[tuple[RevisionInfo, dict[str, Any]]],
    *,
    created_pk: int | None = None,
) -> int:
    """Inserts the article's revisions made elsewhere that are not here yet, keeping their ids
    and times, in one statement; returns how many. ValidationError (nothing written) when one's
    id is another story's. `created_pk`: the story was created in this transaction with that
    pk, so none of them can be here yet and none is looked for (an id that is another story's
    is still refused, by the table's key; `services.handoff_ids.check_ids` names it before)."""
    if created_pk is not None:
        pk, here = created_pk, {}
    else:
        pk = _article_pk(session, article_id)
        here = revision_owners(session, [info.id for info, _ in revisions])
    for info, _ in revisions:
        if here.get(info.id, article_id) != article_id:
            raise ValidationError(f"Mã phiên bản {info.id} thuộc về một bài khác: không ghi được.")
    rows = [
        {
            "id": str(info.id),
            "article_pk": pk,
            "created_at": info.created_at,
            "author": info.author,
            "role": str(info.role),
            "kind": info.kind,
            "reason": info.reason,
            "snapshot": snapshot,
        }
        for info, snapshot in revisions
        if info.id not in here
    ]
    if rows:
        session.flush()
        session.connection().execute(_INSERT_REVISIONS, rows)  # Core, not the ORM's bulk path
    return len(rows)


_INSERT_REVISIONS = insert(cast(Table, RevisionRow.__table__))


def import_revision(session: Session, info: RevisionInfo, snapshot: dict[str, Any]) -> bool:
    """One revision made elsewhere (`import_revisions`): False when it is here already."""
    return import_revisions(session, info.article_id, [(info, snapshot)]) == 1


def delete_revisions(session: Session, revision_ids: Iterable[uuid.UUID]) -> int:
    """Deletes these revisions (the thinning of autosaves); returns how many went."""
    ids = [str(i) for i in revision_ids]
    if not ids:
        return 0
    result = session.execute(
        delete(RevisionRow)
        .where(RevisionRow.id.in_(ids))
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


# --- comments ------------------------------------------------------------------------------------


def _comment(row: CommentRow, article_id: uuid.UUID) -> Comment:
    try:
        role = Role(row.role)
    except ValueError:
        role = Role.REPORTER
    return Comment(
        id=uuid.UUID(row.id),
        article_id=article_id,
        parent_id=uuid.UUID(row.parent_id) if row.parent_id else None,
        anchor=Anchor.from_json(row.anchor) if row.anchor else None,
        author=row.author,
        role=role,
        text=row.text,
        created_at=row.created_at,
        updated_at=row.updated_at,
        resolved_at=row.resolved_at,
        resolved_by=row.resolved_by,
    )


def _fill(row: CommentRow, c: Comment) -> None:
    row.parent_id = str(c.parent_id) if c.parent_id else None
    row.anchor = c.anchor.to_json() if c.anchor else None
    row.author = c.author
    row.role = str(c.role)
    row.text = c.text
    row.created_at = c.created_at
    row.updated_at = c.updated_at
    row.resolved_at = c.resolved_at
    row.resolved_by = c.resolved_by


def list_comments(session: Session, article_id: uuid.UUID) -> list[Comment]:
    """The article's comments and replies, oldest first."""
    pk = _article_pk(session, article_id)
    rows = session.scalars(
        select(CommentRow)
        .where(CommentRow.article_pk == pk)
        .order_by(CommentRow.created_at, CommentRow.id)
    )
    return [_comment(r, article_id) for r in rows]


def get_comment(session: Session, comment_id: uuid.UUID) -> Comment:
    row = session.get(CommentRow, str(comment_id))
    if row is None:
        raise NotFound(f"Không tìm thấy góp ý {comment_id}.")
    return _comment(row, _article_id(session, row.article_pk))


def _not_elsewhere(row: CommentRow | None, pk: int) -> None:
    """An id is never reused across stories: one from elsewhere naming another story's comment
    is refused (the hand-off checks this first, with a message naming the package)."""
    if row is not None and row.article_pk != pk:
        raise ValidationError(f"Mã góp ý {row.id} thuộc về một bài khác: không ghi được.")


def upsert_comment(session: Session, comment: Comment) -> bool:
    """Inserts the comment, or updates the stored one when `comment.updated_at` is newer;
    True when something was written. ValidationError when the comment, or the one it replies
    to, belongs to another story."""
    pk = _article_pk(session, comment.article_id)
    row = session.get(CommentRow, str(comment.id))
    _not_elsewhere(row, pk)
    if comment.parent_id is not None:
        _not_elsewhere(session.get(CommentRow, str(comment.parent_id)), pk)
    if row is None:
        row = CommentRow(id=str(comment.id), article_pk=pk)
        _fill(row, comment)
        session.add(row)
        session.flush()
        return True
    if comment.updated_at <= row.updated_at:
        return False
    _fill(row, comment)
    session.flush()
    return True


def comment_count(session: Session, article_id: uuid.UUID, open_only: bool = True) -> int:
    """How many top-level comments the article has (unresolved ones only by default)."""
    pk = _article_pk(session, article_id)
    stmt = select(func.count()).where(CommentRow.article_pk == pk, CommentRow.parent_id.is_(None))
    if open_only:
        stmt = stmt.where(CommentRow.resolved_at.is_(None))
    return int(session.scalar(stmt) or 0)


# --- conflicts -----------------------------------------------------------------------------------


def _conflict(row: ConflictRow, article_id: uuid.UUID) -> Conflict:
    return Conflict(
        id=uuid.UUID(row.id),
        article_id=article_id,
        key=row.key,
        label_vi=row.label_vi,
        ours=row.ours,
        theirs=row.theirs,
        ours_value=(row.ours_value or {}).get("v"),
        theirs_value=(row.theirs_value or {}).get("v"),
        ours_revision_id=uuid.UUID(row.ours_revision_id),
        theirs_revision_id=uuid.UUID(row.theirs_revision_id),
        created_at=row.created_at,
        settled_at=row.settled_at,
        settled_by=row.settled_by,
    )


def add_conflict(session: Session, conflict: Conflict) -> None:
    session.add(
        ConflictRow(
            id=str(conflict.id),
            article_pk=_article_pk(session, conflict.article_id),
            key=conflict.key,
            label_vi=conflict.label_vi,
            ours=conflict.ours,
            theirs=conflict.theirs,
            ours_value={"v": conflict.ours_value},
            theirs_value={"v": conflict.theirs_value},
            ours_revision_id=str(conflict.ours_revision_id),
            theirs_revision_id=str(conflict.theirs_revision_id),
            created_at=conflict.created_at,
            settled_at=conflict.settled_at,
            settled_by=conflict.settled_by,
        )
    )
    session.flush()


def list_conflicts(
    session: Session, article_id: uuid.UUID, open_only: bool = True
) -> list[Conflict]:
    pk = _article_pk(session, article_id)
    stmt = select(ConflictRow).where(ConflictRow.article_pk == pk)
    if open_only:
        stmt = stmt.where(ConflictRow.settled_at.is_(None))
    rows = session.scalars(stmt.order_by(ConflictRow.created_at, ConflictRow.id))
    return [_conflict(r, article_id) for r in rows]


def get_conflict(session: Session, conflict_id: uuid.UUID) -> Conflict:
    row = session.get(ConflictRow, str(conflict_id))
    if row is None:
        raise NotFound(f"Không tìm thấy xung đột {conflict_id}.")
    return _conflict(row, _article_id(session, row.article_pk))


def settle_conflict(
    session: Session, conflict_id: uuid.UUID, by: str, when: datetime | None = None
) -> None:
    row = session.get(ConflictRow, str(conflict_id))
    if row is None:
        raise NotFound(f"Không tìm thấy xung đột {conflict_id}.")
    row.settled_at = when or utcnow()
    row.settled_by = by
    session.flush()

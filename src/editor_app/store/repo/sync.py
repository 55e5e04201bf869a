"""The SQL of the newsroom server's sync (docs/server.md, "Sync"): on the server, the change
feed, photos' originals in chunks and the row lock of a story being merged; on the desk, the
sync bases and state. Server functions need PostgreSQL (`pg_current_xact_id`, `FOR UPDATE`,
`NOTIFY`); desk functions run on both engines."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Executable,
    String,
    Table,
    bindparam,
    delete,
    func,
    insert,
    literal_column,
    select,
    text,
    true,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnClause

from editor_app.store.models import (
    ArticleRow,
    CommentRow,
    ConflictRow,
    PhotoBlobRow,
    PhotoChunkRow,
    RevisionRow,
    SyncBaseRow,
    SyncFeedRow,
    SyncStateRow,
    UTCDateTime,
)

__all__ = [
    "CHANNEL",
    "Base",
    "BlobState",
    "blob_state",
    "candidates",
    "complete_blobs",
    "feed_horizon",
    "feed_since",
    "finish_blob",
    "get_base",
    "get_bases",
    "get_state",
    "lock_story",
    "put_chunk",
    "read_chunk",
    "record_change",
    "set_base",
    "set_state",
    "start_blob",
]

CHANNEL = "editor_app_sync"
"""The channel a push notifies on (`LISTEN editor_app_sync`): its payload is the story's id."""


# --- server: the change feed -------------------------------------------------------------------


_THIS_TRANSACTION: ColumnClause[int] = literal_column(
    "pg_current_xact_id()::text::bigint", BigInteger()
)


# Statements built once, run with their parameters (the hot ones of a push: SQLAlchemy's
# construction and cache-key work per call is most of their cost, not PostgreSQL's).
_RECORD_CHANGE = (
    insert(SyncFeedRow)
    .values(
        article_id=bindparam("article_id", type_=String()),
        at=bindparam("at", type_=UTCDateTime()),
        txid=_THIS_TRANSACTION,
    )
    # The notification is sent by the row's RETURNING: one statement, one round trip.
    .returning(SyncFeedRow.txid, func.pg_notify(CHANNEL, bindparam("article_id", type_=String())))
)
_LOCK_STORY = (
    select(ArticleRow.status)
    .where(ArticleRow.id == bindparam("article_id", type_=String()))
    .with_for_update()
)


def record_change(s: Session, article_id: uuid.UUID, when: datetime) -> int:
    """A story changed in this transaction: a feed row (stamped with the transaction's id) and
    a notification, both seen by others only once it commits. Returns the transaction's id."""
    s.flush()
    row = s.connection().execute(_RECORD_CHANGE, {"article_id": str(article_id), "at": when})
    return int(row.scalar_one())


def feed_horizon(s: Session) -> int:
    """The oldest transaction still running (or the next one): every feed row of a transaction
    below it is final — committed and visible, or rolled back."""
    value = s.execute(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")).one()
    return int(value[0])


def feed_since(s: Session, cursor: int, horizon: int) -> dict[str, frozenset[int]]:
    """The stories changed by transactions in [cursor, horizon), each once, in the order they
    first changed, with the transactions that changed them."""
    rows = s.execute(
        select(SyncFeedRow.article_id, SyncFeedRow.txid)
        .where(SyncFeedRow.txid >= cursor, SyncFeedRow.txid < horizon)
        .order_by(SyncFeedRow.seq)
    )
    found: dict[str, set[int]] = {}
    for article_id, txid in rows:
        found.setdefault(str(article_id), set()).add(int(txid))
    return {aid: frozenset(txids) for aid, txids in found.items()}


def lock_story(s: Session, article_id: uuid.UUID) -> str | None:
    """Locks the story's row until the transaction ends (`SELECT … FOR UPDATE`: two pushes of
    one story merge one after the other) and returns its status (read under the lock, in the
    same statement); None when the server does not have it."""
    status = s.connection().execute(_LOCK_STORY, {"article_id": str(article_id)}).scalar()
    return None if status is None else str(status)


# --- server: photos' originals -------------------------------------------------------------------


@dataclass(frozen=True)
class BlobState:
    size_bytes: int
    chunk_size: int
    complete: bool
    chunks: frozenset[int]


def complete_blobs(s: Session, shas: Iterable[str]) -> set[str]:
    wanted = list(set(shas))
    if not wanted:
        return set()
    rows = s.execute(
        select(PhotoBlobRow.sha256).where(PhotoBlobRow.sha256.in_(wanted), PhotoBlobRow.complete)
    )
    return {str(r[0]) for r in rows}


def blob_state(s: Session, sha256: str) -> BlobState | None:
    row = s.get(PhotoBlobRow, sha256)
    if row is None:
        return None
    chunks = s.execute(select(PhotoChunkRow.idx).where(PhotoChunkRow.sha256 == sha256))
    return BlobState(
        row.size_bytes, row.chunk_size, row.complete, frozenset(int(r[0]) for r in chunks)
    )


def start_blob(s: Session, sha256: str, size_bytes: int, chunk_size: int) -> None:
    """Announces an original (nothing when another desk did first)."""
    s.execute(
        pg_insert(PhotoBlobRow)
        .values(sha256=sha256, size_bytes=size_bytes, chunk_size=chunk_size, complete=False)
        .on_conflict_do_nothing()
    )


def put_chunk(s: Session, sha256: str, idx: int, data: bytes) -> None:
    s.execute(
        pg_insert(PhotoChunkRow).values(sha256=sha256, idx=idx, data=data).on_conflict_do_nothing()
    )


def finish_blob(s: Session, sha256: str) -> bool:
    """Marks the original complete when its chunks, end to end, have its digest; when they do
    not (a broken upload), they are deleted to be sent again. True when complete."""
    digest = s.execute(
        text(
            "SELECT encode(sha256(string_agg(data, ''::bytea ORDER BY idx)), 'hex')"
            " FROM photo_chunks WHERE sha256 = :sha"
        ),
        {"sha": sha256},
    ).scalar()
    if digest != sha256:
        s.execute(delete(PhotoChunkRow).where(PhotoChunkRow.sha256 == sha256))
        return False
    row = s.get(PhotoBlobRow, sha256)
    assert row is not None
    row.complete = True
    s.flush()
    return True


def read_chunk(s: Session, sha256: str, idx: int) -> bytes | None:
    data = s.execute(
        select(PhotoChunkRow.data).where(PhotoChunkRow.sha256 == sha256, PhotoChunkRow.idx == idx)
    ).scalar()
    return None if data is None else bytes(data)


# --- desk: sync bases and state -------------------------------------------------------------------


@dataclass(frozen=True)
class Base:
    snapshot: dict[str, Any]
    revisions: frozenset[str]
    synced_at: datetime


_BASES = cast(Table, SyncBaseRow.__table__)
_BASE_COLUMNS = (
    SyncBaseRow.article_id,
    SyncBaseRow.snapshot,
    SyncBaseRow.revisions,
    SyncBaseRow.synced_at,
)


def _base(row: Any) -> Base:
    return Base(dict(row.snapshot), frozenset(row.revisions or ()), row.synced_at)


def get_base(s: Session, article_id: uuid.UUID) -> Base | None:
    row = s.execute(select(*_BASE_COLUMNS).where(SyncBaseRow.article_id == str(article_id))).first()
    return None if row is None else _base(row)


def get_bases(s: Session, article_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Base]:
    """`get_base` of several stories at once (at most a few hundred): those that have one."""
    rows = s.execute(
        select(*_BASE_COLUMNS).where(SyncBaseRow.article_id.in_([str(i) for i in article_ids]))
    )
    return {uuid.UUID(r.article_id): _base(r) for r in rows}


def set_base(s: Session, article_id: uuid.UUID, base: Base) -> None:
    """Records the story's base: one INSERT … ON CONFLICT DO UPDATE (SQLite and PostgreSQL
    both have it), not a read then a write."""
    s.flush()
    conn = s.connection()
    values = {
        "article_id": str(article_id),
        "snapshot": base.snapshot,
        "revisions": sorted(base.revisions),
        "synced_at": base.synced_at,
    }
    conn.execute(_set_base(conn.dialect.name), values)


@lru_cache(maxsize=2)
def _set_base(dialect: str) -> Executable:
    stmt = (sqlite_insert if dialect == "sqlite" else pg_insert)(_BASES)
    changed = {c: stmt.excluded[c] for c in ("snapshot", "revisions", "synced_at")}
    return stmt.on_conflict_do_update(index_elements=[_BASES.c.article_id], set_=changed)


def candidates(s: Session, among: Sequence[uuid.UUID] | None = None) -> list[uuid.UUID]:
    """Stories that may have changed here since they were last synced: never synced, or
    written, commented, given a revision or a settled conflict since (to be compared with
    their base, `services.sync_desk`). Stories in the bin are not sent. With `among`: those
    of these (at most a few hundred) that are."""
    b = SyncBaseRow
    stmt = (
        select(ArticleRow.id)
        .outerjoin(b, b.article_id == ArticleRow.id)
        .where(ArticleRow.trashed_at.is_(None))
        .where(ArticleRow.id.in_([str(i) for i in among]) if among is not None else true())
        .where(
            b.article_id.is_(None)
            | (ArticleRow.updated_at > b.synced_at)
            | select(CommentRow.id)
            .where(CommentRow.article_pk == ArticleRow.pk, CommentRow.updated_at > b.synced_at)
            .exists()
            | select(RevisionRow.id)
            .where(RevisionRow.article_pk == ArticleRow.pk, RevisionRow.created_at > b.synced_at)
            .exists()
            | select(ConflictRow.id)
            .where(ConflictRow.article_pk == ArticleRow.pk, ConflictRow.settled_at > b.synced_at)
            .exists()
        )
        .order_by(ArticleRow.pk)
    )
    return [uuid.UUID(str(r[0])) for r in s.execute(stmt)]


def get_state(s: Session, key: str, default: str = "") -> str:
    row = s.get(SyncStateRow, key)
    return default if row is None else row.value


def set_state(s: Session, key: str, value: str) -> None:
    row = s.get(SyncStateRow, key)
    if row is None:
        s.add(SyncStateRow(key=key, value=value))
    else:
        row.value = value
    s.flush()


def clear_bases(s: Session) -> None:
    """Forgets what this desk agreed with a server (moved to another one)."""
    s.execute(delete(SyncBaseRow))


def server_id(s: Session) -> str:
    """The server's own id, made at the first sync (a desk moved to another server knows)."""
    s.execute(
        pg_insert(SyncStateRow)
        .values(key="server_id", value=str(uuid.uuid4()))
        .on_conflict_do_nothing()
    )
    return get_state(s, "server_id")

"""The SQL of story locks on the newsroom server (docs/server.md, "Story locks"; rules in
`domain/locks.py`). PostgreSQL only.

Every time is the server's (`now()`), never a desk's clock: desks' clocks differ, and a lock's
expiry must mean the same to all of them. The login is always `session_user` (who the server
says is connected), never a value the desk sends. Each function is one statement, so each call
is one round trip and atomic: taking a lock is an `INSERT … ON CONFLICT DO UPDATE … WHERE` the
row is this desk's or stale, so two desks racing for a free story cannot both get it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, text

from editor_app.domain.locks import StoryLock

__all__ = [
    "Found",
    "heartbeat",
    "locks_of",
    "release",
    "release_desk",
    "take",
    "take_over",
]

_COLUMNS = "l.article_id, l.login, l.holder, l.desk_id, l.taken_at, l.heartbeat_at, l.taken_over_by"
_MINE = "l.login = session_user AND l.desk_id = :desk"

_TAKE = text(
    f"""
    INSERT INTO story_locks AS l
        (article_id, login, holder, desk_id, taken_at, heartbeat_at, taken_over_by)
    VALUES (:id, session_user, :holder, :desk, now(), now(), '')
    ON CONFLICT (article_id) DO UPDATE SET
        login = EXCLUDED.login,
        holder = EXCLUDED.holder,
        desk_id = EXCLUDED.desk_id,
        taken_at = CASE WHEN {_MINE} THEN l.taken_at ELSE now() END,
        heartbeat_at = now(),
        taken_over_by = CASE WHEN {_MINE} THEN l.taken_over_by ELSE '' END
    WHERE ({_MINE})
       OR l.heartbeat_at <= now() - make_interval(secs => CAST(:expiry AS double precision))
    RETURNING {_COLUMNS}, now() AS server_now
    """
)

_TAKE_OVER = text(
    f"""
    WITH old AS (
        SELECT article_id, login, desk_id, holder FROM story_locks
        WHERE article_id = :id FOR UPDATE
    )
    UPDATE story_locks AS l SET
        login = session_user, holder = :holder, desk_id = :desk,
        taken_at = now(), heartbeat_at = now(), taken_over_by = :holder
    FROM old
    WHERE l.article_id = old.article_id
      AND NOT (old.login = session_user AND old.desk_id = :desk)
    RETURNING {_COLUMNS}, now() AS server_now, old.holder AS previous
    """
)

# The beat renews this desk's locks among :ids, takes back those nobody holds any more (this
# desk still has them open), and returns those someone else holds now. The final SELECT sees
# the table as it was before the statement: the renewed rows are excluded as this desk's, the
# re-taken ones were not there.
_HEARTBEAT = text(
    f"""
    WITH wanted AS (SELECT unnest(CAST(:ids AS text[])) AS article_id),
    beat AS (
        UPDATE story_locks AS l SET heartbeat_at = now()
        WHERE l.article_id IN (SELECT article_id FROM wanted) AND {_MINE}
        RETURNING l.article_id
    ),
    retaken AS (
        INSERT INTO story_locks
            (article_id, login, holder, desk_id, taken_at, heartbeat_at, taken_over_by)
        SELECT w.article_id, session_user, :holder, :desk, now(), now(), '' FROM wanted w
        WHERE NOT EXISTS (SELECT 1 FROM story_locks s WHERE s.article_id = w.article_id)
        ON CONFLICT (article_id) DO NOTHING
        RETURNING article_id
    )
    SELECT {_COLUMNS}, now() AS server_now FROM story_locks AS l
    WHERE l.article_id IN (SELECT article_id FROM wanted) AND NOT ({_MINE})
    """
)

_LOCKS_OF = text(
    f"""
    SELECT {_COLUMNS}, now() AS server_now FROM story_locks AS l
    WHERE l.article_id = ANY(CAST(:ids AS text[]))
    """
)

_RELEASE = text(
    f"DELETE FROM story_locks AS l WHERE l.article_id = ANY(CAST(:ids AS text[])) AND {_MINE}"
)
_RELEASE_DESK = text(f"DELETE FROM story_locks AS l WHERE {_MINE}")


@dataclass(frozen=True, slots=True)
class Found:
    """Locks as read in one statement, with the server's time of that statement."""

    locks: list[StoryLock]
    now: datetime | None
    """None when no lock was found (nothing to compare with)."""
    previous: str = ""
    """For a take-over: the name of the former holder."""


def _lock(row: Any) -> StoryLock:
    return StoryLock(
        article_id=uuid.UUID(str(row.article_id)),
        login=str(row.login),
        holder=str(row.holder),
        desk_id=str(row.desk_id),
        taken_at=row.taken_at,
        heartbeat_at=row.heartbeat_at,
        taken_over_by=str(row.taken_over_by or ""),
    )


def _ids(article_ids: Iterable[uuid.UUID]) -> list[str]:
    return sorted({str(i) for i in article_ids})


def _found(rows: Sequence[Any]) -> Found:
    return Found([_lock(r) for r in rows], rows[0].server_now if rows else None)


def take(
    conn: Connection, article_id: uuid.UUID, holder: str, desk_id: str, expiry: timedelta
) -> Found | None:
    """Takes the lock when it is free, this desk's (same login) or stale: the lock then, and
    the server's time (a `taken_at` before it: the desk already held it). None: someone else
    holds it."""
    params = {
        "id": str(article_id),
        "holder": holder,
        "desk": desk_id,
        "expiry": expiry.total_seconds(),
    }
    rows = conn.execute(_TAKE, params).all()
    return _found(rows) if rows else None


def take_over(conn: Connection, article_id: uuid.UUID, holder: str, desk_id: str) -> Found | None:
    """Gives someone else's lock to this desk, marked as taken over (by `holder`). None when
    there is no lock, or it is this desk's already."""
    row = conn.execute(
        _TAKE_OVER, {"id": str(article_id), "holder": holder, "desk": desk_id}
    ).first()
    if row is None:
        return None
    return Found([_lock(row)], row.server_now, str(row.previous))


def heartbeat(
    conn: Connection, article_ids: Iterable[uuid.UUID], holder: str, desk_id: str
) -> Found:
    """Renews this desk's locks on `article_ids` (taking back any nobody holds) in one
    statement; the locks among them someone else holds now."""
    params = {"ids": _ids(article_ids), "holder": holder, "desk": desk_id}
    return _found(conn.execute(_HEARTBEAT, params).all())


def locks_of(conn: Connection, article_ids: Iterable[uuid.UUID]) -> Found:
    """The locks on `article_ids`, stale ones included (the caller tells them apart with the
    server's time returned)."""
    return _found(conn.execute(_LOCKS_OF, {"ids": _ids(article_ids)}).all())


def release(conn: Connection, article_ids: Iterable[uuid.UUID], desk_id: str) -> int:
    """Lets go of this desk's locks on `article_ids` (another's are left alone)."""
    result = conn.execute(_RELEASE, {"ids": _ids(article_ids), "desk": desk_id})
    return int(result.rowcount)


def release_desk(conn: Connection, desk_id: str) -> int:
    """Lets go of every lock this login holds on this desk (the window closes)."""
    return int(conn.execute(_RELEASE_DESK, {"desk": desk_id}).rowcount)

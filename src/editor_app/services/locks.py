"""Story locks on the newsroom server (issue 16, point 4; docs/server.md, "Story locks"): a
connected desk takes a story's lock when it opens it for editing, renews its locks every
`HEARTBEAT`, lets go when it closes the story; another desk sees who holds it and may take it
over. Rules and texts: `domain/locks.py`; SQL: `store/repo/locks.py`.

A desk without the server does not use this service: offline edits are never blocked. A call
that cannot reach the server raises a `StoreError` in Vietnamese (never a traceback); the next
call connects afresh (the pool checks its connections before use)."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection
from sqlalchemy import exc as sa_exc

from editor_app.domain.locks import EXPIRY, LockLost, StoryLock, held_notice, is_stale
from editor_app.store.database import Database
from editor_app.store.errors import StoreError
from editor_app.store.pg_roles import session_identity
from editor_app.store.repo import locks as repo
from editor_app.store.repo import sync as sync_repo
from editor_app.store.server import ServerStore

__all__ = [
    "DESK_ID_KEY",
    "LockOutcome",
    "LockService",
    "LockState",
    "desk_id",
    "no_right_message",
    "unreachable_message",
]

_TRIES = 3  # a lock released between our two statements: try again (rare)
_NO_RIGHT = "42501"  # PostgreSQL's insufficient_privilege
DESK_ID_KEY = "desk_id"
"""The desk's own id in its `sync_state` (made once, kept for the life of the data folder)."""


def desk_id(db: Database) -> str:
    """This data folder's desk id for its locks: made on first use, the same ever after (a
    window reopened on the folder finds its own locks "already mine")."""
    with db.read() as s:
        found = sync_repo.get_state(s, DESK_ID_KEY)
    if found:
        return found
    with db.transaction() as s:
        found = sync_repo.get_state(s, DESK_ID_KEY)  # the writer's lock: nobody raced us
        if not found:
            found = str(uuid.uuid4())
            sync_repo.set_state(s, DESK_ID_KEY, found)
    return found


class LockState(enum.Enum):
    TAKEN = "taken"
    """This desk took it now (it was free, or stale)."""
    MINE = "mine"
    """This person on this desk held it already (the story reopened)."""
    TAKEN_OVER = "taken_over"
    """This desk took it over from someone else (`LockOutcome.previous`)."""
    HELD = "held"
    """Someone else holds it (`LockOutcome.lock` says who, since when)."""


@dataclass(frozen=True, slots=True)
class LockOutcome:
    state: LockState
    lock: StoryLock
    """The lock as it stands: this desk's, or the other holder's."""
    now: datetime
    """The server's time of the answer."""
    previous: str = ""
    """After a take-over: the former holder's name."""

    @property
    def held_elsewhere(self) -> bool:
        return self.state is LockState.HELD

    def notice(self, my_login: str = "") -> str:
        """What the bar above the story says ("" when this desk may edit)."""
        return held_notice(self.lock, self.now, my_login) if self.held_elsewhere else ""


def unreachable_message(where: str) -> str:
    return (
        f"Không kết nối được máy chủ {where}: chưa biết ai đang sửa bài này. "
        "Bài vẫn sửa được trên máy này và sẽ được đồng bộ khi có kết nối."
    )


def no_right_message(login: str) -> str:
    return (
        f"Tài khoản {login} không có quyền dùng khóa bài viết trên máy chủ: hãy nhờ bộ phận "
        "CNTT cấp quyền (editor-app server add-user)."
    )


class LockService:
    """The locks one desk (`desk_id`, its `sync_state` id) holds, as the login the server sees.

    Thread-safe as the store is: the window calls it from its worker, off the UI thread."""

    def __init__(self, server: ServerStore, desk_id: str, *, expiry: timedelta = EXPIRY) -> None:
        self.server = server
        self.desk_id = desk_id
        self.expiry = expiry
        self._who: tuple[str, str] | None = None  # (login, name), as the server said

    # --- who this desk is on the server ----------------------------------------------------

    @property
    def login(self) -> str:
        """The login the server sees ("" before the first call that reached it)."""
        return self._who[0] if self._who else ""

    def _holder(self, conn: Connection) -> str:
        if self._who is None:
            identity = session_identity(conn)
            self._who = (identity.login, identity.name)
        return self._who[1]

    @contextmanager
    def _connected(self) -> Iterator[Connection]:
        """A short transaction on the server; a cut connection or a stopped server is a
        StoreError in Vietnamese (the driver's words stay in the chained cause, for the log)."""
        try:
            with self.server.quick_write() as conn:
                yield conn
        except (sa_exc.OperationalError, sa_exc.InterfaceError) as e:
            raise self._unreachable() from e
        except sa_exc.ProgrammingError as e:
            if getattr(e.orig, "sqlstate", None) != _NO_RIGHT:
                raise
            login = self.server.engine.url.username or ""
            raise StoreError(no_right_message(login)) from e
        except StoreError as e:
            if isinstance(e.__cause__, sa_exc.OperationalError | sa_exc.InterfaceError):
                raise self._unreachable() from e.__cause__
            raise

    def _unreachable(self) -> StoreError:
        url = self.server.engine.url
        return StoreError(unreachable_message(f"{url.host or 'localhost'}:{url.port or 5432}"))

    # --- one desk's actions ------------------------------------------------------------------

    def take(self, article_id: uuid.UUID) -> LockOutcome:
        """Opening `article_id` for editing: takes its lock when free or stale (silently), keeps
        it when this desk holds it; else says who holds it and since when."""
        for _ in range(_TRIES):
            with self._connected() as conn:
                holder = self._holder(conn)
                found = repo.take(conn, article_id, holder, self.desk_id, self.expiry)
                if found is None:
                    found = repo.locks_of(conn, [article_id])
                    state = LockState.HELD
                else:
                    lock = found.locks[0]
                    assert found.now is not None
                    state = LockState.MINE if lock.taken_at < found.now else LockState.TAKEN
            if found.locks and found.now is not None:
                return LockOutcome(state, found.locks[0], found.now)
        raise StoreError("Khóa bài viết đang thay đổi liên tục trên máy chủ: hãy thử lại.")

    def take_over(self, article_id: uuid.UUID) -> LockOutcome:
        """Takes `article_id`'s lock from whoever holds it (the user confirmed). The former
        holder learns it on its next heartbeat (`LockLost`), saves its text as a revision and
        syncs. A lock that is free, or already this desk's, is simply taken."""
        with self._connected() as conn:
            found = repo.take_over(conn, article_id, self._holder(conn), self.desk_id)
        if found is None or found.now is None:
            return self.take(article_id)
        return LockOutcome(LockState.TAKEN_OVER, found.locks[0], found.now, found.previous)

    def heartbeat(self, article_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, LockLost]:
        """Renews this desk's locks on the stories it has open, in one statement; the ones it
        lost (taken over, or taken by someone else after this desk's lock expired), with who
        holds them now. A story whose lock vanished is taken back silently."""
        ids = list(article_ids)
        if not ids:
            return {}
        with self._connected() as conn:
            found = repo.heartbeat(conn, ids, self._holder(conn), self.desk_id)
        return {lock.article_id: LockLost(lock.article_id, lock) for lock in found.locks}

    def release(self, article_id: uuid.UUID) -> bool:
        """Closing the story: lets go of this desk's lock on it (someone else's stays)."""
        with self._connected() as conn:
            return repo.release(conn, [article_id], self.desk_id) > 0

    def release_all(self) -> int:
        """The window closes: lets go of every lock this desk holds."""
        with self._connected() as conn:
            return repo.release_desk(conn, self.desk_id)

    def holders(self, article_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, StoryLock]:
        """The live locks on `article_ids` (stale ones left out), this desk's included, for the
        story list ("Đang được … sửa")."""
        ids = list(article_ids)
        if not ids:
            return {}
        with self._connected() as conn:
            found = repo.locks_of(conn, ids)
        now = found.now
        if now is None:
            return {}
        return {
            lock.article_id: lock for lock in found.locks if not is_stale(lock, now, self.expiry)
        }

    def is_mine(self, lock: StoryLock) -> bool:
        return lock.held_by(self.login, self.desk_id)

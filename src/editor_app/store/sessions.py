"""The three ways the repository works on a store, the same on a desk's SQLite and on the
newsroom's PostgreSQL: a unit of work (`transaction`), a short Core write (`quick_write`) and a
read (`read`), each with the engine's errors said in the store's own words (`_translate`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

__all__ = ["Sessions"]


class Sessions:
    engine: Engine
    _sessions: sessionmaker[Session]

    def _translate(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        with self._translate(), self._sessions.begin() as session:
            yield session

    @contextmanager
    def quick_write(self) -> Iterator[Connection]:
        """A short Core transaction for the hottest path (autosave): no ORM session."""
        with self._translate(), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._translate(), self._sessions() as session:
            yield session

    @contextmanager
    def held(self) -> Iterator[Sessions]:
        """The same three ways over one connection, held until the block ends: many short
        units of work in a row (a sync round's pushes, one transaction a story) take a
        connection from the pool — on the server, pinging it first — once, not each time.
        Each `transaction()` still commits or rolls back on its own."""
        with self._translate(), self.engine.connect() as conn:
            yield _Held(self, conn)


class _Held(Sessions):
    def __init__(self, store: Sessions, conn: Connection) -> None:
        self.engine = store.engine
        self._store = store
        self._conn = conn
        self._sessions = sessionmaker(bind=conn, expire_on_commit=False)

    def _translate(self) -> AbstractContextManager[None]:
        return self._store._translate()

    @contextmanager
    def quick_write(self) -> Iterator[Connection]:
        with self._translate(), self._conn.begin():
            yield self._conn

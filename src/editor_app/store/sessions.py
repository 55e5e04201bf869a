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

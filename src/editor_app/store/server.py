"""The newsroom server's store (PostgreSQL): the same sessions as a desk's `Database`, so the
repository functions (`store/repo/`) run on it unchanged. Engine-specific parts are in
`store/postgres.py`; the desk's data folder stays `store/database.py`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import URL, Engine
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import sessionmaker

from editor_app.store import postgres
from editor_app.store.errors import StoreError
from editor_app.store.sessions import Sessions


class ServerStore(Sessions):
    """One connection pool to the newsroom's PostgreSQL database, migrated to the code's head."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.upgraded_from: str | None = None

    @classmethod
    def open(cls, url: str | URL, *, migrate: bool = True) -> ServerStore:
        """Connects to the server at `url` (`postgresql://…`, driven by psycopg) and brings its
        schema to the code's head (an empty database gets every table). A schema from a newer
        app is refused untouched; an unreachable server is a StoreError naming it. With
        `migrate=False` a schema that is not current is refused instead of upgraded."""
        engine = postgres.create_server_engine(url)
        store = cls(engine)
        try:
            with store._translate():
                if migrate:
                    store.upgraded_from = postgres.migrate_engine(engine)
                elif not postgres.schema_is_current(engine):
                    raise StoreError(
                        "Lược đồ cơ sở dữ liệu trên máy chủ chưa được nâng cấp: "
                        "chạy editor-app server upgrade."
                    )
        except BaseException:
            engine.dispose()
            raise
        return store

    @contextmanager
    def _translate(self) -> Iterator[None]:
        """A server that cannot be reached says so, naming it (never its password)."""
        try:
            yield
        except sa_exc.OperationalError as e:
            if e.connection_invalidated or "connect" in str(e.orig).lower():
                where = self.engine.url.render_as_string(hide_password=True)
                raise StoreError(f"Không kết nối được máy chủ {where}: {e.orig}") from e
            raise

    def current_revision(self) -> str | None:
        with self._translate(), self.engine.connect() as conn:
            return postgres.current_revision(conn)

    def close(self) -> None:
        self.engine.dispose()

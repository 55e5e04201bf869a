"""What is PostgreSQL-only (the newsroom server): the engine from a URL, the schema's version,
migrations. `store/sqlite.py` is the desk's counterpart; the models and the migrations are the
same on both (docs/storage.md, "Two engines").

The server's full-text search is `store/pg_search.py`; locks and the change feed will live here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, make_url, text

from editor_app.store import migrations
from editor_app.store.database import SCHEMA_HEAD
from editor_app.store.errors import SchemaTooNew, StoreError

DRIVER = "postgresql+psycopg"
# Any number from the app's own range: two processes upgrading one server wait for each other.
_MIGRATION_LOCK = 0x0ED1_70A9
# A desk holds a few connections (the window, a sync, a search); the server allows ~100.
POOL_SIZE = 5
MAX_OVERFLOW = 5
POOL_TIMEOUT_S = 10
POOL_RECYCLE_S = 30 * 60
CONNECT_TIMEOUT_S = 10


def server_url(url: str | URL) -> URL:
    """`url` with psycopg (v3) as the driver: `postgresql://…` and `postgres://…` are taken as
    `postgresql+psycopg://…`; another engine is refused."""
    parsed = make_url(url)
    if parsed.get_backend_name() not in ("postgresql", "postgres"):
        raise StoreError(f"Không phải địa chỉ máy chủ PostgreSQL: {parsed.render_as_string()}")
    return parsed.set(drivername=DRIVER)


def create_server_engine(url: str | URL, **overrides: Any) -> Engine:
    """An engine for the server: a small pool, connections checked before use (a server
    restart or a dropped LAN shows as a fresh connection, not an error mid-work), recycled
    every half hour, every session in UTC (times come back aware, in UTC)."""
    options: dict[str, Any] = {
        "pool_size": POOL_SIZE,
        "max_overflow": MAX_OVERFLOW,
        "pool_timeout": POOL_TIMEOUT_S,
        "pool_recycle": POOL_RECYCLE_S,
        "pool_pre_ping": True,
        "connect_args": {
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "editor_app",
            "options": "-c timezone=UTC",
        },
    }
    options.update(overrides)
    return create_engine(server_url(url), **options)


def current_revision(conn: Connection) -> str | None:
    """The schema's migration, None for a database the app never migrated."""
    if conn.execute(text("SELECT to_regclass('alembic_version')")).scalar() is None:
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else None


def refuse_unknown(current: str | None) -> None:
    """A schema written by a newer version of the app is refused untouched."""
    if current is None or current == SCHEMA_HEAD:
        return
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        ScriptDirectory.from_config(migrations.alembic_config()).get_revision(current)
    except CommandError:
        raise SchemaTooNew(
            f"Cơ sở dữ liệu trên máy chủ được tạo bởi phiên bản editor_app mới hơn (lược đồ "
            f"{current}). Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi."
        ) from None


def schema_is_current(engine: Engine) -> bool:
    """True when the server's schema is at the code's head (nothing to migrate)."""
    with engine.connect() as conn:
        current = current_revision(conn)
    refuse_unknown(current)
    return current == SCHEMA_HEAD


def migrate_engine(engine: Engine, target: str = SCHEMA_HEAD) -> str | None:
    """Brings the server's schema to `target` in one transaction (PostgreSQL's DDL is
    transactional: a failed upgrade leaves the schema as it was). Two processes upgrading at
    once wait for each other (a transaction-level advisory lock). Returns the revision it
    started from (None: a new database)."""
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        current = current_revision(conn)
        refuse_unknown(current)
        if current != target:
            from alembic import command

            cfg = migrations.alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    return current


def migrate(url: str | URL) -> str | None:
    """`migrate_engine` on the server at `url` (for `editor-app server init|upgrade`)."""
    engine = create_server_engine(url)
    try:
        return migrate_engine(engine)
    finally:
        engine.dispose()

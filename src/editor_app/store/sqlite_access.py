"""SQLite-only: opening a database without writing a byte, and telling a sound one from a
damaged one (the quick check, the full-text index's own check, its rebuild).

A read-only open takes no lock and never checkpoints. SQLite's `mode=ro` still needs the WAL's
shared-memory file, which it creates and grows when missing (it leaves `-wal`/`-shm` behind on
a writable folder, as a running app does); on a read-only folder, or a full disk, that fails.
There the database is opened `immutable=1` (SQLite then reads the file as it is, ignoring a
`-wal`) and nothing at all is written: a folder nobody can write to does not change under the
reader. See docs/storage.md.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, text

from editor_app.store import sqlite
from editor_app.store.errors import DatabaseCorrupt, SearchIndexCorrupt, classify

# Below this much free space the disk counts as full: SQLite's shared memory alone takes 32 KB,
# and a write needs room for its WAL frames.
FULL_BELOW = 256 * 1024

# SQLite primary codes that mean "cannot open this way" rather than "the file is bad".
_CANNOT_OPEN_THIS_WAY = {8, 10, 14}  # READONLY, IOERR (shared memory), CANTOPEN


def folder_writable(folder: Path) -> bool:
    """False on a read-only file system or a folder this user may not write to."""
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return False
    except (OSError, AttributeError):  # AttributeError: no statvfs (Windows)
        pass
    return os.access(folder, os.W_OK)


def disk_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < FULL_BELOW
    except OSError:
        return False


def _uris(path: Path) -> list[str]:
    base = path.resolve().as_uri()
    ro = f"{base}?mode=ro"
    frozen = f"{base}?mode=ro&immutable=1"
    folder = path.parent
    if folder_writable(folder) and not disk_full(folder):
        return [ro, frozen]
    # Try `mode=ro` only where it creates nothing: the WAL's files are already there.
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if wal.exists() and shm.exists():
        return [ro, frozen]
    return [frozen]


def read_only_engine(path: Path) -> Engine:
    """An engine whose connections can only read `path`, chosen so that opening writes no file.
    Raises DatabaseCorrupt (or another StoreError) when no way of opening works."""
    last: sqlite3.Error | None = None
    for uri in _uris(path):
        try:
            probe = sqlite3.connect(uri, uri=True)
            try:
                probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                probe.close()
        except sqlite3.Error as e:
            code = getattr(e, "sqlite_errorcode", 0) or 0
            if code & 0xFF in _CANNOT_OPEN_THIS_WAY:
                last = e
                continue
            known = classify(e)
            if known is None:
                raise
            raise known from e
        return _engine(path, uri)
    assert last is not None
    known = classify(last)
    if known is None:
        raise last
    raise known from last


def _engine(path: Path, uri: str) -> Engine:
    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    engine = create_engine(URL.create("sqlite", database=str(path)), creator=connect)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA query_only=1")
        dbapi_conn.execute("PRAGMA busy_timeout=5000")
        dbapi_conn.create_function(
            "editor_has_keyword",
            2,
            sqlite._has_keyword,  # the same SQL function as on a writable connection
            deterministic=True,
        )

    return engine


def quick_check(conn: Connection) -> list[str]:
    """SQLite's quick check (every page and b-tree, not the indexes' contents); [] when sound.
    A database too damaged to be read at all gives its error as the one problem."""
    try:
        rows = [str(r[0]) for r in conn.execute(text("PRAGMA quick_check"))]
    except Exception as e:
        known = classify(e)
        if isinstance(known, DatabaseCorrupt | SearchIndexCorrupt):
            return [str(getattr(e, "orig", e))]
        raise
    return [r for r in rows if r != "ok"]


def search_index_sound(path: Path) -> bool | None:
    """The full-text index's own check (it reads the whole index: seconds on 100,000 stories).
    It runs as a write statement, so it needs a folder it may write to: None when it cannot
    run (read-only folder, full disk)."""
    if not folder_writable(path.parent) or disk_full(path.parent):
        return None
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA busy_timeout=5000")
        fts = sqlite.FTS_TABLE
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        return True
    except sqlite3.DatabaseError as e:
        if isinstance(classify(e), SearchIndexCorrupt | DatabaseCorrupt):
            return False
        raise
    finally:
        conn.close()


def recreate_search_index(conn: Connection) -> None:
    """Drops the full-text index and marks every article for indexing again (the caller runs
    the indexing in the same transaction)."""
    conn.execute(text(f"DROP TABLE IF EXISTS {sqlite.FTS_TABLE}"))
    conn.execute(text(sqlite.CREATE_FTS_SQL))
    conn.execute(text("UPDATE articles SET search_dirty = 1"))

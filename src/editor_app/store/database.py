"""Opening a data folder: the lock, the engine, migrations, transactions, known errors."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from editor_app.store import migrations, sqlite
from editor_app.store.errors import SchemaTooNew, StoreError, translate_errors

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# The newest migration. Opening an up-to-date database skips loading Alembic (start-up time);
# a test checks this equals Alembic's head.
SCHEMA_HEAD = "0004"

DB_FILENAME = "editor_app.db"
MEDIA_DIRNAME = "media"
BACKUP_DIRNAME = "backups"


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(migrations.__file__).parent))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


class Database:
    """One open data folder. Holds the folder lock until `close()` (or the process ends)."""

    def __init__(self, data_dir: Path, engine: Engine, lock: sqlite.FolderLock | None) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.upgraded_from: str | None = None
        self.backup_before_upgrade: Path | None = None

    @property
    def path(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def media_dir(self) -> Path:
        return self.data_dir / MEDIA_DIRNAME

    @classmethod
    def open(cls, data_dir: Path, *, migrate_to: str | None = None, lock: bool = True) -> Database:
        """Locks the folder, then creates or upgrades the database in it.

        An older database is backed up, then upgraded in place (never recreated). A database
        written by a newer version of the app is refused untouched.
        """
        data_dir = Path(data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"Không tạo được thư mục dữ liệu {data_dir}: {e.strerror}") from e
        folder_lock = sqlite.FolderLock(data_dir) if lock else None
        if folder_lock is not None:
            folder_lock.acquire()
        try:
            engine = create_engine(f"sqlite:///{data_dir / DB_FILENAME}")
            sqlite.install_pragmas(engine)
            db = cls(data_dir, engine, folder_lock)
            with translate_errors():
                db._migrate(migrate_to or SCHEMA_HEAD)
            return db
        except BaseException:
            if folder_lock is not None:
                folder_lock.release()
            raise

    def current_revision(self) -> str | None:
        with translate_errors(), self.engine.connect() as conn:
            try:
                row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
            except OperationalError as e:
                if "no such table" in str(e):
                    return None
                raise
            return str(row[0]) if row else None

    def _migrate(self, target: str) -> None:
        current = self.current_revision()
        if current == target:
            return
        from alembic import command
        from alembic.script import ScriptDirectory
        from alembic.util.exc import CommandError

        cfg = _alembic_config()
        script = ScriptDirectory.from_config(cfg)
        if current is not None:
            try:
                script.get_revision(current)
            except CommandError:
                raise SchemaTooNew(
                    f"Cơ sở dữ liệu trong {self.data_dir} được tạo bởi phiên bản editor_app mới "
                    f"hơn (lược đồ {current}). Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi."
                ) from None
        if current is not None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            backup = self.data_dir / BACKUP_DIRNAME / f"before-upgrade-{current}-{stamp}.db"
            sqlite.online_backup(self.path, backup)
            self.backup_before_upgrade = backup
            log.info("database at %s backed up to %s before upgrade", current, backup)
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
        self.upgraded_from = current

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        with translate_errors(), self._sessions.begin() as session:
            yield session

    @contextmanager
    def quick_write(self) -> Iterator[Connection]:
        """A short Core transaction for the hottest path (autosave): no ORM session."""
        with translate_errors(), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Session]:
        with translate_errors(), self._sessions() as session:
            yield session

    def backup(self, dest: Path) -> None:
        with translate_errors():
            sqlite.online_backup(self.path, dest)

    def integrity_problems(self) -> list[str]:
        with translate_errors(), self.engine.connect() as conn:
            return sqlite.integrity_check(conn)

    def close(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        except Exception:  # closing must not fail; the WAL is replayed next time anyway
            log.exception("checkpoint on close failed")
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

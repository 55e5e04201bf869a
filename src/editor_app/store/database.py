"""Opening a data folder: the lock, the engine, migrations, transactions, known errors."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Engine, create_engine, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from editor_app.store import backups, damage, migrations, sqlite, sqlite_access
from editor_app.store.errors import (
    DISK_FULL,
    DatabaseCorrupt,
    DatabaseReadOnly,
    DiskFull,
    DiskIOError,
    SchemaTooNew,
    StoreError,
    classify,
    os_error,
    refused_write,
    translate_os_errors,
)
from editor_app.store.repo import search as search_repo
from editor_app.store.sessions import Sessions

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# The newest migration. Opening an up-to-date database skips loading Alembic (start-up time);
# a test checks this equals Alembic's head.
SCHEMA_HEAD = "0012"

DB_FILENAME = "editor_app.db"
MEDIA_DIRNAME = "media"
BACKUP_DIRNAME = backups.BACKUP_DIRNAME


def _alembic_config() -> Config:
    return migrations.alembic_config()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


class Database(Sessions):
    """One open data folder. A writer holds the folder lock until `close()` (or the process
    ends); a reader (`read_only=True`) takes no lock and writes no data (docs/storage.md)."""

    def __init__(
        self,
        data_dir: Path,
        engine: Engine,
        lock: sqlite.FolderLock | None,
        *,
        read_only: bool = False,
    ) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.read_only = read_only
        #: Set when the quick check found damage (the database is then open read-only).
        self.corrupt: DatabaseCorrupt | None = None
        #: Why a reader opened in place of a writer is not one (the folder's writer holds it, it
        #: is read-only, the disk is full): what a write met later says.
        self.writer_refusal: StoreError | None = None
        self.upgraded_from: str | None = None
        self.backup_before_upgrade: Path | None = None
        #: The day's automatic backup, once taken (see `_housekeeping`).
        self.auto_backup: Path | None = None
        self._backing_up: threading.Thread | None = None

    @property
    def path(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def media_dir(self) -> Path:
        return self.data_dir / MEDIA_DIRNAME

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        migrate_to: str | None = None,
        lock: bool = True,
        read_only: bool = False,
    ) -> Database:
        """Locks the folder, then creates or upgrades the database in it, after a quick check.

        An older database is backed up, then upgraded in place (never recreated). A database
        written by a newer version of the app is refused untouched, and so is a damaged one
        (its message names the latest backup and `editor-app restore`). An empty (0-byte)
        database file is reported, never silently replaced by an empty database.

        `read_only`: for commands that only read. Nothing is written to the folder (it may be
        read-only, or its disk full); a damaged database still opens, with `corrupt` set and
        every write refused. A folder with no database yet, or one to upgrade, is opened as a
        writer.
        """
        data_dir = Path(data_dir)
        path = data_dir / DB_FILENAME
        damage.refuse_empty(path)
        if read_only and path.is_file():
            db = cls._open_read_only(data_dir)
            if db is not None:
                return db
        return cls._open_writable(data_dir, migrate_to or SCHEMA_HEAD, lock)

    @classmethod
    def _open_read_only(cls, data_dir: Path) -> Database | None:
        """None when the schema must be upgraded first (a writer does that)."""
        engine = sqlite_access.read_only_engine(data_dir / DB_FILENAME)
        db = cls(data_dir, engine, None, read_only=True)
        try:
            with db._translate(), engine.connect() as conn:
                problems = sqlite_access.quick_check(conn)
            if problems:
                db.corrupt = DatabaseCorrupt(damage.corrupt_message(db.path, problems, opened=True))
                return db
            current = db.current_revision()
            db._refuse_unknown(current)
            if current == SCHEMA_HEAD:
                return db
            if sqlite_access.folder_writable(data_dir):
                engine.dispose()
                return None
            raise DatabaseReadOnly(
                f"Thư mục dữ liệu chỉ đọc: {data_dir}. Cơ sở dữ liệu trong đó là của phiên bản "
                f"trước (lược đồ {current}) và cần được nâng cấp, việc này phải ghi vào thư mục."
            )
        except BaseException:
            engine.dispose()
            raise

    @classmethod
    def _open_writable(cls, data_dir: Path, target: str, lock: bool) -> Database:
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            known = os_error(e, data_dir)
            message = f"Không tạo được thư mục dữ liệu {data_dir}: {e.strerror}"
            raise known or StoreError(message) from e
        if not sqlite_access.folder_writable(data_dir):
            raise DatabaseReadOnly(
                f"Thư mục dữ liệu chỉ đọc: {data_dir}. Việc này cần ghi vào đó; các lệnh chỉ "
                "đọc (list, show, search, export, backup, check) vẫn dùng được."
            )
        if sqlite_access.disk_full(data_dir):  # refused before SQLite leaves empty -wal, -shm
            raise DiskFull(DISK_FULL)
        existed = (data_dir / DB_FILENAME).is_file()
        folder_lock = sqlite.FolderLock(data_dir) if lock else None
        if folder_lock is not None:
            try:
                with translate_os_errors(data_dir):
                    folder_lock.acquire()
            except DiskIOError as e:
                if sqlite_access.disk_full(data_dir):
                    raise DiskFull(DISK_FULL) from e
                raise
        # URL.create: a folder name with "?" or "#" is a path, not a URL's query or fragment
        engine = create_engine(URL.create("sqlite", database=str(data_dir / DB_FILENAME)))
        try:
            sqlite.install_pragmas(engine)
            db = cls(data_dir, engine, folder_lock)
            with db._translate():
                if existed:
                    db._refuse_damaged()
                db._migrate(target)
            if existed:
                db._housekeeping()
            return db
        except BaseException:
            engine.dispose()
            if folder_lock is not None:
                folder_lock.release()
            raise

    def _refuse_damaged(self) -> None:
        with self.engine.connect() as conn:
            problems = sqlite_access.quick_check(conn)
        if problems:
            raise DatabaseCorrupt(damage.corrupt_message(self.path, problems, opened=False))

    def _housekeeping(self) -> None:
        """Removes unfinished copies and starts the day's automatic backup on a thread of its
        own (2 s at 100,000 stories: the window does not wait for it; `close()` does). A
        failure there (a full disk) is logged and never stops the work."""
        for part in backups.remove_leftover_parts(self.data_dir):
            log.info("removed the unfinished copy %s", part)
        now = datetime.now(UTC)
        if backups.auto_due(self.data_dir, now):
            self._backing_up = threading.Thread(
                target=self._auto_backup, args=(now,), name="auto-backup", daemon=True
            )
            self._backing_up.start()

    def _auto_backup(self, now: datetime) -> None:
        try:
            source = sqlite3.connect(str(self.path))
            try:
                self.auto_backup = backups.auto_backup(source, self.data_dir, now)
            finally:
                source.close()
        except Exception:  # logged at info: a warning would reach a command's stderr in English
            log.info("automatic backup of %s FAILED", self.path, exc_info=True)

    @contextmanager
    def _raw(self) -> Iterator[Any]:
        conn = self.engine.raw_connection()
        try:
            yield conn.driver_connection
        finally:
            conn.close()

    @contextmanager
    def _translate(self) -> Iterator[None]:
        """SQLite's errors as StoreErrors, told apart by what this folder is: an I/O error on a
        full disk is the full disk; a write refused by a damaged database says so."""
        try:
            yield
        except (sa_exc.DBAPIError, sqlite3.Error) as e:
            if self.corrupt is not None:  # whatever a damaged page gives, or a refused write
                raise DatabaseCorrupt(str(self.corrupt)) from e
            known = classify(e)
            if known is None:
                raise
            if isinstance(known, DatabaseReadOnly) and self.read_only:
                known = self.write_refused()
            elif isinstance(known, DiskIOError) and sqlite_access.disk_full(self.data_dir):
                known = DiskFull(DISK_FULL)
            elif isinstance(known, DatabaseCorrupt):
                known = DatabaseCorrupt(damage.corrupt_message(self.path, [], opened=False))
            raise known from e

    def write_refused(self, why: str = "") -> StoreError:
        """The refusal of a write on a reader (`why`, then `writer_refusal` or read-only)."""
        return refused_write(self.writer_refusal, why)

    def current_revision(self) -> str | None:
        with self._translate(), self.engine.connect() as conn:
            try:
                row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
            except OperationalError as e:
                if "no such table" in str(e):
                    return None
                raise
            return str(row[0]) if row else None

    def _refuse_unknown(self, current: str | None) -> None:
        if current is None or current == SCHEMA_HEAD:
            return
        from alembic.script import ScriptDirectory
        from alembic.util.exc import CommandError

        try:
            ScriptDirectory.from_config(_alembic_config()).get_revision(current)
        except CommandError:
            raise SchemaTooNew(
                f"Cơ sở dữ liệu trong {self.data_dir} được tạo bởi phiên bản editor_app mới "
                f"hơn (lược đồ {current}). Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi."
            ) from None

    def _migrate(self, target: str) -> None:
        current = self.current_revision()
        if current == target:
            return
        from alembic import command

        self._refuse_unknown(current)
        if current is not None:
            stamp = datetime.now(UTC).strftime(backups.STAMP)
            dest = self.data_dir / BACKUP_DIRNAME / f"before-upgrade-{current}-{stamp}.db"
            with self._raw() as raw:
                backups.online_backup(raw, dest)
            self.backup_before_upgrade = dest
            log.info("database at %s backed up to %s before upgrade", current, dest)
        cfg = _alembic_config()
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
        self.upgraded_from = current

    def backup(self, dest: Path) -> None:
        """A consistent copy at `dest`; refused for a damaged database (the copy would be as
        damaged, and could replace a good one)."""
        if self.corrupt is not None:
            raise DatabaseCorrupt(f"Không sao lưu: {self.corrupt}")
        with self._translate(), translate_os_errors(self.data_dir), self._raw() as raw:
            backups.online_backup(raw, dest)

    def integrity_problems(self) -> list[str]:
        with self._translate(), self.engine.connect() as conn:
            problems = sqlite_access.quick_check(conn)
            if not problems:
                rows = [str(r[0]) for r in conn.execute(text("PRAGMA integrity_check"))]
                problems = [r for r in rows if r != "ok"]
            fk = list(conn.execute(text("PRAGMA foreign_key_check")))
        problems.extend(
            f"khóa ngoại hỏng: bảng {r[0]}, dòng {r[1]} trỏ tới {r[2]} không có" for r in fk
        )
        return problems

    def search_index_sound(self) -> bool | None:
        """The full-text index's own check; None when it cannot run here (read-only folder)."""
        with self._translate():
            return sqlite_access.search_index_sound(self.path)

    def rebuild_search_index(self) -> int:
        """Builds the full-text index anew from the stories; returns how many were indexed."""

        with self.transaction() as s:
            sqlite_access.recreate_search_index(s.connection())
            return search_repo.reindex_dirty(s)

    @classmethod
    def restore(cls, data_dir: Path, backup: Path | None = None) -> tuple[Path, Path | None]:
        """Replaces the folder's database with `backup` (None: the latest good one in
        `backups/`) once it passes the quick check; the replaced one is kept aside next to it.
        Holds the folder lock meanwhile (refused while the app runs). Returns the backup used
        and where the old database went (None: there was none)."""
        data_dir = Path(data_dir)
        if backup is None:
            backup = backups.latest_good(data_dir)
            if backup is None:
                raise StoreError(
                    f"Không có bản sao lưu tốt nào trong {backups.folder(data_dir)}. Nếu có bản "
                    f"sao lưu ở nơi khác: editor-app --data-dir “{data_dir}” restore TỆP"
                )
        else:
            problems = backups.check_file(Path(backup))
            if problems:
                raise DatabaseCorrupt(
                    f"Bản sao lưu {backup} không dùng được ({problems[0]}): không khôi phục từ "
                    "nó. Hãy chọn một bản sao lưu khác."
                )
        path = data_dir / DB_FILENAME
        had = path.exists()
        folder_lock = sqlite.FolderLock(data_dir)
        with translate_os_errors(data_dir):
            folder_lock.acquire()
            try:
                aside = backups.put_back(Path(backup), path, datetime.now(UTC))
            finally:
                folder_lock.release()
        cls.open(data_dir).close()  # upgrades a backup from an older version, checks it again
        return Path(backup), aside if had else None

    def close(self) -> None:
        if self._backing_up is not None:
            self._backing_up.join()
            self._backing_up = None
        if not self.read_only:
            try:
                with self.engine.connect() as conn:
                    conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
            except Exception:  # closing must not fail; the WAL is replayed next time anyway
                log.exception("checkpoint on close failed")
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

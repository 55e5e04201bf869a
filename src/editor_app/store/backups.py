"""Copies of the database: SQLite's online backup, the automatic copies kept in `backups/`,
the latest good one, and putting one back (docs/storage.md)."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

BACKUP_DIRNAME = "backups"
AUTO_PREFIX = "auto-"
# One automatic copy a day (taken when a writer opens the folder), the last seven kept.
AUTO_EVERY = timedelta(days=1)
KEEP_AUTO = 7
STAMP = "%Y%m%dT%H%M%SZ"


def part_of(dest: Path) -> Path:
    """Where a copy is written before it is complete (renamed over `dest` at the end)."""
    return dest.with_name(dest.name + ".part")


def online_backup(source: sqlite3.Connection, dest: Path) -> None:
    """A consistent copy while the app may be writing, written atomically: a copy that fails
    (full disk) leaves neither `dest` nor its `.part` behind."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = part_of(dest)
    part.unlink(missing_ok=True)  # left by a copy that was killed
    try:
        out = sqlite3.connect(str(part))
        try:
            source.backup(out)
        finally:
            out.close()
        os.replace(part, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise


def folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIRNAME


def backups_of(data_dir: Path) -> list[Path]:
    """Every copy in `backups/` (automatic and before-upgrade ones), newest first."""
    try:
        found = [p for p in folder(data_dir).glob("*.db") if p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def auto_due(data_dir: Path, now: datetime) -> bool:
    autos = sorted(folder(data_dir).glob(f"{AUTO_PREFIX}*.db"))
    if not autos:
        return True
    try:
        last = datetime.strptime(autos[-1].stem.removeprefix(AUTO_PREFIX), STAMP)
        last = last.replace(tzinfo=UTC)
    except ValueError:
        last = datetime.fromtimestamp(autos[-1].stat().st_mtime, UTC)
    return now - last >= AUTO_EVERY


def auto_backup(source: sqlite3.Connection, data_dir: Path, now: datetime) -> Path:
    """Takes today's automatic copy and keeps only the last KEEP_AUTO of them."""
    dest = folder(data_dir) / f"{AUTO_PREFIX}{now.strftime(STAMP)}.db"
    online_backup(source, dest)
    for old in sorted(folder(data_dir).glob(f"{AUTO_PREFIX}*.db"))[:-KEEP_AUTO]:
        old.unlink(missing_ok=True)
    return dest


def leftover_parts(data_dir: Path) -> list[Path]:
    """Unfinished copies (`*.part`) left by a backup that failed or was killed."""
    found: list[Path] = []
    for where in (data_dir, folder(data_dir)):
        with contextlib.suppress(OSError):
            found += sorted(where.glob("*.part"))
    return found


def remove_leftover_parts(data_dir: Path) -> list[Path]:
    removed = []
    for part in leftover_parts(data_dir):
        with contextlib.suppress(OSError):
            part.unlink()
            removed.append(part)
    return removed


def check_file(path: Path) -> list[str]:
    """What is wrong with a backup file, in Vietnamese ([] when it is a sound editor_app
    database; SQLite's own words go to the log). Opened read-only and immutable: nothing
    writes to a backup."""
    try:
        if path.stat().st_size == 0:
            return ["tệp rỗng (0 byte)"]
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except (OSError, sqlite3.Error) as e:
        log.info("cannot open backup %s: %s", path, e)
        return ["không mở được tệp"]
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
        tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error as e:
        rows, tables = [str(e)], set()
    finally:
        conn.close()
    damage = [r for r in rows if r != "ok"]
    if damage:
        log.info("quick check of backup %s: %s", path, "; ".join(damage[:20]))
        return ["tệp bị hỏng"]
    if not {"alembic_version", "articles"} <= tables:
        return ["không phải cơ sở dữ liệu của editor_app"]
    return []


def latest_good(data_dir: Path) -> Path | None:
    for candidate in backups_of(data_dir):
        if not check_file(candidate):
            return candidate
    return None


def put_back(backup: Path, db_path: Path, now: datetime) -> Path:
    """Replaces the database at `db_path` with a copy of `backup` (checked by the caller);
    the database it replaces (and its -wal, -shm) is kept aside. Returns where."""
    staged = db_path.with_name(db_path.name + ".restoring")
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        online_backup(source, staged)
    finally:
        source.close()
    aside = db_path.with_name(f"{db_path.name}.before-restore-{now.strftime(STAMP)}")
    if db_path.exists():
        os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{db_path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{aside}{suffix}"))
    os.replace(staged, db_path)
    return aside

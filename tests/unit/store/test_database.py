from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from editor_app.domain.article import Article, Photo
from editor_app.domain.officials.people import Official, Title
from editor_app.store.database import DB_FILENAME, Database, head_revision
from editor_app.store.errors import (
    DatabaseCorrupt,
    DataFolderLocked,
    DiskFull,
    SchemaTooNew,
)
from editor_app.store.repo import articles as repo
from editor_app.store.repo import officials as officials_repo
from editor_app.store.repo import search as search_repo


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_folder_gets_the_latest_schema(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "new")
    try:
        assert db.current_revision() == head_revision()
        assert db.upgraded_from is None
        assert db.integrity_problems() == []
        with db.engine.connect() as c:
            assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        db.close()


def test_round_trip_of_an_article_with_photos(db: Database) -> None:
    a = Article(
        headline="Đại hội Đảng bộ tỉnh",
        sapo="Sáng nay…",
        body="Nội dung **đậm**.",
        keywords=["Bầu cử", "Đại hội"],
        photos=[Photo(sha256="a" * 64, filename="ảnh 1.jpg", width=10, height=5, size_bytes=9)],
    )
    with db.transaction() as s:
        repo.add_article(s, a)
    with db.read() as s:
        b = repo.get_article(s, a.id)
    assert (b.headline, b.sapo, b.body, b.keywords) == (a.headline, a.sapo, a.body, a.keywords)
    assert b.photos[0].filename == "ảnh 1.jpg"
    assert b.created_at == a.created_at.replace(microsecond=a.created_at.microsecond)
    assert b.created_at.tzinfo is not None


def test_upgrade_from_first_revision_keeps_data_and_backs_up(tmp_path: Path) -> None:
    data = tmp_path / "old"
    old = Database.open(data, migrate_to="0001")
    aid = str(uuid.uuid4())
    with old.engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO articles (id, headline, sapo, body, secondary_sections, keywords,"
                " byline, location, status, created_at, updated_at) VALUES (:id,"
                " 'Hội nghị Đảng ủy', 'Sapo', 'Thân bài về Đồng chí Dương Đức Huy', '[]', '[]',"
                " '', '', 'draft', '2023-04-12 02:55:00', '2023-04-12 02:55:00')"
            ),
            {"id": aid},
        )
    old.close()

    db = Database.open(data)
    try:
        assert db.upgraded_from == "0001"
        assert db.current_revision() == head_revision()
        assert db.backup_before_upgrade is not None and db.backup_before_upgrade.is_file()
        with sqlite3.connect(db.backup_before_upgrade) as bak:
            assert bak.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        with db.transaction() as s:
            assert repo.get_article(s, uuid.UUID(aid)).headline == "Hội nghị Đảng ủy"
            search_repo.reindex_dirty(s)
            hits = search_repo.search(s, "duong duc huy")
        assert [h.id for h in hits] == [uuid.UUID(aid)]
        assert db.integrity_problems() == []
    finally:
        db.close()


def test_database_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    data = tmp_path / "future"
    Database.open(data).close()
    with sqlite3.connect(data / DB_FILENAME) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = _sha(data / DB_FILENAME)
    with pytest.raises(SchemaTooNew, match="phiên bản editor_app mới hơn"):
        Database.open(data)
    assert _sha(data / DB_FILENAME) == before
    # the lock was released: the folder can be opened again by a fixed app
    with pytest.raises(SchemaTooNew):
        Database.open(data)


def test_corrupt_file_gets_a_clear_message(tmp_path: Path) -> None:
    data = tmp_path / "corrupt"
    data.mkdir()
    (data / DB_FILENAME).write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseCorrupt):
        Database.open(data)


def test_disk_full_is_told_apart_from_bugs(db: Database) -> None:
    with db.engine.connect() as c:
        pages = int(c.execute(text("PRAGMA page_count")).scalar() or 0)
    a = Article(headline="x")
    with db.transaction() as s:
        repo.add_article(s, a)

    from sqlalchemy import event

    @event.listens_for(db.engine, "connect")
    def _small(dbapi_conn: Any, _rec: object) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    db.engine.dispose()
    with pytest.raises(DiskFull, match="Ổ đĩa đầy"), db.transaction() as s:
        repo.update_article_fields(s, a.id, {"body": "chữ " * 200_000})


LOCK_HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from editor_app.store.database import Database
    db = Database.open(Path(sys.argv[1]))
    print("ready", flush=True)
    sys.stdin.readline()
    db.close()
    """
)


def test_second_process_on_same_folder_gets_a_clear_message(tmp_path: Path) -> None:
    data = tmp_path / "shared"
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(DataFolderLocked, match=f"tiến trình {holder.pid}"):
            Database.open(data)
    finally:
        holder.communicate("\n", timeout=30)
    Database.open(data).close()  # free again once the other process has closed


def test_lock_is_released_when_the_holder_is_killed(tmp_path: Path) -> None:
    data = tmp_path / "killed"
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    holder.kill()
    holder.communicate(timeout=30)  # waits, and closes its pipes
    db = Database.open(data)
    assert db.integrity_problems() == []
    db.close()


def test_backup_restores(db: Database, tmp_path: Path) -> None:
    a = Article(headline="Bài cần giữ", body="Nội dung quý.")
    o = Official("Dương Đức Huy", [Title("Trưởng Ban Tuyên giáo Tỉnh ủy")])
    with db.transaction() as s:
        repo.add_article(s, a)
        officials_repo.upsert_official(s, o)
    dest = tmp_path / "bak" / "copy.db"
    db.backup(dest)
    restored_dir = tmp_path / "restored"
    restored_dir.mkdir()
    (restored_dir / DB_FILENAME).write_bytes(dest.read_bytes())
    restored = Database.open(restored_dir)
    try:
        with restored.read() as s:
            assert repo.get_article(s, a.id).body == "Nội dung quý."
            assert (
                officials_repo.list_officials(s)[0].titles[0].text
                == "Trưởng Ban Tuyên giáo Tỉnh ủy"
            )
        assert restored.integrity_problems() == []
    finally:
        restored.close()


def test_schema_head_constant_matches_the_migrations() -> None:
    from editor_app.store.database import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def _plans(db: Database, call) -> list[str]:  # type: ignore[no-untyped-def]
    """The query plans SQLite chose for the statements `call` ran."""
    from sqlalchemy import event

    seen: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many):  # type: ignore[no-untyped-def]
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.read() as s:
            call(s)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    plans = []
    with db.engine.connect() as c:
        for statement, parameters in seen:
            if statement.lstrip().upper().startswith("SELECT"):
                rows = c.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)  # type: ignore[arg-type]
                plans.append(" / ".join(str(r[-1]) for r in rows))
    return plans


def test_the_list_and_the_keywords_read_indexes_not_the_rows(db: Database) -> None:
    # A row's columns after the body sit behind its overflow pages: the list (every story) and
    # the keywords in use must come from covering indexes (migration 0004).
    from editor_app.domain.listing import ArticleFilter
    from editor_app.domain.workflow import Status

    with db.transaction() as s:
        for i in range(3):
            repo.add_article(s, Article(headline=f"Bài {i}", body="x " * 5000, keywords=["Lúa"]))
    for flt in (ArticleFilter(), ArticleFilter(status=Status.DRAFT), ArticleFilter(trashed=True)):
        (plan,) = _plans(db, lambda s, f=flt: repo.article_ids(s, f))
        assert "COVERING INDEX ix_articles_list" in plan, plan
    (plan,) = _plans(db, repo.used_keywords)
    assert "COVERING INDEX ix_articles_keywords" in plan, plan
    with db.read() as s:
        assert repo.used_keywords(s) == ["Lúa"]


def test_a_folder_name_with_url_characters_holds_its_own_database(tmp_path: Path) -> None:
    data = tmp_path / "Dữ liệu #1?bản 2%20"
    db = Database.open(data)
    db.close()
    assert (data / DB_FILENAME).is_file()
    assert [p.name for p in tmp_path.iterdir()] == [data.name]  # nothing beside it
    reader = Database.open(data, read_only=True)
    try:
        assert reader.read_only and reader.current_revision() == head_revision()
    finally:
        reader.close()

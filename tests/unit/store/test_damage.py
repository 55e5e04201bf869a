"""A damaged database at the store's level (issue 20, point 7): the quick check at open, the
read-only open it falls back to, refused writes and backups, the search index's rebuild, the
automatic backups. Real SQLite files damaged in place."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from editor_app.domain.article import Article
from editor_app.store import backups
from editor_app.store.database import DB_FILENAME, Database
from editor_app.store.errors import DatabaseCorrupt, SearchIndexCorrupt
from editor_app.store.repo import articles as repo
from editor_app.store.repo import search as search_repo


def _folder(data: Path, stories: int = 40) -> list[Article]:
    made = [
        Article(headline=f"Tin số {i}", body=f"Nội dung đủ dài {i}. " * 300) for i in range(stories)
    ]
    db = Database.open(data)
    try:
        with db.transaction() as s:
            for a in made:
                repo.add_article(s, a)
        with db.transaction() as s:
            search_repo.reindex_dirty(s)
    finally:
        db.close()
    return made


def _garble(path: Path) -> None:
    with open(path, "r+b") as f:
        f.seek(path.stat().st_size // 2)
        f.write(os.urandom(8192))


def test_an_empty_file_is_not_recreated(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_FILENAME).write_bytes(b"")
    for read_only in (False, True):
        with pytest.raises(DatabaseCorrupt, match=r"rỗng \(0 byte\).*restore"):
            Database.open(data, read_only=read_only)
    assert (data / DB_FILENAME).stat().st_size == 0
    assert not (data / "backups").exists()


def test_damage_refuses_a_writer_and_opens_read_only_for_a_reader(tmp_path: Path) -> None:
    data = tmp_path / "data"
    made = _folder(data)
    Database.open(data).close()  # the day's automatic backup
    _garble(data / DB_FILENAME)
    autos = sorted((data / "backups").glob("auto-*.db"))

    with pytest.raises(DatabaseCorrupt, match=r"bị hỏng.*Bản sao lưu tốt mới nhất: auto-"):
        Database.open(data)
    assert sorted((data / "backups").glob("auto-*.db")) == autos  # no copy of a damaged one

    db = Database.open(data, read_only=True)
    try:
        assert db.corrupt is not None and "chỉ mở để đọc" in str(db.corrupt)
        with pytest.raises(DatabaseCorrupt, match="bị hỏng"), db.transaction() as s:
            repo.add_article(s, Article(headline="Bài mới"))
        with pytest.raises(DatabaseCorrupt, match="Không sao lưu"):
            db.backup(tmp_path / "copy.db")
        assert not (tmp_path / "copy.db").exists()
    finally:
        db.close()
    assert made  # the stories were real ones, spread over many pages


def test_a_reader_takes_no_lock_and_a_writer_still_refuses_a_second_writer(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    _folder(data, stories=1)
    (data / "editor_app.lock").unlink()
    reader = Database.open(data, read_only=True)
    try:
        assert not (data / "editor_app.lock").exists()
        writer = Database.open(data)  # a reader does not keep the app out
        writer.close()
    finally:
        reader.close()


def test_a_damaged_search_index_is_told_apart_and_rebuilt(tmp_path: Path) -> None:
    data = tmp_path / "data"
    made = _folder(data, stories=5)
    with sqlite3.connect(data / DB_FILENAME) as c:
        c.execute("DELETE FROM articles_fts_data WHERE id NOT IN (1, 10)")
    db = Database.open(data)  # the tables are sound: the quick check passes
    try:
        with pytest.raises(SearchIndexCorrupt, match="Chỉ mục tìm kiếm bị hỏng"), db.read() as s:
            search_repo.search(s, "Tin số", 20)
        assert db.search_index_sound() is False
        assert db.rebuild_search_index() == 5
        assert db.search_index_sound() is True
        with db.read() as s:
            assert {h.id for h in search_repo.search(s, "noi dung du dai", 20)} == {
                a.id for a in made
            }
    finally:
        db.close()


def test_an_automatic_backup_that_fails_never_stops_the_open(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _folder(data, stories=1)
    (data / "backups").write_text("not a folder", encoding="utf-8")  # the copy cannot be made
    db = Database.open(data)
    try:
        with db.read() as s:
            assert len(repo.article_ids(s)) == 1
    finally:
        db.close()
    assert db.auto_backup is None
    assert not list(data.glob("*.part"))


def test_the_automatic_backup_is_a_sound_copy_taken_once_a_day(tmp_path: Path) -> None:
    data = tmp_path / "data"
    made = _folder(data, stories=3)
    db = Database.open(data)  # an existing database without a copy yet: one is taken
    db.close()
    assert db.auto_backup is not None and db.auto_backup.parent == data / "backups"
    assert backups.check_file(db.auto_backup) == []
    with sqlite3.connect(db.auto_backup) as c:
        assert c.execute("SELECT count(*) FROM articles").fetchone()[0] == len(made)
    again = Database.open(data)
    again.close()
    assert again.auto_backup is None  # not twice the same day

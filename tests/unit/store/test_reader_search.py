"""A reader's search (issue 15, point 4): it may not bring the index up to date, so the stories
changed since (search_dirty) are searched in their current text, the others in the index. And a
write met by a reader opened because a writer held the folder says so, naming the writer."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor_app.domain.article import Article
from editor_app.domain.officials.people import Official
from editor_app.services.workspace import Workspace
from editor_app.store.database import Database
from editor_app.store.errors import DatabaseReadOnly, DataFolderLocked
from editor_app.store.repo import articles as repo
from editor_app.store.repo import officials as officials_repo
from editor_app.store.repo import search as search_repo

from .test_database import LOCK_HOLDER


def _add(db: Database, headline: str, body: str = "Nội dung.") -> uuid.UUID:
    a = Article(headline=headline, body=body)
    with db.transaction() as s:
        repo.add_article(s, a)
    return a.id


def _indexed(db: Database) -> None:
    with db.transaction() as s:
        search_repo.reindex_dirty(s)


@pytest.fixture
def reader(db: Database) -> Iterator[Database]:
    r = Database.open(db.data_dir, read_only=True)
    yield r
    r.close()


def _found(reader: Database, query: str, **kw: bool) -> list[uuid.UUID]:
    with reader.read() as s:
        return [h.id for h in search_repo.search(s, query, unindexed=True, **kw)]


def test_a_reader_finds_stories_changed_since_the_last_indexing(
    db: Database, reader: Database
) -> None:
    old = _add(db, "Hội nghị giao ban quý I", "Đồng chí Dương Đức Huy phát biểu.")
    _indexed(db)
    new = _add(db, "Phiên chợ vùng cao Mường Khương", "Đồng chí Dương Đức Huy thăm chợ.")
    with db.transaction() as s:  # saved as the window does, without indexing
        repo.update_article_fields(s, old, {"body": "Đồng chí Lê Minh phát biểu."})

    with reader.read() as s:  # without `unindexed`: the index as it is
        assert [h.id for h in search_repo.search(s, "muong khuong")] == []
    assert _found(reader, "muong khuong") == [new]
    assert _found(reader, "duong duc huy") == [new]  # not `old` on its indexed text
    assert _found(reader, "le minh") == [old]
    assert _found(reader, "giao ban") == [old]  # the changed story's other words
    assert _found(reader, "khuo", prefix=True) == [new]
    assert set(_found(reader, "dong chi")) == {old, new}


def test_a_readers_search_leaves_the_trash_out_and_finds_official_names(
    db: Database, reader: Database
) -> None:
    kept = _add(db, "Hội nghị tổng kết công tác Đảng")
    trashed = _add(db, "Hội nghị sơ kết công tác Đảng")
    huy = Official("Dương Đức Huy", [], aliases=["Huy"])
    with db.transaction() as s:
        repo.set_trashed(s, trashed, True)
        officials_repo.upsert_official(s, huy)
        officials_repo.set_article_officials(s, kept, [huy.id])

    assert _found(reader, "hoi nghi") == [kept]
    assert set(_found(reader, "hoi nghi", include_trashed=True)) == {kept, trashed}
    assert _found(reader, "duong duc huy") == [kept]  # the tagged official's name
    with db.read() as s:
        assert (
            s.connection()
            .exec_driver_sql("SELECT count(*) FROM articles WHERE search_dirty")
            .scalar_one()
            == 2
        )  # the reader indexed nothing
    assert _found(reader, "") == []


def test_a_write_on_a_reader_says_why_it_is_not_a_writer(tmp_path: Path) -> None:
    data = tmp_path / "held"
    Database.open(data).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with Workspace.open(data, or_read_only=True) as ws:
            assert ws.db.read_only
            with pytest.raises(DataFolderLocked, match=f"tiến trình {holder.pid}"):
                ws.articles.create(headline="Bài mới")
        # asked to read, it never tried to write: it cannot tell why more precisely
        with Workspace.open(data, read_only=True) as ws, pytest.raises(DatabaseReadOnly):
            ws.articles.create(headline="Bài mới")
    finally:
        holder.communicate("\n", timeout=30)

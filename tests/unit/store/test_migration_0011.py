"""Migration 0011 (several bylines) on a database made by the release before it (0010): a
single byline is kept unchanged and read as one writer, every story is marked for indexing,
and the search then finds a story by any person of its byline, on both engines."""

from __future__ import annotations

from pathlib import Path

from helpers.migrations import alembic
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from editor_app.domain.bylines import Credit, parse_byline
from editor_app.domain.listing import ArticleFilter
from editor_app.store import postgres
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo
from editor_app.store.repo import search as search_repo

ARTICLE = (
    "INSERT INTO articles (id, headline, sapo, body, status, secondary_sections, keywords, "
    "byline, location, created_at, updated_at, search_dirty) VALUES (:id, :headline, '', "
    "'Thân bài.', 'draft', '[]', '[]', :byline, '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, false)"
)
OLD = "Đ/c Dương Đức Huy, Trưởng Ban Tuyên giáo"


def _at_0010(engine: Engine) -> None:
    """A database as the release before made it, with two stories and their bylines."""
    alembic(engine, "upgrade", "0010")
    with engine.begin() as conn:
        for aid, headline, byline in (
            ("00000000-0000-0000-0000-000000000001", "Hội nghị", "Thanh Hà"),
            ("00000000-0000-0000-0000-000000000002", "Giao ban", OLD),
        ):
            conn.execute(text(ARTICLE), {"id": aid, "headline": headline, "byline": byline})


def _check_upgrade(engine: Engine) -> None:
    alembic(engine, "upgrade", "0011")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT byline, search_dirty FROM articles ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [("Thanh Hà", True), (OLD, True)]
    assert parse_byline(rows[0][0]) == [Credit("Thanh Hà")]
    assert parse_byline(rows[1][0]) == [Credit(OLD)]


def test_single_bylines_unchanged_and_found_on_sqlite(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'editor_app.db'}")
    try:
        _at_0010(engine)
        _check_upgrade(engine)
        alembic(engine, "downgrade", "0010")
        alembic(engine, "upgrade", "head")
    finally:
        engine.dispose()
    db = Database.open(tmp_path)
    try:
        _search_both_ways(db)
    finally:
        db.close()


def _search_both_ways(db: Database) -> None:
    with db.transaction() as s:
        search_repo.reindex_dirty(s)
        s.execute(
            text("UPDATE articles SET byline = :b WHERE headline = 'Hội nghị'"),
            {"b": "Bài: Thanh Hà – Ảnh: Hồng Ninh"},
        )
        s.execute(text("UPDATE articles SET search_dirty = 1"))
        search_repo.reindex_dirty(s)
        found = [h.headline for h in search_repo.search(s, "hong ninh")]
        assert found == ["Hội nghị"]
        assert [h.headline for h in search_repo.search(s, "duong duc huy")] == ["Giao ban"]
        ids = repo.article_ids(s, ArticleFilter(author="Hồng Ninh"))
        assert [str(i)[-1] for i in ids] == ["1"]


def test_single_bylines_unchanged_and_found_on_postgresql(pg_url: str) -> None:
    engine = postgres.create_server_engine(pg_url)
    try:
        _at_0010(engine)
        _check_upgrade(engine)
        alembic(engine, "downgrade", "0010")
        alembic(engine, "upgrade", "head")
        with Session(engine) as s, s.begin():
            s.execute(
                text("UPDATE articles SET byline = :b WHERE headline = 'Hội nghị'"),
                {"b": "Bài: Thanh Hà – Ảnh: Hồng Ninh"},
            )
            search_repo.reindex_dirty(s)
            hits = search_repo.search(s, "hong ninh")
            assert [h.headline for h in hits] == ["Hội nghị"]
            assert "[Hồng] [Ninh]" in hits[0].snippet
            assert [h.headline for h in search_repo.search(s, "duong duc huy")] == ["Giao ban"]
    finally:
        engine.dispose()

"""Migration 0009 (the server's word pairs) up and down: on PostgreSQL the pairs' function and
its GIN index, `doc` compressed with lz4, every article marked for indexing; gone after a
downgrade and back after a second upgrade; on SQLite (the desk) nothing changes."""

from __future__ import annotations

from pathlib import Path

from helpers.migrations import alembic
from sqlalchemy import Connection, create_engine, inspect, text

from editor_app.store import postgres


def _server_search(conn: Connection) -> dict[str, object]:
    return {
        "columns": sorted(c["name"] for c in inspect(conn).get_columns("article_search")),
        "indexes": sorted(str(i["name"]) for i in inspect(conn).get_indexes("article_search")),
        "function": conn.execute(
            text("SELECT count(*) FROM pg_proc WHERE proname = 'article_search_pairs'")
        ).scalar(),
        "compression": dict(
            conn.execute(
                text(
                    "SELECT attname, attcompression FROM pg_attribute "
                    "WHERE attrelid = 'article_search'::regclass AND attname = 'doc'"
                )
            ).all()
        ),
    }


def test_up_and_down_on_postgresql(pg_url: str) -> None:
    engine = postgres.create_server_engine(pg_url)
    try:
        alembic(engine, "upgrade", "0009")
        with engine.begin() as conn:
            assert _server_search(conn) == {
                "columns": ["article_pk", "doc"],
                "indexes": ["ix_article_search_doc", "ix_article_search_pairs"],
                "function": 1,
                "compression": {"doc": "l"},
            }
            conn.execute(
                text(
                    "INSERT INTO articles (id, headline, sapo, body, status, secondary_sections, "
                    "keywords, byline, location, created_at, updated_at, search_dirty) "
                    "VALUES ('a', 'h', '', '', 'draft', '[]', '[]', '', '', now(), now(), false)"
                )
            )
        alembic(engine, "downgrade", "0008")
        with engine.connect() as conn:
            assert _server_search(conn) == {
                "columns": ["article_pk", "doc"],
                "indexes": ["ix_article_search_doc"],
                "function": 0,
                "compression": {"doc": ""},
            }
        alembic(engine, "upgrade", "0009")
        with engine.connect() as conn:
            assert _server_search(conn)["function"] == 1
            assert conn.execute(text("SELECT search_dirty FROM articles")).scalar() is True
    finally:
        engine.dispose()


def test_nothing_changes_on_sqlite(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'desk.db'}")
    try:
        alembic(engine, "upgrade", "0008")
        before = sorted(inspect(engine).get_table_names())
        alembic(engine, "upgrade", "0009")
        assert sorted(inspect(engine).get_table_names()) == before
        alembic(engine, "downgrade", "0008")
        alembic(engine, "upgrade", "0009")
        assert "article_search" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()

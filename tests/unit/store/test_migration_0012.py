"""Migration 0012 (the server's index of the top fields' word pairs) up and down: on PostgreSQL
the index, built over the stories already indexed, finds a phrase in a headline and not one in
a body only, and is what PostgreSQL reads; gone after a downgrade; on SQLite nothing changes."""

from __future__ import annotations

from pathlib import Path

from helpers.migrations import alembic
from sqlalchemy import Connection, create_engine, inspect, text

from editor_app.store import pg_search, pg_tsquery, postgres

ARTICLE = (
    "INSERT INTO articles (pk, id, headline, sapo, body, status, secondary_sections, keywords, "
    "byline, location, created_at, updated_at, search_dirty) VALUES (:pk, :id, :headline, '', "
    ":body, 'draft', '[]', '[]', '', '', now(), now(), false)"
)
STORIES = [
    (1, "Hội nghị tổng kết năm", "Thân bài."),
    (2, "Giao ban quý I", "Sáng nay, hội nghị tổng kết diễn ra tại tỉnh."),
]


def _indexes(conn: Connection) -> list[str]:
    return sorted(str(i["name"]) for i in inspect(conn).get_indexes("article_search"))


def _in_top_fields(conn: Connection, phrase: str) -> tuple[list[int], str]:
    """The stories whose top fields' pairs hold the phrase's, and the plan reading them."""
    match = pg_tsquery.build_query(f'"{phrase}"')
    assert match is not None
    query = match.loose.in_top_fields()
    sql = f"SELECT s.article_pk FROM article_search s WHERE {query.of} @@ CAST(:p AS tsquery)"
    conn.execute(text("SET LOCAL enable_seqscan = off"))
    plan = "\n".join(str(r[0]) for r in conn.execute(text("EXPLAIN " + sql), {"p": query.pairs}))
    return sorted(int(pk) for (pk,) in conn.execute(text(sql), {"p": query.pairs})), plan


def test_up_and_down_on_postgresql(pg_url: str) -> None:
    engine = postgres.create_server_engine(pg_url)
    try:
        alembic(engine, "upgrade", "0011")
        with engine.begin() as conn:
            for pk, headline, body in STORIES:
                conn.execute(
                    text(ARTICLE), {"pk": pk, "id": str(pk), "headline": headline, "body": body}
                )
                doc = pg_search.tsvector_literal({"headline": headline, "body": body})
                conn.execute(
                    text("INSERT INTO article_search VALUES (:pk, CAST(:doc AS tsvector))"),
                    {"pk": pk, "doc": doc},
                )
        alembic(engine, "upgrade", "0012")
        with engine.begin() as conn:
            assert _indexes(conn) == [
                "ix_article_search_doc",
                "ix_article_search_pairs",
                "ix_article_search_top_pairs",
            ]
            found, plan = _in_top_fields(conn, "hội nghị tổng kết")
            assert found == [1]
            assert "ix_article_search_top_pairs" in plan
        alembic(engine, "downgrade", "0011")
        with engine.connect() as conn:
            assert _indexes(conn) == ["ix_article_search_doc", "ix_article_search_pairs"]
        alembic(engine, "upgrade", "0012")
        with engine.connect() as conn:
            assert "ix_article_search_top_pairs" in _indexes(conn)
    finally:
        engine.dispose()


def test_nothing_changes_on_sqlite(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'desk.db'}")
    try:
        alembic(engine, "upgrade", "0011")
        before = {t: inspect(engine).get_indexes(t) for t in inspect(engine).get_table_names()}
        alembic(engine, "upgrade", "0012")
        assert {t: inspect(engine).get_indexes(t) for t in inspect(engine).get_table_names()} == (
            before
        )
        alembic(engine, "downgrade", "0011")
    finally:
        engine.dispose()

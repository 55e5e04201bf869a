"""Migration 0010 (the focal point) up and down on both engines: `photos.focus_x` and
`focus_y`, NULL for the photos already there (their crops stay centred); a point survives
nothing of a downgrade, and the photos' other columns survive both ways."""

from __future__ import annotations

from pathlib import Path

from helpers.migrations import alembic
from sqlalchemy import Engine, create_engine, inspect, text

from editor_app.store import postgres

PHOTO = (
    "INSERT INTO photos (id, article_pk, sha256, filename, format, width, height, size_bytes, "
    "caption, credit, alt_text, position, featured, camera) VALUES ('p1', "
    "(SELECT pk FROM articles WHERE id = 'a1'), :sha, 'x.jpg', 'JPEG', 600, 400, 1000, "
    "'Chú thích', '', '', 0, true, '')"
)
ARTICLE = (
    "INSERT INTO articles (id, headline, sapo, body, status, secondary_sections, keywords, "
    "byline, location, created_at, updated_at, search_dirty) VALUES ('a1', 'Tin', '', '', "
    "'draft', '[]', '[]', '', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, false)"
)


def _columns(engine: Engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("photos")}


def _up_and_down(engine: Engine) -> None:
    alembic(engine, "upgrade", "0009")
    assert "focus_x" not in _columns(engine)
    with engine.begin() as conn:
        conn.execute(text(ARTICLE))
        conn.execute(text(PHOTO), {"sha": "a" * 64})
    alembic(engine, "upgrade", "0010")
    assert {"focus_x", "focus_y"} <= _columns(engine)
    with engine.begin() as conn:
        row = conn.execute(text("SELECT caption, focus_x, focus_y FROM photos")).one()
        assert tuple(row) == ("Chú thích", None, None)
        conn.execute(text("UPDATE photos SET focus_x = 0.25, focus_y = 0.875"))
        assert conn.execute(text("SELECT focus_x, focus_y FROM photos")).one() == (0.25, 0.875)
    alembic(engine, "downgrade", "0009")
    assert not {"focus_x", "focus_y"} & _columns(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT caption FROM photos")).scalar_one() == "Chú thích"
    alembic(engine, "upgrade", "0010")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT focus_x, focus_y FROM photos")).one() == (None, None)


def test_up_and_down_on_sqlite(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'desk.db'}")
    try:
        _up_and_down(engine)
    finally:
        engine.dispose()


def test_up_and_down_on_postgresql(pg_url: str) -> None:
    engine = postgres.create_server_engine(pg_url)
    try:
        _up_and_down(engine)
    finally:
        engine.dispose()

"""Migration 0008 (who is who) up and down on both engines: `staff` everywhere; on PostgreSQL
the group roles, their rights and the workflow's triggers, all gone again after a downgrade
(the group roles stay: they are the cluster's), and a second upgrade works."""

from __future__ import annotations

from pathlib import Path

from helpers.migrations import alembic
from sqlalchemy import Connection, Engine, create_engine, inspect, text

from editor_app.store import postgres
from editor_app.store.database import SCHEMA_HEAD
from editor_app.store.pg_roles import EDITOR_GROUP, REPORTER_GROUP


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return postgres.current_revision(conn)


def _server_objects(conn: Connection) -> dict[str, object]:
    return {
        "triggers": sorted(
            conn.execute(
                text("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'editor_app_%'")
            ).scalars()
        ),
        "functions": sorted(
            conn.execute(
                text("SELECT proname FROM pg_proc WHERE proname LIKE 'editor_app_%'")
            ).scalars()
        ),
        "reporter_writes": conn.execute(
            text("SELECT has_table_privilege(:g, 'articles', 'UPDATE')"), {"g": REPORTER_GROUP}
        ).scalar(),
        "groups": conn.execute(
            text("SELECT count(*) FROM pg_roles WHERE rolname IN (:r, :e)"),
            {"r": REPORTER_GROUP, "e": EDITOR_GROUP},
        ).scalar(),
    }


def test_up_and_down_on_postgresql(pg_url: str) -> None:
    engine = postgres.create_server_engine(pg_url)
    try:
        postgres.migrate_engine(engine)
        assert _revision(engine) == SCHEMA_HEAD
        with engine.connect() as conn:
            up = _server_objects(conn)
            assert (
                conn.execute(
                    text("SELECT has_table_privilege(:g, 'staff', 'UPDATE')"), {"g": EDITOR_GROUP}
                ).scalar()
                is False
            )
        assert up["triggers"] == [
            "editor_app_articles_guard_articles",
            "editor_app_editors_only_corrections",
            "editor_app_editors_only_publications",
        ]
        assert len(up["functions"]) == 4  # type: ignore[arg-type]
        assert up["reporter_writes"] is True and up["groups"] == 2
        assert "staff" in inspect(engine).get_table_names()

        alembic(engine, "downgrade", "0007")
        assert _revision(engine) == "0007"
        assert "staff" not in inspect(engine).get_table_names()
        with engine.connect() as conn:
            down = _server_objects(conn)
        assert down == {"triggers": [], "functions": [], "reporter_writes": False, "groups": 2}

        postgres.migrate_engine(engine)
        assert _revision(engine) == SCHEMA_HEAD
        with engine.connect() as conn:
            assert _server_objects(conn) == up
    finally:
        engine.dispose()


def test_up_and_down_on_sqlite(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'desk.db'}")
    try:
        alembic(engine, "upgrade", "head")
        assert "staff" in inspect(engine).get_table_names()
        columns = {c["name"] for c in inspect(engine).get_columns("staff")}
        assert columns == {"login", "full_name", "created_at"}
        alembic(engine, "downgrade", "0007")
        assert "staff" not in inspect(engine).get_table_names()
        alembic(engine, "upgrade", "head")
        assert "staff" in inspect(engine).get_table_names()
    finally:
        engine.dispose()

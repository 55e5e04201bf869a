"""Alembic run on a test's engine, one migration step at a time (the migration tests)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine

from editor_app.store import migrations


def alembic(engine: Engine, action: str, target: str) -> None:
    """`action` ("upgrade", "downgrade") to revision `target`, in one transaction."""
    with engine.begin() as conn:
        cfg = migrations.alembic_config()
        cfg.attributes["connection"] = conn
        getattr(command, action)(cfg, target)

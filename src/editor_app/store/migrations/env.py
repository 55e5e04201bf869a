"""Alembic environment: always run by editor_app.store.database with a live connection."""

from __future__ import annotations

from alembic import context

from editor_app.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the app runs migrations
    raise RuntimeError("editor_app migrations run through editor_app.store.database.Database")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies tables
)
with context.begin_transaction():
    context.run_migrations()

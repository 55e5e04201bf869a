"""Full-text search: an FTS5 index over articles, kept up to date lazily (search_dirty).

Every existing article is marked dirty so the index is filled on first use. The FTS5 table is
SQLite's (the desk); PostgreSQL gets the column and its index, its own search objects come with
a later migration.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from editor_app.store.sqlite import CREATE_FTS_SQL, FTS_TABLE

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(
            sa.Column("search_dirty", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch.create_index("ix_articles_search_dirty", ["search_dirty"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(CREATE_FTS_SQL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    with op.batch_alter_table("articles") as batch:
        batch.drop_index("ix_articles_search_dirty")
        batch.drop_column("search_dirty")

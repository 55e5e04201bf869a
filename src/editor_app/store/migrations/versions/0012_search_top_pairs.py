"""The newsroom server's search by the word pairs of the top fields (PostgreSQL only; on
SQLite, the desk, nothing).

A broad query (more than 500 stories) lists first its hits in the headline, sapo, officials or
keywords, newest first; it found them by reading each story's `doc` from the newest down, 2-8 ms
for a phrase of common words at 100,000 stories. `ix_article_search_top_pairs` indexes the pairs
(`article_search_pairs`, migration 0009) of those fields alone (`ts_filter` on their labels
A, B, C): a phrase's hits in them are looked up by their pairs, and `doc` is read for those few
candidates only, or not at all for two words (`store/pg_search.py`). About 50 s and 140 MB at
100,000 stories (the pairs of all fields: 570 MB).

The downgrade drops the index.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# store/pg_search.py's PAIRS_INDEXES; a later change needs a new migration
INDEX = "ix_article_search_top_pairs"
EXPRESSION = "article_search_pairs(ts_filter(doc, '{a,b,c}'))"


def _on_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _on_server():
        return
    op.execute("SET LOCAL maintenance_work_mem = '256MB'")
    op.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON article_search USING gin ({EXPRESSION})")


def downgrade() -> None:
    if not _on_server():
        return
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")

"""The newsroom server's full-text search (PostgreSQL only; on SQLite, the desk, nothing: its
FTS5 index comes from 0002).

`article_search` holds one `tsvector` per article over its folded words (headline, sapo,
officials, keywords, captions, body, weighted as the desk's bm25), with a GIN index. The words
are folded in Python by `domain.text.fold` when the repository indexes an article
(`store/pg_search.py`), never by `unaccent`, whose rules are not `fold`'s; every article is
marked for indexing here, so the next search fills it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _on_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _on_server():
        return
    op.execute(
        "CREATE TABLE article_search ("
        " article_pk integer PRIMARY KEY REFERENCES articles(pk) ON DELETE CASCADE,"
        " doc tsvector NOT NULL)"
    )
    op.execute("CREATE INDEX ix_article_search_doc ON article_search USING gin (doc)")
    op.get_bind().execute(sa.text("UPDATE articles SET search_dirty = true"))


def downgrade() -> None:
    if not _on_server():
        return
    op.execute("DROP TABLE article_search")

"""The newsroom server's search by word pairs (PostgreSQL only; on SQLite, the desk, nothing).

`article_search_pairs(doc)`: every two words of a story, from `doc`'s positions, that follow
each other (`'a b'`: b at the next position) or have one word between them (`'a~b'`), as a
`tsvector` without positions; pairs over 24 bytes are left out. It is indexed (GIN
`ix_article_search_pairs`), never stored: a phrase or words written close together are looked
up by their pairs, and `doc` is read for the few candidates only (`store/pg_search.py`). The
function is declared very costly so that the planner never computes it for a row (reading
the index instead). `doc` is compressed with lz4 (when the server has it: PostgreSQL 14 or later
built with lz4, as Debian's is), which PostgreSQL reads back faster than its default pglz; every
article is marked for indexing, so the next indexing rewrites each `doc` that way.

The downgrade drops the index and the function and sets `doc` back to the default compression.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

MAX_PAIR_BYTES = 24  # store/pg_search.py's; a later change needs a new migration

PAIRS_FUNCTION = f"""
CREATE FUNCTION article_search_pairs(doc tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100000 AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT pair)), ''::tsvector)
  FROM (
    SELECT unnest(ARRAY[
      CASE WHEN lead(p, 1) OVER w = p + 1 THEN lex || ' ' || lead(lex, 1) OVER w END,
      CASE WHEN lead(p, 1) OVER w = p + 2 THEN lex || '~' || lead(lex, 1) OVER w
           WHEN lead(p, 2) OVER w = p + 2 THEN lex || '~' || lead(lex, 2) OVER w END
    ]) AS pair
    FROM (SELECT u.lexeme AS lex, pos AS p FROM unnest(doc) u, unnest(u.positions) pos) words
    WINDOW w AS (ORDER BY p)
  ) pairs
  WHERE pair IS NOT NULL AND octet_length(pair) <= {MAX_PAIR_BYTES}
$$
"""


def _on_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _compression(method: str) -> None:
    """`doc`'s compression (`lz4` or `default`), when the server supports it."""
    bind = op.get_bind()
    if int(bind.execute(sa.text("SHOW server_version_num")).scalar_one()) < 140000:
        return
    try:
        with bind.begin_nested():
            bind.execute(
                sa.text(f"ALTER TABLE article_search ALTER COLUMN doc SET COMPRESSION {method}")
            )
    except sa.exc.DBAPIError:  # built without lz4: pglz, as before
        return


def upgrade() -> None:
    if not _on_server():
        return
    op.execute(PAIRS_FUNCTION)
    op.execute(
        "CREATE INDEX ix_article_search_pairs ON article_search "
        "USING gin (article_search_pairs(doc))"
    )
    _compression("lz4")
    op.get_bind().execute(sa.text("UPDATE articles SET search_dirty = true"))


def downgrade() -> None:
    if not _on_server():
        return
    op.execute("DROP INDEX ix_article_search_pairs")
    op.execute("DROP FUNCTION article_search_pairs(tsvector)")
    _compression("default")

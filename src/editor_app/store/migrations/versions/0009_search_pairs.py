"""The newsroom server's search by word pairs (PostgreSQL only; on SQLite, the desk, nothing).

`article_search_pairs(doc)`: every two words of a story, from `doc`'s positions, that follow
each other (`'a b'`: b at the next position) or have one word between them (`'a~b'`), as a
`tsvector` without positions; pairs over 24 bytes are left out. It is indexed (GIN
`ix_article_search_pairs`), never stored: a phrase or words written close together are looked
up by their pairs, and `doc` is read for the few candidates only (`store/pg_search.py`). The
function (plpgsql) takes about a millisecond a story: `store/pg_search.py` has PostgreSQL read
it from the index only. `doc` is compressed with lz4 (when the server has it: PostgreSQL
14 or later built with lz4, as Debian's is), which PostgreSQL reads back faster than its
default pglz; every article is marked for indexing, so the next indexing rewrites each `doc`
that way.

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

# plpgsql, word by word along the positions: 1 ms a story, where the same in one SQL statement
# (window functions, then an aggregate) took 2-4 ms.
PAIRS_FUNCTION = f"""
CREATE FUNCTION article_search_pairs(doc tsvector) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
DECLARE
  at text[] := '{{}}';
  pairs text[] := '{{}}';
  word record;
  pos integer;
BEGIN
  FOR word IN SELECT lexeme, positions FROM unnest(doc) LOOP
    FOREACH pos IN ARRAY word.positions LOOP
      at[pos] := word.lexeme;
    END LOOP;
  END LOOP;
  FOR pos IN coalesce(array_lower(at, 1), 1) .. coalesce(array_upper(at, 1), 0) LOOP
    IF at[pos] IS NOT NULL THEN
      IF octet_length(at[pos] || ' ' || at[pos + 1]) <= {MAX_PAIR_BYTES} THEN
        pairs := pairs || (at[pos] || ' ' || at[pos + 1]);
      END IF;
      IF octet_length(at[pos] || '~' || at[pos + 2]) <= {MAX_PAIR_BYTES} THEN
        pairs := pairs || (at[pos] || '~' || at[pos + 2]);
      END IF;
    END IF;
  END LOOP;
  RETURN array_to_tsvector(pairs);
END
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

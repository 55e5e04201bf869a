"""Several bylines: the people of a byline are found by search.

The byline stays one text column, the list as the page prints it ("Bài: Thanh Hà – Ảnh: Hồng
Ninh", `domain/bylines.py`); a byline written before ("Thanh Hà") is one writer and is kept
unchanged, byte for byte. What changes is the search index: every person of the byline is now
indexed with the people of the story (the desk's FTS5 and the server's search, through
`store/repo/search.py`), so every story is marked for indexing and the next search (or the
app's start) indexes it again. The downgrade marks them again: the older index leaves the
bylines out.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _reindex_all() -> None:
    op.execute(sa.text("UPDATE articles SET search_dirty = :on").bindparams(on=True))


def upgrade() -> None:
    _reindex_all()


def downgrade() -> None:
    _reindex_all()

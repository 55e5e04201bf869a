"""A focal point for every photo: `photos.focus_x`, `photos.focus_y`.

The point every crop of the photo keeps (the share cards, 16:9, 4:3, 1:1), as fractions of the
upright photo's width and height from its top left corner (`domain/focal.py`). Both NULL: not
set, crops are cut from the centre as before. Existing photos get NULL: nothing changes for
them. The downgrade drops both columns (the points set since are lost).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("photos") as batch:
        batch.add_column(sa.Column("focus_x", sa.Float(), nullable=True))
        batch.add_column(sa.Column("focus_y", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("photos") as batch:
        batch.drop_column("focus_y")
        batch.drop_column("focus_x")

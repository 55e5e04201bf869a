"""Editorial workflow: review comments, hand-off conflicts, and the role on revisions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# SQLite's JSON text; PostgreSQL's jsonb (the models' PortableJSON). Times are aware on both:
# DATETIME text in UTC on SQLite (unchanged), timestamp with time zone on PostgreSQL.
_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(sa.Column("role", sa.String(20), nullable=False, server_default=""))
    op.create_table(
        "comments",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "article_pk",
            sa.Integer(),
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("parent_id", sa.String(36)),
        sa.Column("anchor", _JSON),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True)),
        sa.Column("resolved_by", sa.Text(), nullable=False),
    )
    op.create_index("ix_comments_article_pk", "comments", ["article_pk"])
    op.create_index("ix_comments_parent_id", "comments", ["parent_id"])
    op.create_table(
        "conflicts",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "article_pk",
            sa.Integer(),
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("label_vi", sa.Text(), nullable=False),
        sa.Column("ours", sa.Text(), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=False),
        sa.Column("ours_value", _JSON, nullable=False),
        sa.Column("theirs_value", _JSON, nullable=False),
        sa.Column("ours_revision_id", sa.String(36), nullable=False),
        sa.Column("theirs_revision_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("settled_at", sa.DateTime(timezone=True)),
        sa.Column("settled_by", sa.Text(), nullable=False),
    )
    op.create_index("ix_conflicts_article_pk", "conflicts", ["article_pk"])
    op.create_index("ix_conflicts_settled_at", "conflicts", ["settled_at"])


def downgrade() -> None:
    op.drop_table("conflicts")
    op.drop_table("comments")
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("role")

"""Initial schema: articles, photos, officials and their titles, sections, revisions.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# SQLite's JSON text; PostgreSQL's jsonb (the models' PortableJSON). Times are aware on both:
# DATETIME text in UTC on SQLite (unchanged), timestamp with time zone on PostgreSQL.
_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("sapo", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("section", sa.String(300)),
        sa.Column("secondary_sections", _JSON, nullable=False),
        sa.Column("keywords", _JSON, nullable=False),
        sa.Column("byline", sa.Text(), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("event_date", sa.Date()),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("trashed_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_articles_id", "articles", ["id"], unique=True)
    op.create_index("ix_articles_section", "articles", ["section"])
    op.create_index("ix_articles_status", "articles", ["status"])
    op.create_index("ix_articles_updated_at", "articles", ["updated_at"])
    op.create_table(
        "photos",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "article_pk",
            sa.Integer(),
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("credit", sa.Text(), nullable=False),
        sa.Column("alt_text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("featured", sa.Boolean(), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True)),
        sa.Column("camera", sa.Text(), nullable=False),
    )
    op.create_index("ix_photos_article_pk", "photos", ["article_pk"])
    op.create_index("ix_photos_sha256", "photos", ["sha256"])
    op.create_table(
        "officials",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("full_name", sa.Text(), nullable=False),
        sa.Column("organization", sa.Text(), nullable=False),
        sa.Column("aliases", _JSON, nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_officials_full_name", "officials", ["full_name"])
    op.create_table(
        "official_titles",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "official_id",
            sa.String(36),
            sa.ForeignKey("officials.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Date()),
        sa.Column("end", sa.Date()),
    )
    op.create_index("ix_official_titles_official_id", "official_titles", ["official_id"])
    op.create_table(
        "article_officials",
        sa.Column(
            "article_pk",
            sa.Integer(),
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "official_id",
            sa.String(36),
            sa.ForeignKey("officials.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_article_officials_official_id", "article_officials", ["official_id"])
    op.create_table(
        "sections",
        sa.Column("path", sa.String(300), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "article_pk",
            sa.Integer(),
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("snapshot", _JSON, nullable=False),
    )
    op.create_index("ix_revisions_article_pk", "revisions", ["article_pk"])
    op.create_index("ix_revisions_created_at", "revisions", ["created_at"])


def downgrade() -> None:
    for table in (
        "revisions",
        "sections",
        "article_officials",
        "official_titles",
        "officials",
        "photos",
        "articles",
    ):
        op.drop_table(table)

"""Publication records: a story's slug for life, its first publication and version times,
corrections, the take-down and the embargo (issue 13).

Stories already published get a record: first published at the time of the oldest revision
that moved them to `published` (else their last change), version 1, a slug from their headline
(a suffix when two share one, oldest first), their headline and sapo as related blocks show
them. What their published content was is not known (`content_hash` empty): the first export
after the upgrade takes the story as it stands.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from editor_app.domain.publication import unique_slug
from editor_app.domain.text import slugify

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_BACKFILL = """
INSERT INTO publications (article_pk, slug, first_published_at, version_at, version,
    content_hash, headline, sapo, thumbnail, withdrawn_reason, withdrawn_by)
SELECT a.pk, NULL, w.at, w.at, 1, '', a.headline, a.sapo, '', '', ''
FROM articles AS a
JOIN (
    SELECT a2.pk AS pk, COALESCE(
        (SELECT MIN(r.created_at) FROM revisions AS r
         WHERE r.article_pk = a2.pk AND r.kind = 'status'
           AND {status} = 'published'),
        a2.updated_at) AS at
    FROM articles AS a2 WHERE a2.status = 'published'
) AS w ON w.pk = a.pk
"""
# The status a revision's snapshot recorded, as each engine reads a JSON field.
_SNAPSHOT_STATUS = {
    "sqlite": "json_extract(r.snapshot, '$.status')",
    "postgresql": "(r.snapshot ->> 'status')",
}


def upgrade() -> None:
    op.create_table(
        "publications",
        sa.Column(
            "article_pk",
            sa.Integer(),
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("slug", sa.String(200), unique=True),
        sa.Column("first_published_at", sa.DateTime(timezone=True)),
        sa.Column("version_at", sa.DateTime(timezone=True)),
        sa.Column("version", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("content_hash", sa.String(64), nullable=False, server_default=""),
        sa.Column("headline", sa.Text(), nullable=False, server_default=""),
        sa.Column("sapo", sa.Text(), nullable=False, server_default=""),
        sa.Column("thumbnail", sa.Text(), nullable=False, server_default=""),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True)),
        sa.Column("withdrawn_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("withdrawn_by", sa.Text(), nullable=False, server_default=""),
        sa.Column("embargo_until", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_publications_first_published_at", "publications", ["first_published_at"])
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "article_pk",
            sa.Integer(),
            sa.ForeignKey("articles.pk", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_corrections_article_pk", "corrections", ["article_pk"])
    conn = op.get_bind()
    status = _SNAPSHOT_STATUS.get(conn.dialect.name, _SNAPSHOT_STATUS["sqlite"])
    conn.execute(sa.text(_BACKFILL.format(status=status)))
    rows = conn.execute(
        sa.text(
            "SELECT p.article_pk, a.headline, a.id FROM publications AS p "
            "JOIN articles AS a ON a.pk = p.article_pk ORDER BY p.first_published_at, p.article_pk"
        )
    ).all()
    taken: set[str] = set()
    for pk, headline, article_id in rows:
        slug = unique_slug(slugify(headline or ""), taken, f"bai-{str(article_id)[:8]}")
        taken.add(slug)
        conn.execute(
            sa.text("UPDATE publications SET slug = :slug WHERE article_pk = :pk"),
            {"slug": slug, "pk": pk},
        )


def downgrade() -> None:
    op.drop_table("corrections")
    op.drop_table("publications")

"""The newsroom server's sync (issue 16): the change feed, photos' originals by content hash,
story locks; on the desk, what it last agreed with the server.

Every table exists on both engines (one schema); each is used on one side:

- server: `sync_feed` — one row per story changed by a push, with the id of the transaction
  that wrote it (`pg_current_xact_id()`); a desk reads the feed up to the oldest transaction
  still running (`pg_snapshot_xmin`), so a transaction that commits late is never skipped.
  `photo_blobs`/`photo_chunks` — originals sent once, by SHA-256, in chunks (a cut upload
  resumes). `story_locks` — who is editing a story, with a heartbeat.
- desk: `sync_bases` — per story, the snapshot both sides last agreed on (the base of the next
  three-way merge) and the revisions the server has; `sync_state` — the desk's id and its
  place in the feed (on the server: the server's own id).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(JSONB(), "postgresql")
_WHEN = sa.DateTime(timezone=True)


def _on_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    server = _on_server()
    op.create_table(
        "sync_feed",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column(
            "txid",
            sa.BigInteger(),
            nullable=False,
            server_default=sa.text("(pg_current_xact_id()::text::bigint)") if server else "0",
        ),
        sa.Column("article_id", sa.String(36), nullable=False),
        sa.Column("at", _WHEN, nullable=False),
    )
    op.create_index("ix_sync_feed_txid", "sync_feed", ["txid"])
    op.create_table(
        "photo_blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "photo_chunks",
        sa.Column(
            "sha256",
            sa.String(64),
            sa.ForeignKey("photo_blobs.sha256", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("idx", sa.Integer(), primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "story_locks",
        sa.Column("article_id", sa.String(36), primary_key=True),
        sa.Column("login", sa.Text(), nullable=False),
        sa.Column("holder", sa.Text(), nullable=False, server_default=""),
        sa.Column("desk_id", sa.String(36), nullable=False),
        sa.Column("taken_at", _WHEN, nullable=False),
        sa.Column("heartbeat_at", _WHEN, nullable=False),
        # Set when another desk took the lock over: the holder saves its text, then lets go.
        sa.Column("taken_over_by", sa.Text(), nullable=False, server_default=""),
    )
    op.create_table(
        "sync_bases",
        sa.Column("article_id", sa.String(36), primary_key=True),
        sa.Column("snapshot", _JSON, nullable=False),
        # The ids of the story's revisions the server has (sent once, never again).
        sa.Column("revisions", _JSON, nullable=False),
        sa.Column("synced_at", _WHEN, nullable=False),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(50), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    for table in ("sync_state", "sync_bases", "story_locks", "photo_chunks", "photo_blobs"):
        op.drop_table(table)
    op.drop_index("ix_sync_feed_txid", "sync_feed")
    op.drop_table("sync_feed")

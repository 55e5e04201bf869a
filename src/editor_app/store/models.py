"""SQLAlchemy 2 typed models: how the domain is laid out in the database.

The same models on both engines (docs/storage.md, "Two engines"): the desk's SQLite and the
newsroom's PostgreSQL. Ids are UUID strings (stable across machines, the same text on both);
articles also carry an integer `pk` so the full-text index can key on a rowid that VACUUM never
renumbers. Times are stored in UTC: SQLite keeps them as zone-less text, PostgreSQL as
`timestamp with time zone`; both come back aware, in UTC. JSON is `JSON` on SQLite, `jsonb` on
PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# JSON documents: SQLite's JSON text; PostgreSQL's jsonb (indexable; it keeps no key order).
PortableJSON = JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out. SQLite keeps no zone of its own: the value
    is stored as naive UTC text, as it always was (the desk's files are unchanged). PostgreSQL
    stores `timestamp with time zone`."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use UTC-aware datetimes")
        value = value.astimezone(UTC)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: PortableJSON,
        list[str]: PortableJSON,
    }


class ArticleRow(Base):
    __tablename__ = "articles"
    # Covering indexes (migration 0004): the list and the keyword listing never read the rows,
    # whose columns after the body sit behind its overflow pages. On PostgreSQL the keywords'
    # index is a GIN index over the jsonb list (a b-tree entry has a size limit).
    __table_args__ = (
        Index("ix_articles_list", "trashed_at", "updated_at", "pk", "id", "status", "section"),
        Index("ix_articles_keywords", "keywords", postgresql_using="gin"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, index=True)
    headline: Mapped[str] = mapped_column(Text, default="")
    sapo: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    section: Mapped[str | None] = mapped_column(String(300), index=True)
    secondary_sections: Mapped[list[str]] = mapped_column(PortableJSON, default=list)
    keywords: Mapped[list[str]] = mapped_column(PortableJSON, default=list)
    byline: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(Text, default="")
    event_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    trashed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set on every change, cleared when the full-text index has caught up (kept off typing).
    search_dirty: Mapped[bool] = mapped_column(Boolean, default=True, index=True)

    photos: Mapped[list[PhotoRow]] = relationship(
        back_populates="article",
        cascade="all, delete-orphan",
        order_by="PhotoRow.position",
        lazy="selectin",
    )
    officials: Mapped[list[ArticleOfficialRow]] = relationship(
        cascade="all, delete-orphan", order_by="ArticleOfficialRow.position", lazy="selectin"
    )


class PhotoRow(Base):
    __tablename__ = "photos"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    article_pk: Mapped[int] = mapped_column(
        ForeignKey("articles.pk", ondelete="CASCADE"), index=True
    )
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(10))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(Text, default="")
    credit: Mapped[str] = mapped_column(Text, default="")
    alt_text: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    featured: Mapped[bool] = mapped_column(Boolean, default=False)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    camera: Mapped[str] = mapped_column(Text, default="")
    # The focal point (domain/focal.py): fractions of the upright width and height; both
    # NULL when not set (crops from the centre). Migration 0010.
    focus_x: Mapped[float | None] = mapped_column(Float)
    focus_y: Mapped[float | None] = mapped_column(Float)

    article: Mapped[ArticleRow] = relationship(back_populates="photos")


class OfficialRow(Base):
    __tablename__ = "officials"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    full_name: Mapped[str] = mapped_column(Text, index=True)
    organization: Mapped[str] = mapped_column(Text, default="")
    aliases: Mapped[list[str]] = mapped_column(PortableJSON, default=list)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    titles: Mapped[list[OfficialTitleRow]] = relationship(
        cascade="all, delete-orphan", order_by="OfficialTitleRow.position", lazy="selectin"
    )


class OfficialTitleRow(Base):
    __tablename__ = "official_titles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    official_id: Mapped[str] = mapped_column(
        ForeignKey("officials.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[date | None] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)


class ArticleOfficialRow(Base):
    __tablename__ = "article_officials"

    article_pk: Mapped[int] = mapped_column(
        ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True
    )
    official_id: Mapped[str] = mapped_column(
        ForeignKey("officials.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class SectionRow(Base):
    __tablename__ = "sections"

    path: Mapped[str] = mapped_column(String(300), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class RevisionRow(Base):
    __tablename__ = "revisions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    article_pk: Mapped[int] = mapped_column(
        ForeignKey("articles.pk", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    author: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="save")
    reason: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[dict[str, Any]] = mapped_column(PortableJSON)
    # The role of the author when it was made ("" for revisions older than the workflow).
    role: Mapped[str] = mapped_column(String(20), default="")


class CommentRow(Base):
    __tablename__ = "comments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    article_pk: Mapped[int] = mapped_column(
        ForeignKey("articles.pk", ondelete="CASCADE"), index=True
    )
    # A reply names the comment it answers (no foreign key: a package may bring a reply first).
    parent_id: Mapped[str | None] = mapped_column(String(36), index=True)
    # {"field", "quote", "prefix", "suffix", "start"}; NULL on replies.
    anchor: Mapped[dict[str, Any] | None] = mapped_column(PortableJSON)
    author: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(20), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[str] = mapped_column(Text, default="")


class ConflictRow(Base):
    __tablename__ = "conflicts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    article_pk: Mapped[int] = mapped_column(
        ForeignKey("articles.pk", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(100))
    label_vi: Mapped[str] = mapped_column(Text, default="")
    ours: Mapped[str] = mapped_column(Text, default="")
    theirs: Mapped[str] = mapped_column(Text, default="")
    # JSON values to apply when settled ({"v": value}, so that None survives the round trip).
    ours_value: Mapped[dict[str, Any]] = mapped_column(PortableJSON)
    theirs_value: Mapped[dict[str, Any]] = mapped_column(PortableJSON)
    ours_revision_id: Mapped[str] = mapped_column(String(36))
    theirs_revision_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    settled_by: Mapped[str] = mapped_column(Text, default="")


class PublicationRow(Base):
    """A story's life in front of readers (`domain.publication.Publication`): one row per story
    that was published or given an embargo (migration 0005)."""

    __tablename__ = "publications"

    article_pk: Mapped[int] = mapped_column(
        ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True
    )
    # Given at the first publication and kept for life; NULL before (SQLite lets NULLs repeat).
    slug: Mapped[str | None] = mapped_column(String(200), unique=True)
    first_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    version_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    headline: Mapped[str] = mapped_column(Text, default="")
    sapo: Mapped[str] = mapped_column(Text, default="")
    thumbnail: Mapped[str] = mapped_column(Text, default="")
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")
    withdrawn_by: Mapped[str] = mapped_column(Text, default="")
    embargo_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CorrectionRow(Base):
    """A correction published with a later version of a story, oldest first by `id`."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_pk: Mapped[int] = mapped_column(
        ForeignKey("articles.pk", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(Text, default="")


# --- sync (migration 0007; docs/server.md) ---------------------------------------------------


class SyncFeedRow(Base):
    """Server: a story changed by a push, in the transaction `txid`."""

    __tablename__ = "sync_feed"

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    txid: Mapped[int] = mapped_column(BigInteger, index=True)
    article_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class PhotoBlobRow(Base):
    """Server: a photo's original, sent in chunks; `complete` once every chunk is there."""

    __tablename__ = "photo_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    chunk_size: Mapped[int] = mapped_column(Integer)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)


class PhotoChunkRow(Base):
    __tablename__ = "photo_chunks"

    sha256: Mapped[str] = mapped_column(
        ForeignKey("photo_blobs.sha256", ondelete="CASCADE"), primary_key=True
    )
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class StoryLockRow(Base):
    """Server: who is editing a story; stale after `domain.locks.EXPIRY` without a heartbeat."""

    __tablename__ = "story_locks"

    article_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    login: Mapped[str] = mapped_column(Text)
    holder: Mapped[str] = mapped_column(Text, default="")
    desk_id: Mapped[str] = mapped_column(String(36))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime)
    taken_over_by: Mapped[str] = mapped_column(Text, default="")


class SyncBaseRow(Base):
    """Desk: the snapshot of a story that this desk and the server last agreed on."""

    __tablename__ = "sync_bases"

    article_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    snapshot: Mapped[dict[str, Any]] = mapped_column(PortableJSON)
    revisions: Mapped[list[str]] = mapped_column(PortableJSON, default=list)
    synced_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncStateRow(Base):
    """Desk: `desk_id`, `feed_cursor` (a transaction id on the server), `last_sync`."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


# --- who is who (migration 0008; docs/server.md, "Roles") ------------------------------------


class StaffRow(Base):
    """Server: a person's login (their PostgreSQL role) and full name (`server add-user`)."""

    __tablename__ = "staff"

    login: Mapped[str] = mapped_column(Text, primary_key=True)
    full_name: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

"""One schema, two engines (issue 16, point 1): the same migrations and repository functions on
the desk's SQLite and on a real PostgreSQL (tests/helpers/postgres.py), no mocks."""

from __future__ import annotations

import threading
import unicodedata
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from editor_app.domain.article import Article, Photo
from editor_app.domain.listing import ArticleFilter
from editor_app.domain.officials.people import Official, Title
from editor_app.domain.publication import Publication, PublishedVersion, publish, withdraw
from editor_app.domain.review import Anchor, Comment
from editor_app.domain.section import Section
from editor_app.domain.workflow import Role, Status
from editor_app.store import postgres
from editor_app.store.database import SCHEMA_HEAD, Database, head_revision
from editor_app.store.repo import articles as repo
from editor_app.store.repo import officials as orepo
from editor_app.store.repo import photos as photo_repo
from editor_app.store.repo import publication as prepo
from editor_app.store.repo import review as rrepo
from editor_app.store.repo import sections as srepo
from editor_app.store.server import ServerStore

Store = Database | ServerStore

T0 = datetime(2024, 3, 9, 1, 30, 15, 123456, tzinfo=UTC)
HANOI = timezone(timedelta(hours=7))
# NFC as the app keeps it; "Đ", "ư", "ờ", "ễ" are where a careless engine would go wrong.
HEADLINE = "Đồng chí Dương Đức Huy thăm trường mầm non Hướng Dương"
NAME = "Nguyễn Thị Thu Hường"


def test_a_fresh_server_database_migrates_to_the_code_head(pg_url: str) -> None:
    assert head_revision() == SCHEMA_HEAD  # `alembic heads`: one head, the code's
    server = ServerStore.open(pg_url)
    try:
        assert server.upgraded_from is None
        assert server.current_revision() == SCHEMA_HEAD
        assert postgres.schema_is_current(server.engine)
        with server.read() as s:
            tables = set(
                s.scalars(
                    text(
                        "SELECT table_name FROM information_schema.tables "
                        "WHERE table_schema = 'public'"
                    )
                )
            )
            kinds: dict[str, str] = dict(
                s.execute(
                    text(
                        "SELECT column_name, data_type FROM information_schema.columns "
                        "WHERE table_name = 'articles'"
                    )
                ).all()
            )
        assert {"articles", "photos", "officials", "revisions", "publications"} <= tables
        assert "articles_fts" not in tables  # SQLite's search index stays on the desk
        assert kinds["updated_at"] == "timestamp with time zone"
        assert kinds["keywords"] == "jsonb"
    finally:
        server.close()
    again = ServerStore.open(pg_url, migrate=False)  # up to date: opens without migrating
    try:
        assert again.upgraded_from is None
    finally:
        again.close()


def test_the_server_url_takes_psycopg_and_refuses_another_engine() -> None:
    url = postgres.server_url("postgresql://u@db.toasoan.local/editor")
    assert url.drivername == "postgresql+psycopg"
    with pytest.raises(Exception, match="PostgreSQL"):
        postgres.server_url("sqlite:///x.db")


def _article() -> Article:
    return Article(
        headline=unicodedata.normalize("NFD", HEADLINE),  # the domain stores NFC
        sapo="Sáng 9/3, đoàn công tác của tỉnh đã đến thăm.",
        body="Đoạn một.\n\nĐoạn hai có “ngoặc kép” và số 1.234,5.",
        section="Thời sự/Địa phương",
        secondary_sections=["Giáo dục"],
        keywords=["mầm non", "Hướng Dương"],
        byline="Trần Văn Bình",
        location="Kon Tum",
        event_date=date(2024, 3, 9),
        created_at=T0,
        updated_at=T0.astimezone(HANOI),  # any zone in, UTC out
    )


def test_articles_round_trip_alike_on_both_engines(store: Store) -> None:
    a = _article()
    photo = Photo(
        "ab" * 32,
        "anh 1.jpg",
        4000,
        3000,
        123_456,
        caption="Các cháu đón đoàn",
        credit="Ảnh: Hường",
        featured=True,
        taken_at=T0 - timedelta(hours=2),
    )
    with store.transaction() as s:
        repo.add_article(s, a)
    with store.read() as s:
        b = repo.get_article(s, a.id)
    with store.transaction() as s:
        photo_repo.add_photo(s, a.id, photo)
    with store.read() as s:
        with_photo = repo.get_article(s, a.id)
        summary = repo.list_articles(s)
        ids = repo.article_ids(s, ArticleFilter(section="Thời sự"))
    assert b.headline == unicodedata.normalize("NFC", HEADLINE)
    assert (b.sapo, b.body, b.keywords, b.secondary_sections) == (
        a.sapo,
        a.body,
        a.keywords,
        a.secondary_sections,
    )
    assert (b.section, b.byline, b.location, b.event_date) == (
        a.section,
        a.byline,
        a.location,
        a.event_date,
    )
    assert b.created_at == T0 and b.created_at.tzinfo == UTC
    assert b.updated_at == T0 and b.updated_at.utcoffset() == timedelta(0)
    assert b.trashed_at is None
    [p] = with_photo.photos
    assert (p.caption, p.credit, p.featured, p.taken_at) == (
        photo.caption,
        photo.credit,
        True,
        T0 - timedelta(hours=2),
    )
    assert [x.id for x in summary] == [a.id] and summary[0].photo_count == 1
    assert summary[0].updated_at == with_photo.updated_at > T0
    assert summary[0].status is Status.DRAFT
    assert ids == [a.id]


def test_officials_sections_and_review_round_trip(store: Store) -> None:
    a = _article()
    who = Official(
        NAME,
        [
            Title("Phó Chủ tịch UBND tỉnh", date(2021, 6, 1), date(2024, 2, 29)),
            Title("Chủ tịch UBND tỉnh", date(2024, 3, 1)),
        ],
        organization="UBND tỉnh",
        aliases=["Bà Hường"],
    )
    anchor = Anchor("body", "Đoạn hai", "", " có", 10)
    comment = Comment(
        uuid.uuid4(),
        a.id,
        None,
        anchor,
        "Lê Thị Mai",
        Role.EDITOR,
        "Kiểm tra lại số liệu ở đây.",
        T0,
        T0,
    )
    with store.transaction() as s:
        repo.add_article(s, a)
        orepo.upsert_official(s, who)
        orepo.set_article_officials(s, a.id, [who.id])
        srepo.replace_sections(s, [Section("Thời sự"), Section("Thời sự/Địa phương")])
        rev = rrepo.add_revision(
            s,
            a.id,
            {"headline": HEADLINE, "status": "draft", "n": [1, 2]},
            "Trần Văn Bình",
            "reporter",
            when=T0,
        )
        rrepo.upsert_comment(s, comment)
    with store.read() as s:
        back = orepo.get_official(s, who.id)
        assert [(t.text, t.start, t.end) for t in back.titles] == [
            (t.text, t.start, t.end) for t in who.titles
        ]
        assert (back.full_name, back.aliases) == (NAME, ["Bà Hường"])
        assert repo.get_article(s, a.id).official_ids == [who.id]
        assert orepo.official_tag_counts(s) == {who.id: 1}
        assert [x.path for x in srepo.list_sections(s)] == ["Thời sự", "Thời sự/Địa phương"]
        [info] = rrepo.list_revisions(s, a.id)
        assert (info.id, info.created_at) == (rev.id, T0)
        assert rrepo.get_revision(s, rev.id)[1] == {
            "headline": HEADLINE,
            "status": "draft",
            "n": [1, 2],
        }
        assert rrepo.list_comments(s, a.id) == [comment]
        assert rrepo.comment_count(s, a.id) == 1


def test_publication_records_round_trip(store: Store) -> None:
    a = _article()
    pub = publish(Publication(), T0, PublishedVersion("h1", HEADLINE, "Sapo"), "dong-chi")
    pub = publish(pub, T0 + timedelta(hours=1), PublishedVersion("h2", "G", "S"), "x", "Sửa tên")
    pub = withdraw(pub, T0 + timedelta(hours=2), "Sai tên", "Hà")
    with store.transaction() as s:
        repo.add_article(s, a)
        repo.add_article(s, other := Article(headline="Khác"))
        prepo.save_publication(s, a.id, pub)
    with store.read() as s:
        assert prepo.get_publication(s, a.id) == pub
        assert prepo.taken_slugs(s, "dong-chi", other.id) == {"dong-chi"}
    with store.transaction() as s:
        repo.update_article_fields(s, a.id, {"headline": "Tin mới"}, when=T0 + timedelta(days=1))
    with store.read() as s:
        assert repo.get_article(s, a.id).updated_at == T0 + timedelta(days=1)


def test_times_compare_equal_across_engines(tmp_path: Path, pg_url: str) -> None:
    """The same aware time written on each engine reads back equal, in UTC, to the microsecond."""
    desk, server = Database.open(tmp_path / "d"), ServerStore.open(pg_url)
    try:
        a = _article()
        got = []
        for st in (desk, server):
            with st.transaction() as s:
                repo.add_article(s, a)
            with st.read() as s:
                got.append(repo.get_article(s, a.id))
        assert got[0].created_at == got[1].created_at == T0
        assert got[0].updated_at == got[1].updated_at == T0
        assert got[0].headline == got[1].headline
    finally:
        desk.close()
        server.close()


@pytest.mark.slow
def test_the_publications_migration_backfills_on_postgresql(pg_url: str) -> None:
    """0005 reads revisions' JSON with each engine's own operator."""
    engine = postgres.create_server_engine(pg_url)
    try:
        postgres.migrate_engine(engine, "0004")
        a = _article()
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO articles (id, headline, sapo, body, secondary_sections, keywords,"
                    " byline, location, status, created_at, updated_at, search_dirty) VALUES "
                    "(:id, :h, '', '', '[]', '[]', '', '', 'published', :t, :t, true)"
                ),
                {"id": str(a.id), "h": HEADLINE, "t": T0},
            )
            conn.execute(
                text(
                    "INSERT INTO revisions (id, article_pk, created_at, author, kind, reason,"
                    " snapshot, role) SELECT :rid, pk, :t, '', 'status', '', "
                    "'{\"status\": \"published\"}', 'editor' FROM articles"
                ),
                {"rid": str(uuid.uuid4()), "t": T0 - timedelta(days=1)},
            )
        assert postgres.migrate_engine(engine) == "0004"
    finally:
        engine.dispose()
    server = ServerStore.open(pg_url)
    try:
        with server.read() as s:
            pub = prepo.get_publication(s, a.id)
        assert pub.slug == "dong-chi-duong-duc-huy-tham-truong-mam-non-huong-duong"
        assert pub.first_published_at == T0 - timedelta(days=1)
    finally:
        server.close()


@pytest.mark.slow
def test_two_writers_on_the_server_do_not_corrupt(pg_url: str) -> None:
    """Two sessions writing at once (threads, each its own connection): every story is there,
    whole, and the photo counts add up."""
    server = ServerStore.open(pg_url)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(20):
                a = Article(headline=f"{NAME} {n}-{i}", body="Nội dung " * 50)
                with server.transaction() as s:
                    repo.add_article(s, a)
                    photo_repo.add_photo(s, a.id, Photo(f"{n:02d}{i:062d}", "a.jpg", 1, 1, 1))
                with server.transaction() as s:
                    repo.update_article_fields(s, a.id, {"sapo": f"Sapo {n}-{i}"})
        except BaseException as e:
            errors.append(e)

    try:
        threads = [threading.Thread(target=write, args=(n,)) for n in (1, 2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        with server.read() as s:
            listed = repo.list_articles(s)
            assert len(listed) == 40
            assert all(x.photo_count == 1 for x in listed)
            stories = [repo.get_article(s, x.id) for x in listed]
        assert {x.sapo for x in stories} == {f"Sapo {n}-{i}" for n in (1, 2) for i in range(20)}
        assert len({x.id for x in stories}) == 40
    finally:
        server.close()

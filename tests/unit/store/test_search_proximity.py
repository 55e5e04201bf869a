"""Words searched close together first (issue 15, point 7): "dang thi anh" matched a story
where "Đảng", "thị" and "Anh" are scattered, ranked above the one naming Đặng Thị Ánh."""

from __future__ import annotations

import uuid

from sqlalchemy import update

from editor_app.domain.article import Article
from editor_app.store.database import Database
from editor_app.store.models import ArticleRow
from editor_app.store.repo import articles as repo
from editor_app.store.repo import search as search_repo
from editor_app.store.sqlite import build_match_query

SCATTERED = "Đảng ủy thị xã Sa Pa đón đoàn công tác của Đại sứ quán Anh"  # in the headline: bm25
NAMED = "Hội nghị phụ nữ", "Bà Đặng Thị Ánh, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh, phát biểu."


def _add(db: Database, headline: str, body: str = "Nội dung.") -> uuid.UUID:
    a = Article(headline=headline, body=body)
    with db.transaction() as s:
        repo.add_article(s, a)
    return a.id


def _stories(db: Database) -> tuple[uuid.UUID, uuid.UUID]:
    scattered = _add(db, SCATTERED, "Đoàn thăm thị xã. " * 3)
    named = _add(db, *NAMED)
    _add(db, "Giá lúa tăng", "Nông dân phấn khởi.")
    return named, scattered


def _found(db: Database, query: str, limit: int = 20, prefix: bool = False) -> list[uuid.UUID]:
    with db.transaction() as s:
        search_repo.reindex_dirty(s)
    with db.read() as s:
        return [h.id for h in search_repo.search(s, query, limit, prefix=prefix)]


def test_the_name_written_together_comes_first(db: Database) -> None:
    named, scattered = _stories(db)
    for query in ("dang thi anh", "Đặng Thị Ánh", "thi anh dang"):
        assert _found(db, query) == [named, scattered], query
    assert _found(db, "dang thi anh", prefix=True) == [named, scattered]  # as typed: anh*
    assert _found(db, "dang thi anh", limit=1) == [named]
    assert _found(db, '"dang thi anh"') == [named]  # a phrase, as before


def test_a_word_left_out_between_is_still_close(db: Database) -> None:
    named = _add(db, "Tin hội nghị", "Đồng chí Nguyễn Đức Huy dự hội nghị.")
    apart = _add(db, "Nguyễn Trãi và Huy Cận", "Thơ.")  # headline weight: first by bm25 alone
    assert _found(db, "nguyen huy") == [named, apart]


def test_merged_with_the_stories_changed_since_indexing_it_stays_first(db: Database) -> None:
    """A reader searches the stories saved since the last indexing apart and merges by rank."""
    named, scattered = _stories(db)
    with db.transaction() as s:
        search_repo.reindex_dirty(s)
        s.execute(update(ArticleRow).where(ArticleRow.id == str(named)).values(search_dirty=True))
    with db.read() as s:
        hits = search_repo.search(s, "dang thi anh", unindexed=True)
    assert [h.id for h in hits] == [named, scattered]


def test_the_close_query_is_each_spelling_of_d_near() -> None:
    match = build_match_query("dang thi anh")
    assert match == '("dang" OR "đang") AND "thi" AND "anh"'  # the loose query, as before
    assert match is not None and match.close == (
        'NEAR("dang" "thi" "anh", 2) OR NEAR("đang" "thi" "anh", 2)'
    )
    typed = build_match_query("duong duc", prefix_last=True)
    assert typed is not None and typed.close is not None
    assert typed.close.count("NEAR(") == 4 and typed.close.endswith('"đuc"*, 1)')
    one = build_match_query("đảng")
    assert one is not None and one.close is None
    many_d = build_match_query("đ dd ddd")  # 2 x 4 x 8 spellings: only the loose query
    assert many_d is not None and many_d.close is None

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.domain.article import Article, Photo
from editor_app.domain.officials.people import Official
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo
from editor_app.store.repo import officials as officials_repo
from editor_app.store.repo import search as search_repo
from editor_app.store.sqlite import build_match_query


def _add(db: Database, **kw: object) -> uuid.UUID:
    a = Article(**kw)  # type: ignore[arg-type]
    with db.transaction() as s:
        repo.add_article(s, a)
    return a.id


def _search(db: Database, q: str, **kw: object) -> list[uuid.UUID]:
    with db.transaction() as s:
        search_repo.reindex_dirty(s)
        return [h.id for h in search_repo.search(s, q, **kw)]  # type: ignore[arg-type]


def test_d_and_diacritics_do_not_matter(db: Database) -> None:
    a = _add(db, headline="Đồng chí Dương Đức Huy dự hội nghị", body="Nội dung.")
    _add(db, headline="Tin thể thao", body="Bóng đá.")
    for q in ("duong duc huy", "Dương Đức Huy", "DUONG DUC HUY", "đương đúc huy", "Đức"):
        assert _search(db, q) == [a], q


def test_nfd_query_finds_nfc_text(db: Database) -> None:
    import unicodedata

    a = _add(db, headline="Nghị quyết Đại hội", body="")
    assert _search(db, unicodedata.normalize("NFD", "nghị quyết đại hội")) == [a]


def test_captions_officials_and_keywords_are_searched(db: Database) -> None:
    o = Official("Trịnh Việt Hùng")
    with db.transaction() as s:
        officials_repo.upsert_official(s, o)
    a = _add(
        db,
        headline="Họp báo",
        keywords=["Bầu cử"],
        photos=[
            Photo(
                sha256="b" * 64,
                filename="x.jpg",
                width=1,
                height=1,
                size_bytes=1,
                caption="Quang cảnh buổi họp ở Sa Pa",
            )
        ],
        official_ids=[o.id],
    )
    assert _search(db, "sa pa") == [a]
    assert _search(db, "bau cu") == [a]
    assert _search(db, "trinh viet hung") == [a]


def test_headline_ranks_above_body(db: Database) -> None:
    in_body = _add(db, headline="Tin tổng hợp", body="Có nhắc đến nông thôn mới một lần.")
    in_head = _add(db, headline="Xây dựng nông thôn mới", body="Bài viết dài.")
    assert _search(db, "nong thon moi") == [in_head, in_body]


def test_snippet_marks_the_match(db: Database) -> None:
    _add(db, headline="Khác", body="Trước đó. Đoàn công tác đến thăm Đền Thượng. Sau đó.")
    with db.transaction() as s:
        search_repo.reindex_dirty(s)
        hit = search_repo.search(s, "den thuong")[0]
    assert "[Đền]" in hit.snippet and "[Thượng]" in hit.snippet


def test_trashed_articles_are_not_found(db: Database) -> None:
    a = _add(db, headline="Bài đã bỏ")
    with db.transaction() as s:
        repo.set_trashed(s, a, True)
    assert _search(db, "bai da bo") == []


def test_edit_reindexes(db: Database) -> None:
    a = _add(db, headline="Cũ")
    assert _search(db, "cu") == [a]
    with db.transaction() as s:
        repo.update_article_fields(s, a, {"headline": "Mới hoàn toàn"})
    assert _search(db, "cu") == []
    assert _search(db, "moi hoan toan") == [a]


def test_phrase_and_prefix(db: Database) -> None:
    a = _add(db, headline="lý luận chính trị")
    b = _add(db, headline="chính trị và lý luận")
    assert set(_search(db, "ly luan chinh tri")) == {a, b}
    assert _search(db, '"ly luan chinh tri"') == [a]
    assert set(_search(db, "chinh tr", prefix=True)) == {a, b}


HOSTILE = [
    '"',
    '""',
    'a"b',
    "-",
    "*",
    "-foo",
    "foo*",
    "AND",
    "OR",
    "NOT",
    "a AND",
    "NEAR(",
    "NEAR(a b",
    "headline:x",
    "^x",
    "(",
    ")",
    "{a b}:c",
    "'",
    "\\",
    "\x00",
    "d" * 40,
    "đ" * 40,
    "   ",
    "",
]


def test_hostile_queries_never_raise(db: Database) -> None:
    a = _add(db, headline="Một bài bất kỳ", body="AND OR NOT NEAR headline")
    for q in HOSTILE:
        _search(db, q)
    # operator words are searched as plain words
    assert _search(db, "AND") == [a]
    assert _search(db, "NEAR(") == [a]
    assert _search(db, "-headline") == [a]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_query_is_safe(db: Database, q: str) -> None:
    _search(db, q)


@given(st.text(max_size=60))
def test_match_query_is_quoted(q: str) -> None:
    m = build_match_query(q)
    if m is not None:
        assert m.count('"') % 2 == 0


def test_broad_queries_list_headline_hits_first_then_newest(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor_app.store import sqlite

    monkeypatch.setattr(sqlite, "BROAD_MATCHES", 3)
    old_body = _add(db, headline="Tin một", body="Hội nghị tổng kết.")
    in_head = _add(db, headline="Hội nghị cán bộ", body="Nội dung.")
    mid_body = _add(db, headline="Tin hai", body="Dự hội nghị.")
    new_body = _add(db, headline="Tin ba", body="Sau hội nghị.")
    assert _search(db, "hoi nghi") == [in_head, new_body, mid_body, old_body]
    assert _search(db, "hoi nghi", limit=2) == [in_head, new_body]


def test_a_short_last_prefix_is_left_out_while_typing(db: Database) -> None:
    a = _add(db, headline="Dương Đức Huy")
    assert _search(db, "duong d", prefix=True) == [a]
    assert _search(db, "d", prefix=True) == []


# --- hostile lengths (issue 20, point 9): a pasted or repeated query is capped and deduplicated


def _terms(match: str) -> list[str]:
    """The ANDed terms of a MATCH expression built for words (not a phrase)."""
    return match.split(" AND ")


def test_a_repeated_word_query_is_one_term() -> None:
    # 32,767 characters: the most a QLineEdit holds; it took 15-60 s to search before the cap
    q = ("đảng " * 7000)[:32767]
    assert build_match_query(q) == build_match_query("đảng") == '("dang" OR "đang")'
    assert build_match_query("hội nghị " * 4000) == build_match_query("hội nghị")


def test_distinct_terms_are_capped_at_32() -> None:
    words = [f"tu{i}" for i in range(5000)]
    m = build_match_query(" ".join(words))
    assert m is not None
    assert _terms(m) == [f'"tu{i}"' for i in range(32)]
    # within 512 characters: a 600-letter word is not searched as a word of 512 letters
    assert len(build_match_query("a" * 100_000) or "") < 600


def test_a_long_phrase_keeps_its_first_16_words_in_order() -> None:
    m = build_match_query('"' + "hội nghị " * 4000 + '"')
    assert m == '"' + " ".join(["hoi", "nghi"] * 8) + '"'


def test_a_repeated_last_word_is_not_a_prefix_while_typing() -> None:
    typed = build_match_query("duong duc duong", prefix_last=True)
    assert typed == build_match_query("duong duc") == '("duong" OR "đuong") AND ("duc" OR "đuc")'
    assert build_match_query("duc duong", prefix_last=True) == (
        '("duc" OR "đuc") AND ("duong"* OR "đuong"*)'
    )


def test_a_long_pasted_query_still_finds_the_story(db: Database) -> None:
    body = (
        "Sáng nay, đồng chí Dương Đức Huy, Bí thư Đảng ủy, đã dự hội nghị đánh giá công tác "
        "dân vận của Đảng bộ và đề ra nhiệm vụ trọng tâm đến cuối năm, đồng thời đôn đốc "
        "các đơn vị đẩy nhanh tiến độ giải ngân vốn đầu tư công."
    )
    a = _add(db, headline="Hội nghị Ban Chấp hành Đảng bộ tỉnh", body=body)
    _add(db, headline="Tin thể thao", body="Bóng đá.")
    assert _search(db, ("hội nghị đảng bộ " * 3000)[:32767], prefix=True) == [a]
    assert _search(db, '"' + body + '"') == [a]  # 45 words: the first 16 as a phrase


def test_a_phrase_with_many_d_words_is_found() -> None:
    # each d may be đ: 2**7 spellings, more than the 16 one phrase may take
    text = "Đồng chí Dương Đức Huy dự hội nghị Đảng bộ đề ra đường lối"
    match = build_match_query(f'"{text}"')
    assert match is not None
    exact = '"đong chi đuong đuc huy'
    assert exact in match  # the spelling written is among those searched


def test_a_phrase_with_many_d_words_finds_its_story(db: Database) -> None:
    text = "Đồng chí Dương Đức Huy dự hội nghị Đảng bộ đề ra đường lối"
    a = _add(db, headline="Tin", body=f"Hôm qua, {text} mới.")
    _add(db, headline="Tin khác", body="Đồng chí Huy dự hội nghị.")
    assert _search(db, f'"{text}"') == [a]

"""The server's search by word pairs (migration 0009, store/pg_search.py): a phrase or close
words are looked up by their pairs first, and find exactly what the positions alone found;
the snippets cut from the hits' columns alone."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from editor_app.domain.article import Article
from editor_app.domain.officials.people import Official
from editor_app.store import pg_search, pg_tsquery
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo
from editor_app.store.repo import officials as officials_repo
from editor_app.store.repo import search as search_repo
from editor_app.store.server import ServerStore

Store = Database | ServerStore


@pytest.fixture
def server(pg_url: str) -> Iterator[ServerStore]:
    opened = ServerStore.open(pg_url)
    try:
        yield opened
    finally:
        opened.close()


def _add(store: Store, headline: str, body: str = "Nội dung.", **more: object) -> uuid.UUID:
    a = Article(headline=headline, body=body, **more)  # type: ignore[arg-type]
    with store.transaction() as s:
        repo.add_article(s, a)
    return a.id


def _found(store: Store, query: str, limit: int = 20, prefix: bool = False) -> list[uuid.UUID]:
    with store.transaction() as s:
        search_repo.reindex_dirty(s)
    with store.read() as s:
        return [h.id for h in search_repo.search(s, query, limit, prefix=prefix)]


def _pairs(server: ServerStore, doc: dict[str, str]) -> set[str]:
    sql = "SELECT tsvector_to_array(article_search_pairs(CAST(:d AS tsvector)))"
    with server.read() as s:
        return set(s.scalar(text(sql), {"d": pg_search.tsvector_literal(doc)}) or [])


def test_the_pairs_hold_folded_words_next_and_one_apart(server: ServerStore) -> None:
    pairs = _pairs(server, {"headline": "Ông Dương Đức Huy", "sapo": "Đảng bộ"})
    assert {"duong duc", "duc huy", "duong~huy", "ong~duc"} <= pairs
    # Fields are one position apart in `doc`: the last word of one and the first of the next
    # are a one-word-between pair, never a next pair (a phrase never spans two fields).
    assert "huy~dang" in pairs and "huy dang" not in pairs
    assert _pairs(server, {"body": "Một"}) == set()
    assert _pairs(server, {"body": "ab " + "x" * 30}) == set()  # too long to be indexed


def test_a_name_typed_without_marks_finds_it_by_its_pairs(store: Store) -> None:
    huy = _add(store, "Tin chiều", "Sáng nay, ông Dương Đức Huy thăm trường.")
    _add(store, "Đức và Huy", "Dương cầm. Huy chương vàng cho đội Đức.")
    assert _found(store, "duong duc huy")[0] == huy
    assert _found(store, '"duong duc huy"') == [huy]
    assert _found(store, '"DƯƠNG ĐỨC HUY"') == [huy]


def test_a_phrase_across_a_line_break_is_found(store: Store) -> None:
    story = _add(store, "Lễ khai giảng", "Phát biểu của ông Dương\nĐức Huy,\n\nchủ tịch.")
    apart = _add(store, "Đức Huy", "Ông Dương.")  # the words in two fields
    assert _found(store, '"duong duc huy"') == [story]
    assert _found(store, '"huy chu tich"') == [story]
    assert set(_found(store, "duong duc huy")) == {story, apart}


def test_common_words_whose_pair_is_rare(store: Store) -> None:
    for i in range(12):
        _add(store, f"Nghị quyết số {i}", "Hội đồng nhân dân họp. Nghị sĩ phát biểu tại hội.")
    together = _add(store, "Tin vắn", "Khai mạc hội nghị tỉnh.")
    both_pairs = _add(store, "Tin khác", "Hội nghị bàn. Nghị tỉnh xa.")  # no "hội nghị tỉnh"
    assert set(_found(store, '"hoi nghi"')) == {together, both_pairs}
    assert _found(store, '"hoi nghi tinh"') == [together]
    assert _found(store, '"nghi hoi"') == []
    assert len(_found(store, "nghi hoi")) == 14


def test_the_last_word_while_typing_has_no_pair_yet(store: Store) -> None:
    named = _add(store, "Hội nghị phụ nữ", "Ông Dương Đức Huyền phát biểu.")
    scattered = _add(store, "Huy chương", "Dương cầm. Nhà văn Đức.")
    assert _found(store, "duong duc huy", prefix=True) == [named, scattered]
    assert _found(store, "dương đức huy", prefix=True) == [named, scattered]
    assert _found(store, "duong duc huy") == [scattered]  # a whole word unless typing
    assert _found(store, "duc duong", prefix=True) == [named, scattered]  # in any order


def test_broad_queries_give_the_same_hits_top_fields_first(
    server: ServerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = _add(server, "Hội nghị tỉnh", "Nội dung.")
    body = _add(server, "Tin vắn", "Khai mạc hội nghị.")
    newer_body = _add(server, "Tin chiều", "Bế mạc hội nghị tỉnh.")
    apart = _add(server, "Nghị quyết", "Hội đồng họp.")
    narrow = {q: _found(server, q) for q in ('"hoi nghi"', "hoi nghi", "hoi nghi tinh")}
    monkeypatch.setattr(pg_search, "BROAD_MATCHES", 2)
    assert _found(server, '"hoi nghi"') == [top, newer_body, body]
    assert _found(server, "hoi nghi") == [top, newer_body, body, apart]
    for q, hits in narrow.items():
        assert set(_found(server, q)) == set(hits), q
    assert _found(server, '"hoi nghi"', limit=1) == [top]
    monkeypatch.setattr(pg_search, "NEWEST_CANDIDATES", 1)  # pairs held by many: walking
    assert _found(server, '"hoi nghi"') == [top, newer_body, body]
    assert _found(server, "hoi nghi") == [top, newer_body, body, apart]


def test_a_sample_of_the_index_tells_broad_from_narrow_as_the_whole_count(
    server: ServerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With GIN's fuzzy limit at one story, the sampled count is some of the stories only: a
    query it does not prove broad is counted again, whole, so the order is the same. The oldest
    story holds the phrase three times: ranked (narrow) it comes second, listed newest first
    (broad) last, so the two orders tell which one was taken."""
    rich = _add(server, "Tin cũ", "Hội nghị tỉnh. Hội nghị tỉnh. Hội nghị tỉnh mở rộng.")
    stories = [_add(server, f"Tin {i}", "Khai mạc hội nghị tỉnh.") for i in range(10)]
    top = _add(server, "Hội nghị tỉnh", "Nội dung.")
    newest_first = [top, *reversed(stories), rich]
    assert _found(server, '"hoi nghi"')[:2] == [top, rich]  # 12 < 500: ranked
    with server.transaction() as s:  # into the index itself: GIN samples none of its pending list
        for index in pg_search.PAIRS_INDEXES:
            s.execute(text("SELECT gin_clean_pending_list(CAST(:i AS regclass))"), {"i": index})
    monkeypatch.setattr(pg_search, "SAMPLE_STORIES", 1)
    monkeypatch.setattr(pg_search, "BROAD_MATCHES", 8)  # a sample of about one never holds 8
    for query in ('"hoi nghi"', "hoi nghi", '"hoi nghi tinh"'):
        assert _found(server, query) == newest_first, query
    monkeypatch.setattr(pg_search, "BROAD_MATCHES", 13)  # narrow: ranked, headline first
    assert _found(server, '"hoi nghi"')[:2] == [top, rich]
    assert set(_found(server, '"hoi nghi"')) == set(newest_first)
    monkeypatch.setattr(pg_search, "SAMPLE_STORIES", 2_000)
    monkeypatch.setattr(pg_search, "BROAD_MATCHES", 8)  # the sample is every story: broad at once
    assert _found(server, '"hoi nghi"') == newest_first
    with server.read() as s:  # the fuzzy limit is never left set for the session
        assert s.execute(text("SHOW gin_fuzzy_search_limit")).scalar() == "0"


def test_a_broad_three_word_phrase_is_counted_by_its_pairs_and_checked_in_doc(
    server: ServerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    top = _add(server, "Chuyển đổi số ở tỉnh", "Nội dung.")
    body = _add(server, "Tin sáng", "Bàn về chuyển đổi số.")
    apart = {"headline": "Chuyển đổi", "body": "Đổi số. Chuyển giao số liệu."}
    assert {"chuyen doi", "doi so", "chuyen~so"} <= _pairs(server, apart)  # the pairs, apart
    _add(server, apart["headline"], apart["body"])
    across = _add(server, "Tin chiều", "Đẩy mạnh chuyển\nđổi số.")
    match = pg_tsquery.build_query('"chuyen doi so"')
    assert match is not None and match.loose.counted and not match.loose.exact
    narrow = _found(server, '"chuyen doi so"')
    assert set(narrow) == {top, body, across}
    monkeypatch.setattr(pg_search, "BROAD_MATCHES", 4)  # 4 hold the pairs, 3 the phrase: broad
    assert _found(server, '"chuyển đổi số"') == [top, across, body]
    assert _found(server, '"chuyen doi so"', limit=1) == [top]
    monkeypatch.setattr(pg_search, "BROAD_MATCHES", 5)
    assert set(_found(server, '"chuyen doi so"')) == set(narrow)
    monkeypatch.setattr(pg_search, "BROAD_MATCHES", 2)
    monkeypatch.setattr(pg_search, "NEWEST_CANDIDATES", 1)  # pairs held by many: walking
    assert _found(server, '"chuyen doi so"') == [top, across, body]


def test_snippets_from_the_officials_and_keywords_columns(server: ServerStore) -> None:
    official = Official(full_name="Dương Đức Huy")
    story = Article(headline="Tin chiều", body="Nội dung.", keywords=["giáo viên"])
    with server.transaction() as s:
        officials_repo.upsert_official(s, official)
        repo.add_article(s, story)
        officials_repo.set_article_officials(s, story.id, [official.id])
    with server.transaction() as s:
        search_repo.reindex_dirty(s)
    with server.read() as s:
        (by_name,) = search_repo.search(s, "duong duc huy", 5)
        (by_keyword,) = search_repo.search(s, "giao vien", 5)
    assert "[Dương] [Đức] [Huy]" in by_name.snippet
    assert by_keyword.snippet == "[giáo] [viên]"


_WORDS = ["dương", "đức", "huy", "duc", "hội", "nghị", "a"]
_DOC_TEXT = st.lists(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", " ", "\n", ", ", ". "])),
    max_size=14,
).map(lambda ws: "".join(w + sep for w, sep in ws))
_QUERY = st.tuples(
    st.lists(st.sampled_from([*_WORDS, "hu", "ngh", "duo"]), min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
).map(lambda t: ('"{}"' if t[1] else "{}").format(" ".join(t[0])))
_FUZZ = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_FUZZ
@given(headline=_DOC_TEXT, sapo=_DOC_TEXT, body=_DOC_TEXT, query=_QUERY, prefix=st.booleans())
def test_the_pairs_find_what_the_positions_find(
    server: ServerStore, headline: str, sapo: str, body: str, query: str, prefix: bool
) -> None:
    doc = {"headline": headline, "sapo": sapo, "body": body}
    match = pg_tsquery.build_query(query, prefix)
    if match is None:
        return
    parts = [match.loose] + ([match.close_query] if match.close_query is not None else [])
    parts += [part.in_top_fields() for part in parts]
    with server.read() as s:
        for part in parts:
            sql = text(
                "SELECT s.doc @@ CAST(:q AS tsquery), "
                f"{part.of} @@ CAST(:p AS tsquery) FROM (SELECT CAST(:doc AS tsvector) doc) s"
            )
            params = {"doc": pg_search.tsvector_literal(doc), "q": str(part), "p": part.pairs or ""}
            by_positions, by_pairs = s.execute(sql, params).one()
            if part.pairs is None:
                continue
            assert by_pairs or not by_positions, (doc, part, part.pairs)  # never fewer
            if part.exact:
                assert by_pairs == by_positions, (doc, part, part.pairs)

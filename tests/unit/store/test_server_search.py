"""The server's full-text search (issue 16, point 1): the same hits on the desk's SQLite (FTS5)
and on a real PostgreSQL (store/pg_search.py), through the same repository function."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from editor_app.domain.article import Article
from editor_app.domain.text import fold
from editor_app.store import pg_search, pg_tsquery
from editor_app.store.database import Database
from editor_app.store.repo import articles as repo
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


def test_folded_words_find_the_marked_ones(store: Store) -> None:
    huy = _add(store, "Đồng chí Dương Đức Huy thăm trường", sapo="Sáng nay.")
    dang = _add(store, "Đại hội Đảng bộ tỉnh", keywords=["chính trị"])
    nguyen = _add(store, "Lúa chín", body="Ông Nguyễn Văn An nói.")
    assert _found(store, "duong duc huy") == [huy]
    assert _found(store, "DƯƠNG ĐỨC HUY") == [huy]
    assert _found(store, "Đảng") == [dang] == _found(store, "dang")
    assert _found(store, "chinh tri") == [dang]  # a keyword
    assert _found(store, "nguy", prefix=True) == [nguyen]
    assert _found(store, "nguy") == []  # a whole word unless typing
    assert _found(store, "dai hoi ng", prefix=True) == [dang]  # a short last word left out


def test_a_phrase_only_matches_adjacent_words(store: Store) -> None:
    together = _add(store, "Trường mầm non Hướng Dương khai giảng")
    apart = _add(store, "Mầm cây đã lên, trời không còn non nữa", body="Trường xa.")
    assert set(_found(store, "mam non")) == {together, apart}
    assert _found(store, '"mam non"') == [together]
    assert _found(store, '"non mam"') == []


def test_the_name_written_together_comes_first(store: Store) -> None:
    scattered = _add(
        store,
        "Đảng ủy thị xã Sa Pa đón đoàn công tác của Đại sứ quán Anh",
        "Đoàn thăm thị xã. " * 3,
    )
    named = _add(
        store, "Hội nghị phụ nữ", "Bà Đặng Thị Ánh, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh, phát biểu."
    )
    _add(store, "Giá lúa tăng", "Nông dân phấn khởi.")
    for query in ("dang thi anh", "Đặng Thị Ánh", "thi anh dang"):
        assert _found(store, query) == [named, scattered], query
    assert _found(store, "dang thi anh", prefix=True) == [named, scattered]
    assert _found(store, "dang thi anh", limit=1) == [named]


def test_an_edited_article_is_found_by_its_new_words_only(store: Store) -> None:
    story = _add(store, "Bão số ba đổ bộ", "Gió mạnh cấp mười.")
    assert _found(store, "bao so ba") == [story]
    with store.transaction() as s:
        repo.update_article_fields(s, story, {"headline": "Lũ quét miền núi", "body": "Mưa to."})
    assert _found(store, "bao so ba") == []
    assert _found(store, "lu quet") == [story]
    with store.transaction() as s:
        repo.delete_article(s, story)
    assert _found(store, "lu quet") == []


def test_the_server_gives_snippets_with_the_words_found(server: ServerStore) -> None:
    _add(server, "Tin chiều", "Sáng 9/3, ông Dương Đức Huy đến thăm trường mầm non Hướng Dương.")
    with server.transaction() as s:
        search_repo.reindex_dirty(s)
    with server.read() as s:
        (hit,) = search_repo.search(s, "duc huy", 5)
    assert "[Đức] [Huy]" in hit.snippet and hit.headline == "Tin chiều"


_VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
_TEXT = st.text(
    alphabet=st.sampled_from(_VIETNAMESE + _VIETNAMESE.upper() + " ,.'\"\\:-1"), max_size=200
)
_HOSTILE = (
    st.text(alphabet=st.sampled_from("ađĐ \"'&|!():*<>\\\x00-_\t\n" + "ễ"), max_size=60)
    | st.just("a" * 10_000)
    | st.just("'\\" * 5_000)
)
_FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_FUZZ
@given(value=_TEXT)
def test_the_servers_document_holds_the_folded_words(server: ServerStore, value: str) -> None:
    doc = pg_search.tsvector_literal({"body": value})
    with server.read() as s:
        lexemes = s.scalar(text("SELECT tsvector_to_array(CAST(:d AS tsvector))"), {"d": doc})
    assert set(lexemes or []) == set(re.findall(r"\w+", fold(value)))


@_FUZZ
@given(query=_HOSTILE, prefix=st.booleans())
def test_any_typed_query_is_searched_never_raises(
    server: ServerStore, query: str, prefix: bool
) -> None:
    with server.read() as s:
        assert isinstance(search_repo.search(s, query, 5, prefix=prefix), list)
    match = pg_tsquery.build_query(query, prefix)
    if match is not None:
        with server.read() as s:
            s.execute(text("SELECT CAST(:q AS tsquery)"), {"q": str(match)})
            if match.close:
                s.execute(text("SELECT CAST(:q AS tsquery)"), {"q": match.close})


def test_the_desks_schema_gets_no_server_search(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "data")
    try:
        with db.read() as s:
            names = set(s.scalars(text("SELECT name FROM sqlite_master")))
        assert "articles_fts" in names and not any("article_search" in n for n in names)
    finally:
        db.close()

"""Search query rules (issue 20, point 9): any text gives a bounded set of folded words."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.search_query import (
    MAX_PHRASE_WORDS,
    MAX_QUERY_CHARS,
    MAX_TERMS,
    SearchQuery,
    parse_query,
)
from editor_app.domain.text import fold, nfc

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
vi_query = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + ' "-*().,:\t\n0123456789')
long_query = st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=40), st.integers(1, 3000))


def test_a_name_without_marks_or_with_them_is_the_same_query() -> None:
    assert parse_query("Dương Đức Huy") == parse_query("duong duc huy")
    assert parse_query("  Dương   Đức Huy ").terms == ("duong", "duc", "huy")


def test_repeated_words_are_searched_once() -> None:
    q = parse_query(("đảng bộ " * 5000)[:32767])
    assert q.terms == ("dang", "bo")
    assert q.shortened  # only the first 512 characters were read


def test_more_than_32_different_words_keep_the_first_32() -> None:
    q = parse_query(" ".join(f"w{i}" for i in range(40)))
    assert q.terms == tuple(f"w{i}" for i in range(32))
    assert q.shortened and not q.open_last


def test_a_query_is_cut_at_512_characters_between_words() -> None:
    text = "a" * 508 + " hoinghi"  # the cut at 512 falls inside "hoinghi"
    q = parse_query(text)
    assert q.terms == ("a" * 508,) and q.shortened
    assert not parse_query("a" * 500 + " bcd").shortened


def test_a_phrase_keeps_its_order_and_repeats() -> None:
    q = parse_query('"ban chấp hành ban"')
    assert q == SearchQuery(("ban", "chap", "hanh", "ban"), phrase=True)
    long = parse_query('"' + "hội nghị " * 100 + '"')
    assert long.phrase and long.terms == ("hoi", "nghi") * 8 and long.shortened


def test_a_lone_quoted_word_is_a_word() -> None:
    assert parse_query('"đảng"') == SearchQuery(("dang",), open_last=True)
    assert parse_query('"') == SearchQuery(())


def test_the_last_word_is_open_only_when_written_once() -> None:
    assert parse_query("duong duc h").open_last
    assert not parse_query("duong duc duong").open_last
    assert parse_query("duong duc duong").terms == ("duong", "duc")


def test_nfd_text_is_read_as_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Nghị quyết Đại hội " * 60)
    q = parse_query(nfd)
    assert q == parse_query("Nghị quyết Đại hội " * 60)
    assert q.terms == ("nghi", "quyet", "dai", "hoi")


@given(st.one_of(st.text(), vi_query, long_query))
def test_any_text_gives_a_bounded_set_of_folded_words(text: str) -> None:
    q = parse_query(text)
    assert len(q.terms) <= MAX_TERMS
    for term in q.terms:
        assert re.fullmatch(r"\w+", term)
        assert nfc(fold(term)) == term
        assert unicodedata.is_normalized("NFC", term)
    # fold may turn one character into up to 3 (a Hangul syllable into its letters)
    assert sum(len(t) for t in q.terms) <= 3 * MAX_QUERY_CHARS
    if q.phrase:
        assert 1 < len(q.terms) <= MAX_PHRASE_WORDS
    else:
        assert len(set(q.terms)) == len(q.terms)
    if q.open_last:
        assert not q.shortened and q.terms


@given(vi_query)
def test_a_short_query_loses_nothing(text: str) -> None:
    q = parse_query(text[:MAX_QUERY_CHARS])
    words = re.findall(r"\w+", fold(text[:MAX_QUERY_CHARS]))
    if not q.shortened and not q.phrase:
        assert set(q.terms) == set(words)

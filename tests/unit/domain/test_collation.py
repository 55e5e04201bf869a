"""Vietnamese alphabetical order (issue 15, point 7: one collation everywhere)."""

from __future__ import annotations

import random
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.collation import sort_key
from editor_app.domain.text import fold, nfc


def ordered(words: list[str]) -> list[str]:
    shuffled = list(words)
    random.Random(7).shuffle(shuffled)
    return sorted(shuffled, key=sort_key)


def test_d_then_đ_and_u_then_ư_tones_second() -> None:
    names = ["Dung", "Dũng", "Dương", "Đào"]
    assert ordered(names) == names
    assert sorted(names, key=fold)[0] == "Đào"  # what folding gave: đ taken for d


def test_the_vietnamese_alphabet() -> None:
    words = ["an", "ăn", "ân", "bò", "cá", "dê", "đá", "em", "ếch", "gà", "ô", "ơn", "ưa", "xe"]
    assert ordered(words) == words
    assert ordered(["Yến", "Bình", "Ánh"]) == ["Ánh", "Bình", "Yến"]


def test_tones_in_the_dictionarys_order_and_only_between_equal_words() -> None:
    assert ordered(["bạ", "bá", "bã", "bả", "bà", "ba"]) == ["ba", "bà", "bả", "bã", "bá", "bạ"]
    assert ordered(["bác", "bạ", "ba"]) == ["ba", "bạ", "bác"]  # the letters first
    assert ordered(["Lê Anh", "Lê An Bình", "Lê An"]) == ["Lê An", "Lê An Bình", "Lê Anh"]
    assert ordered(["Dung", "dung", "dùng"]) == ["dung", "Dung", "dùng"]


@given(st.text())
def test_the_unicode_form_does_not_matter(s: str) -> None:
    assert sort_key(unicodedata.normalize("NFD", s)) == sort_key(s)
    assert sort_key(s)[-1] == nfc(s)

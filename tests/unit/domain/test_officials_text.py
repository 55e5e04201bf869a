"""Words and keys the officials checks compare by."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.officials.text import syllable_key, title_key, tokenize

_VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
_text = st.text(st.sampled_from(list(_VIETNAMESE + _VIETNAMESE.upper() + " ,.-;'\n")))


@given(_text)
def test_words_are_the_same_in_any_unicode_form(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    nfc_words = [(t.text, t.key, t.folded) for t in tokenize(nfc)]
    nfd_words = [(unicodedata.normalize("NFC", t.text), t.key, t.folded) for t in tokenize(nfd)]
    assert nfd_words == nfc_words
    for token in tokenize(nfd):
        assert nfd[token.start : token.end] == token.text


@given(_text)
def test_title_key_ignores_case_and_form(text: str) -> None:
    assert title_key(text) == title_key(unicodedata.normalize("NFD", text.upper()))


@pytest.mark.parametrize(
    ("a", "b"),
    [("uỷ", "ủy"), ("Hoá", "hóa"), ("THUỴ", "thụy"), ("khoá", "khóa")],
)
def test_tone_placement(a: str, b: str) -> None:
    assert syllable_key(a) == syllable_key(b)


def test_different_tones_are_different_words() -> None:
    assert syllable_key("hà") != syllable_key("hạ")
    assert syllable_key("á") != syllable_key("a1")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ủy viên Dự khuyết BCH TW Đảng", "Ủy viên Dự khuyết Ban Chấp hành Trung ương Đảng"),
        ("Ủy viên Trung ương Đảng", "Ủy viên Ban Chấp hành Trung ương Đảng"),
        ("Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh"),
        ("Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc VN tỉnh"),
        ("Ủy viên BTV Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy"),
        ("Trưởng Ban Tổ chức T.Ư", "Trưởng Ban Tổ chức Trung ương"),
    ],
)
def test_abbreviations(a: str, b: str) -> None:
    assert title_key(a) == title_key(b)


def test_ban_chap_hanh_is_kept_elsewhere() -> None:
    assert title_key("Ủy viên Ban Chấp hành Đảng bộ tỉnh") != title_key("Ủy viên Đảng bộ tỉnh")

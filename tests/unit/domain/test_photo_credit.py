"""A caption's trailing "Ảnh: …" or "(Ảnh: …)" becomes the photo's credit."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.photo_credit import MAX_CREDIT_WORDS, split_credit

_SENTENCE = "Ảnh: các đại biểu dự hội nghị giao ban công tác giáo dục lý luận chính trị quý I"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đồng chí X phát biểu. Ảnh: Hồng Ninh", ("Đồng chí X phát biểu.", "Hồng Ninh")),
        ("Đồng chí X phát biểu (Ảnh: Hồng Ninh)", ("Đồng chí X phát biểu", "Hồng Ninh")),
        ("Đồng chí X phát biểu. (Ảnh: Hồng Ninh).", ("Đồng chí X phát biểu.", "Hồng Ninh")),
        ("Quang cảnh - Ảnh: TTXVN", ("Quang cảnh", "TTXVN")),
        ("Quang cảnh – ẢNH : Văn Minh/TTXVN", ("Quang cảnh", "Văn Minh/TTXVN")),
        ("Ảnh: Hồng Ninh", ("", "Hồng Ninh")),
        ("Ảnh minh họa", ("Ảnh minh họa", "")),
        ("Hình ảnh: đại biểu dự hội nghị", ("Hình ảnh: đại biểu dự hội nghị", "")),
        ("Quang cảnh (Ảnh: Hồng Ninh", ("Quang cảnh (Ảnh: Hồng Ninh", "")),  # not closed
        ("Quang cảnh. Ảnh:", ("Quang cảnh. Ảnh:", "")),  # nothing after it
        (_SENTENCE, (_SENTENCE, "")),  # a sentence, not a name
    ],
)
def test_examples(text: str, expected: tuple[str, str]) -> None:
    assert split_credit(text) == expected


_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
_word = st.text(st.sampled_from(_LETTERS + _LETTERS.upper()), min_size=1, max_size=8)
_caption = st.lists(_word, min_size=1, max_size=15).map(" ".join)
_credit = st.lists(_word, min_size=1, max_size=MAX_CREDIT_WORDS).map(" ".join)


@given(_caption, _credit)
def test_a_credit_in_brackets_is_split_off(caption: str, credit: str) -> None:
    assert split_credit(f"{caption} (Ảnh: {credit})") == (caption, credit)


@given(_caption, _credit)
def test_a_credit_after_the_sentence_is_split_off(caption: str, credit: str) -> None:
    assert split_credit(f"{caption}. Ảnh: {credit}") == (f"{caption}.", credit)


@given(_caption, _credit)
def test_decomposed_text_comes_out_nfc(caption: str, credit: str) -> None:
    typed = unicodedata.normalize("NFD", f"{caption}  (Ảnh:  {credit} )")
    assert split_credit(typed) == (caption, credit)


@given(_caption)
def test_a_caption_without_a_credit_is_kept_whole(caption: str) -> None:
    assert split_credit(caption) == (caption, "")


@given(_caption, _credit)
def test_the_caption_split_off_names_no_credit_again(caption: str, credit: str) -> None:
    rest, _ = split_credit(f"{caption} (Ảnh: {credit})")
    assert split_credit(rest) == (rest, "")

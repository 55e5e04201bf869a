"""Commonly confused words (issue 17, part 3): the matcher on whole words, after NFC, across a
line break, case-insensitively, with either tone placement; context that excuses a form; the
fixes; and the checklist's warnings (`domain/word_findings.py`)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.domain.article import Article, Photo
from editor_app.domain.checklist import MAX_PER_FIELD
from editor_app.domain.confusables import ConfusedWord, ConfusedWords, entries_from
from editor_app.domain.word_findings import word_findings

WORDS = ConfusedWords(
    [
        ConfusedWord("sử lý", "xử lý", "xử: giải quyết", unless_before=("lịch",)),
        ConfusedWord("chuẩn đoán", "chẩn đoán"),
        ConfusedWord("trú trọng", "chú trọng"),
        ConfusedWord("sáng lạn", "xán lạn"),
        ConfusedWord("năng xuất", "năng suất", unless_after=("khẩu",)),
        ConfusedWord("xa đọa", "sa đọa"),
        ConfusedWord("tựu chung", "tựu trung"),
        ConfusedWord("vô hình chung", "vô hình trung"),
        ConfusedWord("bàng quang", "bàng quan", unless_near=("viêm", "ung thư")),
        ConfusedWord("chợ lý", "trợ lý"),
    ]
)


def fixes(text: str, style: str = "hòa") -> list[tuple[str, str]]:
    return [(c.written, c.fix) for c in WORDS.find(text, style)]  # type: ignore[arg-type]


def test_the_issues_examples() -> None:
    text = "Cần sử lý ngay. Bác sĩ chuẩn đoán; phải trú trọng. Tương lai sáng lạn, xán lạn."
    assert fixes(text) == [
        ("sử lý", "xử lý"),
        ("chuẩn đoán", "chẩn đoán"),
        ("trú trọng", "chú trọng"),
        ("sáng lạn", "xán lạn"),
    ]


def test_spans_are_the_texts() -> None:
    text = "A: sử lý. B: trú trọng."
    for c in WORDS.find(text):
        assert text[c.start : c.end] == c.written


def test_whole_words_only() -> None:
    assert fixes("bàng quangx, xsử lý, sử lýa") == []


def test_case_kept_in_the_fix() -> None:
    assert fixes("Sử lý. SỬ LÝ.") == [("Sử lý", "Xử lý"), ("SỬ LÝ", "XỬ LÝ")]


def test_a_name_is_left_alone() -> None:
    assert fixes("đi chợ Lý Thường Kiệt") == []
    assert fixes("gặp chợ lý") == [("chợ lý", "trợ lý")]


def test_across_a_line_break_in_a_paragraph() -> None:
    assert fixes("phải sử\nlý ngay") == [("sử\nlý", "xử\nlý")]
    assert fixes("phải sử  \n  lý ngay") == [("sử  \n  lý", "xử  \n  lý")]
    assert fixes("phải sử\n\nlý ngay") == []  # two paragraphs
    assert fixes("phải sử, lý do") == []  # punctuation between
    assert fixes("phải **sử** lý") == []


def test_either_tone_placement_fixed_in_the_house_style() -> None:
    assert fixes("xa đoạ và xa đọa", "hòa") == [("xa đoạ", "sa đọa"), ("xa đọa", "sa đọa")]
    assert fixes("xa đọa", "hoà") == [("xa đọa", "sa đoạ")]


def test_context_before_after_near() -> None:
    assert fixes("lịch sử lý giải") == []
    assert fixes("năng xuất khẩu tăng; năng xuất lúa") == [("năng xuất", "năng suất")]
    assert fixes("thái độ bàng quang trước nỗi đau") == [("bàng quang", "bàng quan")]
    assert fixes("bệnh nhân bị viêm bàng quang cấp") == []
    assert fixes("ung thư ở bàng quang") == []
    # the cue must be in the same paragraph
    assert fixes("ung thư.\n\nThái độ bàng quang") == [("bàng quang", "bàng quan")]


def test_the_longest_entry_first() -> None:
    assert fixes("vô hình chung đã") == [("vô hình chung", "vô hình trung")]


def test_decomposed_text_matched_as_nfc() -> None:
    text = unicodedata.normalize("NFD", "Cần sử lý, trú trọng.")
    found = WORDS.find(text)
    assert [c.fix for c in found] == ["xử lý", "chú trọng"]
    for c in found:
        assert unicodedata.normalize("NFC", text[c.start : c.end]) in ("sử lý", "trú trọng")


def test_entries_checked() -> None:
    good = {"format": 1, "pair": [{"wrong": "sử lý", "right": "xử lý", "note": "x"}]}
    assert entries_from(good)[0] == ConfusedWord("sử lý", "xử lý", "x")
    bad: list[dict[str, object]] = [
        {"format": 2, "pair": []},
        {"format": 1},
        {"format": 1, "pair": [{"wrong": "a b", "right": "a b"}]},
        {"format": 1, "pair": [{"wrong": "a b", "right": "c d", "colour": "x"}]},
        {"format": 1, "pair": [{"wrong": "a b", "right": "c d"}, {"wrong": "A  b", "right": "e"}]},
        {"format": 1, "pair": [{"wrong": "a b", "right": "c d"}, {"wrong": "c d", "right": "e"}]},
        {"format": 1, "pair": [{"wrong": "a b", "right": "c d", "unless_near": "x"}]},
        {"format": 1, "pair": [{"wrong": "", "right": "c d"}]},
    ]
    for data in bad:
        with pytest.raises(ValueError):
            entries_from(data)


def test_checklist_warnings() -> None:
    article = Article(
        headline="Sử lý nghiêm",
        sapo="Sức khoẻ là vàng",
        body="Đoạn một.\n\nBác sĩ chuẩn đoán và sử\nlý.",
        photos=[Photo("0" * 64, "a.jpg", 8, 6, 10, caption="Trú trọng")],
    )
    found = word_findings(article, WORDS, "hòa")
    assert all(f.warning for f in found)
    kinds = [(f.field, f.kind, f.written, f.fix) for f in found if f.kind == "confused_word"]
    assert kinds == [
        ("headline", "confused_word", "Sử lý", "Xử lý"),
        ("body", "confused_word", "chuẩn đoán", "chẩn đoán"),
        ("body", "confused_word", "sử\nlý", "xử\nlý"),
        (f"caption:{article.photos[0].id}", "confused_word", "Trú trọng", "Chú trọng"),
    ]
    body = next(f for f in found if f.written == "chuẩn đoán")
    assert "thân bài, đoạn 2" in body.message and "nên viết “chẩn đoán”" in body.message
    tone = [f for f in found if f.kind == "tone_style"]
    assert [(f.field, f.written, f.fix, f.start) for f in tone] == [("sapo", "khoẻ", "khỏe", 4)]
    assert "“hòa, thủy”" in tone[0].message and "khoẻ → khỏe" in tone[0].message
    assert tone[0].fix_label == "Đặt dấu kiểu “hòa, thủy” trong sapo"


def test_past_the_limit_one_warning_counts_the_rest() -> None:
    article = Article(body=" ".join(["sử lý"] * (MAX_PER_FIELD + 5)))
    found = word_findings(article, WORDS, "hòa")
    assert len(found) == MAX_PER_FIELD + 1
    assert found[-1].kind == "more_confused_word" and "5 từ" in found[-1].message


LETTERS = st.sampled_from(["sử", "lý", "trú", "trọng", "xa", "đọa", "đoạ", "năng", "xuất", "a"])
GAPS = st.sampled_from([" ", "\n", "\n\n", ", ", "  "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(LETTERS, GAPS), max_size=25))
def test_matches_are_whole_words_in_order(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + g for w, g in parts)
    found = WORDS.find(text)
    last = 0
    for c in found:
        assert c.start >= last and text[c.start : c.end] == c.written
        assert c.start == 0 or not text[c.start - 1].isalnum()
        assert c.end == len(text) or not text[c.end].isalnum()
        assert "\n\n" not in c.written
        last = c.end
    # the same matches in capitals and decomposed
    assert [c.fix.upper() for c in found] == [c.fix for c in WORDS.find(text.upper())]
    nfd = unicodedata.normalize("NFD", text)
    assert [c.fix for c in WORDS.find(nfd)] == [c.fix for c in found]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(LETTERS, GAPS), max_size=25))
def test_applying_the_fixes_leaves_nothing(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + g for w, g in parts)
    for c in reversed(WORDS.find(text)):
        text = text[: c.start] + c.fix + text[c.end :]
    assert WORDS.find(text) == []

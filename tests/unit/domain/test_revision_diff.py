"""Word diff and the field-by-field diff of two snapshots."""

from __future__ import annotations

import itertools
import uuid

from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.review import FieldDiff, Segment, diff_snapshots, word_diff
from editor_app.domain.revision_diff import tokenize

_TEXT = st.text(alphabet=st.sampled_from(list("Hội nghị ĐẢNG ủy, quý 1.\n-")), max_size=60)


@given(_TEXT, _TEXT)
def test_segments_join_back_to_both_texts(old: str, new: str) -> None:
    segs = word_diff(old, new)
    assert "".join(s.text for s in segs if s.kind != "insert") == old
    assert "".join(s.text for s in segs if s.kind != "delete") == new
    assert all(s.text for s in segs)
    for a, b in itertools.pairwise(segs):
        assert a.kind != b.kind  # adjacent segments of one kind are merged
        assert (a.kind, b.kind) != ("insert", "delete")  # a change is delete then insert


@given(_TEXT)
def test_tokens_join_back(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_words_are_vietnamese_syllables_and_changes_read_as_phrases() -> None:
    assert tokenize("Đảng ủy, quý 1.") == ["Đảng", " ", "ủy", ",", " ", "quý", " ", "1", "."]
    assert word_diff("Hội nghị giao ban quý 1", "Hội nghị sơ kết quý 1 năm 2023") == (
        Segment("equal", "Hội nghị "),
        Segment("delete", "giao ban"),
        Segment("insert", "sơ kết"),
        Segment("equal", " quý 1"),
        Segment("insert", " năm 2023"),
    )
    assert word_diff("giống nhau", "giống nhau") == (Segment("equal", "giống nhau"),)
    assert word_diff("", "") == ()
    # a change inside a word is shown as the whole word
    assert word_diff("Đảng ủy", "Đảng ủy viên")[-1] == Segment("insert", " viên")


P1, P2, P3 = (str(uuid.uuid4()) for _ in range(3))
O1, O2 = str(uuid.uuid4()), str(uuid.uuid4())


def _photo(pid: str, caption: str = "", **kw: object) -> dict[str, object]:
    return {"id": pid, "sha256": "a" * 64, "caption": caption, "credit": "", "alt_text": "", **kw}


OLD = {
    "headline": "Hội nghị giao ban",
    "sapo": "Sáng 12/4…",
    "body": "Đồng chí Dương Đức Huy phát biểu.",
    "section": "Chính trị",
    "secondary_sections": [],
    "keywords": ["giao ban"],
    "byline": "Lê Minh",
    "location": "Hà Nội",
    "event_date": "2023-04-12",
    "status": "draft",
    "officials": [O1],
    "photos": [_photo(P1, "Toàn cảnh"), _photo(P2, "Đại biểu", featured=True)],
}


def _by_key(diffs: list[FieldDiff]) -> dict[str, FieldDiff]:
    return {d.key: d for d in diffs}


def test_identical_snapshots_have_no_diff() -> None:
    assert diff_snapshots(OLD, dict(OLD)) == []


def test_every_field_is_compared_with_vietnamese_labels() -> None:
    new = {
        **OLD,
        "headline": "Hội nghị sơ kết",
        "sapo": "Sáng 13/4…",
        "body": "Đồng chí Dương Đức Huy phát biểu chỉ đạo.",
        "section": "Chính trị/Xây dựng Đảng",
        "secondary_sections": ["Thời sự"],
        "keywords": ["giao ban", "quý 1"],
        "byline": "Lê Minh, Trần Huy",
        "location": "Hải Phòng",
        "event_date": "2023-04-13",
        "status": "submitted",
        "officials": [O1, O2],
        "photos": [
            _photo(P2, "Các đại biểu", credit="Ảnh: Trần Huy", alt_text="Đại biểu", featured=False),
            _photo(P1, "Toàn cảnh", featured=True),
        ],
    }
    d = _by_key(diff_snapshots(OLD, new, {O1: "Dương Đức Huy", O2: "Nguyễn Văn Nam"}))
    assert {k: v.label_vi for k, v in d.items()} == {
        "headline": "Tiêu đề",
        "sapo": "Sa pô",
        "body": "Nội dung",
        "section": "Chuyên mục",
        "secondary_sections": "Chuyên mục phụ",
        "keywords": "Từ khóa",
        "byline": "Tác giả",
        "location": "Địa điểm",
        "event_date": "Ngày sự kiện",
        "status": "Trạng thái",
        "officials": "Quan chức được gắn",
        "photos": "Ảnh",
        f"photo:{P2}:caption": "Chú thích ảnh 1",
        f"photo:{P2}:credit": "Tác giả ảnh 1",
        f"photo:{P2}:alt_text": "Mô tả ảnh (alt) 1",
        f"photo:{P2}:featured": "Ảnh đại diện (ảnh 1)",
        f"photo:{P1}:featured": "Ảnh đại diện (ảnh 2)",
    }
    assert (d["status"].old, d["status"].new) == ("Nháp", "Chờ duyệt")
    assert (d["event_date"].old, d["event_date"].new) == ("12/4/2023", "13/4/2023")
    assert d["officials"].new == "Dương Đức Huy, Nguyễn Văn Nam"
    assert d["officials"].segments[-1] == Segment("insert", ", Nguyễn Văn Nam")
    assert d["photos"].old == "Toàn cảnh\nCác đại biểu"  # each photo named by its caption now
    assert d["photos"].new == "Các đại biểu\nToàn cảnh"
    assert list(d)[:3] == ["headline", "sapo", "body"]


def test_photos_added_and_removed() -> None:
    new = {**OLD, "photos": [_photo(P1, "Toàn cảnh"), _photo(P3)]}
    d = _by_key(diff_snapshots(OLD, new))
    assert d["photos"].old == "Toàn cảnh\nĐại biểu"
    assert d["photos"].new == f"Toàn cảnh\nảnh {P3[:8]}"
    assert set(d) == {"photos"}  # no caption diff for photos on one side only


def test_older_snapshots_may_lack_keys() -> None:
    d = _by_key(diff_snapshots({"headline": "Tin", "body": None}, OLD))
    assert d["headline"].old == "Tin"
    assert d["sapo"].old == "" and d["sapo"].segments == (Segment("insert", "Sáng 12/4…"),)
    assert d["officials"].new == O1  # no name known: the id
    assert "status" in d and d["status"].old == ""
    assert diff_snapshots({}, {}) == []

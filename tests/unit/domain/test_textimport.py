from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.errors import ValidationError
from editor_app.domain.textimport import parse_plain_text

OWN_ARTICLE = """Hội nghị triển khai nhiệm vụ năm 2024 của Sở Nội vụ

Sáng 15/3, Sở Nội vụ tổ chức hội nghị triển khai nhiệm vụ năm 2024.

Đồng chí Nguyễn Văn Trọng, Giám đốc Sở Nội vụ chủ trì hội nghị.

ảnh hội nghị 01.jpg
Quang cảnh hội nghị.

# Không phải tiêu đề: dòng này bắt đầu bằng dấu thăng.

Có thể bạn quan tâm

Tin cùng chuyên mục

Một bài khác

Một bài khác

Sapo của bài khác.

fb yt zl tw
"""


def test_own_article_parses_without_furniture() -> None:
    r = parse_plain_text(OWN_ARTICLE)
    assert r.headline == "Hội nghị triển khai nhiệm vụ năm 2024 của Sở Nội vụ"
    assert r.sapo.startswith("Sáng 15/3")
    assert len(r.paragraphs) == 2
    assert r.paragraphs[1].startswith("\\#")  # plain text never turns into a heading
    assert [(p.filename, p.caption, p.paragraph_index) for p in r.photos] == [
        ("ảnh hội nghị 01.jpg", "Quang cảnh hội nghị.", 1)
    ]
    body = r.body_markdown(["photo:x"])
    assert "Một bài khác" not in body and "fb yt" not in body
    assert body.index("![](photo:x)") < body.index("\\# Không")


def test_nfd_input_becomes_nfc() -> None:
    r = parse_plain_text(unicodedata.normalize("NFD", OWN_ARTICLE))
    assert unicodedata.is_normalized("NFC", r.headline + r.sapo + "".join(r.paragraphs))
    assert r.photos[0].filename == "ảnh hội nghị 01.jpg"


def test_empty_text_is_refused() -> None:
    with pytest.raises(ValidationError):
        parse_plain_text(" \n\n \ufeff")


@given(st.text())
def test_parser_never_crashes(text: str) -> None:
    try:
        r = parse_plain_text(text)
    except ValidationError:
        return
    assert r.headline
    assert "\n" not in r.headline


def test_sample_article(sample_article) -> None:  # type: ignore[no-untyped-def]
    r = parse_plain_text(sample_article.read_text(encoding="utf-8"))
    assert r.headline.startswith("Ban Tuyên giáo Tỉnh ủy giao ban")
    assert r.sapo.startswith("Ngày 12/4, Ban Tuyên giáo Tỉnh ủy")
    assert [p.filename for p in r.photos] == [
        "IMG_20230412_095452.jpg",
        "IMG_20230412_095542.jpg",
        "20230412_100410_0000.jpg",
        "IMG_20230412_095411.jpg",
    ]
    assert r.photos[2].caption == "Các đại biểu phát biểu ý kiến."
    body = r.body_markdown()
    assert "Tin cùng chuyên mục" not in body
    assert "Hội nghị hiệp thương" not in body
    assert body.rstrip().endswith("tại trung tâm chính trị.")

"""Typographic quotes for Vietnamese text."""

from __future__ import annotations

import pytest

from editor_app.render.typography import smarten


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Đảng"', "“Đảng”"),
        ('tiết giảng “Đường lối của Đảng"', "tiết giảng “Đường lối của Đảng”"),
        ('nói: "Tốt lắm..."', "nói: “Tốt lắm…”"),
        ('("trong ngoặc")', "(“trong ngoặc”)"),
        ("O'Neil", "O'Neil"),
        ("không có gì", "không có gì"),
    ],
)
def test_smarten(text: str, expected: str) -> None:
    assert smarten(text) == expected


def test_a_quote_after_inline_markup_closes() -> None:
    assert smarten('" tiếp', previous="g") == "” tiếp"
    assert smarten('"mở', previous="") == "“mở"

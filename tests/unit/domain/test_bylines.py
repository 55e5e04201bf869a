"""Bylines as a list of people with roles, printed the outlet's way and read back; an older
single byline is one writer, unchanged."""

from __future__ import annotations

import pytest

from editor_app.domain.bylines import (
    Credit,
    byline_names,
    check_credits,
    format_byline,
    parse_byline,
)
from editor_app.domain.errors import ValidationError

HA, NINH = Credit("Thanh Hà"), Credit("Hồng Ninh", "anh")


@pytest.mark.parametrize(
    ("credits", "text"),
    [
        ([], ""),
        ([HA], "Thanh Hà"),
        ([HA, NINH], "Bài: Thanh Hà – Ảnh: Hồng Ninh"),
        ([NINH, HA], "Bài: Thanh Hà – Ảnh: Hồng Ninh"),
        ([HA, Credit("Minh Long")], "Bài: Thanh Hà, Minh Long"),
        ([Credit("PV", "nhom")], "Nhóm PV"),
        (
            [HA, Credit("Minh Long", "video"), Credit("PV Thời sự", "nhom")],
            "Bài: Thanh Hà – Video: Minh Long – Nhóm PV Thời sự",
        ),
        ([NINH], "Ảnh: Hồng Ninh"),
    ],
)
def test_printed_and_read_back(credits: list[Credit], text: str) -> None:
    assert format_byline(credits) == text
    assert format_byline(parse_byline(text)) == text
    assert parse_byline(text) == [
        c
        for role in ("bai", "anh", "video", "nhom")
        for c in check_credits(credits)
        if c.role == role
    ]


@pytest.mark.parametrize(
    "old",
    [
        "Thanh Hà",
        "Hồng Ninh - Thu Hà",
        "Đ/c Dương Đức Huy, Trưởng Ban Tuyên giáo Tỉnh ủy",
        "PV Báo Lào Cai",
        "Theo TTXVN",
    ],
)
def test_an_older_byline_is_one_writer_unchanged(old: str) -> None:
    assert parse_byline(old) == [Credit(old)]
    assert format_byline(parse_byline(old)) == old


def test_shared_roles_names_and_checks() -> None:
    assert parse_byline("Bài, ảnh: Thanh Hà") == [Credit("Thanh Hà"), Credit("Thanh Hà", "anh")]
    assert byline_names("Bài, ảnh: Thanh Hà – Nhóm PV") == ["Thanh Hà", "Nhóm PV"]
    assert byline_names("Bài: Thanh Hà — Ảnh: Hồng Ninh") == ["Thanh Hà", "Hồng Ninh"]
    assert check_credits([HA, Credit(" "), HA]) == [HA]
    with pytest.raises(ValidationError, match="dấu phẩy"):
        check_credits([Credit("Đ/c Huy, Trưởng Ban"), NINH])
    assert check_credits([Credit("Đ/c Huy, Trưởng Ban")]) == [Credit("Đ/c Huy, Trưởng Ban")]
    with pytest.raises(ValidationError):
        Credit("A", "editor")

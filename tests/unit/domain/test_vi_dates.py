"""The event date as typed (issue 15, point 3): "12/4/2023" is 12 April 2023, "12/4" this year,
and anything else is refused with a Vietnamese message saying what is wrong."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from editor_app.domain.errors import UserError
from editor_app.domain.vi_dates import (
    FIRST_YEAR,
    LAST_YEAR,
    DateError,
    format_vi_date,
    parse_vi_date,
)

TODAY = date(2025, 6, 1)
DAYS = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR, 12, 31))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("12/4/2023", date(2023, 4, 12)),  # the issue's: it gave 12/12/4202
        ("12/04/2023", date(2023, 4, 12)),
        ("12-4-2023", date(2023, 4, 12)),
        ("12.4.2023", date(2023, 4, 12)),
        ("  12 / 4 / 2023\u00a0", date(2023, 4, 12)),
        ("12/4", date(2025, 4, 12)),  # this year
        ("1/1", date(2025, 1, 1)),
        ("12/4/23", date(2023, 4, 12)),
        ("12/4/99", date(1999, 4, 12)),  # 2099 is too far ahead: the last century
        ("29/2/2024", date(2024, 2, 29)),
        ("Ngày 12/4", date(2025, 4, 12)),
        ("12 tháng 4 năm 2023", date(2023, 4, 12)),
        ("ngày 12 tháng 4", date(2025, 4, 12)),
        (unicodedata.normalize("NFD", "Ngày 12 tháng 4 năm 2023"), date(2023, 4, 12)),
    ],
)
def test_vietnamese_dates(text: str, day: date) -> None:
    assert parse_vi_date(text, TODAY) == day


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/2/2024", "Ngày 31/2/2024 không có thật: tháng 2 năm 2024 chỉ có 29 ngày."),
        ("29/2/2023", "Ngày 29/2/2023 không có thật: tháng 2 năm 2023 chỉ có 28 ngày."),
        ("31/4", "Ngày 31/4/2025 không có thật: tháng 4 năm 2025 chỉ có 30 ngày."),
        ("12/13/2023", "Ngày 12/13/2023 không có thật: một năm chỉ có 12 tháng."),
        ("0/4/2023", "Ngày 0/4/2023 không có thật: ngày bắt đầu từ 1."),
        ("12/4/4202", "Năm 4202 nằm ngoài khoảng 1900–2100."),
        ("12/4/202", "Năm “202” không rõ: hãy viết đủ bốn chữ số (hoặc hai), ví dụ 12/4/2023."),
        ("", "Chưa nhập ngày."),
        ("   ", "Chưa nhập ngày."),
        ("hôm qua", "“hôm qua” không phải là ngày: hãy viết ngày/tháng/năm, ví dụ 12/4/2023."),
        ("12/4-2023", "“12/4-2023” không phải là ngày: hãy viết ngày/tháng/năm, ví dụ 12/4/2023."),
        (
            "2023-04-12",
            "“2023-04-12” không phải là ngày: hãy viết ngày/tháng/năm, ví dụ 12/4/2023.",
        ),
        ("12", "“12” không phải là ngày: hãy viết ngày/tháng/năm, ví dụ 12/4/2023."),
        ("١٢/٤/٢٠٢٣", "“١٢/٤/٢٠٢٣” không phải là ngày: hãy viết ngày/tháng/năm, ví dụ 12/4/2023."),
    ],
)
def test_what_is_refused_and_why(text: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_vi_date(text, TODAY)
    assert caught.value.message == message
    assert isinstance(caught.value, UserError)  # shown to the user as it is


def test_format() -> None:
    assert format_vi_date(date(2023, 4, 12)) == "12/4/2023"
    assert format_vi_date(date(2024, 12, 1)) == "1/12/2024"


@given(DAYS, st.sampled_from(["/", "-", "."]), st.booleans(), st.booleans())
@example(date(2023, 4, 12), "/", False, False)
@settings(max_examples=300, deadline=None)
def test_format_then_parse_gives_the_date_back(
    day: date, sep: str, padded: bool, nfd: bool
) -> None:
    text = format_vi_date(day)
    assert parse_vi_date(text, TODAY) == day
    d, m, y = text.split("/")
    if padded:
        d, m = d.zfill(2), m.zfill(2)
    variant = sep.join((d, m, y))
    if nfd:
        variant = unicodedata.normalize("NFD", f"ngày {variant}")
    assert parse_vi_date(variant, TODAY) == day


@given(st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR, 12, 31)))
@settings(max_examples=100, deadline=None)
def test_day_and_month_alone_are_this_year(day: date) -> None:
    today = day.replace(month=1, day=1)
    assert parse_vi_date(f"{day.day}/{day.month}", today) == day


@given(st.text(alphabet=st.characters(blacklist_categories=["Nd"]), max_size=40))
@settings(max_examples=300, deadline=None)
def test_text_without_a_digit_is_never_a_date(text: str) -> None:
    with pytest.raises(DateError):
        parse_vi_date(text, TODAY)


@given(st.text(alphabet="0123456789/.- tháng năm ngày\u00a0x", max_size=24))
@settings(max_examples=500, deadline=None)
def test_any_text_is_a_date_it_spells_or_refused(text: str) -> None:
    """Nothing but DateError, and a date only with its day and month written in the text."""
    try:
        day = parse_vi_date(text, TODAY)
    except DateError as e:
        assert e.message
        return
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    assert numbers[:2] == [day.day, day.month]
    assert FIRST_YEAR <= day.year <= LAST_YEAR

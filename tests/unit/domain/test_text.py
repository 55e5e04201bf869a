from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from editor_app.domain.text import (
    count_text,
    fold,
    fold_char,
    format_date,
    format_datetime,
    format_number,
    format_percent,
    nfc,
    reading_minutes,
    slugify,
)

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
vi_text = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " ,.-:;!?\"'/0123456789")


def test_fold_vietnamese_names() -> None:
    assert fold("Dương Đức Huy") == "duong duc huy"
    assert fold("ĐẢNG BỘ") == "dang bo"
    assert fold(unicodedata.normalize("NFD", "Nguyễn Văn Trọng")) == "nguyen van trong"


@given(st.text())
def test_fold_is_idempotent(s: str) -> None:
    assert fold(fold(s)) == fold(s)


@given(st.text() | st.text(st.characters(max_codepoint=0x3100)))
def test_fold_is_fold_char_on_each_nfc_character(s: str) -> None:
    assert fold(s) == "".join(fold_char(c) for c in nfc(s))
    assert fold(s) == "".join(fold_char(c) for c in nfc(s))  # from the table this time


@given(vi_text)
def test_fold_keeps_one_char_per_nfc_letter(s: str) -> None:
    assert len(fold(s)) == len(nfc(s))


@given(vi_text)
def test_fold_ignores_unicode_form(s: str) -> None:
    assert fold(unicodedata.normalize("NFD", s)) == fold(s)


@given(st.text())
def test_slug_only_safe_characters(s: str) -> None:
    slug = slugify(s)
    assert re.fullmatch(r"(?:[a-z0-9]+(?:-[a-z0-9]+)*)?", slug)
    assert len(slug) <= 80


def test_slug_of_vietnamese_headline() -> None:
    assert (
        slugify("Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I/2023")
        == "ban-tuyen-giao-tinh-uy-giao-ban-cong-tac-giao-duc-ly-luan-chinh-tri-quy-i-2023"
    )
    assert slugify("Đắk Lắk: “Đường” mới!") == "dak-lak-duong-moi"


def test_a_long_slug_keeps_the_number_that_ends_it() -> None:
    """Cut at 80 between words, the year went ("…-quy-i-nam"): the words before it go instead."""
    headline = "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I năm 2023"
    assert slugify(headline) == (
        "ban-tuyen-giao-tinh-uy-giao-ban-cong-tac-giao-duc-ly-luan-chinh-tri-quy-i-2023"
    )
    dated = slugify("Hội nghị " * 12 + "ngày 12/4/2023")
    assert dated.startswith("hoi-nghi-") and dated.endswith("-12-4-2023") and len(dated) <= 80
    assert slugify("Giao ban quý I năm 2023") == "giao-ban-quy-i-nam-2023"  # short: every word
    number = "1" * 50  # more than half the length: cut as any word
    assert slugify("Mã số " * 8 + number) == "-".join(["ma-so"] * 8)
    assert slugify("Năm " + "2023 " * 30) == "nam-" + "-".join(["2023"] * 15)
    assert slugify("a" * 100) == "a" * 80
    exact = "-".join(["abcd"] * 16)  # 79 characters, then a word that does not fit
    assert slugify(exact + " efgh") == exact


@given(st.text())
def test_nfc_holds(s: str) -> None:
    assert unicodedata.is_normalized("NFC", nfc(s))


def test_counts_and_reading_time() -> None:
    c = count_text("Xin chào  Việt Nam.\nHội nghị giao ban")
    assert c.words == 8
    assert c.chars_no_spaces == len("XinchàoViệtNam.Hộinghịgiaoban")
    assert count_text(unicodedata.normalize("NFD", "ệ")).chars == 1
    assert reading_minutes(0) == 0
    assert reading_minutes(1) == 1
    assert reading_minutes(401) == 3


def test_vietnamese_number_formats() -> None:
    assert format_number(1245) == "1.245"
    assert format_number(3000) == "3.000"
    assert format_number(1234567.891, 2) == "1.234.567,89"
    assert format_number(-5) == "-5"
    assert format_percent(32.5) == "32,5%"
    assert format_percent(50) == "50%"


def test_vietnamese_dates() -> None:
    assert format_date(date(2024, 3, 15)) == "15/3/2024"
    assert format_date(date(2023, 4, 12), weekday=True) == "Thứ Tư, 12/4/2023"
    assert format_date(date(2023, 4, 16), weekday=True) == "Chủ Nhật, 16/4/2023"
    assert format_datetime(datetime(2023, 4, 12, 9, 55)) == "Thứ Tư, 12/4/2023 09:55"


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_format_number_round_trips(n: int) -> None:
    assert int(format_number(n).replace(".", "")) == n

"""A date as a Vietnamese reporter types it: day first.

Accepted (spaces around the parts and Unicode form do not matter; "ngày" may come first):

- `12/4/2023`, `12-4-2023`, `12.4.2023` (one separator throughout; leading zeros allowed);
- `12/4/23`: a two-digit year is in this century (2000 + yy), or in the last one when that
  would be more than 20 years from today;
- `12/4`: this year (the year of `today`);
- `12 tháng 4 năm 2023`, `ngày 12 tháng 4` (the words as an article writes them).

Anything else is refused with a `DateError` whose message says what is wrong, in Vietnamese:
a month or day that does not exist ("Ngày 31/2/2024 không có thật: …"), a year that is not
two or four digits, a year outside 1900–2100 (the mistake that read "12/4/2023" as 4202), or
text that is not a date. Pure: no Qt, no clock (the caller gives `today`).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

from editor_app.domain.errors import ValidationError
from editor_app.domain.text import format_date

__all__ = ["FIRST_YEAR", "LAST_YEAR", "DateError", "format_vi_date", "parse_vi_date"]

FIRST_YEAR = 1900
LAST_YEAR = 2100
_CENTURY_AHEAD = 20  # a two-digit year further ahead than this is taken from the last century

# Matched on the lower-cased NFC text; digits other than 0–9 are refused after the match.
_NUMBERS = re.compile(
    r"(?:ngày\s*)?(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})"
    r"(?:\s*(?P=sep)\s*(?P<y>\d+))?"
)
_WORDS = re.compile(r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<y>\d+))?")
_EXAMPLE = "12/4/2023"


class DateError(ValidationError):
    """Text that is not a date a reporter meant (the message says why, in Vietnamese)."""


def format_vi_date(d: date) -> str:
    """12 April 2023 → "12/4/2023" (what `parse_vi_date` reads back)."""
    return format_date(d)


def parse_vi_date(text: str, today: date) -> date:
    """The date typed as d/m/yyyy (or d-m-yyyy, d.m.yyyy, d/m/yy, d/m meaning this year).

    Raises DateError with a message naming what is wrong.
    """
    clean = " ".join(unicodedata.normalize("NFC", text).split())
    if not clean:
        raise DateError("Chưa nhập ngày.")
    lower = clean.lower()
    m = _NUMBERS.fullmatch(lower) or _WORDS.fullmatch(lower)
    if m is None or not _ascii_digits(m):
        raise DateError(f"“{clean}” không phải là ngày: hãy viết ngày/tháng/năm, ví dụ {_EXAMPLE}.")
    day, month = int(m.group("d")), int(m.group("m"))
    year = _year(m.group("y"), today)
    return _checked(day, month, year)


def _ascii_digits(m: re.Match[str]) -> bool:
    """Only 0–9 (`\\d` also matches other scripts' digits)."""
    parts = [m.group("d"), m.group("m"), m.group("y") or "0"]
    return all(p.isascii() and p.isdigit() for p in parts)


def _year(written: str | None, today: date) -> int:
    if written is None:
        return today.year
    if len(written) == 2:
        year = 2000 + int(written)
        return year - 100 if year > today.year + _CENTURY_AHEAD else year
    if len(written) != 4:
        raise DateError(
            f"Năm “{written}” không rõ: hãy viết đủ bốn chữ số (hoặc hai), ví dụ {_EXAMPLE}."
        )
    year = int(written)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateError(f"Năm {year} nằm ngoài khoảng {FIRST_YEAR}–{LAST_YEAR}.")
    return year


def _checked(day: int, month: int, year: int) -> date:
    """The date, or a DateError naming the impossible part."""
    written = f"Ngày {day}/{month}/{year} không có thật"
    if not 1 <= month <= 12:
        raise DateError(f"{written}: một năm chỉ có 12 tháng.")
    last = calendar.monthrange(year, month)[1]
    if day < 1:
        raise DateError(f"{written}: ngày bắt đầu từ 1.")
    if day > last:
        raise DateError(f"{written}: tháng {month} năm {year} chỉ có {last} ngày.")
    return date(year, month, day)

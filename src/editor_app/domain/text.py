"""Vietnamese text rules: normalisation, folding for search and slugs, counts and formats."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the formatting functions import what they use: this module loads at start
    from datetime import date, datetime
    from decimal import Decimal

__all__ = [
    "WEEKDAYS",
    "TextCounts",
    "count_text",
    "fold",
    "fold_char",
    "format_date",
    "format_datetime",
    "format_number",
    "format_percent",
    "nfc",
    "reading_minutes",
    "slugify",
]

# Monday is 0, as in date.weekday().
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")

_SPACE_RE = re.compile(r"\s+")
_SLUG_DROP_RE = re.compile(r"[^a-z0-9]+")
_WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


def nfc(text: str) -> str:
    """The one Unicode form the app stores: NFC (composed, as Vietnamese keyboards type)."""
    return unicodedata.normalize("NFC", text)


def fold_char(ch: str) -> str:
    """Folds one character for matching: lower case, no tone or vowel marks, đ → d.

    Returns one character for every letter (so positions in folded text map back to the
    original), and nothing for a stray combining mark.
    """
    if ch in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    if not base:  # a lone combining mark
        return ""
    low = base.lower()
    return low if len(low) == 1 else base


class _FoldTable(dict[int, str]):
    """`fold_char` by code point, for `str.translate`, filled as characters are met. Only
    characters below U+3000 are kept (Latin with every Vietnamese letter, the marks, punctuation:
    at most 12,288 entries), so a text of rare characters cannot grow it without bound."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        if code < 0x3000:
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Folds text for search and slugs: NFC, lower case, marks removed, đ/Đ → d.

    `fold(fold(x)) == fold(x)` for every x. The same as `fold_char` on each character of the
    NFC text, through a table: ten times faster (an import folds every name of the directory).
    """
    return nfc(text).translate(_FOLD_TABLE)


def slugify(text: str, max_length: int = 80) -> str:
    """A URL slug from a Vietnamese headline: only [a-z0-9-], no leading/trailing dash, at most
    max_length characters, cut between words.

    A number that ends the headline (a year, a date: "… quý I năm 2023", "… ngày 12/4/2023") is
    kept when it takes at most half the length: the words before it are cut instead, so
    "…-quy-i-2023" and not "…-quy-i-nam" (issue 15, point 7). 80 characters, because an
    export's photos are named `<slug>/images/<slug>-<n>-<width>.<ext>`: the slug twice in a path
    Windows caps at 260. A published story keeps the slug it was given (`Publication.slug`).
    """
    folded = fold(text)
    ascii_only = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    slug = _SLUG_DROP_RE.sub("-", ascii_only.lower()).strip("-")
    if len(slug) <= max_length:
        return slug
    words = slug.split("-")
    numbers = 0
    while numbers < len(words) - 1 and words[-1 - numbers].isdigit():
        numbers += 1
    tail = "-".join(words[len(words) - numbers :])
    if numbers and len(tail) <= max_length // 2:
        head = _words_within(words[:-numbers], max_length - len(tail) - 1)
        return f"{head}-{tail}" if head else tail
    return _words_within(words, max_length)


def _words_within(words: list[str], limit: int) -> str:
    """The first words joined by dashes, within limit characters (a first word longer than
    that is cut)."""
    out = words[0][:limit]
    for word in words[1:]:
        if len(out) + 1 + len(word) > limit:
            break
        out = f"{out}-{word}"
    return out


class TextCounts:
    """Words, characters with and without spaces — what the status bar and limits show."""

    __slots__ = ("chars", "chars_no_spaces", "words")

    def __init__(self, words: int, chars: int, chars_no_spaces: int) -> None:
        self.words = words
        self.chars = chars
        self.chars_no_spaces = chars_no_spaces

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TextCounts):
            return NotImplemented
        return (self.words, self.chars, self.chars_no_spaces) == (
            other.words,
            other.chars,
            other.chars_no_spaces,
        )

    def __repr__(self) -> str:
        return (
            f"TextCounts(words={self.words}, chars={self.chars}, no_spaces={self.chars_no_spaces})"
        )


def count_text(text: str) -> TextCounts:
    """Counts as a Vietnamese editor does: a word is a syllable separated by spaces.

    Characters are counted on NFC text (a composed "ệ" is one character).
    """
    t = nfc(text)
    words = len(_WORD_RE.findall(t))
    return TextCounts(words, len(t), len(_SPACE_RE.sub("", t)))


def reading_minutes(words: int, words_per_minute: int = 200) -> int:
    """Minutes to read, rounded up; 0 for an empty text."""
    return 0 if words <= 0 else max(1, math.ceil(words / words_per_minute))


def _group_thousands(digits: str) -> str:
    out = []
    for i, d in enumerate(reversed(digits)):
        if i and i % 3 == 0:
            out.append(".")
        out.append(d)
    return "".join(reversed(out))


def format_number(value: float | int | Decimal, decimals: int = 0) -> str:
    """1245 → "1.245"; 32.5 with decimals=1 → "32,5" (dot groups thousands, comma for decimals)."""
    from decimal import ROUND_HALF_UP, Decimal

    q = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if q < 0 else ""
    text = f"{abs(q):f}"
    whole, _, frac = text.partition(".")
    out = sign + _group_thousands(whole)
    if decimals > 0:
        out += "," + frac.ljust(decimals, "0")
    return out


def format_percent(value: float | int | Decimal, decimals: int = 1) -> str:
    """32.5 → "32,5%"; trailing ",0" is dropped (50 → "50%")."""
    text = format_number(value, decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text + "%"


def format_date(d: date, weekday: bool = False) -> str:
    """12 April 2023 → "12/4/2023", or "Thứ Tư, 12/4/2023" with the weekday."""
    text = f"{d.day}/{d.month}/{d.year}"
    return f"{WEEKDAYS[d.weekday()]}, {text}" if weekday else text


def format_short_time(dt: datetime, now: datetime) -> str:
    """A list's "last changed": "13:50" today, "4/12" this year, "4/12/2025" before (both in
    local time)."""
    if dt.date() == now.date():
        return dt.strftime("%H:%M")
    if dt.year == now.year:
        return f"{dt.day}/{dt.month}"
    return format_date(dt.date())


def format_datetime(dt: datetime, weekday: bool = True, seconds: bool = False) -> str:
    """ "Thứ Tư, 12/4/2023 09:55" (the caller converts to local time first)."""
    clock = dt.strftime("%H:%M:%S" if seconds else "%H:%M")
    return f"{format_date(dt.date(), weekday)} {clock}"

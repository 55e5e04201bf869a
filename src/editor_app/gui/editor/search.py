"""Finding text the way a Vietnamese editor expects (pure Python, no Qt).

Case-insensitive by default; "ignore diacritics" matches "duong" with "Dương" (through
`domain.text.fold_char`). Both transforms keep one output character per input character, except
a stray combining mark, which folds to nothing; a map from the transformed text back to the
original keeps every match's position exact either way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from editor_app.domain.text import fold_char, nfc

__all__ = ["SearchOptions", "find_all"]


@dataclass(frozen=True, slots=True)
class SearchOptions:
    match_case: bool = False
    ignore_diacritics: bool = False
    whole_word: bool = False


def _lower_char(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def _strip_marks_char(ch: str) -> str:
    """Like fold_char, but keeps the letter's case."""
    if ch == "đ":
        return "d"
    if ch == "Đ":
        return "D"
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


def _transform_char(options: SearchOptions) -> Callable[[str], str] | None:
    if options.ignore_diacritics:
        return _strip_marks_char if options.match_case else fold_char
    return None if options.match_case else _lower_char


class _Table(dict[int, str]):
    """A str.translate table that folds each character the first time it meets it."""

    def __init__(self, fn: Callable[[str], str]) -> None:
        super().__init__()
        self.fn = fn
        self.odd: set[str] = set()  # characters that do not fold to exactly one

    def __missing__(self, key: int) -> str:
        ch = chr(key)
        value = self.fn(ch)
        if len(value) != 1:
            self.odd.add(ch)
        if len(self) < 50_000:
            self[key] = value
        return value


_TABLES: dict[Callable[[str], str], _Table] = {}


def _transform(text: str, options: SearchOptions) -> tuple[str, list[int] | None]:
    """The text to search in, and for each of its characters the index it came from
    (None: the identity)."""
    fn = _transform_char(options)
    if fn is None:
        return text, None
    table = _TABLES.get(fn)
    if table is None:
        table = _TABLES[fn] = _Table(fn)
    out = text.translate(table)
    if not table.odd or not any(ch in text for ch in table.odd):
        return out, None
    origin: list[int] = []
    for i, ch in enumerate(text):
        origin.extend([i] * len(table[ord(ch)]))
    return out, origin


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.combining(ch) != 0


def find_all(
    text: str, needle: str, options: SearchOptions, limit: int = 100_000
) -> list[tuple[int, int]]:
    """Every non-overlapping match of needle in text: (start, end) Python indexes."""
    if not needle:
        return []
    needle = nfc(needle)
    hay, origin = _transform(text, options)
    pattern, _ = _transform(needle, options)
    if not pattern:
        return []
    matches: list[tuple[int, int]] = []
    pos = hay.find(pattern)
    while pos >= 0 and len(matches) < limit:
        end = pos + len(pattern)
        if origin is None:
            start, stop = pos, end
        else:
            start = origin[pos]
            stop = origin[end] if end < len(origin) else len(text)
        # marks that folded to nothing right after the match belong to its last letter
        while stop < len(text) and unicodedata.combining(text[stop]):
            stop += 1
        if not options.whole_word or (
            (start == 0 or not _is_word_char(text[start - 1]))
            and (stop >= len(text) or not _is_word_char(text[stop]))
        ):
            matches.append((start, stop))
            pos = hay.find(pattern, end)
        else:
            pos = hay.find(pattern, pos + 1)
    return matches

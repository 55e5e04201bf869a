"""Vietnamese alphabetical order: the one sort key for every list of names or words a user sees.

The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z, from other
languages, where Latin puts them): ă, â, đ, ê, ô, ơ, ư are letters of their own, so "Dương"
comes after every "Du…" and "Đào" after every "D…". Tone marks only decide between words that
are otherwise the same, in the dictionary's order: none, huyền, hỏi, ngã, sắc, nặng ("ba",
"bà", "bả", "bã", "bá", "bạ"); then lower case before upper case. So
"Dung" < "Dũng" < "Dương" < "Đào". A space sorts before any letter ("Lê An Bình" before
"Lê Anh"), digits before letters, other scripts after the Latin letters, by code point.

Neither `sorted()` on the text (code points: "Ánh" after "Yến") nor on `fold` (đ = d: "Đào"
before "Dung") gives this order.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from editor_app.domain.text import nfc

__all__ = ["sort_key"]

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER = {ch: 100 + i for i, ch in enumerate(_ALPHABET)}
# huyền, hỏi, ngã, sắc, nặng
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SPACE, _PUNCTUATION, _DIGIT, _OTHER = 1, 2, 10, 1000

Weights = tuple[int, int, int]  # primary (the letter), secondary (the tone), tertiary (the case)


@lru_cache(maxsize=4096)
def _weights(ch: str) -> Weights:
    """The three weights of one NFC character."""
    lower = ch.lower() if len(ch.lower()) == 1 else ch
    case = 0 if lower == ch else 1
    if lower in _LETTER:
        return _LETTER[lower], 0, case
    decomposed = unicodedata.normalize("NFD", lower)
    marks = decomposed[1:]
    tone = next((_TONES[m] for m in marks if m in _TONES), 0)
    letter = nfc(decomposed[0] + "".join(m for m in marks if m not in _TONES))
    if letter in _LETTER:
        return _LETTER[letter], tone, case
    if decomposed[0] in _LETTER:  # a Latin letter with a mark Vietnamese does not use (ç, ü)
        return _LETTER[decomposed[0]], 10 + tone, case
    if ch.isspace():
        return _SPACE, 0, 0
    if ch.isdigit():
        return _DIGIT + unicodedata.digit(ch, 9), 0, 0
    if not ch.isalnum():
        return _PUNCTUATION, 0, 0
    return _OTHER + ord(lower), 0, case


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], str]:
    """A key for `sorted(..., key=sort_key)` that puts Vietnamese text in alphabetical order
    (what the module says); whatever the Unicode form the text comes in."""
    nfc_text = nfc(text)
    weights = [_weights(ch) for ch in nfc_text]
    return (
        tuple(w[0] for w in weights),
        tuple(w[1] for w in weights),
        tuple(w[2] for w in weights),
        nfc_text,
    )

"""Where the tone mark of a final oa, oe, uy goes: two placements, both in use, named here by
example rather than as "old" and "new" (Vietnamese usage calls "hoà, khoẻ, uỷ" *kiểu mới*, the
2018 school-textbook rule, and "hòa, khỏe, ủy" *kiểu cũ*, what most news sites and official
texts write; an earlier version of this code had the two names the wrong way round).

- `hoa_style` ("hoà, khoẻ, uỷ"): the tone on the last vowel; the only one hunspell-vi knows.
- `hoa_first_style` ("hòa, khỏe, ủy"): the tone on the first vowel.

"hoàng", "quý" (the u belongs to qu) and "thuở" (ơ is another vowel) are left alone by both.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

__all__ = [
    "TONE_MARKS",
    "TONE_STYLES",
    "ToneStyle",
    "clusters",
    "hoa_first_style",
    "hoa_style",
    "style_of",
]

#: A placement, named by its example word.
ToneStyle = Literal["hoà", "hòa"]
TONE_STYLES: tuple[ToneStyle, ToneStyle] = ("hoà", "hòa")

#: The five tone marks (NFD): huyền, sắc, ngã, hỏi, nặng.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_PAIRS = frozenset({("o", "a"), ("o", "e"), ("u", "y")})


def clusters(word: str) -> list[list[str]]:
    """NFD letters with their marks: [[base, mark, mark...], ...]."""
    out: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch) and out:
            out[-1].append(ch)
        else:
            out.append([ch])
    return out


def _move_tone(word: str, to_second: bool) -> str:
    letters = clusters(word)
    if len(letters) < 2:
        return word
    first, second = letters[-2], letters[-1]
    if (first[0].lower(), second[0].lower()) not in _PAIRS:
        return word
    if any(m not in TONE_MARKS for m in first[1:] + second[1:]):  # ô, ơ, ư...: another vowel
        return word
    if first[0].lower() == "u" and len(letters) > 2 and letters[-3][0].lower() == "q":
        return word  # "quý": the u belongs to qu
    source, target = (first, second) if to_second else (second, first)
    tones = [m for m in source[1:] if m in TONE_MARKS]
    if not tones or any(m in TONE_MARKS for m in target[1:]):
        return word
    source.remove(tones[0])
    target.append(tones[0])
    return unicodedata.normalize("NFC", "".join("".join(c) for c in letters))


def hoa_style(word: str) -> str:
    """The tone of a final oa, oe, uy on its last vowel: "ủy, hòa, khỏe" → "uỷ, hoà, khoẻ"."""
    return _move_tone(word, to_second=True)


def hoa_first_style(word: str) -> str:
    """The tone of a final oa, oe, uy on its first vowel: "uỷ, hoà, khoẻ" → "ủy, hòa, khỏe"."""
    return _move_tone(word, to_second=False)


def style_of(word: str) -> ToneStyle | None:
    """The placement a word shows ("hoà" or "hòa"), None when it shows neither (no such vowel
    pair with a tone)."""
    if hoa_style(word) != word:
        return "hòa"
    if hoa_first_style(word) != word:
        return "hoà"
    return None

"""Commonly confused words: a syllable dictionary passes "sử lý", "chuẩn đoán", "trú trọng"
because every syllable is a word; this finds them as whole words and offers the right form.

The list is data (`resources/words/confused_words.toml`, read by `services/word_lists.py`; its
format and sources in docs/word-checks.md); here it is plain records and a matcher:

- whole words only, case-insensitive, with the tone of a final oa, oe, uy in either place
  ("sa đọa" and "sa đoạ" alike), on NFC text (a decomposed text is matched as its NFC form,
  offsets given in the text as it is);
- the syllables of a pair may be split by spaces and one line break (a paragraph's soft break),
  not by a blank line, punctuation or Markdown marks;
- a match whose later syllable starts with a capital (not all in capitals) is a name ("chợ Lý
  Thường Kiệt"), not a mistake: left alone;
- an entry may say when its wrong form is in fact another word: the syllable right before
  (`unless_before`: "lịch sử lý giải"), right after (`unless_after`: "năng xuất khẩu"), or a cue
  among the 8 syllables around it in the paragraph (`unless_near`: "bàng quang" beside "viêm").

The fix keeps the written line breaks, the case of what was written and the house style's tone
placement.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from editor_app.domain.house_style import convert
from editor_app.domain.text import nfc
from editor_app.domain.tone_marks import ToneStyle, hoa_first_style

__all__ = ["NEAR_WORDS", "ConfusedWord", "ConfusedWords", "Confusion", "entries_from"]

#: How many syllables on each side `unless_near` looks at.
NEAR_WORDS = 8

_WORD = re.compile(r"\w+")
# Between two syllables of one pair: spaces, at most one line break (not a blank line).
_GAP = re.compile(r"[^\S\n]*\n?[^\S\n]*")


def _key(word: str) -> str:
    """A syllable as matched: lower case, the tone of a final oa/oe/uy on its first vowel."""
    return hoa_first_style(word.lower())


def _syllables(phrase: str) -> tuple[str, ...]:
    return tuple(_key(w) for w in _WORD.findall(nfc(phrase)))


@dataclass(frozen=True, slots=True)
class ConfusedWord:
    """One entry of the list: the wrong form, the right one, why (Vietnamese), and when the
    wrong form is another, right word (see the module's notes)."""

    wrong: str
    right: str
    note: str = ""
    unless_before: tuple[str, ...] = ()
    unless_after: tuple[str, ...] = ()
    unless_near: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Confusion:
    """A confused word found in a text: its span (Python offsets into the text as given), what
    is written there, the fix (to write over the span) and the entry."""

    start: int
    end: int
    written: str
    fix: str
    entry: ConfusedWord


def _strings(raw: object, what: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        raise ValueError(f"{what}: cần một danh sách chuỗi không rỗng")
    return tuple(nfc(x.strip()) for x in raw)


def entries_from(data: Mapping[str, object]) -> list[ConfusedWord]:
    """The entries of the list as read from its TOML (`{"format": 1, "pair": [...]}`); a
    ValueError names the first bad entry (its number and what is wrong) in Vietnamese."""
    if data.get("format") != 1:
        raise ValueError("định dạng danh sách không rõ (cần format = 1)")
    pairs = data.get("pair")
    if not isinstance(pairs, list):
        raise ValueError("không có mục [[pair]] nào")
    out: list[ConfusedWord] = []
    seen: dict[tuple[str, ...], int] = {}
    for n, raw in enumerate(pairs, 1):
        if not isinstance(raw, dict):
            raise ValueError(f"mục {n}: cần một bảng [[pair]]")
        entry = _entry(n, raw)
        key = _syllables(entry.wrong)
        if key in seen:
            raise ValueError(f"mục {n}: “{entry.wrong}” trùng mục {seen[key]}")
        seen[key] = n
        out.append(entry)
    rights = {_syllables(e.right) for e in out}
    for n, entry in enumerate(out, 1):
        if _syllables(entry.wrong) in rights:
            raise ValueError(f"mục {n}: “{entry.wrong}” là cách viết đúng của một mục khác")
    return out


def _entry(n: int, raw: Mapping[str, object]) -> ConfusedWord:
    unknown = set(raw) - {"wrong", "right", "note", "unless_before", "unless_after", "unless_near"}
    if unknown:
        raise ValueError(f"mục {n}: khóa không biết: {', '.join(sorted(unknown))}")
    wrong, right, note = raw.get("wrong"), raw.get("right"), raw.get("note", "")
    if not isinstance(wrong, str) or not isinstance(right, str) or not isinstance(note, str):
        raise ValueError(f"mục {n}: wrong, right và note phải là chuỗi")
    wrong, right = nfc(wrong.strip()), nfc(right.strip())
    if not _syllables(wrong) or not _syllables(right):
        raise ValueError(f"mục {n}: wrong và right không được rỗng")
    if _syllables(wrong) == _syllables(right):
        raise ValueError(f"mục {n}: wrong và right giống nhau (“{wrong}”)")
    return ConfusedWord(
        wrong,
        right,
        nfc(note.strip()),
        _strings(raw.get("unless_before"), f"mục {n}: unless_before"),
        _strings(raw.get("unless_after"), f"mục {n}: unless_after"),
        _strings(raw.get("unless_near"), f"mục {n}: unless_near"),
    )


@dataclass(frozen=True, slots=True)
class _Entry:
    word: ConfusedWord
    syllables: tuple[str, ...]
    before: frozenset[str]
    after: frozenset[str]
    near: tuple[tuple[str, ...], ...]


_Word = tuple[int, int, str]  # start, end, the syllable as written


class ConfusedWords:
    """The list, ready to match (build once: it indexes the entries by first syllable)."""

    def __init__(self, entries: Iterable[ConfusedWord]) -> None:
        self.entries = tuple(entries)
        self._first: dict[str, list[_Entry]] = {}
        for e in self.entries:
            prepared = _Entry(
                e,
                _syllables(e.wrong),
                frozenset(_key(w) for w in e.unless_before),
                frozenset(_key(w) for w in e.unless_after),
                tuple(_syllables(p) for p in e.unless_near),
            )
            self._first.setdefault(prepared.syllables[0], []).append(prepared)
        for candidates in self._first.values():  # the longest match first
            candidates.sort(key=lambda c: -len(c.syllables))
        # every spelling of a first syllable the text may show, before any folding
        self._firsts = frozenset(self._first) | {convert(k, "hoà") for k in self._first}

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str, style: ToneStyle = "hòa") -> list[Confusion]:
        """The confused words in text, in order, none overlapping; fixes in `style`."""
        if nfc(text) != text:
            normal, back = _nfc_pieces(text)
            return [
                Confusion(back[c.start], back[c.end], text[back[c.start] : back[c.end]], c.fix,
                          c.entry)
                for c in self._find(normal, style)
            ]  # fmt: skip
        return self._find(text, style)

    def _find(self, text: str, style: ToneStyle) -> list[Confusion]:
        words: list[_Word] = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        out: list[Confusion] = []
        i = 0
        while i < len(words):
            hit = None
            if words[i][2].lower() in self._firsts:
                hit = self._match_at(text, words, i)
            if hit is None:
                i += 1
                continue
            entry, n = hit
            start, end = words[i][0], words[i + n - 1][1]
            written = text[start:end]
            out.append(Confusion(start, end, written, _fix(written, entry.word.right, style),
                                 entry.word))  # fmt: skip
            i += n
        return out

    def _match_at(self, text: str, words: Sequence[_Word], i: int) -> tuple[_Entry, int] | None:
        first = _key(words[i][2])
        for entry in self._first.get(first, ()):
            n = len(entry.syllables)
            if i + n > len(words) or not _joined(text, words, i, n):
                continue
            if any(_key(words[i + k][2]) != entry.syllables[k] for k in range(1, n)):
                continue
            if _a_name(words, i, n) or _excused(text, words, i, n, entry):
                continue
            return entry, n
        return None


def _joined(text: str, words: Sequence[_Word], i: int, n: int) -> bool:
    """Whether the n syllables from i are separated by spaces and at most one line break."""
    for k in range(i, i + n - 1):
        gap = text[words[k][1] : words[k + 1][0]]
        if not gap or _GAP.fullmatch(gap) is None:
            return False
    return True


def _a_name(words: Sequence[_Word], i: int, n: int) -> bool:
    """A later syllable capitalised, not everything in capitals: a proper name ("chợ Lý Thường
    Kiệt", "Chợ Lý"; Vietnamese writes sentence case, so "Sử Lý" is rare enough to pass)."""
    written = [words[k][2] for k in range(i, i + n)]
    if all(w.isupper() for w in written):
        return False
    return any(w[0].isupper() for w in written[1:])


def _excused(text: str, words: Sequence[_Word], i: int, n: int, entry: _Entry) -> bool:
    """Whether the syllable before or after, or a cue near, makes the wrong form right."""
    before = i > 0 and _key(words[i - 1][2]) in entry.before
    if before and _joined(text, words, i - 1, 2):
        return True
    after = i + n < len(words) and _key(words[i + n][2]) in entry.after
    if after and _joined(text, words, i + n - 1, 2):
        return True
    return bool(entry.near) and _cue_near(text, words, i, n, entry.near)


def _cue_near(
    text: str, words: Sequence[_Word], i: int, n: int, cues: tuple[tuple[str, ...], ...]
) -> bool:
    """Whether a cue is among the NEAR_WORDS syllables each side of the match, in its
    paragraph (a blank line ends the search)."""
    lo, hi = i, i + n - 1
    while lo > 0 and i - lo < NEAR_WORDS and "\n\n" not in text[words[lo - 1][1] : words[lo][0]]:
        lo -= 1
    while (
        hi < len(words) - 1
        and hi - (i + n - 1) < NEAR_WORDS
        and "\n\n" not in text[words[hi][1] : words[hi + 1][0]]
    ):
        hi += 1
    around = [_key(words[k][2]) for k in range(lo, hi + 1) if not i <= k < i + n]
    return any(tuple(around[k : k + len(cue)]) == cue for cue in cues for k in range(len(around)))


def _fix(written: str, right: str, style: ToneStyle) -> str:
    """right in the house style, with the case of what was written and its line breaks."""
    fix = convert(nfc(right), style)
    if written.isupper() and len(written) > 1:
        fix = fix.upper()
    elif written[:1].isupper():
        fix = fix[:1].upper() + fix[1:]
    gaps = [m.group() for m in re.finditer(r"\W+", written)]
    parts = fix.split(" ")
    if len(gaps) == len(parts) - 1:  # as many syllables: keep each gap as written
        fix = parts[0] + "".join(g + p for g, p in zip(gaps, parts[1:], strict=True))
    return fix


def _nfc_pieces(text: str) -> tuple[str, list[int]]:
    """text in NFC, normalised one base letter with its marks at a time (as Vietnamese
    composes), and for each offset of it (and its end) the offset in text."""
    pieces: list[str] = []
    back: list[int] = []
    start = 0
    for k in range(1, len(text) + 1):
        if k == len(text) or not unicodedata.combining(text[k]):
            piece = unicodedata.normalize("NFC", text[start:k])
            pieces.append(piece)
            back += [start] * len(piece)
            start = k
    back.append(len(text))
    return "".join(pieces), back

"""Words of names and titles, as the officials checks compare them.

Shared by detection (`officials_detect`) and the title check (`officials_titles`): one tokenizer
that gives offsets into the original text whatever its Unicode form, and the keys words and
titles are compared by.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from editor_app.domain.text import fold
from editor_app.domain.tone_marks import TONE_MARKS

__all__ = [
    "GEO_WORDS",
    "Token",
    "head_length",
    "is_capitalized",
    "key_tokens",
    "stop_length",
    "syllable_key",
    "title_key",
    "tokenize",
]

# A word: letters and digits with their combining marks (NFD text keeps marks apart), with an
# apostrophe inside ("H'Hen", "K'Ho") but not a hyphen: "Trọng-Giám" is two words.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD_RE = re.compile(rf"(?:[^\W_]|[{_MARKS}])+(?:['’ʼ](?:[^\W_]|[{_MARKS}])+)*")

# The five tone marks; moved to the end of the key, so that both tone placements
# ("uỷ"/"ủy", "hoá"/"hóa": domain/tone_marks.py) give the same key.
_TONES = TONE_MARKS


class Token(NamedTuple):
    """A word of a text: its span in the original text, its key and its folded form."""

    start: int
    end: int
    text: str
    key: str
    folded: str


@lru_cache(maxsize=65536)
def syllable_key(word: str) -> str:
    """Lower case, any Unicode form, tone mark moved last: "Uỷ" and "ủy" give the same key."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    base = [c for c in decomposed if c not in _TONES]
    tones = [c for c in decomposed if c in _TONES]
    return unicodedata.normalize("NFC", "".join(base)) + "".join(tones[:1])


@lru_cache(maxsize=65536)
def _folded(word: str) -> str:
    return fold(word)


def tokenize(text: str) -> list[Token]:
    """The words of `text` with offsets into `text` itself (not into a normalised copy)."""
    tokens = []
    for m in _WORD_RE.finditer(text):
        word = m.group()
        tokens.append(Token(m.start(), m.end(), word, syllable_key(word), _folded(word)))
    return tokens


def key_tokens(text: str) -> tuple[str, ...]:
    """The keys of the words of `text`, punctuation dropped."""
    return tuple(syllable_key(m.group()) for m in _WORD_RE.finditer(text))


def is_capitalized(word: str) -> bool:
    return bool(word) and word[0].isupper()


# ---- titles -------------------------------------------------------------------------------

# Abbreviations newsrooms write in titles, expanded before titles are compared.
_ABBREVIATIONS_TEXT = {
    "BCH": "Ban Chấp hành",
    "BTV": "Ban Thường vụ",
    "BCĐ": "Ban Chỉ đạo",
    "HĐND": "Hội đồng nhân dân",
    "UBND": "Ủy ban nhân dân",
    "UBKT": "Ủy ban Kiểm tra",
    "MTTQ": "Mặt trận Tổ quốc",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "LĐLĐ": "Liên đoàn Lao động",
    "ĐBQH": "đại biểu Quốc hội",
    "QH": "Quốc hội",
    "TW": "Trung ương",
    "TƯ": "Trung ương",
    "TP": "thành phố",
    "TX": "thị xã",
    "VN": "Việt Nam",
}
_ABBREVIATIONS = {
    syllable_key(short): key_tokens(long) for short, long in _ABBREVIATIONS_TEXT.items()
}
# "T.Ư", "T.W", "T. Ư" are written with dots; join them before the words are split.
_DOTTED_RE = re.compile(r"\b([Tt])\s*\.\s*([ƯưWw])(?!\w)")

# "Ủy viên (Dự khuyết) Ban Chấp hành Trung ương" is also written without "Ban Chấp hành".
_UY_VIEN = key_tokens("ủy viên")
_DU_KHUYET = key_tokens("dự khuyết")
_BCH = key_tokens("ban chấp hành")
_TRUNG_UONG = key_tokens("trung ương")


def _drop_bch_trung_uong(keys: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(keys):
        after_uy_vien = tuple(out[-2:]) == _UY_VIEN or (
            tuple(out[-2:]) == _DU_KHUYET and tuple(out[-4:-2]) == _UY_VIEN
        )
        if (
            after_uy_vien
            and tuple(keys[i : i + 3]) == _BCH
            and tuple(keys[i + 3 : i + 5]) == _TRUNG_UONG
        ):
            i += 3
            continue
        out.append(keys[i])
        i += 1
    return out


@lru_cache(maxsize=16384)
def title_key(text: str) -> tuple[str, ...]:
    """What two wordings of a title are compared by: words' keys, abbreviations expanded.

    "Ủy viên Dự khuyết BCH TW Đảng", "ủy viên dự khuyết Ban Chấp hành Trung ương Đảng" and
    "Uỷ viên Dự khuyết Trung ương Đảng" have the same key.
    """
    joined = _DOTTED_RE.sub(r"\1\2", unicodedata.normalize("NFC", text))
    keys: list[str] = []
    for key in key_tokens(joined):
        keys.extend(_ABBREVIATIONS.get(key, (key,)))
    return tuple(_drop_bch_trung_uong(keys))


# A written title is one only if it starts with one of these (longest first wins).
_HEADS_TEXT = (
    "Ủy viên",
    "Bí thư",
    "Phó Bí thư",
    "Tổng Bí thư",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Chủ tịch nước",
    "Giám đốc",
    "Phó Giám đốc",
    "Tổng Giám đốc",
    "Phó Tổng Giám đốc",
    "Trưởng",
    "Phó Trưởng",
    "Trưởng ban",
    "Phó Trưởng ban",
    "Thường trực",
    "Bộ trưởng",
    "Thứ trưởng",
    "Thủ tướng",
    "Phó Thủ tướng",
    "Đại biểu",
    "Chánh",
    "Phó Chánh",
    "Chánh án",
    "Viện trưởng",
    "Phó Viện trưởng",
    "Hiệu trưởng",
    "Phó Hiệu trưởng",
    "Chủ nhiệm",
    "Phó Chủ nhiệm",
    "Cục trưởng",
    "Phó Cục trưởng",
    "Vụ trưởng",
    "Phó Vụ trưởng",
    "Tổng cục trưởng",
    "Tổng Thư ký",
    "Tổng Biên tập",
    "Phó Tổng Biên tập",
    "Tư lệnh",
    "Phó Tư lệnh",
    "Chính ủy",
    "Chỉ huy trưởng",
    "Đại sứ",
    "Tổng Kiểm toán",
    "Tổng Thanh tra",
    "Chánh Thanh tra",
)
_HEADS: frozenset[tuple[str, ...]] = frozenset(key_tokens(h) for h in _HEADS_TEXT)
_HEAD_MAX = max(len(h) for h in _HEADS)

# Lower-case words that end a title and start the rest of the clause ("chủ trì hội nghị").
# Only matched when written in lower case: "Ban Chỉ đạo" is a name, "chỉ đạo" a verb.
_STOPS_TEXT = (
    "chủ trì",
    "phát biểu",
    "yêu cầu",
    "nhấn mạnh",
    "cùng",
    "và các",
    "và đại diện",
    "và lãnh đạo",
    "đã",
    "đang",
    "sẽ",
    "vừa",
    "cho biết",
    "khẳng định",
    "chỉ đạo",
    "đề nghị",
    "trao",
    "tặng",
    "dự",
    "tham dự",
    "làm việc",
    "thăm",
    "kiểm tra",
    "báo cáo",
    "trình bày",
    "tới",
    "về",
    "với",
    "có",
    "là",
    "được",
    "bị",
    "đến",
    "trong",
    "khi",
    "thì",
    "mà",
    "để",
    "do",
    "cho",
    "tham gia",
    "chúc mừng",
    "gặp",
    "gặp mặt",
    "tiếp",
    "nêu",
    "lưu ý",
    "ghi nhận",
    "đánh giá",
    "quán triệt",
    "trả lời",
    "giải trình",
)
_STOPS: frozenset[tuple[str, ...]] = frozenset(key_tokens(s) for s in _STOPS_TEXT)
# Words of titles that start like a stop phrase ("dự khuyết" is not "dự", to attend).
_NOT_STOPS: frozenset[tuple[str, ...]] = frozenset(key_tokens(s) for s in ("dự khuyết",))
_STOP_MAX = max(len(s) for s in _STOPS)

# Lower-case words a title may end with before a name ("Chủ tịch UBND tỉnh Trịnh Việt Hùng").
GEO_WORDS: frozenset[str] = frozenset(
    key_tokens("tỉnh huyện xã phường quận thị trấn thành phố thị xã nước")
)


def head_length(tokens: list[Token], i: int) -> int:
    """How many words of a title head start at tokens[i] (0: none). Case does not matter."""
    best = 0
    for n in range(1, _HEAD_MAX + 1):
        if i + n > len(tokens):
            break
        if tuple(t.key for t in tokens[i : i + n]) in _HEADS:
            best = n
    return best


def stop_length(tokens: list[Token], i: int, shouting: bool = False) -> int:
    """How many words of a lower-case stop phrase start at tokens[i] (0: none).

    Only words written in lower case stop a title, or any when the text is in capitals
    (`shouting`).
    """
    if not shouting and not tokens[i].text[:1].islower():
        return 0
    best = 0
    for n in range(1, _STOP_MAX + 1):
        if i + n > len(tokens):
            break
        words = tuple(t.key for t in tokens[i : i + n])
        if words in _NOT_STOPS:
            return 0
        if words in _STOPS:
            best = n
    return best

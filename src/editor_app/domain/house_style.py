"""The outlet's house style for the tone mark of a final oa, oe, uy: "hòa, khỏe, thủy" (the
tone on the first vowel: most news sites and official texts) or "hoà, khoẻ, thuỷ" (on the last
vowel: the 2018 school-textbook rule). The site file chooses (`[style] tone_marks`, default
"hòa"); the checklist and the editor point at words written the other way, one action converts
a story, and the export writes the house style (`domain/tone_marks.py` moves the mark).

The two are always shown by example, never as "old" and "new": Vietnamese usage calls "hoà"
*kiểu mới*, and an earlier version of this code had the names the other way round.

Text is taken as NFC (the app's own texts are); the conversion changes only the words whose mark
moves, and a word keeps its length and case, so offsets in the text stay valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from editor_app.domain.article import Article
from editor_app.domain.text import nfc
from editor_app.domain.tone_marks import TONE_STYLES, ToneStyle, hoa_first_style, hoa_style

__all__ = [
    "DEFAULT_STYLE",
    "EXAMPLES",
    "OffStyle",
    "checked_style",
    "convert",
    "example",
    "off_style",
    "parse_style",
    "style_problem",
    "styled_article",
]

#: Most Vietnamese news sites write "hòa, khỏe, thủy".
DEFAULT_STYLE: ToneStyle = "hòa"
#: How each placement is shown to people: by example.
EXAMPLES: dict[ToneStyle, str] = {"hòa": "hòa, khỏe, thủy", "hoà": "hoà, khoẻ, thuỷ"}

# A word whose last two letters are o+a, o+e or u+y, one of them with a tone (NFC letters):
# the only words the placement concerns. A cheap filter before tone_marks' own check.
_O = "oòóỏõọOÒÓỎÕỌ"
_AE = "aàáảãạeèéẻẽẹAÀÁẢÃẠEÈÉẺẼẸ"
_U = "uùúủũụUÙÚỦŨỤ"
_Y = "yỳýỷỹỵYỲÝỶỸỴ"
# (Starting only at a word's start keeps a long run of letters linear, not quadratic.)
_CANDIDATE = re.compile(rf"(?<!\w)\w*(?:[{_O}][{_AE}]|[{_U}][{_Y}])(?!\w)")


@dataclass(frozen=True, slots=True)
class OffStyle:
    """A word written in the other placement: where, what, and the house style's spelling."""

    start: int
    end: int
    written: str
    fix: str


def example(style: ToneStyle) -> str:
    """The short example a person sees for a style: "hòa, thủy" or "hoà, thuỷ"."""
    return "hòa, thủy" if style == "hòa" else "hoà, thuỷ"


def _to(style: ToneStyle, word: str) -> str:
    return hoa_first_style(word) if style == "hòa" else hoa_style(word)


def off_style(text: str, style: ToneStyle) -> list[OffStyle]:
    """The words of text written in the other placement than style, in order."""
    out: list[OffStyle] = []
    for m in _CANDIDATE.finditer(text):
        word = m.group()
        fixed = _to(style, word)
        if fixed != word:
            out.append(OffStyle(m.start(), m.end(), word, fixed))
    return out


def convert(text: str, style: ToneStyle) -> str:
    """text with every final oa, oe, uy in style; the rest untouched (NFC in, NFC out)."""
    if not _CANDIDATE.search(text):
        return text
    return _CANDIDATE.sub(lambda m: _to(style, m.group()), text)


def styled_article(article: Article, style: ToneStyle) -> Article:
    """A copy of article whose headline, sapo, body, captions and alt texts are in style (what
    the export and the preview show); the byline, credits and names in the directory are people's
    own spelling and stay as written."""
    photos = [
        replace(p, caption=convert(p.caption, style), alt_text=convert(p.alt_text, style))
        for p in article.photos
    ]
    return replace(
        article,
        headline=convert(article.headline, style),
        sapo=convert(article.sapo, style),
        body=convert(article.body, style),
        photos=photos,
    )


def parse_style(value: str) -> ToneStyle | None:
    """The style a site file's value names: "hòa" or "hoà" (either placement's example word,
    or its longer example "hòa, khỏe, thủy"); None when it names neither."""
    text = nfc(value).strip().lower()
    for style in TONE_STYLES:
        if text in (style, EXAMPLES[style], example(style)):
            return style
    return None


def checked_style(value: str, report: Callable[[str], object]) -> ToneStyle | None:
    """The style a site file's value names; else None, after `report(message)`."""
    style = parse_style(value)
    if style is None:
        report(style_problem(value) or "")
    return style


def style_problem(value: str) -> str | None:
    """What is wrong with a site file's `[style] tone_marks` (None: nothing)."""
    if parse_style(value) is not None:
        return None
    return (
        f"“{value}” không phải một cách đặt dấu: ghi “hòa” ({EXAMPLES['hòa']}, như phần lớn "
        f"báo điện tử) hoặc “hoà” ({EXAMPLES['hoà']}, như sách giáo khoa từ 2018)."
    )

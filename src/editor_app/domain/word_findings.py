"""The checklist's word-level warnings: commonly confused words (`domain/confusables.py`) and
words whose tone mark is not placed the outlet's way (`domain/house_style.py`), in the headline,
the sapo, the body and the captions. Warnings, not faults: they are listed and counted, and do
not stop a story from being published (a confused word may be a quotation, a name).
"""

from __future__ import annotations

from collections.abc import Iterable

from editor_app.domain.article import Article
from editor_app.domain.checklist import FIELD_NAMES, MAX_PER_FIELD, Finding, where
from editor_app.domain.confusables import ConfusedWords
from editor_app.domain.house_style import convert, example, off_style
from editor_app.domain.text import format_number
from editor_app.domain.tone_marks import ToneStyle

__all__ = ["MAX_SHOWN", "confused_findings", "tone_findings", "word_findings"]

#: The words a tone-placement warning quotes.
MAX_SHOWN = 3


def _fields(article: Article) -> Iterable[tuple[str, str, str | None]]:
    yield "headline", article.headline, None
    yield "sapo", article.sapo, None
    yield "body", article.body, None
    for photo in article.photos:
        yield f"caption:{photo.id}", photo.caption, photo.filename


def _name(field: str, caption_of: str | None) -> str:
    if field.startswith("caption:"):
        return f"chú thích ảnh “{caption_of}”" if caption_of else "chú thích ảnh"
    return FIELD_NAMES.get(field, field)


def confused_findings(article: Article, words: ConfusedWords, style: ToneStyle) -> list[Finding]:
    """Each confused word (at most MAX_PER_FIELD a field, then one that counts the rest), its
    fix the right form."""
    out: list[Finding] = []
    for field, text, caption_of in _fields(article):
        found = words.find(text, style)
        for c in found[:MAX_PER_FIELD]:
            here = where(field, text, c.start, caption_of)
            note = f" {c.entry.note}" if c.entry.note else ""
            message = f"“{' '.join(c.written.split())}” ({here}): nên viết “{c.fix}”.{note}"
            out.append(
                Finding(field, "confused_word", message, here, c.start, c.end, c.written, c.fix,
                        warning=True)
            )  # fmt: skip
        if len(found) > MAX_PER_FIELD:
            rest = format_number(len(found) - MAX_PER_FIELD)
            name = _name(field, caption_of)
            message = f"… và {rest} từ hay viết nhầm khác trong {name}."
            out.append(Finding(field, "more_confused_word", message, name, warning=True))
    return out


def tone_findings(article: Article, style: ToneStyle) -> list[Finding]:
    """One warning a field with words placed the other way: how many, the first ones, and the
    fix that converts them all (from the first such word to the last: one undo step)."""
    out: list[Finding] = []
    for field, text, caption_of in _fields(article):
        found = off_style(text, style)
        if not found:
            continue
        name = _name(field, caption_of)
        shown = ", ".join(f"{o.written} → {o.fix}" for o in found[:MAX_SHOWN])
        more = "…" if len(found) > MAX_SHOWN else ""
        message = (
            f"{name.capitalize()} có {format_number(len(found))} chữ đặt dấu khác kiểu của tòa "
            f"soạn (“{example(style)}”): {shown}{more}."
        )
        start, end = found[0].start, found[-1].end  # the words' own span: the rest stays put
        written = text[start:end]
        out.append(
            Finding(field, "tone_style", message, name, start, end, written,
                    convert(written, style), f"Đặt dấu kiểu “{example(style)}” trong {name}",
                    warning=True)
        )  # fmt: skip
    return out


def word_findings(article: Article, words: ConfusedWords, style: ToneStyle) -> list[Finding]:
    """Confused words, then tone placement, field by field."""
    return confused_findings(article, words, style) + tone_findings(article, style)

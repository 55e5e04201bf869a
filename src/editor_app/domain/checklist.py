"""What readers would see as junk, and what the outlet's rules ask, before a story goes out:
tags written as text (headline, sapo, body, captions), links that lead nowhere (body), a missing
byline, a headline or sapo outside the outlet's length limits, an outlet not configured.

Each finding says where it is in Vietnamese ("thân bài, đoạn 3 (dòng 7, cột 12)") and, when
one click can mend it, the replacement for its span (`fix`, "" to delete) and what that does
(`fix_label`). Pure: `services/lint.py` adds the officials' titles and the missing fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from editor_app.domain.article import Article
from editor_app.domain.link_targets import find_bad_links
from editor_app.domain.literal_tags import LiteralTag, find_literal_tags, removal_span
from editor_app.domain.markdown_text import position
from editor_app.domain.siteconfig import DEFAULT_LIMITS, LengthLimits
from editor_app.domain.text import format_number

__all__ = [
    "MAX_PER_FIELD",
    "Finding",
    "check_article",
    "junk",
    "lengths",
    "missing_byline",
    "site_not_configured",
    "where",
]

#: Tags or links reported one by one in a field; past that, one finding counts the rest (a
#: pasted web page has hundreds of tags: the first ones are enough to see what happened).
MAX_PER_FIELD = 20
#: How much of a tag or link a message quotes.
QUOTE_CHARS = 40

FIELD_NAMES = {"headline": "tiêu đề", "sapo": "sapo", "body": "thân bài"}
REMOVE_TAG = "Xóa thẻ"
REMOVE_CODE = "Xóa cả đoạn mã"
UNLINK = "Bỏ liên kết, giữ chữ"


@dataclass(frozen=True)
class Finding:
    """One thing to mend: the field (`headline`, `sapo`, `body`, `caption:<photo id>`,
    `byline`, `site`), a kind, a Vietnamese message naming where it is; for a span of text,
    its offsets and what is written there; `fix`: what replaces the span (None: no one-click
    fix), `fix_label`: what the fix does, in Vietnamese; `warning`: a warning (a confused word,
    the tone placement), which does not stop publication."""

    field: str
    kind: str
    message: str
    where: str = ""
    start: int | None = None
    end: int | None = None
    written: str | None = None
    fix: str | None = None
    fix_label: str | None = None
    warning: bool = False  # listed and counted, but does not stop publication


def where(field: str, text: str, offset: int, caption_of: str | None = None) -> str:
    """Where `offset` of a field's text is, in Vietnamese: "tiêu đề, ký tự 12", "sapo, dòng 2,
    cột 5", "thân bài, đoạn 3 (dòng 7, cột 12)", "chú thích ảnh “a.jpg”, ký tự 4"."""
    line, column, paragraph = position(text, offset)
    if field == "body":
        return f"thân bài, đoạn {paragraph} (dòng {line}, cột {column})"
    if field.startswith("caption:"):
        name = f"chú thích ảnh “{caption_of}”" if caption_of else "chú thích ảnh"
    else:
        name = FIELD_NAMES.get(field, field)
    if "\n" in text:
        return f"{name}, dòng {line}, cột {column}"
    return f"{name}, ký tự {column}"


def _quote(written: str) -> str:
    shown = " ".join(written.split())
    return shown if len(shown) <= QUOTE_CHARS else shown[: QUOTE_CHARS - 1] + "…"


def _tag_finding(field: str, text: str, tag: LiteralTag, caption_of: str | None) -> Finding:
    start, end = removal_span(text, tag.start, tag.end)
    here = where(field, text, tag.start, caption_of)
    shown = _quote(text[tag.start : tag.end])
    whole = tag.name in ("script", "style") and tag.end - tag.start > len(tag.name) + 2
    if whole:
        what = f"Đoạn mã “{shown}” gõ như chữ"
    elif tag.name == "!--":
        what = f"Chú thích HTML “{shown}” gõ như chữ"
    else:
        what = f"Thẻ HTML “{shown}” gõ như chữ"
    return Finding(
        field,
        "literal_tag",
        f"{what} ({here}): người đọc sẽ thấy nguyên văn.",
        here,
        start,
        end,
        text[start:end],
        "",
        REMOVE_CODE if whole else REMOVE_TAG,
    )


def _more(field: str, count: int, what: str, caption_of: str | None) -> Finding:
    name = f"chú thích ảnh “{caption_of}”" if caption_of else FIELD_NAMES.get(field, field)
    return Finding(
        field,
        "more_" + what,
        f"… và {format_number(count)} {'thẻ HTML' if what == 'literal_tag' else 'liên kết hỏng'}"
        f" khác trong {name}.",
        name,
    )


def _field_texts(article: Article) -> Iterable[tuple[str, str, str | None]]:
    """(field, text, the photo's file name for a caption)."""
    yield "headline", article.headline, None
    yield "sapo", article.sapo, None
    yield "body", article.body, None
    for photo in article.photos:
        yield f"caption:{photo.id}", photo.caption, photo.filename


def junk(article: Article) -> list[Finding]:
    """Tags written as text in every text field and captions; links with no usable address in
    the body. At most MAX_PER_FIELD of each kind per field, then one that counts the rest."""
    out: list[Finding] = []
    for field, text, caption_of in _field_texts(article):
        if "<" in text or (field == "body" and "&" in text):
            tags = find_literal_tags(text, markdown=field == "body")
            out += [_tag_finding(field, text, t, caption_of) for t in tags[:MAX_PER_FIELD]]
            if len(tags) > MAX_PER_FIELD:
                out.append(_more(field, len(tags) - MAX_PER_FIELD, "literal_tag", caption_of))
        if field != "body":
            continue
        links = find_bad_links(text)
        for link in links[:MAX_PER_FIELD]:
            here = where("body", text, link.start)
            out.append(
                Finding(
                    "body",
                    "bad_link",
                    f"Liên kết “{_quote(text[link.start : link.end])}” không dẫn tới đâu "
                    f"({link.reason}; {here}): trên trang chỉ còn chữ trông như liên kết.",
                    here,
                    link.start,
                    link.end,
                    text[link.start : link.end],
                    link.label,
                    UNLINK,
                )
            )
        if len(links) > MAX_PER_FIELD:
            out.append(_more("body", len(links) - MAX_PER_FIELD, "bad_link", None))
    return sorted(out, key=lambda f: _order(f, article))


def _order(f: Finding, article: Article) -> tuple[int, int]:
    """Field by field; in a field, what concerns all of it first, then by offset."""
    fields = ["headline", "sapo", "body"] + [f"caption:{p.id}" for p in article.photos]
    rank = fields.index(f.field) if f.field in fields else len(fields)
    if f.start is not None:
        return rank, f.start
    return rank, -1 if not f.kind.startswith("more_") else 1 << 62


def missing_byline(article: Article) -> Finding | None:
    if article.byline.strip():
        return None
    return Finding(
        "byline",
        "missing_byline",
        "Chưa ghi tác giả (dòng tác giả, bút danh hoặc tên nhóm phóng viên).",
        "tác giả",
    )


def lengths(article: Article, limits: LengthLimits = DEFAULT_LIMITS) -> list[Finding]:
    """A headline or sapo outside the limits (an empty one is a missing field, not this)."""
    out: list[Finding] = []
    for field, text, low, high in (
        ("headline", article.headline, limits.headline_min, limits.headline_max),
        ("sapo", article.sapo, limits.sapo_min, limits.sapo_max),
    ):
        n = len(text.strip())
        name = FIELD_NAMES[field]
        if n == 0:
            continue
        count = format_number(n)
        if n > high:
            message = (
                f"{name.capitalize()} dài {count} ký tự, quá giới hạn {format_number(high)} "
                f"của tòa soạn (bớt {format_number(n - high)} ký tự)."
            )
            out.append(Finding(field, f"{field}_too_long", message, name))
        elif n < low:
            message = (
                f"{name.capitalize()} chỉ có {count} ký tự, ngắn hơn mức tối thiểu "
                f"{format_number(low)} của tòa soạn."
            )
            out.append(Finding(field, f"{field}_too_short", message, name))
    return out


def site_not_configured(defaulted: dict[str, str]) -> Finding | None:
    """The outlet's name or address still the built-in placeholder values (`defaulted`: which
    of "name", "base_url" are, with their value): pages would carry them."""
    if not defaulted:
        return None
    parts = []
    if "name" in defaulted:
        parts.append(f"tên tòa soạn (“{defaulted['name']}”)")
    if "base_url" in defaulted:
        parts.append(f"địa chỉ trang báo ({defaulted['base_url']})")
    return Finding(
        "site",
        "site_not_configured",
        "Máy này chưa cấu hình trang báo: "
        + " và ".join(parts)
        + " là giá trị mặc định, không phải của tòa soạn. Bài xuất ra sẽ mang các giá trị đó; "
        "hãy nhờ IT đặt tệp cấu hình site ([outlet] name, base_url; xem docs/site-config.md).",
        "cấu hình trang báo",
    )


def check_article(article: Article, limits: LengthLimits = DEFAULT_LIMITS) -> list[Finding]:
    """Lengths, junk in the text and a missing byline, in the fields' order (the headline,
    the sapo, the body, each caption, the byline), then by place in the field."""
    byline = missing_byline(article)
    found = lengths(article, limits) + junk(article) + ([byline] if byline else [])
    return sorted(found, key=lambda f: _order(f, article))

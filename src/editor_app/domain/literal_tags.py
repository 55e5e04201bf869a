"""HTML tags typed or pasted as text: `<script>…</script>`, `<img src=x onerror=…>`, `</p>`.

Nothing a writer types becomes a tag: the headline, the sapo and captions are text, and the
body's Markdown is rendered without raw HTML (`render.dialect`). So a tag in the text is shown
to readers letter for letter, as junk. This finds them, with their offsets in the text.

A tag is `<`, an optional `/`, the name of an HTML element (`HTML_ELEMENTS`: "x <y> z" or
"<Tên tác phẩm>" are not tags), then attributes and `>`; also comments (`<!-- … -->`) and
declarations (`<!DOCTYPE html>`). In the body (`markdown=True`) the brackets may also be written
as character references (`&lt;script&gt;`: what pasting HTML code into the editor produces, and
what readers see as `<script>`), a backslash before `<` belongs to the tag, and code (fenced
blocks, backquote spans) is left alone. A `script` or `style` element is found whole, through
its end tag: removing only the tags would leave its code in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor_app.domain.markdown_text import code_regions

__all__ = ["HTML_ELEMENTS", "LiteralTag", "find_literal_tags", "removal_span"]

HTML_ELEMENTS = frozenset(
    {
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo",
        "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
        "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt",
        "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame",
        "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html",
        "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map",
        "mark", "marquee", "math", "menu", "meta", "meter", "nav", "noscript", "object", "ol",
        "optgroup", "option", "output", "p", "param", "picture", "pre", "progress", "q", "rp", "rt",
        "ruby", "s", "samp", "script", "search", "section", "select", "slot", "small", "source",
        "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u",
        "ul", "var", "video", "wbr",
    }
)  # fmt: skip
#: What a tag's attributes (or a comment) may hold at most: bounds the search on a long text
#: with no `>` (a 500,000-character body of `&lt;b x` is scanned in about a second).
MAX_TAG_CHARS = 600
_WHOLE = frozenset({"script", "style"})  # removed with their content

_LT = r"(?:<)"
_GT = r"(?:>)"
_LT_MD = r"(?:<|&lt;|&#0*60;|&#[xX]0*3[cC];)"
_GT_MD = r"(?:>|&gt;|&#0*62;|&#[xX]0*3[eE];)"


def _pattern(lt: str, gt: str, follow: str) -> re.Pattern[str]:
    return re.compile(
        rf"{lt}(?:"
        rf"(?P<comment>!--.{{0,{MAX_TAG_CHARS}}}?--{gt})"
        rf"|(?P<decl>![A-Za-z][^<>]{{0,{MAX_TAG_CHARS}}}?{gt})"
        rf"|(?P<slash>/)?(?P<name>[A-Za-z][A-Za-z0-9]{{0,15}})"
        rf"(?=[{follow}])(?P<attrs>[^<>]{{0,{MAX_TAG_CHARS}}}?){gt}"
        r")",
        re.I | re.S,
    )


_PLAIN = _pattern(_LT, _GT, r"\s/>")
_MARKDOWN = _pattern(_LT_MD, _GT_MD, r"\s/>&")


def _end_tag(name: str, markdown: bool) -> re.Pattern[str]:
    lt, gt = (_LT_MD, _GT_MD) if markdown else (_LT, _GT)
    return re.compile(rf"{lt}/{name}\s*{gt}", re.I)


@dataclass(frozen=True, slots=True)
class LiteralTag:
    """A tag in the text: `text[start:end]` (a `script`/`style` element: through its end tag).
    `name`: the element's name in lower case, `!--` for a comment, `!` for a declaration."""

    start: int
    end: int
    name: str
    closing: bool = False


def find_literal_tags(text: str, *, markdown: bool = False) -> list[LiteralTag]:
    """The tags written as text, in order, never overlapping. `markdown`: the text is a body
    (character references count, code is skipped)."""
    pattern = _MARKDOWN if markdown else _PLAIN
    code = code_regions(text) if markdown and ("`" in text or "~~~" in text) else None
    found: list[LiteralTag] = []
    ends: dict[str, re.Match[str] | None] = {}  # the next end tag of script/style seen so far
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return found
        start, end = m.start(), m.end()
        if m.group("comment"):
            name, closing = "!--", False
        elif m.group("decl"):
            name, closing = "!", False
        else:
            name = m.group("name").lower()
            closing = bool(m.group("slash"))
            if name not in HTML_ELEMENTS:
                pos = start + 1
                continue
        if code is not None and code.overlaps(start, end):
            pos = start + 1
            continue
        if name in _WHOLE and not closing:
            if name not in ends or ((seen := ends[name]) is not None and seen.start() < end):
                ends[name] = _end_tag(name, markdown).search(text, end)  # None: none further on
            close = ends[name]
            if close is not None and (code is None or not code.overlaps(end, close.end())):
                end = close.end()
        if markdown and start > 0 and text[start - 1] == "\\":
            start -= 1  # `\<b>`: the backslash goes with it
        found.append(LiteralTag(start, end, name, closing))
        pos = end


def removal_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete to take `text[start:end]` out: with one space next to it when it
    stood between two spaces (or at a line's edge), so no double space is left."""
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    if after == " " and before in " \n":
        return start, end + 1
    if before == " " and after == "\n":
        return start - 1, end
    return start, end

"""Pasted HTML (Word, a browser, Google Docs) → the clean Markdown reporters write.

Kept: paragraphs, line breaks, headings (h1–h6 → `#`), bold and italic (tags, and the
`font-weight`/`font-style` spans Google Docs writes), links to http, https and mailto addresses,
lists (including Word's `mso-list` paragraphs, whose bullets sit in `<![if !supportLists]>`
sections), block quotes, table rows (one paragraph per row, cells joined by " | ").
Dropped: scripts, styles, comments and conditional comments, `<o:p>`, images, every attribute
but href and style, spans (their text is kept).

Whitespace is collapsed (no-break spaces included), entities are decoded, the result is NFC and
has at most one blank line between blocks. Text that Markdown would read as markup is escaped
where it matters: `*` and backquotes anywhere, `#` headings, `>` quotes and `===`/`---`
underlines at a line's start, and `<` before a letter (written `&lt;`, so no pasted text can
become a tag). A line starting with "- " or "1. " is left as it is: in pasted news copy that
is a hand-made list, and a list is what it should become.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import quote

from editor_app.domain.paste_markdown import (
    LINE_START,
    Block,
    Item,
    ListState,
    Span,
    escape_text,
    render_span,
    write_blocks,
)
from editor_app.domain.text import nfc

__all__ = ["html_to_markdown"]

_SKIP_CONTENT = frozenset(
    {
        "script", "style", "head", "title", "template", "noscript", "svg", "math", "object",
        "iframe", "select", "textarea", "button", "canvas", "audio", "video", "xml", "o:p",
    }
)  # fmt: skip
_VOID = frozenset(
    {
        "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input",
        "keygen", "link", "meta", "param", "source", "track", "wbr",
    }
)  # fmt: skip
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "body", "caption", "center", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header",
        "hgroup", "hr", "html", "legend", "main", "nav", "section", "summary", "tbody",
        "tfoot", "thead",
    }
)  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
# The tags that start and end a block (a paragraph, a heading, a list item, a row, a cell...).
_BLOCK_TAGS = (
    _BLOCKS
    | frozenset(_HEADINGS)
    | frozenset({"p", "ul", "ol", "li", "blockquote", "pre", "table", "tr", "td", "th"})
)
_LINK_SCHEMES = ("http://", "https://", "mailto:")

_SPACE = re.compile(r"[ \t\n\r\f\v\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u2060\ufeff]")
_WORD_LIST = re.compile(r"mso-list\s*:\s*l(\d+)\s+level(\d+)", re.IGNORECASE)
_ORDERED_BULLET = re.compile(r"^\(?(?:\d+|[a-zA-Z]|[ivxlcIVXLC]+)[.)]")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def _style(style: str, prop: str) -> str:
    m = re.search(rf"(?:^|;)\s*{prop}\s*:\s*([^;]+)", style, re.IGNORECASE)
    return m.group(1).strip().lower() if m else ""


def _is_bold_weight(value: str) -> bool | None:
    """True/False when the CSS font-weight says so, None when it says nothing."""
    if not value:
        return None
    return value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600)


def _clean_href(href: str) -> str:
    href = _SPACE.sub(" ", href).strip()
    if not href.lower().startswith(_LINK_SCHEMES):
        return ""
    return quote(href, safe="/:?#[]@!$&'*+,;=%~.-_")


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._skip: str | None = None
        self._skip_depth = 0
        self._stack: list[Span] = [Span("root", "")]
        self._lists: list[ListState] = []
        self._items: list[Item] = []
        self._quote = 0
        self._heading = 0
        self._pre = 0
        self._row: list[str] | None = None  # cells of the table row being read
        self._cell: list[str] | None = None  # paragraphs of the cell being read
        self._word_level = 0  # a Word list paragraph's level (1-based), 0 when not one
        self._word_list = 0  # and the number of its list
        self._bullet: list[str] | None = None  # a Word bullet's text, while it is read
        self._bullet_text = ""  # the last bullet read
        self._word_numbers: dict[int, int] = {}  # level → last number, in _numbered_list
        self._numbered_list = -1
        self._list_ids = 0

    # --- tags ---------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip is not None:
            if tag == self._skip:
                self._skip_depth += 1
            elif tag == "body" and self._skip == "head":
                self._skip, self._skip_depth = None, 0
            return
        if tag in _SKIP_CONTENT:
            self._skip, self._skip_depth = tag, 1
            return
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "br":
            self._stack[-1].children.append("\n")
        elif tag in _VOID:
            if tag == "hr":
                self._flush()
        elif tag in _BLOCK_TAGS:
            self._flush()
            self._open_block(tag, a)
        else:
            self._open_inline(tag, a, a.get("style", ""))

    def _open_block(self, tag: str, a: dict[str, str]) -> None:
        """The state a block's start tag sets, once the text before it is flushed."""
        if tag in _HEADINGS:
            self._heading = _HEADINGS[tag]
        elif tag == "p":
            style = a.get("style", "")
            m = _WORD_LIST.search(style)
            self._bullet_text = ""
            word_list = m is not None and "ignore" not in style.lower()
            self._word_list = int(m.group(1)) if m and word_list else 0
            self._word_level = min(int(m.group(2)), 9) if m and word_list else 0
        elif tag in ("ul", "ol"):
            start = a.get("start", "1")
            self._list_ids += 1
            number = int(start) if start.isdigit() and len(start) < 9 else 1
            self._lists.append(ListState(tag == "ol", number, self._list_ids))
        elif tag == "li":
            if self._lists:
                lst = self._lists[-1]
                marker = f"{lst.number}." if lst.ordered else "-"
                lst.number += 1
                self._items.append(Item(len(self._lists) - 1, marker))
            else:
                self._items.append(Item(0, "-"))
        elif tag == "blockquote":
            self._quote += 1
        elif tag == "pre":
            self._pre += 1
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def _open_inline(self, tag: str, a: dict[str, str], style: str) -> None:
        weight = _is_bold_weight(_style(style, "font-weight"))
        slant = _style(style, "font-style")
        kinds: list[str] = []
        if "mso-list" in style.lower() and "ignore" in style.lower():
            kinds.append("bullet")
            if self._bullet is None:
                self._bullet = []
        if tag == "a" and a.get("href"):
            kinds.append("link")
        if (tag in ("b", "strong") and weight is not False) or weight:
            kinds.append("bold")
        if (tag in ("i", "em", "cite", "dfn", "var") and slant != "normal") or slant in (
            "italic",
            "oblique",
        ):
            kinds.append("italic")
        for kind in kinds or ["plain"]:
            span = Span(kind, tag, _clean_href(a.get("href", "")) if kind == "link" else "")
            self._stack[-1].children.append(span)
            self._stack.append(span)

    def handle_endtag(self, tag: str) -> None:
        if self._skip is not None:
            if tag == self._skip:
                self._skip_depth -= 1
                if self._skip_depth <= 0:
                    self._skip, self._skip_depth = None, 0
            return
        if tag in _VOID:
            return
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr" or tag == "table":
            self._end_row()
        elif tag in _BLOCK_TAGS:
            self._flush()
            self._close_block(tag)
        else:
            self._close_inline(tag)

    def _close_block(self, tag: str) -> None:
        """The state a block's end tag ends, once the block's text is flushed."""
        if tag in _HEADINGS:
            self._heading = 0
        elif tag == "p":
            self._word_level = 0
        elif tag in ("ul", "ol"):
            if self._lists:
                self._lists.pop()
            while self._items and self._items[-1].depth >= len(self._lists):
                self._items.pop()
        elif tag == "li":
            if self._items:
                self._items.pop()
        elif tag == "blockquote":
            self._quote = max(0, self._quote - 1)
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)

    def _close_inline(self, tag: str) -> None:
        if not any(s.tag == tag for s in self._stack[1:]):
            return
        while len(self._stack) > 1:
            span = self._stack.pop()
            if span.kind == "bullet":
                self._end_bullet()
            if span.tag == tag and not any(s.tag == tag for s in self._stack[1:]):
                break

    # --- text ---------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self._skip is not None:
            return
        if self._bullet is not None:
            self._bullet.append(data)
            return
        data = _INVISIBLE.sub("", data)
        if self._pre:
            data = data.replace("\r\n", "\n").replace("\r", "\n")
            text = "\n".join(_SPACE.sub(" ", line) for line in data.split("\n"))
        else:
            text = _SPACE.sub(" ", data)
        if text:
            self._stack[-1].children.append(text)

    def handle_comment(self, data: str) -> None:
        self._conditional(data)

    def unknown_decl(self, data: str) -> None:
        self._conditional(data)

    def _conditional(self, data: str) -> None:
        """Word writes a list paragraph's bullet between `[if !supportLists]` and `[endif]`."""
        d = data.strip().lower().replace(" ", "")
        if d.startswith("[if!supportlists]") or d.startswith("if!supportlists"):
            self._bullet = []
            if d.endswith("[endif]"):  # a whole comment: nothing to read
                self._end_bullet()
        elif d in ("[endif]", "endif"):
            self._end_bullet()

    def _end_bullet(self) -> None:
        if self._bullet is not None:
            self._bullet_text = "".join(self._bullet)
        self._bullet = None

    # --- blocks -------------------------------------------------------------------------------
    def _reopen(self) -> Span:
        """A new block starts: formatting still open (a `<b>` around paragraphs) goes on."""
        root = Span("root", "")
        parent = root
        for span in self._stack[1:]:
            if span.kind == "bullet":
                continue
            copy = Span(span.kind, span.tag, span.href)
            parent.children.append(copy)
            parent = copy
        old = self._stack
        self._stack = [root]
        node = root
        while node.children:
            child = node.children[0]
            assert isinstance(child, Span)
            self._stack.append(child)
            node = child
        return old[0]

    def _flush(self) -> None:
        root = self._reopen()
        text = render_span(root, self._heading > 0, False)
        text = re.sub(r" *\n *", "\n", re.sub(r" {2,}", " ", text)).strip(" \n")
        if not text:
            return
        if self._cell is not None:
            self._cell.append(" ".join(text.split("\n")))
            return
        paragraphs = [p for p in re.split(r"\n{2,}", text) if p.strip()]
        for n, para in enumerate(paragraphs):
            self._emit(para.split("\n"), first=n == 0)

    def _emit(self, lines: list[str], first: bool) -> None:
        lines = [LINE_START.sub(r"\\\1", line, count=1) for line in lines]
        if self._heading:
            block = Block([" ".join(lines)], "h", level=self._heading)
        elif self._items:
            item = self._items[-1]
            if item.started or not first:
                block = Block(lines, "cont", depth=item.depth)
            else:
                item.started = True
                block = Block(lines, "li", depth=item.depth, marker=item.marker)
        elif self._word_level and first:
            level = self._word_level
            if self._word_list != self._numbered_list:
                self._word_numbers, self._numbered_list = {}, self._word_list
            ordered = bool(_ORDERED_BULLET.match(self._bullet_text.strip()))
            number = self._word_numbers.get(level, 0) + 1 if ordered else 0
            self._word_numbers = {k: v for k, v in self._word_numbers.items() if k <= level}
            self._word_numbers[level] = number
            marker = f"{number}." if ordered else "-"
            block = Block(
                lines, "li", depth=level - 1, marker=marker, lists=(-1 - self._word_list,) * level
            )
        else:
            block = Block(lines, "p")
        if not (self._word_level and block.kind == "li"):
            self._word_numbers = {}
        block.quote = self._quote
        if block.kind in ("li", "cont") and self._items:
            block.lists = tuple(lst.ident for lst in self._lists[: block.depth + 1])
        self.blocks.append(block)

    def _end_cell(self) -> None:
        self._flush()
        if self._cell is not None and self._row is not None:
            cell = " ".join(self._cell).strip()
            if cell:
                self._row.append(cell)
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        row, self._row = self._row, None
        if row:
            self._emit([" | ".join(row)], first=True)

    def close(self) -> None:
        super().close()
        self._end_row()
        self._flush()


def _fallback(html: str) -> list[Block]:
    """For markup html.parser gives up on: the text of the tags, one paragraph per line."""
    html = re.sub(r"(?is)<(script|style|head)\b.*?</\1\s*>|<!--.*?-->", " ", html)
    html = re.sub(r"(?i)<br\s*/?>|</(?:p|div|li|h[1-6]|tr)\s*>", "\n", html)
    text = re.sub(r"<[^>]*>?", " ", html)
    from html import unescape

    blocks = []
    for line in unescape(text).split("\n"):
        line = _SPACE.sub(" ", _INVISIBLE.sub("", line)).strip()
        if line:
            blocks.append(Block([LINE_START.sub(r"\\\1", escape_text(line), count=1)], "p"))
    return blocks


def html_to_markdown(html: str) -> str:
    """Clean Markdown from clipboard HTML; "" when there is no text in it. Never raises."""
    parser = _Converter()
    try:
        parser.feed(html)
        parser.close()
        blocks = parser.blocks
    except Exception:  # html.parser gives up on some malformed declarations
        blocks = _fallback(html)
    text = nfc(write_blocks(blocks).strip("\n"))
    return _TAG_START.sub("&lt;", text)

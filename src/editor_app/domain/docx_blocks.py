"""The HTML a Word file is read into (by mammoth), cut into the blocks the layout decides on.

Mammoth writes a flat run of top-level elements: paragraphs (`<p>`, with a class for the styles
the importer maps: `title`, `subtitle`, `caption`), headings, lists, tables, and pictures as
`<img src="docx-image:N">` inside them. A paragraph is cut at its pictures: text before, the
picture as a block of its own, text after (a picture and its caption typed in one paragraph
with a line break become a photo and a caption). A picture inside a list or a table follows it.
Each text block keeps its HTML (rebuilt from the parse, so it is well formed) for the paste
converter, its plain text, and whether all of it is bold or italic.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from editor_app.domain.text import nfc

__all__ = ["IMAGE_SCHEME", "SKIPPED_SCHEME", "HtmlBlock", "split_blocks", "useful_alt"]

#: The `src` of a picture the importer kept (`docx-image:<key>`) or left out (`docx-skip:<key>`).
IMAGE_SCHEME = "docx-image:"
SKIPPED_SCHEME = "docx-skip:"

_SPACE = re.compile(r"\s+")
_SPLIT_AT_IMAGES = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset({"br", "img", "hr", "col", "wbr"})
_BOLD = frozenset({"strong", "b"})
_ITALIC = frozenset({"em", "i"})


@dataclass
class HtmlBlock:
    """A top-level block: text (`tag` p, h1…h6, ul, ol, table…) or a picture (`tag` "img")."""

    tag: str
    classes: frozenset[str] = frozenset()
    html: str = ""  # the block's HTML, for html_to_markdown
    text: str = ""  # its text, NFC, white space collapsed
    bold: bool = False  # all its text is bold
    italic: bool = False  # all its text is italic
    image: str = ""  # a picture's key ("" for text)
    alt: str = ""  # a picture's description, as Word keeps it
    skipped: bool = False  # a picture in a format the photos do not take

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class _Open:
    """The top-level block being read."""

    tag: str
    attrs: str
    classes: frozenset[str]
    stack: list[tuple[str, str]] = field(default_factory=list)  # open inline tags inside it
    parts: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    plain: int = 0  # characters of text not bold
    upright: int = 0  # characters of text not italic
    after: list[HtmlBlock] = field(default_factory=list)  # pictures met in a list or table


def _attrs(attrs: list[tuple[str, str | None]]) -> str:
    return "".join(f' {k}="{html.escape(v or "", quote=True)}"' for k, v in attrs)


# Descriptions that describe nothing: what Office writes by itself ("… Description automatically
# generated", "Mô tả được tạo tự động"), a default name ("Picture 3", "Hình 2", "Image1"), a file.
_USELESS_ALT = re.compile(
    r"(?:generated|tự động)|^(?:image|picture|graphic|figure|hình|ảnh|hình ảnh)\s*\d*$"
    r"|\.(?:jpe?g|png|gif|bmp|tiff?|webp|heic|emf|wmf)$",
    re.IGNORECASE,
)


def useful_alt(alt: str) -> str:
    """A picture's description as Word keeps it, or "" when it describes nothing."""
    alt = nfc(_SPACE.sub(" ", alt)).strip()
    return "" if _USELESS_ALT.search(alt) else alt


def _image_block(attrs: dict[str, str]) -> HtmlBlock | None:
    src = attrs.get("src", "")
    alt = useful_alt(attrs.get("alt", ""))
    if src.startswith(IMAGE_SCHEME):
        return HtmlBlock("img", image=src[len(IMAGE_SCHEME) :], alt=alt)
    if src.startswith(SKIPPED_SCHEME):
        return HtmlBlock("img", image=src[len(SKIPPED_SCHEME) :], alt=alt, skipped=True)
    return None  # a picture with no key: nothing the importer made


class _Splitter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[HtmlBlock] = []
        self.current: _Open | None = None
        self.depth = 0  # elements open inside the current block (its own tag included)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "img":
            self._image(a)
            return
        if self.current is None:
            classes = frozenset(a.get("class", "").split())
            self.current = _Open(tag, _attrs(attrs), classes)
            self.depth = 0 if tag in _VOID else 1
            if tag in _VOID:
                self._close()
            return
        self.current.parts.append(f"<{tag}{_attrs(attrs)}>")
        if tag not in _VOID:
            self.depth += 1
            self.current.stack.append((tag, _attrs(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        current = self.current
        if current is None or tag in _VOID:
            return
        self.depth -= 1
        if self.depth <= 0:
            self._close()
            return
        current.parts.append(f"</{tag}>")
        for i in range(len(current.stack) - 1, -1, -1):
            if current.stack[i][0] == tag:
                del current.stack[i]
                break

    def handle_data(self, data: str) -> None:
        current = self.current
        if current is None:
            if data.strip():  # text outside any element: a paragraph of its own
                self.current = _Open("p", "", frozenset())
                self.depth = 1
                self.handle_data(data)
                self._close()
            return
        current.parts.append(html.escape(data, quote=False))
        current.text.append(data)
        size = len(data.strip())
        open_tags = {t for t, _ in current.stack}
        if not open_tags & _BOLD:
            current.plain += size
        if not open_tags & _ITALIC:
            current.upright += size

    # --- blocks ---------------------------------------------------------------------------
    def _image(self, attrs: dict[str, str]) -> None:
        block = _image_block(attrs)
        if block is None:
            return
        current = self.current
        if current is None:
            self.blocks.append(block)
        elif current.tag in _SPLIT_AT_IMAGES:
            self._cut(current, block)
        else:
            current.after.append(block)

    def _cut(self, current: _Open, image: HtmlBlock) -> None:
        """Ends the paragraph's text before the picture, the picture, then the text goes on
        in a block of the same tag and open formatting."""
        stack = list(current.stack)
        for tag, _ in reversed(stack):
            current.parts.append(f"</{tag}>")
        self._emit(current)
        self.blocks.append(image)
        following = _Open(current.tag, current.attrs, current.classes, stack=list(stack))
        following.parts = [f"<{tag}{attrs}>" for tag, attrs in stack]
        self.current = following

    def _close(self) -> None:
        current = self.current
        self.current = None
        self.depth = 0
        if current is None:
            return
        self._emit(current)
        self.blocks.extend(current.after)

    def _emit(self, current: _Open) -> None:
        text = nfc(_SPACE.sub(" ", "".join(current.text))).strip()
        if not text:
            return
        inner = "".join(current.parts)
        self.blocks.append(
            HtmlBlock(
                current.tag,
                current.classes,
                f"<{current.tag}{current.attrs}>{inner}</{current.tag}>",
                text,
                bold=current.plain == 0,
                italic=current.upright == 0,
            )
        )


def split_blocks(markup: str) -> list[HtmlBlock]:
    """The blocks of mammoth's HTML, in order (empty paragraphs left out)."""
    parser = _Splitter()
    parser.feed(markup)
    parser.close()
    parser._close()
    return parser.blocks

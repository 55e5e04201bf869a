"""A Word file's blocks (docx_blocks.py) laid out as a story: headline, sapo, body, photos.

- Headline: the paragraph in Word's Title style; else the first heading, when it comes before
  any long paragraph (within the first `HEADLINE_WITHIN` blocks); else the first paragraph. What
  stands before the headline (a kicker, "Bài: …") opens the body.
- Sapo: the next paragraph, when it is in the Subtitle style, all bold, or short (at most
  `SAPO_MAX_WORDS` words), as Vietnamese outlets write it.
- Body: the rest as clean Markdown through the paste converter (`paste_html.html_to_markdown`),
  tables as Markdown tables (the body renders them), each picture as `![alt](photo:<id>)` where
  it stood.
- Captions: a paragraph in Word's Caption style right under the picture (or right above it,
  when nothing below is one), else the paragraph right under it when it is all italic or short
  (at most `CAPTION_MAX_WORDS` words); a trailing "Ảnh: …" or "(Ảnh: …)" becomes the credit
  (`photo_credit.split_credit`). A caption taken is not repeated in the body.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser

from editor_app.domain.docx_blocks import HtmlBlock, split_blocks
from editor_app.domain.paste_html import html_to_markdown
from editor_app.domain.photo_credit import split_credit

__all__ = [
    "CAPTION_MAX_WORDS",
    "HEADLINE_WITHIN",
    "SAPO_MAX_WORDS",
    "DocxLayout",
    "PlacedPhoto",
    "lay_out",
]

SAPO_MAX_WORDS = 60
CAPTION_MAX_WORDS = 40
HEADLINE_WITHIN = 3
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CAPTION_CLASSES = frozenset({"caption"})
_TEXT = frozenset({"p"}) | _HEADINGS
# The way back from a footnote to its mark, which mammoth writes after each note's text.
_NOTE_BACKLINK = re.compile(r'\s*<a href="#(?:footnote|endnote)-ref-[^"]*">\s*↑\s*</a>')


@dataclass(frozen=True)
class PlacedPhoto:
    """A picture of the document: its key (the importer's), the id its photo will have (the
    body names it), caption and credit as read around it."""

    key: str
    id: uuid.UUID
    caption: str = ""
    credit: str = ""
    alt: str = ""


@dataclass
class DocxLayout:
    headline: str = ""
    sapo: str = ""
    body: str = ""
    photos: list[PlacedPhoto] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # keys of pictures left out


def _is_caption_style(block: HtmlBlock | None) -> bool:
    return block is not None and block.tag == "p" and bool(block.classes & _CAPTION_CLASSES)


def _looks_like_caption(block: HtmlBlock | None) -> bool:
    if block is None or block.tag != "p" or block.classes & {"title", "subtitle"}:
        return False
    return _is_caption_style(block) or block.italic or block.words <= CAPTION_MAX_WORDS


def _headline_index(blocks: list[HtmlBlock]) -> int | None:
    text = [i for i, b in enumerate(blocks) if b.tag in _TEXT]
    for i in text:
        if "title" in blocks[i].classes:
            return i
    for i in text[:HEADLINE_WITHIN]:
        if blocks[i].tag in _HEADINGS:
            return i
        if blocks[i].words > SAPO_MAX_WORDS:
            break
    return text[0] if text else None


def _is_sapo(block: HtmlBlock | None) -> bool:
    if block is None or block.tag != "p" or block.classes & _CAPTION_CLASSES:
        return False
    return "subtitle" in block.classes or block.bold or block.words <= SAPO_MAX_WORDS


def _captions(blocks: list[HtmlBlock]) -> dict[int, int]:
    """Picture index → the index of its caption block."""
    taken: dict[int, int] = {}
    used: set[int] = set()
    for i, block in enumerate(blocks):
        if block.tag != "img" or block.skipped:
            continue
        below = blocks[i + 1] if i + 1 < len(blocks) else None
        above = blocks[i - 1] if i > 0 else None
        if _looks_like_caption(below) and i + 1 not in used:
            taken[i] = i + 1
        elif _is_caption_style(above) and i - 1 not in used:
            taken[i] = i - 1
        if i in taken:
            used.add(taken[i])
    return taken


class _Table(HTMLParser):
    """The rows of a table, each a list of its cells' HTML (a table inside a cell is read as
    its cells' text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.rows: list[list[str]] = []
        self.depth = 0
        self.cell: list[str] | None = None
        self.span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
        if self.depth == 1 and tag == "tr":
            self.rows.append([])
        elif self.depth == 1 and tag in ("td", "th") and self.rows:
            self.cell = []
            span = dict(attrs).get("colspan") or "1"
            self.span = min(int(span), 50) if span.isdigit() else 1
        elif self.cell is not None:
            self.cell.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self.depth == 1 and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell))
            self.rows[-1].extend([""] * (self.span - 1))  # a merged cell keeps its columns
            self.cell = None
        elif self.cell is not None:
            self.cell.append(f"</{tag}>")
        if tag == "table":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


def _cell(markup: str) -> str:
    text = " ".join(line for line in html_to_markdown(markup).split("\n") if line.strip())
    return text.replace("|", "\\|")


def table_markdown(markup: str) -> str:
    """A Markdown table (the first row as its header); "" when the table holds no text."""
    parser = _Table()
    parser.feed(markup)
    parser.close()
    rows = [[_cell(c) for c in row] for row in parser.rows if row]
    rows = [r for r in rows if any(r)]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    lines = []
    for n, row in enumerate(rows):
        cells = row + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if n == 0:
            lines.append("|" + " --- |" * width)
    return "\n".join(lines)


def _body(blocks: list[HtmlBlock], photos: dict[int, PlacedPhoto]) -> str:
    """The body's Markdown: runs of text through the paste converter, tables and photos."""
    parts: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            text = html_to_markdown("".join(run))
            if text:
                parts.append(text)
            run.clear()

    for i, block in enumerate(blocks):
        if block.tag == "img":
            flush()
            if i in photos:
                alt = re.sub(r"[\[\]\\]", "", photos[i].alt)
                parts.append(f"![{alt}](photo:{photos[i].id})")
        elif block.tag == "table":
            flush()
            table = table_markdown(block.html)
            if table:
                parts.append(table)
        else:
            run.append(block.html)
    flush()
    return "\n\n".join(parts) + ("\n" if parts else "")


def lay_out(markup: str) -> DocxLayout:
    """The story in mammoth's HTML of a Word file."""
    blocks = split_blocks(_NOTE_BACKLINK.sub("", markup))
    layout = DocxLayout()
    head = _headline_index(blocks)
    rest = list(blocks)
    if head is not None:
        layout.headline = blocks[head].text
        after = blocks[head + 1] if head + 1 < len(blocks) else None
        skip = {head}
        if _is_sapo(after):
            layout.sapo = blocks[head + 1].text
            skip.add(head + 1)
        rest = [b for i, b in enumerate(blocks) if i not in skip]
    captions = _captions(rest)
    photos: dict[int, PlacedPhoto] = {}
    for i, block in enumerate(rest):
        if block.tag != "img":
            continue
        if block.skipped:
            layout.skipped.append(block.image)
            continue
        caption, credit = split_credit(rest[captions[i]].text) if i in captions else ("", "")
        photos[i] = PlacedPhoto(block.image, uuid.uuid4(), caption, credit, block.alt)
    layout.photos = list(photos.values())
    caption_blocks = set(captions.values())
    kept: list[HtmlBlock] = []
    kept_photos: dict[int, PlacedPhoto] = {}
    for i, block in enumerate(rest):
        if i in caption_blocks:
            continue
        if i in photos:
            kept_photos[len(kept)] = photos[i]
        kept.append(block)
    layout.body = _body(kept, kept_photos)
    return layout
